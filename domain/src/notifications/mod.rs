//! Notifications: who is told what, in the app and by e-mail.
//!
//! A notification is a small record in its recipient's inbox: what happened
//! ([`Kind`]), what it is about (a request, a session, an objective, an
//! agreement) and the few words a message needs, copied from what the
//! recipient may already see. Two pure functions make them:
//!
//! - [`caused`]: the notifications an accepted command's events cause,
//!   judged on the state before them. [`crate::apply`] appends them to the
//!   command's events as [`Event::Notified`], so they are stored with the
//!   revision that caused them, replayed like everything else, and the
//!   browser's optimistic `apply` shows the same ones.
//! - [`due`]: the timed ones (a webinar tomorrow or in 15 minutes, the
//!   activity note still missing, requests waiting too long), from the state
//!   and `now`. The server's scheduler submits them with
//!   [`Command::Notify`]; their ids are deterministic and `Notify` keeps only
//!   new ones, so calling it every minute tells each thing once.
//!
//! Privacy: a notification names only what its recipient sees in their own
//! view (an absence's kind or reason never; a lead hears only of their own
//! teams), and each person's view and event stream hold only their own
//! notifications and preferences.
//!
//! [`Preferences`] say, per kind, whether a notification is also mailed at
//! once, in a daily digest or never; the server's mailer reads them.

mod caused;
mod timed;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::{acting_person, Actor};
use crate::ids::{AgreementId, ObjectiveId, PersonId, RequestId, SessionId};
use crate::rejection::{CommonRejection, Problem};
use crate::{Rejection, State};

pub use caused::caused;
pub use timed::{due, AGREEMENT_ENDING_DAYS, PENDING_WORKING_DAYS, SOON};

/// The most notifications an inbox keeps: the oldest read ones go first.
pub const INBOX_MAX: usize = 200;

/// The notifications part of the state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "NotificationsPart")
)]
pub struct Part {
    /// Each person's notifications by id.
    #[serde(default)]
    pub inbox: BTreeMap<PersonId, BTreeMap<String, Notification>>,
    /// Each person's mail preferences (absent: the defaults).
    #[serde(default)]
    pub preferences: BTreeMap<PersonId, Preferences>,
}

impl Part {
    /// How many of `person`'s notifications are unread.
    pub fn unread(&self, person: PersonId) -> usize {
        self.inbox
            .get(&person)
            .map_or(0, |inbox| inbox.values().filter(|n| !n.read).count())
    }

    /// `person`'s notifications, newest first.
    pub fn newest_first(&self, person: PersonId) -> Vec<&Notification> {
        let mut all: Vec<_> = self
            .inbox
            .get(&person)
            .map(|inbox| inbox.values().collect())
            .unwrap_or_default();
        crate::order::sort_by(&mut all, |a, b| {
            b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id))
        });
        all
    }

    /// `person`'s preferences (the defaults if they never chose).
    pub fn preferences_of(&self, person: PersonId) -> Preferences {
        self.preferences.get(&person).cloned().unwrap_or_default()
    }
}

/// One thing a person is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Notification {
    /// Deterministic: made from the kind, what it is about, the recipient
    /// and (for those caused by a command) the instant, so the same thing is
    /// never told twice.
    pub id: String,
    pub recipient: PersonId,
    pub kind: Kind,
    pub at: DateTime<Utc>,
    /// The person it is about, when not the recipient (the requester, for a
    /// lead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RequestId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<ObjectiveId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// The days concerned (requests, decisions, withdrawals, the day whose
    /// activity note is missing, an agreement's last or first free day).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<NaiveDate>,
    /// The name of what it is about: the requester's name, the session's or
    /// objective's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// A rejection's reason, a lead's comment or note, a join link.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the session starts (webinar notifications).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DateTime<Utc>>,
    #[serde(default)]
    pub read: bool,
}

impl Notification {
    /// A notification of `kind` for `recipient` at `at`, about nothing yet.
    pub fn new(id: String, recipient: PersonId, kind: Kind, at: DateTime<Utc>) -> Self {
        Notification {
            id,
            recipient,
            kind,
            at,
            person: None,
            request: None,
            session: None,
            objective: None,
            agreement: None,
            dates: Vec::new(),
            title: String::new(),
            note: String::new(),
            start: None,
            read: false,
        }
    }
}

