//! The organisations of the deployment, their teams, people and individual
//! agreements: who works where, who leads whom, and the frame of each
//! person's agile work.
//!
//! One deployment can host several administrations (a partnership such as
//! VeLA). Every team and person belongs to one organisation (`org`), and an
//! administrator administers their own organisation only. Commands name the
//! organisation implicitly: an administrator's commands act on their own
//! organisation (the only one they may touch, so an explicit field could
//! only be wrong), and commands about an existing team, person or agreement
//! act on that entity's organisation. [`Actor::System`](crate::Actor) belongs
//! to no organisation, so its commands that create something name it in the
//! optional `org` field — or leave it out when the deployment has exactly one
//! organisation (installation set-up and older scripts).

mod agreement;
pub mod anonymise;
mod apply;
mod command;
pub mod import;
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
pub use anonymise::{Departure, RETENTION_DAYS};
pub use apply::{apply, apply_event};
pub use command::{Command, Event, FirstAdministrator};
pub use organisation::{Organisation, PublicNotices};
pub use person::{password_long_enough, Language, Person, Role, MIN_PASSWORD_CHARS};
pub use rejection::Rejection;
pub use team::{MinOffice, Team};
pub use visibility::{card, redact, view, Scope};

use crate::calendar::Holidays;
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};

/// The directory part of the deployment's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Directory {
    /// The administrations of the deployment (empty until one is set up).
    /// Everyone sees all of them (names and holidays are public); teams,
    /// people and agreements only of their own.
    #[serde(default)]
    pub organisations: BTreeMap<OrgId, Organisation>,
    pub teams: BTreeMap<TeamId, Team>,
    pub people: BTreeMap<PersonId, Person>,
    pub agreements: BTreeMap<AgreementId, Agreement>,
    /// The people who left: since when, and whether they have been
    /// anonymised (absent in states stored before departures were kept).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub departures: BTreeMap<PersonId, Departure>,
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

    /// The organisation of `person`.
    pub fn org_of_person(&self, person: PersonId) -> Option<OrgId> {
        self.people.get(&person).map(|p| p.org)
    }

    /// The organisation of `team`.
    pub fn org_of_team(&self, team: TeamId) -> Option<OrgId> {
        self.teams.get(&team).map(|t| t.org)
    }

    /// The organisation `person` works for, if both are known.
    pub fn organisation_of(&self, person: PersonId) -> Option<&Organisation> {
        self.organisations.get(&self.org_of_person(person)?)
    }

    /// The non-working days that apply to `person`: weekends, national
    /// holidays and their organisation's own (only the first two for an
    /// unknown person).
    pub fn holidays_of(&self, person: PersonId) -> Holidays<'_> {
        Holidays {
            extra: self
                .organisation_of(person)
                .map_or(&[], |o| o.extra_holidays.as_slice()),
        }
    }

    /// The person with this username.
    pub fn by_username(&self, username: &str) -> Option<&Person> {
        self.people.values().find(|p| p.username == username)
    }
}
