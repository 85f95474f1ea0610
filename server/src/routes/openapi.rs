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
    let period_param = json!({"name": "period", "in": "path", "required": true, "description": "a month (2026-11), a year (2026) or a range of at most 60 months (2026-01..2026-06)", "schema": {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(\\.\\.[0-9]{4}-(0[1-9]|1[0-2]))?)?$"}});
    let audit_page = of::<super::audit::AuditPage>(&mut generator);
    let period_report = of::<vela_domain::monitoring::PeriodReport>(&mut generator);
    let certificate = of::<vela_domain::webinars::certificate::Certificate>(&mut generator);
    let partnership_report =
        of::<vela_domain::monitoring::partnership::PartnershipReport>(&mut generator);
    let personal_data = of::<super::personal_data::PersonalDataFile>(&mut generator);
    let import_result = of::<super::people_import::ImportResult>(&mut generator);
    let import_file_error = of::<vela_domain::directory::import::FileError>(&mut generator);
    let absence_import_result = of::<super::absences_import::AbsenceImportResult>(&mut generator);
    let absence_file_error = of::<vela_domain::agile::import::FileError>(&mut generator);
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
            "/api/people/import": {"post": people_import(import_result, import_file_error)},
            "/api/absences/import": {"post": absences_import(absence_import_result, absence_file_error)},
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
            "/api/certificates/{code}": {"get": {
                "summary": "Checks the verification code of a certificate of attendance (a session attended or a training path completed): the facts as the state holds them now — organisation, person, session(s), hours, date. Administrators, for the people of their own organisation. Case, spaces and dashes in the code do not matter.",
                "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string", "examples": ["K7QM-3XPA-9D2F-HT6W"]}}],
                "responses": with_errors(json!({
                    "200": ok(certificate),
                    "403": error("not an administrator"),
                    "404": error("no certificate of the administrator's organisation has this code (changed, made up, withdrawn, or another organisation's)"),
                }), true),
            }},
            "/api/reports/{period}": {"get": {
                "summary": "The monitoring over a month, a year or a range as JSON, for the app's page: the same figures as the CSV files (per team, the total, each month's total, presence by weekday, the stretch before for the change). Counts only. Administrators get their organisation, team leads their own teams.",
                "parameters": [period_param.clone()],
                "responses": with_errors(json!({
                    "200": ok(period_report),
                    "400": error("a period not written YYYY-MM, YYYY or YYYY-MM..YYYY-MM"),
                    "403": error("neither an administrator nor a team lead"),
                }), true),
            }},
            "/api/reports/{period}/organisations": {"get": {
                "summary": "Every organisation of the partnership side by side with the partnership's total, as JSON. The partnership administrator only.",
                "parameters": [period_param.clone()],
                "responses": with_errors(json!({
                    "200": ok(partnership_report),
                    "400": error("a period not written YYYY-MM, YYYY or YYYY-MM..YYYY-MM"),
                    "403": error("not the partnership administrator"),
                }), true),
            }},
            "/api/reports/{period}/teams.csv": {"get": {
                "summary": "The monitoring per team (PIAO shape) over a month, a year or a range, as CSV for spreadsheets: staff and days at a distance with their shares, days by mode (agile, remote, telework) and their total, commute km and CO2 avoided, training hours, objectives, people with an agreement in force; one row per team and a total. Counts only, never a person's figures. UTF-8 with a byte order mark, `;`-separated, decimal comma. Administrators get their organisation, team leads their own teams.",
                "parameters": [period_param.clone()],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a period not written YYYY-MM, YYYY or YYYY-MM..YYYY-MM"),
                    "403": error("neither an administrator nor a team lead"),
                }), true),
            }},
            "/api/reports/{period}/weekdays.csv": {"get": {
                "summary": "Office presence by weekday over the period as CSV (same format and scope).",
                "parameters": [period_param.clone()],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a period not written YYYY-MM, YYYY or YYYY-MM..YYYY-MM"),
                    "403": error("neither an administrator nor a team lead"),
                }), true),
            }},
            "/api/reports/{period}/organisations.csv": {"get": {
                "summary": "Every organisation of the partnership side by side with the partnership's total, same columns as the teams file. The partnership administrator only.",
                "parameters": [period_param],
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a period not written YYYY-MM, YYYY or YYYY-MM..YYYY-MM"),
                    "403": error("not the partnership administrator"),
                }), true),
            }},
            "/api/audit": {"get": {
                "summary": "The audit log of my organisation, newest first: every accepted change (when, who, what, on whom, by id with today's names — an anonymised person has none; an absence's kind and reason only as the reader may see them) and the security log (sign-ins, failed sign-ins, passwords set, calendar feeds, imports, single sign-ons). Pages reach the newest 10,000 matches; narrow the dates for older ones. Administrators of the organisation only.",
                "parameters": audit_params(true),
                "responses": with_errors(json!({
                    "200": ok(audit_page),
                    "400": error("a bad filter (unknown kind, until before from, size outside 1–200, a page past the newest 10,000)"),
                    "403": error("not an administrator"),
                }), true),
            }},
            "/api/audit.csv": {"get": {
                "summary": "The same entries as CSV for spreadsheets (UTF-8 with a byte order mark, `;`-separated), oldest first, at most 100,000 rows. Administrators of the organisation only.",
                "parameters": audit_params(false),
                "responses": with_errors(json!({
                    "200": {"description": "the CSV file (attachment)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": error("a bad filter"),
                    "403": error("not an administrator"),
                }), true),
            }},
            "/api/me/personal-data": {"get": op(
                "Everything Vela holds about me, as a JSON download (profile, agreements, plans, absences with reasons, objectives, registrations, notifications, preferences, username, calendar feed, security log lines)",
                None,
                json!({"200": ok(personal_data.clone())}),
                true,
            )},
            "/api/people/{id}/personal-data": {"get": {
                "summary": "The same download for a person of my organisation (administrators only)",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": with_errors(json!({
                    "200": ok(personal_data),
                    "403": error("not an administrator"),
                    "404": error("no such person in my organisation"),
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

/// `POST /api/people/import`: a CSV body, not JSON.
fn people_import(result: Value, file_error: Value) -> Value {
    let flag = |name: &str, description: &str| json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": "boolean", "default": false}});
    let limit = vela_domain::directory::import::MAX_FILE_BYTES;
    let rows = vela_domain::directory::import::MAX_ROWS;
    json!({
        "summary": format!("Imports the people of my organisation from the HR system's CSV file (administrators only). UTF-8 or Windows-1252, with or without BOM, `;`, `,` or tab separated, a header row; columns (Italian or English names): matricola/employee_number, cognome/surname, nome/name, username (required), email, team, ruoli/roles, km, lingua/language, and the agreement's accordo_dal/agreement_from, accordo_al/agreement_until, giorni_settimana/days_per_week, giorni_mese/days_per_month, modalita/mode, giorni_lavorabili/weekdays; unknown columns are ignored and listed. Rows are matched by employee number (or, for a person without one, by username); an empty cell keeps what Vela has. With dry_run=true answers the preview; otherwise applies all of it or nothing, one revision per change. At most {limit} bytes and {rows} rows."),
        "parameters": [
            flag("dry_run", "only check the file and answer the preview; nothing is stored"),
            flag("deactivate_missing", "deactivate (never delete) the active people of my organisation the file does not name; never the importing administrator"),
        ],
        "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string"}}}},
        "responses": csv_import_responses(result, file_error, "ImportReport", "the organisation's people changed between the check and the apply", "duplicate_employee_number, "),
    })
}

