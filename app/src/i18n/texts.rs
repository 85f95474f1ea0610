/// Every user-visible string of the app, in one language.
pub struct Texts {
    /// The language these are in; the areas' own texts are found by it.
    pub locale: super::Locale,
    /// Document title.
    pub app_title: &'static str,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,

    pub nav_label: &'static str,
    pub nav_calendar: &'static str,
    pub nav_team: &'static str,
    pub nav_approvals: &'static str,
    pub nav_objectives: &'static str,
    pub nav_webinars: &'static str,
    pub nav_training_admin: &'static str,
    pub nav_administration: &'static str,
    pub nav_absences: &'static str,
    pub nav_monitoring: &'static str,
    /// The bell's name with the number of unread notifications.
    pub bell_label: fn(usize) -> String,
    /// What a screen reader hears when that number changes.
    pub bell_announce: fn(usize) -> String,

    pub language_label: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_back: &'static str,

    pub loading: &'static str,
    pub logout: &'static str,
    /// "Signed in as {name}".
    pub signed_in_as: fn(&str) -> String,

    pub role_employee: &'static str,
    pub role_lead: &'static str,
    pub role_trainer: &'static str,
    pub role_admin: &'static str,
    pub role_partnership_admin: &'static str,

    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub login_username: &'static str,
    pub login_password: &'static str,
    pub login_submit: &'static str,
    pub login_submitting: &'static str,
    pub login_error_credentials: &'static str,
    pub login_error_rate_limited: &'static str,
    pub login_error_offline: &'static str,
    pub login_error_missing: &'static str,
    pub login_error_generic: &'static str,
    pub login_demo_title: &'static str,
    pub login_demo_hint: &'static str,
    pub login_demo_use: fn(&str) -> String,
    /// The partnership's second administration's demo employee.
    pub login_demo_partner: &'static str,
    /// Its lead and trainer.
    pub login_demo_partner_lead: &'static str,
    /// Its administrator.
    pub login_demo_partner_admin: &'static str,
    /// The first administration's administrator, also the partnership's.
    pub login_demo_admin: &'static str,
    /// The single sign-on button naming the deployment's provider ("Accedi con MyID").
    pub login_sso_with: fn(&str) -> String,
    /// The button when the deployment names no provider.
    pub login_sso: &'static str,
    /// Between the single sign-on button and the password form.
    pub login_sso_or: &'static str,
    /// Why single sign-on failed, by the callback's `sso_error` code.
    pub login_sso_provider_unavailable: &'static str,
    pub login_sso_refused: &'static str,
    pub login_sso_invalid_state: &'static str,
    pub login_sso_invalid_token: &'static str,
    pub login_sso_unknown_person: &'static str,
    pub login_sso_missing_claim: &'static str,
    pub login_sso_no_role: &'static str,
    /// The notice on every page of a demo deployment.
    pub demo_notice: &'static str,

    pub sync_label: &'static str,
    pub sync_online: &'static str,
    pub sync_offline: &'static str,
    /// "{n} changes waiting".
    pub sync_waiting: fn(usize) -> String,
    /// "last synced {time}".
    pub sync_last: fn(&str) -> String,
    pub sync_never: &'static str,
    pub sync_error: fn(&str) -> String,
    pub refused_title: &'static str,
    pub refused_dismiss: &'static str,
    /// Why the rules refused a change.
    pub rejection: fn(&vela_domain::Rejection) -> String,

    pub sync: super::sync::SyncTexts,
    pub calendar: super::calendar::CalendarTexts,
    pub home: super::home::HomeTexts,
    pub agreement: super::agreement::AgreementTexts,
    pub offline: super::offline::OfflineTexts,
    pub lists: super::lists::ListTexts,
    pub frame: super::frame::FrameTexts,
}

/// The texts of the areas that are downloaded when first visited (see
/// `crate::areas`): each area keeps its own, reached through these.
impl Texts {
    pub fn admin(&self) -> &'static super::admin::AdminTexts {
        super::admin::texts(self.locale)
    }

    pub fn monitoring(&self) -> &'static super::monitoring::MonitoringTexts {
        super::monitoring::texts(self.locale)
    }

    pub fn certificates(&self) -> &'static super::certificates::CertificatesTexts {
        super::certificates::texts(self.locale)
    }

    pub fn export(&self) -> &'static super::export::ExportTexts {
        super::export::texts(self.locale)
    }

    pub fn audit(&self) -> &'static super::audit::AuditTexts {
        super::audit::texts(self.locale)
    }

    pub fn people_import(&self) -> &'static super::people_import::ImportTexts {
        super::people_import::texts(self.locale)
    }

    pub fn absences_import(&self) -> &'static super::absences_import::AbsenceImportTexts {
        super::absences_import::texts(self.locale)
    }

    pub fn team(&self) -> &'static super::team::TeamTexts {
        super::team::texts(self.locale)
    }

    pub fn objectives(&self) -> &'static super::objectives::ObjectivesTexts {
        super::objectives::texts(self.locale)
    }

    pub fn webinars(&self) -> &'static super::webinars::WebinarsTexts {
        super::webinars::texts(self.locale)
    }

    pub fn notifications(&self) -> &'static super::notifications::NotificationsTexts {
        super::notifications::texts(self.locale)
    }

    pub fn absences(&self) -> &'static super::absences::AbsencesTexts {
        super::absences::texts(self.locale)
    }
}
