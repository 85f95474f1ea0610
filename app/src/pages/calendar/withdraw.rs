//! Withdrawing from one's agreement with its notice: the date (the earliest
//! one the domain allows, by default), then a confirmation.

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::directory::{Agreement, Command as Dir};
use vela_domain::{apply, Actor, Command};

use super::fmt::{iso, parse_iso};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The page's one line of feedback (the forms disappear once they worked).
#[derive(Clone, Copy)]
pub struct Feedback(pub RwSignal<Option<Result<String, String>>>);

#[component]
pub fn WithdrawForm(agreement: Agreement, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let feedback = expect_context::<Feedback>();
    let earliest = agreement.earliest_withdrawal(today);
    let effective = RwSignal::new(iso(earliest));
    let confirming = RwSignal::new(None::<NaiveDate>);
    let id = agreement.id;
    let notice = agreement.notice_days;
    let field_id = format!("withdraw-{id}");
    let title_id = format!("withdraw-title-{id}");
    // Only the signed-in person's own page shows this form.
    let actor = signed_in_person().map(Actor::Person);

    let command = move |date: NaiveDate| {
        Command::Directory(Dir::WithdrawAgreement {
            id,
            effective: date,
        })
    };
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Some(date) = parse_iso(&effective.get_untracked()) else {
            feedback
                .0
                .set(Some(Err(t.agreement.range_incomplete.to_owned())));
            return;
        };
        // Tried first, so the person is asked only about a date that passes.
        let Some(actor) = actor else {
            return;
        };
        let tried = sync
            .state()
            .with_untracked(|s| apply(s, &actor, &command(date), now()).map(|_| ()));
        match tried {
            Ok(()) => {
                feedback.0.set(None);
                confirming.set(Some(date));
            }
            Err(r) => feedback.0.set(Some(Err((t.rejection)(&r)))),
        }
    };
    let confirm = move |_| {
        let Some(date) = confirming.get_untracked() else {
            return;
        };
        let t = i18n.t();
        match sync.submit(command(date)) {
            Ok(()) if sync.offline_untracked() => {
                feedback.0.set(Some(Ok(t.offline.saved.to_owned())))
            }
            Ok(()) => feedback
                .0
                .set(Some(Ok((t.agreement.withdrawn_message)(&long_date(
                    date,
                    i18n.locale(),
                ))))),
            Err(r) => feedback.0.set(Some(Err((t.rejection)(&r)))),
        }
        confirming.set(None);
    };
    let labelled = title_id.clone();
    let field = field_id.clone();
    view! {
        <section class="agreement-withdraw" aria-labelledby=labelled>
            <h2 id=title_id>{move || i18n.t().agreement.withdraw_title}</h2>
            <p>
                {move || {
                    (i18n.t().agreement.withdraw_intro)(notice, &long_date(earliest, i18n.locale()))
                }}
            </p>
            <Show
                when=move || confirming.get().is_some()
                fallback=move || {
                    let field = field.clone();
                    view! {
                        <form on:submit=ask novalidate>
                            <label for=field.clone()>{move || i18n.t().agreement.withdraw_date}</label>
                            <input
                                id=field
                                type="date"
                                min=iso(earliest)
                                prop:value=move || effective.get()
                                on:input=move |ev| effective.set(event_target_value(&ev))
                            />
                            <button type="submit" class="secondary danger">
                                {move || i18n.t().agreement.withdraw_button}
                            </button>
                        </form>
                    }
                }
            >
                <div class="agreement-confirm" role="group" aria-label=move || i18n.t().agreement.withdraw_title>
                    <p>
                        {move || {
                            confirming
                                .get()
                                .map(|d| (i18n.t().agreement.withdraw_question)(&long_date(d, i18n.locale())))
                        }}
                    </p>
                    <button type="button" class="primary danger" on:click=confirm>
                        {move || i18n.t().agreement.withdraw_confirm}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                        {move || i18n.t().agreement.withdraw_keep}
                    </button>
                </div>
            </Show>
        </section>
    }
}
