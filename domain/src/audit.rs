//! What the audit trail says of an accepted change: its kind and the
//! records it is about, by id only. Names, notes and reasons are never
//! copied into the trail: they are looked up in the current state when an
//! administrator reads it, so an anonymised person's trail names nobody and
//! an absence's reason appears only while, and to whom, the state shows it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::actor::{administers_person, Actor};
use crate::agile::AbsenceDetail;
use crate::ids::{AbsenceId, OrgId, PersonId, TeamId};
use crate::objectives::Owner;
use crate::{agile, directory, notifications, objectives, webinars, Event, State};

/// One change as the audit trail keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// `area.event`, e.g. `agile.absence_recorded` (see [`KINDS`]).
    pub kind: String,
    /// The person the change is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// The team the change is about (a team's record or objective).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamId>,
    /// The organisation whose record changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<OrgId>,
    /// The id of the record changed (absence, objective, session, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Uuid>,
    /// The first and last day the change covers, when it is about days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// Every kind of change the trail records, for filters.
pub const KINDS: &[&str] = &[
    "directory.organisation_saved",
    "directory.team_saved",
    "directory.person_saved",
    "directory.agreement_saved",
    "directory.person_deactivated",
    "directory.person_anonymised",
    "agile.days_requested",
    "agile.days_decided",
    "agile.days_cancelled",
    "agile.absence_recorded",
    "agile.absence_cancelled",
    "agile.activity_logged",
    "objectives.objective_saved",
    "objectives.objective_sent_back",
    "objectives.objective_deleted",
    "webinars.session_saved",
    "webinars.session_cancelled",
    "webinars.path_saved",
    "webinars.registration_saved",
    "webinars.promoted",
    "webinars.attendance_marked",
    "webinars.feedback_saved",
    "notifications.preferences_saved",
];

impl Change {
    fn new(kind: &str) -> Self {
        Change {
            kind: kind.to_owned(),
            person: None,
            team: None,
            organisation: None,
            record: None,
            from: None,
            until: None,
        }
    }

    fn person(mut self, person: PersonId) -> Self {
        self.person = Some(person);
        self
    }

    fn team(mut self, team: TeamId) -> Self {
        self.team = Some(team);
        self
    }

    fn record(mut self, record: impl Into<Uuid>) -> Self {
        self.record = Some(record.into());
        self
    }

    fn days(mut self, mut dates: impl Iterator<Item = NaiveDate>) -> Self {
        let first = dates.next();
        let (from, until) = dates.fold((first, first), |(lo, hi), d| {
            (lo.map(|l| l.min(d)), hi.map(|h| h.max(d)))
        });
        self.from = from;
        self.until = until;
        self
    }

    fn owner(self, owner: Owner) -> Self {
        match owner {
            Owner::Person(p) => self.person(p),
            Owner::Team(t) => self.team(t),
        }
    }
}

/// What `event` changed, or `None` for what is derived from other changes
/// (notifications sent, seat counts, team counts) or only personal
/// bookkeeping (marking notifications read).
pub fn change(event: &Event) -> Option<Change> {
    Some(match event {
        Event::Directory(e) => match e {
            directory::Event::OrganisationSaved { organisation } => {
                let mut c = Change::new("directory.organisation_saved");
                c.organisation = Some(organisation.id);
                c
            }
            directory::Event::TeamSaved { team } => {
                Change::new("directory.team_saved").team(team.id)
            }
            directory::Event::PersonSaved { person } => {
                Change::new("directory.person_saved").person(person.id)
            }
            directory::Event::AgreementSaved { agreement } => {
                let mut c = Change::new("directory.agreement_saved")
                    .person(agreement.person)
                    .record(agreement.id);
                c.from = Some(agreement.valid_from);
                c.until = agreement.withdrawn_from.or(agreement.valid_until);
                c
            }
            directory::Event::PersonDeactivated { person, on } => {
                Change::new("directory.person_deactivated")
                    .person(*person)
                    .days(std::iter::once(*on))
            }
            directory::Event::PersonAnonymised { person } => {
                Change::new("directory.person_anonymised").person(*person)
            }
        },
        Event::Agile(e) => match e {
            agile::Event::DaysRequested { request, days, .. } => {
                Change::new("agile.days_requested")
                    .person(request.person)
                    .record(request.id)
                    .days(days.iter().map(|d| d.date))
            }
            agile::Event::DaysDecided { days } => Change::new("agile.days_decided")
                .person(days.first()?.person)
                .record(days.first()?.request)
                .days(days.iter().map(|d| d.date)),
            agile::Event::DaysCancelled { days } => Change::new("agile.days_cancelled")
                .person(days.first()?.person)
                .record(days.first()?.request)
                .days(days.iter().map(|d| d.date)),
            agile::Event::AbsenceRecorded { absence, .. } => {
                absence_change("agile.absence_recorded", absence)
            }
            agile::Event::AbsenceCancelled { absence } => {
                absence_change("agile.absence_cancelled", absence)
            }
            agile::Event::ActivityLogged { day } => Change::new("agile.activity_logged")
                .person(day.person)
                .days(std::iter::once(day.date)),
            agile::Event::TeamCounts { .. } => return None,
        },
        Event::Objectives(e) => match e {
            objectives::Event::ObjectiveSaved { objective } => {
                Change::new("objectives.objective_saved")
                    .owner(objective.owner)
                    .record(objective.id)
            }
            objectives::Event::ObjectiveSentBack { objective } => {
                Change::new("objectives.objective_sent_back")
                    .owner(objective.owner)
                    .record(objective.id)
            }
            objectives::Event::ObjectiveDeleted { id, owner, .. } => {
                Change::new("objectives.objective_deleted")
                    .owner(*owner)
                    .record(*id)
            }
        },
        Event::Webinars(e) => match e {
            webinars::Event::SessionSaved { session, .. } => {
                let mut c = Change::new("webinars.session_saved").record(session.id);
                c.organisation = Some(session.org);
                c
            }
            webinars::Event::SessionCancelled { session, .. } => {
                let mut c = Change::new("webinars.session_cancelled").record(session.id);
                c.organisation = Some(session.org);
                c
            }
            webinars::Event::PathSaved { path } => {
                Change::new("webinars.path_saved").record(path.id)
            }
            webinars::Event::RegistrationSaved { registration, .. } => {
                Change::new("webinars.registration_saved")
                    .person(registration.person)
                    .record(registration.session)
            }
            webinars::Event::Promoted { registration, .. } => Change::new("webinars.promoted")
                .person(registration.person)
                .record(registration.session),
            webinars::Event::AttendanceMarked {
                session, person, ..
            } => Change::new("webinars.attendance_marked")
                .person(*person)
                .record(*session),
            webinars::Event::FeedbackSaved { feedback } => Change::new("webinars.feedback_saved")
                .person(feedback.person)
                .record(feedback.session),
            webinars::Event::SeatsChanged { .. } => return None,
        },
        Event::Notifications(e) => match e {
            notifications::Event::PreferencesSaved { person, .. } => {
                Change::new("notifications.preferences_saved").person(*person)
            }
            notifications::Event::Notified { .. } | notifications::Event::Read { .. } => {
                return None
            }
        },
    })
}

