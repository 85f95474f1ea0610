use super::Texts;

pub static TEXTS: Texts = Texts {
    locale: super::Locale::En,
    app_title: "Vela — smart working",
    app_name: "Vela",
    tagline: "Smart working in public administration",
    skip_to_content: "Skip to content",

    nav_label: "Main navigation",
    nav_calendar: "My calendar",
    nav_team: "My team",
    nav_approvals: "Approvals",
    nav_objectives: "Objectives",
    nav_webinars: "Webinars",
    nav_training_admin: "Training admin",
    nav_administration: "Administration",
    nav_absences: "Absences",
    nav_monitoring: "Monitoring",
    bell_label: |n| match n {
        0 => "Notifications, none unread".into(),
        n => format!("Notifications, {n} unread"),
    },
    bell_announce: |n| match n {
        0 => String::new(),
        1 => "You have 1 unread notification".into(),
        n => format!("You have {n} unread notifications"),
    },

    language_label: "Language",

    home_title: "Welcome to Vela",
    home_intro: "Plan your agile working days within your individual agreement, \
                 follow your objectives and join training webinars.",

    not_found_title: "Page not found",
    not_found_text: "The address you asked for is not a page of Vela.",
    not_found_back: "Back to the home page",

    loading: "Loading…",
    logout: "Log out",
    signed_in_as: |name| format!("Signed in as {name}"),

    role_employee: "Employee",
    role_lead: "Team lead",
    role_trainer: "Trainer",
    role_admin: "Administrator",
    role_partnership_admin: "Partnership administrator",

    login_title: "Log in to Vela",
    login_intro: "Use the credentials of your administration.",
    login_username: "Username",
    login_password: "Password",
    login_submit: "Log in",
    login_submitting: "Logging in…",
    login_error_credentials: "Wrong username or password.",
    login_error_rate_limited: "Too many failed attempts: try again in a minute.",
    login_error_offline: "The server cannot be reached: check your connection and try again.",
    login_error_missing: "Enter your username and password.",
    login_error_generic: "Login failed: please try again later.",
    login_demo_title: "Demo accounts",
    login_demo_hint: "The password of every demo account is vela-demo.",
    login_demo_use: |user| format!("Use the account {user}"),
    login_demo_partner:
        "Employee of another administration of the partnership (Comune di Rovereto)",
    login_demo_partner_lead: "Lead and trainer of the Comune di Rovereto",
    login_demo_partner_admin: "Administrator of the Comune di Rovereto",
    login_demo_admin: "Administrator of the Provincia and of the partnership",
    login_sso_with: |name| format!("Sign in with {name}"),
    login_sso: "Sign in with your organisation's account",
    login_sso_or: "or with username and password",
    login_sso_provider_unavailable: "Your organisation's sign-in service does not answer: try again in a few minutes.",
    login_sso_refused: "Your organisation's sign-in service did not let you in.",
    login_sso_invalid_state: "The sign-in expired or did not start from this page: try again.",
    login_sso_invalid_token: "The sign-in service's answer is not valid: try again and, if it happens again, tell your administrator.",
    login_sso_unknown_person: "Your account matches no active person in Vela: ask your administrator to add or reactivate you.",
    login_sso_missing_claim: "The sign-in service did not say who you are: tell your administrator.",
    login_sso_no_role: "Your account has no Vela role at your organisation's sign-in service: ask your administrator.",
    demo_notice: "Demo version: sample data",

    sync_label: "Sync status",
    sync_online: "Online",
    sync_offline: "Offline",
    sync_waiting: |n| {
        if n == 1 {
            "1 change waiting".to_string()
        } else {
            format!("{n} changes waiting")
        }
    },
    sync_last: |time| format!("synced at {time}"),
    sync_never: "not synced yet",
    sync_error: |message| format!("Sync error: {message}"),
    refused_title: "Changes the server did not accept",
    refused_dismiss: "Dismiss",
    rejection: super::rejections::en,

    sync: super::sync::EN,
    calendar: super::calendar::EN,
    home: super::home::EN,
    agreement: super::agreement::EN,
    offline: super::offline::EN,
    lists: super::lists::EN,
    frame: super::frame::EN,
};
