use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_i18n, Text};
use crate::session::use_session;

/// The demo accounts `--demo` seeds, with the role they show.
const DEMO_ACCOUNTS: [(&str, Text); 7] = [
    ("giulia", |t| t.role_employee),
    ("marco", |t| t.role_lead),
    ("sara", |t| t.role_trainer),
    ("admin", |t| t.login_demo_admin),
    ("irene", |t| t.login_demo_partner),
    ("walter", |t| t.login_demo_partner_lead),
    ("admin.rovereto", |t| t.login_demo_partner_admin),
];

/// The sentence for a single sign-on failure code (`?sso_error=` from the
/// server's callback).
fn sso_error(code: &str) -> Text {
    match code {
        "provider_unavailable" => |t| t.login_sso_provider_unavailable,
        "refused" => |t| t.login_sso_refused,
        "invalid_state" => |t| t.login_sso_invalid_state,
        "invalid_token" => |t| t.login_sso_invalid_token,
        "unknown_person" => |t| t.login_sso_unknown_person,
        "no_role" => |t| t.login_sso_no_role,
        "missing_claim" => |t| t.login_sso_missing_claim,
        _ => |t| t.login_error_generic,
    }
}

/// The login page: the single sign-on button when the deployment has one,
/// the password form unless the deployment switched passwords off, and the
/// demo accounts beside it when the deployment is a demo (a production one
/// has none).
#[component]
pub fn Login() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let deployment = crate::deployment::use_deployment();
    // Why the last single sign-on came back here, if it did.
    let sso_failure = leptos_router::hooks::use_query_map()
        .with_untracked(|query| query.get("sso_error"))
        .map(|code| sso_error(&code));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (user, pass) = (username.get_untracked(), password.get_untracked());
        if user.trim().is_empty() || pass.is_empty() {
            error.set(Some(|t| t.login_error_missing));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = session.login(user.trim(), &pass).await;
            busy.set(false);
            if let Err(e) = result {
                let message: Text = match e {
                    ApiError::Unauthorized => |t| t.login_error_credentials,
                    ApiError::Offline => |t| t.login_error_offline,
                    ApiError::Server { status: 429, .. } => |t| t.login_error_rate_limited,
                    ApiError::Server { code, .. } if code == "invalid_credentials" => {
                        |t| t.login_error_credentials
                    }
                    _ => |t| t.login_error_generic,
                };
                error.set(Some(message));
            }
        });
    };

    // Changes that wait on this device for the person whose session ended.
    let waiting = move || {
        let me = session.lost()?;
        let text = crate::storage::load_text(&crate::sync::client::outbox_key(me.person_id()?))?;
        let n = crate::sync::replica::count_commands(&text)?;
        (n > 0).then(|| (me.person.name.clone(), n))
    };
    view! {
        <section class="page login">
            <h1>{move || i18n.t().login_title}</h1>
            {move || {
                waiting()
                    .map(|(name, n)| {
                        view! {
                            <p class="login-waiting" role="status">
                                {(i18n.t().offline.login_waiting)(n, &name)}
                            </p>
                        }
                    })
            }}
            <p>{move || i18n.t().login_intro}</p>
            <div class="login-methods">
            {move || deployment.sso().then(|| view! {
                <div class="login-sso">
                    <p class="form-error" role="alert">
                        {move || sso_failure.map(|message| message(i18n.t()))}
                    </p>
                    // A plain link: the server answers with a redirect to the provider.
                    <a class="button primary" href="/api/auth/oidc/login" rel="external">
                        {move || match deployment.sso_label() {
                            Some(name) => (i18n.t().login_sso_with)(&name),
                            None => i18n.t().login_sso.to_string(),
                        }}
                    </a>
                    {move || deployment.local_passwords().then(|| view! {
                        <p class="login-or">{move || i18n.t().login_sso_or}</p>
                    })}
                </div>
            })}
            {move || deployment.local_passwords().then(|| view! {
            <form class="login-form" on:submit=submit novalidate>
                <label for="login-username">{move || i18n.t().login_username}</label>
                <input
                    id="login-username"
                    name="username"
                    autocomplete="username"
                    autocapitalize="none"
                    required
                    bind:value=username
                />
                <label for="login-password">{move || i18n.t().login_password}</label>
                <input
                    id="login-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    bind:value=password
                />
                <p class="form-error" role="alert">{move || error.get().map(|message| message(i18n.t()))}</p>
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t().login_submitting } else { i18n.t().login_submit }}
                </button>
            </form>
            })}
            </div>
            {move || deployment.demo().then(|| view! {
                <aside class="demo-accounts" aria-labelledby="demo-accounts-title">
                    <h2 id="demo-accounts-title">{move || i18n.t().login_demo_title}</h2>
                    <p>{move || i18n.t().login_demo_hint}</p>
                    <ul>
                        {DEMO_ACCOUNTS
                            .into_iter()
                            .map(|(user, role)| {
                                view! {
                                    // The button shows the username its name ends with
                                    // (WCAG 2.5.3); the role is said beside it.
                                    <li>
                                        <button
                                            type="button"
                                            class="link-button demo-user"
                                            aria-label=move || (i18n.t().login_demo_use)(user)
                                            on:click=move |_| {
                                                username.set(user.to_string());
                                                password.set("vela-demo".to_string());
                                            }
                                        >
                                            <strong>{user}</strong>
                                        </button>
                                        " — "
                                        {move || role(i18n.t())}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </aside>
            })}
        </section>
    }
}
