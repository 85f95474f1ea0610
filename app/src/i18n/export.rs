//! Strings of the "Export calendar" page (the .ics download and the personal
//! feed URL).

/// One calendar app and how to subscribe with it.
pub struct CalendarApp {
    pub name: &'static str,
    pub steps: &'static str,
}

pub struct ExportTexts {
    pub title: &'static str,
    pub intro: &'static str,

    pub download_title: &'static str,
    pub download_text: &'static str,
    pub download_link: &'static str,

    pub feed_title: &'static str,
    pub feed_text: &'static str,
    pub feed_secret: &'static str,
    pub feed_loading: &'static str,
    pub feed_none: &'static str,
    pub feed_create: &'static str,
    pub feed_working: &'static str,
    /// "You have an active address, created on {when}."
    pub feed_active: fn(&str) -> String,
    pub feed_hidden: &'static str,
    pub feed_url_label: &'static str,
    pub feed_shown_once: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,

    pub rotate: &'static str,
    pub rotate_question: &'static str,
    pub rotate_confirm: &'static str,
    pub revoke: &'static str,
    pub revoke_question: &'static str,
    pub revoke_confirm: &'static str,
    pub cancel: &'static str,

    pub created: &'static str,
    pub rotated: &'static str,
    pub revoked: &'static str,
    pub error_offline: &'static str,
    pub error_generic: &'static str,
    pub retry: &'static str,

    pub howto_title: &'static str,
    pub howto_intro: &'static str,
    pub howto_apps: &'static [CalendarApp],
    pub howto_refresh: &'static str,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static ExportTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: ExportTexts = ExportTexts {
    title: "Esporta il calendario",
    intro: "Porta nel calendario che usi già (Outlook, Google Calendar, Calendario di Apple, \
            Thunderbird) le tue giornate di lavoro agile approvate e i webinar a cui sei iscritto.",

    download_title: "Scarica il file",
    download_text: "Un file .ics con la situazione di adesso, da importare nel tuo calendario. \
                    Se lo importi di nuovo più avanti, gli eventi già presenti vengono aggiornati, \
                    non duplicati.",
    download_link: "Scarica il calendario (.ics)",

    feed_title: "Abbonati al calendario",
    feed_text: "Con un indirizzo personale il tuo programma di calendario si aggiorna da solo: \
                nuove giornate approvate, webinar e annullamenti compaiono senza fare nulla.",
    feed_secret: "L'indirizzo è segreto: chi lo conosce vede le tue giornate e i tuoi webinar. \
                  Non condividerlo; se pensi che altri lo conoscano, crea un nuovo indirizzo.",
    feed_loading: "Caricamento dell'indirizzo personale…",
    feed_none: "Non hai ancora un indirizzo personale.",
    feed_create: "Crea l'indirizzo personale",
    feed_working: "Un momento…",
    feed_active: |when| format!("Hai un indirizzo personale attivo, creato {when}."),
    feed_hidden: "Per sicurezza l'indirizzo si vede solo quando lo crei. Se non lo hai più, \
                  crea un nuovo indirizzo: quello vecchio smetterà di funzionare.",
    feed_url_label: "Il tuo indirizzo personale",
    feed_shown_once: "Copialo adesso e incollalo nel tuo programma di calendario: per sicurezza \
                      non verrà più mostrato.",
    copy: "Copia l'indirizzo",
    copied: "Indirizzo copiato.",
    copy_failed: "Copia non riuscita: l'indirizzo è selezionato, copialo con Ctrl+C (o tenendo \
                  premuto sul testo).",

    rotate: "Crea un nuovo indirizzo",
    rotate_question: "Creare un nuovo indirizzo? Quello attuale smetterà subito di funzionare e \
                      dovrai aggiornare i calendari abbonati.",
    rotate_confirm: "Sì, crea un nuovo indirizzo",
    revoke: "Revoca l'indirizzo",
    revoke_question: "Revocare l'indirizzo? I calendari abbonati smetteranno di aggiornarsi. \
                      Potrai crearne uno nuovo quando vuoi.",
    revoke_confirm: "Sì, revoca l'indirizzo",
    cancel: "Annulla",

    created: "Indirizzo personale creato.",
    rotated: "Nuovo indirizzo creato: quello precedente non funziona più.",
    revoked: "Indirizzo revocato: non funziona più.",
    error_offline: "Sei offline: per gestire l'indirizzo personale serve la connessione.",
    error_generic: "Operazione non riuscita. Riprova tra poco.",
    retry: "Riprova",

