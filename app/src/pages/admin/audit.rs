//! Administration › Audit log: who changed what, on whom and when, and the
//! security log — read from the server page by page (it is never part of
//! the synced state), filtered by person, kind and dates, with the same
//! entries as a CSV download.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::Deserialize;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::{admin_access, admin_only};
use crate::i18n::{use_i18n, Locale};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

const PAGE_SIZE: usize = 25;

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Named {
    id: Uuid,
    name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Absence {
    reason: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Row {
    at: String,
    kind: String,
    actor: Option<Named>,
    person: Option<Named>,
    team: Option<Named>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    absence: Option<Absence>,
    address: Option<String>,
    username: Option<String>,
    detail: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Page {
    entries: Vec<Row>,
    total: usize,
    kinds: Vec<String>,
}

/// The filters as the routes take them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    person: Option<Uuid>,
    kind: String,
    from: String,
    until: String,
}

impl Filters {
    fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.person {
            parts.push(format!("person={p}"));
        }
        for (name, value) in [
            ("kind", &self.kind),
            ("from", &self.from),
            ("until", &self.until),
        ] {
            if !value.is_empty() {
                parts.push(format!("{name}={value}"));
            }
        }
        parts.join("&")
    }
}

#[component]
pub fn AuditLog() -> impl IntoView {
    let i18n = use_i18n();
    let access = admin_access();
    let body = admin_only(access, move || view! { <AuditBody /> }.into_any());
    view! {
        <section class="page audit">
            <h1>{move || i18n.t().audit().title}</h1>
            <p>{move || i18n.t().audit().intro}</p>
            {body}
        </section>
    }
}

#[component]
fn AuditBody() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    // The people of my organisation, by name: changes only when people do.
    let people = Memo::new(move |_| {
        state.with(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let mut list: Vec<(Uuid, String)> = s
                .directory
                .people
                .values()
                .filter(|p| Some(p.org) == mine)
                .map(|p| (p.id.0, p.name.clone()))
                .collect();
            vela_domain::order::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    });
    let filters = RwSignal::new(Filters::default());
    let page = RwSignal::new(0usize);
    let reload = RwSignal::new(0u32);
    let entries = LocalResource::new(move || {
        reload.track();
        let query = filters.with(Filters::query);
        let path = format!("/api/audit?{query}&page={}&size={PAGE_SIZE}", page.get());
        async move { crate::api::get::<Page>(&path).await }
    });
    let kinds = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if let Some(Ok(p)) = entries.get() {
            if kinds.with_untracked(Vec::is_empty) {
                kinds.set(p.kinds.clone());
            }
        }
    });
    let set = move |edit: fn(&mut Filters, String), value: String| {
        filters.update(|f| edit(f, value));
        page.set(0);
    };

    let person_options = move || {
        people
            .get()
            .into_iter()
            .map(|(id, name)| {
                let shown = if name.is_empty() { i18n.t().audit().anonymised.to_owned() } else { name };
                view! { <option value=id.to_string() selected=move || filters.with(|f| f.person == Some(id))>{shown}</option> }
            })
            .collect_view()
    };
    let kind_options = move || {
        kinds
            .get()
            .into_iter()
            .map(|kind| {
                let label = (i18n.t().audit().kind_name)(&kind);
                let value = kind.clone();
                view! { <option value=value selected=move || filters.with(|f| f.kind == kind)>{label}</option> }
            })
            .collect_view()
    };
    let csv_href = move || format!("/api/audit.csv?{}", filters.with(Filters::query));

    let list = move || {
        match entries.get() {
        None => view! { <p role="status">{move || i18n.t().audit().loading}</p> }.into_any(),
        Some(Err(_)) => view! {
            <div role="alert" class="audit-error">
                <p>{move || i18n.t().audit().error}</p>
                <button type="button" on:click=move |_| reload.update(|n| *n += 1)>{move || i18n.t().audit().retry}</button>
            </div>
        }
        .into_any(),
        Some(Ok(p)) if p.entries.is_empty() => {
            view! { <p class="admin-empty" role="status">{move || i18n.t().audit().empty}</p> }.into_any()
        }
        Some(Ok(p)) => {
            let current = page.get_untracked();
            let pages = p.total.div_ceil(PAGE_SIZE).max(1);
            let rows: Vec<(String, Row)> = p
                .entries
                .into_iter()
                .enumerate()
                .map(|(i, row)| (format!("{current}-{i}-{}-{}", row.at, row.kind), row))
                .collect();
            view! {
                <table class="audit-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().audit().when}</th>
                            <th scope="col">{move || i18n.t().audit().what}</th>
                            <th scope="col">{move || i18n.t().audit().who}</th>
                            <th scope="col">{move || i18n.t().audit().whom}</th>
                            <th scope="col">{move || i18n.t().audit().details}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.clone() key=|(key, _)| key.clone() let:item>
                            <AuditRow row=item.1 />
                        </For>
                    </tbody>
                </table>
                <nav class="audit-pages" aria-label=move || i18n.t().audit().title>
                    <button type="button" disabled=current == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                        {move || i18n.t().audit().previous}
                    </button>
                    <span role="status">{move || (i18n.t().audit().page_of)(current + 1, pages, p.total)}</span>
                    <button type="button" disabled=current + 1 >= pages on:click=move |_| page.update(|p| *p += 1)>
                        {move || i18n.t().audit().next}
                    </button>
                </nav>
            }
            .into_any()
        }
    }
    };

    view! {
        <form class="audit-filters" aria-label=move || i18n.t().audit().filters on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="audit-person">{move || i18n.t().audit().person}</label>
                <select id="audit-person" on:change=move |ev| set(|f, v| f.person = Uuid::parse_str(&v).ok(), event_target_value(&ev))>
                    <option value="" selected=move || filters.with(|f| f.person.is_none())>{move || i18n.t().audit().anyone}</option>
                    {person_options}
                </select>
            </div>
            <div class="field">
                <label for="audit-kind">{move || i18n.t().audit().kind}</label>
                <select id="audit-kind" on:change=move |ev| set(|f, v| f.kind = v, event_target_value(&ev))>
                    <option value="" selected=move || filters.with(|f| f.kind.is_empty())>{move || i18n.t().audit().any_kind}</option>
                    {kind_options}
                </select>
            </div>
            <div class="field">
                <label for="audit-from">{move || i18n.t().audit().from}</label>
                <input id="audit-from" type="date" prop:value=move || filters.with(|f| f.from.clone())
                    on:change=move |ev| set(|f, v| f.from = v, event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="audit-until">{move || i18n.t().audit().until}</label>
                <input id="audit-until" type="date" prop:value=move || filters.with(|f| f.until.clone())
                    on:change=move |ev| set(|f, v| f.until = v, event_target_value(&ev)) />
            </div>
            <div class="form-buttons">
                <button type="button" class="secondary" on:click=move |_| { filters.set(Filters::default()); page.set(0); }>
                    {move || i18n.t().audit().clear}
                </button>
                <a class="button" href=csv_href download="">{move || i18n.t().audit().csv}</a>
            </div>
        </form>
        {list}
    }
}

