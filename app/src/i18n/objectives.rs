//! The objectives pages, in Italian and English, and the sentences for the
//! objectives rules' refusals (codes starting with `objective_`).

use vela_domain::objectives::{AmountProblem, Outcome, Rejection, Status};

/// Strings of the objectives pages.
pub struct ObjectivesTexts {
    pub mine_title: &'static str,
    pub mine_intro: &'static str,
    pub new_objective: &'static str,
    pub team_overview_link: &'static str,
    pub back_to_mine: &'static str,
    pub filter_label: &'static str,
    pub filter_span: &'static str,
    pub filter_year: &'static str,
    /// A span of the year in the filter.
    pub span_year: &'static str,
    pub span_semester: fn(u8) -> String,
    pub span_quarter: fn(u8) -> String,
    pub personal_heading: &'static str,
    /// "Shared objectives of {team}".
    pub team_heading: fn(&str) -> String,
    pub empty_mine: &'static str,
    pub empty_team: &'static str,
    /// "Weighted overall score: {percent}".
    pub overall_score: fn(&str) -> String,
    pub overall_none: &'static str,
    pub period_label: &'static str,
    /// "{from} – {until}".
    pub period_range: fn(&str, &str) -> String,
    pub due_label: &'static str,
    pub weight_label: &'static str,
    pub owner_label: &'static str,
    pub score_label: &'static str,
    /// Accessible name of an objective's score bar: "Score of {title}".
    pub score_of: fn(&str) -> String,
    /// "{percent} reached".
    pub percent_reached: fn(u8) -> String,
    /// A key result: "{current} of {target} {unit} (from {baseline})".
    pub key_result_values: fn(&str, &str, &str, &str) -> String,
    pub overdue: &'static str,
    pub sent_back_badge: &'static str,
    pub loading: &'static str,

    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub field_title: &'static str,
    pub field_description: &'static str,
    pub field_owner: &'static str,
    pub owner_me: &'static str,
    /// "Shared by the team {name}".
    pub owner_team: fn(&str) -> String,
    /// "Assigned to {name}".
    pub owner_member: fn(&str) -> String,
    pub field_from: &'static str,
    pub field_until: &'static str,
    pub field_weight: &'static str,
    pub weight_hint: &'static str,
    pub key_results_heading: &'static str,
    /// Legend of one key result's fields: "Key result {n}".
    pub key_result_n: fn(usize) -> String,
    pub field_indicator: &'static str,
    pub field_unit: &'static str,
    pub field_baseline: &'static str,
    pub field_target: &'static str,
    pub field_kr_weight: &'static str,
    pub amount_hint: &'static str,
    pub add_key_result: &'static str,
    /// "Remove key result {n}".
    pub remove_key_result: fn(usize) -> String,
    pub no_key_results: &'static str,
    pub save_draft: &'static str,
    pub save_changes: &'static str,
    pub save_and_propose_again: &'static str,
    pub cancel: &'static str,

    pub not_found: &'static str,
    pub key_results_title: &'static str,
    pub actions_heading: &'static str,
    pub edit: &'static str,
    pub edit_and_propose_again: &'static str,
    pub propose: &'static str,
    pub proposed: &'static str,
    pub draft_hint: &'static str,
    pub waiting_for_lead: &'static str,
    pub delete_draft: &'static str,
    pub delete_confirm_text: &'static str,
    pub delete_confirm: &'static str,
    pub sent_back_heading: &'static str,
    pub sent_back_owner_hint: &'static str,
    pub sent_back_lead_hint: &'static str,
    /// Who sent the objective back and when: "Marco Rossi, 25 nov 2026".
    pub sent_back_by: fn(&str, &str) -> String,
    pub agree: &'static str,
    pub agreed: &'static str,
    pub send_back: &'static str,
    pub send_back_comment: &'static str,
    pub send_back_submit: &'static str,
    pub send_back_needs_comment: &'static str,
    pub sent_back_done: &'static str,
    pub progress_heading: &'static str,
    pub field_key_result: &'static str,
    pub field_new_value: &'static str,
    pub field_note: &'static str,
    pub record_progress: &'static str,
    pub recorded: &'static str,
    pub updates_heading: &'static str,
    pub no_updates: &'static str,
    /// "{date}, {who}: {indicator} → {value}".
    pub update_line: fn(&str, &str, &str, &str) -> String,
    pub close_heading: &'static str,
    pub outcome_legend: &'static str,
    pub close_submit: &'static str,
    pub closed_done: &'static str,
    pub review_heading: &'static str,
    pub rating_legend: &'static str,
    /// The name of a rating, 1–5.
    pub rating_name: fn(u8) -> &'static str,
    pub review_comment: &'static str,
    pub review_submit: &'static str,
    pub reviewed: &'static str,
    /// "Rating: {n} out of 5 — {name}".
    pub rating_shown: fn(u8, &str) -> String,
    /// "Reviewed by {who} on {date}".
    pub reviewed_by: fn(&str, &str) -> String,
    pub not_reviewed: &'static str,
    pub days_heading: &'static str,
    pub days_empty: &'static str,
    pub someone: &'static str,

