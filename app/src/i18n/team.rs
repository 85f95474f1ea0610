//! Strings of the team pages: the team calendar, the lead's approvals inbox,
//! the team rules and the administrators' agreements editor.

/// Every string of the team pages, in one language.
pub struct TeamTexts {
    // Team calendar.
    pub calendar_title: &'static str,
    pub team_label: &'static str,
    pub legend_title: &'static str,
    pub person_column: &'static str,
    /// Caption of the grid: "{team}, {month}".
    pub grid_caption: fn(&str, &str) -> String,
    pub office: &'static str,
    pub agile: &'static str,
    pub remote: &'static str,
    pub telework: &'static str,
    pub absent: &'static str,
    pub pending: &'static str,
    pub rejected: &'static str,
    pub non_working: &'static str,
    pub view_label: &'static str,
    pub view_month: &'static str,
    pub view_week: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub this_week: &'static str,
    /// The week shown: "{first day} – {last day}".
    pub week_title: fn(&str, &str) -> String,
    /// A cell read aloud: "{person}, {date}: {status}".
    pub cell_label: fn(&str, &str, &str) -> String,
    /// A status with the decision's note: "{status} ({note})".
    pub with_note: fn(&str, &str) -> String,
    pub in_office_row: &'static str,
    /// A count cell: "{in office} of {team size} in the office".
    pub count_label: fn(u32, u32) -> String,
    /// "Under the minimum: {in office} in the office, minimum {minimum}".
    pub below_minimum: fn(u32, u32) -> String,
    pub below_title: &'static str,
    pub below_none: &'static str,
    /// "{date}: {in office} in the office, minimum {minimum}".
    pub below_day: fn(&str, u32, u32) -> String,
    /// "Minimum office presence: {rule}".
    pub minimum_rule: fn(&str) -> String,
    pub min_people: fn(u32) -> String,
    pub min_percent: fn(u8) -> String,
    pub counts_only: &'static str,
    pub away_row: &'static str,
    pub pending_row: &'static str,
    pub absent_row: &'static str,
    pub empty_team: &'static str,
    pub no_team: &'static str,
    pub rules_link: &'static str,
    pub agreements_link: &'static str,

    // Approvals.
    pub approvals_title: &'static str,
    pub approvals_intro: &'static str,
    pub approvals_not_lead: &'static str,
    pub filters: &'static str,
    pub filter_person: &'static str,
    pub filter_everyone: &'static str,
    pub filter_from: &'static str,
    pub filter_until: &'static str,
    pub filter_clear: &'static str,
    pub inbox_empty: &'static str,
    pub inbox_filtered_empty: &'static str,
    /// "{n} requests waiting".
    pub inbox_count: fn(usize) -> String,
    pub col_select: &'static str,
    pub col_person: &'static str,
    pub col_day: &'static str,
    pub col_where: &'static str,
    pub col_coverage: &'static str,
    pub col_actions: &'static str,
    /// "If approved: {n} in the office, under the minimum of {minimum}".
    pub coverage_if_approved: fn(u32, u32) -> String,
    /// "{mode}, from home" / "{mode} at {place}".
    pub mode_at_home: fn(&str) -> String,
    pub mode_at_place: fn(&str, &str) -> String,
    /// The person's note on a request: "Note: {note}".
    pub request_note: fn(&str) -> String,
    /// "Select {person}, {date}".
    pub select_day: fn(&str, &str) -> String,
    pub select_all: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    /// Accessible names of the row buttons: "Approve {person}, {date}".
    pub approve_day: fn(&str, &str) -> String,
    pub reject_day: fn(&str, &str) -> String,
    pub reject_reason: &'static str,
    pub reject_confirm: &'static str,
    pub reason_required: &'static str,
    pub cancel: &'static str,
    /// "Approve selected ({n})".
    pub bulk_approve: fn(usize) -> String,
    /// "Reject selected ({n})".
    pub bulk_reject: fn(usize) -> String,
    /// The one reason's label: "Reason for rejecting the {n} selected days".
    pub bulk_reason: fn(usize) -> String,
    pub bulk_reject_confirm: &'static str,
    /// "{n} days rejected."
    pub bulk_rejected: fn(usize) -> String,
    /// "{person}, {date}: approved." and friends, in the status line.
    pub approved_msg: fn(&str, &str) -> String,
    pub rejected_msg: fn(&str, &str) -> String,
    pub bulk_done: fn(usize) -> String,
    /// "{in office} of {team size} in the office, minimum {minimum}".
    pub coverage_cell: fn(u32, u32, u32) -> String,
    pub coverage_title: &'static str,
    pub coverage_intro: &'static str,
    /// "{person}, {date}: with this approval {in office} people would be in
    /// the office; the minimum is {minimum}."
    pub coverage_day: fn(&str, &str, u32, u32) -> String,
    pub coverage_note: &'static str,
    pub coverage_confirm: &'static str,

