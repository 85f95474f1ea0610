//! Cancelling the planned days of a period in one action: the domain's
//! `CancelRange` previews which days go (the same check as cancelling one),
//! then a confirmation sends it.

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::agile::{Command as Agile, Event as AgileEvent};
use vela_domain::{apply, Actor, Command, Event};

use super::fmt::parse_iso;
use super::withdraw::Feedback;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

#[component]
pub fn CancelRange() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let feedback = expect_context::<Feedback>();
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let me = signed_in_person();

    let command = move || {
        let from = parse_iso(&from.get())?;
        let until = parse_iso(&until.get()).unwrap_or(from);
        Some(Command::Agile(Agile::CancelRange { from, until }))
    };
    // The days that would go, or why nothing would.
    let preview = Memo::new(move |_| {
        let command = command()?;
        let actor = Actor::Person(me?);
        Some(state.with(|s| {
            apply(s, &actor, &command, now()).map(|events| {
                events
                    .into_iter()
                    .flat_map(|e| match e {
                        Event::Agile(AgileEvent::DaysCancelled { days }) => {
                            days.into_iter().map(|d| d.date).collect::<Vec<NaiveDate>>()
                        }
                        _ => Vec::new(),
                    })
                    .collect::<Vec<_>>()
            })
        }))
    });
    let count =
        move || preview.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).map_or(0, Vec::len));

    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        match preview.get_untracked() {
            None => feedback
                .0
                .set(Some(Err(t.agreement.range_incomplete.to_owned()))),
            Some(Err(r)) => feedback.0.set(Some(Err((t.rejection)(&r)))),
            Some(Ok(_)) => {
                feedback.0.set(None);
                confirming.set(true);
            }
        }
    };
    let confirm = move |_| {
        let t = i18n.t();
        let n = count();
        if let Some(command) = command() {
            match sync.submit(command) {
                Ok(()) => {
                    from.set(String::new());
                    until.set(String::new());
                    let text = if sync.offline_untracked() {
                        t.offline.saved.to_owned()
                    } else {
                        (t.agreement.range_done)(n)
                    };
                    feedback.0.set(Some(Ok(text)));
                }
                Err(r) => feedback.0.set(Some(Err((t.rejection)(&r)))),
            }
        }
        confirming.set(false);
    };
    let preview_view = move || {
        let t = i18n.t();
        let locale = i18n.locale();
        match preview.get()? {
            Ok(dates) => Some(
                view! {
                    <p>{(t.agreement.range_preview)(dates.len())}</p>
                    <ul>
                        {dates
                            .into_iter()
                            .map(|d| view! { <li>{long_date(d, locale)}</li> })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            ),
            Err(r) => Some(view! { <p class="error">{(t.rejection)(&r)}</p> }.into_any()),
        }
    };

    view! {
        <section class="agreement-range" aria-labelledby="range-title">
            <h2 id="range-title">{move || i18n.t().agreement.range_title}</h2>
            <p>{move || i18n.t().agreement.range_intro}</p>
            <form on:submit=ask novalidate>
                <div class="range-dates">
                    <div>
                        <label for="range-from">{move || i18n.t().agreement.range_from}</label>
                        <input
                            id="range-from"
                            type="date"
                            prop:value=move || from.get()
                            on:input=move |ev| {
                                confirming.set(false);
                                from.set(event_target_value(&ev));
                            }
                        />
                    </div>
                    <div>
                        <label for="range-until">{move || i18n.t().agreement.range_until}</label>
                        <input
                            id="range-until"
                            type="date"
                            prop:value=move || until.get()
                            on:input=move |ev| {
                                confirming.set(false);
                                until.set(event_target_value(&ev));
                            }
                        />
                    </div>
                </div>
                <div class="range-preview" aria-live="polite">{preview_view}</div>
                <Show when=move || !confirming.get()>
                    <button type="submit" class="secondary">
                        {move || i18n.t().agreement.range_button}
                    </button>
                </Show>
            </form>
            <Show when=move || confirming.get()>
                <div class="agreement-confirm" role="group" aria-label=move || i18n.t().agreement.range_title>
                    <p>{move || (i18n.t().agreement.range_question)(count())}</p>
                    <button type="button" class="primary danger" on:click=confirm>
                        {move || i18n.t().agreement.range_confirm}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                        {move || i18n.t().agreement.range_keep}
                    </button>
                </div>
            </Show>
        </section>
    }
}
