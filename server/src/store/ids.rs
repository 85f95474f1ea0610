//! Which command ids an organisation has answered, and how.

use std::collections::{HashMap, VecDeque};

use uuid::Uuid;

use super::entry::{AcceptedCommand, Outcome};

/// The idempotency index of one organisation.
///
/// Accepted ids are durable: they are in the log lines and in the snapshot,
/// and rebuilt from them at start-up. Rejected ids are kept **in memory
/// only** and only the newest `max_rejected` of them: a rejection changed
/// nothing, so after a restart (or once evicted) a retry is simply decided
/// again — on the same state it gives the same refusal, and if the state has
/// moved on, a fresh answer is what the client needs anyway. Bounding them
/// stops a client that pushes endless refused commands from growing memory.
pub struct CommandIds<A, R> {
    accepted: HashMap<Uuid, (u64, A)>,
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
    pub fn new(max_rejected: usize) -> Self {
        CommandIds {
            accepted: HashMap::new(),
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

    pub fn accept(&mut self, id: Uuid, revision: u64, actor: A) {
        self.accepted.insert(id, (revision, actor));
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

    /// The accepted ids up to `revision`, for a snapshot.
    pub fn accepted_up_to(&self, revision: u64) -> Vec<AcceptedCommand<A>> {
        let mut list: Vec<_> = self
            .accepted
            .iter()
            .filter(|(_, (r, _))| *r <= revision)
            .map(|(id, (r, actor))| AcceptedCommand {
                id: *id,
                revision: *r,
                actor: actor.clone(),
            })
            .collect();
        // Sorted so snapshots of the same state are byte-identical.
        list.sort_by_key(|c| c.revision);
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_actor_gets_the_same_answer_another_gets_id_in_use() {
        let mut ids: CommandIds<&str, &str> = CommandIds::new(10);
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
        let mut ids: CommandIds<u8, u8> = CommandIds::new(2);
        for n in 1..=3 {
            ids.reject(Uuid::from_u128(n), 0, 0);
        }
        assert!(matches!(ids.lookup(Uuid::from_u128(1), &0), Seen::New));
        assert!(matches!(
            ids.lookup(Uuid::from_u128(3), &0),
            Seen::Answered(Outcome::Rejected(0))
        ));
    }
}
