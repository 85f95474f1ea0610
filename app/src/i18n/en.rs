use super::Texts;

pub static TEXTS: Texts = Texts {
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

    language_label: "Language",

    home_title: "Welcome to Vela",
    home_intro: "Plan your agile working days within your individual agreement, \
                 follow your objectives and join training webinars.",
    section_coming_soon: "This section is being built.",

    not_found_title: "Page not found",
    not_found_text: "The address you asked for is not a page of Vela.",
    not_found_back: "Back to the home page",
};