    // Team rules.
    pub rules_title: &'static str,
    pub rules_not_lead: &'static str,
    pub min_office_legend: &'static str,
    pub min_kind_legend: &'static str,
    pub min_kind_people: &'static str,
    pub min_kind_percent: &'static str,
    pub min_value: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub office_only_title: &'static str,
    pub office_only_intro: &'static str,
    pub office_only_empty: &'static str,
    pub office_only_date: &'static str,
    pub office_only_note: &'static str,
    pub office_only_add: &'static str,
    /// "Office-only day added: {date}."
    pub office_only_added: fn(&str) -> String,
    pub office_only_removed: fn(&str) -> String,
    /// Accessible name of a removal button: "Remove {date}".
    pub remove_day: fn(&str) -> String,
    /// "Remove the office-only day of {date}?"
    pub remove_question: fn(&str) -> String,
    pub remove_confirm: &'static str,
    pub remove: &'static str,
    pub agreements_admin_only: &'static str,
    pub date_required: &'static str,

    // Agreements.
    pub agreements_title: &'static str,
    pub agreements_intro: &'static str,
    pub col_agreement: &'static str,
    pub no_agreement: &'static str,
    /// "{mode}, {per week} per week, {per month} per month, {validity}".
    pub agreement_summary: fn(&str, u8, u8, &str) -> String,
    /// "from {date}" / "from {date} to {date}".
    pub valid_open: fn(&str) -> String,
    pub valid_between: fn(&str, &str) -> String,
    /// "withdrawn from {date}".
    pub withdrawn_from: fn(&str) -> String,
    /// "Edit the agreement of {person}" / "New agreement for {person}".
    pub edit_agreement: fn(&str) -> String,
    pub new_agreement: fn(&str) -> String,
    pub edit: &'static str,
    pub create: &'static str,
    pub close: &'static str,
    pub field_mode: &'static str,
    pub mode_agile: &'static str,
    pub mode_remote: &'static str,
    pub mode_telework: &'static str,
    pub field_valid_from: &'static str,
    pub field_valid_until: &'static str,
    pub field_valid_until_hint: &'static str,
    pub field_max_week: &'static str,
    pub field_max_month: &'static str,
    pub field_weekdays: &'static str,
    pub field_places: &'static str,
    pub field_home: &'static str,
    pub field_named_places: &'static str,
    pub field_named_places_hint: &'static str,
    pub field_contact_hours: &'static str,
    /// "Band {n}: from" / "Band {n}: to".
    pub band_start: fn(usize) -> String,
    pub band_end: fn(usize) -> String,
    pub field_notice: &'static str,
    pub agreement_saved: &'static str,
    pub form_has_errors: &'static str,
    pub field_incomplete: &'static str,
    pub withdraw: &'static str,
    pub withdraw_effective: &'static str,
    /// "Withdraw the agreement of {person} from {date}?"
    pub withdraw_question: fn(&str, &str) -> String,
    pub withdraw_confirm: &'static str,
    pub agreement_withdrawn: &'static str,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static TeamTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: TeamTexts = TeamTexts {
    calendar_title: "Calendario del team",
    team_label: "Team",
    legend_title: "Legenda",
    person_column: "Persona",
    grid_caption: |team, month| format!("{team}, {month}: stato di ogni persona per giorno"),
    office: "In ufficio",
    agile: "Lavoro agile",
    remote: "Lavoro da remoto",
    telework: "Telelavoro",
    absent: "Assente",
    pending: "In attesa di approvazione",
    rejected: "Respinto",
    non_working: "Giorno non lavorativo",
    view_label: "Vista",
    view_month: "Mese",
    view_week: "Settimana",
    previous_week: "Settimana precedente",
    next_week: "Settimana successiva",
    this_week: "Questa settimana",
    week_title: |from, to| format!("{from} – {to}"),
    cell_label: |person, date, status| format!("{person}, {date}: {status}"),
    with_note: |status, note| format!("{status} ({note})"),
    in_office_row: "In ufficio",
    count_label: |n, size| format!("{n} su {size} in ufficio"),
    below_minimum: |n, min| format!("Sotto il minimo: {n} in ufficio, minimo {min}"),
    below_title: "Giorni sotto la presenza minima",
    below_none: "Nessuno dei giorni mostrati è sotto la presenza minima.",
    below_day: |date, n, min| format!("{date}: {n} in ufficio, minimo {min}"),
    minimum_rule: |rule| format!("Presenza minima in ufficio: {rule}"),
    min_people: |n| {
        if n == 1 {
            "1 persona".into()
        } else {
            format!("{n} persone")
        }
    },
    min_percent: |p| format!("{p}% del team"),
    counts_only: "Di questo team vedi solo quante persone sono in ufficio, fuori sede o assenti ogni giorno.",
    away_row: "Fuori sede (approvato)",
    pending_row: "In attesa",
    absent_row: "Assenti",
    empty_team: "Questo team non ha ancora persone attive.",
    no_team: "Non fai parte di nessun team: chiedi all'amministrazione di assegnartene uno.",
    rules_link: "Regole del team",
    agreements_link: "Accordi individuali",

