use super::Texts;

pub static TEXTS: Texts = Texts {
    app_title: "Vela — lavoro agile",
    app_name: "Vela",
    tagline: "Lavoro agile nella pubblica amministrazione",
    skip_to_content: "Vai al contenuto",

    nav_label: "Navigazione principale",
    nav_calendar: "Il mio calendario",
    nav_team: "Il mio team",
    nav_approvals: "Approvazioni",
    nav_objectives: "Obiettivi",
    nav_webinars: "Webinar",
    nav_training_admin: "Gestione formazione",
    nav_administration: "Amministrazione",

    language_label: "Lingua",

    home_title: "Benvenuta e benvenuto in Vela",
    home_intro: "Pianifica le giornate di lavoro agile nel rispetto del tuo accordo individuale, \
                 segui i tuoi obiettivi e partecipa ai webinar di formazione.",
    section_coming_soon: "Questa sezione è in preparazione.",

    not_found_title: "Pagina non trovata",
    not_found_text: "L'indirizzo richiesto non corrisponde a nessuna pagina di Vela.",
    not_found_back: "Torna alla pagina iniziale",
};
