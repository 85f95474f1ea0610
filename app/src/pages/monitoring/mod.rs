//! Monitoring: the figures of a month, a year or a range of months
//! (`?period=2026-11`, `?period=2026`, `?period=2026-01..2026-06`) for the
//! part of the organisation the person may read — all of it for its
//! administrators, their own teams for a lead — and, for the partnership's
//! administrator, every organisation side by side. `piao.rs` is the yearly
//! report to print (`/monitoring/piao?year=2026`).
//!
//! The figures are `vela_domain::monitoring::period::report`, computed by the
//! server (`GET /api/reports/{period}`) as for the CSV files: a lead's synced
//! view does not hold everything their teams' report counts (colleagues'
//! commutes, training, objectives), and page and files must agree. Nothing
//! is recomputed here: the page only formats.

mod charts;
mod figures;
mod partnership;
mod period;
pub mod piao;
mod picker;
mod tables;

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use vela_domain::actor::administers_partnership;
use vela_domain::calendar::rome_date;
use vela_domain::monitoring::{Months, PeriodReport, Scope};
use vela_domain::Actor;

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::pages::team::{loaded, loading_view};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

pub use period::period_title;
pub use piao::PiaoReport;

/// Who may read what: whether the state is loaded, whether the person may
/// read a report (and whether only their teams'), and whether they
/// administer the partnership. Changes rarely, so the page is not rebuilt
/// on ordinary updates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Access {
    pub loaded: bool,
    /// `None`: no report for them; `Some(true)`: their own teams only.
    pub teams_only: Option<bool>,
    pub partnership: bool,
}

pub(crate) fn access() -> Memo<Access> {
    let state = use_sync().state();
    let me = signed_in_person();
    Memo::new(move |_| {
        state.with(|s| {
            let actor = me.map(Actor::Person);
            let scope = me
                .and_then(|me| s.directory.org_of_person(me))
                .zip(actor.as_ref())
                .and_then(|(org, actor)| Scope::of(s, actor, org));
            Access {
                loaded: loaded(s),
                teams_only: scope.map(|s| s.teams().is_some()),
                partnership: actor.is_some_and(|a| administers_partnership(s, &a)),
            }
        })
    })
}

/// The period in the address, or this month.
pub(crate) fn chosen_months(key: &'static str, default: Months) -> Memo<Months> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get(key))
            .and_then(|p| Months::parse(&p))
            .unwrap_or(default)
    })
}

/// The report of `months` from the server, fetched again when the period
/// changes or `reload` is bumped.
pub(crate) fn fetch_report(
    months: Memo<Months>,
    reload: RwSignal<u32>,
) -> LocalResource<Result<PeriodReport, ApiError>> {
    LocalResource::new(move || {
        reload.track();
        let path = format!("/api/reports/{}", months.get().label());
        async move { crate::api::get::<PeriodReport>(&path).await }
    })
}

/// A failed load in words, with a way to try again.
pub(crate) fn failure(error: ApiError, reload: RwSignal<u32>) -> AnyView {
    let i18n = use_i18n();
    let reason = match error {
        ApiError::Offline => i18n.t().monitoring().offline.to_owned(),
        ApiError::Server { message, .. } => message,
        other => format!("{other:?}"),
    };
    view! {
        <div role="alert" class="report-error">
            <p>{move || (i18n.t().monitoring().failed)(&reason)}</p>
            <button type="button" class="secondary" on:click=move |_| reload.update(|n| *n += 1)>
                {move || i18n.t().monitoring().retry}
            </button>
        </div>
    }
    .into_any()
}

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let i18n = use_i18n();
    let access = access();
    let months = chosen_months("period", Months::of(rome_date(now())));
    let body = move || {
        let a = access.get();
        match (a.loaded, a.teams_only) {
            (false, _) => loading_view().into_any(),
            (true, None) => {
                view! { <p class="admin-empty">{move || i18n.t().monitoring().not_for_you}</p> }
                    .into_any()
            }
            (true, Some(teams_only)) => view! {
                <p>
                    {move || {
                        let t = i18n.t().monitoring();
                        if teams_only { t.intro_lead } else { t.intro }
                    }}
                </p>
                <Report months partnership=a.partnership />
            }
            .into_any(),
        }
    };
    view! {
        <section class="page monitoring-page">
            <h1>{move || i18n.t().monitoring().title}</h1>
            {body}
        </section>
    }
}

/// The period picker, the figures, charts and tables of the chosen period,
/// and the downloads.
#[component]
fn Report(months: Memo<Months>, partnership: bool) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = Callback::new(move |m: Months| {
        navigate(
            &format!("/monitoring?period={}", m.label()),
            Default::default(),
        )
    });
    let reload = RwSignal::new(0u32);
    let report = fetch_report(months, reload);
    let title = move || period_title(&months.get(), i18n.locale());
    let content = move || match report.get() {
        None => {
            view! { <p class="loading" role="status">{move || i18n.t().monitoring().loading}</p> }
                .into_any()
        }
        Some(Err(e)) => failure(e, reload),
        Some(Ok(r)) if r.total.staff == 0 => {
            view! { <p class="admin-empty">{move || i18n.t().monitoring().no_data}</p> }.into_any()
        }
        Some(Ok(r)) => {
            let period = period_title(&r.months, i18n.locale());
            view! {
                <figures::Figures report=r.clone() />
                <charts::Charts report=r.clone() />
                <tables::TeamsTable report=r.clone() period=period.clone() />
                <tables::WeekdaysTable report=r period />
            }
            .into_any()
        }
    };
    let label = move || months.get().label();
    let organisations = move || {
        partnership.then(|| {
            view! {
                <li>
                    <a href=move || format!("/api/reports/{}/organisations.csv", label()) download="">
                        {move || i18n.t().monitoring().download_organisations}
                    </a>
                </li>
            }
        })
    };
    view! {
        <picker::PeriodPicker months go />
        <div class="month-nav">
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    if let Some(m) = months.get_untracked().previous() {
                        go.run(m)
                    }
                }
            >
                <span aria-hidden="true">"‹ "</span>
                {move || i18n.t().monitoring().previous_period}
            </button>
            <h2 aria-live="polite">{title}</h2>
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    if let Some(m) = months.get_untracked().next() {
                        go.run(m)
                    }
                }
            >
                {move || i18n.t().monitoring().next_period}
                <span aria-hidden="true">" ›"</span>
            </button>
        </div>
        {content}
        {partnership.then(|| view! { <partnership::Organisations months /> })}
        <section class="downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{move || i18n.t().monitoring().downloads_title}</h2>
            <ul>
                <li>
                    <a href=move || format!("/api/reports/{}/teams.csv", label()) download="">
                        {move || i18n.t().monitoring().download_teams}
                    </a>
                </li>
                <li>
                    <a href=move || format!("/api/reports/{}/weekdays.csv", label()) download="">
                        {move || i18n.t().monitoring().download_weekdays}
                    </a>
                </li>
                {organisations}
            </ul>
            <p class="hint">{move || i18n.t().monitoring().downloads_hint}</p>
        </section>
        <p class="piao-link">
            <A href=move || format!("/monitoring/piao?year={}", months.get().first.year())>
                {move || i18n.t().monitoring().piao_link}
            </A>
        </p>
    }
}
