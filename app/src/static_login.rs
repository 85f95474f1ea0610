//! The hand-over from the sign-in form of `index.html` (run by
//! `app/login.js` before the WebAssembly arrives) to the app's own login
//! page: what was typed, the message shown and where the cursor was.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::i18n::Text;

/// What the person left in the static form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Handover {
    pub username: String,
    pub password: String,
    /// The message shown (the `Texts` field name the script used).
    pub error: Option<String>,
    /// The field that had the focus, with its selection.
    pub focus: Option<(Field, u32, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Username,
    Password,
}

thread_local! {
    static HANDOVER: RefCell<Option<Handover>> = const { RefCell::new(None) };
}

/// Waits for a sign-in the static form has under way, so its outcome (a
/// session, or a message) is known before the app starts.
pub async fn settled() {
    let pending = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"velaLogin".into()).ok())
        .and_then(|login| js_sys::Reflect::get(&login, &"pending".into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(pending) = pending {
        let _ = wasm_bindgen_futures::JsFuture::from(pending).await;
    }
}

/// Removes the static form from the page (before the app mounts, so no
/// landmark or id is ever there twice) and keeps what it held for the
/// app's login page.
pub fn take() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("static-login") else {
        return;
    };
    let input = |id: &str| {
        document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let shown = !root.has_attribute("hidden");
    let (user, pass) = (input("static-username"), input("static-password"));
    if let (true, Some(user), Some(pass)) = (shown, user, pass) {
        let focused = document.active_element();
        let focus = [(Field::Username, &user), (Field::Password, &pass)]
            .into_iter()
            .find(|(_, el)| focused.as_ref() == Some(el.unchecked_ref::<web_sys::Element>()))
            .map(|(field, el)| {
                let start = el.selection_start().ok().flatten().unwrap_or(0);
                let end = el.selection_end().ok().flatten().unwrap_or(start);
                (field, start, end)
            });
        let error = root
            .query_selector("[data-error]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("data-error"))
            .filter(|key| !key.is_empty());
        let handover = Handover {
            username: user.value(),
            password: pass.value(),
            error,
            focus,
        };
        HANDOVER.with(|h| *h.borrow_mut() = Some(handover));
    }
    root.remove();
}

/// What the static form held, once: the first login page takes it.
pub fn handed_over() -> Option<Handover> {
    HANDOVER.with(|h| h.borrow_mut().take())
}

/// The app's sentence for a message the static form showed.
pub fn message(key: &str) -> Text {
    match key {
        "login_error_credentials" => |t| t.login_error_credentials,
        "login_error_rate_limited" => |t| t.login_error_rate_limited,
        "login_error_offline" => |t| t.login_error_offline,
        "login_error_missing" => |t| t.login_error_missing,
        _ => |t| t.login_error_generic,
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

    #[test]
    fn every_message_of_the_static_form_has_its_sentence() {
        for key in [
            "login_error_credentials",
            "login_error_rate_limited",
            "login_error_offline",
            "login_error_missing",
        ] {
            let it = Locale::It.texts();
            assert_eq!(super::message(key)(it), app_text(Locale::It, key));
        }
    }
}
