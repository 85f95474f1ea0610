//! Agreements ending in the coming weeks, for administrators.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{name_of, Ctx};
use crate::format::long_date;
use crate::i18n::use_i18n;

#[component]
pub fn AgreementsEnding() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let ending = Memo::new(move |_| ctx.agenda.with(|a| a.agreements_ending.clone()));
    let body = move || {
        let t = &i18n.t().home;
        let locale = i18n.locale();
        let list = ending.get();
        if list.is_empty() {
            return view! { <p class="empty">{t.ending_empty}</p> }.into_any();
        }
        view! {
            <ul>
                {list
                    .into_iter()
                    .map(|e| {
                        let text = (t.ending_item)(&name_of(e.person), &long_date(e.on, locale));
                        view! { <li><A href="/admin/agreements">{text}</A></li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="home-card" aria-labelledby="home-ending">
            <h2 id="home-ending">{move || i18n.t().home.ending_title}</h2>
            {body}
        </section>
    }
}
