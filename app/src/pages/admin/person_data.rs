//! On a person's page in the administration: download everything Vela
//! holds about them, and anonymise them once they have left and the
//! retention period has run (the domain decides; the button only asks).

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::directory::anonymise::{anonymisable_from, is_anonymised};
use vela_domain::directory::Command as Dir;
use vela_domain::ids::PersonId;
use vela_domain::Command;

use super::medium_date;
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

/// Where the person stands: still active, anonymised, or free to be
/// anonymised from a day (`None`: already).
#[derive(Clone, Copy, PartialEq)]
enum Standing {
    Active,
    Anonymised,
    Left(Option<NaiveDate>),
}

#[component]
pub fn PersonData(person: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let standing = Memo::new(move |_| {
        state.with(|s| {
            if is_anonymised(s, person) {
                Standing::Anonymised
            } else if s.directory.people.get(&person).is_none_or(|p| p.active) {
                Standing::Active
            } else {
                Standing::Left(anonymisable_from(s, person))
            }
        })
    });
    let asking = RwSignal::new(false);
    let confirm = NodeRef::<leptos::html::Button>::new();
    // The question takes the focus, so Enter confirms and Tab reaches Cancel.
    Effect::new(move |_| {
        if let Some(button) = confirm.get() {
            let _ = button.focus();
        }
    });
    let message = RwSignal::new(String::new());
    let today = vela_domain::calendar::rome_date(now());

    let anonymise = move |_| {
        asking.set(false);
        let command = Command::Directory(Dir::AnonymisePerson { person });
        match sync.submit(command) {
            Ok(()) => message.set(i18n.t().audit().anonymise_done.to_owned()),
            Err(r) => message.set((i18n.t().rejection)(&r)),
        }
    };
    let action = move || {
        let t = i18n.t().audit();
        match standing.get() {
            Standing::Anonymised => view! { <p>{t.anonymise_done}</p> }.into_any(),
            Standing::Active => view! { <p class="hint">{t.anonymise_active}</p> }.into_any(),
            Standing::Left(Some(from)) if from > today => {
                view! { <p class="hint">{(t.anonymise_from)(&medium_date(from, i18n.locale()))}</p> }.into_any()
            }
            Standing::Left(_) if asking.get() => view! {
                <div role="alertdialog" aria-labelledby="anonymise-question" class="confirm">
                    <p id="anonymise-question">{t.anonymise_question}</p>
                    <button type="button" class="danger" node_ref=confirm on:click=anonymise>{t.anonymise_confirm}</button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>{t.cancel}</button>
                </div>
            }
            .into_any(),
            Standing::Left(_) => view! {
                <button type="button" class="danger" on:click=move |_| asking.set(true)>{t.anonymise}</button>
            }
            .into_any(),
        }
    };
    view! {
        <section class="person-data" aria-labelledby="person-data-title">
            <h3 id="person-data-title">{move || i18n.t().audit().data_title}</h3>
            <p>
                <a href=format!("/api/people/{}/personal-data", person.0) download="">
                    {move || i18n.t().audit().download_theirs}
                </a>
            </p>
            <p class="hint">{move || i18n.t().audit().anonymise_hint}</p>
            {action}
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
