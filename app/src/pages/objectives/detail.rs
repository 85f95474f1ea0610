//! `/objectives/:id`: one objective with its key results, progress, review
//! and the agile days spent on it, and what the person may do with it now —
//! the owner proposes, edits, deletes a draft and records progress; the lead
//! agrees, sends back with a comment, closes and reviews.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::routes::use_params_map;
use uuid::Uuid;
use vela_domain::calendar::rome_date;
use vela_domain::ids::{KeyResultId, ObjectiveId, PersonId};
use vela_domain::objectives::{
    authority, score, Command as Obj, Objective, Outcome, Status, RATING_RANGE,
};
use vela_domain::rejection::{CommonRejection, Problem::Empty};
use vela_domain::{Actor, Command, Rejection, State};

use super::curve::ProgressCurves;
use super::logic::{amount_text, days_worked_on, parse_amount, specs_of};
use super::parts::{
    allowed, owner_name, period_text, person_name, short_date, tx, Flags, ProgressBar, ScoreBar,
    SentBackNote, StatusBadge,
};
use crate::format::long_date;
use crate::i18n::{use_i18n, Text};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// What went wrong with the last action: a rule's refusal or a missing
/// field, translated when shown.
#[derive(Clone)]
enum Problem {
    Rule(Rejection),
    Missing(Text),
}

/// What the page offers the person for the objective as it stands: its
/// status and what the rules let them do. The action forms are built anew
/// only when this changes, never on other live updates (another key
/// result's progress, a name, the server confirming what was just done),
/// so a half-filled form or a click in progress survives them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shape {
    id: ObjectiveId,
    status: Status,
    owner_side: bool,
    sent_back: bool,
    can_agree: bool,
    can_close: bool,
    can_review: bool,
    can_delete: bool,
    can_edit: bool,
    can_record: bool,
}

impl Shape {
    fn of(s: &State, me: PersonId, o: &Objective) -> Shape {
        let id = o.id;
        let actor = Actor::Person(me);
        let owner_side = authority::is_owner_side(s, &actor, o.owner);
        let obj = |c: Obj| allowed(s, me, Command::Objectives(c));
        let same_content = Obj::SaveObjective {
            id,
            owner: o.owner,
            period: o.period,
            title: o.title.clone(),
            description: o.description.clone(),
            weight: o.weight,
            key_results: specs_of(o),
        };
        let can_record = owner_side
            && match o.status {
                Status::Agreed => obj(Obj::Start { objective: id }),
                Status::InProgress => o.key_results.first().is_some_and(|kr| {
                    obj(Obj::RecordProgress {
                        objective: id,
                        key_result: kr.id,
                        value: kr.current,
                        note: String::new(),
                    })
                }),
                _ => false,
            };
        Shape {
            id,
            status: o.status,
            owner_side,
            sent_back: o.pending_send_back().is_some(),
            can_agree: obj(Obj::Agree { objective: id }),
            can_close: obj(Obj::Close {
                objective: id,
                outcome: Outcome::Achieved,
            }),
            can_review: obj(Obj::Review {
                objective: id,
                rating: RATING_RANGE.0,
                comment: String::new(),
            }),
            can_delete: o.status == Status::Draft && obj(Obj::Delete { objective: id }),
            can_edit: owner_side && obj(same_content),
            can_record,
        }
    }
}

