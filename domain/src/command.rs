use serde::{Deserialize, Serialize};

use crate::{agile, directory, notifications, objectives, webinars};

/// Everything a user (or the system) can change, by area. The JSON form is
/// flat: `{"area":"agile","type":"request_days",…}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "area")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Command {
    Directory(directory::Command),
    Agile(agile::Command),
    Objectives(objectives::Command),
    Webinars(webinars::Command),
    Notifications(notifications::Command),
}
crate::flat_tagged!(Command, "area");

/// What an accepted command changed. Applying events is deterministic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "area")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    Directory(directory::Event),
    Agile(agile::Event),
    Objectives(objectives::Event),
    Webinars(webinars::Event),
    Notifications(notifications::Event),
}
crate::flat_tagged!(Event, "area");
