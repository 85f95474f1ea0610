//! Adding or renaming a team, and choosing its leads. The domain checks
//! both (names, the minimum's range, leads holding the Lead role in the
//! team's organisation).

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;
use vela_domain::directory::{Command as Dir, MinOffice, Team};
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::Command;

use super::{focus_when_shown, toggle, FormButtons};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn TeamForm(
    existing: Option<Team>,
    on_close: Callback<()>,
    message: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = existing
        .as_ref()
        .map_or_else(|| TeamId(uuid::Uuid::new_v4()), |t| t.id);
    let title = existing.as_ref().map(|t| t.name.clone());
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default(),
    );
    let rule = existing
        .as_ref()
        .map_or(MinOffice::Percent(50), |t| t.min_office);
    let percent = RwSignal::new(matches!(rule, MinOffice::Percent(_)));
    let value = RwSignal::new(match rule {
        MinOffice::People(n) => n.to_string(),
        MinOffice::Percent(p) => p.to_string(),
    });
    let share = RwSignal::new(
        existing
            .as_ref()
            .and_then(|t| t.max_agile_share)
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(String::new());
    let first = NodeRef::<html::Input>::new();
    focus_when_shown(first);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().admin();
        let raw = value.get_untracked();
        let min_office = if percent.get_untracked() {
            raw.trim().parse().ok().map(MinOffice::Percent)
        } else {
            raw.trim().parse().ok().map(MinOffice::People)
        };
        let share_text = share.get_untracked();
        let max_agile_share = match share_text.trim() {
            "" => Ok(None),
            text => text.parse::<u8>().map(Some),
        };
        let (Some(min_office), Ok(max_agile_share)) = (min_office, max_agile_share) else {
            problem.set(t.not_a_number.into());
            return;
        };
        let saved = name.get_untracked().trim().to_owned();
        match sync.submit(Command::Directory(Dir::SaveTeam {
            id,
            name: saved.clone(),
            min_office,
            max_agile_share,
            org: None,
        })) {
            Ok(()) => {
                message.set((t.team_saved)(&saved));
                on_close.run(());
            }
            Err(r) => problem.set((i18n.t().rejection)(&r)),
        }
    };

    view! {
        <form class="form-card team-form" on:submit=save aria-labelledby="team-form-title">
            <h2 id="team-form-title">
                {move || match &title {
                    Some(n) => (i18n.t().admin().team_form_edit)(n),
                    None => i18n.t().admin().team_form_new.to_owned(),
                }}
            </h2>
            <div class="field">
                <label for="team-name">{move || i18n.t().admin().field_team_name}</label>
                <input id="team-name" node_ref=first required autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <fieldset class="group">
                <legend>{move || i18n.t().admin().field_min_kind}</legend>
                <div class="choices">
                    <label>
                        <input type="radio" name="team-min-kind" prop:checked=move || !percent.get()
                            on:change=move |_| percent.set(false) />
                        {move || i18n.t().admin().min_people}
                    </label>
                    <label>
                        <input type="radio" name="team-min-kind" prop:checked=move || percent.get()
                            on:change=move |_| percent.set(true) />
                        {move || i18n.t().admin().min_percent}
                    </label>
                </div>
                <label for="team-min-value">{move || i18n.t().admin().field_min_value}</label>
                <input id="team-min-value" type="number" min="0" inputmode="numeric"
                    max=move || if percent.get() { "100" } else { "999" }
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </fieldset>
            <div class="field">
                <label for="team-share">{move || i18n.t().admin().field_max_share}</label>
                <input id="team-share" type="number" min="0" max="100" inputmode="numeric"
                    aria-describedby="team-share-hint"
                    prop:value=move || share.get()
                    on:input=move |ev| share.set(event_target_value(&ev)) />
                <p id="team-share-hint" class="hint">{move || i18n.t().admin().field_max_share_hint}</p>
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <FormButtons on_close />
        </form>
    }
}

#[component]
pub fn LeadsForm(
    team: Team,
    /// People of the organisation who hold the Lead role, by name.
    candidates: Vec<(PersonId, String)>,
    on_close: Callback<()>,
    message: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let chosen = RwSignal::new(team.leads.clone());
    let problem = RwSignal::new(String::new());
    let team_id = team.id;
    let team_name = team.name.clone();
    let empty = candidates.is_empty();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().admin();
        let leads: BTreeSet<PersonId> = chosen.get_untracked();
        match sync.submit(Command::Directory(Dir::SetTeamLeads {
            team: team_id,
            leads,
        })) {
            Ok(()) => {
                message.set((t.leads_saved)(&team_name));
                on_close.run(());
            }
            Err(r) => problem.set((i18n.t().rejection)(&r)),
        }
    };
    let boxes = candidates
        .into_iter()
        .map(|(id, name)| {
            view! {
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || chosen.with(|c| c.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            toggle(chosen, id, on);
                        }
                    />
                    {name}
                </label>
            }
        })
        .collect_view();
    let title = team.name.clone();

    view! {
        <form class="form-card team-form" on:submit=save aria-labelledby="leads-form-title">
            <h2 id="leads-form-title">{move || (i18n.t().admin().leads_of)(&title)}</h2>
            <p>{move || if empty { i18n.t().admin().no_lead_candidates } else { i18n.t().admin().leads_intro }}</p>
            <fieldset class="group">
                <legend>{move || i18n.t().admin().leads_label}</legend>
                <div class="choices">{boxes}</div>
            </fieldset>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <FormButtons on_close />
        </form>
    }
}
