use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::authority::{is_owner_side, is_self_approval, leads_owner, may_see_objective};
use super::{
    Command, Event, KeyResult, KeyResultSpec, Objective, Owner, ProgressUpdate,
    Rejection as ObjectiveRejection, Review, SentBack, Status, StatusChange,
};
use crate::actor::{acting_person, require_admin, Actor};
use crate::ids::ObjectiveId;
use crate::rejection::{check_text, CommonRejection, Entity, Problem, Rejection};
use crate::{Event as AnyEvent, State};

/// Longest title and key-result indicator, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest description, progress note, review or send-back comment, in
/// characters.
pub const TEXT_MAX: usize = 2_000;
/// Longest key-result unit, in characters.
pub const UNIT_MAX: usize = 30;
/// Most key results on one objective.
pub const MAX_KEY_RESULTS: usize = 10;
/// Most progress updates one objective keeps.
pub const MAX_UPDATES: usize = 1_000;
/// Longest period of an objective, in days (three years).
pub const MAX_PERIOD_DAYS: u32 = 1_096;
/// Smallest and largest weight of an objective or key result.
pub const WEIGHT_RANGE: (u8, u8) = (1, 100);
/// Smallest and largest review rating.
pub const RATING_RANGE: (u8, u8) = (1, 5);

