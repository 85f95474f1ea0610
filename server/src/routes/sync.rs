//! `/api/sync/*`: push commands, pull changes, hear about new revisions.
//!
//! The domain decides everything: [`vela_domain::apply`] judges each pushed
//! command, [`vela_domain::visibility`] filters every pulled snapshot, change
//! and announcement. This module only moves data between HTTP and the store.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{watch, Semaphore};
use uuid::Uuid;
use vela_domain::ids::PersonId;
use vela_domain::sync::{
    Change, PullResponse, PushRequest, PushResponse, PushResult, RevisionAnnouncement,
    MAX_PUSH_BYTES, MAX_PUSH_COMMANDS, PROTOCOL_VERSION,
};
use vela_domain::{visibility, Actor};

use super::encoded_json::{self, Encoding};
use super::{ApiJson, ApiQuery};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::{now, OrgStore};
use crate::store::{Changes, CommandMeta, Outcome, Store};
use crate::AppState;

// The body limit of every route is the push limit the clients chunk by.
const _: () = assert!(MAX_PUSH_BYTES == super::BODY_LIMIT);

/// The caller's sync protocol, from the `protocol` query parameter of every
/// sync route. Checked before anything else: a browser running an older
/// build (no parameter, or a lower one) is told to reload (426
/// `client_outdated`) and nothing it sent is applied.
pub struct Protocol;

#[derive(Deserialize)]
struct ProtocolQuery {
    #[serde(default)]
    protocol: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for Protocol {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let version = axum::extract::Query::<ProtocolQuery>::try_from_uri(&parts.uri)
            .ok()
            .and_then(|q| q.0.protocol)
            .and_then(|p| p.trim().parse::<u32>().ok());
        match version {
            Some(v) if v >= PROTOCOL_VERSION => Ok(Protocol),
            _ => Err(ApiError::ClientOutdated),
        }
    }
}

/// How often an idle event stream sends a comment, so proxies and the
/// browser keep it open and a dead client is noticed.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The caller as the domain's actor, once they are known to still be an
/// active person of their organisation. A person removed or deactivated
/// since login loses every session here.
fn actor_of(state: &AppState, user: &CurrentUser) -> Result<Actor, ApiError> {
    let person = PersonId(user.person_id);
    let active = state.store.read(user.org_id, |org, _| {
        org.directory.people.get(&person).is_some_and(|p| p.active)
    })?;
    if active {
        Ok(Actor::Person(person))
    } else {
        state.auth.sessions.remove_person(user.person_id);
        Err(ApiError::Unauthenticated)
    }
}

/// `POST /api/sync/push?protocol=3`: the whole batch is decided at once
/// (in order, each command seeing the ones before it, under one hold of the
/// write lock) and acknowledged after one fsync; each command has its own
/// answer — accepted, rejected by a rule, or `id_in_use` when another person
/// already used its id — so one command never fails the others.
pub async fn push(
    _: Protocol,
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    if request.commands.len() > MAX_PUSH_COMMANDS {
        return Err(ApiError::Unprocessable(format!(
            "a push carries at most {MAX_PUSH_COMMANDS} commands"
        )));
    }
    let actor = actor_of(&state, &user)?;
    let at = now();
    let metas = request
        .commands
        .iter()
        .map(|envelope| CommandMeta {
            id: envelope.id,
            actor,
            at,
        })
        .collect();
    let commands = &request.commands;
    let outcomes = state
        .store
        .submit_batch(user.org_id, metas, |org, index| {
            vela_domain::apply(org, &actor, &commands[index].command, at)
        })
        .await?;
    let results = request
        .commands
        .iter()
        .zip(outcomes)
        .map(|(envelope, outcome)| match outcome {
            Outcome::Accepted { revision } => PushResult::Accepted {
                id: envelope.id,
                revision,
            },
            Outcome::Rejected(rejection) => PushResult::Rejected {
                id: envelope.id,
                message: rejection.to_string(),
                rejection,
            },
            Outcome::IdInUse => PushResult::IdInUse { id: envelope.id },
        })
        .collect();
    let revision = *state.store.durable(user.org_id)?.borrow();
    Ok(Json(PushResponse { results, revision }))
}

/// Query of `GET /api/sync/pull`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PullQuery {
    /// The revision the caller's copy is at; 0 (or absent) asks for a snapshot.
    #[serde(default)]
    since: u64,
    /// Checked by [`Protocol`].
    #[serde(default)]
    #[allow(dead_code)]
    protocol: Option<String>,
}

