//! The security log: events about credentials and sign-ins, which belong
//! to no synced state. One file for the deployment (usernames are unique in
//! it); each line names the organisation of the person it is about, so an
//! administrator reads their own organisation's lines only.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::ids::PersonId;

use crate::org_store::{now, OrgStore};
use crate::store::Store;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecurityKind {
    /// A person signed in with their password.
    SignIn,
    /// A sign-in was refused (wrong password, unknown or deactivated
    /// account).
    SignInFailed,
    /// A person signed in through the organisation's identity provider.
    SsoSignIn,
    /// A password was set (by an administrator, or the person).
    PasswordSet,
    /// A personal calendar feed address was made (the old one stops).
    FeedCreated,
    /// A personal calendar feed address was revoked.
    FeedRevoked,
    /// People were imported from a file.
    Import,
}

impl SecurityKind {
    /// Every kind, for filters.
    pub const ALL: [SecurityKind; 7] = [
        SecurityKind::SignIn,
        SecurityKind::SignInFailed,
        SecurityKind::SsoSignIn,
        SecurityKind::PasswordSet,
        SecurityKind::FeedCreated,
        SecurityKind::FeedRevoked,
        SecurityKind::Import,
    ];

    /// The kind as the audit routes name it: `security.sign_in`, ….
    pub fn code(self) -> &'static str {
        match self {
            SecurityKind::SignIn => "security.sign_in",
            SecurityKind::SignInFailed => "security.sign_in_failed",
            SecurityKind::SsoSignIn => "security.sso_sign_in",
            SecurityKind::PasswordSet => "security.password_set",
            SecurityKind::FeedCreated => "security.feed_created",
            SecurityKind::FeedRevoked => "security.feed_revoked",
            SecurityKind::Import => "security.import",
        }
    }
}

/// What a route reports to [`super::Audit::record`].
#[derive(Clone, Debug)]
pub struct SecurityEvent {
    pub kind: SecurityKind,
    /// The stored state the person lives in (`CurrentUser::org_id`,
    /// `Account::org_id`), when known.
    pub store_org: Option<Uuid>,
    /// The person it is about.
    pub person: Option<Uuid>,
    /// Who acted, when not the person themself (an administrator setting
    /// a password, importing people).
    pub by: Option<Uuid>,
    /// What was typed at a failed sign-in that names no account (never
    /// kept for a known account: the person's id says it).
    pub username: Option<String>,
    pub address: Option<IpAddr>,
    /// A short description without secrets (e.g. an import's counts).
    pub detail: String,
}

impl SecurityEvent {
    /// An event about no known person: `username` is what was typed.
    pub fn unattributed(kind: SecurityKind, username: &str) -> Self {
        SecurityEvent {
            kind,
            store_org: None,
            person: None,
            by: None,
            username: Some(username.to_owned()),
            address: None,
            detail: String::new(),
        }
    }

    /// An event of `kind` about `person` of stored state `store_org`.
    pub fn about(kind: SecurityKind, store_org: Uuid, person: Uuid) -> Self {
        SecurityEvent {
            kind,
            store_org: Some(store_org),
            person: Some(person),
            by: None,
            username: None,
            address: None,
            detail: String::new(),
        }
    }
}

/// One line of `security.jsonl` (format [`crate::store::upgrade::SECURITY_LINE`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityLine {
    pub format: u32,
    pub at: DateTime<Utc>,
    pub kind: SecurityKind,
    /// The organisation (of the domain) of the person it is about, or of
    /// who acted; `None` for a sign-in attempt that names no account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<IpAddr>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// Longest text kept from what someone typed or a route described.
const MAX_TEXT: usize = 200;

pub(super) fn line(store: &OrgStore, event: SecurityEvent) -> SecurityLine {
    let org = event.store_org.and_then(|store_org| {
        let person = event.person.or(event.by)?;
        store
            .read(store_org, |s, _| {
                s.directory.org_of_person(PersonId(person))
            })
            .ok()
            .flatten()
            .map(|o| o.0)
    });
    let cut = |text: String| text.chars().take(MAX_TEXT).collect::<String>();
    SecurityLine {
        format: crate::store::upgrade::SECURITY_LINE.current,
        at: now(),
        kind: event.kind,
        org,
        person: event.person,
        by: event.by,
        username: event.username.map(cut),
        address: event.address,
        detail: cut(event.detail),
    }
}
