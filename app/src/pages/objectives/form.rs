//! Writing an objective: a new draft, or the edit of a draft or proposal
//! (after the lead sent it back, saving proposes it again).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::routes::use_params_map;
use uuid::Uuid;
use vela_domain::calendar::rome_date;
use vela_domain::ids::{KeyResultId, ObjectiveId, PersonId};
use vela_domain::objectives::{Command as Obj, KeyResultSpec, Objective, Owner, Period, Status};
use vela_domain::{Actor, Command, Rejection, State};

use super::logic::{amount_text, parse_amount, quarter_of};
use super::parts::{owner_name, rejection_text, tx, SentBackNote};
use crate::i18n::{use_i18n, Locale};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// One key result as typed: text until saved.
#[derive(Clone, Copy)]
struct Row {
    id: KeyResultId,
    indicator: RwSignal<String>,
    unit: RwSignal<String>,
    baseline: RwSignal<String>,
    target: RwSignal<String>,
    weight: RwSignal<String>,
}

impl Row {
    fn new(id: KeyResultId) -> Row {
        Row {
            id,
            indicator: RwSignal::new(String::new()),
            unit: RwSignal::new(String::new()),
            baseline: RwSignal::new(String::new()),
            target: RwSignal::new(String::new()),
            weight: RwSignal::new("1".into()),
        }
    }

    fn spec(&self) -> Result<KeyResultSpec, Rejection> {
        Ok(KeyResultSpec {
            id: self.id,
            indicator: self.indicator.get_untracked(),
            unit: self.unit.get_untracked(),
            baseline: parse_amount(&self.baseline.get_untracked())?,
            target: parse_amount(&self.target.get_untracked())?,
            weight: parse_weight(&self.weight.get_untracked()),
        })
    }
}

/// A weight as typed; anything that is not a small whole number becomes 0,
/// which the domain refuses with its range.
fn parse_weight(text: &str) -> u8 {
    text.trim().parse().unwrap_or(0)
}

/// `/objectives/new`: a new draft (or, for a lead, an objective assigned to
/// a member of their team).
#[component]
pub fn NewObjective() -> impl IntoView {
    view! { <ObjectiveForm existing=None /> }
}

/// `/objectives/:id/edit`.
#[component]
pub fn EditObjective() -> impl IntoView {
    let state = use_sync().state();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|id| Uuid::parse_str(&id).ok())
            .map(ObjectiveId)
    };
    // Re-render only when the objective appears or goes, never while typing.
    let exists = Memo::new(move |_| {
        id().is_some_and(|id| state.with(|s| s.objectives.objectives.contains_key(&id)))
    });
    move || {
        let _ = exists.get();
        let existing =
            id().and_then(|id| state.with_untracked(|s| s.objectives.objectives.get(&id).cloned()));
        match existing {
            Some(o) => view! { <ObjectiveForm existing=Some(o) /> }.into_any(),
            None => view! {
                <section class="page objectives">
                    <p role="alert">{tx(|t| t.not_found)}</p>
                    <a href="/objectives">{tx(|t| t.back_to_mine)}</a>
                </section>
            }
            .into_any(),
        }
    }
}

/// Whom a new objective may be for: the person, their team, and for a lead
/// the teams they lead and their members. Value, label.
fn owner_choices(state: &State, me: PersonId, locale: Locale) -> Vec<(String, String)> {
    let t = locale.texts().objectives();
    let mut choices = vec![("me".to_owned(), t.owner_me.to_owned())];
    let mut teams: Vec<_> = state
        .directory
        .people
        .get(&me)
        .and_then(|p| p.team)
        .into_iter()
        .collect();
    for team in state.directory.teams.values() {
        if team.leads.contains(&me) && !teams.contains(&team.id) {
            teams.push(team.id);
        }
    }
    for team in &teams {
        if let Some(t2) = state.directory.teams.get(team) {
            choices.push((format!("team:{team}"), (t.owner_team)(&t2.name)));
        }
    }
    for team in state.directory.teams.values() {
        if !team.leads.contains(&me) {
            continue;
        }
        for person in state.directory.people.values() {
            if person.team == Some(team.id) && person.active && person.id != me {
                choices.push((
                    format!("person:{}", person.id),
                    (t.owner_member)(&person.name),
                ));
            }
        }
    }
    choices
}

fn owner_of(choice: &str, me: PersonId) -> Owner {
    if let Some(team) = choice.strip_prefix("team:") {
        if let Ok(id) = Uuid::parse_str(team) {
            return Owner::Team(id.into());
        }
    }
    if let Some(person) = choice.strip_prefix("person:") {
        if let Ok(id) = Uuid::parse_str(person) {
            return Owner::Person(id.into());
        }
    }
    Owner::Person(me)
}