#[component]
pub fn ObjectiveDetail() -> impl IntoView {
    let sync = use_sync();
    let state = sync.state();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|id| Uuid::parse_str(&id).ok())
            .map(ObjectiveId)
    });
    let objective = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.with(|s| s.objectives.objectives.get(&id).cloned()))
    });
    let me = signed_in_person();
    let shape = Memo::new(move |_| {
        let me = me?;
        objective.with(|o| o.as_ref().map(|o| state.with(|s| Shape::of(s, me, o))))
    });
    let feedback = RwSignal::new(None::<Text>);
    let problem = RwSignal::new(None::<Problem>);
    // Kept here, above the body: an agreed objective is started by its
    // first progress update, which changes what the page offers (and so
    // rebuilds the forms), and a half-filled progress form must survive that.
    let draft = ProgressDraft::default();

    view! {
        <section class="page objectives objective-detail">
            <p class="back-link">
                <a href="/objectives">
                    <span aria-hidden="true">"‹ "</span>
                    {tx(|t| t.back_to_mine)}
                </a>
            </p>
            {move || match shape.get() {
                Some(shape) => {
                    view! { <ObjectiveBody shape=shape objective=objective feedback=feedback problem=problem draft=draft /> }
                        .into_any()
                }
                None if sync.status().last_synced.is_none() => {
                    view! {
                        <p class="loading" role="status">
                            {tx(|t| t.loading)}
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="empty" role="alert">
                            {tx(|t| t.not_found)}
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The objective's page for one [`Shape`]: what it says follows every live
/// update; its forms stay as they are while the shape does.
#[component]
fn ObjectiveBody(
    shape: Shape,
    objective: Memo<Option<Objective>>,
    feedback: RwSignal<Option<Text>>,
    problem: RwSignal<Option<Problem>>,
    draft: ProgressDraft,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let Some(o) = objective.get_untracked() else {
        return ().into_any();
    };
    let today = rome_date(now());
    let Shape {
        id,
        status,
        owner_side,
        sent_back,
        can_agree,
        can_close,
        can_review,
        can_delete,
        can_edit,
        can_record,
    } = shape;

    let submit = move |command: Obj, done: Text| -> bool {
        match sync.submit(Command::Objectives(command)) {
            Ok(()) => {
                problem.set(None);
                feedback.set(Some(done));
                true
            }
            Err(r) => {
                feedback.set(None);
                problem.set(Some(Problem::Rule(r)));
                false
            }
        }
    };

    let actions = view! {
        {(status == Status::Draft && owner_side)
            .then(|| view! { <p>{tx(|t| t.draft_hint)}</p> })}
        {(status == Status::Proposed)
            .then(|| view! { <p>{tx(|t| t.waiting_for_lead)}</p> })}
        <div class="action-buttons">
            {can_edit
                .then(|| {
                    view! {
                        <a href=format!("/objectives/{id}/edit") class="button-link secondary">
                            {move || {
                                let t = i18n.t().objectives();
                                if sent_back { t.edit_and_propose_again } else { t.edit }
                            }}
                        </a>
                    }
                })}
            {(status == Status::Draft && owner_side)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| {
                                submit(Obj::Propose { objective: id }, |t| t.objectives().proposed);
                            }
                        >
                            {tx(|t| t.propose)}
                        </button>
                    }
                })}
            {can_agree
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| {
                                submit(Obj::Agree { objective: id }, |t| t.objectives().agreed);
                            }
                        >
                            {tx(|t| t.agree)}
                        </button>
                    }
                })}
        </div>
        {can_delete.then(|| view! { <DeleteDraft id=id problem=problem /> })}
        {can_agree
            .then(|| {
                view! {
                    <SendBack id=id submit=submit problem=problem />
                }
            })}
        {can_record.then(|| view! { <RecordProgress objective=o.clone() submit=submit problem=problem draft=draft /> })}
        {can_close.then(|| view! { <CloseForm id=id submit=submit /> })}
        {can_review.then(|| view! { <ReviewForm objective=o.clone() submit=submit /> })}
    };

    view! {
        {move || {
            objective
                .get()
                .map(|o| view! { <Summary objective=o owner_side=owner_side today=today /> })
        }}
        <p class="feedback" role="status">
            {move || feedback.get().map(|f| f(i18n.t()))}
        </p>
        <p class="form-error" role="alert">
            {move || {
                problem
                    .get()
                    .map(|p| match p {
                        Problem::Rule(r) => (i18n.t().rejection)(&r),
                        Problem::Missing(text) => text(i18n.t()).to_owned(),
                    })
            }}
        </p>
        {move || objective.get().map(|o| view! { <KeyResults objective=o /> })}
        {move || objective.get().map(|o| view! { <ProgressCurves objective=o /> })}
        <section aria-labelledby="actions-heading" class="objective-actions">
            <h2 id="actions-heading">{tx(|t| t.actions_heading)}</h2>
            {actions}
        </section>
        {move || objective.get().map(|o| view! { <History objective=o /> })}
        <WorkedDays id=id />
    }
    .into_any()
}

