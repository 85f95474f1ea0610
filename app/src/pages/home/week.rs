//! The employee's working days of this week and the next, with the team's
//! office-only days.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::agile::{day_kind, DayKind, DayStatus};

use super::{short_dates, Ctx};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// One working day as the card shows it.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    date: NaiveDate,
    status: Status,
    office_only: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Holiday(String),
    Absent,
    Pending,
    Approved,
    Office,
}

#[component]
pub fn Week() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let state = use_sync().state();
    let monday = ctx.today - Duration::days(i64::from(ctx.today.weekday().num_days_from_monday()));
    let lines = Memo::new(move |_| {
        state.with(|s| {
            let team = s
                .directory
                .people
                .get(&ctx.me)
                .and_then(|p| p.team)
                .and_then(|t| s.directory.teams.get(&t));
            (0..14)
                .map(|i| monday + Duration::days(i))
                .filter(|d| d.weekday().num_days_from_monday() < 5)
                .map(|date| {
                    let status = match day_kind(s, ctx.me, date) {
                        DayKind::NonWorking { holiday } => Status::Holiday(holiday),
                        DayKind::Absent { .. } => Status::Absent,
                        DayKind::Away { plan } if plan.status == DayStatus::Approved => {
                            Status::Approved
                        }
                        DayKind::Away { .. } => Status::Pending,
                        DayKind::Office { .. } => Status::Office,
                    };
                    let office_only = team.and_then(|t| t.office_only.get(&date).cloned());
                    Line {
                        date,
                        status,
                        office_only,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let items = move || {
        let t = i18n.t();
        let locale = i18n.locale();
        lines
            .get()
            .into_iter()
            .map(|line| {
                let status = match &line.status {
                    Status::Holiday(name) => (t.calendar.holiday)(name),
                    Status::Absent => t.calendar.absent.to_owned(),
                    Status::Pending => (t.calendar.pending)(t.calendar.mode_agile),
                    Status::Approved => (t.home.approved)(t.calendar.mode_agile),
                    Status::Office => t.calendar.office.to_owned(),
                };
                let class = match line.status {
                    Status::Approved => "home-day away",
                    Status::Pending => "home-day pending",
                    _ => "home-day",
                };
                let today = (line.date == ctx.today).then(|| format!(" ({})", t.home.today));
                let only = line.office_only.map(|note| {
                    view! { <span class="office-only">{(t.home.office_only)(&note)}</span> }
                });
                view! {
                    <li class=class>
                        <strong>{short_dates(&[line.date], locale)} {today}</strong>
                        " — "
                        {status}
                        {only}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="home-card" aria-labelledby="home-week">
            <h2 id="home-week">{move || i18n.t().home.week_title}</h2>
            <ul class="home-days">{items}</ul>
            <A href="/calendar">{move || i18n.t().home.open_calendar}</A>
        </section>
    }
}
