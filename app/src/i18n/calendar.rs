//! Strings of the calendar pages (my calendar, requests, my agreement) and
//! the sentences for every refusal of the agile area, in Italian and
//! English.

use chrono::{Datelike, NaiveDate};
use vela_domain::agile::Rejection as Agile;
use vela_domain::directory::WorkMode;

use super::Locale;
use crate::format::{long_date, month_title};

/// The calendar pages.
pub struct CalendarTexts {
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub today: &'static str,
    /// Caption of the month grid: "{month}".
    pub grid_caption: fn(&str) -> String,
    /// Title of the week view: first day, last day, year.
    pub week_title: fn(&str, &str, i32) -> String,
    pub week_list_label: &'static str,
    pub grid_hint: &'static str,
    pub view_label: &'static str,
    pub view_month: &'static str,
    pub view_week: &'static str,
    pub agreement_link: &'static str,
    pub export_link: &'static str,

    pub weekend: &'static str,
    pub office: &'static str,
    /// A holiday: "Holiday: {name}".
    pub holiday: fn(&str) -> String,
    pub absent: &'static str,
    /// A pending day: "Pending: {what}".
    pub pending: fn(&str) -> String,
    pub rejected: &'static str,
    pub mode_agile: &'static str,
    pub mode_remote: &'static str,
    pub mode_telework: &'static str,
    pub place_home: &'static str,

    pub legend_title: &'static str,
    pub legend_away: &'static str,
    pub legend_pending: &'static str,
    pub legend_rejected: &'static str,
    pub legend_holiday: &'static str,

    pub request_note: fn(&str) -> String,
    pub decision_note: fn(&str) -> String,
    pub withdrawn_absence: &'static str,
    pub withdrawn_agreement: &'static str,
    pub cancelled_before: &'static str,
    pub absent_hint: &'static str,
    pub request_this_day: &'static str,
    pub cancel_day: &'static str,
    pub cancel_question: fn(&str) -> String,
    pub cancel_confirm: &'static str,
    pub cancel_keep: &'static str,
    pub cancelled_message: fn(&str) -> String,

    /// "Activity logged: {n} objectives."
    pub activity_logged: fn(usize) -> String,
    pub activity_title: &'static str,
    pub activity_objectives: &'static str,
    pub activity_no_objectives: &'static str,
    pub activity_note: &'static str,
    pub activity_save: &'static str,
    pub activity_saved: &'static str,

    pub request_title: &'static str,
    pub request_no_agreement: &'static str,
    pub field_kind: &'static str,
    pub kind_single: &'static str,
    pub kind_range: &'static str,
    pub kind_weekly: &'static str,
    pub field_day: &'static str,
    pub field_from: &'static str,
    pub field_to: &'static str,
    pub field_until: &'static str,
    pub field_weekdays: &'static str,
    pub field_place: &'static str,
    pub field_note: &'static str,
    pub preview_title: &'static str,
    pub preview_empty: &'static str,
    pub preview_accepted: fn(usize) -> String,
    pub preview_refused: fn(usize) -> String,
    pub request_send: &'static str,
    pub request_incomplete: &'static str,
    pub request_nothing: &'static str,
    pub sent_message: fn(usize) -> String,
    pub sent_refused: fn(usize) -> String,

    pub allowance_title: &'static str,
    /// The agreement's limits: per week, per month.
    pub allowance_terms: fn(u8, u8) -> String,
    /// planned, limit, left.
    pub allowance_row: fn(u32, u32, u32) -> String,
    /// max days away, working days, absent days, left.
    pub prevalence_row: fn(u32, u32, u32, u32) -> String,
    pub this_week: &'static str,
    pub this_month: &'static str,
    pub week_of: fn(&str) -> String,

