use super::Texts;

pub static TEXTS: Texts = Texts {
    locale: super::Locale::It,
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
    nav_absences: "Assenze",
    nav_monitoring: "Monitoraggio",
    bell_label: |n| match n {
        0 => "Notifiche, nessuna da leggere".into(),
        1 => "Notifiche, 1 da leggere".into(),
        n => format!("Notifiche, {n} da leggere"),
    },
    bell_announce: |n| match n {
        0 => String::new(),
        1 => "Hai 1 notifica da leggere".into(),
        n => format!("Hai {n} notifiche da leggere"),
    },

    language_label: "Lingua",

    home_title: "Benvenuta e benvenuto in Vela",
    home_intro: "Pianifica le giornate di lavoro agile nel rispetto del tuo accordo individuale, \
                 segui i tuoi obiettivi e partecipa ai webinar di formazione.",

    not_found_title: "Pagina non trovata",
    not_found_text: "L'indirizzo richiesto non corrisponde a nessuna pagina di Vela.",
    not_found_back: "Torna alla pagina iniziale",

    loading: "Caricamento…",
    logout: "Esci",
    signed_in_as: |name| format!("Accesso eseguito come {name}"),

    role_employee: "Dipendente",
    role_lead: "Responsabile",
    role_trainer: "Formatore",
    role_admin: "Amministratore",
    role_partnership_admin: "Amministratore del partenariato",

    login_title: "Accedi a Vela",
    login_intro: "Usa le credenziali della tua amministrazione.",
    login_username: "Nome utente",
    login_password: "Password",
    login_submit: "Accedi",
    login_submitting: "Accesso in corso…",
    login_error_credentials: "Nome utente o password non corretti.",
    login_error_rate_limited: "Troppi tentativi non riusciti: riprova tra un minuto.",
    login_error_offline: "Il server non è raggiungibile: controlla la connessione e riprova.",
    login_error_missing: "Inserisci nome utente e password.",
    login_error_generic: "Accesso non riuscito: riprova più tardi.",
    login_demo_title: "Account dimostrativi",
    login_demo_hint: "La password di tutti gli account dimostrativi è vela-demo.",
    login_demo_use: |user| format!("Usa l'account {user}"),
    login_demo_partner: "Dipendente di un altro ente del partenariato (Comune di Rovereto)",
    login_demo_partner_lead: "Responsabile e formatore del Comune di Rovereto",
    login_demo_partner_admin: "Amministratore del Comune di Rovereto",
    login_demo_admin: "Amministratore della Provincia e del partenariato",
    login_sso_with: |name| format!("Accedi con {name}"),
    login_sso: "Accedi con l'account dell'ente",
    login_sso_or: "oppure con nome utente e password",
    login_sso_provider_unavailable: "Il servizio di accesso dell'ente non risponde: riprova tra qualche minuto.",
    login_sso_refused: "Il servizio di accesso dell'ente non ha concesso l'accesso.",
    login_sso_invalid_state: "L'accesso è scaduto o non è partito da questa pagina: riprova.",
    login_sso_invalid_token: "La risposta del servizio di accesso non è valida: riprova e, se si ripete, avvisa l'amministratore.",
    login_sso_unknown_person: "Il tuo account non corrisponde a nessuna persona attiva in Vela: chiedi all'amministratore di aggiungerti o riattivarti.",
    login_sso_missing_claim: "Il servizio di accesso non ha indicato chi sei: avvisa l'amministratore.",
    login_sso_no_role: "Il tuo account non ha alcun ruolo in Vela presso il servizio di accesso dell'ente: chiedi all'amministratore.",
    demo_notice: "Versione dimostrativa: dati di prova",

    sync_label: "Stato della sincronizzazione",
    sync_online: "In linea",
    sync_offline: "Non in linea",
    sync_waiting: |n| {
        if n == 1 {
            "1 modifica in attesa".to_string()
        } else {
            format!("{n} modifiche in attesa")
        }
    },
    sync_last: |time| format!("aggiornato alle {time}"),
    sync_never: "non ancora sincronizzato",
    sync_error: |message| format!("Errore di sincronizzazione: {message}"),
    refused_title: "Modifiche non accettate dal server",
    refused_dismiss: "Ho capito",
    rejection: super::rejections::it,

    sync: super::sync::IT,
    calendar: super::calendar::IT,
    home: super::home::IT,
    agreement: super::agreement::IT,
    offline: super::offline::IT,
    lists: super::lists::IT,
    frame: super::frame::IT,
};
