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

use crate::sync::client::Sync;

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
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
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

/// What became of an approval.
pub enum Outcome {
    Approved,
    NeedsConfirmation(Shortfall),
    Refused(Rejection),
}

/// Approves `day` without acknowledging a coverage shortfall.
pub fn approve(sync: Sync, day: &PendingDay) -> Outcome {
    match sync.submit(decide(day, Decision::Approve, "", false)) {
        Ok(()) => Outcome::Approved,
        Err(Rejection::Agile(AgileRejection::CoverageBelowMinimum {
            in_office, minimum, ..
        })) => Outcome::NeedsConfirmation(Shortfall {
            day: day.clone(),
            in_office,
            minimum,
        }),
        Err(other) => Outcome::Refused(other),
    }
}
