//! The right to erasure with the record-keeping duty of a public
//! administration: a person who left is kept as they were for a retention
//! period, then anonymised — everything that names or describes them is
//! removed, every count stays, so the monitoring of past months reads the
//! same figures before and after.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Event, Rejection as DirectoryRejection};
use crate::actor::{require_admin, require_admin_of, Actor};
use crate::calendar::rome_date;
use crate::ids::PersonId;
use crate::rejection::{Entity, Rejection};
use crate::State;

/// Days a deactivated person's records are kept as they are before they
/// may be anonymised: two years cover the annual monitoring of the year
/// they left and of the one before (reported in the following year), and
/// the time to contest the last months of their agile work.
pub const RETENTION_DAYS: i64 = 730;

/// A person who left.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Departure {
    /// The day they were deactivated (`None` for people deactivated before
    /// the day was kept).
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// Their identifying data has been removed.
    #[serde(default)]
    pub anonymised: bool,
}

/// Whether `person` has been anonymised.
pub fn is_anonymised(state: &State, person: PersonId) -> bool {
    state
        .directory
        .departures
        .get(&person)
        .is_some_and(|d| d.anonymised)
}

/// The first day `person` may be anonymised, counted from their
/// deactivation; for people deactivated before that day was kept, from the
/// last day of their plans and absences (`None`: nothing holds them back).
pub fn anonymisable_from(state: &State, person: PersonId) -> Option<NaiveDate> {
    let left = state
        .directory
        .departures
        .get(&person)
        .and_then(|d| d.on)
        .or_else(|| last_recorded_day(state, person))?;
    left.checked_add_signed(Duration::days(RETENTION_DAYS))
}

fn last_recorded_day(state: &State, person: PersonId) -> Option<NaiveDate> {
    let last_plan = state
        .agile
        .days
        .get(&person)
        .and_then(|days| days.keys().next_back().copied());
    let last_absence = state
        .agile
        .absences
        .values()
        .filter(|a| a.person == person)
        .map(|a| a.until)
        .max();
    last_plan.max(last_absence)
}