fn absence_change(kind: &str, absence: &agile::Absence) -> Change {
    let mut c = Change::new(kind).person(absence.person).record(absence.id);
    c.from = Some(absence.from);
    c.until = Some(absence.until);
    c
}

/// The organisation a change belongs to, judged on `state` (people and
/// teams never move between organisations, so the current state answers
/// for any past change); `actor_org` for what names none of them (a
/// training path: its author's organisation).
pub fn organisation_of(state: &State, change: &Change, actor_org: Option<OrgId>) -> Option<OrgId> {
    let dir = &state.directory;
    change
        .organisation
        .or_else(|| change.person.and_then(|p| dir.org_of_person(p)))
        .or_else(|| change.team.and_then(|t| dir.org_of_team(t)))
        .or(actor_org)
}

/// The kind and reason of the absence a change is about, as `reader` may
/// see them now: only the person and administrators of their organisation
/// see why someone is absent, and an anonymised or cancelled absence has
/// no reason left to show.
pub fn absence_detail(state: &State, reader: &Actor, change: &Change) -> Option<AbsenceDetail> {
    if !change.kind.starts_with("agile.absence_") {
        return None;
    }
    let id = AbsenceId::from(change.record?);
    let absence = state.agile.absences.get(&id)?;
    let sees = reader.person_id() == Some(absence.person)
        || administers_person(state, reader, absence.person);
    if sees {
        absence.detail.clone()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agile::AbsenceKind;
    use crate::testing::*;
    use crate::Command;

    const ABSENCE: AbsenceId = AbsenceId::from_u128(0x900);

    /// The fixture organisation and the events of a few changes in it.
    fn sample_events() -> (State, Vec<Event>) {
        let mut state = org();
        let commands = [
            Command::Agile(agile::Command::RecordAbsence {
                id: ABSENCE,
                person: ANNA,
                from: date(2026, 12, 1),
                until: date(2026, 12, 2),
                kind: AbsenceKind::Leave,
                reason: "dentist".into(),
            }),
            Command::Directory(directory::Command::SetCommute {
                person: ANNA,
                km: 12,
            }),
        ];
        let mut events = Vec::new();
        for command in commands {
            let made = state
                .execute(&Actor::Person(ADMIN), &command, now())
                .expect("accepted");
            events.extend(made);
        }
        (state, events)
    }

    #[test]
    fn every_kind_made_is_listed() {
        let (state, events) = sample_events();
        assert!(!events.is_empty());
        for event in &events {
            if let Some(c) = change(event) {
                assert!(KINDS.contains(&c.kind.as_str()), "{} not listed", c.kind);
            }
        }
        assert!(state.directory.people.contains_key(&ANNA));
    }

    #[test]
    fn an_absence_names_its_person_and_days_but_not_its_reason() {
        let (state, events) = sample_events();
        let c = events
            .iter()
            .filter_map(change)
            .find(|c| c.kind == "agile.absence_recorded")
            .expect("an absence in the sample");
        assert_eq!(c.person, Some(ANNA));
        assert!(c.from.is_some() && c.until.is_some());
        let json = serde_json::to_string(&c).unwrap();
        assert!(!json.contains("dentist"), "{json}");
        // The administrator sees the reason, a teammate does not.
        let detail = absence_detail(&state, &Actor::Person(ADMIN), &c).unwrap();
        assert_eq!(detail.reason, "dentist");
        assert_eq!(absence_detail(&state, &Actor::Person(PAOLO), &c), None);
        assert_eq!(
            organisation_of(&state, &c, None),
            state.directory.org_of_person(ANNA)
        );
    }

    #[test]
    fn derived_events_are_not_changes() {
        let counts = Event::Agile(agile::Event::TeamCounts {
            team: SOCIALI,
            counts: Default::default(),
        });
        assert_eq!(change(&counts), None);
    }
}
