//! Strings of the home page: one card per kind of thing waiting for the
//! person, by role.

pub struct HomeTexts {
    pub week_title: &'static str,
    pub today: &'static str,
    pub office_only: fn(&str) -> String,
    pub approved: fn(&str) -> String,
    pub open_calendar: &'static str,

    pub requests_title: &'static str,
    pub requests_empty: &'static str,
    /// "{n} days waiting: {dates}"
    pub request_item: fn(usize, &str) -> String,

    pub activity_title: &'static str,
    /// "Write what you did on {date}"
    pub activity_item: fn(&str) -> String,

    pub objectives_title: &'static str,
    pub due_revise: &'static str,
    pub due_soon: fn(&str) -> String,
    pub due_over: fn(&str) -> String,

    pub webinars_title: &'static str,
    pub webinars_empty: &'static str,
    pub registered: &'static str,
    pub waitlisted: &'static str,
    pub browse_webinars: &'static str,

    pub decide_title: &'static str,
    pub decide_empty: &'static str,
    /// "{name}: {n} days ({dates})"
    pub decide_item: fn(&str, usize, &str) -> String,
    pub coverage_warning: fn(&str) -> String,

    pub agree_title: &'static str,
    pub review_title: &'static str,

    pub sessions_title: &'static str,
    pub sessions_empty: &'static str,
    /// "{registered} of {capacity} seats taken, {waitlisted} waiting"
    pub seats: fn(u32, u32, u32) -> String,

    pub month_title: &'static str,
    pub month_days: fn(u32, &str) -> String,
    pub month_staff: fn(u32, u32) -> String,
    pub month_co2: fn(&str) -> String,
    pub month_training: fn(u32) -> String,
    pub month_link: &'static str,

    pub ending_title: &'static str,
    pub ending_empty: &'static str,
    pub ending_item: fn(&str, &str) -> String,
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub const IT: HomeTexts = HomeTexts {
    week_title: "Questa settimana e la prossima",
    today: "oggi",
    office_only: |note| {
        if note.is_empty() {
            "Solo in ufficio".to_owned()
        } else {
            format!("Solo in ufficio: {note}")
        }
    },
    approved: |what| format!("Approvata: {what}"),
    open_calendar: "Apri il mio calendario",

    requests_title: "Richieste in attesa",
    requests_empty: "Nessuna richiesta in attesa di approvazione.",
    request_item: |n, dates| {
        format!(
            "{} in attesa: {dates}",
            plural(n as u64, "giornata", "giornate")
        )
    },

    activity_title: "Attività da annotare",
    activity_item: |date| format!("Annota cosa hai fatto {date}"),

    objectives_title: "Obiettivi che aspettano te",
    due_revise: "restituito dal responsabile: da rivedere",
    due_soon: |date| format!("termina {date}"),
    due_over: |date| format!("periodo concluso {date}"),

    webinars_title: "I tuoi prossimi webinar",
    webinars_empty: "Non sei iscritto a nessun webinar in programma.",
    registered: "iscritto",
    waitlisted: "in lista d'attesa",
    browse_webinars: "Vedi tutti i webinar",

    decide_title: "Richieste da decidere",
    decide_empty: "Nessuna richiesta aspetta la tua decisione.",
    decide_item: |name, n, dates| {
        format!(
            "{name}: {} ({dates})",
            plural(n as u64, "giornata", "giornate")
        )
    },
    coverage_warning: |dates| format!("Presenza in ufficio sotto il minimo se approvi: {dates}"),

    agree_title: "Obiettivi da concordare",
    review_title: "Obiettivi da valutare",

    sessions_title: "Le tue prossime sessioni",
    sessions_empty: "Nessuna sessione in programma.",
    seats: |registered, capacity, waitlisted| {
        format!(
            "{registered} posti occupati su {capacity}, {} in lista d'attesa",
            waitlisted
        )
    },

    month_title: "Questo mese",
    month_days: |days, share| {
        format!(
            "{} di lavoro agile approvate ({share} delle giornate lavorative)",
            plural(days, "giornata", "giornate")
        )
    },
    month_staff: |away, staff| format!("{away} persone su {staff} lavorano anche fuori sede"),
    month_co2: |kg| format!("{kg} kg di CO₂ evitati"),
    month_training: |minutes| {
        format!(
            "{} di formazione seguita",
            plural(minutes, "minuto", "minuti")
        )
    },
    month_link: "Vedi il monitoraggio completo",

    ending_title: "Accordi in scadenza",
    ending_empty: "Nessun accordo scade nelle prossime settimane.",
    ending_item: |name, date| format!("{name}: ultimo giorno {date}"),
};

pub const EN: HomeTexts = HomeTexts {
    week_title: "This week and next",
    today: "today",
    office_only: |note| {
        if note.is_empty() {
            "Office only".to_owned()
        } else {
            format!("Office only: {note}")
        }
    },
    approved: |what| format!("Approved: {what}"),
    open_calendar: "Open my calendar",

    requests_title: "Pending requests",
    requests_empty: "No requests waiting for approval.",
    request_item: |n, dates| format!("{} waiting: {dates}", plural(n as u64, "day", "days")),

    activity_title: "Activity to note",
    activity_item: |date| format!("Note what you did on {date}"),

    objectives_title: "Objectives waiting for you",
    due_revise: "sent back by your lead: to revise",
    due_soon: |date| format!("ends on {date}"),
    due_over: |date| format!("period ended on {date}"),

    webinars_title: "Your next webinars",
    webinars_empty: "You are not registered for any upcoming webinar.",
    registered: "registered",
    waitlisted: "on the waiting list",
    browse_webinars: "See all webinars",

    decide_title: "Requests to decide",
    decide_empty: "No request is waiting for your decision.",
    decide_item: |name, n, dates| format!("{name}: {} ({dates})", plural(n as u64, "day", "days")),
    coverage_warning: |dates| format!("Office presence below the minimum if you approve: {dates}"),

    agree_title: "Objectives to agree",
    review_title: "Objectives to review",

    sessions_title: "Your next sessions",
    sessions_empty: "No sessions scheduled.",
    seats: |registered, capacity, waitlisted| {
        format!("{registered} of {capacity} seats taken, {waitlisted} on the waiting list")
    },

    month_title: "This month",
    month_days: |days, share| {
        format!(
            "{} of agile work approved ({share} of working days)",
            plural(days, "day", "days")
        )
    },
    month_staff: |away, staff| format!("{away} of {staff} people also work away from the office"),
    month_co2: |kg| format!("{kg} kg of CO₂ avoided"),
    month_training: |minutes| {
        format!(
            "{} of training attended",
            plural(minutes, "minute", "minutes")
        )
    },
    month_link: "See the full monitoring",

    ending_title: "Agreements ending",
    ending_empty: "No agreement ends in the coming weeks.",
    ending_item: |name, date| format!("{name}: last day {date}"),
};