#[component]
fn ObjectiveForm(existing: Option<Objective>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let navigate = use_navigate();
    let me = signed_in_person();
    let locale = i18n.locale();
    let today = rome_date(now());

    let id = existing
        .as_ref()
        .map(|o| o.id)
        .unwrap_or_else(|| ObjectiveId(Uuid::new_v4()));
    let status = existing.as_ref().map(|o| o.status);
    let fixed_owner = existing.as_ref().map(|o| o.owner);
    let default_period = quarter_of(today);
    let period = existing.as_ref().map_or(default_period, |o| o.period);
    let body = existing
        .as_ref()
        .map(|o| o.description.clone())
        .unwrap_or_default();
    // A draft the lead sent back: the comment is shown above the form, and
    // saving proposes it again (the answer the lead waits for).
    let comment = existing
        .as_ref()
        .and_then(|o| o.pending_send_back().cloned());
    let sent_back = comment.is_some();

    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|o| o.title.clone())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(body);
    let owner_choice = RwSignal::new("me".to_owned());
    let from = RwSignal::new(period.from.to_string());
    let until = RwSignal::new(period.until.to_string());
    let weight = RwSignal::new(
        existing
            .as_ref()
            .map_or("1".to_owned(), |o| o.weight.to_string()),
    );
    let rows = RwSignal::new(match &existing {
        Some(o) => o
            .key_results
            .iter()
            .map(|kr| {
                let row = Row::new(kr.id);
                row.indicator.set(kr.indicator.clone());
                row.unit.set(kr.unit.clone());
                row.baseline.set(amount_text(kr.baseline, locale));
                row.target.set(amount_text(kr.target, locale));
                row.weight.set(kr.weight.to_string());
                row
            })
            .collect(),
        None => vec![Row::new(KeyResultId(Uuid::new_v4()))],
    });
    let error = RwSignal::new(None::<Rejection>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(me) = me else { return };
        let owner = fixed_owner.unwrap_or_else(|| owner_of(&owner_choice.get_untracked(), me));
        let key_results: Result<Vec<KeyResultSpec>, Rejection> =
            rows.get_untracked().iter().map(Row::spec).collect();
        let key_results = match key_results {
            Ok(k) => k,
            Err(r) => {
                error.set(Some(r));
                return;
            }
        };
        let date = |s: String| s.parse().unwrap_or(today);
        let command = Obj::SaveObjective {
            id,
            owner,
            period: Period {
                from: date(from.get_untracked()),
                until: date(until.get_untracked()),
            },
            title: title.get_untracked(),
            description: description.get_untracked(),
            weight: parse_weight(&weight.get_untracked()),
            key_results,
        };
        let command = Command::Objectives(command);
        let propose = Command::Objectives(Obj::Propose { objective: id });
        if sent_back {
            // Save and propose again, both or neither: the proposal is asked
            // of the domain on the state the save would make.
            let check = state.with_untracked(|s| {
                let actor = Actor::Person(me);
                let mut after = s.clone();
                for event in vela_domain::apply(&after, &actor, &command, now())? {
                    after.apply_event(&event);
                }
                vela_domain::apply(&after, &actor, &propose, now()).map(|_| ())
            });
            if let Err(r) = check {
                error.set(Some(r));
                return;
            }
        }
        let result = sync.submit(command).and_then(|()| {
            if sent_back {
                sync.submit(propose)
            } else {
                Ok(())
            }
        });
        match result {
            Ok(()) => {
                error.set(None);
                navigate(&format!("/objectives/{id}"), Default::default());
            }
            Err(r) => error.set(Some(r)),
        }
    };

    let add_row = move |_| {
        rows.update(|r| r.push(Row::new(KeyResultId(Uuid::new_v4()))));
    };

    // The owners offered follow live updates (a team renamed, a new member)
    // but are compared first, so other changes leave the select alone.
    let choices = Memo::new(move |_| match me {
        Some(me) => state.with(|s| owner_choices(s, me, i18n.locale())),
        None => Vec::new(),
    });
    let owner_field = move || match fixed_owner {
        Some(owner) => {
            let name = state.with_untracked(|s| owner_name(s, owner, i18n.locale()));
            view! {
                <p class="fixed-owner">
                    <strong>{tx(|t| t.owner_label)}": "</strong>
                    {name}
                </p>
            }
            .into_any()
        }
        None => view! {
            <label for="objective-owner">{tx(|t| t.field_owner)}</label>
            <select
                id="objective-owner"
                on:change=move |ev| owner_choice.set(event_target_value(&ev))
            >
                <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                    <OwnerOption value=choice.0 label=choice.1 chosen=owner_choice />
                </For>
            </select>
        }
        .into_any(),
    };

    let heading = move || {
        let t = i18n.t().objectives();
        if fixed_owner.is_some() {
            t.form_edit_title
        } else {
            t.form_new_title
        }
    };
    let submit_label = move || {
        let t = i18n.t().objectives();
        match status {
            _ if sent_back => t.save_and_propose_again,
            None | Some(Status::Draft) => t.save_draft,
            Some(_) => t.save_changes,
        }
    };
    let cancel_href = if fixed_owner.is_some() {
        format!("/objectives/{id}")
    } else {
        "/objectives".to_owned()
    };

    view! {
        <section class="page objectives">
            <h1>{heading}</h1>
            {comment.map(|sent| view! { <SentBackNote sent=sent owner_side=true /> })}
            <form class="objective-form" on:submit=submit novalidate>
                {owner_field}
                <label for="objective-title">{tx(|t| t.field_title)}</label>
                <input
                    id="objective-title"
                    type="text"
                    required
                    maxlength="200"
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
                <label for="objective-description">
                    {tx(|t| t.field_description)}
                </label>
                <textarea
                    id="objective-description"
                    rows="3"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                ></textarea>
                <div class="form-row">
                    <div>
                        <label for="objective-from">{tx(|t| t.field_from)}</label>
                        <input
                            id="objective-from"
                            type="date"
                            prop:value=move || from.get()
                            on:input=move |ev| from.set(event_target_value(&ev))
                        />
                    </div>
                    <div>
                        <label for="objective-until">
                            {tx(|t| t.field_until)}
                        </label>
                        <input
                            id="objective-until"
                            type="date"
                            prop:value=move || until.get()
                            on:input=move |ev| until.set(event_target_value(&ev))
                        />
                    </div>
                    <div>
                        <label for="objective-weight">
                            {tx(|t| t.field_weight)}
                        </label>
                        <input
                            id="objective-weight"
                            type="number"
                            min="1"
                            max="100"
                            inputmode="numeric"
                            aria-describedby="objective-weight-hint"
                            prop:value=move || weight.get()
                            on:input=move |ev| weight.set(event_target_value(&ev))
                        />
                        <p id="objective-weight-hint" class="hint">
                            {tx(|t| t.weight_hint)}
                        </p>
                    </div>
                </div>
                <h2>{tx(|t| t.key_results_heading)}</h2>
                {move || {
                    rows.with(|r| r.is_empty())
                        .then(|| {
                            view! { <p class="empty">{tx(|t| t.no_key_results)}</p> }
                        })
                }}
                <For each=move || rows.get() key=|row| row.id let:row>
                    <KeyResultFields row=row rows=rows />
                </For>
                <button type="button" class="secondary" on:click=add_row>
                    <span aria-hidden="true">"+ "</span>
                    {tx(|t| t.add_key_result)}
                </button>
                <p class="form-error" role="alert">
                    {move || error.get().map(|r| rejection_text(&r))}
                </p>
                <div class="form-actions">
                    <button type="submit" class="primary">
                        {submit_label}
                    </button>
                    <a href=cancel_href class="button-link ghost">
                        {tx(|t| t.cancel)}
                    </a>
                </div>
            </form>
        </section>
    }
}

