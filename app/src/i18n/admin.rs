//! Strings of the Administration page: the links to the rules of the work
//! and the monthly monitoring.

pub struct AdminTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub only_admins: &'static str,
    pub tools_title: &'static str,
    pub agreements_link: &'static str,
    pub agreements_hint: &'static str,
    pub rules_link: &'static str,
    pub rules_hint: &'static str,

    pub monitoring_title: &'static str,
    pub monitoring_intro: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub no_data: &'static str,
    /// "{n} working days"
    pub working_days: fn(u32) -> String,
    pub staff_away: &'static str,
    /// "{away} of {staff} people ({pct})"
    pub of_people: fn(u32, u32, &str) -> String,
    pub days_away: &'static str,
    /// "{days} days, {pct} of the working days"
    pub days_share: fn(u32, &str) -> String,
    pub commute: &'static str,
    /// "{km} km, {co2} kg of CO2"
    pub commute_value: fn(&str, &str) -> String,
    pub training: &'static str,
    /// "{hours} hours, {people} people"
    pub training_value: fn(&str, u32) -> String,
    pub objectives: &'static str,
    /// "{achieved} achieved of {all}"
    pub objectives_value: fn(u32, u32) -> String,
    pub co2_note: &'static str,

    /// "By team — {month}"
    pub teams_caption: fn(&str) -> String,
    pub col_team: &'static str,
    pub col_staff: &'static str,
    pub col_staff_away: &'static str,
    pub col_days_away: &'static str,
    pub col_km: &'static str,
    pub col_co2: &'static str,
    pub col_training: &'static str,
    pub col_objectives: &'static str,
    pub total: &'static str,

    /// "Office presence by weekday — {month}"
    pub weekdays_caption: fn(&str) -> String,
    pub col_weekday: &'static str,
    pub col_expected: &'static str,
    pub col_away: &'static str,
    pub col_absent: &'static str,
    pub col_in_office: &'static str,

    pub downloads_title: &'static str,
    pub download_teams: &'static str,
    pub download_weekdays: &'static str,
    pub downloads_hint: &'static str,
}

pub const IT: AdminTexts = AdminTexts {
    title: "Amministrazione",
    intro: "Le regole del lavoro agile dell'ente e il monitoraggio mensile da trasmettere al partenariato.",
    only_admins: "Questa pagina è riservata all'amministrazione dell'ente.",
    tools_title: "Regole del lavoro",
    agreements_link: "Accordi individuali",
    agreements_hint: "Crea, modifica o chiudi l'accordo di ogni persona.",
    rules_link: "Regole dei team",
    rules_hint: "Presenza minima in ufficio e giornate in presenza di ogni team.",

    monitoring_title: "Monitoraggio",
    monitoring_intro: "Le cifre del mese, nella forma della sezione del PIAO sul lavoro agile: \
                       contano solo le giornate approvate.",
    previous_month: "Mese precedente",
    next_month: "Mese successivo",
    no_data: "Nessuna persona nei team: il monitoraggio si riempie quando l'ente ha team e persone.",
    working_days: |n| format!("{n} giorni lavorativi"),
    staff_away: "Personale in lavoro agile",
    of_people: |away, staff, pct| format!("{away} su {staff} persone ({pct})"),
    days_away: "Giornate di lavoro agile",
    days_share: |days, pct| format!("{days} giornate, il {pct} delle giornate lavorative"),
    commute: "Pendolarismo evitato",
    commute_value: |km, co2| format!("{km} km, {co2} kg di CO2"),
    training: "Formazione",
    training_value: |hours, people| {
        if people == 1 {
            format!("{hours} ore, 1 persona")
        } else {
            format!("{hours} ore, {people} persone")
        }
    },
    objectives: "Obiettivi del mese",
    objectives_value: |achieved, all| format!("{achieved} raggiunti su {all}"),
    co2_note: "CO2: 0,163 kg per km in auto (fattore medio ISPRA), andata e ritorno per ogni giornata fuori sede.",

    teams_caption: |month| format!("Per team — {month}"),
    col_team: "Team",
    col_staff: "Personale",
    col_staff_away: "In lavoro agile",
    col_days_away: "Giornate agili",
    col_km: "Km evitati",
    col_co2: "CO2 evitata (kg)",
    col_training: "Ore di formazione",
    col_objectives: "Obiettivi raggiunti",
    total: "Totale",

    weekdays_caption: |month| format!("Presenza in ufficio per giorno della settimana — {month}"),
    col_weekday: "Giorno",
    col_expected: "Presenze attese",
    col_away: "In lavoro agile",
    col_absent: "Assenti",
    col_in_office: "In ufficio",

    downloads_title: "Scarica per il foglio di calcolo",
    download_teams: "Monitoraggio per team (CSV)",
    download_weekdays: "Presenza per giorno (CSV)",
    downloads_hint: "File CSV con il punto e virgola, pronti per Excel e LibreOffice.",
};

pub const EN: AdminTexts = AdminTexts {
    title: "Administration",
    intro: "The organisation's agile-work rules and the monthly monitoring for the partnership.",
    only_admins: "This page is for the organisation's administrators.",
    tools_title: "Rules of the work",
    agreements_link: "Individual agreements",
    agreements_hint: "Create, change or end each person's agreement.",
    rules_link: "Team rules",
    rules_hint: "Each team's minimum office presence and office-only days.",

    monitoring_title: "Monitoring",
    monitoring_intro: "The month's figures, in the shape of the PIAO section on agile work: \
                       only approved days count.",
    previous_month: "Previous month",
    next_month: "Next month",
    no_data: "No one is in a team yet: the monitoring fills in once the organisation has teams and people.",
    working_days: |n| format!("{n} working days"),
    staff_away: "Staff working agile",
    of_people: |away, staff, pct| format!("{away} of {staff} people ({pct})"),
    days_away: "Agile days",
    days_share: |days, pct| format!("{days} days, {pct} of the working days"),
    commute: "Commuting avoided",
    commute_value: |km, co2| format!("{km} km, {co2} kg of CO2"),
    training: "Training",
    training_value: |hours, people| {
        if people == 1 {
            format!("{hours} hours, 1 person")
        } else {
            format!("{hours} hours, {people} people")
        }
    },
    objectives: "Objectives of the month",
    objectives_value: |achieved, all| format!("{achieved} achieved of {all}"),
    co2_note: "CO2: 0.163 kg per km by car (ISPRA average factor), both ways for each day away.",

    teams_caption: |month| format!("By team — {month}"),
    col_team: "Team",
    col_staff: "Staff",
    col_staff_away: "Working agile",
    col_days_away: "Agile days",
    col_km: "Km avoided",
    col_co2: "CO2 avoided (kg)",
    col_training: "Training hours",
    col_objectives: "Objectives achieved",
    total: "Total",

    weekdays_caption: |month| format!("Office presence by weekday — {month}"),
    col_weekday: "Day",
    col_expected: "Expected",
    col_away: "Working agile",
    col_absent: "Absent",
    col_in_office: "In the office",

    downloads_title: "Download for a spreadsheet",
    download_teams: "Monitoring by team (CSV)",
    download_weekdays: "Presence by weekday (CSV)",
    downloads_hint: "Semicolon-separated CSV files, ready for Excel and LibreOffice.",
};