    approvals_title: "Richieste da approvare",
    approvals_intro: "Le giornate di lavoro agile in attesa delle persone dei tuoi team. Le nuove richieste compaiono qui da sole.",
    approvals_not_lead: "Le richieste da approvare arrivano ai responsabili dei team: tu non ne guidi nessuno.",
    filters: "Filtri",
    filter_person: "Persona",
    filter_everyone: "Tutte le persone",
    filter_from: "Dal giorno",
    filter_until: "Al giorno",
    filter_clear: "Azzera i filtri",
    inbox_empty: "Nessuna richiesta in attesa. Quando qualcuno del tuo team chiede una giornata, la trovi qui.",
    inbox_filtered_empty: "Nessuna richiesta corrisponde ai filtri: cambia persona o date, oppure azzera i filtri.",
    inbox_count: |n| {
        if n == 1 {
            "1 giornata in attesa".into()
        } else {
            format!("{n} giornate in attesa")
        }
    },
    col_select: "Selezione",
    col_person: "Persona",
    col_day: "Giorno",
    col_where: "Modalità e luogo",
    col_coverage: "Presenza in ufficio",
    col_actions: "Decisione",
    coverage_if_approved: |n, min| format!("Se approvata: {n} in ufficio, sotto il minimo di {min}"),
    mode_at_home: |mode| format!("{mode}, da casa"),
    mode_at_place: |mode, place| format!("{mode}, {place}"),
    request_note: |note| format!("Nota: {note}"),
    select_day: |person, date| format!("Seleziona {person}, {date}"),
    select_all: "Seleziona tutte le giornate mostrate",
    approve: "Approva",
    reject: "Respingi",
    approve_day: |person, date| format!("Approva {person}, {date}"),
    reject_day: |person, date| format!("Respingi {person}, {date}"),
    reject_reason: "Motivo del rifiuto (obbligatorio)",
    reject_confirm: "Conferma il rifiuto",
    reason_required: "Scrivi il motivo del rifiuto: la persona lo leggerà.",
    cancel: "Annulla",
    bulk_approve: |n| format!("Approva le selezionate ({n})"),
    bulk_reject: |n| format!("Rifiuta le selezionate ({n})"),
    bulk_reason: |n| {
        if n == 1 {
            "Motivo del rifiuto della giornata selezionata (obbligatorio)".to_string()
        } else {
            format!("Motivo del rifiuto delle {n} giornate selezionate (obbligatorio)")
        }
    },
    bulk_reject_confirm: "Rifiuta con questo motivo",
    bulk_rejected: |n| {
        if n == 1 {
            "1 giornata respinta.".to_string()
        } else {
            format!("{n} giornate respinte.")
        }
    },
    approved_msg: |person, date| format!("{person}, {date}: approvata."),
    rejected_msg: |person, date| format!("{person}, {date}: respinta."),
    bulk_done: |n| {
        if n == 1 {
            "1 giornata approvata.".into()
        } else {
            format!("{n} giornate approvate.")
        }
    },
    coverage_cell: |n, size, min| format!("{n} su {size} in ufficio (minimo {min})"),
    coverage_title: "Presenza minima in ufficio non garantita",
    coverage_intro: "Approvando, questi giorni scenderebbero sotto la presenza minima del team. Puoi approvare comunque, lasciando una nota.",
    coverage_day: |person, date, n, min| {
        format!("{person}, {date}: in ufficio resterebbero {n} persone, il minimo è {min}.")
    },
    coverage_note: "Nota per l'approvazione (facoltativa)",
    coverage_confirm: "Approva comunque",

