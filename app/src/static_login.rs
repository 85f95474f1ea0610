//! The first login page is the sign-in form of `index.html`, run by
//! `app/login.js` before the WebAssembly arrives. The app leaves it in
//! place until someone has signed in through it: drawing the app's own
//! form over it would move what the person is reading and typing (and
//! repaint the page's largest text late). The app's login page serves
//! later sign-ins, after a sign-out or an ended session.

use wasm_bindgen::JsCast;

/// The promise settled once someone has signed in through the static form,
/// when the script showed it (a person with no session).
fn form_promise() -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let login = js_sys::Reflect::get(&window, &"velaLogin".into()).ok()?;
    js_sys::Reflect::get(&login, &"signedIn".into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Runs `then` once the person starts using the static form (a key, a
/// pointer, a value typed or filled in), or at once when there is no form
/// to fill in. What it starts (the opening page's piece) would otherwise
/// compete with the form's own first paint and keep the network busy for
/// someone who only looks.
pub fn when_used(then: impl FnOnce() + 'static) {
    let root = form_promise().and_then(|_| {
        web_sys::window()?
            .document()?
            .get_element_by_id("static-login")
    });
    let Some(root) = root else {
        then();
        return;
    };
    let then = std::cell::Cell::new(Some(then));
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(then) = then.take() {
            then();
        }
    });
    for event in ["keydown", "pointerdown", "input"] {
        let _ = root.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    // Lives as long as the form: it goes with the page at sign-in.
    listener.forget();
}

/// Waits until someone has signed in through the static form, when the
/// script showed it (a person with no session); returns at once otherwise.
pub async fn signed_in() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(signed_in) = form_promise() else {
        return;
    };
    // Says the app is here and waiting (the browser tests look for it).
    if let Some(root) = window
        .document()
        .and_then(|d| d.get_element_by_id("static-login"))
    {
        let _ = root.set_attribute("data-app", "waiting");
    }
    let _ = wasm_bindgen_futures::JsFuture::from(signed_in).await;
}

/// Removes the static form (before the app mounts, so no landmark or id is
/// ever on the page twice).
pub fn remove() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("static-login"))
    {
        root.remove();
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Locale;

    /// `key: ['Italian', 'English'],` lines of login.js, unescaped.
    fn script_texts() -> Vec<(String, String, String)> {
        let source = include_str!("../login.js");
        let block = source
            .split("const TEXTS = {")
            .nth(1)
            .and_then(|rest| rest.split("\n};").next())
            .expect("login.js has its TEXTS table");
        block
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| {
                let (key, rest) = line.split_once(": [").expect(line);
                let strings = js_strings(rest);
                assert_eq!(strings.len(), 2, "{line}");
                (key.to_string(), strings[0].clone(), strings[1].clone())
            })
            .collect()
    }

    /// The quoted strings ('…' or "…") of one line.
    fn js_strings(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\'' || c == '"' {
                let mut s = String::new();
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                    s.push(d);
                }
                out.push(s);
            }
        }
        out
    }

    fn app_text(locale: Locale, key: &str) -> String {
        let t = locale.texts();
        let text = match key {
            "app_title" => t.app_title,
            "tagline" => t.tagline,
            "skip_to_content" => t.skip_to_content,
            "language_label" => t.language_label,
            "loading" => t.loading,
            "demo_notice" => t.demo_notice,
            "slim_default" => t.frame.slim_default,
            "role_employee" => t.role_employee,
            "role_lead" => t.role_lead,
            "role_trainer" => t.role_trainer,
            "login_title" => t.login_title,
            "login_intro" => t.login_intro,
            "login_username" => t.login_username,
            "login_password" => t.login_password,
            "login_submit" => t.login_submit,
            "login_submitting" => t.login_submitting,
            "login_error_credentials" => t.login_error_credentials,
            "login_error_rate_limited" => t.login_error_rate_limited,
            "login_error_offline" => t.login_error_offline,
            "login_error_missing" => t.login_error_missing,
            "login_error_generic" => t.login_error_generic,
            "login_demo_title" => t.login_demo_title,
            "login_demo_hint" => t.login_demo_hint,
            "login_demo_partner" => t.login_demo_partner,
            "login_demo_partner_lead" => t.login_demo_partner_lead,
            "login_demo_partner_admin" => t.login_demo_partner_admin,
            "login_demo_admin" => t.login_demo_admin,
            "login_sso" => t.login_sso,
            "login_sso_or" => t.login_sso_or,
            "login_sso_provider_unavailable" => t.login_sso_provider_unavailable,
            "login_sso_refused" => t.login_sso_refused,
            "login_sso_invalid_state" => t.login_sso_invalid_state,
            "login_sso_invalid_token" => t.login_sso_invalid_token,
            "login_sso_unknown_person" => t.login_sso_unknown_person,
            "login_sso_missing_claim" => t.login_sso_missing_claim,
            "login_sso_no_role" => t.login_sso_no_role,
            "footer_label" => t.frame.footer_label,
            "footer_about" => t.frame.footer_about,
            "accessibility" => t.frame.accessibility,
            "privacy" => t.frame.privacy,
            "legal" => t.frame.legal,
            other => panic!("login.js names {other}, which the test does not know"),
        };
        text.to_string()
    }

    #[test]
    fn the_static_form_says_what_the_app_says() {
        let texts = script_texts();
        assert!(texts.len() >= 30, "{} texts", texts.len());
        for (key, it, en) in texts {
            assert_eq!(it, app_text(Locale::It, &key), "{key} in Italian");
            assert_eq!(en, app_text(Locale::En, &key), "{key} in English");
        }
    }
}
