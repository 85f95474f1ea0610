//! Texts of the webinar and training pages, and the sentences for every
//! webinar rejection, in Italian and English.

use vela_domain::calendar::rome_date;
use vela_domain::webinars::{RegistrationStatus, Rejection as Web};

use super::Locale;
use crate::format::{long_date, time_of_day};

/// The webinar, "my training" and trainer pages.
pub struct WebinarsTexts {
    pub tabs_label: &'static str,
    pub tab_catalogue: &'static str,
    pub tab_mine: &'static str,
    pub public_page: &'static str,
    pub list_intro: &'static str,
    pub filters_legend: &'static str,
    pub filter_path: &'static str,
    pub filter_all_paths: &'static str,
    pub filter_from: &'static str,
    pub filter_free: &'static str,
    pub filter_reset: &'static str,
    pub list_empty: &'static str,
    pub list_empty_filtered: &'static str,
    /// "{n} webinars".
    pub list_count: fn(usize) -> String,
    /// "{date}, {start}–{end}".
    pub when: fn(&str, &str, &str) -> String,
    pub trainers: &'static str,
    /// "{free} free seats of {capacity}".
    pub seats_free: fn(u32, u32) -> String,
    /// A session that has ended, for its trainers: "{n} took part".
    pub seats_attended: fn(usize) -> String,
    /// A session that has ended, for everyone else.
    pub seats_ended: &'static str,
    /// "Full · waitlist: {n}".
    pub seats_full: fn(u32) -> String,
    pub status_registered: &'static str,
    /// "On the waitlist, position {n}".
    pub status_waitlisted: fn(u32) -> String,
    pub status_session_cancelled: &'static str,
    pub status_registration_cancelled: &'static str,
    pub status_live: &'static str,
    pub status_past: &'static str,
    pub back_to_list: &'static str,
    pub materials: &'static str,
    pub register: &'static str,
    pub register_waitlist: &'static str,
    pub registered_notice: &'static str,
    /// Waitlisted at position {n}.
    pub waitlisted_notice: fn(u32) -> String,
    pub cancelled_notice: &'static str,
    pub cancel_registration: &'static str,
    pub cancel_registration_question: &'static str,
    pub cancel_registration_confirm: &'static str,
    pub keep: &'static str,
    pub registration_cancelled_done: &'static str,
    pub join: &'static str,
    pub new_tab: &'static str,
    /// The link opens at {time}.
    pub join_opens_at: fn(&str) -> String,
    /// The link is open until {time}.
    pub join_open_until: fn(&str) -> String,
    pub join_closed: &'static str,
    pub add_to_calendar: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    /// "You got a seat: {title}".
    pub promoted: fn(&str) -> String,
    pub dismiss: &'static str,
    pub feedback_heading: &'static str,
    pub feedback_legend: &'static str,
    /// Label of rating `n` (1–5).
    pub feedback_rating: fn(u8) -> String,
    pub feedback_comment: &'static str,
    pub feedback_submit: &'static str,
    pub feedback_saved: &'static str,
    pub mine_intro: &'static str,
    /// "Training hours: {h}".
    pub mine_total: fn(&str) -> String,
    pub mine_attended: &'static str,
    pub mine_attended_empty: &'static str,
    pub mine_upcoming: &'static str,
    pub mine_upcoming_empty: &'static str,
    pub col_session: &'static str,
    pub col_date: &'static str,
    pub col_duration: &'static str,
    pub col_status: &'static str,
    pub col_seats: &'static str,
    pub col_name: &'static str,
    pub col_team: &'static str,
    pub col_position: &'static str,
    pub col_present: &'static str,
    pub col_rating: &'static str,
    pub col_actions: &'static str,
    // Trainer pages.
    pub admin_intro: &'static str,
    pub new_session: &'static str,
    pub my_sessions: &'static str,
    pub all_sessions: &'static str,
    pub sessions_empty: &'static str,
    pub manage: &'static str,
    /// "Manage: {title}".
    pub manage_named: fn(&str) -> String,
    pub edit: &'static str,
    pub paths: &'static str,
    pub new_path: &'static str,
    pub paths_empty: &'static str,
    /// "{n} sessions".
    pub path_sessions: fn(usize) -> String,
    /// "Edit: {title}".
    pub edit_named: fn(&str) -> String,
    pub form_new: &'static str,
    pub form_edit: &'static str,
    pub f_title: &'static str,
    pub f_description: &'static str,
    pub f_trainers: &'static str,
    pub f_when: &'static str,
    pub f_date: &'static str,
    pub f_start: &'static str,
    pub f_end: &'static str,
    /// Said when the end time is on the day after the start.
    pub f_ends_next_day: &'static str,
    pub f_rome_time: &'static str,
    pub f_capacity: &'static str,
    pub f_link: &'static str,
    pub f_audience: &'static str,
    pub f_audience_org: &'static str,
    pub f_audience_partnership: &'static str,
    pub f_audience_teams: &'static str,
    /// Who a session is for, on its card and page.
    pub audience_label: &'static str,
    pub audience_partnership: &'static str,
    /// "Only {organisation}".
    pub audience_org: fn(&str) -> String,
    /// "Only these teams: {names}".
    pub audience_teams: fn(&str) -> String,
    /// "Offered by {organisation}" (a partnership session of another administration).
    pub offered_by: fn(&str) -> String,
    pub f_materials: &'static str,
    /// "Title of material {n}".
    pub f_material_title: fn(usize) -> String,
    /// "Address of material {n}".
    pub f_material_url: fn(usize) -> String,
    /// "Remove material {n}".
    pub f_material_remove: fn(usize) -> String,
    pub f_add_material: &'static str,
    pub f_invalid_datetime: &'static str,
    pub f_invalid_capacity: &'static str,
    pub save: &'static str,
    pub back: &'static str,
    pub registrations: &'static str,
    pub registrations_empty: &'static str,
    /// Attendance is recorded from {when}.
    pub attendance_from: fn(&str) -> String,
    /// "Present: {name}".
    pub present_named: fn(&str) -> String,
    pub other_present: &'static str,
    pub choose_person: &'static str,
    pub mark_present: &'static str,
    pub reg_registered: &'static str,
    pub reg_waitlisted: &'static str,
    pub reg_cancelled: &'static str,
    pub reg_none: &'static str,
    pub feedback_figures: &'static str,
    /// "Average {avg} out of 5 ({n} ratings)".
    pub feedback_average: fn(&str, u32) -> String,
    pub feedback_none: &'static str,
    pub comments: &'static str,
    pub export_csv: &'static str,
    pub cancel_session: &'static str,
    pub cancel_session_question: &'static str,
    pub cancel_session_confirm: &'static str,
    pub path_new: &'static str,
    pub path_edit: &'static str,
    pub p_sessions: &'static str,
    pub p_sessions_empty: &'static str,
    pub p_add: &'static str,
    pub p_add_button: &'static str,
    /// "Move up: {title}".
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub remove_named: fn(&str) -> String,
    pub path_label: &'static str,
}

