use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::ids::{OrgId, PersonId, TeamId};

/// Someone working in the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    pub id: PersonId,
    /// The organisation the person works for; set when the person is added,
    /// never changed (their history stays with it).
    pub org: OrgId,
    /// Login name, unique in the whole deployment (people sign in without
    /// naming their organisation), lower case.
    pub username: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    /// The HR system's employee number (*matricola*): the stable key a file
    /// from HR names the person by, unique in the organisation. Seen only by
    /// the person and administrators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_number: Option<String>,
    pub roles: BTreeSet<Role>,
    /// The team the person belongs to, of the same organisation (leads may
    /// lead other teams of it).
    #[serde(default)]
    pub team: Option<TeamId>,
    /// Declared one-way commute in kilometres, for the CO2 report. Seen only
    /// by the person and administrators.
    #[serde(default)]
    pub commute_km: u32,
    pub language: Language,
    /// Deactivated people keep their history but cannot sign in or act.
    pub active: bool,
}

/// What a person may do; a person can hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Plans agile days, keeps objectives, joins webinars.
    Employee,
    /// Approves agile days and reviews objectives of the teams they lead.
    Lead,
    /// Organises webinar sessions and training paths.
    Trainer,
    /// Manages the organisation, teams, people and agreements.
    Admin,
    /// Administers the partnership: adds member organisations and their
    /// first administrators (and may set those administrators' passwords).
    /// It gives no access to any organisation's teams, people or plans,
    /// not even its holder's own: that is `Admin`.
    PartnershipAdmin,
}

/// The language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    It,
    En,
}

/// The shortest password a person may be given, in characters. Passwords
/// never enter the domain's state, but the rule is the organisation's: the
/// server enforces it and the app checks it before sending. AgID's guidance
/// for public-administration services asks for at least 8; 10 leaves a margin.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Whether `password` is long enough to be given to a person.
pub fn password_long_enough(password: &str) -> bool {
    password.chars().count() >= MIN_PASSWORD_CHARS
}