    howto_title: "Come abbonarsi",
    howto_intro: "Copia l'indirizzo personale e aggiungilo come calendario «da Internet» o \
                  «in abbonamento»:",
    howto_apps: &[
        CalendarApp {
            name: "Outlook",
            steps: "Calendario → Aggiungi calendario → Sottoscrivi dal Web → incolla l'indirizzo.",
        },
        CalendarApp {
            name: "Google Calendar",
            steps: "Altri calendari → + → Da URL → incolla l'indirizzo (il server di Vela deve \
                    essere raggiungibile da Internet).",
        },
        CalendarApp {
            name: "Calendario di Apple",
            steps: "Su Mac: Archivio → Nuovo abbonamento calendario. Su iPhone e iPad: \
                    Impostazioni → Calendario → Account → Aggiungi account → Altro → \
                    Aggiungi calendario abbonato.",
        },
        CalendarApp {
            name: "Thunderbird",
            steps: "Calendario → Nuovo calendario → Sulla rete → incolla l'indirizzo.",
        },
    ],
    howto_refresh: "I programmi di calendario rileggono l'indirizzo a intervalli (di solito \
                    ogni ora, Google anche meno spesso): le modifiche possono comparire con \
                    un po' di ritardo.",
};

static EN: ExportTexts = ExportTexts {
    title: "Export calendar",
    intro: "Bring your approved agile days and the webinars you registered for into the \
            calendar you already use (Outlook, Google Calendar, Apple Calendar, Thunderbird).",

    download_title: "Download the file",
    download_text: "An .ics file with the situation as it is now, to import into your calendar. \
                    If you import it again later, the events already there are updated, not \
                    duplicated.",
    download_link: "Download the calendar (.ics)",

    feed_title: "Subscribe to the calendar",
    feed_text: "With a personal address your calendar app keeps itself up to date: newly \
                approved days, webinars and cancellations appear without you doing anything.",
    feed_secret: "The address is secret: anyone who knows it sees your days and your webinars. \
                  Do not share it; if you think someone else knows it, make a new address.",
    feed_loading: "Loading your personal address…",
    feed_none: "You have no personal address yet.",
    feed_create: "Create my personal address",
    feed_working: "One moment…",
    feed_active: |when| format!("You have an active personal address, created {when}."),
    feed_hidden: "For your safety the address is shown only when it is made. If you no longer \
                  have it, make a new address: the old one will stop working.",
    feed_url_label: "Your personal address",
    feed_shown_once: "Copy it now and paste it into your calendar app: for your safety it will \
                      not be shown again.",
    copy: "Copy the address",
    copied: "Address copied.",
    copy_failed: "Copying failed: the address is selected, copy it with Ctrl+C (or by holding \
                  your finger on the text).",

    rotate: "Make a new address",
    rotate_question: "Make a new address? The current one stops working at once and you will \
                      need to update the subscribed calendars.",
    rotate_confirm: "Yes, make a new address",
    revoke: "Revoke the address",
    revoke_question: "Revoke the address? Subscribed calendars will stop updating. You can make \
                      a new one whenever you like.",
    revoke_confirm: "Yes, revoke the address",
    cancel: "Cancel",

    created: "Personal address created.",
    rotated: "New address created: the previous one no longer works.",
    revoked: "Address revoked: it no longer works.",
    error_offline: "You are offline: managing your personal address needs a connection.",
    error_generic: "That did not work. Please try again shortly.",
    retry: "Try again",

    howto_title: "How to subscribe",
    howto_intro: "Copy your personal address and add it as an \"internet\" or \"subscribed\" \
                  calendar:",
    howto_apps: &[
        CalendarApp {
            name: "Outlook",
            steps: "Calendar → Add calendar → Subscribe from web → paste the address.",
        },
        CalendarApp {
            name: "Google Calendar",
            steps: "Other calendars → + → From URL → paste the address (the Vela server must be \
                    reachable from the internet).",
        },
        CalendarApp {
            name: "Apple Calendar",
            steps: "On a Mac: File → New Calendar Subscription. On iPhone and iPad: Settings → \
                    Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.",
        },
        CalendarApp {
            name: "Thunderbird",
            steps: "Calendar → New Calendar → On the Network → paste the address.",
        },
    ],
    howto_refresh: "Calendar apps read the address again from time to time (usually every hour, \
                    Google less often): changes may show up with some delay.",
};
