//! Everything Vela holds about one person, gathered for them to take away
//! (the rights of access and to data portability): their profile, their
//! agreements, plans, absences with reasons, objectives, registrations,
//! attendance, feedback, notifications and preferences. Credentials and
//! the calendar feed's secret are not part of the state; the server adds
//! what it keeps beside it.

use serde::{Deserialize, Serialize};

use crate::actor::{administers_person, Actor};
use crate::agile::{Absence, DayPlan, Request};
use crate::directory::{Agreement, Departure, Organisation, Person, Team};
use crate::ids::{PersonId, SessionId};
use crate::notifications::{Notification, Preferences};
use crate::objectives::{Objective, Owner};
use crate::webinars::{Feedback, Registration};
use crate::State;

/// One person's data, as a JSON document they can download.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalData {
    pub person: Person,
    pub organisation: Option<Organisation>,
    pub team: Option<Team>,
    /// When they left, if they did.
    pub departure: Option<Departure>,
    pub agreements: Vec<Agreement>,
    pub requests: Vec<Request>,
    pub days: Vec<DayPlan>,
    /// With their kind and reason.
    pub absences: Vec<Absence>,
    /// Their individual objectives.
    pub objectives: Vec<Objective>,
    pub registrations: Vec<Registration>,
    /// The sessions they attended.
    pub attended: Vec<SessionId>,
    pub feedback: Vec<Feedback>,
    pub notifications: Vec<Notification>,
    pub preferences: Option<Preferences>,
}

/// Whether `reader` may download `person`'s data: the person themself or
/// an administrator of their organisation.
pub fn may_read(state: &State, reader: &Actor, person: PersonId) -> bool {
    reader.person_id() == Some(person) || administers_person(state, reader, person)
}

/// Everything the state holds about `person` (`None` for an unknown id).
pub fn export(state: &State, person: PersonId) -> Option<PersonalData> {
    let dir = &state.directory;
    let me = dir.people.get(&person)?;
    let webinars = &state.webinars;
    Some(PersonalData {
        person: me.clone(),
        organisation: dir.organisations.get(&me.org).cloned(),
        team: me.team.and_then(|t| dir.teams.get(&t)).cloned(),
        departure: dir.departures.get(&person).cloned(),
        agreements: dir
            .agreements
            .values()
            .filter(|a| a.person == person)
            .cloned()
            .collect(),
        requests: state
            .agile
            .requests
            .values()
            .filter(|r| r.person == person)
            .cloned()
            .collect(),
        days: state
            .agile
            .days
            .get(&person)
            .map(|days| days.values().cloned().collect())
            .unwrap_or_default(),
        absences: state
            .agile
            .absences
            .values()
            .filter(|a| a.person == person)
            .cloned()
            .collect(),
        objectives: state
            .objectives
            .objectives
            .values()
            .filter(|o| o.owner == Owner::Person(person))
            .cloned()
            .collect(),
        registrations: webinars
            .registrations
            .values()
            .filter_map(|by_person| by_person.get(&person))
            .cloned()
            .collect(),
        attended: webinars
            .attendance
            .iter()
            .filter(|(_, people)| people.contains(&person))
            .map(|(session, _)| *session)
            .collect(),
        feedback: webinars
            .feedback
            .values()
            .filter_map(|by_person| by_person.get(&person))
            .cloned()
            .collect(),
        notifications: state
            .notifications
            .inbox
            .get(&person)
            .map(|inbox| inbox.values().cloned().collect())
            .unwrap_or_default(),
        preferences: state.notifications.preferences.get(&person).cloned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agile::{AbsenceKind, Command as Agile};
    use crate::ids::AbsenceId;
    use crate::testing::*;
    use crate::Command;

    #[test]
    fn the_export_holds_the_persons_records_and_only_theirs() {
        let mut s = org();
        for (id, person, reason) in [(0x950, GIULIA, "visita"), (0x951, LUCA, "trasloco")] {
            run(
                &mut s,
                Actor::Person(ADMIN),
                Command::Agile(Agile::RecordAbsence {
                    id: AbsenceId::from_u128(id),
                    person,
                    from: date(2026, 12, 3),
                    until: date(2026, 12, 3),
                    kind: AbsenceKind::Leave,
                    reason: reason.into(),
                }),
            );
        }
        let data = export(&s, GIULIA).expect("known");
        assert_eq!(data.person.id, GIULIA);
        assert_eq!(data.team.as_ref().map(|t| t.id), Some(TRIBUTI));
        assert_eq!(data.agreements.len(), 1);
        assert_eq!(data.absences.len(), 1);
        assert_eq!(
            data.absences[0].detail.as_ref().map(|d| d.reason.as_str()),
            Some("visita")
        );
        let json = serde_json::to_string(&data).expect("JSON");
        assert!(!json.contains("trasloco"));
        assert!(export(&s, PersonId::from_u128(0xdead)).is_none());
    }

    #[test]
    fn the_person_and_their_administrators_may_read_it() {
        let s = org();
        assert!(may_read(&s, &Actor::Person(GIULIA), GIULIA));
        assert!(may_read(&s, &Actor::Person(ADMIN), GIULIA));
        assert!(!may_read(&s, &Actor::Person(MARCO), GIULIA));
        assert!(!may_read(&s, &Actor::Person(LUCA), GIULIA));
    }
}
