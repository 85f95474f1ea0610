//! Asking for agile days: one day, a range, or chosen weekdays until a date,
//! at one of the agreement's places.
//!
//! While the person fills the form, the request is tried with
//! `vela_domain::apply` on what they see: the days the rules refuse are
//! listed with the reason and left out; only the others are sent (as
//! pending days for the lead).

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use leptos::prelude::*;
use uuid::Uuid;
use vela_domain::agile::Rejection as AgileRejection;
use vela_domain::agile::{Command as Agile, DaySelection, Event as AgileEvent, RefusedDay};
use vela_domain::directory::Agreement;
use vela_domain::ids::{PersonId, RequestId};
use vela_domain::{apply, Actor, Command, Event, Rejection, State};

use super::allowance::AllowanceSummary;
use super::day::place_name;
use super::fmt::{iso, parse_iso, weekday_long};
use super::Cal;
use crate::components::icon::{Icon, IconName};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

/// Which days the form asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Single,
    Range,
    Weekly,
}

const WORKING_WEEK: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The form's fields (shared with the day panel, which can fill in a day).
#[derive(Clone, Copy)]
pub struct Form {
    pub kind: RwSignal<Kind>,
    pub single: RwSignal<String>,
    pub from: RwSignal<String>,
    pub until: RwSignal<String>,
    pub weekdays: RwSignal<Vec<Weekday>>,
    pub place: RwSignal<usize>,
    pub note: RwSignal<String>,
}

impl Form {
    pub fn new() -> Self {
        Form {
            kind: RwSignal::new(Kind::Single),
            single: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            until: RwSignal::new(String::new()),
            weekdays: RwSignal::new(Vec::new()),
            place: RwSignal::new(0),
            note: RwSignal::new(String::new()),
        }
    }

    /// Fills in one day and takes the focus to the form.
    pub fn ask_for(&self, date: NaiveDate) {
        self.kind.set(Kind::Single);
        self.single.set(iso(date));
        super::focus_id("request-title");
    }

    /// The days asked for, once the fields say enough.
    pub fn selection(&self) -> Option<DaySelection> {
        match self.kind.get() {
            Kind::Single => Some(DaySelection::Dates {
                dates: vec![parse_iso(&self.single.get())?],
            }),
            Kind::Range => Some(DaySelection::Weekly {
                weekdays: WORKING_WEEK.to_vec(),
                from: parse_iso(&self.from.get())?,
                until: parse_iso(&self.until.get())?,
            }),
            Kind::Weekly => Some(DaySelection::Weekly {
                weekdays: self.weekdays.get(),
                from: parse_iso(&self.from.get())?,
                until: parse_iso(&self.until.get())?,
            }),
        }
    }

    /// The first day asked for (for the agreement and the allowance).
    pub fn first_date(&self) -> Option<NaiveDate> {
        match self.kind.get() {
            Kind::Single => parse_iso(&self.single.get()),
            Kind::Range | Kind::Weekly => parse_iso(&self.from.get()),
        }
    }

    fn clear(&self) {
        self.single.set(String::new());
        self.from.set(String::new());
        self.until.set(String::new());
        self.note.set(String::new());
    }
}