/// The objective's title and facts, and the lead's comment if it was sent back.
#[component]
fn Summary(objective: Objective, owner_side: bool, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let o = objective;
    let owner_text = state.with_untracked(|s| owner_name(s, o.owner, i18n.locale()));
    let period = o.period;
    let body = o.description.clone();
    // The lead's comment waiting for an answer (the objective is a draft
    // again until its owner proposes it anew).
    let comment = o.pending_send_back().cloned();
    view! {
        <h1>{o.title.clone()}</h1>
        <p class="objective-meta">
            <StatusBadge status=o.status />
            <Flags objective=o.clone() today=today />
        </p>
        <dl class="objective-facts">
            <dt>{tx(|t| t.owner_label)}</dt>
            <dd>{owner_text}</dd>
            <dt>{tx(|t| t.period_label)}</dt>
            <dd>{move || period_text(period, i18n.locale())}</dd>
            <dt>{tx(|t| t.due_label)}</dt>
            <dd>{move || long_date(period.until, i18n.locale())}</dd>
            <dt>{tx(|t| t.weight_label)}</dt>
            <dd>{o.weight}</dd>
        </dl>
        {(!body.is_empty()).then(|| view! { <p class="description">{body.clone()}</p> })}
        {comment.map(|sent| view! { <SentBackNote sent=sent owner_side=owner_side /> })}
    }
}