/// `GET /api/sync/pull?since=R&protocol=3`: the caller's visible changes
/// after R, or a snapshot of their view when R is 0, unknown or compacted
/// away. A snapshot holds records only (derived indexes are rebuilt by the
/// client as it decodes it), apart from the team counts it may see.
pub async fn pull(
    _: Protocol,
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<PullQuery>,
) -> Result<Response, ApiError> {
    let actor = actor_of(&state, &user)?;
    let store = &state.store;
    // With several servers, what the caller pushed through another one.
    store.catch_up(user.org_id).await?;
    if query.since > 0 {
        if let Changes::Entries(entries) = store.changes_since(user.org_id, query.since)? {
            let revision = entries.last().map_or(query.since, |e| e.revision);
            // Judged on the current state: the question is what the caller
            // may see now (a person who left the team takes their history
            // along; one who joined brings it, as the snapshot would).
            let changes = store.read(user.org_id, |org, _| {
                entries
                    .iter()
                    .filter_map(|entry| {
                        let events: Vec<_> = entry
                            .events
                            .iter()
                            .filter_map(|e| visibility::redact(org, &actor, e))
                            .collect();
                        (!events.is_empty()).then(|| Change {
                            revision: entry.revision,
                            events,
                        })
                    })
                    .collect::<Vec<_>>()
            })?;
            return Ok(Json(PullResponse {
                revision,
                snapshot: None,
                changes,
            })
            .into_response());
        }
    }
    // A view copies much of the state: building a few at a time bounds the
    // memory when a whole organisation opens the app at once (Monday, 8:00).
    let permit = SNAPSHOT_BUILDS
        .acquire()
        .await
        .map_err(ApiError::internal)?;
    let encoding = Encoding::accepted(&headers);
    let org = user.org_id;
    let building = state.store.clone();
    // Copying and encoding an administrator's view takes a good part of a
    // second at 2,500 people: not on an async worker.
    let (body, revision) = tokio::task::spawn_blocking(move || {
        let (view, revision) = building.read(org, |org, revision| {
            (visibility::view(org, &actor), revision)
        })?;
        let body = encoding
            .encode(&PullResponse {
                revision,
                snapshot: Some(view),
                changes: Vec::new(),
            })
            .map_err(ApiError::internal)?;
        Ok::<_, ApiError>((body, revision))
    })
    .await
    .map_err(ApiError::internal)??;
    drop(permit);
    // The view is freed: give its memory back soon.
    crate::memory::trim_soon();
    // The state may hold a revision still being fsynced: never show a
    // client something a crash could take back.
    store.wait_durable(user.org_id, revision).await?;
    Ok(encoded_json::response(encoding, body))
}

/// Snapshot views built at the same time.
static SNAPSHOT_BUILDS: Semaphore = Semaphore::const_new(4);

/// `GET /api/sync/events?protocol=3`: a `revision` event whenever a durable revision
/// holds something the caller may see. `Last-Event-ID` (sent by the browser
/// on reconnect) resumes from that revision, so nothing in between is missed.
/// The stream ends when the server shuts down.
pub async fn events(
    _: Protocol,
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
    let actor = actor_of(&state, &user)?;
    let durable = state.store.durable(user.org_id)?;
    let current = *durable.borrow();
    let resume_from = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|r| *r <= current);
    let watcher = Watcher {
        store: state.store.clone(),
        org: user.org_id,
        actor,
        durable,
        shutdown: state.shutdown.clone(),
        announced: resume_from.unwrap_or(current),
        check_now: resume_from.is_some_and(|r| r < current),
    };
    let stream = futures_util::stream::unfold(watcher, |mut watcher| async move {
        let revision = watcher.next_visible().await?;
        let data = serde_json::to_string(&RevisionAnnouncement { revision })
            .unwrap_or_else(|_| format!("{{\"revision\":{revision}}}"));
        let event = SseEvent::default()
            .event("revision")
            .id(revision.to_string())
            .data(data);
        Some((Ok(event), watcher))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

/// One caller's event stream: follows the durable revision and speaks only
/// when something the caller may see has happened.
struct Watcher {
    store: std::sync::Arc<OrgStore>,
    org: Uuid,
    actor: Actor,
    durable: watch::Receiver<u64>,
    shutdown: watch::Receiver<bool>,
    /// The newest revision this caller was told about (or needs no telling of).
    announced: u64,
    /// Whether revisions after `announced` may already be waiting.
    check_now: bool,
}

impl Watcher {
    /// The next revision worth announcing, or `None` when the stream should
    /// end (shutdown, or the store went away).
    async fn next_visible(&mut self) -> Option<u64> {
        loop {
            if *self.shutdown.borrow() {
                return None;
            }
            if !std::mem::take(&mut self.check_now) {
                tokio::select! {
                    changed = self.durable.changed() => changed.ok()?,
                    _ = self.shutdown.changed() => return None,
                }
            }
            let newest = *self.durable.borrow_and_update();
            if newest <= self.announced {
                continue;
            }
            let visible = match self.store.changes_since(self.org, self.announced).ok()? {
                Changes::Entries(entries) => self
                    .store
                    .read(self.org, |org, _| {
                        entries.iter().rev().find_map(|entry| {
                            entry
                                .events
                                .iter()
                                .any(|e| visibility::redact(org, &self.actor, e).is_some())
                                .then_some(entry.revision)
                        })
                    })
                    .ok()?,
                // Too far behind to tell: announce, the pull sends a snapshot.
                Changes::TooOld => Some(newest),
            };
            self.announced = newest;
            if let Some(revision) = visible {
                // Announce the newest revision: one pull fetches all of them.
                return Some(revision.max(newest));
            }
        }
    }
}
