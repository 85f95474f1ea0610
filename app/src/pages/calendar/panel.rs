//! The selected day: its status, the request's and the lead's notes, and
//! what the person can do with it — ask for it, cancel it (after a
//! confirmation) or log the work done.

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::agile::{Command as Agile, DayStatus, Withdrawal};
use vela_domain::calendar::Holidays;
use vela_domain::Command;

use super::activity::ActivityForm;
use super::day::{day_of, extra_holidays, DayKind};
use super::{focus_id, Cal};
use crate::components::icon::Icon;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// What the selected day offers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Action {
    Cancel(NaiveDate),
    Log(NaiveDate),
    Request(NaiveDate),
    Nothing,
}

/// The details panel of the selected day.
#[component]
pub fn DayPanel() -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let sync = use_sync();
    let state = sync.state();
    // The outcome of the last action, for the live region.
    let message = RwSignal::new(None::<Result<String, String>>);
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        cal.selected.track();
        confirming.set(false);
    });

    let day = Memo::new(move |_| {
        let date = cal.selected.get();
        state.with(|s| {
            let extra = extra_holidays(s, cal.me);
            day_of(s, Holidays { extra: &extra }, cal.me, date)
        })
    });
    let request_note = move || {
        let plan = day.with(|d| d.plan.clone())?;
        state.with(|s| {
            s.agile
                .requests
                .get(&plan.request)
                .map(|r| r.note.clone())
                .filter(|n| !n.is_empty())
        })
    };

    let cancel = move |_| {
        let Some(plan) = day.with_untracked(|d| d.cancellable(cal.today).cloned()) else {
            return;
        };
        let t = &i18n.t();
        let date = long_date(plan.date, i18n.locale());
        let result = sync.submit(Command::Agile(Agile::CancelDays {
            request: plan.request,
            dates: Some(vec![plan.date]),
        }));
        confirming.set(false);
        message.set(Some(match result {
            Ok(()) => Ok((t.calendar.cancelled_message)(&date)),
            Err(r) => Err((t.rejection)(&r)),
        }));
    };

    let details = move || {
        let t = &i18n.t().calendar;
        let day = day.get();
        let plan = day.plan.clone();
        let lines = plan.map(|p| {
            let decision = p
                .decision_note
                .clone()
                .map(|note| view! { <p>{(t.decision_note)(&note)}</p> });
            let withdrawn = p.withdrawn_for.map(|why| {
                view! {
                    <p>
                        {match why {
                            Withdrawal::Absence => t.withdrawn_absence,
                            Withdrawal::AgreementEnded => t.withdrawn_agreement,
                        }}
                    </p>
                }
            });
            let cancelled =
                (p.status == DayStatus::Cancelled).then(|| view! { <p>{t.cancelled_before}</p> });
            let activity = p.activity.as_ref().map(|a| {
                let note = (!a.note.is_empty()).then(|| a.note.clone());
                view! { <p>{(t.activity_logged)(a.objectives.len())} " " {note}</p> }
            });
            view! { {decision} {withdrawn} {cancelled} {activity} }
        });
        view! {
            <p class=format!("day-summary {}", day.class())>
                <span class="day-icon" aria-hidden="true">{day.icon().map(|name| view! { <Icon name /> })}</span>
                " "
                {day.status_text(t)}
            </p>
            {move || request_note().map(|n| view! { <p>{(t.request_note)(&n)}</p> })}
            {lines}
            {matches!(day.kind, DayKind::Absent).then(|| view! { <p>{t.absent_hint}</p> })}
            {day
                .office_only
                .as_ref()
                .map(|note| {
                    view! { <p class="office-only-mark">{(i18n.t().home.office_only)(note)}</p> }
                })}
        }
    };

    // The actions are drawn anew only when what can be done changes, not
    // whenever the day does: another device logging this day's activity
    // must not reset the activity form someone is filling in here.
    let action = Memo::new(move |_| {
        day.with(|d| {
            if d.cancellable(cal.today).is_some() {
                Action::Cancel(d.date)
            } else if d.loggable(cal.today).is_some() {
                Action::Log(d.date)
            } else if d.requestable(cal.today) {
                Action::Request(d.date)
            } else {
                Action::Nothing
            }
        })
    });

    let actions = move || {
        let t = &i18n.t().calendar;
        match action.get() {
            Action::Cancel(date) => {
                let confirm = move || {
                    confirming.get().then(|| {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="cancel-question">
                                <p id="cancel-question">
                                    {(t.cancel_question)(&long_date(date, i18n.locale()))}
                                </p>
                                <button
                                    type="button"
                                    id="cancel-confirm"
                                    class="primary danger"
                                    on:click=cancel
                                >
                                    {t.cancel_confirm}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| confirming.set(false)
                                >
                                    {t.cancel_keep}
                                </button>
                            </div>
                        }
                    })
                };
                view! {
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=move || confirming.get().to_string()
                        on:click=move |_| {
                            message.set(None);
                            confirming.set(true);
                            focus_id("cancel-confirm");
                        }
                    >
                        {t.cancel_day}
                    </button>
                    {confirm}
                }
                .into_any()
            }
            Action::Log(date) => view! { <ActivityForm date=date message=message /> }.into_any(),
            Action::Request(date) => view! {
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        message.set(None);
                        cal.form.ask_for(date);
                    }
                >
                    {t.request_this_day}
                </button>
            }
            .into_any(),
            Action::Nothing => ().into_any(),
        }
    };

    view! {
        <section class="day-panel" aria-labelledby="day-panel-title">
            <h2 id="day-panel-title">{move || long_date(cal.selected.get(), i18n.locale())}</h2>
            {details}
            <div class="day-actions">{actions}</div>
            <div role="status" class="message">
                {move || {
                    message
                        .get()
                        .map(|m| match m {
                            Ok(text) => view! { <p class="ok">{text}</p> }.into_any(),
                            Err(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
                        })
                }}
            </div>
        </section>
    }
}