/// One owner a new objective may have.
#[component]
fn OwnerOption(value: String, label: String, chosen: RwSignal<String>) -> impl IntoView {
    let v = value.clone();
    view! {
        <option value=value selected=move || chosen.with(|c| *c == v)>
            {label}
        </option>
    }
}

/// The fields of one key result, in a group named "Key result n".
#[component]
fn KeyResultFields(row: Row, rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let i18n = use_i18n();
    let number = move || rows.with(|r| r.iter().position(|x| x.id == row.id).unwrap_or(0) + 1);
    let field = |name: &str| format!("kr-{}-{name}", row.id.0);
    let input = move |name: &'static str,
                      label: fn(&crate::i18n::texts::Texts) -> &'static str,
                      value: RwSignal<String>,
                      mode: &'static str| {
        let id = field(name);
        let hint = (mode == "decimal").then(|| format!("{id}-hint"));
        view! {
            <div class=format!("kr-field kr-{name}")>
                <label for=id.clone()>{move || label(i18n.t())}</label>
                <input
                    id=id
                    type="text"
                    inputmode=mode
                    aria-describedby=hint.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                {hint
                    .map(|h| {
                        view! {
                            <p id=h class="hint">
                                {tx(|t| t.amount_hint)}
                            </p>
                        }
                    })}
            </div>
        }
    };
    view! {
        <fieldset class="key-result-fields">
            <legend>{move || (i18n.t().objectives().key_result_n)(number())}</legend>
            {input("indicator", |t| t.objectives().field_indicator, row.indicator, "text")}
            {input("unit", |t| t.objectives().field_unit, row.unit, "text")}
            {input("baseline", |t| t.objectives().field_baseline, row.baseline, "decimal")}
            {input("target", |t| t.objectives().field_target, row.target, "decimal")}
            {input("weight", |t| t.objectives().field_kr_weight, row.weight, "numeric")}
            <button
                type="button"
                class="ghost"
                on:click=move |_| rows.update(|r| r.retain(|x| x.id != row.id))
            >
                {move || (i18n.t().objectives().remove_key_result)(number())}
            </button>
        </fieldset>
    }
}