    rules_title: "Regole del team",
    rules_not_lead: "Solo i responsabili di un team e l'amministrazione possono cambiarne le regole.",
    min_office_legend: "Presenza minima in ufficio ogni giorno lavorativo",
    min_kind_legend: "Come si conta",
    min_kind_people: "Numero di persone",
    min_kind_percent: "Percentuale del team",
    min_value: "Valore",
    save: "Salva",
    saved: "Regole salvate.",
    office_only_title: "Giornate in presenza per tutto il team",
    office_only_intro: "In queste date nessuno del team può chiedere lavoro agile (ad esempio per una riunione di servizio).",
    office_only_empty: "Nessuna giornata in presenza: aggiungine una con il modulo qui sotto.",
    office_only_date: "Data",
    office_only_note: "Motivo (ad esempio: riunione di servizio)",
    office_only_add: "Aggiungi la giornata",
    office_only_added: |date| format!("Giornata in presenza aggiunta: {date}."),
    office_only_removed: |date| format!("Giornata in presenza rimossa: {date}."),
    remove_day: |date| format!("Rimuovi {date}"),
    remove_question: |date| format!("Rimuovere la giornata in presenza di {date}?"),
    remove_confirm: "Sì, rimuovi",
    remove: "Rimuovi",
    agreements_admin_only: "Solo l'amministrazione gestisce gli accordi individuali.",
    date_required: "Scegli una data.",

    agreements_title: "Accordi individuali",
    agreements_intro: "Ogni persona lavora a distanza entro il proprio accordo individuale (legge 81/2017).",
    col_agreement: "Accordo",
    no_agreement: "Nessun accordo",
    agreement_summary: |mode, week, month, validity| {
        format!("{mode}: al massimo {week} a settimana e {month} al mese, {validity}")
    },
    valid_open: |from| format!("{}, a tempo indeterminato", super::italian::dal(from)),
    valid_between: |from, until| {
        format!("{} {}", super::italian::dal(from), super::italian::al(until))
    },
    withdrawn_from: |date| format!("recesso {}", super::italian::dal(date)),
    edit_agreement: |person| format!("Modifica l'accordo di {person}"),
    new_agreement: |person| format!("Crea accordo per {person}"),
    edit: "Modifica",
    create: "Crea accordo",
    close: "Chiudi",
    field_mode: "Modalità",
    mode_agile: "Lavoro agile",
    mode_remote: "Lavoro da remoto",
    mode_telework: "Telelavoro (telecentro o coworking)",
    field_valid_from: "Valido dal",
    field_valid_until: "Valido fino al",
    field_valid_until_hint: "Lascia vuoto per un accordo a tempo indeterminato.",
    field_max_week: "Giorni massimi a settimana",
    field_max_month: "Giorni massimi al mese",
    field_weekdays: "Giorni della settimana ammessi",
    field_places: "Luoghi ammessi",
    field_home: "Da casa",
    field_named_places: "Altri luoghi",
    field_named_places_hint: "Un telecentro o coworking per riga.",
    field_contact_hours: "Fasce di contattabilità",
    band_start: |n| format!("Fascia {n}: dalle"),
    band_end: |n| format!("Fascia {n}: alle"),
    field_notice: "Preavviso di recesso (giorni)",
    agreement_saved: "Accordo salvato.",
    form_has_errors: "L'accordo non è stato salvato: correggi i campi segnalati.",
    field_incomplete: "Compila questo campo.",
    withdraw: "Recedi dall'accordo",
    withdraw_effective: "Recesso con effetto dal",
    withdraw_question: |person, date| {
        format!(
            "Confermi il recesso dall'accordo di {person} con effetto {}?",
            super::italian::dal(date)
        )
    },
    withdraw_confirm: "Sì, recedi",
    agreement_withdrawn: "Recesso registrato.",
};

