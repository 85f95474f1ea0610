//! `GET /api/openapi.json`: the API described as OpenAPI 3.1.
//!
//! The schemas are generated from the very types the server and the app
//! (de)serialise — the domain's commands, events, state and rejections via
//! its `schema` feature — so the document cannot drift from the wire. The
//! paths are listed here by hand, next to the router they describe.

use std::sync::OnceLock;

use axum::Json;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};
use vela_domain::sync::{PullResponse, PushRequest, PushResponse, RevisionAnnouncement};

use super::accounts::{PasswordSet, SetPassword};
use super::auth::{LoginRequest, LoginResponse};
use super::calendar::{FeedStatus, NewFeed, NoFields};
use super::config::PublicConfig;
use super::health::Health;
use super::me::Me;
use super::partnership::{MemberAdded, NewMember};

/// The document, built once.
pub async fn openapi() -> Json<Value> {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    Json(DOCUMENT.get_or_init(document).clone())
}

/// Builds the whole OpenAPI document.
pub fn document() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| s.definitions_path = "/components/schemas".into())
        .into_generator();
    let login = of::<LoginRequest>(&mut generator);
    let login_ok = of::<LoginResponse>(&mut generator);
    let health = of::<Health>(&mut generator);
    let public_config = of::<PublicConfig>(&mut generator);
    let new_member = of::<NewMember>(&mut generator);
    let member_added = of::<MemberAdded>(&mut generator);
    let me = of::<Me>(&mut generator);
    let push = of::<PushRequest>(&mut generator);
    let pushed = of::<PushResponse>(&mut generator);
    let pulled = of::<PullResponse>(&mut generator);
    let announced = of::<RevisionAnnouncement>(&mut generator);
    let feed_status = of::<FeedStatus>(&mut generator);
    let new_feed = of::<NewFeed>(&mut generator);
    let no_fields = of::<NoFields>(&mut generator);
    let set_password = of::<SetPassword>(&mut generator);
    let password_set = of::<PasswordSet>(&mut generator);
    let mail_status = of::<super::mail::MailStatus>(&mut generator);
    let month_param = json!({"name": "month", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}});
    let protocol_param = json!({"name": "protocol", "in": "query", "required": true, "description": "the client's sync protocol version (vela_domain::sync::PROTOCOL_VERSION); missing or lower is answered 426 client_outdated", "schema": {"type": "integer", "minimum": vela_domain::sync::PROTOCOL_VERSION}});
    let mut schemas: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    schemas.insert("Error".into(), error_schema());

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Vela API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Sync API of Vela, the agile-work planner. Every change is a command pushed to /api/sync/push; every read is a pull of the caller's view. Errors are JSON {\"error\": code, \"message\": text}. State-changing requests need content-type application/json; bodies are limited to 1 MiB; unknown fields are refused.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "vela_session"}
            },
        },
        "security": [{"session": []}],
        "paths": {
            "/api/health": {"get": op("Liveness, version and whether the store can write", None, json!({"200": ok(health), "503": error("the store cannot write to disk right now (store_unavailable); it retries on its own")}), false)},
            "/api/config": {"get": op("What the app shows before sign-in: whether this deployment is a demo (sample data, demo accounts listed on the login page), whether single sign-on is on (and its button label) and whether local passwords are", None, json!({"200": ok(public_config)}), false)},
            "/api/partnership/organisations": {"post": op(
                "Adds a member organisation with its first administrator and their initial password (partnership administrators only; at least 10 characters)",
                Some(new_member),
                json!({"200": ok(member_added), "403": error("not a partnership administrator"), "422": error("a short password, a taken username or an invalid name")}),
                true,
            )},
            "/api/auth/login": {"post": op(
                "Signs in; sets the HttpOnly session cookie",
                Some(login),
                json!({"200": ok(login_ok), "401": error("wrong username or password"), "403": error("local passwords are switched off (--no-local-passwords): sign in with single sign-on"), "429": error("too many failed attempts (Retry-After)"), "503": error("every password check is busy; retry shortly (Retry-After)")}),
                false,
            )},
            "/api/auth/oidc/login": {"get": {
                "summary": "Single sign-on (OpenID Connect, authorization code flow with PKCE, state and nonce): 303 to the identity provider, with a short-lived HttpOnly cookie (vela_oidc_state, SameSite=Lax) tying the callback to this browser. When the provider cannot be reached: 303 to /?sso_error=provider_unavailable. For browsers (a link), not for scripts.",
                "security": [],
                "responses": with_errors(json!({
                    "303": {"description": "to the provider's authorization endpoint, or to the login page with ?sso_error=<code>"},
                    "404": error("single sign-on is not configured"),
                }), false),
            }},
            "/api/auth/oidc/callback": {"get": {
                "summary": "Where the identity provider sends the browser back (register <public URL>/api/auth/oidc/callback as its redirect URI). Checks the state against the browser's cookie, exchanges the code with the PKCE verifier, verifies the ID token (signature, issuer, audience, expiry, nonce) and signs in the one active person the configured claim names: 200 with a page that moves on at once to /api/auth/oidc/complete?ticket=<one-time ticket>, which sets the vela_session cookie (browsers refuse a SameSite=Strict cookie on the provider's redirect) and answers 303 to /?signed_in=sso. Otherwise 303 to /?sso_error=<code>: provider_unavailable, refused, invalid_state, invalid_token, unknown_person (unknown or deactivated), no_role (roles come from the provider and none of the person's groups grants one), missing_claim.",
                "security": [],
                "parameters": [
                    {"name": "code", "in": "query", "required": false, "schema": {"type": "string"}},
                    {"name": "state", "in": "query", "required": false, "schema": {"type": "string"}},
                    {"name": "error", "in": "query", "required": false, "schema": {"type": "string"}},
                    {"name": "error_description", "in": "query", "required": false, "schema": {"type": "string"}},
                ],
                "responses": with_errors(json!({
                    "200": {"description": "a page that moves on to /api/auth/oidc/complete", "content": {"text/html": {"schema": {"type": "string"}}}},
                    "303": {"description": "to the login page with ?sso_error=<code>"},
                    "404": error("single sign-on is not configured"),
                }), false),
            }},
            "/api/auth/oidc/complete": {"get": {
                "summary": "Second step of a verified single sign-on (reached from the callback's page): with a live one-time ticket and this browser's flow cookie, starts the session: 303 to /?signed_in=sso with the vela_session cookie; otherwise 303 to /?sso_error=invalid_state.",
                "security": [],
                "parameters": [{"name": "ticket", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": with_errors(json!({
                    "303": {"description": "into the app with a session, or to the login page with ?sso_error=invalid_state"},
                    "404": error("single sign-on is not configured"),
                }), false),
            }},
            "/api/auth/logout": {"post": op("Ends the session", Some(json!({"type": "object"})), json!({"200": ok(json!({"type": "object"}))}), true)},
            "/api/people/{id}/password": {"put": {
                "summary": "Sets the password a person of my organisation signs in with, and ends their open sessions (administrators only; at least 10 characters)",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": set_password}}},
                "responses": with_body_errors(with_errors(json!({
                    "200": ok(password_set),
                    "403": error("not an administrator"),
                    "404": error("no such person in my organisation"),
                    "422": error("a password shorter than 10 characters"),
                }), true)),
            }},
            "/api/me": {"get": op("The signed-in person, roles, organisation and language", None, json!({"200": ok(me)}), true)},
            "/api/sync/push": {"post": with_parameters(vec![protocol_param.clone()], op(
                "Commands in order, decided at once and each answered on its own: accepted with its revision, rejected with the domain's code and parameters, or id_in_use when another person already used its id. Pushing the same id again returns the same answer. Takes ?protocol=3 (see the sync routes' 426).",
                Some(push),
                json!({"200": ok(pushed), "422": error("a body that does not fit the schema, or more than 500 commands"), "426": error("client_outdated: a missing or older protocol; reload the app"), "503": error("store_unavailable: the disk cannot be written right now; retry")}),
                true,
            ))},
            "/api/sync/pull": {"get": {
                "summary": "The caller's visible changes since a revision, or a snapshot of their view when `since` is 0, unknown or compacted away",
                "parameters": [{"name": "since", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0}}, protocol_param.clone()],
                "responses": with_errors(json!({"200": ok(pulled), "426": error("client_outdated: a missing or older protocol; reload the app")}), true),
            }},
            "/api/sync/events": {"get": {
                "summary": "Server-Sent Events: a `revision` event (id = revision, data = RevisionAnnouncement) whenever a durable revision holds something the caller may see; keep-alive comments; resume with Last-Event-ID",
                "parameters": [{"name": "Last-Event-ID", "in": "header", "required": false, "schema": {"type": "integer", "minimum": 0}}, protocol_param.clone()],
                "responses": with_errors(json!({"426": error("client_outdated: a missing or older protocol; reload the app"), "200": {
                    "description": "an event stream",
                    "content": {"text/event-stream": {"schema": announced}}
                }}), true),
            }},
            "/api/webinars/{id}/attendees.csv": {"get": {
                "summary": "A session's attendee list as CSV for spreadsheets: UTF-8 with a byte order mark, `;`-separated, Italian column titles (name, team, registration, waitlist position, present, rating, comment). Only the session's trainers and administrators.",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "403": error("not a trainer of the session nor an administrator"),
                    "404": error("no such session"),
                }), true),
            }},
            "/api/reports/{month}/teams.csv": {"get": {
                "summary": "The monthly monitoring per team (PIAO shape) as CSV for spreadsheets: staff and days in agile work with their shares, commute km and CO2 avoided, training hours, objectives; one row per team and a total. UTF-8 with a byte order mark, `;`-separated, decimal comma. Administrators only.",
                "parameters": [month_param.clone()],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a month not written YYYY-MM"),
                    "403": error("not an administrator"),
                }), true),
            }},
            "/api/reports/{month}/weekdays.csv": {"get": {
                "summary": "Office presence by weekday over the month as CSV (same format). Administrators only.",
                "parameters": [month_param],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a month not written YYYY-MM"),
                    "403": error("not an administrator"),
                }), true),
            }},
            "/api/openapi.json": {"get": op("This document", None, json!({"200": ok(json!({"type": "object"}))}), false)},
            "/api/calendar.ics": {"get": op(
                "My calendar as an iCalendar (RFC 5545) download: approved days away from the office as all-day events, webinar seats as timed events in Europe/Rome",
                None,
                json!({"200": calendar_file()}),
                true,
            )},
            "/api/calendar/feed": {
                "get": op("Whether my personal feed URL is live (the URL itself is shown only when made)", None, json!({"200": ok(feed_status.clone())}), true),
                "post": op(
                    "Makes a new personal feed URL, shown once; the previous one stops working",
                    Some(no_fields),
                    json!({"200": ok(new_feed), "422": error("a body other than {}")}),
                    true,
                ),
                "delete": op("Revokes my personal feed URL (content-type application/json, body {})", None, json!({"200": ok(feed_status), "415": error("content-type other than application/json")}), true),
            },
            "/api/feeds/{token}.ics": {"get": {
                "summary": "The calendar a live feed token opens, for calendar apps (no cookie)",
                "security": [],
                "parameters": [{"name": "token", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{43}$"}}],
                "responses": with_errors(json!({"200": calendar_file(), "404": error("unknown, rotated or revoked token")}), false),
            }},
            "/api/admin/mail": {"get": op(
                "The notification mail outbox of my organisation: whether SMTP is configured, mails waiting, failing, the latest failure. Administrators only.",
                None,
                json!({"200": ok(mail_status), "403": error("not an administrator")}),
                true,
            )},
            "/api/webinars/{id}/ics": {"get": {
                "summary": "One webinar session I may see, as an iCalendar file",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": with_errors(json!({"200": calendar_file(), "404": error("no such session, or not visible to me")}), true),
            }},
        },
    })
}

