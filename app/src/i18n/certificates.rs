//! A person's training paths and certificates of attendance, and the
//! administrators' "verify a certificate" page, in Italian and English.

/// Strings of the paths' progress, the certificate and its check.
pub struct CertificatesTexts {
    pub paths_heading: &'static str,
    pub paths_empty: &'static str,
    /// "{attended} of {required} sessions attended".
    pub path_progress: fn(u32, u32) -> String,
    /// Accessible name of a path's progress bar: "Progress on {title}".
    pub path_progress_label: fn(&str) -> String,
    /// "Hours attended: {hours}".
    pub path_hours: fn(&str) -> String,
    pub path_complete: &'static str,
    pub step_attended: &'static str,
    pub step_to_attend: &'static str,
    /// A certificate link's accessible name: "Certificate: {title}" (it
    /// starts with the visible text).
    pub certificate_for: fn(&str) -> String,
    /// The visible text of a certificate link.
    pub certificate_link: &'static str,
    pub col_certificate: &'static str,

    pub title: &'static str,
    /// "This certifies that {name} attended the training session “{title}”."
    pub states_session: fn(&str, &str) -> String,
    /// "This certifies that {name} completed the training path “{title}”,
    /// attending the sessions listed."
    pub states_path: fn(&str, &str) -> String,
    pub sessions_caption: &'static str,
    pub col_session: &'static str,
    pub col_date: &'static str,
    pub col_duration: &'static str,
    pub hours_label: &'static str,
    pub date_label: &'static str,
    pub person_label: &'static str,
    pub organisation_label: &'static str,
    pub code_label: &'static str,
    pub code_hint: &'static str,
    pub print: &'static str,
    pub back: &'static str,
    pub none: &'static str,

    pub verify_link: &'static str,
    pub verify_link_hint: &'static str,
    pub verify_title: &'static str,
    pub verify_intro: &'static str,
    pub verify_label: &'static str,
    pub verify_hint: &'static str,
    pub verify_submit: &'static str,
    pub verify_checking: &'static str,
    pub verify_empty: &'static str,
    pub verify_valid: &'static str,
    pub verify_invalid: &'static str,
    /// "The check failed: {reason}".
    pub verify_failed: fn(&str) -> String,
    pub verify_offline: &'static str,
    pub kind_label: &'static str,
    pub kind_session: &'static str,
    pub kind_path: &'static str,
    pub title_label: &'static str,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static CertificatesTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: CertificatesTexts = CertificatesTexts {
    paths_heading: "I miei percorsi formativi",
    paths_empty: "Non segui ancora nessun percorso formativo: iscriviti a un incontro di un percorso dal catalogo.",
    path_progress: |a, r| {
        if a == 1 {
            format!("{a} incontro frequentato su {r}")
        } else {
            format!("{a} incontri frequentati su {r}")
        }
    },
    path_progress_label: |title| format!("Avanzamento nel percorso {title}"),
    path_hours: |h| format!("Ore frequentate: {h}"),
    path_complete: "Percorso completato",
    step_attended: "frequentato",
    step_to_attend: "da frequentare",
    certificate_for: |title| format!("Attestato: {title}"),
    certificate_link: "Attestato",
    col_certificate: "Attestato",

    title: "Attestato di partecipazione",
    states_session: |name, title| {
        format!("Si attesta che {name} ha partecipato all'incontro formativo «{title}».")
    },
    states_path: |name, title| {
        format!(
            "Si attesta che {name} ha completato il percorso formativo «{title}», \
             partecipando agli incontri elencati."
        )
    },
    sessions_caption: "Incontri frequentati",
    col_session: "Incontro",
    col_date: "Data",
    col_duration: "Durata",
    hours_label: "Ore di formazione",
    date_label: "Data di conseguimento",
    person_label: "Partecipante",
    organisation_label: "Ente",
    code_label: "Codice di verifica",
    code_hint: "L'amministrazione dell'ente può verificare questo codice in Vela \
                (Amministrazione › Verifica attestato): la verifica mostra i dati \
                risultanti dai registri delle presenze.",
    print: "Stampa o salva in PDF",
    back: "Torna alla mia formazione",
    none: "Nessun attestato: l'incontro non risulta frequentato o il percorso non è ancora completato.",

