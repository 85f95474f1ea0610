//! Property tests of work by objectives: amounts survive text, scores stay
//! within 0–100 %, and no sequence of commands — from anyone, in any order —
//! breaks an objective's invariants, makes `apply` panic, or lets an
//! employee see another person's objectives.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use vela_domain::directory::{Command as Dir, Language, MinOffice, Role};
use vela_domain::ids::{KeyResultId, ObjectiveId, OrgId, PersonId, TeamId};
use vela_domain::objectives::score::{key_result_progress, score};
use vela_domain::objectives::{
    authority, Amount, Command as Obj, KeyResult, KeyResultSpec, Objective, Outcome, Owner, Period,
    Status,
};
use vela_domain::{apply, visibility, Actor, Command, Event, State};

const TEAM_A: TeamId = TeamId::from_u128(0xa);
const TEAM_B: TeamId = TeamId::from_u128(0xb);
const ADMIN: PersonId = PersonId::from_u128(1);
/// Lead of team A, member of it.
const LEAD_A: PersonId = PersonId::from_u128(2);
const EMP_A1: PersonId = PersonId::from_u128(3);
const EMP_A2: PersonId = PersonId::from_u128(4);
/// Lead of team B, member of it.
const LEAD_B: PersonId = PersonId::from_u128(5);
const EMP_B: PersonId = PersonId::from_u128(6);
/// Trainer in no team.
const TRAINER: PersonId = PersonId::from_u128(7);
const PEOPLE: [PersonId; 7] = [ADMIN, LEAD_A, EMP_A1, EMP_A2, LEAD_B, EMP_B, TRAINER];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("valid time")
}

fn org() -> State {
    let mut s = State::default();
    let mut run = |c: Dir| {
        s.execute(&Actor::System, &Command::Directory(c), now())
            .expect("set-up command accepted");
    };
    run(Dir::SetUpOrganisation {
        id: OrgId::from_u128(0x100),
        name: "Comune".into(),
        extra_holidays: vec![],
        administrator: None,
    });
    for team in [TEAM_A, TEAM_B] {
        run(Dir::SaveTeam {
            id: team,
            name: format!("Team {team}"),
            min_office: MinOffice::People(1),
            max_agile_share: None,
            org: None,
        });
    }
    use Role::*;
    let people: [(PersonId, &[Role], Option<TeamId>); 7] = [
        (ADMIN, &[Admin], None),
        (LEAD_A, &[Employee, Lead], Some(TEAM_A)),
        (EMP_A1, &[Employee], Some(TEAM_A)),
        (EMP_A2, &[Employee], Some(TEAM_A)),
        (LEAD_B, &[Employee, Lead], Some(TEAM_B)),
        (EMP_B, &[Employee], Some(TEAM_B)),
        (TRAINER, &[Employee, Trainer], None),
    ];
    for (id, roles, team) in people {
        run(Dir::SavePerson {
            id,
            username: format!("p{}", id.0.as_u128()),
            name: format!("Persona {id}"),
            email: None,
            employee_number: None,
            roles: roles.iter().copied().collect(),
            team,
            commute_km: 0,
            language: Language::It,
            org: None,
        });
    }
    run(Dir::SetTeamLeads {
        team: TEAM_A,
        leads: [LEAD_A].into(),
    });
    run(Dir::SetTeamLeads {
        team: TEAM_B,
        leads: [LEAD_B].into(),
    });
    s
}

fn amount() -> impl Strategy<Value = Amount> {
    (-2_000i64..2_000).prop_map(|t| Amount::from_thousandths(t * 500).expect("in range"))
}

fn any_amount() -> impl Strategy<Value = Amount> {
    (-Amount::MAX.thousandths()..=Amount::MAX.thousandths())
        .prop_map(|t| Amount::from_thousandths(t).expect("in range"))
}

fn objective_id() -> impl Strategy<Value = ObjectiveId> {
    (0u128..2).prop_map(|n| ObjectiveId::from_u128(0x500 + n))
}

fn key_result_id() -> impl Strategy<Value = KeyResultId> {
    (0u128..3).prop_map(|n| KeyResultId::from_u128(0x600 + n))
}

