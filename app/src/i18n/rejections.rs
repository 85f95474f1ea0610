//! Why the rules refused a change, in words a person understands. The domain
//! gives a stable code and its parameters; the sentence is made here, once
//! per language, so offline refusals read exactly like the server's.

use vela_domain::directory::Rejection as Dir;
use vela_domain::rejection::{CommonRejection as Common, Entity, Problem};
use vela_domain::Rejection;

/// The Italian sentence for `rejection`.
pub fn it(rejection: &Rejection) -> String {
    match rejection {
        Rejection::Common(c) => match c {
            Common::NotAllowed => "Non hai i permessi per questa operazione.".into(),
            Common::NotFound { entity, .. } => format!("{} non esiste (più).", entity_it(*entity)),
            Common::AlreadyExists { entity, .. } => format!("{} esiste già.", entity_it(*entity)),
            Common::Invalid { field, problem } => format!("Campo «{field}»: {}.", problem_it(*problem)),
        },
        Rejection::Directory(d) => match d {
            Dir::OrganisationExists => "L'ente è già configurato.".into(),
            Dir::NoOrganisation => "L'ente non è ancora configurato.".into(),
            Dir::UsernameTaken { username } => format!("Il nome utente «{username}» è già in uso."),
            Dir::EmployeeNumberTaken { employee_number } => {
                format!("La matricola «{employee_number}» è già di un'altra persona.")
            }
            Dir::NoticeTooShort { min_days } => format!("Il preavviso di recesso deve essere di almeno {min_days} giorni."),
            Dir::WithdrawalTooSoon { earliest } => {
                format!("Con il preavviso, il recesso può decorrere al più presto dal {}.", crate::format::numeric_date(*earliest))
            }
            Dir::ContactBandTooLong { minutes, max_minutes } => format!(
                "Le fasce di contattabilità durano {} in tutto, più dell'orario medio giornaliero ({}).",
                duration(*minutes),
                duration(*max_minutes)
            ),
            Dir::ContactInRestBand { start, end } => format!(
                "La fascia {}–{} cade nella fascia di inoperabilità (22:00–06:00).",
                crate::format::hour_minute(*start),
                crate::format::hour_minute(*end)
            ),
            Dir::RestTooShort { hours, min_hours } => {
                format!("Le fasce lasciano {hours} ore di riposo consecutivo, meno delle {min_hours} dovute.")
            }
            Dir::AgreementOverlaps => "La persona ha già un accordo per parte di questo periodo.".into(),
            Dir::LastAdmin => "L'ente deve avere almeno un amministratore.".into(),
            Dir::StillActive => "Si può anonimizzare solo una persona disattivata.".into(),
            Dir::RetentionRunning { from } => format!(
                "I dati sono conservati fino al termine del periodo di conservazione: si potrà anonimizzare dal {}.",
                crate::format::numeric_date(*from)
            ),
            Dir::Anonymised => "La persona è stata anonimizzata e non può più essere modificata.".into(),
        },
        Rejection::Agile(a) => super::calendar::agile_it(a),
        Rejection::Objectives(o) => super::objectives::rejection_it(o),
        Rejection::Webinars(w) => super::webinars::rejection_it(w),
    }
}

/// The English sentence for `rejection`.
pub fn en(rejection: &Rejection) -> String {
    match rejection {
        Rejection::Common(c) => match c {
            Common::NotAllowed => "You are not allowed to do this.".into(),
            Common::NotFound { entity, .. } => {
                format!("This {} does not exist (any more).", entity_en(*entity))
            }
            Common::AlreadyExists { entity, .. } => {
                format!("This {} already exists.", entity_en(*entity))
            }
            Common::Invalid { field, problem } => {
                format!("Field “{field}”: {}.", problem_en(*problem))
            }
        },
        Rejection::Directory(d) => match d {
            Dir::OrganisationExists => "The organisation is already set up.".into(),
            Dir::NoOrganisation => "The organisation is not set up yet.".into(),
            Dir::UsernameTaken { username } => format!("The username “{username}” is taken."),
            Dir::EmployeeNumberTaken { employee_number } => {
                format!("The employee number “{employee_number}” is already someone else's.")
            }
            Dir::NoticeTooShort { min_days } => {
                format!("The withdrawal notice must be at least {min_days} days.")
            }
            Dir::WithdrawalTooSoon { earliest } => {
                format!(
                    "With the notice, the withdrawal can take effect from {} at the earliest.",
                    crate::format::numeric_date(*earliest)
                )
            }
            Dir::ContactBandTooLong {
                minutes,
                max_minutes,
            } => format!(
                "The contact bands last {} in all, longer than an average working day ({}).",
                duration(*minutes),
                duration(*max_minutes)
            ),
            Dir::ContactInRestBand { start, end } => format!(
                "The band {}–{} falls in the 22:00–06:00 rest band.",
                crate::format::hour_minute(*start),
                crate::format::hour_minute(*end)
            ),
            Dir::RestTooShort { hours, min_hours } => {
                format!("The bands leave {hours} hours of consecutive rest, fewer than the {min_hours} due.")
            }
            Dir::AgreementOverlaps => {
                "The person already has an agreement for part of this period.".into()
            }
            Dir::LastAdmin => "The organisation must keep at least one administrator.".into(),
            Dir::StillActive => "Only a deactivated person can be anonymised.".into(),
            Dir::RetentionRunning { from } => format!(
                "The records are kept for the retention period: the person can be anonymised from {}.",
                crate::format::numeric_date(*from)
            ),
            Dir::Anonymised => "The person has been anonymised and can no longer be changed.".into(),
        },
        Rejection::Agile(a) => super::calendar::agile_en(a),
        Rejection::Objectives(o) => super::objectives::rejection_en(o),
        Rejection::Webinars(w) => super::webinars::rejection_en(w),
    }
}

fn duration(minutes: u32) -> String {
    format!("{}h{:02}", minutes / 60, minutes % 60)
}

fn entity_it(entity: Entity) -> &'static str {
    match entity {
        Entity::Organisation => "L'ente",
        Entity::Team => "La struttura",
        Entity::Person => "La persona",
        Entity::Agreement => "L'accordo",
        Entity::Request => "La richiesta",
        Entity::Absence => "L'assenza",
        Entity::Objective => "L'obiettivo",
        Entity::KeyResult => "Il risultato chiave",
        Entity::Session => "Il webinar",
        Entity::Path => "Il percorso formativo",
        Entity::Registration => "L'iscrizione",
    }
}

fn entity_en(entity: Entity) -> &'static str {
    match entity {
        Entity::Organisation => "organisation",
        Entity::Team => "team",
        Entity::Person => "person",
        Entity::Agreement => "agreement",
        Entity::Request => "request",
        Entity::Absence => "absence",
        Entity::Objective => "objective",
        Entity::KeyResult => "key result",
        Entity::Session => "webinar",
        Entity::Path => "training path",
        Entity::Registration => "registration",
    }
}

fn problem_it(problem: Problem) -> &'static str {
    match problem {
        Problem::Empty => "obbligatorio",
        Problem::TooLong => "troppo lungo",
        Problem::OutOfRange => "valore non ammesso",
        Problem::EndBeforeStart => "la fine precede l'inizio",
        Problem::Duplicate => "contiene doppioni",
    }
}

fn problem_en(problem: Problem) -> &'static str {
    match problem {
        Problem::Empty => "required",
        Problem::TooLong => "too long",
        Problem::OutOfRange => "value not allowed",
        Problem::EndBeforeStart => "ends before it starts",
        Problem::Duplicate => "contains duplicates",
    }
}