#[component]
fn AuditRow(row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let at = row.at.clone();
    let when = move || local_time(&at, i18n.locale());
    let kind = row.kind.clone();
    let what = move || (i18n.t().audit().kind_name)(&kind);
    let name = move |n: &Option<Named>, none: &'static str| match n {
        Some(n) if n.name.is_empty() => i18n.t().audit().anonymised.to_owned(),
        Some(n) => n.name.clone(),
        None => none.to_owned(),
    };
    let actor = row.actor.clone();
    let who = move || name(&actor, i18n.t().audit().system);
    let whom = {
        let person = row.person.clone();
        let team = row.team.clone();
        let typed = row.username.clone();
        move || {
            if person.is_some() {
                name(&person, "")
            } else if team.is_some() {
                name(&team, "")
            } else {
                typed.clone().unwrap_or_default()
            }
        }
    };
    let details = {
        let mut parts = Vec::new();
        match (row.from, row.until) {
            (Some(f), Some(u)) if f != u => parts.push(format!(
                "{} – {}",
                crate::format::numeric_date(f),
                crate::format::numeric_date(u)
            )),
            (Some(f), _) => parts.push(crate::format::numeric_date(f)),
            _ => {}
        }
        if let Some(a) = &row.absence {
            if !a.reason.is_empty() {
                parts.push(a.reason.clone());
            }
        }
        if let Some(address) = &row.address {
            parts.push(address.clone());
        }
        let missing = row.kind == "audit.missing";
        let detail = row.detail.clone();
        move || {
            let mut shown = parts.clone();
            if missing {
                shown.push((i18n.t().audit().missing)(&detail));
            } else if !detail.is_empty() {
                shown.push(detail.clone());
            }
            shown.join(" · ")
        }
    };
    view! {
        <tr>
            <td>{when}</td>
            <td>{what}</td>
            <td>{who}</td>
            <td>{whom}</td>
            <td>{details}</td>
        </tr>
    }
}

/// The instant in the reader's language, by the browser's Intl.
fn local_time(at: &str, locale: Locale) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(at));
    if date.get_time().is_nan() {
        return at.to_owned();
    }
    date.to_locale_string(locale.intl(), &JsValue::UNDEFINED)
        .into()
}