/// Owners and actors lean towards team A (an employee, their lead, the
/// team) so that sequences get far into the life cycle, while everyone else
/// keeps trying too.
fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![
        4 => Just(Owner::Person(EMP_A1)),
        2 => Just(Owner::Team(TEAM_A)),
        3 => proptest::sample::select(PEOPLE.to_vec()).prop_map(Owner::Person),
        1 => Just(Owner::Team(TEAM_B)),
    ]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    proptest::sample::select(vec![
        Outcome::Achieved,
        Outcome::PartlyAchieved,
        Outcome::NotAchieved,
    ])
}

fn spec() -> impl Strategy<Value = KeyResultSpec> {
    (key_result_id(), amount(), amount(), 0u8..=101).prop_map(|(id, baseline, target, weight)| {
        KeyResultSpec {
            id,
            indicator: "pratiche".into(),
            unit: "n".into(),
            baseline,
            target,
            weight,
        }
    })
}

fn command() -> impl Strategy<Value = Obj> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    prop_oneof![
        3 => (
            objective_id(),
            owner(),
            0i64..400,
            -5i64..1_200,
            0u8..=101,
            proptest::collection::vec(spec(), 0..4),
            0u8..10,
        )
            .prop_map(move |(id, owner, from, days, weight, mut key_results, duplicate)| {
                let from = start + Duration::days(from);
                // Mostly distinct key-result ids, sometimes a duplicate.
                for (i, kr) in key_results.iter_mut().enumerate() {
                    let n = if duplicate == 0 { 0 } else { i as u128 };
                    kr.id = KeyResultId::from_u128(0x600 + n);
                }
                Obj::SaveObjective {
                    id,
                    owner,
                    period: Period {
                        from,
                        until: from + Duration::days(days),
                    },
                    title: "Obiettivo".into(),
                    description: String::new(),
                    weight,
                    key_results,
                }
            }),
        2 => objective_id().prop_map(|objective| Obj::Propose { objective }),
        2 => objective_id().prop_map(|objective| Obj::Agree { objective }),
        2 => (objective_id(), proptest::sample::select(vec!["", "  ", "Rivedi i valori di partenza."]))
            .prop_map(|(objective, comment)| Obj::SendBack { objective, comment: comment.into() }),
        2 => objective_id().prop_map(|objective| Obj::Start { objective }),
        3 => (objective_id(), key_result_id(), amount()).prop_map(|(objective, key_result, value)| {
            Obj::RecordProgress {
                objective,
                key_result,
                value,
                note: "nota".into(),
            }
        }),
        2 => (objective_id(), outcome()).prop_map(|(objective, outcome)| Obj::Close { objective, outcome }),
        1 => (objective_id(), 0u8..7).prop_map(|(objective, rating)| Obj::Review {
            objective,
            rating,
            comment: String::new(),
        }),
        1 => objective_id().prop_map(|objective| Obj::Delete { objective }),
    ]
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        1 => Just(Actor::System),
        4 => Just(Actor::Person(EMP_A1)),
        4 => Just(Actor::Person(LEAD_A)),
        6 => proptest::sample::select(PEOPLE.to_vec()).prop_map(Actor::Person),
    ]
}

/// Whether the objective's recorded life is a path of the state machine:
/// from draft or proposed (a lead's assignment), back and forth between
/// draft and proposed (propose, send back), then agreed, in progress and
/// closed.
fn follows_the_state_machine(o: &Objective) -> bool {
    let next = |from: Status, to: Status| match from {
        Status::Draft => to == Status::Proposed,
        Status::Proposed => matches!(to, Status::Draft | Status::Agreed),
        Status::Agreed => to == Status::InProgress,
        Status::InProgress => to.is_closed(),
        _ => false,
    };
    let statuses: Vec<Status> = o.history.iter().map(|h| h.status).collect();
    let Some(first) = statuses.first() else {
        return matches!(o.status, Status::Draft | Status::Proposed);
    };
    // Created as a draft (then proposed) or as a proposal (then agreed or
    // sent back).
    let starts = matches!(first, Status::Proposed | Status::Agreed | Status::Draft);
    starts && statuses.windows(2).all(|w| next(w[0], w[1])) && statuses.last() == Some(&o.status)
}