/// What a notification says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// To a lead: a member of their team asked for days.
    DaysRequested,
    /// To a lead: a member took back pending or approved days.
    DaysCancelled,
    /// To the person: days approved.
    DaysApproved,
    /// To the person: days approved although the team goes under its
    /// minimum office presence (the lead's note says why).
    DaysApprovedUnderCoverage,
    /// To the person: days rejected, with the reason.
    DaysRejected,
    /// To the person: an absence recorded for them withdrew planned days.
    DaysWithdrawn,
    /// To a lead: an objective was proposed for agreement.
    ObjectiveProposed,
    /// To the owner side: a lead assigned an objective (it starts proposed).
    ObjectiveAssigned,
    /// To the owner side: the lead agreed the objective.
    ObjectiveAgreed,
    /// To the owner side: the lead sent the proposal back, with a comment.
    ObjectiveSentBack,
    /// To the owner side: the lead reviewed the closed objective.
    ObjectiveReviewed,
    /// To the registrant: they hold a seat.
    RegistrationConfirmed,
    /// To the registrant: a seat freed up and is theirs.
    Promoted,
    /// To the registrants: the session's time or link changed.
    SessionChanged,
    /// To the registrants: the session was called off.
    SessionCancelled,
    /// To the person and their administrators: an agreement was withdrawn
    /// (it stops applying from the date given).
    AgreementWithdrawn,
    /// To the person and their administrators: a fixed-term agreement ends
    /// within 30 days.
    AgreementEnding,
    /// To the registrant: the session starts within a day.
    WebinarTomorrow,
    /// To the registrant: the session starts within 15 minutes (with the
    /// join link).
    WebinarSoon,
    /// To the person: the activity note of their last agile day is missing.
    ActivityMissing,
    /// To a lead: a request waits for a decision for more than three
    /// working days.
    RequestPending,
}

impl Kind {
    /// Every kind, in the order the profile page lists them.
    pub const ALL: [Kind; 21] = [
        Kind::DaysRequested,
        Kind::DaysCancelled,
        Kind::RequestPending,
        Kind::DaysApproved,
        Kind::DaysApprovedUnderCoverage,
        Kind::DaysRejected,
        Kind::DaysWithdrawn,
        Kind::ActivityMissing,
        Kind::ObjectiveProposed,
        Kind::ObjectiveAssigned,
        Kind::ObjectiveAgreed,
        Kind::ObjectiveSentBack,
        Kind::ObjectiveReviewed,
        Kind::RegistrationConfirmed,
        Kind::Promoted,
        Kind::SessionChanged,
        Kind::SessionCancelled,
        Kind::WebinarTomorrow,
        Kind::WebinarSoon,
        Kind::AgreementWithdrawn,
        Kind::AgreementEnding,
    ];

    /// The snake_case name used in ids and on the wire.
    pub fn code(self) -> &'static str {
        match self {
            Kind::DaysRequested => "days_requested",
            Kind::DaysCancelled => "days_cancelled",
            Kind::DaysApproved => "days_approved",
            Kind::DaysApprovedUnderCoverage => "days_approved_under_coverage",
            Kind::DaysRejected => "days_rejected",
            Kind::DaysWithdrawn => "days_withdrawn",
            Kind::ObjectiveProposed => "objective_proposed",
            Kind::ObjectiveAssigned => "objective_assigned",
            Kind::ObjectiveAgreed => "objective_agreed",
            Kind::ObjectiveSentBack => "objective_sent_back",
            Kind::ObjectiveReviewed => "objective_reviewed",
            Kind::RegistrationConfirmed => "registration_confirmed",
            Kind::Promoted => "promoted",
            Kind::SessionChanged => "session_changed",
            Kind::SessionCancelled => "session_cancelled",
            Kind::AgreementWithdrawn => "agreement_withdrawn",
            Kind::AgreementEnding => "agreement_ending",
            Kind::WebinarTomorrow => "webinar_tomorrow",
            Kind::WebinarSoon => "webinar_soon",
            Kind::ActivityMissing => "activity_missing",
            Kind::RequestPending => "request_pending",
        }
    }
}

/// How a kind of notification reaches a person by e-mail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// A mail as soon as it happens.
    #[default]
    Immediate,
    /// Gathered in one mail a day, at the person's digest hour.
    Digest,
    /// In the app only.
    Never,
}

/// A person's mail preferences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// The delivery of each kind; a kind not listed is [`Delivery::Immediate`].
    #[serde(default)]
    pub mail: BTreeMap<Kind, Delivery>,
    /// The hour (Rome time, 0–23) of the daily digest.
    #[serde(default = "default_digest_hour")]
    pub digest_hour: u8,
}

fn default_digest_hour() -> u8 {
    8
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            mail: BTreeMap::new(),
            digest_hour: default_digest_hour(),
        }
    }
}

impl Preferences {
    /// How `kind` is mailed.
    pub fn delivery(&self, kind: Kind) -> Delivery {
        self.mail.get(&kind).copied().unwrap_or_default()
    }
}

/// Changes to one's own notifications and preferences, and the system's
/// timed notifications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "NotificationsCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Marks some of one's own notifications read (unknown or already read
    /// ids are ignored: two clicks are not an error).
    MarkRead { ids: Vec<String> },
    /// Marks every one of one's own notifications read.
    MarkAllRead {},
    /// Replaces one's own mail preferences.
    SavePreferences { preferences: Preferences },
    /// Delivers timed notifications (the system only: the server's
    /// scheduler, from [`due`]). Ids already in the recipient's inbox and
    /// unknown recipients are skipped, so repeating it changes nothing.
    Notify { notifications: Vec<Notification> },
}
crate::flat_tagged!(Command, "type");

