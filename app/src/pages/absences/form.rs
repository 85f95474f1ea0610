//! The form recording one absence over a range of days.

use leptos::prelude::*;
use uuid::Uuid;
use vela_domain::agile::{AbsenceKind, Command as Agile, Event as AgileEvent};
use vela_domain::ids::{AbsenceId, PersonId};
use vela_domain::{apply, Actor, Command, Event};

use super::{people_for, Feedback};
use crate::i18n::use_i18n;
use crate::pages::calendar::fmt::parse_iso;
use crate::sync::client::{now, use_sync};

/// What trying the command on the current state says.
#[derive(Clone, Debug, PartialEq)]
enum Preview {
    Incomplete,
    /// It passes and withdraws this many planned days.
    Withdraws(usize),
    Refused(vela_domain::Rejection),
}

#[component]
pub fn AbsenceForm(me: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let feedback = expect_context::<Feedback>();
    // The draft lives here, outside anything a live update re-runs.
    let person = RwSignal::new(me);
    let kind = RwSignal::new(AbsenceKind::Holiday);
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let draft_id = AbsenceId(Uuid::new_v4());

    let people = Memo::new(move |_| state.with(|s| people_for(s, me)));
    let command = move |id: AbsenceId| {
        let from = parse_iso(&from.get())?;
        let until = parse_iso(&until.get()).unwrap_or(from);
        Some(Agile::RecordAbsence {
            id,
            person: person.get(),
            from,
            until,
            kind: kind.get(),
            reason: reason.get(),
        })
    };
    let preview = Memo::new(move |_| {
        let Some(cmd) = command(draft_id) else {
            return Preview::Incomplete;
        };
        state.with(
            |s| match apply(s, &Actor::Person(me), &Command::Agile(cmd), now()) {
                Ok(events) => Preview::Withdraws(withdrawn(&events)),
                Err(r) => Preview::Refused(r),
            },
        )
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Some(cmd) = command(AbsenceId(Uuid::new_v4())) else {
            feedback
                .0
                .set(Some(Err(t.absences().incomplete.to_owned())));
            return;
        };
        let count = match preview.get_untracked() {
            Preview::Withdraws(n) => n,
            _ => 0,
        };
        match sync.submit(Command::Agile(cmd)) {
            Ok(()) => {
                from.set(String::new());
                until.set(String::new());
                reason.set(String::new());
                let text = if sync.offline_untracked() {
                    t.offline.saved.to_owned()
                } else {
                    (t.absences().recorded)(count)
                };
                feedback.0.set(Some(Ok(text)));
            }
            Err(r) => feedback.0.set(Some(Err((t.rejection)(&r)))),
        }
    };

    let person_field = move || {
        let list = people.get();
        (list.len() > 1).then(|| {
            let t = i18n.t().absences();
            let options = list
                .into_iter()
                .map(|(id, name)| {
                    let label = if id == me { (t.myself)(&name) } else { name };
                    let value = id.to_string();
                    view! {
                        <option value=value selected=move || person.get() == id>
                            {label}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <label for="absence-person">{t.person}</label>
                <select
                    id="absence-person"
                    on:change=move |ev| {
                        if let Ok(id) = Uuid::parse_str(&event_target_value(&ev)) {
                            person.set(PersonId(id));
                        }
                    }
                >
                    {options}
                </select>
            }
        })
    };
    let kinds = move || {
        let t = i18n.t().absences();
        AbsenceKind::ALL
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                view! {
                    <option value=i.to_string() selected=move || kind.get() == k>
                        {(t.kind_name)(k)}
                    </option>
                }
            })
            .collect_view()
    };
    let preview_view = move || {
        let t = i18n.t();
        match preview.get() {
            Preview::Incomplete | Preview::Withdraws(0) => None,
            Preview::Withdraws(n) => {
                Some(view! { <p class="warning">{(t.absences().will_withdraw)(n)}</p> }.into_any())
            }
            Preview::Refused(r) => {
                Some(view! { <p class="error">{(t.rejection)(&r)}</p> }.into_any())
            }
        }
    };

    view! {
        <section class="absence-form" aria-labelledby="absence-form-title">
            <h2 id="absence-form-title">{move || i18n.t().absences().form_title}</h2>
            <form on:submit=submit novalidate>
                {person_field}
                <label for="absence-kind">{move || i18n.t().absences().kind}</label>
                <select
                    id="absence-kind"
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse::<usize>().ok();
                        if let Some(k) = chosen.and_then(|i| AbsenceKind::ALL.get(i)) {
                            kind.set(*k);
                        }
                    }
                >
                    {kinds}
                </select>
                <div class="absence-dates">
                    <div>
                        <label for="absence-from">{move || i18n.t().absences().from}</label>
                        <input
                            id="absence-from"
                            type="date"
                            required
                            prop:value=move || from.get()
                            on:input=move |ev| from.set(event_target_value(&ev))
                        />
                    </div>
                    <div>
                        <label for="absence-until">{move || i18n.t().absences().until}</label>
                        <input
                            id="absence-until"
                            type="date"
                            prop:value=move || until.get()
                            on:input=move |ev| until.set(event_target_value(&ev))
                        />
                    </div>
                </div>
                <label for="absence-reason">{move || i18n.t().absences().reason}</label>
                <input
                    id="absence-reason"
                    type="text"
                    maxlength="500"
                    aria-describedby="absence-reason-hint"
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))
                />
                <p class="hint" id="absence-reason-hint">
                    {move || i18n.t().absences().reason_hint}
                </p>
                {preview_view}
                <button type="submit" class="primary">
                    {move || i18n.t().absences().record}
                </button>
            </form>
        </section>
    }
}

/// How many planned days the events withdraw.
fn withdrawn(events: &[Event]) -> usize {
    events
        .iter()
        .map(|e| match e {
            Event::Agile(AgileEvent::AbsenceRecorded { withdrawn, .. }) => withdrawn.len(),
            _ => 0,
        })
        .sum()
}
