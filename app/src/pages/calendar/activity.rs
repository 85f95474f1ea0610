//! What was done on an agile day: a short note and the objectives worked
//! on, among those the person may log work against (asked of the
//! objectives area: `loggable_objectives`).

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::agile::Command as Agile;
use vela_domain::ids::ObjectiveId;
use vela_domain::objectives::authority::loggable_objectives;
use vela_domain::Command;

use super::Cal;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// The activity form of an approved day away, today or past. The outcome
/// goes to the day panel's `message` (its live region). The draft starts
/// from what is logged and then belongs to the person typing: a change of
/// the same day from another device does not overwrite it.
#[component]
pub fn ActivityForm(
    date: NaiveDate,
    message: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let sync = use_sync();
    let state = sync.state();
    let logged =
        state.with_untracked(|s| s.agile.day(cal.me, date).and_then(|d| d.activity.clone()));
    let note = RwSignal::new(logged.as_ref().map(|a| a.note.clone()).unwrap_or_default());
    let chosen = RwSignal::new(logged.map(|a| a.objectives).unwrap_or_default());

    // Only the list of objectives is followed live; each box is its own
    // row, so a change elsewhere never redraws the box someone is ticking.
    let loggable = Memo::new(move |_| {
        state.with(|s| {
            loggable_objectives(s, cal.me)
                .map(|o| (o.id, o.title.clone()))
                .collect::<Vec<(ObjectiveId, String)>>()
        })
    });
    let empty = Memo::new(move |_| loggable.with(Vec::is_empty));
    let objectives = move || {
        if empty.get() {
            return view! { <p>{move || i18n.t().calendar.activity_no_objectives}</p> }.into_any();
        }
        view! {
            <For each=move || loggable.get() key=|(id, title)| (*id, title.clone()) let:item>
                <ObjectiveBox id=item.0 title=item.1 chosen=chosen />
            </For>
        }
        .into_any()
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let result = sync.submit(Command::Agile(Agile::LogActivity {
            date,
            objectives: chosen.get_untracked(),
            note: note.get_untracked(),
        }));
        message.set(Some(match result {
            Ok(()) => Ok(t.calendar.activity_saved.to_owned()),
            Err(r) => Err((t.rejection)(&r)),
        }));
    };

    view! {
        <form class="activity-form" on:submit=save>
            <h3>{move || i18n.t().calendar.activity_title}</h3>
            <fieldset>
                <legend>{move || i18n.t().calendar.activity_objectives}</legend>
                {objectives}
            </fieldset>
            <label for="activity-note">{move || i18n.t().calendar.activity_note}</label>
            <textarea id="activity-note" maxlength="1000" rows="3" bind:value=note></textarea>
            <button type="submit" class="primary">
                {move || i18n.t().calendar.activity_save}
            </button>
        </form>
    }
}

/// One objective the day's work can name.
#[component]
fn ObjectiveBox(
    id: ObjectiveId,
    title: String,
    chosen: RwSignal<Vec<ObjectiveId>>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || chosen.with(|c| c.contains(&id))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    chosen.update(|c| {
                        c.retain(|x| *x != id);
                        if on {
                            c.push(id);
                        }
                    });
                }
            />
            {title}
        </label>
    }
}