    pub agreement_title: &'static str,
    pub back_to_calendar: &'static str,
    pub agreement_empty: &'static str,
    pub agreement_in_force: &'static str,
    pub agreement_future: &'static str,
    pub agreement_ended: &'static str,
    pub agreement_mode: &'static str,
    pub agreement_validity_label: &'static str,
    pub agreement_validity: fn(&str, &str) -> String,
    pub agreement_open_ended: fn(&str) -> String,
    pub agreement_withdrawn: &'static str,
    pub agreement_per_week: &'static str,
    pub agreement_per_month: &'static str,
    pub agreement_weekdays: &'static str,
    pub agreement_places: &'static str,
    pub agreement_contact: &'static str,
    pub agreement_no_contact: &'static str,
    pub agreement_notice: &'static str,
    pub agreement_notice_days: fn(u16) -> String,
    pub agreement_disconnect: &'static str,
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub const IT: CalendarTexts = CalendarTexts {
    previous_month: "Mese precedente",
    next_month: "Mese successivo",
    previous_week: "Settimana precedente",
    next_week: "Settimana successiva",
    today: "Oggi",
    grid_caption: |month| format!("Calendario di {month}"),
    week_title: |from, to, year| {
        format!("Settimana {} {} {year}", super::italian::dal(from), super::italian::al(to))
    },
    week_list_label: "Giorni della settimana",
    grid_hint: "Scegli un giorno per vederne i dettagli; con la tastiera usa le frecce, Pag↑ e Pag↓.",
    view_label: "Vista del calendario",
    view_month: "Mese",
    view_week: "Settimana",
    agreement_link: "Il mio accordo individuale",
    export_link: "Esporta (.ics)",

    weekend: "Fine settimana",
    office: "In ufficio",
    holiday: |name| format!("Festivo: {name}"),
    absent: "Assente",
    pending: |what| format!("In attesa: {what}"),
    rejected: "Richiesta rifiutata: in ufficio",
    mode_agile: "Lavoro agile",
    mode_remote: "Lavoro da remoto",
    mode_telework: "Telelavoro",
    place_home: "Casa",

    legend_title: "Legenda",
    legend_away: "Lavoro agile o da remoto approvato",
    legend_pending: "In attesa di approvazione",
    legend_rejected: "Richiesta rifiutata",
    legend_holiday: "Festivo",

    request_note: |note| format!("Nota della richiesta: {note}"),
    decision_note: |note| format!("Nota del responsabile: {note}"),
    withdrawn_absence: "Giornata ritirata: un'assenza copre questo giorno.",
    withdrawn_agreement: "Giornata ritirata: nessun accordo individuale è più in vigore in questo giorno.",
    cancelled_before: "Avevi annullato la richiesta per questo giorno.",
    absent_hint: "Risulti assente: la giornata non conta per la prevalenza del lavoro in ufficio.",
    request_this_day: "Chiedi lavoro agile per questo giorno",
    cancel_day: "Annulla questa giornata",
    cancel_question: |date| format!("Vuoi davvero annullare la giornata di {date}? Tornerà una giornata in ufficio."),
    cancel_confirm: "Sì, annulla la giornata",
    cancel_keep: "No, mantienila",
    cancelled_message: |date| format!("Giornata di {date} annullata."),

    activity_logged: |n| format!("Attività registrata ({}).", plural(n as u64, "obiettivo", "obiettivi")),
    activity_title: "Attività svolta",
    activity_objectives: "Obiettivi su cui hai lavorato",
    activity_no_objectives: "Non hai obiettivi concordati o in corso su cui registrare il lavoro.",
    activity_note: "Nota sull'attività (facoltativa)",
    activity_save: "Salva l'attività",
    activity_saved: "Attività salvata.",

    request_title: "Chiedi giornate di lavoro agile",
    request_no_agreement: "Non hai un accordo individuale in vigore: senza accordo non puoi chiedere giornate di lavoro agile. Rivolgiti al tuo responsabile o all'amministrazione.",
    field_kind: "Quali giorni",
    kind_single: "Un giorno",
    kind_range: "Un periodo",
    kind_weekly: "Ogni settimana",
    field_day: "Giorno",
    field_from: "Dal",
    field_to: "Al",
    field_until: "Fino al",
    field_weekdays: "Giorni della settimana",
    field_place: "Luogo",
    field_note: "Nota per il responsabile (facoltativa)",
    preview_title: "Prima di inviare",
    preview_empty: "Scegli i giorni: qui vedrai quali possono essere richiesti e quali no, con il motivo.",
    preview_accepted: |n| format!("Da inviare: {}", plural(n as u64, "giornata", "giornate")),
    preview_refused: |n| format!("Non richiedibili: {}", plural(n as u64, "giornata", "giornate")),
    request_send: "Invia richiesta",
    request_incomplete: "Completa i campi della richiesta.",
    request_nothing: "Nessuna delle giornate scelte può essere richiesta.",
    sent_message: |n| format!("Richiesta inviata: {} in attesa di approvazione.", plural(n as u64, "giornata", "giornate")),
    sent_refused: |n| format!("Non inviate: {}", plural(n as u64, "giornata", "giornate")),

    allowance_title: "Cosa consente il tuo accordo",
    allowance_terms: |week, month| {
        format!("Al massimo {} a settimana e {} al mese.", plural(week, "giornata", "giornate"), month)
    },
    allowance_row: |planned, limit, left| {
        let rest = if left == 1 { "ne resta" } else { "ne restano" };
        format!("{planned} su {limit} già pianificate, {rest} {left}.")
    },
    prevalence_row: |max, working, absent, left| {
        format!(
            " Prevalenza del lavoro in ufficio: al massimo {} fuori sede ({working} giorni lavorativi, {absent} di assenza), {} {left}.",
            plural(max, "giornata", "giornate"),
            if left == 1 { "ne resta" } else { "ne restano" }
        )
    },
    this_week: "Questa settimana",
    this_month: "Questo mese",
    week_of: |date| format!("Settimana del {date}"),

    agreement_title: "Il mio accordo individuale",
    back_to_calendar: "Torna al mio calendario",
    agreement_empty: "Non hai ancora un accordo individuale di lavoro agile. L'accordo si stipula con l'amministrazione: rivolgiti al tuo responsabile.",
    agreement_in_force: "in vigore",
    agreement_future: "non ancora in vigore",
    agreement_ended: "concluso",
    agreement_mode: "Modalità",
    agreement_validity_label: "Validità",
    agreement_validity: |from, until| {
        format!("{} {}", super::italian::dal(from), super::italian::al(until))
    },
    agreement_open_ended: |from| format!("{}, a tempo indeterminato", super::italian::dal(from)),
    agreement_withdrawn: "Recesso con effetto dal",
    agreement_per_week: "Giornate al massimo per settimana",
    agreement_per_month: "Giornate al massimo per mese",
    agreement_weekdays: "Giorni della settimana consentiti",
    agreement_places: "Luoghi di lavoro",
    agreement_contact: "Fasce di contattabilità",
    agreement_no_contact: "Nessuna",
    agreement_notice: "Preavviso di recesso",
    agreement_notice_days: |n| plural(n, "giorno", "giorni"),
    agreement_disconnect: "Fuori dalle fasce di contattabilità hai diritto alla disconnessione; dalle 22:00 alle 06:00 non può esserti chiesto lavoro.",
};

pub const EN: CalendarTexts = CalendarTexts {
    previous_month: "Previous month",
    next_month: "Next month",
    previous_week: "Previous week",
    next_week: "Next week",
    today: "Today",
    grid_caption: |month| format!("Calendar of {month}"),
    week_title: |from, to, year| format!("Week from {from} to {to} {year}"),
    week_list_label: "Days of the week",
    grid_hint: "Choose a day to see its details; with the keyboard use the arrows, Page Up and Page Down.",
    view_label: "Calendar view",
    view_month: "Month",
    view_week: "Week",
    agreement_link: "My individual agreement",
    export_link: "Export (.ics)",

    weekend: "Weekend",
    office: "In the office",
    holiday: |name| format!("Holiday: {name}"),
    absent: "Absent",
    pending: |what| format!("Pending: {what}"),
    rejected: "Request rejected: in the office",
    mode_agile: "Agile work",
    mode_remote: "Remote work",
    mode_telework: "Telework",
    place_home: "Home",

    legend_title: "Legend",
    legend_away: "Agile or remote work approved",
    legend_pending: "Waiting for approval",
    legend_rejected: "Request rejected",
    legend_holiday: "Holiday",

    request_note: |note| format!("Note on the request: {note}"),
    decision_note: |note| format!("Lead's note: {note}"),
    withdrawn_absence: "Day withdrawn: an absence covers it.",
    withdrawn_agreement: "Day withdrawn: no individual agreement is in force on it any more.",
    cancelled_before: "You cancelled the request for this day.",
    absent_hint: "You are absent: the day does not count for the prevalence of office work.",
    request_this_day: "Ask for agile work on this day",
    cancel_day: "Cancel this day",
    cancel_question: |date| format!("Do you really want to cancel the day of {date}? It will be an office day again."),
    cancel_confirm: "Yes, cancel the day",
    cancel_keep: "No, keep it",
    cancelled_message: |date| format!("Day of {date} cancelled."),

    activity_logged: |n| format!("Activity logged ({}).", plural(n as u64, "objective", "objectives")),
    activity_title: "Work done",
    activity_objectives: "Objectives you worked on",
    activity_no_objectives: "You have no agreed or in-progress objectives to log work on.",
    activity_note: "Note on the work (optional)",
    activity_save: "Save the activity",
    activity_saved: "Activity saved.",

    request_title: "Ask for agile days",
    request_no_agreement: "You have no individual agreement in force: without one you cannot ask for agile days. Ask your team lead or the administration.",
    field_kind: "Which days",
    kind_single: "One day",
    kind_range: "A period",
    kind_weekly: "Every week",
    field_day: "Day",
    field_from: "From",
    field_to: "To",
    field_until: "Until",
    field_weekdays: "Weekdays",
    field_place: "Place",
    field_note: "Note for your lead (optional)",
    preview_title: "Before sending",
    preview_empty: "Choose the days: here you will see which can be asked for and which cannot, and why.",
    preview_accepted: |n| format!("To send: {}", plural(n as u64, "day", "days")),
    preview_refused: |n| format!("Cannot be asked for: {}", plural(n as u64, "day", "days")),
    request_send: "Send request",
    request_incomplete: "Fill in the fields of the request.",
    request_nothing: "None of the chosen days can be asked for.",
    sent_message: |n| format!("Request sent: {} waiting for approval.", plural(n as u64, "day", "days")),
    sent_refused: |n| format!("Not sent: {}", plural(n as u64, "day", "days")),

    allowance_title: "What your agreement allows",
    allowance_terms: |week, month| {
        format!("At most {} a week and {} a month.", plural(week, "day", "days"), month)
    },
    allowance_row: |planned, limit, left| {
        format!("{planned} of {limit} already planned, {left} left.")
    },
    prevalence_row: |max, working, absent, left| {
        format!(
            " Prevalence of office work: at most {} away ({working} working days, {absent} absent), {left} left.",
            plural(max, "day", "days")
        )
    },
    this_week: "This week",
    this_month: "This month",
    week_of: |date| format!("Week of {date}"),

    agreement_title: "My individual agreement",
    back_to_calendar: "Back to my calendar",
    agreement_empty: "You have no individual agreement for agile work yet. Agreements are made with the administration: ask your team lead.",
    agreement_in_force: "in force",
    agreement_future: "not yet in force",
    agreement_ended: "ended",
    agreement_mode: "Way of working",
    agreement_validity_label: "Validity",
    agreement_validity: |from, until| format!("from {from} to {until}"),
    agreement_open_ended: |from| format!("from {from}, open-ended"),
    agreement_withdrawn: "Withdrawal effective from",
    agreement_per_week: "Most days per week",
    agreement_per_month: "Most days per month",
    agreement_weekdays: "Weekdays allowed",
    agreement_places: "Places of work",
    agreement_contact: "Contact hours",
    agreement_no_contact: "None",
    agreement_notice: "Withdrawal notice",
    agreement_notice_days: |n| plural(n, "day", "days"),
    agreement_disconnect: "Outside the contact hours you have the right to disconnect; no work may be asked of you from 22:00 to 06:00.",
};

/// "settimana 49 del 2026" / "week 49 of 2026" from an ISO label
/// ("2026-W49"); the label itself if it is not one.
fn week_words(label: &str, locale: Locale) -> String {
    match label.split_once("-W") {
        Some((year, week)) => match locale {
            Locale::It => format!(
                "nella settimana {} del {year}",
                week.trim_start_matches('0')
            ),
            Locale::En => format!("in week {} of {year}", week.trim_start_matches('0')),
        },
        None => label.to_owned(),
    }
}

/// "novembre 2026" from a month label ("2026-11").
fn month_words(label: &str, locale: Locale) -> String {
    label
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
        .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
        .map(|d| month_title(d.year(), d.month(), locale))
        .unwrap_or_else(|| label.to_owned())
}

fn mode_it(mode: WorkMode) -> &'static str {
    match mode {
        WorkMode::Agile => "il lavoro agile",
        WorkMode::Remote => "il lavoro da remoto",
        WorkMode::Telework => "il telelavoro",
    }
}