/// Checks an `AnonymisePerson` command.
pub(super) fn check(
    state: &State,
    actor: &Actor,
    person: PersonId,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, Rejection> {
    require_admin(state, actor)?;
    let target = state
        .directory
        .people
        .get(&person)
        .ok_or_else(|| Rejection::not_found(Entity::Person, person))?;
    require_admin_of(state, actor, target.org)?;
    if is_anonymised(state, person) {
        return Err(DirectoryRejection::Anonymised.into());
    }
    if target.active {
        return Err(DirectoryRejection::StillActive.into());
    }
    if let Some(from) = anonymisable_from(state, person) {
        if rome_date(now) < from {
            return Err(DirectoryRejection::RetentionRunning { from }.into());
        }
    }
    Ok(vec![Event::PersonAnonymised { person }])
}

/// The username an anonymised person is left with: unique (it is derived
/// from the id) and saying nothing about them.
pub fn anonymous_username(person: PersonId) -> String {
    format!("anonymised-{}", person.0.simple())
}

/// Removes everything that identifies `person` from the state, keeping
/// every record and count: their name, e-mail and username; the notes of
/// their requests, days and progress updates; the reasons of their
/// absences (the kind stays, the reports count by it); the comments on
/// their objectives and their feedback; their inbox and mail preferences,
/// and the notes others were told about them.
pub(super) fn scrub(state: &mut State, person: PersonId) {
    let mut old_name = String::new();
    if let Some(p) = state.directory.people.get_mut(&person) {
        old_name = std::mem::take(&mut p.name);
        p.email = None;
        p.username = anonymous_username(person);
    }
    state
        .directory
        .departures
        .entry(person)
        .or_default()
        .anonymised = true;

    let agile = &mut state.agile;
    for request in agile.requests.values_mut().filter(|r| r.person == person) {
        request.note.clear();
    }
    if let Some(days) = agile.days.get_mut(&person) {
        for day in std::sync::Arc::make_mut(days).values_mut() {
            day.decision_note = None;
            if let Some(activity) = &mut day.activity {
                activity.note.clear();
            }
        }
    }
    for absence in agile.absences.values_mut().filter(|a| a.person == person) {
        if let Some(detail) = &mut absence.detail {
            detail.reason.clear();
        }
    }

    for objective in state.objectives.objectives.values_mut() {
        let theirs = objective.owner == crate::objectives::Owner::Person(person);
        for update in &mut objective.updates {
            if theirs || update.by == Some(person) {
                update.note.clear();
            }
        }
        if theirs {
            if let Some(review) = &mut objective.review {
                review.comment.clear();
            }
            if let Some(sent_back) = &mut objective.sent_back {
                sent_back.comment.clear();
            }
        }
    }

    for by_person in state.webinars.feedback.values_mut() {
        if let Some(feedback) = by_person.get_mut(&person) {
            feedback.comment = None;
        }
    }

    state.notifications.inbox.remove(&person);
    state.notifications.preferences.remove(&person);
    // Others were told of their requests by name, with the request's note.
    for inbox in state.notifications.inbox.values_mut() {
        for told in inbox.values_mut().filter(|n| n.person == Some(person)) {
            told.note.clear();
            if told.title == old_name {
                told.title.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::agile::{AbsenceKind, Command as Agile, DaySelection, Decision};
    use crate::directory::{Command as Dir, Place, WorkMode};
    use crate::ids::{AbsenceId, RequestId};
    use crate::rejection::CommonRejection;
    use crate::testing::*;
    use crate::{monitoring, Command};

    const REQUEST: RequestId = RequestId::from_u128(0x910);
    const ABSENCE: AbsenceId = AbsenceId::from_u128(0x911);

    /// Luca worked two days away in December, was absent two days "for a
    /// medical visit", and left on the test's day.
    fn luca_left() -> State {
        let mut s = org();
        run(
            &mut s,
            Actor::Person(LUCA),
            Command::Agile(Agile::RequestDays {
                id: REQUEST,
                days: DaySelection::Dates {
                    dates: vec![date(2026, 12, 1), date(2026, 12, 2)],
                },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: "report di fine anno".into(),
            }),
        );
        run(
            &mut s,
            Actor::Person(MARCO),
            Command::Agile(Agile::DecideDays {
                request: REQUEST,
                dates: None,
                decision: Decision::Approve,
                note: "ok Luca".into(),
                acknowledge_coverage: true,
            }),
        );
        run(
            &mut s,
            Actor::Person(ADMIN),
            Command::Agile(Agile::RecordAbsence {
                id: ABSENCE,
                person: LUCA,
                from: date(2026, 12, 10),
                until: date(2026, 12, 11),
                kind: AbsenceKind::Sick,
                reason: "visita medica".into(),
            }),
        );
        run(
            &mut s,
            Actor::Person(ADMIN),
            Command::Directory(Dir::SetActive {
                person: LUCA,
                active: false,
            }),
        );
        s
    }

    fn anonymise(person: PersonId) -> Command {
        Command::Directory(Dir::AnonymisePerson { person })
    }

    fn after_retention() -> DateTime<Utc> {
        now() + Duration::days(RETENTION_DAYS)
    }

    #[test]
    fn deactivation_starts_the_retention_period() {
        let s = luca_left();
        let departure = &s.directory.departures[&LUCA];
        assert_eq!(departure.on, Some(rome_date(now())));
        assert_eq!(
            anonymisable_from(&s, LUCA),
            Some(rome_date(now()) + Duration::days(RETENTION_DAYS))
        );
    }

    #[test]
    fn monitoring_figures_are_the_same_after_anonymisation() {
        let mut s = luca_left();
        let before = monitoring::monthly(&s, ORG, date(2026, 12, 1));
        assert!(before.total.days_away >= 2, "{before:?}");
        s.execute(&Actor::Person(ADMIN), &anonymise(LUCA), after_retention())
            .expect("anonymised");
        let after = monitoring::monthly(&s, ORG, date(2026, 12, 1));
        assert_eq!(before, after);
    }

    #[test]
    fn anonymisation_removes_what_identifies_the_person() {
        let mut s = luca_left();
        s.execute(&Actor::Person(ADMIN), &anonymise(LUCA), after_retention())
            .expect("anonymised");
        let luca = &s.directory.people[&LUCA];
        assert_eq!(luca.name, "");
        assert_eq!(luca.email, None);
        assert_eq!(luca.username, anonymous_username(LUCA));
        assert!(is_anonymised(&s, LUCA));
        let absence = &s.agile.absences[&ABSENCE];
        let detail = absence.detail.as_ref().expect("kind kept");
        assert_eq!(
            (detail.kind, detail.reason.as_str()),
            (AbsenceKind::Sick, "")
        );
        assert_eq!(s.agile.requests[&REQUEST].note, "");
        assert!(s.agile.days[&LUCA]
            .values()
            .all(|d| d.decision_note.is_none()));
        assert!(!s.notifications.inbox.contains_key(&LUCA));
        // Nothing of it left anywhere in the state's JSON.
        let json = serde_json::to_string(&s).unwrap();
        for gone in ["visita medica", "report di fine anno", "ok Luca", "Luca "] {
            let at = json
                .find(gone)
                .map(|i| &json[i.saturating_sub(300)..i + 40]);
            assert!(at.is_none(), "{gone} still in the state: {at:?}");
        }
    }

    #[test]
    fn an_active_person_is_not_anonymised() {
        let s = org();
        let refused = crate::apply(
            &s,
            &Actor::Person(ADMIN),
            &anonymise(LUCA),
            after_retention(),
        );
        assert_eq!(refused, Err(DirectoryRejection::StillActive.into()));
    }

    #[test]
    fn not_before_the_retention_period_ends() {
        let s = luca_left();
        let day_before = after_retention() - Duration::days(1);
        let refused = crate::apply(&s, &Actor::Person(ADMIN), &anonymise(LUCA), day_before);
        assert_eq!(
            refused,
            Err(DirectoryRejection::RetentionRunning {
                from: rome_date(after_retention())
            }
            .into())
        );
    }

    #[test]
    fn only_an_administrator_of_their_organisation_anonymises() {
        let s = luca_left();
        let by_lead = crate::apply(
            &s,
            &Actor::Person(MARCO),
            &anonymise(LUCA),
            after_retention(),
        );
        assert_eq!(by_lead, Err(CommonRejection::NotAllowed.into()));
    }

    #[test]
    fn an_anonymised_person_stays_anonymised() {
        let mut s = luca_left();
        s.execute(&Actor::Person(ADMIN), &anonymise(LUCA), after_retention())
            .expect("anonymised");
        for again in [
            anonymise(LUCA),
            Command::Directory(Dir::SetActive {
                person: LUCA,
                active: true,
            }),
        ] {
            let refused = crate::apply(&s, &Actor::Person(ADMIN), &again, after_retention());
            assert_eq!(refused, Err(DirectoryRejection::Anonymised.into()));
        }
    }

    #[test]
    fn reactivation_forgets_the_departure() {
        let mut s = luca_left();
        run(
            &mut s,
            Actor::Person(ADMIN),
            Command::Directory(Dir::SetActive {
                person: LUCA,
                active: true,
            }),
        );
        assert!(!s.directory.departures.contains_key(&LUCA));
    }
}
