//! A person's progress along a training path: which of its sessions they
//! attended, of those that count for them, and the hours.

use serde::{Deserialize, Serialize};

use super::{SessionStatus, TrainingPath};
use crate::ids::{PathId, PersonId, SessionId};
use crate::State;

/// Where a person stands on one training path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathProgress {
    pub path: PathId,
    /// The sessions that count, in the path's order, each with whether the
    /// person attended it.
    pub steps: Vec<(SessionId, bool)>,
    /// Sessions attended of those that count.
    pub attended: u32,
    /// Sessions that count: the path's sessions not cancelled that are open
    /// to the person (or that they attended anyway).
    pub required: u32,
    /// Minutes of the sessions attended.
    pub minutes: u32,
}

impl PathProgress {
    /// Every session that counts was attended (and there is at least one):
    /// the path earns a certificate.
    pub fn complete(&self) -> bool {
        self.required > 0 && self.attended == self.required
    }
}

/// `person`'s progress on `path`, counting what `state` holds (a person's
/// view holds every session open to them). Sessions missing from the state,
/// cancelled, or closed to the person and not attended do not count: they
/// cannot be attended.
pub fn path_progress(state: &State, path: &TrainingPath, person: PersonId) -> PathProgress {
    let part = &state.webinars;
    let who = state.directory.people.get(&person);
    let steps: Vec<(SessionId, bool)> = path
        .sessions
        .iter()
        .filter_map(|id| part.sessions.get(id))
        .filter(|s| s.status == SessionStatus::Scheduled)
        .map(|s| (s, part.attended(s.id, person)))
        .filter(|(s, attended)| *attended || who.is_some_and(|p| s.is_open_to(p)))
        .map(|(s, attended)| (s.id, attended))
        .collect();
    let minutes = steps
        .iter()
        .filter(|(_, attended)| *attended)
        .filter_map(|(id, _)| part.sessions.get(id))
        .fold(0u32, |sum, s| sum.saturating_add(s.minutes()));
    PathProgress {
        path: path.id,
        attended: count(steps.iter().filter(|(_, a)| *a).count()),
        required: count(steps.len()),
        steps,
        minutes,
    }
}

/// The paths `person` is on — those with a session they attended or hold a
/// seat or a waitlist place for — with their progress, by title.
pub fn paths_of(state: &State, person: PersonId) -> Vec<(TrainingPath, PathProgress)> {
    let part = &state.webinars;
    let involved = |session: &SessionId| {
        part.attended(*session, person)
            || part
                .registration(*session, person)
                .is_some_and(|r| r.status != super::RegistrationStatus::Cancelled)
    };
    let mut list: Vec<(TrainingPath, PathProgress)> = part
        .paths
        .values()
        .filter(|p| p.sessions.iter().any(involved))
        .map(|p| (p.clone(), path_progress(state, p, person)))
        .collect();
    crate::order::sort_by(&mut list, |a, b| {
        (&a.0.title, a.0.id).cmp(&(&b.0.title, b.0.id))
    });
    list
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