static EN: TeamTexts = TeamTexts {
    calendar_title: "Team calendar",
    team_label: "Team",
    legend_title: "Key",
    person_column: "Person",
    grid_caption: |team, month| format!("{team}, {month}: each person's status by day"),
    office: "In the office",
    agile: "Agile work",
    remote: "Remote work",
    telework: "Telework",
    absent: "Absent",
    pending: "Waiting for approval",
    rejected: "Rejected",
    non_working: "Non-working day",
    view_label: "View",
    view_month: "Month",
    view_week: "Week",
    previous_week: "Previous week",
    next_week: "Next week",
    this_week: "This week",
    week_title: |from, to| format!("{from} – {to}"),
    cell_label: |person, date, status| format!("{person}, {date}: {status}"),
    with_note: |status, note| format!("{status} ({note})"),
    in_office_row: "In the office",
    count_label: |n, size| format!("{n} of {size} in the office"),
    below_minimum: |n, min| format!("Under the minimum: {n} in the office, minimum {min}"),
    below_title: "Days under the minimum office presence",
    below_none: "None of the days shown is under the minimum office presence.",
    below_day: |date, n, min| format!("{date}: {n} in the office, minimum {min}"),
    minimum_rule: |rule| format!("Minimum office presence: {rule}"),
    min_people: |n| {
        if n == 1 {
            "1 person".into()
        } else {
            format!("{n} people")
        }
    },
    min_percent: |p| format!("{p}% of the team"),
    counts_only: "For this team you see only how many people are in the office, away or absent each day.",
    away_row: "Away (approved)",
    pending_row: "Waiting",
    absent_row: "Absent",
    empty_team: "This team has no active members yet.",
    no_team: "You are not in a team: ask the administrators to assign you to one.",
    rules_link: "Team rules",
    agreements_link: "Individual agreements",

    approvals_title: "Requests to approve",
    approvals_intro: "The agile days waiting for a decision from the people of your teams. New requests appear here by themselves.",
    approvals_not_lead: "Requests to approve go to the leads of each team: you do not lead one.",
    filters: "Filters",
    filter_person: "Person",
    filter_everyone: "Everyone",
    filter_from: "From",
    filter_until: "Until",
    filter_clear: "Clear the filters",
    inbox_empty: "No request is waiting. When someone in your team asks for a day, you will find it here.",
    inbox_filtered_empty: "No request matches the filters: change the person or the dates, or clear the filters.",
    inbox_count: |n| {
        if n == 1 {
            "1 day waiting".into()
        } else {
            format!("{n} days waiting")
        }
    },
    col_select: "Selection",
    col_person: "Person",
    col_day: "Day",
    col_where: "Mode and place",
    col_coverage: "Office presence",
    col_actions: "Decision",
    coverage_if_approved: |n, min| format!("If approved: {n} in the office, under the minimum of {min}"),
    mode_at_home: |mode| format!("{mode}, from home"),
    mode_at_place: |mode, place| format!("{mode}, {place}"),
    request_note: |note| format!("Note: {note}"),
    select_day: |person, date| format!("Select {person}, {date}"),
    select_all: "Select every day shown",
    approve: "Approve",
    reject: "Reject",
    approve_day: |person, date| format!("Approve {person}, {date}"),
    reject_day: |person, date| format!("Reject {person}, {date}"),
    reject_reason: "Reason for rejecting (required)",
    reject_confirm: "Confirm the rejection",
    reason_required: "Write the reason for rejecting: the person will read it.",
    cancel: "Cancel",
    bulk_approve: |n| format!("Approve selected ({n})"),
    bulk_reject: |n| format!("Reject selected ({n})"),
    bulk_reason: |n| {
        if n == 1 {
            "Reason for rejecting the selected day (required)".to_string()
        } else {
            format!("Reason for rejecting the {n} selected days (required)")
        }
    },
    bulk_reject_confirm: "Reject with this reason",
    bulk_rejected: |n| {
        if n == 1 {
            "1 day rejected.".to_string()
        } else {
            format!("{n} days rejected.")
        }
    },
    approved_msg: |person, date| format!("{person}, {date}: approved."),
    rejected_msg: |person, date| format!("{person}, {date}: rejected."),
    bulk_done: |n| {
        if n == 1 {
            "1 day approved.".into()
        } else {
            format!("{n} days approved.")
        }
    },
    coverage_cell: |n, size, min| format!("{n} of {size} in the office (minimum {min})"),
    coverage_title: "Minimum office presence not met",
    coverage_intro: "Approving would take these days under the team's minimum office presence. You may approve anyway, with a note.",
    coverage_day: |person, date, n, min| {
        format!("{person}, {date}: {n} people would be in the office; the minimum is {min}.")
    },
    coverage_note: "Note on the approval (optional)",
    coverage_confirm: "Approve anyway",

    rules_title: "Team rules",
    rules_not_lead: "Only a team's leads and the administrators can change its rules.",
    min_office_legend: "Minimum office presence on every working day",
    min_kind_legend: "Counted as",
    min_kind_people: "Number of people",
    min_kind_percent: "Share of the team",
    min_value: "Value",
    save: "Save",
    saved: "Rules saved.",
    office_only_title: "Office days for the whole team",
    office_only_intro: "On these dates nobody in the team can ask for agile work (for example a team meeting).",
    office_only_empty: "No office-only day: add one with the form below.",
    office_only_date: "Date",
    office_only_note: "Reason (for example: team meeting)",
    office_only_add: "Add the day",
    office_only_added: |date| format!("Office-only day added: {date}."),
    office_only_removed: |date| format!("Office-only day removed: {date}."),
    remove_day: |date| format!("Remove {date}"),
    remove_question: |date| format!("Remove the office-only day of {date}?"),
    remove_confirm: "Yes, remove",
    remove: "Remove",
    agreements_admin_only: "Only the administrators manage individual agreements.",
    date_required: "Choose a date.",

    agreements_title: "Individual agreements",
    agreements_intro: "Each person works at a distance within their individual agreement (Law 81/2017).",
    col_agreement: "Agreement",
    no_agreement: "No agreement",
    agreement_summary: |mode, week, month, validity| {
        format!("{mode}: at most {week} a week and {month} a month, {validity}")
    },
    valid_open: |from| format!("from {from}, open-ended"),
    valid_between: |from, until| format!("from {from} to {until}"),
    withdrawn_from: |date| format!("withdrawn from {date}"),
    edit_agreement: |person| format!("Edit the agreement of {person}"),
    new_agreement: |person| format!("Create agreement for {person}"),
    edit: "Edit",
    create: "Create agreement",
    close: "Close",
    field_mode: "Mode",
    mode_agile: "Agile work",
    mode_remote: "Remote work",
    mode_telework: "Telework (telecentre or coworking)",
    field_valid_from: "Valid from",
    field_valid_until: "Valid until",
    field_valid_until_hint: "Leave empty for an open-ended agreement.",
    field_max_week: "Most days a week",
    field_max_month: "Most days a month",
    field_weekdays: "Allowed weekdays",
    field_places: "Allowed places",
    field_home: "From home",
    field_named_places: "Other places",
    field_named_places_hint: "One telecentre or coworking space per line.",
    field_contact_hours: "Contact hours",
    band_start: |n| format!("Band {n}: from"),
    band_end: |n| format!("Band {n}: to"),
    field_notice: "Withdrawal notice (days)",
    agreement_saved: "Agreement saved.",
    form_has_errors: "The agreement was not saved: correct the fields marked.",
    field_incomplete: "Fill in this field.",
    withdraw: "Withdraw from the agreement",
    withdraw_effective: "Withdrawal effective from",
    withdraw_question: |person, date| {
        format!("Withdraw from the agreement of {person} with effect from {date}?")
    },
    withdraw_confirm: "Yes, withdraw",
    agreement_withdrawn: "Withdrawal recorded.",
};