fn of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Value {
    generator.subschema_for::<T>().to_value()
}

/// An iCalendar answer.
fn calendar_file() -> Value {
    json!({"description": "an iCalendar file", "content": {"text/calendar": {"schema": {"type": "string"}}}})
}

fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string", "description": "stable machine code, e.g. unauthenticated"},
            "message": {"type": "string", "description": "English text for people"}
        }
    })
}

fn ok(schema: Value) -> Value {
    json!({"description": "success", "content": {"application/json": {"schema": schema}}})
}

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    })
}

/// Adds the errors of a route that reads a JSON body: 413, 415, 422.
fn with_body_errors(responses: Value) -> Value {
    let mut responses = match responses {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    responses
        .entry("413")
        .or_insert_with(|| error("a body over 1 MiB"));
    responses
        .entry("415")
        .or_insert_with(|| error("content-type other than application/json"));
    responses
        .entry("422")
        .or_insert_with(|| error("JSON that does not fit the schema"));
    Value::Object(responses)
}

/// Adds the errors every route can answer.
fn with_errors(responses: Value, needs_session: bool) -> Value {
    let mut responses = match responses {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    responses
        .entry("400")
        .or_insert_with(|| error("malformed request"));
    if needs_session {
        responses
            .entry("401")
            .or_insert_with(|| error("no valid session"));
    }
    Value::Object(responses)
}

fn with_parameters(parameters: Vec<Value>, mut operation: Value) -> Value {
    operation["parameters"] = Value::Array(parameters);
    operation
}

fn op(summary: &str, body: Option<Value>, responses: Value, needs_session: bool) -> Value {
    let mut operation = json!({
        "summary": summary,
        "responses": with_errors(responses, needs_session),
    });
    if let Some(schema) = body {
        operation["responses"] = with_body_errors(operation["responses"].take());
        operation["requestBody"] = json!({
            "required": true,
            "content": {"application/json": {"schema": schema}}
        });
    }
    if !needs_session {
        operation["security"] = json!([]);
    }
    operation
}
