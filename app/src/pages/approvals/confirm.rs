//! The explicit confirmation a lead gives to approve days that take the
//! team under its minimum office presence: the figures, a note, and two
//! buttons (nothing is sent until "Approve anyway").

use leptos::html;
use leptos::prelude::*;
use vela_domain::agile::Decision;

use super::decide::{decide, Shortfall};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn CoverageConfirm(
    /// The approvals waiting for confirmation; emptied when answered.
    shortfalls: RwSignal<Vec<Shortfall>>,
    /// Where to say what was done.
    message: RwSignal<String>,
    /// Where to say what the rules refused.
    alert: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let note = RwSignal::new(String::new());
    let note_ref = NodeRef::<html::Textarea>::new();
    // Move focus into the panel when it opens, so keyboard and screen
    // reader users meet the warning first.
    Effect::new(move |_| {
        if let Some(el) = note_ref.get() {
            let _ = el.focus();
        }
    });

    let confirm = move |_| {
        let items = shortfalls.get_untracked();
        let text = note.get_untracked();
        let t = i18n.t().team();
        let mut done = 0;
        let mut refused = Vec::new();
        for s in &items {
            match sync.submit(decide(&s.day, Decision::Approve, &text, true)) {
                Ok(()) => done += 1,
                Err(r) => refused.push((i18n.t().rejection)(&r)),
            }
        }
        message.set(if done > 0 {
            (t.bulk_done)(done)
        } else {
            String::new()
        });
        alert.set(refused.join(" "));
        note.set(String::new());
        shortfalls.set(Vec::new());
    };
    let cancel = move |_| {
        note.set(String::new());
        shortfalls.set(Vec::new());
    };

    move || {
        let items = shortfalls.get();
        if items.is_empty() {
            return None;
        }
        let t = i18n.t().team();
        let locale = i18n.locale();
        let lines = items
            .iter()
            .map(|s| {
                view! {
                    <li>{(t.coverage_day)(&s.day.name, &long_date(s.day.date, locale), s.in_office, s.minimum)}</li>
                }
            })
            .collect_view();
        Some(view! {
            <section
                class="confirm-panel"
                role="alertdialog"
                aria-labelledby="coverage-title"
                aria-describedby="coverage-intro coverage-days"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        note.set(String::new());
                        shortfalls.set(Vec::new());
                    }
                }
            >
                <h2 id="coverage-title">
                    <span aria-hidden="true">"⚠ "</span>
                    {t.coverage_title}
                </h2>
                <p id="coverage-intro">{t.coverage_intro}</p>
                <ul id="coverage-days">{lines}</ul>
                <label for="coverage-note">{t.coverage_note}</label>
                <textarea
                    id="coverage-note"
                    node_ref=note_ref
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
                <div class="buttons">
                    <button type="button" class="primary" on:click=confirm>
                        {t.coverage_confirm}
                    </button>
                    <button type="button" class="secondary" on:click=cancel>
                        {t.cancel}
                    </button>
                </div>
            </section>
        })
    }
}
