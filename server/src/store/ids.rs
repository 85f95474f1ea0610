//! Which command ids an organisation has answered, and how.

use std::collections::{HashMap, VecDeque};

use uuid::Uuid;

use super::entry::{AcceptedCommand, Outcome};

/// The idempotency index of one organisation.
///
/// Accepted ids are durable: they are in the log lines and in the snapshot,
/// and rebuilt from them at start-up. Only the newest `max_accepted` of them
/// are remembered (a window counted in accepted commands, oldest forgotten
/// first): a retry comes from a client that did not hear the answer, within
/// seconds or at its next connection, so a window of weeks of an
/// organisation's traffic is ample, and memory and snapshots stay bounded.
/// A command retried after its id left the window is decided again like a
/// new one. The ids are kept in acceptance order, so a snapshot lists them
/// without sorting.
///
/// Rejected ids are kept **in memory only** and only the newest
/// `max_rejected` of them: a rejection changed nothing, so after a restart
/// (or once evicted) a retry is simply decided again — on the same state it
/// gives the same refusal, and if the state has moved on, a fresh answer is
/// what the client needs anyway. Bounding them stops a client that pushes
/// endless refused commands from growing memory.
pub struct CommandIds<A, R> {
    accepted: HashMap<Uuid, (u64, A)>,
    accepted_order: VecDeque<Uuid>,
    max_accepted: usize,
    rejected: HashMap<Uuid, (R, A)>,
    rejected_order: VecDeque<Uuid>,
    max_rejected: usize,
}

/// What the index knows of an id.
pub enum Seen<R> {
    New,
    /// Answered before for the same actor.
    Answered(Outcome<R>),
}

impl<A: PartialEq + Clone, R: Clone> CommandIds<A, R> {
    pub fn new(max_accepted: usize, max_rejected: usize) -> Self {
        CommandIds {
            accepted: HashMap::new(),
            accepted_order: VecDeque::new(),
            max_accepted: max_accepted.max(1),
            rejected: HashMap::new(),
            rejected_order: VecDeque::new(),
            max_rejected,
        }
    }

    /// Looks an id up; a different actor reusing it gets [`Outcome::IdInUse`].
    pub fn lookup(&self, id: Uuid, actor: &A) -> Seen<R> {
        if let Some((revision, owner)) = self.accepted.get(&id) {
            return Seen::Answered(if owner == actor {
                Outcome::Accepted {
                    revision: *revision,
                }
            } else {
                Outcome::IdInUse
            });
        }
        if let Some((rejection, owner)) = self.rejected.get(&id) {
            return Seen::Answered(if owner == actor {
                Outcome::Rejected(rejection.clone())
            } else {
                Outcome::IdInUse
            });
        }
        Seen::New
    }

    /// Remembers an accepted id (ids come in revision order).
    pub fn accept(&mut self, id: Uuid, revision: u64, actor: A) {
        if self.accepted.insert(id, (revision, actor)).is_none() {
            self.accepted_order.push_back(id);
        }
        while self.accepted_order.len() > self.max_accepted {
            if let Some(old) = self.accepted_order.pop_front() {
                self.accepted.remove(&old);
            }
        }
    }

    pub fn reject(&mut self, id: Uuid, rejection: R, actor: A) {
        if self.max_rejected == 0 {
            return;
        }
        while self.rejected_order.len() >= self.max_rejected {
            if let Some(old) = self.rejected_order.pop_front() {
                self.rejected.remove(&old);
            }
        }
        if self.rejected.insert(id, (rejection, actor)).is_none() {
            self.rejected_order.push_back(id);
        }
    }

    /// The remembered accepted ids, oldest first, for a snapshot.
    pub fn accepted(&self) -> Vec<AcceptedCommand<A>> {
        self.accepted_order
            .iter()
            .filter_map(|id| {
                self.accepted
                    .get(id)
                    .map(|(revision, actor)| AcceptedCommand {
                        id: *id,
                        revision: *revision,
                        actor: actor.clone(),
                    })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_actor_gets_the_same_answer_another_gets_id_in_use() {
        let mut ids: CommandIds<&str, &str> = CommandIds::new(10, 10);
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert!(matches!(ids.lookup(a, &"giulia"), Seen::New));
        ids.accept(a, 7, "giulia");
        ids.reject(b, "outside_agreement", "giulia");
        assert!(matches!(
            ids.lookup(a, &"giulia"),
            Seen::Answered(Outcome::Accepted { revision: 7 })
        ));
        assert!(matches!(
            ids.lookup(b, &"giulia"),
            Seen::Answered(Outcome::Rejected("outside_agreement"))
        ));
        assert!(matches!(
            ids.lookup(a, &"marco"),
            Seen::Answered(Outcome::IdInUse)
        ));
        assert!(matches!(
            ids.lookup(b, &"marco"),
            Seen::Answered(Outcome::IdInUse)
        ));
    }

    #[test]
    fn rejections_are_bounded_oldest_first() {
        let mut ids: CommandIds<u8, u8> = CommandIds::new(2, 2);
        for n in 1..=3 {
            ids.reject(Uuid::from_u128(n), 0, 0);
        }
        assert!(matches!(ids.lookup(Uuid::from_u128(1), &0), Seen::New));
        assert!(matches!(
            ids.lookup(Uuid::from_u128(3), &0),
            Seen::Answered(Outcome::Rejected(0))
        ));
    }

    #[test]
    fn accepted_ids_are_bounded_oldest_first_and_listed_in_order() {
        let mut ids: CommandIds<u8, u8> = CommandIds::new(2, 2);
        for n in 1..=3 {
            ids.accept(Uuid::from_u128(n), n as u64, 0);
        }
        assert!(matches!(ids.lookup(Uuid::from_u128(1), &0), Seen::New));
        assert!(matches!(
            ids.lookup(Uuid::from_u128(3), &0),
            Seen::Answered(Outcome::Accepted { revision: 3 })
        ));
        let listed: Vec<u64> = ids.accepted().iter().map(|c| c.revision).collect();
        assert_eq!(listed, vec![2, 3]);
    }
}
