use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::directory::Person;
use crate::ids::{OrgId, PersonId, SessionId, TeamId};

/// How long before the start the join link opens: people can check audio
/// and video without making the trainer wait.
pub const JOIN_OPENS_BEFORE: Duration = Duration::minutes(15);

/// A webinar session (one occurrence, with its own link and seats).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Session {
    pub id: SessionId,
    /// The organisation that offers it: its trainers' (they all belong to
    /// it). Never changes. Its administrators manage the session.
    pub org: OrgId,
    pub title: String,
    /// May be empty.
    pub description: String,
    /// The people who give it: each holds the trainer role. They edit it,
    /// cancel it, see its registrations and mark attendance.
    pub trainers: BTreeSet<PersonId>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Seats; more registrations go on the waitlist.
    pub capacity: u32,
    /// The videoconference link (https). `None` in the views of people who
    /// may not see it: only registered people, the trainers and
    /// administrators do.
    pub join_link: Option<String>,
    pub audience: Audience,
    #[serde(default)]
    pub materials: Vec<Material>,
    pub status: SessionStatus,
    /// Grows at every change of the session, so calendar apps replace their
    /// copy of the .ics event (its `SEQUENCE`).
    #[serde(default)]
    pub sequence: u32,
}

impl Session {
    /// Whether `person` belongs to the audience the session is open to.
    /// Deactivated people belong to none.
    pub fn is_open_to(&self, person: &Person) -> bool {
        person.active
            && match &self.audience {
                Audience::Organisation => person.org == self.org,
                Audience::Partnership => true,
                Audience::Teams { teams } => {
                    person.org == self.org && person.team.is_some_and(|t| teams.contains(&t))
                }
            }
    }

    /// Whether the session is open beyond its own organisation: the only
    /// data that crosses the boundary between the partnership's
    /// administrations.
    pub fn is_partnership(&self) -> bool {
        self.audience == Audience::Partnership
    }

    /// Length in whole minutes (training hours count this).
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes().max(0)).unwrap_or(u32::MAX)
    }
}

/// Who may register for a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Audience {
    /// Everyone in the session's own organisation.
    Organisation,
    /// Everyone in the deployment: every administration of the partnership.
    Partnership,
    /// Members of these teams (of the session's organisation) only.
    Teams { teams: BTreeSet<TeamId> },
}
crate::flat_tagged!(Audience, "kind");

/// A link to slides, a recording or a reading, shown with the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Material {
    pub title: String,
    /// An http or https URL.
    pub url: String,
}

/// Whether a session will take place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Scheduled,
    /// Called off by a trainer or an administrator; kept so that its
    /// registrants see it cancelled.
    Cancelled,
}

/// When the join link may be opened: from [`JOIN_OPENS_BEFORE`] the start
/// until the end (the end itself is outside).
pub fn join_window(session: &Session) -> (DateTime<Utc>, DateTime<Utc>) {
    (session.start - JOIN_OPENS_BEFORE, session.end)
}

/// Whether `link` is an acceptable videoconference link: `https://`, a host,
/// no spaces or control characters, at most 2,000 characters. Plain http is
/// refused because the link often carries the meeting's password.
pub fn check_join_link(link: &str) -> bool {
    check_url(link, &["https://"])
}

/// Like [`check_join_link`] but also accepts http (intranet materials).
pub(crate) fn check_material_url(url: &str) -> bool {
    check_url(url, &["https://", "http://"])
}

fn check_url(url: &str, schemes: &[&str]) -> bool {
    let Some(rest) = schemes.iter().find_map(|s| {
        url.get(..s.len())
            .filter(|p| p.eq_ignore_ascii_case(s))
            .map(|_| &url[s.len()..])
    }) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host_name = host.split(':').next().unwrap_or("");
    url.len() <= 2_000
        && !host_name.is_empty()
        && host_name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_links_must_be_https_with_a_host() {
        assert!(check_join_link("https://meet.jit.si/vela-obiettivi"));
        assert!(check_join_link(
            "HTTPS://teams.microsoft.com/l/meetup-join/19%3a?x=1"
        ));
        assert!(check_join_link("https://zoom.us:443/j/123?pwd=abc"));
        assert!(!check_join_link("http://meet.jit.si/vela"));
        assert!(!check_join_link("https://"));
        assert!(!check_join_link("https:///path"));
        assert!(!check_join_link("https://meet jit.si/x"));
        assert!(!check_join_link("javascript:alert(1)"));
        assert!(!check_join_link("meet.jit.si/vela"));
        assert!(!check_join_link(&format!(
            "https://a.it/{}",
            "x".repeat(2_000)
        )));
        assert!(check_material_url("http://intranet.provincia/slide.pdf"));
        assert!(!check_material_url("ftp://intranet.provincia/slide.pdf"));
    }
}
