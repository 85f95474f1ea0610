//! The partnership's organisations side by side with their total, for the
//! partnership's administrator (`GET /api/reports/{period}/organisations`):
//! the other organisations' figures never reach this person's synced view.

use leptos::prelude::*;
use vela_domain::monitoring::partnership::PartnershipReport;
use vela_domain::monitoring::Months;

use super::period_title;
use super::tables::{figure_head, FigureRow};
use crate::i18n::use_i18n;

#[component]
pub(super) fn Organisations(months: Memo<Months>) -> impl IntoView {
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let report = LocalResource::new(move || {
        reload.track();
        let path = format!("/api/reports/{}/organisations", months.get().label());
        async move { crate::api::get::<PartnershipReport>(&path).await }
    });
    let table = move || match report.get() {
        None => {
            view! { <p class="loading" role="status">{move || i18n.t().monitoring().loading}</p> }
                .into_any()
        }
        Some(Err(e)) => super::failure(e, reload),
        Some(Ok(r)) => {
            let t = i18n.t().monitoring();
            let PartnershipReport { members, total, .. } = r;
            let caption =
                (t.organisations_caption)(&period_title(&months.get_untracked(), i18n.locale()));
            let label = caption.clone();
            view! {
                <div class="table-wrap" role="region" tabindex="0" aria-label=label>
                    <table class="admin-table">
                        <caption>{caption}</caption>
                        {figure_head(t.col_organisation)}
                        <tbody>
                            <For
                                each=move || members.clone()
                                key=|m| m.org
                                children=|m| view! { <FigureRow name=m.name.clone() row=m.total /> }
                            />
                        </tbody>
                        <tfoot>
                            <FigureRow name=t.total.to_owned() row=total />
                        </tfoot>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="partnership-report" aria-labelledby="partnership-report-title">
            <h2 id="partnership-report-title">{move || i18n.t().monitoring().partnership_title}</h2>
            <p>{move || i18n.t().monitoring().partnership_intro}</p>
            {table}
        </section>
    }
}
