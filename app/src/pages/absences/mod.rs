//! "Absences": a person records their own leave over a range of days; a
//! lead or an administrator records it for their people. The list shows the
//! absences the signed-in person may cancel.
//!
//! Who may record for whom, what is withdrawn and what stays private are the
//! domain's answers: the form offers the people `vela_domain::actor::manages`
//! names, and previews the command with `vela_domain::apply`.

mod form;
mod list;

use leptos::prelude::*;
use vela_domain::ids::PersonId;

use crate::i18n::use_i18n;
use crate::session::signed_in_person;

/// One line of feedback shared by the form and the list (a live region).
#[derive(Clone, Copy)]
pub(super) struct Feedback(RwSignal<Option<Result<String, String>>>);

/// The page.
#[component]
pub fn Absences() -> impl IntoView {
    let i18n = use_i18n();
    let Some(me) = signed_in_person() else {
        return view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }
            .into_any();
    };
    let feedback = Feedback(RwSignal::new(None));
    provide_context(feedback);
    let access = crate::pages::admin::admin_access();
    // Administrators also bring absences in from the attendance system.
    let import = move || {
        access.get().1.then(|| {
            view! {
                <p>
                    <a class="button-link" href="/admin/absences/import">
                        {move || i18n.t().absences_import().open}
                    </a>
                </p>
            }
        })
    };
    view! {
        <section class="page absences">
            <h1>{move || i18n.t().absences().title}</h1>
            <p>{move || i18n.t().absences().intro}</p>
            {import}
            <form::AbsenceForm me=me />
            <p class="absence-feedback" role="status">
                {move || {
                    feedback
                        .0
                        .get()
                        .map(|r| match r {
                            Ok(text) => view! { <span class="ok">{text}</span> }.into_any(),
                            Err(text) => view! { <span class="error">{text}</span> }.into_any(),
                        })
                }}
            </p>
            <list::AbsenceList me=me />
        </section>
    }
    .into_any()
}

/// The people `me` may record absences for: themself first, then those they
/// manage, by name.
pub(super) fn people_for(state: &vela_domain::State, me: PersonId) -> Vec<(PersonId, String)> {
    let actor = vela_domain::Actor::Person(me);
    let mut others: Vec<(PersonId, String)> = state
        .directory
        .people
        .values()
        .filter(|p| p.id != me && p.active && vela_domain::actor::manages(state, &actor, p.id))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    vela_domain::order::sort_by(&mut others, |a, b| a.1.cmp(&b.1));
    let mine = state
        .directory
        .people
        .get(&me)
        .map(|p| (me, p.name.clone()));
    mine.into_iter().chain(others).collect()
}