    pub overview_title: &'static str,
    pub overview_intro: &'static str,
    pub not_a_lead: &'static str,
    /// "Team {name}".
    pub overview_team: fn(&str) -> String,
    pub to_agree_heading: &'static str,
    pub to_agree_empty: &'static str,
    pub people_heading: &'static str,
    pub shared_heading: &'static str,
    pub col_objective: &'static str,
    pub col_status: &'static str,
    pub col_until: &'static str,
    pub col_score: &'static str,
    /// "{n} objectives overdue".
    pub overdue_count: fn(usize) -> String,
    pub overview_empty: &'static str,
    pub person_no_objectives: &'static str,
    /// "Overall score of {name}".
    pub person_score: fn(&str) -> String,
    /// The statuses' names, in the order of `Status::ALL`.
    pub status_names: [&'static str; 7],

    pub curve_heading: &'static str,
    pub curve_title: &'static str,
    /// "From {first} at the start to {last} after {n} updates (latest: {date})."
    pub curve_summary: fn(&str, &str, usize, &str) -> String,
    pub curve_empty: &'static str,
    pub curve_col_when: &'static str,
    /// A key result's curve: "{indicator} over time".
    pub kr_curve_title: fn(&str) -> String,
    /// "From {first} to {last} {unit} in {n} updates."
    pub kr_curve_summary: fn(&str, &str, &str, usize) -> String,
    /// "Progress this period: score {score} over {n} objectives ({achieved}
    /// achieved), {updates} updates recorded".
    pub team_progress: fn(&str, u32, u32, u32) -> String,
    /// "; the latest on {date}".
    pub team_progress_last: fn(&str) -> String,
    pub team_progress_none: &'static str,
}

impl ObjectivesTexts {
    /// The name of a status, as shown on badges.
    pub fn status(&self, status: Status) -> &'static str {
        status_name(&self.status_names, status)
    }

