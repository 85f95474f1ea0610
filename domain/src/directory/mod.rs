//! The organisation, its teams, people and individual agreements: who works
//! where, who leads whom, and the frame of each person's agile work.

mod agreement;
mod apply;
mod command;
mod organisation;
mod person;
mod rejection;
mod team;
mod visibility;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use agreement::{
    Agreement, Place, TimeBand, WorkMode, DAILY_WORK_MINUTES, MIN_NOTICE_DAYS, MIN_REST_HOURS,
    REST_ENDS, REST_STARTS,
};
pub use apply::{apply, apply_event};
pub use command::{Command, Event};
pub use organisation::Organisation;
pub use person::{Language, Person, Role};
pub use rejection::Rejection;
pub use team::{MinOffice, Team};
pub use visibility::{redact, view};

use crate::ids::{AgreementId, PersonId, TeamId};

/// The directory part of an organisation's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Directory {
    /// `None` until the organisation is set up.
    pub organisation: Option<Organisation>,
    pub teams: BTreeMap<TeamId, Team>,
    pub people: BTreeMap<PersonId, Person>,
    pub agreements: BTreeMap<AgreementId, Agreement>,
}

impl Directory {
    /// The members of `team`, active or not.
    pub fn members(&self, team: TeamId) -> impl Iterator<Item = &Person> {
        self.people.values().filter(move |p| p.team == Some(team))
    }

    /// The agreement of `person` in force on `date`, if any.
    pub fn agreement_on(&self, person: PersonId, date: chrono::NaiveDate) -> Option<&Agreement> {
        self.agreements
            .values()
            .find(|a| a.person == person && a.in_force(date))
    }

    /// The person with this username.
    pub fn by_username(&self, username: &str) -> Option<&Person> {
        self.people.values().find(|p| p.username == username)
    }
}
