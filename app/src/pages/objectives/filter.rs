//! The period a list shows: a part of the year (whole year, a semester, a
//! quarter) and the year.

use leptos::prelude::*;

use super::logic::Span;
use super::parts::tx;
use crate::i18n::use_i18n;

/// Two selects, one for the part of the year and one for the year; they
/// write into the given signals.
#[component]
pub fn PeriodFilter(span: RwSignal<Span>, year: RwSignal<i32>, this_year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let span_options = move || {
        let t = i18n.t().objectives();
        Span::ALL
            .into_iter()
            .map(|s| {
                let label = match s {
                    Span::Year => t.span_year.to_owned(),
                    Span::Semester(n) => (t.span_semester)(n),
                    Span::Quarter(n) => (t.span_quarter)(n),
                };
                view! {
                    <option value=s.code() selected=move || span.get() == s>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let year_options = move || {
        (this_year - 2..=this_year + 1)
            .map(|y| {
                view! {
                    <option value=y.to_string() selected=move || year.get() == y>
                        {y}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="period-filter">
            <legend>{tx(|t| t.filter_label)}</legend>
            <div>
                <label for="objectives-span">{tx(|t| t.filter_span)}</label>
                <select
                    id="objectives-span"
                    on:change=move |ev| span.set(Span::from_code(&event_target_value(&ev)))
                >
                    {span_options}
                </select>
            </div>
            <div>
                <label for="objectives-year">{tx(|t| t.filter_year)}</label>
                <select
                    id="objectives-year"
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse() {
                            year.set(y);
                        }
                    }
                >
                    {year_options}
                </select>
            </div>
        </fieldset>
    }
}