fn mode_en(mode: WorkMode) -> &'static str {
    match mode {
        WorkMode::Agile => "agile work",
        WorkMode::Remote => "remote work",
        WorkMode::Telework => "telework",
    }
}

/// The Italian sentence for a refusal of the agile area.
pub fn agile_it(rejection: &Agile) -> String {
    let d = |date: &NaiveDate| long_date(*date, Locale::It);
    match rejection {
        Agile::NonWorkingDay { date, holiday } if holiday == "weekend" => {
            format!("{} cade nel fine settimana: non è un giorno lavorativo.", d(date))
        }
        Agile::NonWorkingDay { date, holiday } => {
            format!("{} è festivo ({holiday}): non è un giorno lavorativo.", d(date))
        }
        Agile::DayStarted { date } => {
            format!("{} è già iniziato: non si può più chiedere né annullare.", d(date))
        }
        Agile::AgreementMissing { date } => {
            format!("Per {} non è in vigore alcun accordo individuale.", d(date))
        }
        Agile::AgreementMode { date, mode } => {
            format!("L'accordo in vigore per {} riguarda {}.", d(date), mode_it(*mode))
        }
        Agile::AgreementWeekday { date, .. } => format!(
            "L'accordo non consente giornate fuori sede in questo giorno della settimana ({}).",
            d(date)
        ),
        Agile::AgreementPlace { date } => {
            format!("L'accordo non prevede questo luogo di lavoro ({}).", d(date))
        }
        Agile::AgreementWeekLimit { limit, week } => format!(
            "Limite settimanale superato: l'accordo consente al massimo {} {}.",
            plural(*limit, "giornata", "giornate"),
            week_words(week, Locale::It)
        ),
        Agile::AgreementMonthLimit { limit, month } => format!(
            "Limite mensile superato: l'accordo consente al massimo {} in {}.",
            plural(*limit, "giornata", "giornate"),
            month_words(month, Locale::It)
        ),
        Agile::OfficePrevalence {
            month,
            max_days,
            working_days,
            absent_days,
        } => format!(
            "In {} il lavoro in ufficio deve prevalere: al massimo {} fuori sede ({working_days} giorni lavorativi, {absent_days} di assenza).",
            month_words(month, Locale::It),
            plural(*max_days, "giornata", "giornate")
        ),
        Agile::TeamAgileShare {
            date,
            max_percent,
            max_people,
        } => format!(
            "Per {} al massimo {} della struttura ({max_percent}%) può lavorare fuori sede.",
            d(date),
            plural(*max_people, "persona", "persone")
        ),
        Agile::OfficeOnlyDay { date, note } => {
            format!("{} è una giornata in presenza per tutta la struttura: {note}.", d(date))
        }
        Agile::DayAlreadyPlanned { date } => format!("{} è già pianificato.", d(date)),
        Agile::AbsentOnDay { date } => format!("Risulti assente il giorno {}.", d(date)),
        Agile::NoDayAccepted { refused } => {
            let list: Vec<String> = refused.iter().map(|r| agile_it(&r.reason)).collect();
            format!("Nessuna giornata della richiesta può essere accettata: {}", list.join(" "))
        }
        Agile::CoverageBelowMinimum {
            date,
            in_office,
            minimum,
        } => format!(
            "Per {} resterebbero in ufficio {}, meno del minimo di {minimum}.",
            d(date),
            plural(*in_office, "persona", "persone")
        ),
        Agile::DayNotPending { date } => format!("{} non è in attesa di decisione.", d(date)),
        Agile::DayNotActive { date } => format!("{} non è più pianificato.", d(date)),
        Agile::NothingToCancel { from, until } => format!(
            "{} {} non ci sono giornate pianificate che si possano ancora annullare.",
            super::italian::join("Dal", &d(from)),
            super::italian::al(&d(until))
        ),
        Agile::DayNotInRequest { date } => format!("{} non fa parte di questa richiesta.", d(date)),
        Agile::AbsenceOverlaps { date } => format!("Un'assenza copre già {}.", d(date)),
        Agile::ActivityWithoutAgileDay { date } => {
            format!("{} non è una giornata fuori sede approvata.", d(date))
        }
        Agile::ActivityInFuture { date } => {
            format!("{} non è ancora arrivato: l'attività si registra dal giorno stesso.", d(date))
        }
    }
}