fn check_invariants(state: &State) -> Result<(), TestCaseError> {
    for o in state.objectives.objectives.values() {
        prop_assert!((1..=100).contains(&o.weight));
        prop_assert!(o.key_results.len() <= 10);
        let ids: BTreeSet<_> = o.key_results.iter().map(|kr| kr.id).collect();
        prop_assert_eq!(ids.len(), o.key_results.len());
        prop_assert!(o
            .key_results
            .iter()
            .all(|kr| (1..=100).contains(&kr.weight)));
        prop_assert!(o.period.from <= o.period.until);
        prop_assert!(follows_the_state_machine(o), "{:?}", o);
        prop_assert!(o.review.is_none() || o.status.is_closed());
        prop_assert!(o
            .review
            .as_ref()
            .is_none_or(|r| (1..=5).contains(&r.rating)));
        prop_assert!(
            o.status == Status::Draft || !o.key_results.is_empty() || o.history.is_empty()
        );
        prop_assert!(o
            .updates
            .iter()
            .all(|u| o.key_result(u.key_result).is_some()));
        let s = score(o).thousandths();
        prop_assert!((0..=100_000).contains(&s));
        // A send back is recorded in the history and carries a comment.
        if let Some(sent) = &o.sent_back {
            prop_assert!(!sent.comment.trim().is_empty());
            prop_assert!(o
                .history
                .iter()
                .any(|h| h.status == Status::Draft && h.at == sent.at && h.by == sent.by));
        }
        prop_assert_eq!(
            o.pending_send_back().is_some(),
            o.status == Status::Draft && o.history.iter().any(|h| h.status == Status::Draft)
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn amounts_survive_their_text(a in any_amount()) {
        let text = a.to_string();
        prop_assert_eq!(Amount::parse(&text), Ok(a));
        let json = serde_json::to_string(&a).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).expect("parses"), a);
    }

    #[test]
    fn parsing_any_text_never_panics_and_is_canonical(text in "[-0-9.,e+ ]{0,20}") {
        if let Ok(a) = Amount::parse(&text) {
            prop_assert_eq!(Amount::parse(&a.to_string()), Ok(a));
        }
    }

    #[test]
    fn progress_and_score_stay_between_0_and_100(
        key_results in proptest::collection::vec(
            (any_amount(), any_amount(), any_amount(), 1u8..=100), 0..6)
    ) {
        let krs: Vec<KeyResult> = key_results
            .into_iter()
            .enumerate()
            .map(|(i, (baseline, target, current, weight))| KeyResult {
                id: KeyResultId::from_u128(i as u128),
                indicator: "i".into(),
                unit: String::new(),
                baseline,
                target,
                current,
                weight,
            })
            .collect();
        for kr in &krs {
            let p = key_result_progress(kr).thousandths();
            prop_assert!((0..=100_000).contains(&p));
            let reached = if kr.target >= kr.baseline {
                kr.current >= kr.target
            } else {
                kr.current <= kr.target
            };
            prop_assert_eq!(p == 100_000, reached && (kr.target != kr.baseline || kr.current == kr.target));
        }
        let mut o = sample_objective();
        o.key_results = krs.clone();
        let s = score(&o).thousandths();
        prop_assert!((0..=100_000).contains(&s));
        let all_reached = !krs.is_empty()
            && krs.iter().all(|kr| key_result_progress(kr).thousandths() == 100_000);
        prop_assert_eq!(s == 100_000, all_reached);
    }

    #[test]
    fn moving_towards_the_target_never_lowers_progress(
        baseline in amount(), target in amount(), a in amount(), b in amount()
    ) {
        let kr = |current| KeyResult {
            id: KeyResultId::from_u128(1),
            indicator: "i".into(),
            unit: String::new(),
            baseline,
            target,
            current,
            weight: 1,
        };
        // `nearer` is at least as close to the target, on the same side.
        let (further, nearer) = if target >= baseline { (a.min(b), a.max(b)) } else { (a.max(b), a.min(b)) };
        if target != baseline {
            prop_assert!(key_result_progress(&kr(nearer)) >= key_result_progress(&kr(further)));
        }
    }

    #[test]
    fn no_sequence_of_commands_breaks_an_objective(
        steps in proptest::collection::vec((actor(), command()), 1..60)
    ) {
        let start = org();
        let mut state = start.clone();
        let mut accepted: Vec<Event> = Vec::new();
        for (actor, command) in &steps {
            let command = Command::Objectives(command.clone());
            let json = serde_json::to_string(&command).expect("serialises");
            prop_assert_eq!(&serde_json::from_str::<Command>(&json).expect("parses"), &command);
            if let Ok(events) = apply(&state, actor, &command, now()) {
                for event in events {
                    let before = state.clone();
                    state.apply_event(&event);
                    // A deletion reaches exactly those who saw the objective.
                    if let Event::Objectives(vela_domain::objectives::Event::ObjectiveDeleted { id, .. }) = &event {
                        for person in PEOPLE {
                            let actor = Actor::Person(person);
                            let heard = visibility::redact(&state, &actor, &event).is_some();
                            let saw = vela_domain::objectives::view(&before, &actor)
                                .objectives
                                .contains_key(id);
                            prop_assert_eq!(heard, saw);
                        }
                    }
                    let json = serde_json::to_string(&event).expect("serialises");
                    prop_assert_eq!(&serde_json::from_str::<Event>(&json).expect("parses"), &event);
                    // Redaction and viewing agree on who hears of it.
                    if let Event::Objectives(
                        vela_domain::objectives::Event::ObjectiveSaved { objective }
                        | vela_domain::objectives::Event::ObjectiveSentBack { objective },
                    ) = &event
                    {
                        for person in PEOPLE {
                            let actor = Actor::Person(person);
                            let heard = visibility::redact(&state, &actor, &event).is_some();
                            let sees = vela_domain::objectives::view(&state, &actor)
                                .objectives
                                .contains_key(&objective.id);
                            prop_assert_eq!(heard, sees);
                        }
                    }
                    accepted.push(event);
                }
            }
            check_invariants(&state)?;
        }
        // Replaying the accepted events gives the same state.
        let mut replayed = start;
        for event in &accepted {
            replayed.apply_event(event);
        }
        prop_assert_eq!(&replayed, &state);
        // The state survives JSON.
        let json = serde_json::to_string(&state.objectives).expect("serialises");
        prop_assert_eq!(&serde_json::from_str::<vela_domain::objectives::Part>(&json).expect("parses"), &state.objectives);
        // An employee never receives another person's objectives.
        for person in [EMP_A1, EMP_A2, EMP_B, TRAINER] {
            let view = vela_domain::objectives::view(&state, &Actor::Person(person));
            for o in view.objectives.values() {
                match o.owner {
                    Owner::Person(owner) => prop_assert_eq!(owner, person),
                    Owner::Team(team) => prop_assert_eq!(
                        state.directory.people[&person].team, Some(team)
                    ),
                }
            }
        }
        // Work is logged only against one's own or one's team's live objectives.
        for person in PEOPLE {
            for o in state.objectives.objectives.values() {
                if authority::may_log_work(&state, person, o.id) {
                    prop_assert!(matches!(o.status, Status::Agreed | Status::InProgress));
                    let mine = match o.owner {
                        Owner::Person(owner) => owner == person,
                        Owner::Team(team) => state.directory.people[&person].team == Some(team),
                    };
                    prop_assert!(mine);
                }
            }
        }
    }
}

