//! The home page: what waits for the person, one card per kind of thing and
//! role. What counts as waiting is `vela_domain::home::agenda`; each card
//! reads its slice and links to the page where the thing is done.

mod activity;
mod decide;
mod ending;
mod lead_objectives;
mod month;
mod objectives;
mod requests;
mod sessions;
mod webinars;
mod week;

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::home::{agenda, Agenda};
use vela_domain::ids::PersonId;

use crate::format::weekday_short;
use crate::i18n::{use_i18n, Locale};
use crate::pages::calendar::fmt::day_month;
use crate::session::signed_in_person;
use crate::session::use_session;
use crate::sync::client::{now, use_sync};

/// The agenda of the signed-in person, shared by the cards.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub me: PersonId,
    pub today: NaiveDate,
    pub agenda: Memo<Agenda>,
}

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let session = use_session();
    let Some(me) = signed_in_person() else {
        return view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }
            .into_any();
    };
    let state = sync.state();
    let agenda = Memo::new(move |_| state.with(|s| agenda(s, me, now())));
    let today = vela_domain::calendar::rome_date(now());
    provide_context(Ctx { me, today, agenda });
    let organisation = move || sync.organisation().map(|o| o.name).unwrap_or_default();
    let has = move |role: &str| session.me().is_some_and(|m| m.has_role(role));
    view! {
        <section class="page home">
            <h1>{move || i18n.t().home_title}</h1>
            <p class="organisation">{organisation}</p>
            <p class="home-intro">{move || i18n.t().home_intro}</p>
            <div class="home-cards">
                <week::Week />
                <requests::PendingRequests />
                <activity::ActivityDue />
                <objectives::ObjectivesDue />
                <webinars::NextWebinars />
                <Show when=move || has("lead")>
                    <decide::ToDecide />
                    <lead_objectives::LeadObjectives />
                </Show>
                <Show when=move || has("trainer")>
                    <sessions::NextSessions />
                </Show>
                <Show when=move || has("admin")>
                    <month::MonthFigures />
                    <ending::AgreementsEnding />
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// "gio 26 novembre, mar 1 dicembre".
pub(super) fn short_dates(dates: &[NaiveDate], locale: Locale) -> String {
    dates
        .iter()
        .map(|d| format!("{} {}", weekday_short(*d, locale), day_month(*d, locale)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A person's name as the state knows it.
pub(super) fn name_of(person: PersonId) -> String {
    use_sync().state().with_untracked(|s| {
        s.directory
            .people
            .get(&person)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    })
}
