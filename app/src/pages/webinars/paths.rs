//! Creating and editing a training path: its sessions in order, moved with
//! buttons (keyboard and touch friendly, no drag and drop).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::routes::use_params_map;
use vela_domain::ids::{PathId, SessionId};
use vela_domain::webinars::{Command as Web, SessionStatus, TrainingPath};

use super::submit;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn NewPath() -> impl IntoView {
    super::access::trainers_only(|| view! { <PathForm path=None /> }.into_any())
}

#[component]
pub fn EditPath() -> impl IntoView {
    super::access::trainers_only(|| view! { <EditPathPage /> }.into_any())
}

#[component]
fn EditPathPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let params = use_params_map();
    let known = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok())
            .map(PathId)
            .filter(|id| state.with(|s| s.webinars.paths.contains_key(id)))
    });
    move || {
        let path = known
            .get()
            .and_then(|id| state.with_untracked(|s| s.webinars.paths.get(&id).cloned()));
        match path {
            Some(path) => view! { <PathForm path=Some(path) /> }.into_any(),
            None => view! {
                <section class="page webinars">
                    <h1>{move || i18n.t().webinars().not_found_title}</h1>
                    <p><A href="/training">{move || i18n.t().webinars().back}</A></p>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn PathForm(path: Option<TrainingPath>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let navigate = use_navigate();
    let editing = path.is_some();
    let id = path
        .as_ref()
        .map_or_else(|| PathId(uuid::Uuid::new_v4()), |p| p.id);
    let title = RwSignal::new(path.as_ref().map(|p| p.title.clone()).unwrap_or_default());
    let description = RwSignal::new(
        path.as_ref()
            .map(|p| p.description.clone())
            .unwrap_or_default(),
    );
    let sessions = RwSignal::new(path.map(|p| p.sessions).unwrap_or_default());
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let title_of = move |sid: SessionId| {
        state.with(|s| {
            s.webinars
                .sessions
                .get(&sid)
                .map(|x| x.title.clone())
                .unwrap_or_default()
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Web::SavePath {
            id,
            title: title.get_untracked(),
            description: description.get_untracked(),
            sessions: sessions.get_untracked(),
        };
        match submit(command) {
            Ok(()) => navigate("/training", Default::default()),
            Err(e) => error.set(Some(e)),
        }
    };
    let shift = move |index: usize, up: bool| {
        sessions.update(|list| {
            if up && index > 0 {
                list.swap(index, index - 1);
            } else if !up && index + 1 < list.len() {
                list.swap(index, index + 1);
            }
        })
    };

    let ordered = move || {
        let t = i18n.t().webinars();
        let list = sessions.get();
        if list.is_empty() {
            return view! { <p class="empty-state">{t.p_sessions_empty}</p> }.into_any();
        }
        let last = list.len() - 1;
        let items = list
            .into_iter()
            .enumerate()
            .map(|(index, sid)| {
                let name = title_of(sid);
                view! {
                    <li>
                        <span class="path-step">{name.clone()}</span>
                        <span class="path-buttons">
                            <button type="button" class="ghost" disabled=index == 0 aria-label=(t.move_up)(&name) on:click=move |_| shift(index, true)>
                                <span aria-hidden="true">"↑"</span>
                            </button>
                            <button type="button" class="ghost" disabled=index == last aria-label=(t.move_down)(&name) on:click=move |_| shift(index, false)>
                                <span aria-hidden="true">"↓"</span>
                            </button>
                            <button type="button" class="ghost" aria-label=(t.remove_named)(&name) on:click=move |_| sessions.update(|l| l.retain(|x| *x != sid))>
                                <span aria-hidden="true">"✕"</span>
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="path-order">{items}</ol> }.into_any()
    };
    // Compared before the options are redrawn: a live update elsewhere
    // leaves the select (and its choice) alone.
    let candidates = Memo::new(move |_| {
        let taken = sessions.get();
        state.with(|s| {
            let mut list: Vec<_> = s
                .webinars
                .sessions
                .values()
                .filter(|x| x.status == SessionStatus::Scheduled && !taken.contains(&x.id))
                .map(|x| (x.start, x.id, x.title.clone()))
                .collect();
            vela_domain::order::sort(&mut list);
            list
        })
    });
    let add = move |_| {
        if let Ok(uuid) = uuid::Uuid::parse_str(&chosen.get_untracked()) {
            sessions.update(|l| l.push(SessionId(uuid)));
            chosen.set(String::new());
        }
    };

    view! {
        <section class="page webinars path-form">
            <p class="breadcrumb">
                <A href="/training">{move || i18n.t().webinars().back}</A>
            </p>
            <h1>{move || if editing { i18n.t().webinars().path_edit } else { i18n.t().webinars().path_new }}</h1>
            <form on:submit=save novalidate>
                <label class="block">
                    <span>{move || i18n.t().webinars().f_title}</span>
                    <input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                </label>
                <label class="block">
                    <span>{move || i18n.t().webinars().f_description}</span>
                    <textarea rows="3" prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                </label>
                <fieldset>
                    <legend>{move || i18n.t().webinars().p_sessions}</legend>
                    {ordered}
                    <div class="add-step">
                        <label>
                            <span>{move || i18n.t().webinars().p_add}</span>
                            <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                <For each=move || candidates.get() key=|item| item.clone() let:item>
                                    <option value=item.1.0.to_string() selected=move || chosen.with(|c| *c == item.1.0.to_string())>{item.2}</option>
                                </For>
                            </select>
                        </label>
                        <button type="button" class="secondary" on:click=add>
                            {move || i18n.t().webinars().p_add_button}
                        </button>
                    </div>
                </fieldset>
                {move || error.get().map(|e| view! { <p role="alert" class="form-error">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{move || i18n.t().webinars().save}</button>
                </div>
            </form>
        </section>
    }
}
