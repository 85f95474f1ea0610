//! Choosing the period: a month, a year or a range of months. The drafts
//! follow the period in the address (the buttons beside it move it too)
//! and change the address only when shown.

use chrono::Datelike;
use leptos::prelude::*;
use vela_domain::monitoring::Months;

use super::period::Kind;
use crate::i18n::use_i18n;

fn month_value(date: chrono::NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

#[component]
pub(super) fn PeriodPicker(months: Memo<Months>, go: Callback<Months>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(Kind::Month);
    let month = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    Effect::new(move |_| {
        let m = months.get();
        kind.set(Kind::of(&m));
        month.set(month_value(m.first));
        year.set(m.first.year().to_string());
        from.set(month_value(m.first));
        until.set(month_value(m.last_day()));
        error.set(false);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = match kind.get_untracked() {
            Kind::Month => month.get_untracked(),
            Kind::Year => year.get_untracked().trim().to_owned(),
            Kind::Range => format!("{}..{}", from.get_untracked(), until.get_untracked()),
        };
        match Months::parse(&label) {
            Some(m) => {
                error.set(false);
                go.run(m);
            }
            None => error.set(true),
        }
    };
    let choice = move |value: Kind, label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="period-kind"
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                {move || label(i18n.t())}
            </label>
        }
    };
    let field = move |id: &'static str,
                      label: fn(&crate::i18n::Texts) -> &'static str,
                      kind_of: &'static str,
                      value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || label(i18n.t())}</label>
                <input
                    id=id
                    type=kind_of
                    min=if kind_of == "number" { "2000" } else { "2000-01" }
                    max=if kind_of == "number" { "2199" } else { "2199-12" }
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let fields = move || match kind.get() {
        Kind::Month => field(
            "period-month",
            |t| t.monitoring().month_field,
            "month",
            month,
        )
        .into_any(),
        Kind::Year => {
            field("period-year", |t| t.monitoring().year_field, "number", year).into_any()
        }
        Kind::Range => view! {
            {field("period-from", |t| t.monitoring().from_field, "month", from)}
            {field("period-until", |t| t.monitoring().until_field, "month", until)}
        }
        .into_any(),
    };
    view! {
        <form class="period-picker" on:submit=submit>
            <fieldset>
                <legend>{move || i18n.t().monitoring().period_legend}</legend>
                <div class="choices">
                    {choice(Kind::Month, |t| t.monitoring().kind_month)}
                    {choice(Kind::Year, |t| t.monitoring().kind_year)}
                    {choice(Kind::Range, |t| t.monitoring().kind_range)}
                </div>
                <div class="fields">
                    {fields}
                    <button type="submit" class="primary">{move || i18n.t().monitoring().show}</button>
                </div>
            </fieldset>
            <p class="form-error" role="alert">
                {move || error.get().then(|| i18n.t().monitoring().bad_period)}
            </p>
        </form>
    }
}