/// `POST /api/absences/import`: a CSV body, not JSON.
fn absences_import(result: Value, file_error: Value) -> Value {
    let rows = vela_domain::agile::import::MAX_ROWS;
    json!({
        "summary": format!("Imports absences of my organisation's people from the attendance system's CSV file (administrators only). UTF-8 or Windows-1252, `;`, `,` or tab separated, a header row; columns (Italian or English names): matricola/employee_number or username (the person), dal/from (first day, required), al/until (last day; the first when empty), tipo/kind (ferie, permesso, malattia, formazione, congedo, altro — or holiday, leave, sick, training, parental, other; required), motivo/reason (seen only by the person and administrators). Dates as YYYY-MM-DD or DD/MM/YYYY. Planned agile days under a new absence are withdrawn; an absence already recorded as the file says is unchanged, so a file can be imported again. With dry_run=true answers the preview; otherwise applies all of it or nothing. At most {} bytes and {rows} rows.", super::csv_upload::MAX_FILE_BYTES),
        "parameters": [
            {"name": "dry_run", "in": "query", "required": false, "description": "only check the file and answer the preview; nothing is stored", "schema": {"type": "boolean", "default": false}},
        ],
        "requestBody": {"required": true, "content": {"text/csv": {"schema": {"type": "string"}}}},
        "responses": csv_import_responses(result, file_error, "AbsenceImportReport", "absences or plans changed between the check and the apply", ""),
    })
}

/// The answers of an import of a CSV file.
fn csv_import_responses(
    result: Value,
    file_error: Value,
    report: &str,
    changed: &str,
    codes: &str,
) -> Value {
    with_errors(
        json!({
            "200": ok(result),
            "403": error("not an administrator"),
            "409": error(&format!("changed_meanwhile: {changed}; nothing was imported")),
            "413": error("a file over the limit"),
            "415": error("content-type other than text/csv"),
            "422": {
                "description": format!("nothing imported: a whole-file error (`error` is its code: encoding, missing_column, {codes}too_many_rows, no_rows, …, with `file` holding its parameters) or rows_refused (`report` holds the report, each refused row with its reason)"),
                "content": {"application/json": {"schema": {
                    "allOf": [{"$ref": "#/components/schemas/Error"}],
                    "properties": {"file": file_error, "report": {"$ref": format!("#/components/schemas/{report}")}},
                }}},
            },
            "503": error("another import is running; retry shortly (Retry-After)"),
        }),
        true,
    )
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

/// The audit routes' query parameters (`paged`: the JSON page's too).
fn audit_params(paged: bool) -> Value {
    let param = |name: &str, description: &str, schema: Value| json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema});
    let mut params = vec![
        param("person", "entries about this person or by them", json!({"type": "string", "format": "uuid"})),
        param("kind", "one kind, as listed in the JSON answer's kinds (e.g. agile.absence_recorded, security.sign_in)", json!({"type": "string"})),
        param("from", "first day (Europe/Rome)", json!({"type": "string", "format": "date"})),
        param("until", "last day (Europe/Rome), included", json!({"type": "string", "format": "date"})),
    ];
    if paged {
        params.push(param(
            "page",
            "0 = the newest entries",
            json!({"type": "integer", "minimum": 0}),
        ));
        params.push(param(
            "size",
            "entries per page (default 50)",
            json!({"type": "integer", "minimum": 1, "maximum": 200}),
        ));
    }
    Value::Array(params)
}
