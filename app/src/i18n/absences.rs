//! Strings of the "Absences" page: recording leave over a range of days and
//! listing (and cancelling) the recorded ones.

use vela_domain::agile::AbsenceKind;

pub struct AbsencesTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub form_title: &'static str,
    pub person: &'static str,
    pub myself: fn(&str) -> String,
    pub kind: &'static str,
    pub kind_name: fn(AbsenceKind) -> &'static str,
    pub from: &'static str,
    pub until: &'static str,
    pub reason: &'static str,
    pub reason_hint: &'static str,
    /// "{n} planned agile days will be withdrawn."
    pub will_withdraw: fn(usize) -> String,
    pub record: &'static str,
    pub incomplete: &'static str,
    /// "Absence recorded; {n} days withdrawn."
    pub recorded: fn(usize) -> String,
    pub list_title: &'static str,
    pub list_empty: &'static str,
    /// "from {a} to {b}"
    pub range: fn(&str, &str) -> String,
    pub absent: &'static str,
    pub cancel: &'static str,
    /// "Cancel the absence of {dates}? Withdrawn days are not restored."
    pub cancel_question: fn(&str) -> String,
    pub cancel_confirm: &'static str,
    pub cancel_keep: &'static str,
    pub cancelled: &'static str,
    pub past: &'static str,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static AbsencesTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: AbsencesTexts = AbsencesTexts {
    title: "Assenze",
    intro: "Registra ferie, permessi e altre assenze. Le giornate di lavoro agile già pianificate nel periodo vengono ritirate e il conteggio della prevalenza si aggiorna.",
    form_title: "Registra un'assenza",
    person: "Persona",
    myself: |name| format!("{name} (tu)"),
    kind: "Tipo di assenza",
    kind_name: |k| match k {
        AbsenceKind::Holiday => "Ferie",
        AbsenceKind::Leave => "Permesso",
        AbsenceKind::Sick => "Malattia",
        AbsenceKind::Training => "Formazione o missione",
        AbsenceKind::Parental => "Congedo parentale",
        AbsenceKind::Other => "Altro",
    },
    from: "Dal",
    until: "Al (compreso)",
    reason: "Motivo (facoltativo)",
    reason_hint: "Il tipo e il motivo li vedono solo la persona assente e gli amministratori; i colleghi vedono solo che è assente.",
    will_withdraw: |n| {
        if n == 1 {
            "Sarà ritirata 1 giornata di lavoro agile già pianificata in questo periodo.".to_owned()
        } else {
            format!("Saranno ritirate {n} giornate di lavoro agile già pianificate in questo periodo.")
        }
    },
    record: "Registra assenza",
    incomplete: "Indica le date di inizio e di fine.",
    recorded: |n| {
        if n == 0 {
            "Assenza registrata.".to_owned()
        } else {
            format!("Assenza registrata: {} di lavoro agile {}.", plural(n, "giornata", "giornate"), if n == 1 { "ritirata" } else { "ritirate" })
        }
    },
    list_title: "Assenze registrate",
    list_empty: "Nessuna assenza registrata.",
    range: |a, b| {
        if a == b {
            a.to_owned()
        } else {
            format!("{} {}", super::italian::dal(a), super::italian::al(b))
        }
    },
    absent: "Assente",
    cancel: "Annulla assenza",
    cancel_question: |dates| format!("Annullare l'assenza {dates}? Le giornate ritirate non vengono ripristinate: andranno richieste di nuovo."),
    cancel_confirm: "Sì, annulla",
    cancel_keep: "No, mantieni",
    cancelled: "Assenza annullata.",
    past: "Passate",
};

static EN: AbsencesTexts = AbsencesTexts {
    title: "Absences",
    intro: "Record leave, permits and other absences. Agile days already planned in the period are withdrawn and the prevalence count is updated.",
    form_title: "Record an absence",
    person: "Person",
    myself: |name| format!("{name} (you)"),
    kind: "Kind of absence",
    kind_name: |k| match k {
        AbsenceKind::Holiday => "Annual leave",
        AbsenceKind::Leave => "Permit",
        AbsenceKind::Sick => "Sick leave",
        AbsenceKind::Training => "Training or mission",
        AbsenceKind::Parental => "Parental leave",
        AbsenceKind::Other => "Other",
    },
    from: "From",
    until: "Until (included)",
    reason: "Reason (optional)",
    reason_hint: "Only the absent person and administrators see the kind and the reason; colleagues only see that they are away.",
    will_withdraw: |n| format!("{} planned in this period will be withdrawn.", plural(n, "agile day", "agile days")),
    record: "Record absence",
    incomplete: "Give the first and the last day.",
    recorded: |n| {
        if n == 0 {
            "Absence recorded.".to_owned()
        } else {
            format!("Absence recorded: {} withdrawn.", plural(n, "agile day", "agile days"))
        }
    },
    list_title: "Recorded absences",
    list_empty: "No absences recorded.",
    range: |a, b| if a == b { a.to_owned() } else { format!("from {a} to {b}") },
    absent: "Absent",
    cancel: "Cancel absence",
    cancel_question: |dates| format!("Cancel the absence {dates}? Withdrawn days are not restored: they must be requested again."),
    cancel_confirm: "Yes, cancel",
    cancel_keep: "No, keep it",
    cancelled: "Absence cancelled.",
    past: "Past",
};
