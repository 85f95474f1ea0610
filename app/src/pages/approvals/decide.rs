//! The pending days a lead may decide, and the decision commands. Whether a
//! decision passes — including the minimum office presence — is the
//! domain's answer to the command, run locally first by `submit`.

use chrono::{DateTime, NaiveDate, Utc};
use vela_domain::actor::manages;
use vela_domain::agile::{
    coverage, Command as Agile, DayStatus, Decision, Rejection as AgileRejection,
};
use vela_domain::directory::{Place, WorkMode};
use vela_domain::ids::{PersonId, RequestId};
use vela_domain::{Actor, Command, Rejection, State};

/// One pending day in the inbox.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingDay {
    pub person: PersonId,
    pub name: String,
    pub request: RequestId,
    pub date: NaiveDate,
    pub mode: WorkMode,
    pub place: Place,
    /// The person's note on the request.
    pub note: String,
    /// In the office that day as things stand, the team's size and minimum.
    pub in_office: u32,
    pub team_size: u32,
    pub minimum: u32,
    /// When approving would take the day under the minimum (the domain's
    /// answer to the approval): who would be left in the office.
    pub would_leave: Option<u32>,
}

impl PendingDay {
    pub fn key(&self) -> (PersonId, NaiveDate) {
        (self.person, self.date)
    }
}

/// The pending days of the people `me` manages (never their own), by date
/// then name.
pub fn pending_days(state: &State, me: PersonId, now: DateTime<Utc>) -> Vec<PendingDay> {
    let actor = Actor::Person(me);
    let mut out = Vec::new();
    for (person, days) in &state.agile.days {
        if *person == me || !manages(state, &actor, *person) {
            continue;
        }
        let Some(who) = state.directory.people.get(person) else {
            continue;
        };
        for day in days.values().filter(|d| d.status == DayStatus::Pending) {
            let cov = who.team.map(|team| coverage(state, team, day.date));
            out.push(PendingDay {
                person: *person,
                name: who.name.clone(),
                request: day.request,
                date: day.date,
                mode: day.mode,
                place: day.place.clone(),
                note: state
                    .agile
                    .requests
                    .get(&day.request)
                    .map(|r| r.note.clone())
                    .unwrap_or_default(),
                in_office: cov.map_or(0, |c| c.in_office),
                team_size: cov.map_or(0, |c| c.team_size),
                minimum: cov.map_or(0, |c| c.minimum),
                would_leave: None,
            });
            let last = out.len() - 1;
            let check = decide(&out[last], Decision::Approve, "", false);
            if let Err(Rejection::Agile(AgileRejection::CoverageBelowMinimum {
                in_office, ..
            })) = vela_domain::apply(state, &actor, &check, now)
            {
                out[last].would_leave = Some(in_office);
            }
        }
    }
    vela_domain::order::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The command deciding one day.
pub fn decide(day: &PendingDay, decision: Decision, note: &str, acknowledge: bool) -> Command {
    Command::Agile(Agile::DecideDays {
        request: day.request,
        dates: Some(vec![day.date]),
        decision,
        note: note.trim().to_owned(),
        acknowledge_coverage: acknowledge,
    })
}

/// An approval the domain holds back because the team would go under its
/// minimum office presence: the figures the lead must see.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortfall {
    pub day: PendingDay,
    pub in_office: u32,
    pub minimum: u32,
}

/// What to do with one day of a bulk approval.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Send the approval.
    Approve(PendingDay),
    /// Show the figures and wait for the lead's confirmation.
    Confirm(Shortfall),
    /// The rules refuse it.
    Refuse(PendingDay, Rejection),
}

