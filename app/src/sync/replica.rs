//! The app's copy of what the person may see, and the commands the server
//! has not confirmed yet.
//!
//! What the UI shows is [`Replica::view`]: the confirmed state (as of
//! `revision`) with the pending commands applied on top by the same
//! `vela_domain::apply` the server runs. A pull replaces or advances the
//! confirmed state; pending commands are then re-applied on it (rebase).
//! An accepted command stays in the outbox until a pull brings its revision,
//! so its effect never blinks out between the push answer and the pull.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::sync::{PullResponse, PushResult};
use vela_domain::{apply, Actor, Command, Rejection, State};

/// A command waiting for the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub id: Uuid,
    pub command: Command,
    pub created: DateTime<Utc>,
    /// The revision the server gave it, once accepted.
    #[serde(default)]
    pub accepted_at: Option<u64>,
}

/// A command the server refused: shown to the person until dismissed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub id: Uuid,
    pub command: Command,
    pub rejection: Rejection,
}

/// Confirmed state, revision and outbox of one person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    pub revision: u64,
    pub confirmed: State,
    pub outbox: Vec<Pending>,
    pub refused: Vec<Refused>,
}

impl Replica {
    /// What the person sees: the confirmed state with every pending command
    /// applied in order. A pending command that no longer applies (the state
    /// moved under it) adds nothing; the server will refuse it and say why.
    pub fn view(&self, actor: &Actor, now: DateTime<Utc>) -> State {
        let mut state = self.confirmed.clone();
        for pending in self.outbox.iter().filter(|p| !self.is_confirmed(p)) {
            if let Ok(events) = apply(&state, actor, &pending.command, now) {
                for event in &events {
                    state.apply_event(event);
                }
            }
        }
        state
    }

    /// Queues `command` if the rules accept it on what the person sees now;
    /// otherwise returns the rule it breaks and queues nothing.
    pub fn submit(
        &mut self,
        id: Uuid,
        command: Command,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), Rejection> {
        apply(&self.view(actor, now), actor, &command, now)?;
        self.outbox.push(Pending {
            id,
            command,
            created: now,
            accepted_at: None,
        });
        Ok(())
    }

    /// The commands to push, in order: those the server has not answered.
    pub fn unsent(&self) -> impl Iterator<Item = &Pending> {
        self.outbox.iter().filter(|p| p.accepted_at.is_none())
    }

    /// Number of changes still waiting for confirmation.
    pub fn waiting(&self) -> usize {
        self.outbox.iter().filter(|p| !self.is_confirmed(p)).count()
    }

    /// Records the server's answers to a push.
    pub fn pushed(&mut self, results: &[PushResult]) {
        for result in results {
            match result {
                PushResult::Accepted { id, revision } => {
                    if let Some(p) = self.outbox.iter_mut().find(|p| p.id == *id) {
                        p.accepted_at = Some(*revision);
                    }
                }
                PushResult::Rejected { id, rejection, .. } => {
                    if let Some(index) = self.outbox.iter().position(|p| p.id == *id) {
                        let pending = self.outbox.remove(index);
                        self.refused.push(Refused {
                            id: pending.id,
                            command: pending.command,
                            rejection: rejection.clone(),
                        });
                    }
                }
                // Handled by the client's own change to the outbox; until then
                // the command stays queued.
                PushResult::IdInUse { .. } => {}
            }
        }
        self.prune();
    }

    /// Takes in a pull: a snapshot replaces the confirmed state, changes
    /// advance it; either way pending commands are re-applied on top by `view`.
    pub fn pulled(&mut self, pull: PullResponse) {
        if let Some(snapshot) = pull.snapshot {
            self.confirmed = snapshot;
        } else {
            for change in pull.changes.iter().filter(|c| c.revision > self.revision) {
                for event in &change.events {
                    self.confirmed.apply_event(event);
                }
            }
        }
        self.revision = pull.revision;
        self.prune();
    }

    /// Forgets a refused command once the person has read why.
    pub fn dismiss(&mut self, id: Uuid) {
        self.refused.retain(|r| r.id != id);
    }

    fn is_confirmed(&self, pending: &Pending) -> bool {
        pending
            .accepted_at
            .is_some_and(|revision| revision <= self.revision)
    }

    fn prune(&mut self) {
        let revision = self.revision;
        self.outbox
            .retain(|p| p.accepted_at.is_none_or(|r| r > revision));
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use vela_domain::directory::{Command as Dir, Language};
    use vela_domain::ids::{OrgId, PersonId};
    use vela_domain::rejection::CommonRejection;
    use vela_domain::sync::Change;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
    }