/// The English sentence for a refusal of the agile area.
pub fn agile_en(rejection: &Agile) -> String {
    let d = |date: &NaiveDate| long_date(*date, Locale::En);
    match rejection {
        Agile::NonWorkingDay { date, holiday } if holiday == "weekend" => {
            format!("{} falls on a weekend: it is not a working day.", d(date))
        }
        Agile::NonWorkingDay { date, holiday } => {
            format!("{} is a holiday ({holiday}): it is not a working day.", d(date))
        }
        Agile::DayStarted { date } => format!(
            "{} has already started: it can no longer be asked for or cancelled.",
            d(date)
        ),
        Agile::AgreementMissing { date } => {
            format!("No individual agreement is in force on {}.", d(date))
        }
        Agile::AgreementMode { date, mode } => {
            format!("The agreement in force on {} is for {}.", d(date), mode_en(*mode))
        }
        Agile::AgreementWeekday { date, .. } => format!(
            "The agreement does not allow days away on this weekday ({}).",
            d(date)
        ),
        Agile::AgreementPlace { date } => {
            format!("The agreement does not name this place of work ({}).", d(date))
        }
        Agile::AgreementWeekLimit { limit, week } => format!(
            "Weekly limit reached: the agreement allows at most {} {}.",
            plural(*limit, "day", "days"),
            week_words(week, Locale::En)
        ),
        Agile::AgreementMonthLimit { limit, month } => format!(
            "Monthly limit reached: the agreement allows at most {} in {}.",
            plural(*limit, "day", "days"),
            month_words(month, Locale::En)
        ),
        Agile::OfficePrevalence {
            month,
            max_days,
            working_days,
            absent_days,
        } => format!(
            "In {} office work must prevail: at most {} away ({working_days} working days, {absent_days} absent).",
            month_words(month, Locale::En),
            plural(*max_days, "day", "days")
        ),
        Agile::TeamAgileShare {
            date,
            max_percent,
            max_people,
        } => format!(
            "On {} at most {} of the team ({max_percent}%) may work away.",
            d(date),
            plural(*max_people, "person", "people")
        ),
        Agile::OfficeOnlyDay { date, note } => {
            format!("{} is an office day for the whole team: {note}.", d(date))
        }
        Agile::DayAlreadyPlanned { date } => format!("{} is already planned.", d(date)),
        Agile::AbsentOnDay { date } => format!("You are absent on {}.", d(date)),
        Agile::NoDayAccepted { refused } => {
            let list: Vec<String> = refused.iter().map(|r| agile_en(&r.reason)).collect();
            format!("No day of the request can be accepted: {}", list.join(" "))
        }
        Agile::CoverageBelowMinimum {
            date,
            in_office,
            minimum,
        } => format!(
            "On {} only {} would be in the office, fewer than the minimum of {minimum}.",
            d(date),
            plural(*in_office, "person", "people")
        ),
        Agile::DayNotPending { date } => format!("{} is not waiting for a decision.", d(date)),
        Agile::DayNotActive { date } => format!("{} is not planned any more.", d(date)),
        Agile::NothingToCancel { from, until } => format!(
            "From {} to {} there are no planned days that can still be cancelled.",
            d(from),
            d(until)
        ),
        Agile::DayNotInRequest { date } => format!("{} is not part of this request.", d(date)),
        Agile::AbsenceOverlaps { date } => format!("An absence already covers {}.", d(date)),
        Agile::ActivityWithoutAgileDay { date } => {
            format!("{} is not an approved day away.", d(date))
        }
        Agile::ActivityInFuture { date } => format!(
            "{} has not come yet: work is logged from the day itself.",
            d(date)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_labels_read_as_words() {
        assert_eq!(
            week_words("2026-W09", Locale::It),
            "nella settimana 9 del 2026"
        );
        assert_eq!(week_words("2026-W49", Locale::En), "in week 49 of 2026");
        assert_eq!(week_words("odd", Locale::En), "odd");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1u8, "giornata", "giornate"), "1 giornata");
        assert_eq!(plural(3u32, "day", "days"), "3 days");
    }
}