/// Checks and turns an objectives command into events: authorisation first
/// (an objective the actor may not see does not exist for them), then the
/// status, then the content.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<AnyEvent>, Rejection> {
    if actor.person_id().is_some() {
        // Deactivated people cannot act.
        acting_person(state, actor)?;
    }
    let by = actor.person_id();
    let event = match command {
        Command::SaveObjective {
            id,
            owner,
            period,
            title,
            description,
            weight,
            key_results,
        } => {
            let (status, existing) = match state.objectives.objectives.get(id) {
                None => {
                    owner_exists(state, *owner)?;
                    let status = if is_owner_side(state, actor, *owner) {
                        Status::Draft
                    } else if leads_owner(state, actor, *owner) {
                        // A lead assigning an objective: it waits for
                        // agreement like a proposal.
                        Status::Proposed
                    } else {
                        return Err(CommonRejection::NotAllowed.into());
                    };
                    (status, None)
                }
                Some(existing) => {
                    if !may_see_objective(state, actor, existing) {
                        return Err(CommonRejection::AlreadyExists {
                            entity: Entity::Objective,
                            id: id.0,
                        }
                        .into());
                    }
                    let owner_side = is_owner_side(state, actor, existing.owner);
                    if !owner_side && !leads_owner(state, actor, existing.owner) {
                        return Err(CommonRejection::NotAllowed.into());
                    }
                    let editable = if owner_side {
                        existing.status.is_editable()
                    } else {
                        existing.status == Status::Proposed
                    };
                    if !editable {
                        return Err(wrong_status(
                            existing.status,
                            if owner_side {
                                &[Status::Draft, Status::Proposed]
                            } else {
                                &[Status::Proposed]
                            },
                        ));
                    }
                    if existing.owner != *owner {
                        return Err(ObjectiveRejection::ObjectiveOwnerFixed.into());
                    }
                    (existing.status, Some(existing))
                }
            };
            check_text("title", title, TITLE_MAX)?;
            check_length("description", description, TEXT_MAX)?;
            check_weight(*weight, None)?;
            if period.until < period.from {
                return Err(Rejection::invalid("period", Problem::EndBeforeStart));
            }
            if (period.until - period.from).num_days() >= i64::from(MAX_PERIOD_DAYS) {
                return Err(ObjectiveRejection::ObjectivePeriodTooLong {
                    max_days: MAX_PERIOD_DAYS,
                }
                .into());
            }
            let key_results = key_results_of(key_results)?;
            if status != Status::Draft && key_results.is_empty() {
                // Only a draft may wait for its key results: a proposal is
                // agreed on how it will be measured.
                return Err(ObjectiveRejection::ObjectiveNoKeyResults.into());
            }
            Event::ObjectiveSaved {
                objective: Box::new(Objective {
                    id: *id,
                    owner: *owner,
                    period: *period,
                    title: title.trim().to_owned(),
                    description: description.trim().to_owned(),
                    weight: *weight,
                    key_results,
                    status,
                    created_by: existing.map_or(by, |e| e.created_by),
                    history: existing.map(|e| e.history.clone()).unwrap_or_default(),
                    updates: existing.map(|e| e.updates.clone()).unwrap_or_default(),
                    review: None,
                    sent_back: existing.and_then(|e| e.sent_back.clone()),
                }),
            }
        }
        Command::Propose { objective } => {
            let o = find(state, actor, *objective)?;
            if !is_owner_side(state, actor, o.owner) && require_admin(state, actor).is_err() {
                return Err(CommonRejection::NotAllowed.into());
            }
            expect_status(o, &[Status::Draft])?;
            if o.key_results.is_empty() {
                return Err(ObjectiveRejection::ObjectiveNoKeyResults.into());
            }
            saved(moved(o, Status::Proposed, by, now))
        }
        Command::Agree { objective } => {
            let o = find(state, actor, *objective)?;
            require_lead(state, actor, o)?;
            expect_status(o, &[Status::Proposed])?;
            saved(moved(o, Status::Agreed, by, now))
        }
        Command::SendBack { objective, comment } => {
            let o = find(state, actor, *objective)?;
            require_lead(state, actor, o)?;
            expect_status(o, &[Status::Proposed])?;
            check_text("comment", comment, TEXT_MAX)?;
            let mut o = moved(o, Status::Draft, by, now);
            // Replaces an earlier send back: only the latest is answered.
            o.sent_back = Some(SentBack {
                comment: comment.trim().to_owned(),
                by,
                at: now,
            });
            Event::ObjectiveSentBack {
                objective: Box::new(o),
            }
        }
        Command::Start { objective } => {
            let o = find(state, actor, *objective)?;
            if !is_owner_side(state, actor, o.owner) && !leads_owner(state, actor, o.owner) {
                return Err(CommonRejection::NotAllowed.into());
            }
            expect_status(o, &[Status::Agreed])?;
            saved(moved(o, Status::InProgress, by, now))
        }
        Command::RecordProgress {
            objective,
            key_result,
            value,
            note,
        } => {
            let o = find(state, actor, *objective)?;
            if !is_owner_side(state, actor, o.owner) {
                return Err(CommonRejection::NotAllowed.into());
            }
            expect_status(o, &[Status::InProgress])?;
            let index = o
                .key_results
                .iter()
                .position(|kr| kr.id == *key_result)
                .ok_or_else(|| Rejection::not_found(Entity::KeyResult, *key_result))?;
            check_length("note", note, TEXT_MAX)?;
            if o.updates.len() >= MAX_UPDATES {
                return Err(ObjectiveRejection::ObjectiveTooManyUpdates {
                    max: MAX_UPDATES as u32,
                }
                .into());
            }
            let mut o = o.clone();
            if let Some(kr) = o.key_results.get_mut(index) {
                kr.current = *value;
            }
            o.updates.push(ProgressUpdate {
                key_result: *key_result,
                by,
                at: now,
                value: *value,
                note: note.trim().to_owned(),
            });
            saved(o)
        }
        Command::Close { objective, outcome } => {
            let o = find(state, actor, *objective)?;
            require_lead(state, actor, o)?;
            expect_status(o, &[Status::InProgress])?;
            saved(moved(o, (*outcome).into(), by, now))
        }
        Command::Review {
            objective,
            rating,
            comment,
        } => {
            let o = find(state, actor, *objective)?;
            require_lead(state, actor, o)?;
            expect_status(
                o,
                &[
                    Status::Achieved,
                    Status::PartlyAchieved,
                    Status::NotAchieved,
                ],
            )?;
            let (min, max) = RATING_RANGE;
            if !(min..=max).contains(rating) {
                return Err(ObjectiveRejection::ObjectiveRatingOutOfRange { min, max }.into());
            }
            check_length("comment", comment, TEXT_MAX)?;
            let mut o = o.clone();
            o.review = Some(Review {
                rating: *rating,
                comment: comment.trim().to_owned(),
                by,
                at: now,
            });
            saved(o)
        }
        Command::Delete { objective } => {
            let o = find(state, actor, *objective)?;
            let owner_side = is_owner_side(state, actor, o.owner);
            let allowed = match o.status {
                Status::Draft => owner_side || require_admin(state, actor).is_ok(),
                _ => owner_side || leads_owner(state, actor, o.owner),
            };
            if !allowed {
                return Err(CommonRejection::NotAllowed.into());
            }
            expect_status(o, &[Status::Draft, Status::Proposed])?;
            Event::ObjectiveDeleted {
                id: o.id,
                owner: o.owner,
                status: o.status,
                sent_back: o.sent_back.is_some(),
            }
        }
    };
    Ok(vec![AnyEvent::Objectives(event)])
}