/// What changed in the notifications part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "NotificationsEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    /// A person was told something (only they receive this event).
    Notified { notification: Notification },
    /// A person read some of their notifications.
    Read { person: PersonId, ids: Vec<String> },
    /// A person changed their mail preferences.
    PreferencesSaved {
        person: PersonId,
        preferences: Preferences,
    },
}
crate::flat_tagged!(Event, "type");

impl Event {
    /// The person whose notifications or preferences this event changes.
    pub fn person(&self) -> PersonId {
        match self {
            Event::Notified { notification } => notification.recipient,
            Event::Read { person, .. } | Event::PreferencesSaved { person, .. } => *person,
        }
    }
}

/// Checks a notifications command and says what changes.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    _now: DateTime<Utc>,
) -> Result<Vec<crate::Event>, Rejection> {
    let part = &state.notifications;
    let events = match command {
        Command::MarkRead { ids } => {
            let me = acting_person(state, actor)?.id;
            let inbox = part.inbox.get(&me);
            let mut unread: Vec<String> = ids
                .iter()
                .filter(|id| {
                    inbox
                        .and_then(|i| i.get(id.as_str()))
                        .is_some_and(|n| !n.read)
                })
                .cloned()
                .collect();
            crate::order::sort(&mut unread);
            unread.dedup();
            read_event(me, unread)
        }
        Command::MarkAllRead {} => {
            let me = acting_person(state, actor)?.id;
            let unread = part
                .inbox
                .get(&me)
                .map(|i| {
                    i.values()
                        .filter(|n| !n.read)
                        .map(|n| n.id.clone())
                        .collect()
                })
                .unwrap_or_default();
            read_event(me, unread)
        }
        Command::SavePreferences { preferences } => {
            let me = acting_person(state, actor)?.id;
            if preferences.digest_hour > 23 {
                return Err(CommonRejection::Invalid {
                    field: "digest_hour".into(),
                    problem: Problem::OutOfRange,
                }
                .into());
            }
            vec![Event::PreferencesSaved {
                person: me,
                preferences: preferences.clone(),
            }]
        }
        Command::Notify { notifications } => {
            if *actor != Actor::System {
                return Err(CommonRejection::NotAllowed.into());
            }
            let mut seen = std::collections::BTreeSet::new();
            notifications
                .iter()
                .filter(|n| state.directory.people.contains_key(&n.recipient))
                .filter(|n| {
                    !part
                        .inbox
                        .get(&n.recipient)
                        .is_some_and(|i| i.contains_key(&n.id))
                })
                .filter(|n| seen.insert((n.recipient, n.id.clone())))
                .map(|n| Event::Notified {
                    notification: Notification {
                        read: false,
                        ..n.clone()
                    },
                })
                .collect()
        }
    };
    Ok(events
        .into_iter()
        .map(crate::Event::Notifications)
        .collect())
}

fn read_event(person: PersonId, ids: Vec<String>) -> Vec<Event> {
    if ids.is_empty() {
        Vec::new()
    } else {
        vec![Event::Read { person, ids }]
    }
}

/// Applies a notifications event. An inbox keeps at most [`INBOX_MAX`]
/// notifications: past it, the oldest read ones (then the oldest) go.
pub fn apply_event(state: &mut State, event: &Event) {
    let part = &mut state.notifications;
    match event {
        Event::Notified { notification } => {
            let inbox = part.inbox.entry(notification.recipient).or_default();
            inbox.insert(notification.id.clone(), notification.clone());
            if inbox.len() > INBOX_MAX {
                let oldest = inbox
                    .values()
                    .min_by(|a, b| (!a.read, a.at, &a.id).cmp(&(!b.read, b.at, &b.id)))
                    .map(|n| n.id.clone());
                if let Some(id) = oldest {
                    inbox.remove(&id);
                }
            }
        }
        Event::Read { person, ids } => {
            if let Some(inbox) = part.inbox.get_mut(person) {
                for id in ids {
                    if let Some(n) = inbox.get_mut(id) {
                        n.read = true;
                    }
                }
            }
        }
        Event::PreferencesSaved {
            person,
            preferences,
        } => {
            part.preferences.insert(*person, preferences.clone());
        }
    }
}

/// What `actor` sees of the part: only their own inbox and preferences (the
/// system sees everything).
pub fn view(state: &State, actor: &Actor) -> Part {
    let part = &state.notifications;
    match actor {
        Actor::System => part.clone(),
        Actor::Person(me) => Part {
            inbox: part
                .inbox
                .get(me)
                .map(|i| BTreeMap::from([(*me, i.clone())]))
                .unwrap_or_default(),
            preferences: part
                .preferences
                .get(me)
                .map(|p| BTreeMap::from([(*me, p.clone())]))
                .unwrap_or_default(),
        },
    }
}

/// The event for `actor`: only the person it concerns receives it.
pub fn redact(_state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    match actor {
        Actor::System => Some(event.clone()),
        Actor::Person(me) => (event.person() == *me).then(|| event.clone()),
    }
}