    /// The name of an outcome (the status it closes with).
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        self.status(outcome.into())
    }
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static ObjectivesTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: ObjectivesTexts = ObjectivesTexts {
    mine_title: "Obiettivi",
    mine_intro: "I tuoi obiettivi e quelli condivisi della tua struttura, con i risultati chiave che li misurano.",
    new_objective: "Nuovo obiettivo",
    team_overview_link: "Panoramica della struttura",
    back_to_mine: "Torna agli obiettivi",
    filter_label: "Periodo mostrato",
    filter_span: "Parte dell'anno",
    filter_year: "Anno",
    span_year: "Anno intero",
    span_semester: |n| format!("{n}° semestre"),
    span_quarter: |n| format!("{n}° trimestre"),
    personal_heading: "Obiettivi personali",
    team_heading: |team| format!("Obiettivi condivisi della struttura {team}"),
    empty_mine: "Non hai obiettivi in questo periodo. Scegli «Nuovo obiettivo» per scriverne uno in bozza \
                 con i suoi risultati chiave; quando è pronto, proponilo al tuo responsabile.",
    empty_team: "La struttura non ha obiettivi condivisi in questo periodo.",
    overall_score: |p| format!("Punteggio complessivo ponderato: {p}"),
    overall_none: "Il punteggio complessivo comparirà quando avrai obiettivi concordati in questo periodo.",
    period_label: "Periodo",
    period_range: |from, until| {
        format!("{} {}", super::italian::dal(from), super::italian::al(until))
    },
    due_label: "Scadenza",
    weight_label: "Peso",
    owner_label: "Titolare",
    score_label: "Punteggio ponderato",
    score_of: |title| format!("Punteggio di «{title}»"),
    percent_reached: |p| format!("{p}% raggiunto"),
    key_result_values: |current, target, unit, baseline| {
        format!("{current} su {target} {unit} (partenza {baseline})")
    },
    overdue: "In ritardo: scadenza superata",
    sent_back_badge: "Rimandato con un commento",
    loading: "Caricamento degli obiettivi…",

    form_new_title: "Nuovo obiettivo",
    form_edit_title: "Modifica obiettivo",
    field_title: "Titolo",
    field_description: "Descrizione",
    field_owner: "Di chi è l'obiettivo",
    owner_me: "Mio (personale)",
    owner_team: |name| format!("Condiviso della struttura {name}"),
    owner_member: |name| format!("Assegnato a {name}"),
    field_from: "Inizio del periodo",
    field_until: "Scadenza (fine del periodo)",
    field_weight: "Peso tra i tuoi obiettivi (da 1 a 100)",
    weight_hint: "Quanto conta rispetto agli altri obiettivi del periodo.",
    key_results_heading: "Risultati chiave",
    key_result_n: |n| format!("Risultato chiave {n}"),
    field_indicator: "Indicatore",
    field_unit: "Unità di misura",
    field_baseline: "Valore di partenza",
    field_target: "Valore da raggiungere",
    field_kr_weight: "Peso del risultato (da 1 a 100)",
    amount_hint: "Un numero, ad esempio 12,5",
    add_key_result: "Aggiungi un risultato chiave",
    remove_key_result: |n| format!("Rimuovi il risultato chiave {n}"),
    no_key_results: "Nessun risultato chiave: aggiungine almeno uno prima di proporre l'obiettivo.",
    save_draft: "Salva la bozza",
    save_changes: "Salva le modifiche",
    save_and_propose_again: "Salva e riproponi",
    cancel: "Annulla",

    not_found: "Obiettivo non trovato: potrebbe essere stato eliminato, o non essere visibile per te.",
    key_results_title: "Risultati chiave e avanzamento",
    actions_heading: "Cosa puoi fare",
    edit: "Modifica",
    edit_and_propose_again: "Modifica e riproponi",
    propose: "Proponi al responsabile",
    proposed: "Obiettivo proposto al responsabile.",
    draft_hint: "È una bozza: la vedi solo tu. Quando è pronta, proponila al responsabile.",
    waiting_for_lead: "In attesa dell'accordo del responsabile.",
    delete_draft: "Elimina la bozza",
    delete_confirm_text: "Eliminare definitivamente questa bozza? L'operazione non si può annullare.",
    delete_confirm: "Sì, elimina la bozza",
    sent_back_heading: "Rimandato dal responsabile",
    sent_back_owner_hint: "Rivedi l'obiettivo tenendo conto del commento, poi riproponilo.",
    sent_back_lead_hint: "In attesa che la persona riveda l'obiettivo e lo riproponga.",
    sent_back_by: |who, date| format!("Rimandato da {who} il {date}"),
    agree: "Approva l'obiettivo",
    agreed: "Obiettivo concordato.",
    send_back: "Rimanda con un commento",
    send_back_comment: "Commento per chi l'ha proposto",
    send_back_submit: "Rimanda l'obiettivo",
    send_back_needs_comment: "Scrivi un commento che spieghi cosa rivedere.",
    sent_back_done: "Obiettivo rimandato con il tuo commento.",
    progress_heading: "Registra l'avanzamento",
    field_key_result: "Risultato chiave",
    field_new_value: "Nuovo valore attuale",
    field_note: "Nota (cosa è cambiato)",
    record_progress: "Registra l'avanzamento",
    recorded: "Avanzamento registrato.",
    updates_heading: "Aggiornamenti",
    no_updates: "Nessun aggiornamento registrato finora.",
    update_line: |date, who, indicator, value| format!("{date}, {who}: {indicator} → {value}"),
    close_heading: "Chiudi l'obiettivo",
    outcome_legend: "Esito",
    close_submit: "Chiudi con questo esito",
    closed_done: "Obiettivo chiuso.",
    review_heading: "Valutazione",
    rating_legend: "Valutazione (da 1 a 5)",
    rating_name: |n| match n {
        1 => "molto al di sotto delle attese",
        2 => "al di sotto delle attese",
        3 => "in linea con le attese",
        4 => "al di sopra delle attese",
        _ => "ben oltre le attese",
    },
    review_comment: "Commento della valutazione",
    review_submit: "Registra la valutazione",
    reviewed: "Valutazione registrata.",
    rating_shown: |n, name| format!("Valutazione: {n} su 5 — {name}"),
    reviewed_by: |who, date| format!("Valutato da {who} il {date}"),
    not_reviewed: "Non ancora valutato: il responsabile lo valuta dopo la chiusura.",
    days_heading: "Giornate di lavoro agile dedicate",
    days_empty: "Nessuna giornata di lavoro agile ha ancora registrato attività su questo obiettivo: \
                 si registrano dal calendario, nel giorno di lavoro agile o dopo.",
    someone: "Qualcuno",

    overview_title: "Obiettivi della struttura",
    overview_intro: "Le proposte da approvare, l'avanzamento di ogni persona e gli obiettivi in ritardo.",
    not_a_lead: "Questa pagina è per chi è responsabile di una struttura.",
    overview_team: |name| format!("Struttura {name}"),
    to_agree_heading: "Proposte da approvare",
    to_agree_empty: "Nessuna proposta in attesa.",
    people_heading: "Avanzamento per persona",
    shared_heading: "Obiettivi condivisi della struttura",
    col_objective: "Obiettivo",
    col_status: "Stato",
    col_until: "Scadenza",
    col_score: "Punteggio",
    overdue_count: |n| match n {
        1 => "1 obiettivo in ritardo".into(),
        n => format!("{n} obiettivi in ritardo"),
    },
    overview_empty: "Nessun obiettivo in questo periodo. Le persone li scrivono e li propongono dalla pagina \
                     «Obiettivi»; da lì puoi anche creare obiettivi condivisi della struttura.",
    person_no_objectives: "nessun obiettivo proposto",
    person_score: |name| format!("Punteggio complessivo di {name}"),
    status_names: STATUS_IT,

    curve_heading: "Andamento",
    curve_title: "Andamento del punteggio",
    curve_summary: |first, last, n, date| {
        let updates = if n == 1 { "1 aggiornamento".to_owned() } else { format!("{n} aggiornamenti") };
        format!("Da {first} all'avvio a {last} dopo {updates} (ultimo: {date}).")
    },
    curve_empty: "L'andamento comparirà quando l'obiettivo sarà avviato.",
    curve_col_when: "Data",
    kr_curve_title: |indicator| format!("Andamento: {indicator}"),
    kr_curve_summary: |first, last, unit, n| {
        let updates = if n == 1 { "1 aggiornamento".to_owned() } else { format!("{n} aggiornamenti") };
        format!("Da {first} a {last} {unit} in {updates}.")
    },
    team_progress: |score, n, achieved, updates| {
        let objectives = if n == 1 { "1 obiettivo".to_owned() } else { format!("{n} obiettivi") };
        let achieved = if achieved == 1 { "1 raggiunto".to_owned() } else { format!("{achieved} raggiunti") };
        let updates = if updates == 1 { "1 aggiornamento registrato".to_owned() } else { format!("{updates} aggiornamenti registrati") };
        format!("Avanzamento nel periodo: punteggio {score} su {objectives} ({achieved}), {updates}")
    },
    team_progress_last: |date| format!(", l'ultimo il {date}"),
    team_progress_none: "Nessun obiettivo concordato nel periodo.",
};