/// Applies an objectives event.
pub fn apply_event(state: &mut State, event: &Event) {
    let objectives = &mut state.objectives.objectives;
    match event {
        Event::ObjectiveSaved { objective } | Event::ObjectiveSentBack { objective } => {
            objectives.insert(objective.id, (**objective).clone());
        }
        Event::ObjectiveDeleted { id, .. } => {
            objectives.remove(id);
        }
    }
}

fn saved(objective: Objective) -> Event {
    Event::ObjectiveSaved {
        objective: Box::new(objective),
    }
}

/// The objective, or `not_found` when it does not exist or the actor may
/// not see it (the two must look the same).
fn find<'a>(state: &'a State, actor: &Actor, id: ObjectiveId) -> Result<&'a Objective, Rejection> {
    state
        .objectives
        .objectives
        .get(&id)
        .filter(|o| may_see_objective(state, actor, o))
        .ok_or_else(|| Rejection::not_found(Entity::Objective, id))
}

fn owner_exists(state: &State, owner: Owner) -> Result<(), Rejection> {
    match owner {
        Owner::Person(p) if !state.directory.people.contains_key(&p) => {
            Err(Rejection::not_found(Entity::Person, p))
        }
        Owner::Team(t) if !state.directory.teams.contains_key(&t) => {
            Err(Rejection::not_found(Entity::Team, t))
        }
        _ => Ok(()),
    }
}

/// The lead's decisions: agree, send back, close, review.
fn require_lead(state: &State, actor: &Actor, o: &Objective) -> Result<(), Rejection> {
    if !leads_owner(state, actor, o.owner) {
        return Err(CommonRejection::NotAllowed.into());
    }
    if is_self_approval(state, actor, o.owner) {
        return Err(ObjectiveRejection::ObjectiveSelfApproval.into());
    }
    Ok(())
}

fn wrong_status(status: Status, expected: &[Status]) -> Rejection {
    ObjectiveRejection::ObjectiveWrongStatus {
        status,
        expected: expected.to_vec(),
    }
    .into()
}

fn expect_status(o: &Objective, expected: &[Status]) -> Result<(), Rejection> {
    if expected.contains(&o.status) {
        Ok(())
    } else {
        Err(wrong_status(o.status, expected))
    }
}

fn moved(
    o: &Objective,
    status: Status,
    by: Option<crate::ids::PersonId>,
    now: DateTime<Utc>,
) -> Objective {
    let mut o = o.clone();
    o.status = status;
    o.history.push(StatusChange {
        status,
        by,
        at: now,
    });
    o
}

fn check_length(field: &str, value: &str, max_chars: usize) -> Result<(), Rejection> {
    if value.chars().count() > max_chars {
        Err(Rejection::invalid(field, Problem::TooLong))
    } else {
        Ok(())
    }
}

fn check_weight(weight: u8, key_result: Option<crate::ids::KeyResultId>) -> Result<(), Rejection> {
    let (min, max) = WEIGHT_RANGE;
    if (min..=max).contains(&weight) {
        Ok(())
    } else {
        Err(ObjectiveRejection::ObjectiveWeightOutOfRange {
            key_result,
            min,
            max,
        }
        .into())
    }
}

/// The key results as written, each at its baseline: progress is recorded
/// only once the objective is under way, and by then it can no longer be
/// edited.
fn key_results_of(specs: &[KeyResultSpec]) -> Result<Vec<KeyResult>, Rejection> {
    if specs.len() > MAX_KEY_RESULTS {
        return Err(ObjectiveRejection::ObjectiveTooManyKeyResults {
            max: MAX_KEY_RESULTS as u32,
        }
        .into());
    }
    let mut seen = BTreeSet::new();
    specs
        .iter()
        .map(|spec| {
            if !seen.insert(spec.id) {
                return Err(Rejection::invalid("key_results", Problem::Duplicate));
            }
            check_text("indicator", &spec.indicator, TITLE_MAX)?;
            check_length("unit", &spec.unit, UNIT_MAX)?;
            check_weight(spec.weight, Some(spec.id))?;
            Ok(KeyResult {
                id: spec.id,
                indicator: spec.indicator.trim().to_owned(),
                unit: spec.unit.trim().to_owned(),
                baseline: spec.baseline,
                target: spec.target,
                current: spec.baseline,
                weight: spec.weight,
            })
        })
        .collect()
}
