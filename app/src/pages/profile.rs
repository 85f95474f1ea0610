//! The profile page: how notifications reach the person by e-mail.

use leptos::prelude::*;
use vela_domain::notifications::{Command as NoteCommand, Delivery, Kind, Preferences};
use vela_domain::Command;

use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

const DELIVERIES: [Delivery; 3] = [Delivery::Immediate, Delivery::Digest, Delivery::Never];

fn delivery_code(d: Delivery) -> &'static str {
    match d {
        Delivery::Immediate => "immediate",
        Delivery::Digest => "digest",
        Delivery::Never => "never",
    }
}

#[component]
pub fn Profile() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = sync.me();
    // The draft: read once, so a live update never resets a choice being
    // made.
    let draft = RwSignal::new(
        me.map(|me| state.with_untracked(|s| s.notifications.preferences_of(me)))
            .unwrap_or_default(),
    );
    let message = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());

    let rows = Kind::ALL
        .into_iter()
        .map(|kind| {
            let select_id = format!("mail-{}", kind.code());
            let options = DELIVERIES
                .into_iter()
                .map(|d| {
                    view! {
                        <option
                            value=delivery_code(d)
                            selected=move || draft.with(|p| p.delivery(kind) == d)
                        >
                            {move || (i18n.t().notifications().delivery_label)(d)}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        <label for=select_id.clone()>
                            {move || (i18n.t().notifications().kind_label)(kind)}
                        </label>
                    </th>
                    <td>
                        <select
                            id=select_id
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(d) = DELIVERIES.into_iter().find(|d| delivery_code(*d) == v) {
                                    draft.update(|p: &mut Preferences| {
                                        if d == Delivery::Immediate {
                                            p.mail.remove(&kind);
                                        } else {
                                            p.mail.insert(kind, d);
                                        }
                                    });
                                }
                            }
                        >
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();

    let hours = (0u8..24)
        .map(|h| {
            view! {
                <option value=h.to_string() selected=move || draft.with(|p| p.digest_hour == h)>
                    {format!("{h:02}:00")}
                </option>
            }
        })
        .collect_view();

    let save = move |_| {
        let preferences = draft.get_untracked();
        match sync.submit(Command::Notifications(NoteCommand::SavePreferences {
            preferences,
        })) {
            Ok(()) => {
                alert.set(String::new());
                message.set(i18n.t().notifications().saved.to_owned());
            }
            Err(r) => {
                message.set(String::new());
                alert.set((i18n.t().rejection)(&r));
            }
        }
    };

    view! {
        <section class="page profile">
            <h1>{move || i18n.t().notifications().profile_title}</h1>
            <p>{move || i18n.t().notifications().profile_intro}</p>
            <fieldset>
                <legend>{move || i18n.t().notifications().mail_legend}</legend>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().notifications().col_kind}</th>
                            <th scope="col">{move || i18n.t().notifications().col_delivery}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <div>
                    <label for="digest-hour">{move || i18n.t().notifications().digest_hour}</label>
                    <select
                        id="digest-hour"
                        on:change=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse::<u8>() {
                                draft.update(|p| p.digest_hour = h);
                            }
                        }
                    >
                        {hours}
                    </select>
                </div>
            </fieldset>
            <button type="button" on:click=save>{move || i18n.t().notifications().save}</button>
            <p class="team-message" role="status">{move || message.get()}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            <section class="my-data" aria-labelledby="my-data-title">
                <h2 id="my-data-title">{move || i18n.t().audit().data_title}</h2>
                <p>{move || i18n.t().audit().download_mine_hint}</p>
                <a class="button" href="/api/me/personal-data" download="">
                    {move || i18n.t().audit().download_mine}
                </a>
            </section>
        </section>
    }
}