fn when_it(date: &str, start: &str, end: &str) -> String {
    format!("{date}, {start}–{end}")
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static WebinarsTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: WebinarsTexts = WebinarsTexts {
    tabs_label: "Sezioni della formazione",
    tab_catalogue: "Catalogo",
    tab_mine: "La mia formazione",
    public_page: "Pagina per i partecipanti",
    list_intro: "I webinar in programma aperti a te. Iscriviti per avere un posto: quando è tutto esaurito entri in lista d'attesa e ottieni il posto automaticamente se si libera.",
    filters_legend: "Filtra i webinar",
    filter_path: "Percorso formativo",
    filter_all_paths: "Tutti i percorsi",
    filter_from: "Dal giorno",
    filter_free: "Solo con posti liberi",
    filter_reset: "Azzera i filtri",
    list_empty: "Non ci sono webinar in programma per te. Torna a controllare più avanti: i nuovi webinar compaiono qui.",
    list_empty_filtered: "Nessun webinar corrisponde ai filtri: prova ad azzerarli.",
    list_count: |n| if n == 1 { "1 webinar".into() } else { format!("{n} webinar") },
    when: when_it,
    trainers: "Formatori",
    seats_free: |free, capacity| {
        if free == 1 {
            format!("1 posto libero su {capacity}")
        } else {
            format!("{free} posti liberi su {capacity}")
        }
    },
    seats_full: |n| format!("Completo · in lista d'attesa: {n}"),
    seats_attended: |n| {
        if n == 1 {
            "Concluso · 1 partecipante".to_string()
        } else {
            format!("Concluso · {n} partecipanti")
        }
    },
    seats_ended: "Concluso",
    status_registered: "Iscrizione confermata",
    status_waitlisted: |n| format!("In lista d'attesa, posizione {n}"),
    status_session_cancelled: "Annullato",
    status_registration_cancelled: "Iscrizione annullata",
    status_live: "In corso",
    status_past: "Concluso",
    back_to_list: "Torna al catalogo",
    materials: "Materiali",
    register: "Iscriviti",
    register_waitlist: "Iscriviti alla lista d'attesa",
    registered_notice: "Sei iscritta o iscritto: hai un posto.",
    waitlisted_notice: |n| format!("Il webinar è completo: sei in lista d'attesa, posizione {n}. Se si libera un posto lo ottieni automaticamente."),
    cancelled_notice: "Questo webinar è stato annullato.",
    cancel_registration: "Annulla l'iscrizione",
    cancel_registration_question: "Vuoi davvero annullare l'iscrizione? Il posto andrà alla prima persona in lista d'attesa.",
    cancel_registration_confirm: "Sì, annulla l'iscrizione",
    keep: "No, torna indietro",
    registration_cancelled_done: "Iscrizione annullata.",
    join: "Partecipa",
    new_tab: "(si apre in una nuova scheda)",
    join_opens_at: |time| format!("Il pulsante «Partecipa» si attiva alle {time}, 15 minuti prima dell'inizio."),
    join_open_until: |time| format!("Il collegamento è aperto fino alle {time}."),
    join_closed: "Il webinar è concluso.",
    add_to_calendar: "Aggiungi al calendario",
    not_found_title: "Webinar non trovato",
    not_found_text: "Questo webinar non esiste o non è aperto a te.",
    promoted: |title| format!("Hai ottenuto un posto: «{title}». Si è liberato un posto e la tua iscrizione è confermata."),
    dismiss: "Ho capito",
    feedback_heading: "La tua valutazione",
    feedback_legend: "Quanto ti è stato utile? Da 1 (poco) a 5 (molto)",
    feedback_rating: |n| n.to_string(),
    feedback_comment: "Commento (facoltativo)",
    feedback_submit: "Invia la valutazione",
    feedback_saved: "Grazie: la tua valutazione è registrata.",
    mine_intro: "I webinar che hai frequentato, con le ore di formazione, e le tue prossime iscrizioni.",
    mine_total: |h| format!("Ore di formazione: {h}"),
    mine_attended: "Webinar frequentati",
    mine_attended_empty: "Non risultano ancora webinar frequentati: iscriviti a un webinar dal catalogo.",
    mine_upcoming: "Le mie prossime iscrizioni",
    mine_upcoming_empty: "Nessuna iscrizione in programma.",
    col_session: "Webinar",
    col_date: "Data",
    col_duration: "Durata",
    col_status: "Stato",
    col_seats: "Posti",
    col_name: "Nome",
    col_team: "Struttura",
    col_position: "Posizione",
    col_present: "Presente",
    col_rating: "Valutazione",
    col_actions: "Azioni",
    admin_intro: "Crea e gestisci i webinar che tieni, le iscrizioni, le presenze e i percorsi formativi.",
    new_session: "Nuovo webinar",
    my_sessions: "I webinar che tieni",
    all_sessions: "Tutti i webinar",
    sessions_empty: "Non tieni ancora nessun webinar: creane uno con «Nuovo webinar».",
    manage: "Gestisci",
    manage_named: |title| format!("Gestisci: {title}"),
    edit: "Modifica",
    paths: "Percorsi formativi",
    new_path: "Nuovo percorso",
    paths_empty: "Nessun percorso formativo: raggruppa più webinar con «Nuovo percorso».",
    path_sessions: |n| if n == 1 { "1 incontro".into() } else { format!("{n} incontri") },
    edit_named: |title| format!("Modifica: {title}"),
    form_new: "Nuovo webinar",
    form_edit: "Modifica webinar",
    f_title: "Titolo",
    f_description: "Descrizione",
    f_trainers: "Formatori",
    f_when: "Quando",
    f_date: "Data",
    f_start: "Ora di inizio",
    f_end: "Ora di fine",
    f_ends_next_day: "Termina il giorno dopo.",
    f_rome_time: "Orari di Roma (ora italiana).",
    f_capacity: "Posti disponibili",
    f_link: "Link della videoconferenza (https://…)",
    f_audience: "Destinatari",
    f_audience_org: "La mia amministrazione",
    f_audience_partnership: "Tutto il partenariato",
    f_audience_teams: "Team scelti",
    audience_label: "Destinatari",
    audience_partnership: "Aperto a tutto il partenariato",
    audience_org: |org| format!("Riservato a: {org}"),
    audience_teams: |teams| format!("Riservato alle strutture: {teams}"),
    offered_by: |org| format!("Offerto da: {org}"),
    f_materials: "Materiali",
    f_material_title: |n| format!("Titolo del materiale {n}"),
    f_material_url: |n| format!("Indirizzo del materiale {n}"),
    f_material_remove: |n| format!("Rimuovi il materiale {n}"),
    f_add_material: "Aggiungi un materiale",
    f_invalid_datetime: "Inserisci una data e orari validi.",
    f_invalid_capacity: "Inserisci il numero di posti (un numero intero).",
    save: "Salva",
    back: "Torna alla gestione formazione",
    registrations: "Iscrizioni e lista d'attesa",
    registrations_empty: "Nessuna iscrizione per ora.",
    attendance_from: |when| format!("Le presenze si registrano dall'inizio del webinar ({when})."),
    present_named: |name| format!("Presente: {name}"),
    other_present: "Un'altra persona presente",
    choose_person: "Scegli una persona",
    mark_present: "Segna presente",
    reg_registered: "iscritto/a",
    reg_waitlisted: "in lista d'attesa",
    reg_cancelled: "iscrizione annullata",
    reg_none: "senza iscrizione",
    feedback_figures: "Valutazioni",
    feedback_average: |avg, n| {
        if n == 1 {
            format!("Media {avg} su 5 (1 valutazione)")
        } else {
            format!("Media {avg} su 5 ({n} valutazioni)")
        }
    },
    feedback_none: "Nessuna valutazione per ora.",
    comments: "Commenti",
    export_csv: "Esporta i partecipanti (CSV)",
    cancel_session: "Annulla il webinar",
    cancel_session_question: "Annullare il webinar? Le persone iscritte lo vedranno annullato.",
    cancel_session_confirm: "Sì, annulla il webinar",
    path_new: "Nuovo percorso formativo",
    path_edit: "Modifica percorso formativo",
    p_sessions: "Incontri, nell'ordine in cui seguirli",
    p_sessions_empty: "Nessun incontro: aggiungine almeno uno.",
    p_add: "Incontro da aggiungere",
    p_add_button: "Aggiungi",
    move_up: |t| format!("Sposta su: {t}"),
    move_down: |t| format!("Sposta giù: {t}"),
    remove_named: |t| format!("Togli: {t}"),
    path_label: "Percorso",
};

static EN: WebinarsTexts = WebinarsTexts {
    tabs_label: "Training sections",
    tab_catalogue: "Catalogue",
    tab_mine: "My training",
    public_page: "Participants' page",
    list_intro: "Upcoming webinars open to you. Register to get a seat: when a session is full you join the waitlist and get a seat automatically when one frees up.",
    filters_legend: "Filter webinars",
    filter_path: "Training path",
    filter_all_paths: "All paths",
    filter_from: "From",
    filter_free: "Only with free seats",
    filter_reset: "Clear filters",
    list_empty: "There are no upcoming webinars for you. Check again later: new webinars appear here.",
    list_empty_filtered: "No webinar matches the filters: try clearing them.",
    list_count: |n| if n == 1 { "1 webinar".into() } else { format!("{n} webinars") },
    when: when_it,
    trainers: "Trainers",
    seats_free: |free, capacity| {
        if free == 1 {
            format!("1 free seat of {capacity}")
        } else {
            format!("{free} free seats of {capacity}")
        }
    },
    seats_full: |n| format!("Full · waitlist: {n}"),
    seats_attended: |n| {
        if n == 1 {
            "Ended · 1 took part".to_string()
        } else {
            format!("Ended · {n} took part")
        }
    },
    seats_ended: "Ended",
    status_registered: "Registered",
    status_waitlisted: |n| format!("On the waitlist, position {n}"),
    status_session_cancelled: "Cancelled",
    status_registration_cancelled: "Registration cancelled",
    status_live: "Live now",
    status_past: "Ended",
    back_to_list: "Back to the catalogue",
    materials: "Materials",
    register: "Register",
    register_waitlist: "Join the waitlist",
    registered_notice: "You are registered: you have a seat.",
    waitlisted_notice: |n| format!("The webinar is full: you are on the waitlist, position {n}. If a seat frees up, you get it automatically."),
    cancelled_notice: "This webinar was cancelled.",
    cancel_registration: "Cancel registration",
    cancel_registration_question: "Do you really want to cancel your registration? Your seat goes to the first person on the waitlist.",
    cancel_registration_confirm: "Yes, cancel my registration",
    keep: "No, go back",
    registration_cancelled_done: "Registration cancelled.",
    join: "Join",
    new_tab: "(opens in a new tab)",
    join_opens_at: |time| format!("The Join button turns on at {time}, 15 minutes before the start."),
    join_open_until: |time| format!("The link is open until {time}."),
    join_closed: "The webinar has ended.",
    add_to_calendar: "Add to calendar",
    not_found_title: "Webinar not found",
    not_found_text: "This webinar does not exist or is not open to you.",
    promoted: |title| format!("You got a seat: “{title}”. A seat freed up and your registration is confirmed."),
    dismiss: "Got it",
    feedback_heading: "Your feedback",
    feedback_legend: "How useful was it? From 1 (little) to 5 (very)",
    feedback_rating: |n| n.to_string(),
    feedback_comment: "Comment (optional)",
    feedback_submit: "Send feedback",
    feedback_saved: "Thank you: your feedback is recorded.",
    mine_intro: "The webinars you attended, with your training hours, and your next registrations.",
    mine_total: |h| format!("Training hours: {h}"),
    mine_attended: "Webinars attended",
    mine_attended_empty: "No webinars attended yet: register for one from the catalogue.",
    mine_upcoming: "My next registrations",
    mine_upcoming_empty: "No upcoming registrations.",
    col_session: "Webinar",
    col_date: "Date",
    col_duration: "Length",
    col_status: "Status",
    col_seats: "Seats",
    col_name: "Name",
    col_team: "Team",
    col_position: "Position",
    col_present: "Present",
    col_rating: "Rating",
    col_actions: "Actions",
    admin_intro: "Create and manage the webinars you give, registrations, attendance and training paths.",
    new_session: "New webinar",
    my_sessions: "Webinars you give",
    all_sessions: "All webinars",
    sessions_empty: "You give no webinars yet: create one with “New webinar”.",
    manage: "Manage",
    manage_named: |title| format!("Manage: {title}"),
    edit: "Edit",
    paths: "Training paths",
    new_path: "New path",
    paths_empty: "No training paths: group webinars with “New path”.",
    path_sessions: |n| if n == 1 { "1 session".into() } else { format!("{n} sessions") },
    edit_named: |title| format!("Edit: {title}"),
    form_new: "New webinar",
    form_edit: "Edit webinar",
    f_title: "Title",
    f_description: "Description",
    f_trainers: "Trainers",
    f_when: "When",
    f_date: "Date",
    f_start: "Start time",
    f_end: "End time",
    f_ends_next_day: "Ends the next day.",
    f_rome_time: "Times in Rome (Italian time).",
    f_capacity: "Seats",
    f_link: "Videoconference link (https://…)",
    f_audience: "Audience",
    f_audience_org: "My administration",
    f_audience_partnership: "The whole partnership",
    f_audience_teams: "Chosen teams",
    audience_label: "Audience",
    audience_partnership: "Open to the whole partnership",
    audience_org: |org| format!("Only for: {org}"),
    audience_teams: |teams| format!("Only for these teams: {teams}"),
    offered_by: |org| format!("Offered by: {org}"),
    f_materials: "Materials",
    f_material_title: |n| format!("Title of material {n}"),
    f_material_url: |n| format!("Address of material {n}"),
    f_material_remove: |n| format!("Remove material {n}"),
    f_add_material: "Add a material",
    f_invalid_datetime: "Enter a valid date and times.",
    f_invalid_capacity: "Enter the number of seats (a whole number).",
    save: "Save",
    back: "Back to training management",
    registrations: "Registrations and waitlist",
    registrations_empty: "No registrations yet.",
    attendance_from: |when| format!("Attendance is recorded from the start of the webinar ({when})."),
    present_named: |name| format!("Present: {name}"),
    other_present: "Another person present",
    choose_person: "Choose a person",
    mark_present: "Mark present",
    reg_registered: "registered",
    reg_waitlisted: "waitlisted",
    reg_cancelled: "registration cancelled",
    reg_none: "not registered",
    feedback_figures: "Feedback",
    feedback_average: |avg, n| {
        if n == 1 {
            format!("Average {avg} out of 5 (1 rating)")
        } else {
            format!("Average {avg} out of 5 ({n} ratings)")
        }
    },
    feedback_none: "No feedback yet.",
    comments: "Comments",
    export_csv: "Export attendees (CSV)",
    cancel_session: "Cancel the webinar",
    cancel_session_question: "Cancel the webinar? Registered people will see it cancelled.",
    cancel_session_confirm: "Yes, cancel the webinar",
    path_new: "New training path",
    path_edit: "Edit training path",
    p_sessions: "Sessions, in the order to follow them",
    p_sessions_empty: "No sessions: add at least one.",
    p_add: "Session to add",
    p_add_button: "Add",
    move_up: |t| format!("Move up: {t}"),
    move_down: |t| format!("Move down: {t}"),
    remove_named: |t| format!("Remove: {t}"),
    path_label: "Path",
};

fn moment(at: chrono::DateTime<chrono::Utc>, locale: Locale, joiner: &str) -> String {
    format!(
        "{}{joiner}{}",
        long_date(rome_date(at), locale),
        time_of_day(at, locale)
    )
}

fn status_it(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Registered => "Sei già iscritta o iscritto a questo webinar.",
        RegistrationStatus::Waitlisted => "Sei già in lista d'attesa per questo webinar.",
        RegistrationStatus::Cancelled => "La tua iscrizione risulta annullata.",
    }
}

