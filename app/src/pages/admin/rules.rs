//! The team rules editor for a team's leads and the administrators: the
//! minimum office presence and the office-only dates (removal after a
//! confirmation).
//!
//! Live updates arrive while someone types: the page is rebuilt only when the
//! chosen team changes, so a pull never resets a half-filled form.

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use vela_domain::directory::{Command as Dir, MinOffice};
use vela_domain::ids::TeamId;
use vela_domain::{Actor, Command};

use super::medium_date;
use crate::i18n::use_i18n;
use crate::pages::team::{loaded, loading_view, managed_teams};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

#[component]
pub fn TeamRules() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = signed_in_person();
    let chosen = RwSignal::new(None::<TeamId>);
    let teams = Memo::new(move |_| state.with(|s| managed_teams(s, me)));
    let team = Memo::new(move |_| {
        chosen
            .get()
            .or_else(|| teams.with(|t| t.first().map(|t| t.0)))
    });
    let message = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());

    let ready = Memo::new(move |_| state.with(loaded));
    let body = move || {
        let t = i18n.t().team();
        if !ready.get() {
            return loading_view().into_any();
        }
        let Some(team) = team.get() else {
            return view! { <p class="team-empty">{t.rules_not_lead}</p> }.into_any();
        };
        view! {
            <MinimumPresence team message alert />
            <OfficeOnlyDates team message alert />
        }
        .into_any()
    };

    view! {
        <section class="page team-rules">
            <h1>{move || i18n.t().team().rules_title}</h1>
            {move || {
                let list = teams.get();
                (list.len() > 1)
                    .then(|| {
                        let selected = team.get();
                        view! {
                            <label for="rules-team">{i18n.t().team().team_label}</label>
                            <select
                                id="rules-team"
                                on:change=move |ev| {
                                    chosen.set(uuid::Uuid::parse_str(&event_target_value(&ev)).ok().map(TeamId));
                                }
                            >
                                {list
                                    .into_iter()
                                    .map(|(id, name)| view! { <option value=id.to_string() selected=selected == Some(id)>{name}</option> })
                                    .collect_view()}
                            </select>
                        }
                    })
            }}
            <p class="team-message" role="status">{move || message.get()}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            {body}
        </section>
    }
}

