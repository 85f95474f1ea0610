use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Agreement, Language, MinOffice, Organisation, Person, Role, Team};
use crate::calendar::ExtraHoliday;
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};

/// Changes to the organisation, its teams, people and agreements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "DirectoryCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Creates the organisation (system or administrator; once).
    SetUpOrganisation {
        id: OrgId,
        name: String,
        #[serde(default)]
        extra_holidays: Vec<ExtraHoliday>,
    },
    /// Renames the organisation or changes its own holidays (administrator).
    UpdateOrganisation {
        name: String,
        extra_holidays: Vec<ExtraHoliday>,
    },
    /// Adds or changes a team (administrator).
    SaveTeam {
        id: TeamId,
        name: String,
        min_office: MinOffice,
        #[serde(default)]
        max_agile_share: Option<u8>,
    },
    /// Sets who leads a team (administrator).
    SetTeamLeads {
        team: TeamId,
        leads: BTreeSet<PersonId>,
    },
    /// Changes a team's minimum office presence (a lead of the team or an
    /// administrator): the lead knows the office's needs, and unlike
    /// `SaveTeam` it cannot rename the team or lift the agile cap.
    SetMinOffice { team: TeamId, min_office: MinOffice },
    /// Marks a day on which the whole team works in the office (a lead of
    /// the team or an administrator).
    AddOfficeOnlyDate {
        team: TeamId,
        date: NaiveDate,
        note: String,
    },
    /// Removes an office-only day.
    RemoveOfficeOnlyDate { team: TeamId, date: NaiveDate },
    /// Adds a person or changes their details, roles and team
    /// (administrator).
    SavePerson {
        id: PersonId,
        username: String,
        name: String,
        #[serde(default)]
        email: Option<String>,
        roles: BTreeSet<Role>,
        #[serde(default)]
        team: Option<TeamId>,
        #[serde(default)]
        commute_km: u32,
        #[serde(default)]
        language: Language,
    },
    /// A person's own interface language.
    SetLanguage { language: Language },
    /// A person's own declared one-way commute (or an administrator's fix).
    SetCommute { person: PersonId, km: u32 },
    /// Deactivates or reactivates a person (administrator). People are never
    /// deleted: their history stays in the reports.
    SetActive { person: PersonId, active: bool },
    /// Adds or replaces an individual agreement (administrator).
    SaveAgreement { agreement: Agreement },
    /// Withdraws from an agreement with notice (the person or an
    /// administrator); it stops applying from `effective`.
    WithdrawAgreement {
        id: AgreementId,
        effective: NaiveDate,
    },
}
crate::flat_tagged!(Command, "type");

/// What a directory command changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "DirectoryEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    OrganisationSaved { organisation: Organisation },
    TeamSaved { team: Team },
    PersonSaved { person: Person },
    AgreementSaved { agreement: Agreement },
}
crate::flat_tagged!(Event, "type");