fn status_en(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Registered => "You are already registered for this webinar.",
        RegistrationStatus::Waitlisted => "You are already on the waitlist of this webinar.",
        RegistrationStatus::Cancelled => "Your registration is cancelled.",
    }
}

/// The Italian sentence for a webinar rejection.
pub fn rejection_it(rejection: &Web) -> String {
    let l = Locale::It;
    match rejection {
        Web::SessionCancelled => "Il webinar è stato annullato: non si può più modificare né iscriversi.".into(),
        Web::SessionStarted { start } => format!("Il webinar è già iniziato ({}): non si può più annullare.", moment(*start, l, " alle ")),
        Web::SessionTrainerWithoutRole { .. } => "Una delle persone indicate come formatori non ha il ruolo di formatore.".into(),
        Web::SessionNotAmongTrainers => "Devi essere tra i formatori del webinar che crei.".into(),
        Web::SessionJoinLinkInvalid => "Il link della videoconferenza deve essere un indirizzo https:// valido.".into(),
        Web::SessionMaterialLinkInvalid { index } => format!("L'indirizzo del materiale {} non è un indirizzo web (http:// o https://).", index + 1),
        Web::SessionCapacityBelowRegistered { capacity, registered } => format!("Ci sono già {registered} persone iscritte: i posti non possono scendere a {capacity}. Annulla prima qualche iscrizione."),
        Web::SessionTooLong { max_hours } => format!("Un webinar può durare al massimo {max_hours} ore: controlla gli orari."),
        Web::PathSessionCancelled => "Un percorso formativo non può comprendere un webinar annullato.".into(),
        Web::RegistrationClosed { start } => format!("Le iscrizioni sono chiuse: il webinar è iniziato {}.", moment(*start, l, " alle ")),
        Web::RegistrationOutsideAudience => "Questo webinar non è aperto alla tua struttura.".into(),
        Web::RegistrationExists { status } => status_it(*status).into(),
        Web::RegistrationByTrainer => "Tieni tu questo webinar: i formatori non si iscrivono.".into(),
        Web::AttendanceBeforeStart { start } => format!("Le presenze si registrano dall'inizio del webinar ({}).", moment(*start, l, " alle ")),
        Web::AttendanceOutsideAudience => "La persona non fa parte dei destinatari del webinar.".into(),
        Web::AttendanceOfTrainer => "Chi tiene il webinar non viene registrato tra i partecipanti.".into(),
        Web::FeedbackNotAttended => "Può lasciare una valutazione solo chi ha partecipato al webinar.".into(),
        Web::FeedbackRatingOutOfRange { min, max } => format!("Scegli una valutazione da {min} a {max}."),
    }
}

