use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Agreement, Language, MinOffice, Organisation, Person, PublicNotices, Role, Team};
use crate::calendar::ExtraHoliday;
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};

/// Changes to the organisations, their teams, people and agreements.
///
/// Which organisation a command acts on: an existing team's, person's or
/// agreement's own; for a new team or person and for
/// `update_organisation`, the acting administrator's own, or for the system
/// the `org` it names (which may be left out while the deployment has one
/// organisation). An administrator naming another organisation is refused
/// (`not_allowed`). See the module documentation for why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "DirectoryCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Adds an organisation to the deployment, with its first
    /// administrator if given (the system at installation, or a partnership
    /// administrator: a new administration joins the partnership).
    SetUpOrganisation {
        id: OrgId,
        name: String,
        #[serde(default)]
        extra_holidays: Vec<ExtraHoliday>,
        /// The organisation's first administrator, added in the same
        /// revision so the organisation is never left without one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        administrator: Option<FirstAdministrator>,
    },
    /// Renames an organisation or changes its own holidays (its
    /// administrator).
    UpdateOrganisation {
        name: String,
        extra_holidays: Vec<ExtraHoliday>,
        /// For the system: which organisation (see [`Command`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org: Option<OrgId>,
    },
    /// Replaces the organisation's public notices (its administrator).
    SetNotices {
        notices: PublicNotices,
        /// For the system: which organisation (see [`Command`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org: Option<OrgId>,
    },
    /// Adds or changes a team (an administrator of its organisation).
    SaveTeam {
        id: TeamId,
        name: String,
        min_office: MinOffice,
        #[serde(default)]
        max_agile_share: Option<u8>,
        /// For the system adding a team: which organisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org: Option<OrgId>,
    },
    /// Sets who leads a team (an administrator of its organisation; the
    /// leads are people of it).
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
    /// Adds a person or changes their details, roles and team (an
    /// administrator of their organisation; the team is of it too).
    SavePerson {
        id: PersonId,
        username: String,
        name: String,
        #[serde(default)]
        email: Option<String>,
        /// The employee number (*matricola*): absent keeps the person's
        /// current one (clients that predate it never erase it), empty
        /// removes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        employee_number: Option<String>,
        roles: BTreeSet<Role>,
        #[serde(default)]
        team: Option<TeamId>,
        #[serde(default)]
        commute_km: u32,
        #[serde(default)]
        language: Language,
        /// For the system adding a person: which organisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org: Option<OrgId>,
    },
    /// A person's own interface language.
    SetLanguage { language: Language },
    /// A person's own declared one-way commute (or their organisation's
    /// administrator's fix).
    SetCommute { person: PersonId, km: u32 },
    /// Deactivates or reactivates a person (an administrator of their
    /// organisation). People are never
    /// deleted: their history stays in the reports.
    SetActive { person: PersonId, active: bool },
    /// Adds or replaces an individual agreement (an administrator of the
    /// person's organisation).
    SaveAgreement { agreement: Agreement },
    /// Withdraws from an agreement with notice (the person or an
    /// administrator of their organisation); it stops applying from `effective`.
    WithdrawAgreement {
        id: AgreementId,
        effective: NaiveDate,
    },
    /// Removes what identifies a person who left — name, e-mail, username,
    /// notes, absence reasons, comments, notifications — keeping every count
    /// (an administrator of their organisation, once the person has been
    /// deactivated for [`super::RETENTION_DAYS`]). Cannot be undone.
    AnonymisePerson { person: PersonId },
}
crate::flat_tagged!(Command, "type");

/// The first administrator of an organisation being set up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FirstAdministrator {
    pub id: PersonId,
    pub username: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
}

/// What a directory command changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "DirectoryEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    OrganisationSaved {
        organisation: Organisation,
    },
    TeamSaved {
        team: Team,
    },
    PersonSaved {
        person: Person,
    },
    AgreementSaved {
        agreement: Agreement,
    },
    /// A person was deactivated on `on` (with the `PersonSaved` that
    /// deactivates them): the retention period runs from that day.
    PersonDeactivated {
        person: PersonId,
        on: NaiveDate,
    },
    /// A person's identifying data was removed everywhere in the state
    /// (see [`super::anonymise::scrub`]).
    PersonAnonymised {
        person: PersonId,
    },
}
crate::flat_tagged!(Event, "type");
