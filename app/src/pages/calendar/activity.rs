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
/// goes to the day panel's `message` (its live region): saving changes the
/// day, which draws this form anew.
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

    let objectives = move || {
        let t = &i18n.t().calendar;
        let list: Vec<(ObjectiveId, String)> = state.with(|s| {
            loggable_objectives(s, cal.me)
                .map(|o| (o.id, o.title.clone()))
                .collect()
        });
        if list.is_empty() {
            return view! { <p>{t.activity_no_objectives}</p> }.into_any();
        }
        list.into_iter()
            .map(|(id, title)| {
                let checked = move || chosen.with(|c| c.contains(&id));
                view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=checked
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
            })
            .collect_view()
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