/// The English sentence for a webinar rejection.
pub fn rejection_en(rejection: &Web) -> String {
    let l = Locale::En;
    match rejection {
        Web::SessionCancelled => "The webinar was cancelled: it can no longer be changed or registered for.".into(),
        Web::SessionStarted { start } => format!("The webinar already started ({}): it can no longer be cancelled.", moment(*start, l, " at ")),
        Web::SessionTrainerWithoutRole { .. } => "One of the people chosen as trainers does not hold the trainer role.".into(),
        Web::SessionNotAmongTrainers => "You must be one of the trainers of the webinar you create.".into(),
        Web::SessionJoinLinkInvalid => "The videoconference link must be a valid https:// address.".into(),
        Web::SessionMaterialLinkInvalid { index } => format!("The address of material {} is not a web address (http:// or https://).", index + 1),
        Web::SessionCapacityBelowRegistered { capacity, registered } => format!("{registered} people are already registered: the seats cannot go down to {capacity}. Cancel some registrations first."),
        Web::SessionTooLong { max_hours } => format!("A webinar may last at most {max_hours} hours: check the times."),
        Web::PathSessionCancelled => "A training path cannot include a cancelled webinar.".into(),
        Web::RegistrationClosed { start } => format!("Registration is closed: the webinar started on {}.", moment(*start, l, " at ")),
        Web::RegistrationOutsideAudience => "This webinar is not open to your team.".into(),
        Web::RegistrationExists { status } => status_en(*status).into(),
        Web::RegistrationByTrainer => "You give this webinar: trainers do not register.".into(),
        Web::AttendanceBeforeStart { start } => format!("Attendance is recorded from the start of the webinar ({}).", moment(*start, l, " at ")),
        Web::AttendanceOutsideAudience => "The person is not in the webinar's audience.".into(),
        Web::AttendanceOfTrainer => "The people giving the webinar are not recorded as attendees.".into(),
        Web::FeedbackNotAttended => "Only people who attended the webinar can give feedback.".into(),
        Web::FeedbackRatingOutOfRange { min, max } => format!("Choose a rating from {min} to {max}."),
    }
}