static EN: ObjectivesTexts = ObjectivesTexts {
    mine_title: "Objectives",
    mine_intro:
        "Your objectives and your team's shared ones, with the key results that measure them.",
    new_objective: "New objective",
    team_overview_link: "Team overview",
    back_to_mine: "Back to objectives",
    filter_label: "Period shown",
    filter_span: "Part of the year",
    filter_year: "Year",
    span_year: "Whole year",
    span_semester: |n| format!("{} half", if n == 1 { "First" } else { "Second" }),
    span_quarter: |n| format!("Quarter {n}"),
    personal_heading: "Personal objectives",
    team_heading: |team| format!("Shared objectives of {team}"),
    empty_mine:
        "You have no objectives in this period. Choose “New objective” to write a draft with its \
                 key results; when it is ready, propose it to your lead.",
    empty_team: "The team has no shared objectives in this period.",
    overall_score: |p| format!("Weighted overall score: {p}"),
    overall_none: "The overall score appears once you have agreed objectives in this period.",
    period_label: "Period",
    period_range: |from, until| format!("from {from} to {until}"),
    due_label: "Due",
    weight_label: "Weight",
    owner_label: "Owner",
    score_label: "Weighted score",
    score_of: |title| format!("Score of “{title}”"),
    percent_reached: |p| format!("{p}% reached"),
    key_result_values: |current, target, unit, baseline| {
        format!("{current} of {target} {unit} (baseline {baseline})")
    },
    overdue: "Overdue: past its end date",
    sent_back_badge: "Sent back with a comment",
    loading: "Loading objectives…",

    form_new_title: "New objective",
    form_edit_title: "Edit objective",
    field_title: "Title",
    field_description: "Description",
    field_owner: "Whose objective",
    owner_me: "Mine (personal)",
    owner_team: |name| format!("Shared by the team {name}"),
    owner_member: |name| format!("Assigned to {name}"),
    field_from: "Start of the period",
    field_until: "Due date (end of the period)",
    field_weight: "Weight among your objectives (1 to 100)",
    weight_hint: "How much it counts compared with the other objectives of the period.",
    key_results_heading: "Key results",
    key_result_n: |n| format!("Key result {n}"),
    field_indicator: "Indicator",
    field_unit: "Unit",
    field_baseline: "Baseline",
    field_target: "Target",
    field_kr_weight: "Weight of the result (1 to 100)",
    amount_hint: "A number, e.g. 12.5",
    add_key_result: "Add a key result",
    remove_key_result: |n| format!("Remove key result {n}"),
    no_key_results: "No key results: add at least one before proposing the objective.",
    save_draft: "Save draft",
    save_changes: "Save changes",
    save_and_propose_again: "Save and propose again",
    cancel: "Cancel",

    not_found: "Objective not found: it may have been deleted, or you may not see it.",
    key_results_title: "Key results and progress",
    actions_heading: "What you can do",
    edit: "Edit",
    edit_and_propose_again: "Edit and propose again",
    propose: "Propose to the lead",
    proposed: "Objective proposed to the lead.",
    draft_hint: "This is a draft: only you see it. When it is ready, propose it to your lead.",
    waiting_for_lead: "Waiting for the lead's agreement.",
    delete_draft: "Delete draft",
    delete_confirm_text: "Delete this draft for good? This cannot be undone.",
    delete_confirm: "Yes, delete the draft",
    sent_back_heading: "Sent back by the lead",
    sent_back_owner_hint: "Revise the objective with the comment in mind, then propose it again.",
    sent_back_lead_hint: "Waiting for the person to revise the objective and propose it again.",
    sent_back_by: |who, date| format!("Sent back by {who} on {date}"),
    agree: "Agree the objective",
    agreed: "Objective agreed.",
    send_back: "Send back with a comment",
    send_back_comment: "Comment for the person who proposed it",
    send_back_submit: "Send the objective back",
    send_back_needs_comment: "Write a comment saying what to revise.",
    sent_back_done: "Objective sent back with your comment.",
    progress_heading: "Record progress",
    field_key_result: "Key result",
    field_new_value: "New current value",
    field_note: "Note (what changed)",
    record_progress: "Record progress",
    recorded: "Progress recorded.",
    updates_heading: "Updates",
    no_updates: "No updates recorded yet.",
    update_line: |date, who, indicator, value| format!("{date}, {who}: {indicator} → {value}"),
    close_heading: "Close the objective",
    outcome_legend: "Outcome",
    close_submit: "Close with this outcome",
    closed_done: "Objective closed.",
    review_heading: "Review",
    rating_legend: "Rating (1 to 5)",
    rating_name: |n| match n {
        1 => "far below expectations",
        2 => "below expectations",
        3 => "meets expectations",
        4 => "above expectations",
        _ => "well beyond expectations",
    },
    review_comment: "Review comment",
    review_submit: "Save the review",
    reviewed: "Review saved.",
    rating_shown: |n, name| format!("Rating: {n} out of 5 — {name}"),
    reviewed_by: |who, date| format!("Reviewed by {who} on {date}"),
    not_reviewed: "Not reviewed yet: the lead reviews it once it is closed.",
    days_heading: "Agile days spent on it",
    days_empty:
        "No agile day has recorded work on this objective yet: record it from the calendar, \
                 on the agile day or after it.",
    someone: "Someone",

    overview_title: "Team objectives",
    overview_intro: "Proposals to agree, each person's progress and the overdue objectives.",
    not_a_lead: "This page is for team leads.",
    overview_team: |name| format!("Team {name}"),
    to_agree_heading: "Proposals to agree",
    to_agree_empty: "No proposals waiting.",
    people_heading: "Progress per person",
    shared_heading: "Shared objectives of the team",
    col_objective: "Objective",
    col_status: "Status",
    col_until: "Due",
    col_score: "Score",
    overdue_count: |n| match n {
        1 => "1 objective overdue".into(),
        n => format!("{n} objectives overdue"),
    },
    overview_empty:
        "No objectives in this period. People write and propose them from “Objectives”; \
                     there you can also create objectives shared by the team.",
    person_no_objectives: "no objectives proposed",
    person_score: |name| format!("Overall score of {name}"),
    status_names: STATUS_EN,

    curve_heading: "Progress over time",
    curve_title: "Score over time",
    curve_summary: |first, last, n, date| {
        let updates = if n == 1 {
            "1 update".to_owned()
        } else {
            format!("{n} updates")
        };
        format!("From {first} at the start to {last} after {updates} (latest: {date}).")
    },
    curve_empty: "The curve will appear once the objective is started.",
    curve_col_when: "Date",
    kr_curve_title: |indicator| format!("Over time: {indicator}"),
    kr_curve_summary: |first, last, unit, n| {
        let updates = if n == 1 {
            "1 update".to_owned()
        } else {
            format!("{n} updates")
        };
        format!("From {first} to {last} {unit} in {updates}.")
    },
    team_progress: |score, n, achieved, updates| {
        let objectives = if n == 1 {
            "1 objective".to_owned()
        } else {
            format!("{n} objectives")
        };
        let updates = if updates == 1 {
            "1 update recorded".to_owned()
        } else {
            format!("{updates} updates recorded")
        };
        format!("Progress this period: score {score} over {objectives} ({achieved} achieved), {updates}")
    },
    team_progress_last: |date| format!(", the latest on {date}"),
    team_progress_none: "No objective agreed in the period.",
};