/// The score and each key result's progress.
#[component]
fn KeyResults(objective: Objective) -> impl IntoView {
    let i18n = use_i18n();
    let o = objective;
    let percent = score::score_whole_percent(&o);
    let title = o.title.clone();
    let key_results = o
        .key_results
        .iter()
        .map(|kr| {
            let kr = kr.clone();
            let percent = (score::key_result_progress(&kr).thousandths() / 1_000) as u8;
            view! {
                <li class="key-result">
                    <h3>{kr.indicator.clone()}</h3>
                    {move || {
                        let locale = i18n.locale();
                        let t = i18n.t().objectives();
                        let values = (t.key_result_values)(
                            &amount_text(kr.current, locale),
                            &amount_text(kr.target, locale),
                            &kr.unit,
                            &amount_text(kr.baseline, locale),
                        );
                        view! {
                            <ProgressBar
                                percent=percent
                                label=kr.indicator.clone()
                                text=format!("{} — {values}", (t.percent_reached)(percent))
                            />
                            <p class="kr-weight">{format!("{} {}", t.weight_label, kr.weight)}</p>
                        }
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="key-results-heading">
            <h2 id="key-results-heading">{tx(|t| t.key_results_title)}</h2>
            <div class="objective-score">
                <strong>{tx(|t| t.score_label)}</strong>
                <ScoreBar percent=percent title=title.clone() />
            </div>
            <ul class="key-results">{key_results}</ul>
        </section>
    }
}

/// The lead's review (once closed) and the progress updates, newest first.
#[component]
fn History(objective: Objective) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let o = objective;
    let review = match &o.review {
        Some(review) => {
            let rating = review.rating;
            let comment = review.comment.clone();
            let by = state.with_untracked(|s| person_name(s, review.by, i18n.locale()));
            let on = rome_date(review.at);
            view! {
                <p class="rating">
                    <span aria-hidden="true">
                        {"★".repeat(usize::from(rating))}
                        {"☆".repeat(5usize.saturating_sub(usize::from(rating)))}" "
                    </span>
                    {move || {
                        let t = i18n.t().objectives();
                        (t.rating_shown)(rating, (t.rating_name)(rating))
                    }}
                </p>
                {(!comment.is_empty()).then(|| view! { <blockquote>{comment}</blockquote> })}
                <p class="hint">
                    {move || {
                        (i18n.t().objectives().reviewed_by)(&by, &short_date(on, i18n.locale()))
                    }}
                </p>
            }
            .into_any()
        }
        None => view! { <p>{tx(|t| t.not_reviewed)}</p> }.into_any(),
    };
    let show_review = o.status.is_closed() || o.review.is_some();

    let updates = {
        let names = state.with_untracked(|s| {
            o.updates
                .iter()
                .rev()
                .map(|u| {
                    let kr = o.key_result(u.key_result);
                    (
                        rome_date(u.at),
                        person_name(s, u.by, i18n.locale()),
                        kr.map(|k| k.indicator.clone()).unwrap_or_default(),
                        kr.map(|k| k.unit.clone()).unwrap_or_default(),
                        u.value,
                        u.note.clone(),
                    )
                })
                .collect::<Vec<_>>()
        });
        if names.is_empty() {
            view! { <p class="empty">{tx(|t| t.no_updates)}</p> }.into_any()
        } else {
            view! {
                <ul class="updates">
                    {names
                        .into_iter()
                        .map(|(date, who, indicator, unit, value, note)| {
                            view! {
                                <li>
                                    {move || {
                                        let locale = i18n.locale();
                                        (i18n.t().objectives().update_line)(
                                            &short_date(date, locale),
                                            &who,
                                            &indicator,
                                            &format!("{} {unit}", amount_text(value, locale)),
                                        )
                                    }}
                                    {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    view! {
        {show_review
            .then(|| {
                view! {
                    <section aria-labelledby="review-heading">
                        <h2 id="review-heading">{tx(|t| t.review_heading)}</h2>
                        {review}
                    </section>
                }
            })}
        <section aria-labelledby="updates-heading">
            <h2 id="updates-heading">{tx(|t| t.updates_heading)}</h2>
            {updates}
        </section>
    }
}

/// The agile days whose activity names the objective (they change with
/// the calendar, not with the objective).
#[component]
fn WorkedDays(id: ObjectiveId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let days = Memo::new(move |_| {
        let locale = i18n.locale();
        state.with(|s| {
            days_worked_on(s, id)
                .into_iter()
                .map(|d| (d.date, person_name(s, Some(d.person), locale), d.note))
                .collect::<Vec<_>>()
        })
    });
    let list = move || {
        let days = days.get();
        if days.is_empty() {
            return view! { <p class="empty">{tx(|t| t.days_empty)}</p> }.into_any();
        }
        view! {
            <ul class="worked-days">
                {days
                    .into_iter()
                    .map(|(date, who, note)| {
                        view! {
                            <li>
                                <strong>{move || long_date(date, i18n.locale())}</strong>
                                " — "
                                {who}
                                {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="days-heading">
            <h2 id="days-heading">{tx(|t| t.days_heading)}</h2>
            {list}
        </section>
    }
}

/// Deleting a draft, after a second explicit confirmation.
#[component]
fn DeleteDraft(id: ObjectiveId, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let sync = use_sync();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let delete = move |_| match sync.submit(Command::Objectives(Obj::Delete { objective: id })) {
        Ok(()) => navigate("/objectives", Default::default()),
        Err(r) => problem.set(Some(Problem::Rule(r))),
    };
    view! {
        <div class="delete-draft">
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="ghost danger" on:click=move |_| confirming.set(true)>
                            {tx(|t| t.delete_draft)}
                        </button>
                    }
                }
            >
                <div class="confirm" role="group" aria-labelledby="delete-confirm-text">
                    <p id="delete-confirm-text">{tx(|t| t.delete_confirm_text)}</p>
                    <button type="button" class="primary danger" on:click=delete.clone()>
                        {tx(|t| t.delete_confirm)}
                    </button>
                    <button type="button" class="ghost" on:click=move |_| confirming.set(false)>
                        {tx(|t| t.cancel)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The lead returns a proposal to its owner with a comment saying what to
/// revise. The domain requires the comment; its refusal of an empty one is
/// shown as this form's own sentence.
#[component]
fn SendBack(
    id: ObjectiveId,
    submit: impl Fn(Obj, Text) -> bool + Copy + Send + Sync + 'static,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let comment = RwSignal::new(String::new());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Obj::SendBack {
            objective: id,
            comment: comment.get_untracked(),
        };
        if submit(command, |t| t.objectives().sent_back_done) {
            open.set(false);
            return;
        }
        problem.update(|p| {
            let empty = matches!(
                p,
                Some(Problem::Rule(Rejection::Common(CommonRejection::Invalid { field, problem: Empty })))
                    if field == "comment"
            );
            if empty {
                *p = Some(Problem::Missing(|t| t.objectives().send_back_needs_comment));
            }
        });
    };
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <button type="button" class="secondary" on:click=move |_| open.set(true)>
                        {tx(|t| t.send_back)}
                    </button>
                }
            }
        >
            <form class="send-back-form" on:submit=send>
                <label for="send-back-comment">{tx(|t| t.send_back_comment)}</label>
                <textarea
                    id="send-back-comment"
                    rows="3"
                    prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))
                ></textarea>
                <div class="form-actions">
                    <button type="submit" class="primary">
                        {tx(|t| t.send_back_submit)}
                    </button>
                    <button type="button" class="ghost" on:click=move |_| open.set(false)>
                        {tx(|t| t.cancel)}
                    </button>
                </div>
            </form>
        </Show>
    }
}

/// What someone is typing into the progress form.
#[derive(Clone, Copy, Default)]
struct ProgressDraft {
    /// `None`: the first key result.
    choice: RwSignal<Option<KeyResultId>>,
    value: RwSignal<String>,
    note: RwSignal<String>,
}

/// A new value of one key result with a note. An agreed objective is
/// started first: recording progress is how work on it begins.
#[component]
fn RecordProgress(
    objective: Objective,
    submit: impl Fn(Obj, Text) -> bool + Copy + Send + Sync + 'static,
    problem: RwSignal<Option<Problem>>,
    draft: ProgressDraft,
) -> impl IntoView {
    let id = objective.id;
    let status = objective.status;
    let first = objective.key_results.first().map(|kr| kr.id);
    let ProgressDraft {
        choice: chosen,
        value,
        note,
    } = draft;
    let choice = Signal::derive(move || chosen.get().or(first));
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(key_result) = choice.get_untracked() else {
            return;
        };
        let amount = match parse_amount(&value.get_untracked()) {
            Ok(a) => a,
            Err(r) => {
                problem.set(Some(Problem::Rule(r)));
                return;
            }
        };
        if status == Status::Agreed
            && !submit(Obj::Start { objective: id }, |t| t.objectives().recorded)
        {
            return;
        }
        let command = Obj::RecordProgress {
            objective: id,
            key_result,
            value: amount,
            note: note.get_untracked(),
        };
        if submit(command, |t| t.objectives().recorded) {
            value.set(String::new());
            note.set(String::new());
        }
    };
    let options = objective
        .key_results
        .iter()
        .map(|kr| {
            let kr_id: KeyResultId = kr.id;
            view! {
                <option value=kr_id.to_string() selected=move || choice.get() == Some(kr_id)>
                    {kr.indicator.clone()}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="progress-form" on:submit=record aria-labelledby="progress-heading">
            <h3 id="progress-heading">{tx(|t| t.progress_heading)}</h3>
            <label for="progress-key-result">{tx(|t| t.field_key_result)}</label>
            <select
                id="progress-key-result"
                on:change=move |ev| {
                    chosen.set(Uuid::parse_str(&event_target_value(&ev)).ok().map(KeyResultId));
                }
            >
                {options}
            </select>
            <label for="progress-value">{tx(|t| t.field_new_value)}</label>
            <input
                id="progress-value"
                type="text"
                inputmode="decimal"
                aria-describedby="progress-value-hint"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p id="progress-value-hint" class="hint">{tx(|t| t.amount_hint)}</p>
            <label for="progress-note">{tx(|t| t.field_note)}</label>
            <textarea
                id="progress-note"
                rows="2"
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            ></textarea>
            <button type="submit" class="primary">
                {tx(|t| t.record_progress)}
            </button>
        </form>
    }
}

/// The lead closes an objective in progress with its outcome.
#[component]
fn CloseForm(
    id: ObjectiveId,
    submit: impl Fn(Obj, Text) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(Outcome::Achieved);
    let close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(
            Obj::Close {
                objective: id,
                outcome: outcome.get_untracked(),
            },
            |t| t.objectives().closed_done,
        );
    };
    let radios = [
        Outcome::Achieved,
        Outcome::PartlyAchieved,
        Outcome::NotAchieved,
    ]
    .into_iter()
    .map(|choice| {
        let input_id = format!("outcome-{}", vela_domain::objectives::Status::from(choice));
        view! {
            <div class="radio">
                <input
                    type="radio"
                    name="outcome"
                    id=input_id.clone()
                    prop:checked=move || outcome.get() == choice
                    on:change=move |_| outcome.set(choice)
                />
                <label for=input_id>{move || i18n.t().objectives().outcome(choice)}</label>
            </div>
        }
    })
    .collect_view();
    view! {
        <form class="close-form" on:submit=close aria-labelledby="close-heading">
            <h3 id="close-heading">{tx(|t| t.close_heading)}</h3>
            <fieldset class="radio-group">
                <legend>{tx(|t| t.outcome_legend)}</legend>
                {radios}
            </fieldset>
            <button type="submit" class="primary">
                {tx(|t| t.close_submit)}
            </button>
        </form>
    }
}

/// The lead rates a closed objective 1–5 with a comment.
#[component]
fn ReviewForm(
    objective: Objective,
    submit: impl Fn(Obj, Text) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = objective.id;
    // No rating chosen is sent as 0: the domain answers with its range.
    let rating = RwSignal::new(objective.review.as_ref().map_or(0, |r| r.rating));
    let comment = RwSignal::new(
        objective
            .review
            .as_ref()
            .map(|r| r.comment.clone())
            .unwrap_or_default(),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(
            Obj::Review {
                objective: id,
                rating: rating.get_untracked(),
                comment: comment.get_untracked(),
            },
            |t| t.objectives().reviewed,
        );
    };
    let (min, max) = RATING_RANGE;
    let radios = (min..=max)
        .map(|n| {
            let input_id = format!("rating-{n}");
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="rating"
                        id=input_id.clone()
                        value=n.to_string()
                        prop:checked=move || rating.get() == n
                        on:change=move |_| rating.set(n)
                    />
                    <label for=input_id>
                        {move || format!("{n} — {}", (i18n.t().objectives().rating_name)(n))}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="review-form" on:submit=save aria-labelledby="review-form-heading">
            <h3 id="review-form-heading">{tx(|t| t.review_heading)}</h3>
            <fieldset class="radio-group">
                <legend>{tx(|t| t.rating_legend)}</legend>
                {radios}
            </fieldset>
            <label for="review-comment">{tx(|t| t.review_comment)}</label>
            <textarea
                id="review-comment"
                rows="3"
                prop:value=move || comment.get()
                on:input=move |ev| comment.set(event_target_value(&ev))
            ></textarea>
            <button type="submit" class="primary">
                {tx(|t| t.review_submit)}
            </button>
        </form>
    }
}