/// Plans the approval of `days` in order on a scratch copy of the state:
/// each day sees the ones before it as approved (also those waiting for
/// confirmation), so the figures shown are the ones the lead will get by
/// confirming them all. Pure: the domain decides every step.
pub fn plan_approvals(
    state: &State,
    actor: &Actor,
    days: &[PendingDay],
    now: DateTime<Utc>,
) -> Vec<Step> {
    let mut scratch = state.clone();
    days.iter()
        .map(|day| {
            let plain = decide(day, Decision::Approve, "", false);
            match scratch.execute(actor, &plain, now) {
                Ok(_) => Step::Approve(day.clone()),
                Err(Rejection::Agile(AgileRejection::CoverageBelowMinimum {
                    in_office,
                    minimum,
                    ..
                })) => {
                    let acknowledged = decide(day, Decision::Approve, "", true);
                    let _ = scratch.execute(actor, &acknowledged, now);
                    Step::Confirm(Shortfall {
                        day: day.clone(),
                        in_office,
                        minimum,
                    })
                }
                Err(other) => Step::Refuse(day.clone(), other),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use uuid::Uuid;
    use vela_domain::agile::{AbsenceKind, DaySelection};
    use vela_domain::ids::{AbsenceId, OrgId};

    use super::*;

    /// The demo organisation on 24 November 2026, and that moment.
    fn demo() -> (State, DateTime<Utc>) {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let mut n = 0u128;
        let mut ids = || {
            n += 1;
            Uuid::from_u128(n)
        };
        let mut state = State::default();
        for (actor, command) in
            vela_domain::demo::commands(OrgId::from_u128(7), now.date_naive(), &mut ids)
        {
            state.execute(&actor, &command, now).unwrap();
        }
        (state, now)
    }

    fn id(state: &State, username: &str) -> PersonId {
        state.directory.by_username(username).unwrap().id
    }

    /// Thursday 4 February 2027: far from the demo's plans. Tributi has five
    /// people and a minimum of 50% (three); `absent` are away that day, and
    /// Davide and Giulia ask for it.
    fn thursday_with(absent: &[&str]) -> (State, DateTime<Utc>, NaiveDate) {
        let (mut state, now) = demo();
        let thu = NaiveDate::from_ymd_opt(2027, 2, 4).unwrap();
        let admin = Actor::Person(id(&state, "admin"));
        for (i, who) in absent.iter().enumerate() {
            let command = Command::Agile(Agile::RecordAbsence {
                id: AbsenceId(Uuid::from_u128(900 + i as u128)),
                person: id(&state, who),
                from: thu,
                until: thu,
                kind: AbsenceKind::Training,
                reason: String::new(),
            });
            state.execute(&admin, &command, now).unwrap();
        }
        for (i, who) in ["davide", "giulia"].iter().enumerate() {
            let command = Command::Agile(Agile::RequestDays {
                id: RequestId(Uuid::from_u128(800 + i as u128)),
                days: DaySelection::Dates { dates: vec![thu] },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            });
            state
                .execute(&Actor::Person(id(&state, who)), &command, now)
                .unwrap();
        }
        (state, now, thu)
    }

    #[test]
    fn the_inbox_holds_the_pending_days_of_the_leads_teams_only() {
        let (state, now, thu) = thursday_with(&[]);
        let marco = id(&state, "marco");
        let days: Vec<_> = pending_days(&state, marco, now)
            .into_iter()
            .filter(|d| d.date == thu)
            .collect();
        let names: Vec<&str> = days.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Davide Moser", "Giulia Bianchi"]);
        assert_eq!(
            (days[0].in_office, days[0].team_size, days[0].minimum),
            (5, 5, 3)
        );
        assert!(days.iter().all(|d| d.would_leave.is_none()));
        // Not a lead: nothing to decide. Another team's lead: not these.
        assert!(pending_days(&state, id(&state, "giulia"), now).is_empty());
        let elena = pending_days(&state, id(&state, "elena"), now);
        assert!(elena.iter().all(|d| d.date != thu));
    }

    #[test]
    fn a_bulk_approval_shows_the_figures_each_day_will_really_have() {
        // Luca away: approving Davide leaves 3 (fine), then Giulia 2.
        let (state, now, thu) = thursday_with(&["luca"]);
        let marco = Actor::Person(id(&state, "marco"));
        let days: Vec<_> = pending_days(&state, id(&state, "marco"), now)
            .into_iter()
            .filter(|d| d.date == thu)
            .collect();
        let plan = plan_approvals(&state, &marco, &days, now);
        assert!(matches!(&plan[0], Step::Approve(d) if d.name == "Davide Moser"));
        assert!(matches!(&plan[1], Step::Confirm(s)
            if s.day.name == "Giulia Bianchi" && (s.in_office, s.minimum) == (2, 3)));

        // Luca and Marco away: both need confirming, and Giulia's figure
        // counts Davide's approval waiting before hers.
        let (state, now, thu) = thursday_with(&["luca", "marco"]);
        let days: Vec<_> = pending_days(&state, id(&state, "marco"), now)
            .into_iter()
            .filter(|d| d.date == thu)
            .collect();
        assert!(days.iter().all(|d| d.would_leave == Some(2)));
        let plan = plan_approvals(&state, &marco, &days, now);
        let figures: Vec<(u32, u32)> = plan
            .iter()
            .map(|step| match step {
                Step::Confirm(s) => (s.in_office, s.minimum),
                other => panic!("expected a confirmation, got {other:?}"),
            })
            .collect();
        assert_eq!(figures, [(2, 3), (1, 3)]);
    }
}
