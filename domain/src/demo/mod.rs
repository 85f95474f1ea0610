//! Demo data: a fictional office of the Provincia autonoma di Trento with
//! three teams, leads, a trainer, an administrator and a dozen employees —
//! what a first start shows. Built as ordinary commands, so it passes every
//! rule like real data.

pub mod agile;
mod directory;
mod objectives;
mod webinars;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::ids::OrgId;
use crate::{Actor, Command};

pub use directory::{DemoPeople, PartnerPeople, DEMO_ACCOUNTS};

/// The demo organisation as commands to apply in order, as [`Actor::System`]
/// unless another actor is named (requests are made by their people, so the
/// history reads as in real use). `today` anchors the plans and sessions;
/// `ids` makes every new id. Each command comes with the time to apply it
/// at: `None` for "now" (when seeding), a time for what happened in the
/// past (agile days already worked: a day that has begun can no longer be
/// asked for). The timed ones come after the first organisation's, then
/// the partnership's second administration.
pub fn timed_commands(
    org: OrgId,
    today: NaiveDate,
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Option<DateTime<Utc>>, Actor, Command)> {
    let (people, mut commands) = directory::commands(org, today, ids);
    // Each area appends its own part here, after the directory exists.
    commands.extend(objectives::commands(today, &people, ids));
    let (agile, past) = agile::commands(today, &people, &commands, ids);
    commands.extend(agile);
    commands.extend(webinars::commands(org, today, &people, ids));
    // The partnership's second administration comes last, after the timed
    // ones too, so every id and command index above stays the same.
    let (partner, mut partnership) = directory::partner_commands(today, ids);
    partnership.extend(webinars::partnership_commands(
        today, &people, &partner, ids,
    ));
    let mut timed: Vec<_> = commands
        .into_iter()
        .map(|(actor, command)| (None, actor, command))
        .chain(
            past.into_iter()
                .map(|(at, actor, command)| (Some(at), actor, command)),
        )
        .chain(
            partnership
                .into_iter()
                .map(|(actor, command)| (None, actor, command)),
        )
        .collect();
    timed.shrink_to_fit();
    timed
}

/// The demo commands to apply all at once "now" ([`timed_commands`]
/// without the past ones): the organisation, its plans, objectives and
/// webinars, for tests and fixtures that run everything at one time.
pub fn commands(
    org: OrgId,
    today: NaiveDate,
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Actor, Command)> {
    timed_commands(org, today, ids)
        .into_iter()
        .filter_map(|(at, actor, command)| at.is_none().then_some((actor, command)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::State;

    #[test]
    fn the_demo_passes_every_rule() {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let today = crate::testing::date(2026, 11, 24);
        let mut state = State::default();
        for (at, actor, command) in timed_commands(OrgId::from_u128(7), today, &mut ids) {
            let at = at.unwrap_or_else(crate::testing::now);
            if let Err(r) = state.execute(&actor, &command, at) {
                panic!("demo command refused at {at}: {r:?}: {command:?}");
            }
        }
        for username in DEMO_ACCOUNTS {
            assert!(
                state.directory.by_username(username).is_some(),
                "{username}"
            );
        }
        assert!(state.directory.people.len() >= 12);
        let main = OrgId::from_u128(7);
        assert_eq!(
            state
                .directory
                .teams
                .values()
                .filter(|t| t.org == main)
                .count(),
            3
        );
        // The partnership: a second administration with its own office,
        // people and sessions; one session of the first is open to both.
        assert_eq!(state.directory.organisations.len(), 2);
        let irene = state.directory.by_username("irene").expect("irene");
        assert_ne!(irene.org, main);
        let web = &state.webinars;
        assert_eq!(
            web.sessions.values().filter(|s| s.is_partnership()).count(),
            1
        );
        assert!(web.sessions.values().any(|s| s.org == irene.org));
        let seen = crate::visibility::view(&state, &crate::Actor::Person(irene.id));
        assert!(seen
            .directory
            .people
            .values()
            .all(|p| p.org == irene.org || p.username.is_empty()));
        assert_eq!(
            seen.webinars
                .sessions
                .values()
                .filter(|s| s.org == main)
                .count(),
            1
        );
    }
}
