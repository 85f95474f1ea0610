//! Translations: Italian (default) and English.
//!
//! Every user-visible string is a field of [`Texts`]; `it.rs` and `en.rs` each
//! fill the whole struct, so a string missing in one language is a compile
//! error, not a runtime fallback. Why not `leptos_i18n`: see ARCHITECTURE.md.

pub mod absences;
pub mod absences_import;
pub mod admin;
pub mod agreement;
pub mod audit;
pub mod calendar;
pub mod certificates;
mod en;
pub mod export;
pub mod frame;
pub mod home;
mod it;
pub mod italian;
pub mod lists;
pub mod monitoring;
pub mod notifications;
pub mod objectives;
pub mod offline;
pub mod people_import;
mod rejections;
pub mod sync;
pub mod team;
pub mod texts;
pub mod webinars;

use leptos::prelude::*;
pub use texts::Texts;

/// A string chosen before the language is known: resolved at render time.
pub type Text = fn(&Texts) -> &'static str;

use crate::storage;

/// Where the chosen language is remembered between visits.
const STORAGE_KEY: &str = "vela.locale";

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    It,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::It, Locale::En];

    /// BCP 47 code, used for `<html lang>` and for date formatting.
    pub fn code(self) -> &'static str {
        match self {
            Locale::It => "it",
            Locale::En => "en",
        }
    }

    /// The BCP 47 tag for the browser's `Intl` formats: Italian of Italy,
    /// and British English (day before month, 24-hour clock), which matches
    /// the British spelling of the English texts.
    pub fn intl(self) -> &'static str {
        match self {
            Locale::It => "it-IT",
            Locale::En => "en-GB",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, shown the same whatever the current language.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::It => "Italiano",
            Locale::En => "English",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::It => &it::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// Whether a language was chosen on this device (saved from an earlier
    /// visit, or a button pressed now): then the device's choice stands.
    chosen: StoredValue<bool>,
}

impl I18n {
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.chosen.set_value(true);
        self.locale.set(locale);
    }

    /// Speaks the signed-in person's own language, kept on their profile
    /// (`code` as `/api/me` gives it), on a device where no language was
    /// chosen yet: their choice follows them to a new device (and into their
    /// e-mails), while a choice made here — perhaps still waiting in the
    /// outbox to reach the profile — is never overturned.
    pub fn follow_profile(&self, code: Option<&str>) {
        if self.chosen.get_value() {
            return;
        }
        if let Some(locale) = code.and_then(Locale::from_code) {
            if self.locale.get_untracked() != locale {
                self.locale.set(locale);
            }
        }
    }

    /// The strings of the current language; reading them subscribes the caller.
    pub fn t(&self) -> &'static Texts {
        self.locale.get().texts()
    }
}

/// Creates the language context: the saved choice, else Italian. Keeps
/// `<html lang>`, the document title and the saved choice in step with it.
pub fn provide_i18n() -> I18n {
    let saved = storage::load::<String>(STORAGE_KEY).and_then(|code| Locale::from_code(&code));
    let i18n = I18n {
        locale: RwSignal::new(saved.unwrap_or(Locale::It)),
        chosen: StoredValue::new(saved.is_some()),
    };
    Effect::new(move |_| {
        let locale = i18n.locale();
        let document = document();
        if let Some(root) = document.document_element() {
            // Screen readers pick their voice from this attribute.
            let _ = root.set_attribute("lang", locale.code());
        }
        document.set_title(locale.texts().app_title);
        storage::save(STORAGE_KEY, &locale.code());
    });
    provide_context(i18n);
    i18n
}

/// The language context provided by [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
