use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{OrgId, PersonId, TeamId};

/// A team (office, unit) with its leads and presence rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Team {
    pub id: TeamId,
    /// The organisation the team is part of; never changes.
    pub org: OrgId,
    pub name: String,
    /// The people who approve this team's agile days and review its
    /// objectives. A lead need not be a member, but is of the same
    /// organisation.
    #[serde(default)]
    pub leads: BTreeSet<PersonId>,
    /// Minimum office presence on every working day.
    pub min_office: MinOffice,
    /// The largest share of the team (percent) that may work agile on the
    /// same day, if the organisation caps it (the FVG pilot used 10%).
    #[serde(default)]
    pub max_agile_share: Option<u8>,
    /// Days everyone works in the office (team meetings), with a note.
    #[serde(default)]
    pub office_only: BTreeMap<NaiveDate, String>,
}

/// The minimum office presence of a team on a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", content = "value")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum MinOffice {
    /// At least this many people.
    People(u32),
    /// At least this percentage of the team, rounded up.
    Percent(u8),
}
crate::adjacent_tagged!(MinOffice, "kind", "value");

impl MinOffice {
    /// How many people must be in the office for a team of `members`.
    pub fn required(self, members: u32) -> u32 {
        match self {
            MinOffice::People(n) => n.min(members),
            MinOffice::Percent(p) => (members * u32::from(p.min(100))).div_ceil(100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_presence_rounds_up_and_never_exceeds_the_team() {
        assert_eq!(MinOffice::Percent(50).required(5), 3);
        assert_eq!(MinOffice::Percent(100).required(4), 4);
        assert_eq!(MinOffice::Percent(0).required(4), 0);
        assert_eq!(MinOffice::People(3).required(2), 2);
    }
}
