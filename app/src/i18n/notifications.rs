//! Strings of the notification bell, the notifications page and the mail
//! preferences of the profile page.

use vela_domain::notifications::{Delivery, Kind, Notification};

pub struct NotificationsTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub mark_read: &'static str,
    pub mark_all_read: &'static str,
    pub unread_badge: &'static str,
    /// One notification as a sentence; the second argument is its dates
    /// already formatted, the third its session's start.
    pub message: fn(&Notification, &str, &str) -> String,

    pub profile_title: &'static str,
    pub profile_intro: &'static str,
    pub nav_profile: &'static str,
    pub mail_legend: &'static str,
    pub col_kind: &'static str,
    pub col_delivery: &'static str,
    pub digest_hour: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub kind_label: fn(Kind) -> &'static str,
    pub delivery_label: fn(Delivery) -> &'static str,

    /// The administration page's line about the mail outbox.
    pub admin_mail_title: &'static str,
    pub admin_mail_off: &'static str,
    /// "{n} mails waiting, none failing".
    pub admin_mail_ok: fn(usize) -> String,
    /// "{n} mails waiting, {failing} not delivered: {error}".
    pub admin_mail_failing: fn(usize, usize, &str) -> String,
}

fn who(n: &Notification) -> &str {
    &n.title
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static NotificationsTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: NotificationsTexts = NotificationsTexts {
    title: "Notifiche",
    intro: "Le novità che ti riguardano, dalla più recente.",
    empty: "Nessuna notifica: qui compariranno richieste, decisioni, webinar e promemoria.",
    mark_read: "Segna come letta",
    mark_all_read: "Segna tutte come lette",
    unread_badge: "Da leggere",
    message: |n, dates, start| match n.kind {
        Kind::DaysRequested => format!("{} chiede giorni di lavoro agile: {dates}.", who(n)),
        Kind::DaysCancelled => format!("{} ha annullato giorni richiesti: {dates}.", who(n)),
        Kind::RequestPending => format!(
            "La richiesta di {} attende una decisione da più di tre giorni lavorativi: {dates}.",
            who(n)
        ),
        Kind::DaysApproved => format!("Giorni approvati: {dates}."),
        Kind::DaysApprovedUnderCoverage => format!(
            "Giorni approvati sotto la presenza minima in ufficio: {dates}. Nota: {}",
            n.note
        ),
        Kind::DaysRejected => format!("Giorni respinti: {dates}. Motivo: {}", n.note),
        Kind::DaysWithdrawn => format!("Un'assenza registrata ha ritirato i giorni: {dates}."),
        Kind::ActivityMissing => format!("Manca la nota delle attività del giorno {dates}."),
        Kind::ObjectiveProposed => format!("Obiettivo proposto per l'accordo: «{}».", n.title),
        Kind::ObjectiveAssigned => format!("Ti è stato assegnato l'obiettivo «{}».", n.title),
        Kind::ObjectiveAgreed => format!("Obiettivo concordato: «{}».", n.title),
        Kind::ObjectiveSentBack => {
            format!("Obiettivo «{}» rimandato da rivedere: {}", n.title, n.note)
        }
        Kind::ObjectiveReviewed => format!("Obiettivo «{}» valutato.", n.title),
        Kind::RegistrationConfirmed => format!("Iscrizione confermata: «{}», {start}.", n.title),
        Kind::Promoted => format!("Hai ottenuto un posto: «{}», {start}.", n.title),
        Kind::SessionChanged => format!("Webinar modificato: «{}», ora {start}.", n.title),
        Kind::SessionCancelled => format!("Webinar annullato: «{}».", n.title),
        Kind::WebinarTomorrow => format!("Promemoria: «{}» inizia {start}.", n.title),
        Kind::WebinarSoon => format!("«{}» inizia tra pochi minuti: {}", n.title, n.note),
        Kind::AgreementWithdrawn if n.person.is_some() => format!(
            "Recesso dall'accordo di {}: non si applica più {}.",
            who(n),
            super::italian::dal(dates)
        ),
        Kind::AgreementWithdrawn => format!(
            "Recesso dal tuo accordo: non si applica più {}.",
            super::italian::dal(dates)
        ),
        Kind::AgreementEnding if n.person.is_some() => {
            format!("L'accordo di {} scade il {dates}.", who(n))
        }
        Kind::AgreementEnding => format!("Il tuo accordo scade il {dates}."),
    },

    profile_title: "Profilo",
    profile_intro: "Scegli come ricevere le notifiche per e-mail. Nell'app le vedi sempre.",
    nav_profile: "Profilo",
    mail_legend: "Notifiche per e-mail",
    col_kind: "Notifica",
    col_delivery: "E-mail",
    digest_hour: "Ora del riepilogo giornaliero",
    save: "Salva le preferenze",
    saved: "Preferenze salvate.",
    kind_label: |k| match k {
        Kind::DaysRequested => "Richieste del mio team",
        Kind::DaysCancelled => "Richieste annullate dal mio team",
        Kind::RequestPending => "Richieste in attesa da giorni",
        Kind::DaysApproved => "Giorni approvati",
        Kind::DaysApprovedUnderCoverage => "Giorni approvati sotto la presenza minima",
        Kind::DaysRejected => "Giorni respinti",
        Kind::DaysWithdrawn => "Giorni ritirati da un'assenza",
        Kind::ActivityMissing => "Nota delle attività mancante",
        Kind::ObjectiveProposed => "Obiettivi proposti",
        Kind::ObjectiveAssigned => "Obiettivi assegnati",
        Kind::ObjectiveAgreed => "Obiettivi concordati",
        Kind::ObjectiveSentBack => "Obiettivi rimandati",
        Kind::ObjectiveReviewed => "Obiettivi valutati",
        Kind::RegistrationConfirmed => "Iscrizioni ai webinar",
        Kind::Promoted => "Posti ottenuti dalla lista d'attesa",
        Kind::SessionChanged => "Webinar modificati",
        Kind::SessionCancelled => "Webinar annullati",
        Kind::WebinarTomorrow => "Webinar di domani",
        Kind::WebinarSoon => "Webinar tra 15 minuti",
        Kind::AgreementWithdrawn => "Recesso dall'accordo",
        Kind::AgreementEnding => "Accordo in scadenza",
    },
    delivery_label: |d| match d {
        Delivery::Immediate => "Subito",
        Delivery::Digest => "Nel riepilogo giornaliero",
        Delivery::Never => "Mai",
    },

    admin_mail_title: "Notifiche per e-mail",
    admin_mail_off: "L'invio di e-mail non è configurato: le notifiche restano nell'app.",
    admin_mail_ok: |n| match n {
        0 => "Nessuna e-mail in attesa.".into(),
        1 => "1 e-mail in attesa di invio.".into(),
        n => format!("{n} e-mail in attesa di invio."),
    },
    admin_mail_failing: |n, failing, error| {
        format!("{n} e-mail in attesa, {failing} non consegnate finora. Ultimo errore: {error}")
    },
};

static EN: NotificationsTexts = NotificationsTexts {
    title: "Notifications",
    intro: "What concerns you, newest first.",
    empty: "No notifications: requests, decisions, webinars and reminders will appear here.",
    mark_read: "Mark as read",
    mark_all_read: "Mark all as read",
    unread_badge: "Unread",
    message: |n, dates, start| match n.kind {
        Kind::DaysRequested => format!("{} asks for agile days: {dates}.", who(n)),
        Kind::DaysCancelled => format!("{} cancelled requested days: {dates}.", who(n)),
        Kind::RequestPending => format!(
            "{}'s request has waited for a decision for more than three working days: {dates}.",
            who(n)
        ),
        Kind::DaysApproved => format!("Days approved: {dates}."),
        Kind::DaysApprovedUnderCoverage => format!(
            "Days approved below the minimum office presence: {dates}. Note: {}",
            n.note
        ),
        Kind::DaysRejected => format!("Days rejected: {dates}. Reason: {}", n.note),
        Kind::DaysWithdrawn => format!("A recorded absence withdrew the days: {dates}."),
        Kind::ActivityMissing => format!("The activity note of {dates} is missing."),
        Kind::ObjectiveProposed => format!("Objective proposed for agreement: “{}”.", n.title),
        Kind::ObjectiveAssigned => format!("You were assigned the objective “{}”.", n.title),
        Kind::ObjectiveAgreed => format!("Objective agreed: “{}”.", n.title),
        Kind::ObjectiveSentBack => {
            format!("Objective “{}” sent back for revision: {}", n.title, n.note)
        }
        Kind::ObjectiveReviewed => format!("Objective “{}” reviewed.", n.title),
        Kind::RegistrationConfirmed => format!("Registration confirmed: “{}”, {start}.", n.title),
        Kind::Promoted => format!("You got a seat: “{}”, {start}.", n.title),
        Kind::SessionChanged => format!("Webinar changed: “{}”, now {start}.", n.title),
        Kind::SessionCancelled => format!("Webinar cancelled: “{}”.", n.title),
        Kind::WebinarTomorrow => format!("Reminder: “{}” starts {start}.", n.title),
        Kind::WebinarSoon => format!("“{}” starts in a few minutes: {}", n.title, n.note),
        Kind::AgreementWithdrawn if n.person.is_some() => format!(
            "{}'s agreement was withdrawn: it stops applying on {dates}.",
            who(n)
        ),
        Kind::AgreementWithdrawn => {
            format!("Your agreement was withdrawn: it stops applying on {dates}.")
        }
        Kind::AgreementEnding if n.person.is_some() => {
            format!("{}'s agreement ends on {dates}.", who(n))
        }
        Kind::AgreementEnding => format!("Your agreement ends on {dates}."),
    },

    profile_title: "Profile",
    profile_intro: "Choose how notifications reach you by e-mail. In the app you always see them.",
    nav_profile: "Profile",
    mail_legend: "E-mail notifications",
    col_kind: "Notification",
    col_delivery: "E-mail",
    digest_hour: "Hour of the daily digest",
    save: "Save preferences",
    saved: "Preferences saved.",
    kind_label: |k| match k {
        Kind::DaysRequested => "Requests of my team",
        Kind::DaysCancelled => "Requests cancelled by my team",
        Kind::RequestPending => "Requests waiting for days",
        Kind::DaysApproved => "Days approved",
        Kind::DaysApprovedUnderCoverage => "Days approved below the minimum presence",
        Kind::DaysRejected => "Days rejected",
        Kind::DaysWithdrawn => "Days withdrawn by an absence",
        Kind::ActivityMissing => "Missing activity note",
        Kind::ObjectiveProposed => "Objectives proposed",
        Kind::ObjectiveAssigned => "Objectives assigned",
        Kind::ObjectiveAgreed => "Objectives agreed",
        Kind::ObjectiveSentBack => "Objectives sent back",
        Kind::ObjectiveReviewed => "Objectives reviewed",
        Kind::RegistrationConfirmed => "Webinar registrations",
        Kind::Promoted => "Seats from the waitlist",
        Kind::SessionChanged => "Webinars changed",
        Kind::SessionCancelled => "Webinars cancelled",
        Kind::WebinarTomorrow => "Webinars tomorrow",
        Kind::WebinarSoon => "Webinars in 15 minutes",
        Kind::AgreementWithdrawn => "Agreement withdrawn",
        Kind::AgreementEnding => "Agreement ending",
    },
    delivery_label: |d| match d {
        Delivery::Immediate => "Immediately",
        Delivery::Digest => "In the daily digest",
        Delivery::Never => "Never",
    },

    admin_mail_title: "E-mail notifications",
    admin_mail_off: "Sending e-mail is not configured: notifications stay in the app.",
    admin_mail_ok: |n| match n {
        0 => "No e-mail waiting.".into(),
        1 => "1 e-mail waiting to be sent.".into(),
        n => format!("{n} e-mails waiting to be sent."),
    },
    admin_mail_failing: |n, failing, error| {
        format!("{n} e-mails waiting, {failing} not delivered so far. Last error: {error}")
    },
};
