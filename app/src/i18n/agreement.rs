//! Strings of the "My agreement" page's actions: withdrawing with notice and
//! cancelling the planned days of a period.

pub struct AgreementTexts {
    pub inoperability: &'static str,
    pub inoperability_band: fn(&str, &str) -> String,

    pub withdraw_title: &'static str,
    /// "With {n} days' notice: from {date} at the earliest."
    pub withdraw_intro: fn(u16, &str) -> String,
    pub withdraw_date: &'static str,
    pub withdraw_button: &'static str,
    /// "Withdraw from the agreement from {date}? ..."
    pub withdraw_question: fn(&str) -> String,
    pub withdraw_confirm: &'static str,
    pub withdraw_keep: &'static str,
    pub withdrawn_message: fn(&str) -> String,

    pub range_title: &'static str,
    pub range_intro: &'static str,
    pub range_from: &'static str,
    pub range_until: &'static str,
    /// "{n} planned days will be cancelled: {dates}"
    pub range_preview: fn(usize) -> String,
    pub range_button: &'static str,
    pub range_incomplete: &'static str,
    pub range_question: fn(usize) -> String,
    pub range_confirm: &'static str,
    pub range_keep: &'static str,
    pub range_done: fn(usize) -> String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub const IT: AgreementTexts = AgreementTexts {
    inoperability: "Fascia di inoperabilità",
    inoperability_band: |from, to| format!("dalle {from} alle {to}: non può esserti chiesto lavoro"),

    withdraw_title: "Recedere dall'accordo",
    withdraw_intro: |days, date| {
        format!("Puoi recedere con un preavviso di {days} giorni: il recesso può avere effetto da {date} in poi. Le giornate di lavoro agile pianificate da quella data saranno ritirate.")
    },
    withdraw_date: "Recesso con effetto dal",
    withdraw_button: "Recedi dall'accordo",
    withdraw_question: |date| format!("Recedere dall'accordo con effetto da {date}? Da quel giorno lavorerai in ufficio e le giornate pianificate saranno ritirate."),
    withdraw_confirm: "Sì, recedi",
    withdraw_keep: "No, mantieni l'accordo",
    withdrawn_message: |date| format!("Recesso registrato: l'accordo non si applica più da {date}."),

    range_title: "Annulla le giornate di un periodo",
    range_intro: "Annulla in un solo passo le giornate di lavoro agile in attesa o approvate di un periodo, anche di richieste diverse. Le giornate già iniziate restano.",
    range_from: "Dal",
    range_until: "Al (compreso)",
    range_preview: |n| {
        if n == 1 {
            "Sarà annullata 1 giornata:".to_owned()
        } else {
            format!("Saranno annullate {n} giornate:")
        }
    },
    range_button: "Annulla le giornate",
    range_incomplete: "Indica le date di inizio e di fine.",
    range_question: |n| format!("Annullare {}? Per riaverle andranno richieste di nuovo.", plural(n, "giornata", "giornate")),
    range_confirm: "Sì, annulla",
    range_keep: "No, mantieni",
    range_done: |n| {
        if n == 1 {
            "1 giornata annullata.".to_owned()
        } else {
            format!("{n} giornate annullate.")
        }
    },
};

pub const EN: AgreementTexts = AgreementTexts {
    inoperability: "Inoperability band",
    inoperability_band: |from, to| format!("from {from} to {to}: no work may be asked of you"),

    withdraw_title: "Withdraw from the agreement",
    withdraw_intro: |days, date| {
        format!("You may withdraw with {days} days' notice: the withdrawal can take effect from {date} onwards. Agile days planned from that date will be withdrawn.")
    },
    withdraw_date: "Withdrawal effective from",
    withdraw_button: "Withdraw from the agreement",
    withdraw_question: |date| format!("Withdraw from the agreement with effect from {date}? From that day you will work in the office and planned days will be withdrawn."),
    withdraw_confirm: "Yes, withdraw",
    withdraw_keep: "No, keep the agreement",
    withdrawn_message: |date| format!("Withdrawal recorded: the agreement no longer applies from {date}."),

    range_title: "Cancel the days of a period",
    range_intro: "Cancel in one step the pending or approved agile days of a period, even from different requests. Days that have started stay.",
    range_from: "From",
    range_until: "Until (included)",
    range_preview: |n| {
        if n == 1 {
            "1 day will be cancelled:".to_owned()
        } else {
            format!("{n} days will be cancelled:")
        }
    },
    range_button: "Cancel the days",
    range_incomplete: "Give the first and the last day.",
    range_question: |n| format!("Cancel {}? To have them back you will need to ask again.", plural(n, "day", "days")),
    range_confirm: "Yes, cancel",
    range_keep: "No, keep them",
    range_done: |n| {
        if n == 1 {
            "1 day cancelled.".to_owned()
        } else {
            format!("{n} days cancelled.")
        }
    },
};