/// The minimum presence: editable when the domain lets this person change
/// it (the team's leads and the administrators), read-only otherwise.
#[component]
fn MinimumPresence(
    team: TeamId,
    message: RwSignal<String>,
    alert: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = signed_in_person();
    let rule =
        Memo::new(move |_| state.with(|s| s.directory.teams.get(&team).map(|t| t.min_office)));
    let command =
        move |min_office: MinOffice| Command::Directory(Dir::SetMinOffice { team, min_office });
    let editable = Memo::new(move |_| {
        let (Some(me), Some(rule)) = (me, rule.get()) else {
            return false;
        };
        state.with(|s| vela_domain::apply(s, &Actor::Person(me), &command(rule), now()).is_ok())
    });
    let percent = RwSignal::new(false);
    let value = RwSignal::new(String::new());
    // The form follows the saved rule (a change from another device) until
    // this person starts editing it.
    let touched = RwSignal::new(false);
    Effect::new(move |_| {
        let current = rule.get();
        if touched.get_untracked() {
            return;
        }
        percent.set(matches!(current, Some(MinOffice::Percent(_)) | None));
        value.set(match current {
            Some(MinOffice::People(n)) => n.to_string(),
            Some(MinOffice::Percent(p)) => p.to_string(),
            None => String::new(),
        });
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().team();
        let raw = value.get_untracked();
        let parsed = if percent.get_untracked() {
            raw.trim().parse().ok().map(MinOffice::Percent)
        } else {
            raw.trim().parse().ok().map(MinOffice::People)
        };
        let Some(parsed) = parsed else {
            alert.set(t.field_incomplete.into());
            return;
        };
        match sync.submit(command(parsed)) {
            Ok(()) => {
                touched.set(false);
                message.set(t.saved.into());
                alert.set(String::new());
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
    };
    let rule_line = move || {
        let t = i18n.t().team();
        let text = match rule.get() {
            Some(MinOffice::People(n)) => (t.min_people)(n),
            Some(MinOffice::Percent(p)) => (t.min_percent)(p),
            None => String::new(),
        };
        (t.minimum_rule)(&text)
    };

    move || {
        let t = i18n.t().team();
        if !editable.get() {
            return view! {
                <section class="form-card" aria-labelledby="min-title">
                    <h2 id="min-title">{t.min_office_legend}</h2>
                    <p class="team-rule">{rule_line}</p>
                    <p class="team-hint">{t.rules_not_lead}</p>
                </section>
            }
            .into_any();
        }
        view! {
            <form class="form-card" on:submit=save aria-labelledby="min-title">
                <h2 id="min-title">{t.min_office_legend}</h2>
                <p class="team-rule">{rule_line}</p>
                <fieldset class="group">
                    <legend>{t.min_kind_legend}</legend>
                    <div class="choices">
                        <label>
                            <input
                                type="radio"
                                name="min-kind"
                                prop:checked=move || !percent.get()
                                on:change=move |_| {
                                    touched.set(true);
                                    percent.set(false);
                                }
                            />
                            {t.min_kind_people}
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="min-kind"
                                prop:checked=move || percent.get()
                                on:change=move |_| {
                                    touched.set(true);
                                    percent.set(true);
                                }
                            />
                            {t.min_kind_percent}
                        </label>
                    </div>
                    <label for="min-value">{t.min_value}</label>
                    <input
                        id="min-value"
                        type="number"
                        min="0"
                        max=move || if percent.get() { "100" } else { "999" }
                        inputmode="numeric"
                        prop:value=move || value.get()
                        on:input=move |ev| {
                            touched.set(true);
                            value.set(event_target_value(&ev));
                        }
                    />
                </fieldset>
                <div class="form-buttons">
                    <button type="submit" class="primary">{t.save}</button>
                </div>
            </form>
        }
        .into_any()
    }
}

/// The office-only dates of the team, with a form to add one and a
/// confirmation before removing one.
#[component]
fn OfficeOnlyDates(
    team: TeamId,
    message: RwSignal<String>,
    alert: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let date = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let date_missing = RwSignal::new(false);
    let confirming = RwSignal::new(None::<NaiveDate>);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().team();
        let Ok(day) = date.get_untracked().parse::<NaiveDate>() else {
            date_missing.set(true);
            return;
        };
        let command = Command::Directory(Dir::AddOfficeOnlyDate {
            team,
            date: day,
            note: note.get_untracked().trim().to_owned(),
        });
        match sync.submit(command) {
            Ok(()) => {
                message.set((t.office_only_added)(&medium_date(day, i18n.locale())));
                alert.set(String::new());
                date.set(String::new());
                note.set(String::new());
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
    };
    let remove = move |day: NaiveDate| {
        let t = i18n.t().team();
        match sync.submit(Command::Directory(Dir::RemoveOfficeOnlyDate {
            team,
            date: day,
        })) {
            Ok(()) => {
                message.set((t.office_only_removed)(&medium_date(day, i18n.locale())));
                alert.set(String::new());
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
        confirming.set(None);
    };

    // Keyed rows: a date added or removed elsewhere leaves the others (and
    // a confirmation in progress) as they are.
    let days = Memo::new(move |_| {
        state.with(|s| {
            s.directory
                .teams
                .get(&team)
                .map(|x| {
                    x.office_only
                        .iter()
                        .map(|(d, n)| (*d, n.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let empty = Memo::new(move |_| days.with(Vec::is_empty));
    let list = move || {
        if empty.get() {
            return view! { <p class="team-empty">{move || i18n.t().team().office_only_empty}</p> }
                .into_any();
        }
        view! {
            <ul class="plain-list">
                <For each=move || days.get() key=|day| day.clone() let:day>
                    <OfficeOnlyRow day=day.0 text=day.1 confirming remove />
                </For>
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="form-card" aria-labelledby="office-only-title">
            <h2 id="office-only-title">{move || i18n.t().team().office_only_title}</h2>
            <p class="team-hint">{move || i18n.t().team().office_only_intro}</p>
            {list}
            <form on:submit=add>
                <div class="form-grid">
                <div>
                    <label for="office-only-date">{move || i18n.t().team().office_only_date}</label>
                    <input
                        id="office-only-date"
                        type="date"
                        aria-invalid=move || date_missing.get().then_some("true")
                        aria-describedby="office-only-date-error"
                        prop:value=move || date.get()
                        on:input=move |ev| {
                            date.set(event_target_value(&ev));
                            date_missing.set(false);
                        }
                    />
                    <p id="office-only-date-error" class="field-error">
                        {move || date_missing.get().then(|| i18n.t().team().date_required)}
                    </p>
                </div>
                <div>
                    <label for="office-only-note">{move || i18n.t().team().office_only_note}</label>
                    <input
                        id="office-only-note"
                        type="text"
                        maxlength="200"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    />
                </div>
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{move || i18n.t().team().office_only_add}</button>
                </div>
            </form>
        </section>
    }
}

/// One office-only date, with its removal behind a confirmation.
#[component]
fn OfficeOnlyRow(
    day: NaiveDate,
    text: String,
    confirming: RwSignal<Option<NaiveDate>>,
    remove: impl Fn(NaiveDate) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || medium_date(day, i18n.locale());
    let confirm_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = confirm_ref.get() {
            let _ = el.focus();
        }
    });
    let controls = move || {
        let t = i18n.t().team();
        if confirming.get() == Some(day) {
            view! {
                <span class="confirm-inline" role="group" aria-label=(t.remove_question)(&label())>
                    <span>{(t.remove_question)(&label())}</span>
                    " "
                    <button type="button" class="primary" node_ref=confirm_ref on:click=move |_| remove(day)>
                        {t.remove_confirm}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                        {t.cancel}
                    </button>
                </span>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="secondary"
                    aria-label=(t.remove_day)(&label())
                    on:click=move |_| confirming.set(Some(day))
                >
                    {t.remove}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <li>
            <span>
                <strong>{label}</strong>
                {(!text.is_empty()).then(|| format!(" — {text}"))}
            </span>
            {controls}
        </li>
    }
}
