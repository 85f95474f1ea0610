//! A lead's objectives to agree (proposals) and to review (period over).

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::ids::ObjectiveId;

use super::Ctx;
use crate::i18n::{use_i18n, Text};
use crate::sync::client::use_sync;

#[component]
pub fn LeadObjectives() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let agree = Memo::new(move |_| ctx.agenda.with(|a| a.objectives_to_agree.clone()));
    let review = Memo::new(move |_| ctx.agenda.with(|a| a.objectives_to_review.clone()));
    view! {
        <ObjectiveCard id="home-agree" title=|t| t.home.agree_title ids=agree />
        <ObjectiveCard id="home-review" title=|t| t.home.review_title ids=review />
    }
}

/// One card of objectives, shown only when it lists some.
#[component]
fn ObjectiveCard(id: &'static str, title: Text, ids: Memo<Vec<ObjectiveId>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let rows = Memo::new(move |_| {
        let ids = ids.get();
        state.with(|s| {
            ids.into_iter()
                .filter_map(|o| {
                    let objective = s.objectives.objectives.get(&o)?;
                    Some((o, objective.title.clone()))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = rows.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="home-card" aria-labelledby=id>
                    <h2 id=id>{move || title(i18n.t())}</h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|(o, name)| {
                                view! { <li><A href=format!("/objectives/{o}")>{name}</A></li> }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
