//! The recorded absences the signed-in person may cancel: their own and
//! those of the people they manage, coming ones first.

use leptos::prelude::*;
use vela_domain::agile::{Absence, Command as Agile};
use vela_domain::ids::{AbsenceId, PersonId};
use vela_domain::Command;

use super::Feedback;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

#[component]
pub fn AbsenceList(me: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let today = vela_domain::calendar::rome_date(now());
    let actor = vela_domain::Actor::Person(me);
    // Coming and current absences first (soonest first), then past ones
    // (latest first).
    let absences = Memo::new(move |_| {
        state.with(|s| {
            let mut list: Vec<Absence> = s
                .agile
                .absences
                .values()
                .filter(|a| a.person == me || vela_domain::actor::manages(s, &actor, a.person))
                .cloned()
                .collect();
            vela_domain::order::sort_by_key(&mut list, |a| {
                if a.until >= today {
                    (0, a.from.num_days_from_ce())
                } else {
                    (1, -a.from.num_days_from_ce())
                }
            });
            list
        })
    });
    let coming = Memo::new(move |_| {
        absences.with(|l| {
            l.iter()
                .filter(|a| a.until >= today)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let past = Memo::new(move |_| {
        absences.with(|l| {
            l.iter()
                .filter(|a| a.until < today)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="absence-list" aria-labelledby="absence-list-title">
            <h2 id="absence-list-title">{move || i18n.t().absences().list_title}</h2>
            <Show when=move || absences.with(Vec::is_empty)>
                <p class="empty">{move || i18n.t().absences().list_empty}</p>
            </Show>
            // Keyed by id: an absence is never changed once recorded, only
            // cancelled (and then it leaves the list).
            <ul class="absences-coming">
                <For each=move || coming.get() key=|a| a.id let:absence>
                    <AbsenceRow absence=absence me=me />
                </For>
            </ul>
            <Show when=move || !past.with(Vec::is_empty)>
                <h3>{move || i18n.t().absences().past}</h3>
                <ul class="absences-past">
                    <For each=move || past.get() key=|a| a.id let:absence>
                        <AbsenceRow absence=absence me=me />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

use chrono::Datelike;

/// One absence with its cancel button and the confirmation it asks for.
#[component]
fn AbsenceRow(absence: Absence, me: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let feedback = expect_context::<Feedback>();
    let confirming = RwSignal::new(false);
    let id: AbsenceId = absence.id;
    let who = (absence.person != me).then(|| {
        sync.state().with_untracked(|s| {
            s.directory
                .people
                .get(&absence.person)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    });
    let dates = move || {
        let locale = i18n.locale();
        (i18n.t().absences().range)(
            &long_date(absence.from, locale),
            &long_date(absence.until, locale),
        )
    };
    let detail = absence.detail.clone();
    let heading = move || {
        let t = i18n.t().absences();
        let kind = detail.as_ref().map_or(t.absent, |d| (t.kind_name)(d.kind));
        match &who {
            Some(name) => format!("{name} — {kind}"),
            None => kind.to_owned(),
        }
    };
    let reason = absence
        .detail
        .as_ref()
        .map(|d| d.reason.clone())
        .filter(|r| !r.is_empty());
    let cancel = move |_| {
        let t = i18n.t();
        match sync.submit(Command::Agile(Agile::CancelAbsence { id })) {
            Ok(()) if sync.offline_untracked() => {
                feedback.0.set(Some(Ok(t.offline.saved.to_owned())))
            }
            Ok(()) => feedback.0.set(Some(Ok(t.absences().cancelled.to_owned()))),
            Err(r) => feedback.0.set(Some(Err((t.rejection)(&r)))),
        }
        confirming.set(false);
    };
    let question_id = format!("absence-q-{id}");
    let labelled = question_id.clone();
    view! {
        <li class="absence-row">
            <div>
                <strong>{heading}</strong>
                <span class="absence-dates-text">" · " {dates}</span>
                {reason.map(|r| view! { <p class="absence-reason">{r}</p> })}
            </div>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="secondary"
                            aria-label=move || format!("{} {}", i18n.t().absences().cancel, dates())
                            on:click=move |_| confirming.set(true)
                        >
                            {move || i18n.t().absences().cancel}
                        </button>
                    }
                }
            >
                <div class="absence-confirm" role="group" aria-labelledby=labelled.clone()>
                    <p id=question_id.clone()>{move || (i18n.t().absences().cancel_question)(&dates())}</p>
                    <button type="button" class="primary danger" on:click=cancel>
                        {move || i18n.t().absences().cancel_confirm}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {move || i18n.t().absences().cancel_keep}
                    </button>
                </div>
            </Show>
        </li>
    }
}
