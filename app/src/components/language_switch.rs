use leptos::prelude::*;

use crate::i18n::{use_i18n, Locale};

/// Two toggle buttons, one per language in its own words; the pressed one
/// is current.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch" role="group" aria-label=move || i18n.t().language_label>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="button"
                            lang=locale.code()
                            aria-pressed=move || (i18n.locale() == locale).to_string()
                            on:click=move |_| i18n.set_locale(locale)
                        >
                            // The name said is the name shown (WCAG 2.5.3).
                            {locale.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