/// The statuses' names apart from the page texts: the sentences of a
/// refusal use them too, and those stay in the first download.
const STATUS_IT: [&str; 7] = [
    "Bozza",
    "Proposto",
    "Concordato",
    "In corso",
    "Raggiunto",
    "Parzialmente raggiunto",
    "Non raggiunto",
];
const STATUS_EN: [&str; 7] = [
    "Draft",
    "Proposed",
    "Agreed",
    "In progress",
    "Achieved",
    "Partly achieved",
    "Not achieved",
];

fn status_name(names: &[&'static str; 7], status: Status) -> &'static str {
    let index = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
    names.get(index).copied().unwrap_or_default()
}

fn status_list_it(statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(|s| status_name(&STATUS_IT, *s).to_lowercase())
        .collect::<Vec<_>>()
        .join(" o ")
}

fn status_list_en(statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(|s| status_name(&STATUS_EN, *s).to_lowercase())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The Italian sentence for an objectives refusal.
pub fn rejection_it(rejection: &Rejection) -> String {
    match rejection {
        Rejection::ObjectiveWrongStatus { status, expected } => format!(
            "L'obiettivo è nello stato «{}»: questa operazione richiede lo stato {}.",
            status_name(&STATUS_IT, *status).to_lowercase(),
            status_list_it(expected)
        ),
        Rejection::ObjectiveOwnerFixed => "Il titolare di un obiettivo non può cambiare.".into(),
        Rejection::ObjectiveNoKeyResults => {
            "Un obiettivo deve avere almeno un risultato chiave per essere proposto.".into()
        }
        Rejection::ObjectiveTooManyKeyResults { max } => {
            format!("Un obiettivo può avere al massimo {max} risultati chiave.")
        }
        Rejection::ObjectiveWeightOutOfRange {
            key_result,
            min,
            max,
        } => match key_result {
            Some(_) => format!("Il peso di un risultato chiave va da {min} a {max}."),
            None => format!("Il peso dell'obiettivo va da {min} a {max}."),
        },
        Rejection::ObjectivePeriodTooLong { max_days } => {
            format!("Un obiettivo può coprire al massimo {max_days} giorni.")
        }
        Rejection::ObjectiveRatingOutOfRange { min, max } => {
            format!("La valutazione va da {min} a {max}.")
        }
        Rejection::ObjectiveSelfApproval => {
            "Non puoi approvare, chiudere o valutare un tuo obiettivo: deve farlo un altro responsabile o l'amministrazione."
                .into()
        }
        Rejection::ObjectiveTooManyUpdates { max } => {
            format!("Un obiettivo conserva al massimo {max} aggiornamenti.")
        }
        Rejection::ObjectiveAmountInvalid { value, problem } => match problem {
            AmountProblem::Empty => "Manca un valore numerico.".into(),
            AmountProblem::NotANumber => {
                format!("«{value}» non è un numero: scrivilo come 12,5 (senza separatori delle migliaia).")
            }
            AmountProblem::TooManyDecimals => {
                format!("«{value}» ha più di 3 cifre decimali.")
            }
            AmountProblem::OutOfRange => format!("«{value}» è fuori dall'intervallo ammesso."),
        },
    }
}

/// The English sentence for an objectives refusal.
pub fn rejection_en(rejection: &Rejection) -> String {
    match rejection {
        Rejection::ObjectiveWrongStatus { status, expected } => format!(
            "The objective is {}: this needs it to be {}.",
            status_name(&STATUS_EN, *status).to_lowercase(),
            status_list_en(expected)
        ),
        Rejection::ObjectiveOwnerFixed => "The owner of an objective cannot change.".into(),
        Rejection::ObjectiveNoKeyResults => {
            "An objective needs at least one key result to be proposed.".into()
        }
        Rejection::ObjectiveTooManyKeyResults { max } => {
            format!("An objective has at most {max} key results.")
        }
        Rejection::ObjectiveWeightOutOfRange {
            key_result,
            min,
            max,
        } => match key_result {
            Some(_) => format!("The weight of a key result goes from {min} to {max}."),
            None => format!("The weight of the objective goes from {min} to {max}."),
        },
        Rejection::ObjectivePeriodTooLong { max_days } => {
            format!("An objective covers at most {max_days} days.")
        }
        Rejection::ObjectiveRatingOutOfRange { min, max } => {
            format!("The rating goes from {min} to {max}.")
        }
        Rejection::ObjectiveSelfApproval => {
            "You cannot agree, close or review your own objective: another lead or an administrator must."
                .into()
        }
        Rejection::ObjectiveTooManyUpdates { max } => {
            format!("An objective keeps at most {max} progress updates.")
        }
        Rejection::ObjectiveAmountInvalid { value, problem } => match problem {
            AmountProblem::Empty => "A number is missing.".into(),
            AmountProblem::NotANumber => {
                format!("“{value}” is not a number: write it like 12.5 (no thousands separators).")
            }
            AmountProblem::TooManyDecimals => format!("“{value}” has more than 3 decimals."),
            AmountProblem::OutOfRange => format!("“{value}” is out of range."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_a_sentence_in_both_languages() {
        let all = [
            Rejection::ObjectiveWrongStatus {
                status: Status::Agreed,
                expected: vec![Status::Draft, Status::Proposed],
            },
            Rejection::ObjectiveOwnerFixed,
            Rejection::ObjectiveNoKeyResults,
            Rejection::ObjectiveTooManyKeyResults { max: 10 },
            Rejection::ObjectiveWeightOutOfRange {
                key_result: None,
                min: 1,
                max: 100,
            },
            Rejection::ObjectivePeriodTooLong { max_days: 1096 },
            Rejection::ObjectiveRatingOutOfRange { min: 1, max: 5 },
            Rejection::ObjectiveSelfApproval,
            Rejection::ObjectiveTooManyUpdates { max: 1000 },
            Rejection::ObjectiveAmountInvalid {
                value: "1,2,3".into(),
                problem: AmountProblem::NotANumber,
            },
        ];
        for rejection in &all {
            let it = rejection_it(rejection);
            let en = rejection_en(rejection);
            assert!(it.ends_with('.') && en.ends_with('.'), "{it} / {en}");
            assert_ne!(it, en);
        }
        assert_eq!(
            rejection_it(&all[0]),
            "L'obiettivo è nello stato «concordato»: questa operazione richiede lo stato bozza o proposto."
        );
    }
}