fn sample_objective() -> Objective {
    Objective {
        id: ObjectiveId::from_u128(1),
        owner: Owner::Person(EMP_A1),
        period: Period {
            from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            until: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
        },
        title: "t".into(),
        description: String::new(),
        weight: 1,
        key_results: vec![],
        status: Status::Draft,
        created_by: None,
        history: vec![],
        updates: vec![],
        review: None,
        sent_back: None,
    }
}

fn pick(people: &[PersonId], n: usize) -> Actor {
    Actor::Person(people[n % people.len()])
}

proptest! {
    /// Along the whole life of an objective the right people always
    /// succeed and the wrong ones are always refused.
    #[test]
    fn the_right_people_move_an_objective_and_no_one_else(
        team_objective in any::<bool>(),
        specs in proptest::collection::vec((amount(), amount(), 1u8..=100), 1..5),
        values in proptest::collection::vec((0usize..4, amount()), 0..6),
        outcome in outcome(),
        rating in 1u8..=5,
        who in any::<[usize; 8]>(),
        sent_back in any::<bool>(),
    ) {
        let mut state = org();
        let id = ObjectiveId::from_u128(0x900);
        let owner = if team_objective { Owner::Team(TEAM_A) } else { Owner::Person(EMP_A1) };
        let key_results: Vec<KeyResultSpec> = specs
            .iter()
            .enumerate()
            .map(|(i, (baseline, target, weight))| KeyResultSpec {
                id: KeyResultId::from_u128(i as u128),
                indicator: format!("indicatore {i}"),
                unit: String::new(),
                baseline: *baseline,
                target: *target,
                weight: *weight,
            })
            .collect();
        let save = Obj::SaveObjective {
            id,
            owner,
            period: Period {
                from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                until: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
            },
            title: "Digitalizzare l'archivio".into(),
            description: String::new(),
            weight: 50,
            key_results,
        };
        // Owner side: the employee, or for the team any member or its lead.
        let owner_side: &[PersonId] = if team_objective { &[EMP_A1, EMP_A2, LEAD_A] } else { &[EMP_A1] };
        let not_owner_side: &[PersonId] = if team_objective {
            &[LEAD_B, EMP_B, TRAINER, ADMIN]
        } else {
            &[EMP_A2, LEAD_A, LEAD_B, EMP_B, TRAINER, ADMIN]
        };
        // Administrators and the lead may also create (assign) and propose.
        let outsiders: &[PersonId] = if team_objective {
            &[LEAD_B, EMP_B, TRAINER]
        } else {
            &[EMP_A2, LEAD_B, EMP_B, TRAINER]
        };
        let leads: &[PersonId] = &[LEAD_A, ADMIN];
        let not_leads: &[PersonId] = &[EMP_A1, EMP_A2, LEAD_B, EMP_B, TRAINER];
        let step = |state: &mut State, right: Actor, wrong: Actor, command: Obj| -> Result<(), TestCaseError> {
            let command = Command::Objectives(command);
            prop_assert!(apply(state, &wrong, &command, now()).is_err(), "{:?} by {:?}", command, wrong);
            let events = apply(state, &right, &command, now());
            prop_assert!(events.is_ok(), "{:?} by {:?}: {:?}", command, right, events);
            for event in events.unwrap_or_default() {
                state.apply_event(&event);
            }
            Ok(())
        };
        step(&mut state, pick(owner_side, who[0]), pick(outsiders, who[0]), save)?;
        step(&mut state, pick(owner_side, who[1]), pick(outsiders, who[1]), Obj::Propose { objective: id })?;
        if sent_back {
            // Who may agree may send back; the owner side proposes again.
            let back = Obj::SendBack { objective: id, comment: "Rivedi i valori".into() };
            step(&mut state, pick(leads, who[7]), pick(not_leads, who[7]), back)?;
            prop_assert_eq!(state.objectives.objectives[&id].status, Status::Draft);
            step(&mut state, pick(owner_side, who[7]), pick(outsiders, who[7]), Obj::Propose { objective: id })?;
        }
        step(&mut state, pick(leads, who[2]), pick(not_leads, who[2]), Obj::Agree { objective: id })?;
        step(&mut state, pick(owner_side, who[3]), pick(&[LEAD_B, EMP_B, TRAINER], who[3]), Obj::Start { objective: id })?;
        for (i, (kr, value)) in values.iter().enumerate() {
            let key_result = KeyResultId::from_u128((*kr % specs.len()) as u128);
            step(
                &mut state,
                pick(owner_side, who[4] + i),
                pick(not_owner_side, who[4] + i),
                Obj::RecordProgress { objective: id, key_result, value: *value, note: String::new() },
            )?;
        }
        for person in owner_side {
            prop_assert!(authority::may_log_work(&state, *person, id));
        }
        let objective = state.objectives.objectives[&id].clone();
        prop_assert_eq!(objective.updates.len(), values.len());
        step(&mut state, pick(leads, who[5]), pick(not_leads, who[5]), Obj::Close { objective: id, outcome })?;
        step(
            &mut state,
            pick(leads, who[6]),
            pick(not_leads, who[6]),
            Obj::Review { objective: id, rating, comment: "Bene".into() },
        )?;
        let closed = &state.objectives.objectives[&id];
        prop_assert_eq!(closed.status, Status::from(outcome));
        prop_assert_eq!(score(closed), score(&objective));
        prop_assert_eq!(closed.review.as_ref().map(|r| r.rating), Some(rating));
        prop_assert_eq!(closed.history.len(), if sent_back { 6 } else { 4 });
        prop_assert!(!authority::may_log_work(&state, EMP_A1, id));
    }
}