    verify_link: "Verifica attestato",
    verify_link_hint: "Controlla il codice di verifica di un attestato di partecipazione.",
    verify_title: "Verifica attestato",
    verify_intro: "Inserisci il codice di verifica stampato sull'attestato: Vela mostra ciò che \
                   attesta, letto ora dai registri delle presenze dell'ente.",
    verify_label: "Codice di verifica",
    verify_hint: "16 caratteri, ad esempio K7QM-3XPA-9D2F-HT6W: maiuscole, spazi e trattini non contano.",
    verify_submit: "Verifica",
    verify_checking: "Verifica in corso…",
    verify_empty: "Inserisci il codice da verificare.",
    verify_valid: "Attestato valido",
    verify_invalid: "Codice non valido: nessun attestato dell'ente corrisponde a questo codice.",
    verify_failed: |reason| format!("Verifica non riuscita: {reason}"),
    verify_offline: "Il server non è raggiungibile: la verifica richiede la connessione.",
    kind_label: "Tipo",
    kind_session: "Partecipazione a un incontro",
    kind_path: "Percorso formativo completato",
    title_label: "Titolo",
};

static EN: CertificatesTexts = CertificatesTexts {
    paths_heading: "My training paths",
    paths_empty: "You are not following any training path yet: register for a session of a path in the catalogue.",
    path_progress: |a, r| {
        if r == 1 {
            format!("{a} of {r} session attended")
        } else {
            format!("{a} of {r} sessions attended")
        }
    },
    path_progress_label: |title| format!("Progress on {title}"),
    path_hours: |h| format!("Hours attended: {h}"),
    path_complete: "Path completed",
    step_attended: "attended",
    step_to_attend: "to attend",
    certificate_for: |title| format!("Certificate: {title}"),
    certificate_link: "Certificate",
    col_certificate: "Certificate",

    title: "Certificate of attendance",
    states_session: |name, title| {
        format!("This certifies that {name} attended the training session “{title}”.")
    },
    states_path: |name, title| {
        format!(
            "This certifies that {name} completed the training path “{title}”, \
             attending the sessions listed."
        )
    },
    sessions_caption: "Sessions attended",
    col_session: "Session",
    col_date: "Date",
    col_duration: "Duration",
    hours_label: "Training hours",
    date_label: "Earned on",
    person_label: "Participant",
    organisation_label: "Organisation",
    code_label: "Verification code",
    code_hint: "The organisation's administrators can check this code in Vela \
                (Administration › Verify a certificate): the check shows what the \
                attendance records hold.",
    print: "Print or save as PDF",
    back: "Back to my training",
    none: "No certificate: the session is not recorded as attended or the path is not complete yet.",

    verify_link: "Verify a certificate",
    verify_link_hint: "Check the verification code of a certificate of attendance.",
    verify_title: "Verify a certificate",
    verify_intro: "Type the verification code printed on the certificate: Vela shows what it \
                   certifies, read now from the organisation's attendance records.",
    verify_label: "Verification code",
    verify_hint: "16 characters, for example K7QM-3XPA-9D2F-HT6W: case, spaces and dashes do not matter.",
    verify_submit: "Verify",
    verify_checking: "Checking…",
    verify_empty: "Type the code to check.",
    verify_valid: "Valid certificate",
    verify_invalid: "Not valid: no certificate of the organisation has this code.",
    verify_failed: |reason| format!("The check failed: {reason}"),
    verify_offline: "The server cannot be reached: the check needs a connection.",
    kind_label: "Kind",
    kind_session: "Attendance at a session",
    kind_path: "Training path completed",
    title_label: "Title",
};
