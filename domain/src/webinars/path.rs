use serde::{Deserialize, Serialize};

use crate::ids::{OrgId, PathId, SessionId};

/// A training path (*percorso formativo*): sessions meant to be followed in
/// order. People register for each session on its own; the path groups them
/// in the catalogue and in the reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingPath {
    pub id: PathId,
    /// The organisation whose trainers curate it (its creator's). It may
    /// include partnership sessions of other organisations.
    pub org: OrgId,
    pub title: String,
    /// May be empty.
    pub description: String,
    /// The sessions in the order to follow them; no repeats.
    pub sessions: Vec<SessionId>,
}
