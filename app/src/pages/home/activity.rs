//! Approved days away whose activity is still to be noted.

use leptos::prelude::*;
use leptos_router::components::A;

use super::Ctx;
use crate::format::long_date;
use crate::i18n::use_i18n;

#[component]
pub fn ActivityDue() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let due = Memo::new(move |_| ctx.agenda.with(|a| a.activity_due.clone()));
    move || {
        let list = due.get();
        (!list.is_empty()).then(|| {
            let t = &i18n.t().home;
            let locale = i18n.locale();
            view! {
                <section class="home-card" aria-labelledby="home-activity">
                    <h2 id="home-activity">{t.activity_title}</h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|d| {
                                let text = (t.activity_item)(&long_date(d, locale));
                                view! { <li><A href="/calendar">{text}</A></li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
