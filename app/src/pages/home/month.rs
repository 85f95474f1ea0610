//! An administrator's figures of the month: the monitoring's total row.

use leptos::prelude::*;
use leptos_router::components::A;

use super::Ctx;
use crate::format::{number, percent};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn MonthFigures() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let sync = use_sync();
    let state = sync.state();
    let total = Memo::new(move |_| {
        let org = sync.organisation()?.id;
        Some(state.with(|s| vela_domain::monitoring::monthly(s, org, ctx.today).total))
    });
    move || {
        let row = total.get()?;
        let t = &i18n.t().home;
        let locale = i18n.locale();
        Some(view! {
            <section class="home-card" aria-labelledby="home-month">
                <h2 id="home-month">{t.month_title}</h2>
                <ul>
                    <li>{(t.month_days)(row.days_away, &percent(row.days_share_pct, locale))}</li>
                    <li>{(t.month_staff)(row.staff_away, row.staff)}</li>
                    <li>{(t.month_co2)(&number(row.co2_kg, locale, 1))}</li>
                    <li>{(t.month_training)(row.training_minutes)}</li>
                </ul>
                <A href="/admin">{t.month_link}</A>
            </section>
        })
    }
}