/// The agreement the request falls under: the one in force on its first
/// day, else today's, else the next one to start.
pub fn agreement_for(
    state: &State,
    me: PersonId,
    first: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Agreement> {
    first
        .and_then(|d| state.directory.agreement_on(me, d))
        .or_else(|| state.directory.agreement_on(me, today))
        .or_else(|| {
            state
                .directory
                .agreements
                .values()
                .filter(|a| a.person == me && a.valid_from > today)
                .min_by_key(|a| a.valid_from)
        })
        .cloned()
}

/// What the rules say of the request as filled in.
#[derive(Clone, Debug, PartialEq)]
pub enum Preview {
    /// Some days pass (they will be sent); the others are refused.
    Ready {
        accepted: Vec<NaiveDate>,
        refused: Vec<RefusedDay>,
    },
    /// Every day is refused, each with its reason.
    AllRefused(Vec<RefusedDay>),
    /// The request as a whole is refused (one day only, or a wrong field).
    Refused(Rejection),
}

/// Tries the request on `state` at `at` without changing anything.
pub fn preview(state: &State, me: PersonId, command: &Agile, at: DateTime<Utc>) -> Preview {
    let command = Command::Agile(command.clone());
    match apply(state, &Actor::Person(me), &command, at) {
        Ok(events) => {
            let (accepted, refused) = events
                .into_iter()
                .find_map(|e| match e {
                    Event::Agile(AgileEvent::DaysRequested { days, refused, .. }) => {
                        Some((days.into_iter().map(|d| d.date).collect(), refused))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            Preview::Ready { accepted, refused }
        }
        Err(Rejection::Agile(AgileRejection::NoDayAccepted { refused })) => {
            Preview::AllRefused(refused)
        }
        Err(other) => Preview::Refused(other),
    }
}

/// The outcome of the last send.
#[derive(Clone, Debug, PartialEq)]
enum Sent {
    Done {
        count: usize,
        refused: Vec<RefusedDay>,
        /// Only queued: no connection when it was made.
        queued: bool,
    },
    Failed(String),
}

/// The request form with its allowance summary and live preview.
#[component]
pub fn RequestForm() -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let form = cal.form;
    let sync = use_sync();
    let state = sync.state();
    let preview_id = RequestId(Uuid::new_v4());
    let sent = RwSignal::new(None::<Sent>);

    let agreement = Memo::new(move |_| {
        let first = form.first_date();
        state.with(|s| agreement_for(s, cal.me, first, cal.today))
    });
    // Recurring days start from the agreement's weekdays.
    Effect::new(move |_| {
        if form.kind.get() == Kind::Weekly && form.weekdays.with_untracked(Vec::is_empty) {
            if let Some(a) = agreement.get_untracked() {
                form.weekdays.set(a.weekdays.clone());
            }
        }
    });
    let command = Memo::new(move |_| {
        let agreement = agreement.get()?;
        let days = form.selection()?;
        let index = form
            .place
            .get()
            .min(agreement.places.len().saturating_sub(1));
        Some(Agile::RequestDays {
            id: preview_id,
            days,
            mode: agreement.mode,
            place: agreement.places.get(index)?.clone(),
            note: form.note.get(),
        })
    });
    let outcome = Memo::new(move |_| {
        let command = command.get()?;
        Some(state.with(|s| preview(s, cal.me, &command, now())))
    });

    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Some(Agile::RequestDays {
            mode, place, note, ..
        }) = command.get_untracked()
        else {
            sent.set(Some(Sent::Failed(t.calendar.request_incomplete.to_owned())));
            return;
        };
        let (accepted, refused) = match outcome.get_untracked() {
            Some(Preview::Ready { accepted, refused }) => (accepted, refused),
            Some(Preview::AllRefused(_)) | Some(Preview::Refused(_)) | None => {
                sent.set(Some(Sent::Failed(t.calendar.request_nothing.to_owned())));
                return;
            }
        };
        let count = accepted.len();
        // Only the days that pass are sent; the refused ones stay listed.
        let result = sync.submit(Command::Agile(Agile::RequestDays {
            id: RequestId(Uuid::new_v4()),
            days: DaySelection::Dates { dates: accepted },
            mode,
            place,
            note,
        }));
        match result {
            Ok(()) => {
                form.clear();
                let queued = sync.offline_untracked();
                sent.set(Some(Sent::Done {
                    count,
                    refused,
                    queued,
                }));
            }
            Err(r) => sent.set(Some(Sent::Failed((t.rejection)(&r)))),
        }
    };

    let refused_list = move |refused: Vec<RefusedDay>| {
        let t = i18n.t();
        let locale = i18n.locale();
        view! {
            <ul class="refused-days">
                {refused
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <span class="day-icon" aria-hidden="true">"✕ "</span>
                                <strong>{long_date(r.date, locale)}</strong>
                                ": "
                                {(t.rejection)(&r.reason.into())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };

    let preview_view = move || {
        let t = &i18n.t().calendar;
        let locale = i18n.locale();
        match outcome.get() {
            None => view! { <p class="hint">{t.preview_empty}</p> }.into_any(),
            Some(Preview::Ready { accepted, refused }) => {
                let n = accepted.len();
                let refused_part = (!refused.is_empty()).then(|| {
                    let m = refused.len();
                    view! {
                        <h4>{(t.preview_refused)(m)}</h4>
                        {refused_list(refused)}
                    }
                });
                view! {
                    <h4>{(t.preview_accepted)(n)}</h4>
                    <ul class="accepted-days">
                        {accepted
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <li>
                                        <span class="day-icon" aria-hidden="true"><Icon name=IconName::Pending /></span>
                                        " "
                                        {long_date(d, locale)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {refused_part}
                }
                .into_any()
            }
            Some(Preview::AllRefused(refused)) => {
                let m = refused.len();
                view! {
                    <h4>{(t.preview_refused)(m)}</h4>
                    {refused_list(refused)}
                }
                .into_any()
            }
            Some(Preview::Refused(reason)) => {
                view! { <p class="error">{(i18n.t().rejection)(&reason)}</p> }.into_any()
            }
        }
    };

    let sent_view = move || {
        let t = &i18n.t().calendar;
        sent.get().map(|s| match s {
            Sent::Done {
                count,
                refused,
                queued,
            } => {
                let not_sent = (!refused.is_empty()).then(|| {
                    view! {
                        <p>{(t.sent_refused)(refused.len())}</p>
                        {refused_list(refused)}
                    }
                });
                view! {
                    <p class="ok">
                        {if queued {
                            i18n.t().offline.saved.to_owned()
                        } else {
                            (t.sent_message)(count)
                        }}
                    </p>
                    {not_sent}
                }
                .into_any()
            }
            Sent::Failed(text) => view! { <p class="error" role="alert">{text}</p> }.into_any(),
        })
    };

    let kind_radio = move |kind: Kind, id: &'static str| {
        let label = move || {
            let t = &i18n.t().calendar;
            match kind {
                Kind::Single => t.kind_single,
                Kind::Range => t.kind_range,
                Kind::Weekly => t.kind_weekly,
            }
        };
        view! {
            <label class="check" for=id>
                <input
                    type="radio"
                    id=id
                    name="request-kind"
                    prop:checked=move || form.kind.get() == kind
                    on:change=move |_| {
                        sent.set(None);
                        form.kind.set(kind);
                    }
                />
                {label}
            </label>
        }
    };

    let date_input = move |id: &'static str,
                           label: fn(&crate::i18n::Texts) -> &'static str,
                           value: RwSignal<String>| {
        let min = iso(cal.today.succ_opt().unwrap_or(cal.today));
        view! {
            <div class="field">
                <label for=id>{move || label(i18n.t())}</label>
                <input
                    type="date"
                    id=id
                    min=min
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        sent.set(None);
                        value.set(event_target_value(&ev));
                    }
                    on:change=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };

    let fields = move || match form.kind.get() {
        Kind::Single => {
            date_input("request-single", |t| t.calendar.field_day, form.single).into_any()
        }
        Kind::Range => view! {
            {date_input("request-from", |t| t.calendar.field_from, form.from)}
            {date_input("request-until", |t| t.calendar.field_to, form.until)}
        }
        .into_any(),
        Kind::Weekly => {
            let boxes = WORKING_WEEK
                .into_iter()
                .map(|weekday| {
                    let id = format!("request-weekday-{}", weekday.num_days_from_monday());
                    let for_id = id.clone();
                    view! {
                        <label class="check" for=for_id>
                            <input
                                type="checkbox"
                                id=id
                                prop:checked=move || form.weekdays.with(|w| w.contains(&weekday))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.weekdays.update(|w| {
                                        w.retain(|d| *d != weekday);
                                        if on {
                                            w.push(weekday);
                                        }
                                    });
                                }
                            />
                            {move || weekday_long(weekday, i18n.locale())}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="weekdays">
                    <legend>{move || i18n.t().calendar.field_weekdays}</legend>
                    {boxes}
                </fieldset>
                {date_input("request-from", |t| t.calendar.field_from, form.from)}
                {date_input("request-until", |t| t.calendar.field_until, form.until)}
            }
            .into_any()
        }
    };

    // Only the places: a change of the agreement's other terms (from an
    // administrator, live) leaves the select as it is.
    let agreement_places = Memo::new(move |_| {
        agreement.with(|a| a.as_ref().map(|a| a.places.clone()).unwrap_or_default())
    });
    let places = move || {
        let t = &i18n.t().calendar;
        agreement_places.with(|places| {
            places
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    view! {
                        <option value=i.to_string() selected=move || form.place.get() == i>
                            {place_name(p, t)}
                        </option>
                    }
                })
                .collect_view()
        })
    };

    let has_agreement = Memo::new(move |_| agreement.with(Option::is_some));
    let body = move || {
        if !has_agreement.get() {
            return view! { <p class="empty">{move || i18n.t().calendar.request_no_agreement}</p> }
                .into_any();
        }
        view! {
            <AllowanceSummary
                me=cal.me
                today=cal.today
                agreement=Signal::derive(move || agreement.get())
                first_date=Signal::derive(move || form.first_date())
            />
            <form on:submit=send novalidate>
                <fieldset class="kinds">
                    <legend>{move || i18n.t().calendar.field_kind}</legend>
                    {kind_radio(Kind::Single, "request-kind-single")}
                    {kind_radio(Kind::Range, "request-kind-range")}
                    {kind_radio(Kind::Weekly, "request-kind-weekly")}
                </fieldset>
                {fields}
                <div class="field">
                    <label for="request-place">{move || i18n.t().calendar.field_place}</label>
                    <select
                        id="request-place"
                        on:change=move |ev| {
                            form.place.set(event_target_value(&ev).parse().unwrap_or(0))
                        }
                    >
                        {places}
                    </select>
                </div>
                <div class="field">
                    <label for="request-note">{move || i18n.t().calendar.field_note}</label>
                    <textarea id="request-note" maxlength="500" rows="2" bind:value=form.note></textarea>
                </div>
                <div class="preview" aria-live="polite">
                    <h3>{move || i18n.t().calendar.preview_title}</h3>
                    {preview_view}
                </div>
                <button type="submit" class="primary">
                    {move || i18n.t().calendar.request_send}
                </button>
            </form>
        }
        .into_any()
    };

    view! {
        <section class="request" aria-labelledby="request-title">
            <h2 id="request-title" tabindex="-1">{move || i18n.t().calendar.request_title}</h2>
            {body}
            <div role="status" class="message">{sent_view}</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::calendar::testing::{d, demo};
    use vela_domain::directory::Place;

    #[test]
    fn the_preview_splits_the_days_the_rules_accept_from_those_they_refuse() {
        let (state, giulia, now) = demo();
        let ask = |days| Agile::RequestDays {
            id: RequestId(Uuid::from_u128(99)),
            days,
            mode: vela_domain::directory::WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        };
        // Her agreement allows Tuesdays and Thursdays: Wednesday is refused.
        let weekly = DaySelection::Weekly {
            weekdays: vec![Weekday::Tue, Weekday::Wed],
            from: d(2027, 2, 8),
            until: d(2027, 2, 14),
        };
        match preview(&state, giulia, &ask(weekly), now) {
            Preview::Ready { accepted, refused } => {
                assert_eq!(accepted, vec![d(2027, 2, 9)]);
                assert_eq!(refused.len(), 1);
                assert_eq!(refused[0].date, d(2027, 2, 10));
                assert!(matches!(
                    refused[0].reason,
                    AgileRejection::AgreementWeekday { .. }
                ));
            }
            other => panic!("{other:?}"),
        }
        // December is already full (the demo asks for all of it).
        let december = DaySelection::Dates {
            dates: vec![d(2026, 12, 8), d(2026, 12, 15)],
        };
        assert!(matches!(
            preview(&state, giulia, &ask(december), now),
            Preview::AllRefused(r) if r.len() == 2
        ));
        let one = DaySelection::Dates {
            dates: vec![d(2026, 11, 28)],
        };
        assert!(matches!(
            preview(&state, giulia, &ask(one), now),
            Preview::Refused(Rejection::Agile(AgileRejection::NonWorkingDay { .. }))
        ));
    }
}