    /// The demo organisation, and Giulia's and Luca's ids.
    fn demo() -> (State, PersonId, PersonId) {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut state = State::default();
        for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(1), today, &mut ids) {
            state.execute(&actor, &command, now()).unwrap();
        }
        let id = |name| state.directory.by_username(name).unwrap().id;
        let (giulia, luca) = (id("giulia"), id("luca"));
        (state, giulia, luca)
    }

    fn language(km: u32) -> Command {
        Command::Directory(Dir::SetLanguage {
            language: if km == 0 { Language::It } else { Language::En },
        })
    }

    fn commute(person: PersonId, km: u32) -> Command {
        Command::Directory(Dir::SetCommute { person, km })
    }

    fn replica(state: State) -> Replica {
        Replica {
            revision: 10,
            confirmed: state,
            ..Replica::default()
        }
    }

    #[test]
    fn pending_commands_show_on_top_of_the_confirmed_state() {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        assert_eq!(r.view(&me, now()).directory.people[&giulia].commute_km, 99);
        assert_ne!(r.confirmed.directory.people[&giulia].commute_km, 99);
        assert_eq!(r.waiting(), 1);
        assert_eq!(r.unsent().count(), 1);
    }

    #[test]
    fn a_command_the_rules_refuse_is_not_queued() {
        let (state, giulia, luca) = demo();
        let mut r = replica(state);
        let refused = r.submit(
            Uuid::from_u128(1),
            commute(luca, 5),
            &Actor::Person(giulia),
            now(),
        );
        assert_eq!(refused, Err(CommonRejection::NotAllowed.into()));
        assert!(r.outbox.is_empty());
    }

    #[test]
    fn an_accepted_command_stays_visible_until_the_pull_brings_it() {
        let (state, giulia, _) = demo();
        let mut r = replica(state.clone());
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        r.pushed(&[PushResult::Accepted {
            id: Uuid::from_u128(1),
            revision: 11,
        }]);
        assert_eq!(r.unsent().count(), 0, "not pushed twice");
        assert_eq!(
            r.view(&me, now()).directory.people[&giulia].commute_km,
            99,
            "no blink"
        );
        // The pull brings revision 11 with the server's events.
        let events = vela_domain::apply(&state, &me, &commute(giulia, 99), now()).unwrap();
        r.pulled(PullResponse {
            revision: 11,
            snapshot: None,
            changes: vec![Change {
                revision: 11,
                events,
            }],
        });
        assert!(r.outbox.is_empty());
        assert_eq!(r.confirmed.directory.people[&giulia].commute_km, 99);
        assert_eq!(r.revision, 11);
    }

    #[test]
    fn a_rejected_command_leaves_no_phantom_state_and_is_reported() {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        let rejection: Rejection = CommonRejection::NotAllowed.into();
        r.pushed(&[PushResult::Rejected {
            id: Uuid::from_u128(1),
            rejection: rejection.clone(),
            message: String::new(),
        }]);
        assert!(r.outbox.is_empty());
        assert_ne!(r.view(&me, now()).directory.people[&giulia].commute_km, 99);
        assert_eq!(r.refused.len(), 1);
        assert_eq!(r.refused[0].rejection, rejection);
        r.dismiss(Uuid::from_u128(1));
        assert!(r.refused.is_empty());
    }

    #[test]
    fn pending_commands_are_rebased_on_a_new_snapshot() {
        let (state, giulia, _) = demo();
        let mut r = replica(state.clone());
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), language(1), &me, now())
            .unwrap();
        // Meanwhile someone else changed Giulia's commute on the server.
        let mut newer = state;
        newer
            .execute(&Actor::System, &commute(giulia, 7), now())
            .unwrap();
        r.pulled(PullResponse {
            revision: 20,
            snapshot: Some(newer),
            changes: vec![],
        });
        let view = r.view(&me, now());
        assert_eq!(view.directory.people[&giulia].commute_km, 7);
        assert_eq!(view.directory.people[&giulia].language, Language::En);
        assert_eq!(r.waiting(), 1);
    }

    #[test]
    fn the_replica_survives_a_json_round_trip() {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        r.submit(
            Uuid::from_u128(1),
            language(1),
            &Actor::Person(giulia),
            now(),
        )
        .unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Replica>(&json).unwrap(), r);
    }
}
