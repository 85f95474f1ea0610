//! The person's (or their team's) objectives that need them.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::home::ObjectiveDue;

use super::Ctx;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn ObjectivesDue() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let state = use_sync().state();
    let due = Memo::new(move |_| {
        let ids = ctx.agenda.with(|a| a.objectives_due.clone());
        state.with(|s| {
            ids.into_iter()
                .filter_map(|(id, why)| {
                    let o = s.objectives.objectives.get(&id)?;
                    Some((id, o.title.clone(), o.period.until, why))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = due.get();
        (!list.is_empty()).then(|| {
            let t = &i18n.t().home;
            let locale = i18n.locale();
            view! {
                <section class="home-card" aria-labelledby="home-objectives">
                    <h2 id="home-objectives">{t.objectives_title}</h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|(id, title, until, why)| {
                                let when = long_date(until, locale);
                                let note = match why {
                                    ObjectiveDue::Revise => t.due_revise.to_owned(),
                                    ObjectiveDue::EndsSoon => (t.due_soon)(&when),
                                    ObjectiveDue::Overdue => (t.due_over)(&when),
                                };
                                view! {
                                    <li>
                                        <A href=format!("/objectives/{id}")>{title}</A>
                                        " — "
                                        {note}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
