//! A lead's requests waiting for a decision, with the coverage warnings of
//! the next two weeks.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{name_of, short_dates, Ctx};
use crate::i18n::use_i18n;

#[component]
pub fn ToDecide() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let waiting = Memo::new(move |_| ctx.agenda.with(|a| a.to_decide.clone()));
    let body = move || {
        let t = &i18n.t().home;
        let locale = i18n.locale();
        let list = waiting.get();
        if list.is_empty() {
            return view! { <p class="empty">{t.decide_empty}</p> }.into_any();
        }
        view! {
            <ul>
                {list
                    .into_iter()
                    .map(|w| {
                        let text = (t.decide_item)(
                            &name_of(w.person),
                            w.dates.len(),
                            &short_dates(&w.dates, locale),
                        );
                        let warning = (!w.coverage_warnings.is_empty())
                            .then(|| {
                                let dates = short_dates(&w.coverage_warnings, locale);
                                view! {
                                    <p class="home-warning">{(t.coverage_warning)(&dates)}</p>
                                }
                            });
                        view! {
                            <li>
                                <A href="/approvals">{text}</A>
                                {warning}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="home-card" aria-labelledby="home-decide">
            <h2 id="home-decide">{move || i18n.t().home.decide_title}</h2>
            {body}
        </section>
    }
}
