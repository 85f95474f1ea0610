//! Strings of the monitoring page (administrators, leads, the partnership)
//! and of the yearly PIAO report.

pub struct MonitoringTexts {
    /// Beside the link on the administration page.
    pub admin_hint: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// What a lead who is not an administrator sees.
    pub intro_lead: &'static str,
    pub not_for_you: &'static str,
    pub loading: &'static str,
    /// "The monitoring could not be loaded: {reason}".
    pub failed: fn(&str) -> String,
    pub retry: &'static str,
    pub offline: &'static str,
    pub no_data: &'static str,

    pub period_legend: &'static str,
    pub kind_month: &'static str,
    pub kind_year: &'static str,
    pub kind_range: &'static str,
    pub month_field: &'static str,
    pub year_field: &'static str,
    pub from_field: &'static str,
    pub until_field: &'static str,
    pub show: &'static str,
    pub bad_period: &'static str,
    pub previous_period: &'static str,
    pub next_period: &'static str,
    /// "Year 2026".
    pub year_title: fn(i32) -> String,
    /// "From {first} to {last}".
    pub range_title: fn(&str, &str) -> String,
    /// "{n} working days".
    pub working_days: fn(u32) -> String,

    pub staff_away: &'static str,
    /// "{away} of {staff} people ({pct})".
    pub of_people: fn(u32, u32, &str) -> String,
    pub days_away: &'static str,
    /// "{days} days, {pct} of the working days".
    pub days_share: fn(u32, &str) -> String,
    pub agile_days: &'static str,
    pub remote_days: &'static str,
    pub telework_days: &'static str,
    /// "{n} days".
    pub days: fn(u32) -> String,
    pub commute: &'static str,
    /// "{km} km, {co2} kg of CO2".
    pub commute_value: fn(&str, &str) -> String,
    pub training: &'static str,
    /// "{hours} hours, {people} people".
    pub training_value: fn(&str, u32) -> String,
    pub objectives: &'static str,
    /// "{achieved} achieved of {all}".
    pub objectives_value: fn(u32, u32) -> String,
    /// "Period before: {value} ({change})".
    pub change: fn(&str, &str) -> String,
    pub co2_note: &'static str,

    /// "By team — {period}".
    pub teams_caption: fn(&str) -> String,
    /// "The partnership's organisations — {period}".
    pub organisations_caption: fn(&str) -> String,
    pub col_team: &'static str,
    pub col_organisation: &'static str,
    pub col_staff: &'static str,
    pub col_staff_away: &'static str,
    pub col_days_away: &'static str,
    pub col_agile: &'static str,
    pub col_remote: &'static str,
    pub col_telework: &'static str,
    pub col_km: &'static str,
    pub col_co2: &'static str,
    pub col_training: &'static str,
    pub col_objectives: &'static str,
    pub total: &'static str,
    /// "Office presence by weekday — {period}".
    pub weekdays_caption: fn(&str) -> String,
    pub col_weekday: &'static str,
    pub col_expected: &'static str,
    pub col_away: &'static str,
    pub col_absent: &'static str,
    pub col_in_office: &'static str,
    pub col_month: &'static str,

    pub charts_title: &'static str,
    pub show_data: &'static str,
    pub chart_distance: &'static str,
    pub series_staff: &'static str,
    pub series_days: &'static str,
    pub chart_weekdays: &'static str,
    pub chart_commute: &'static str,
    pub chart_training: &'static str,
    pub chart_objectives: &'static str,
    pub col_achieved: &'static str,
    pub col_all_objectives: &'static str,
    /// "Highest in {label}: {value}".
    pub highest: fn(&str, &str) -> String,
    /// "Lowest on {label}: {value}".
    pub lowest: fn(&str, &str) -> String,
    pub nothing_yet: &'static str,

    pub partnership_title: &'static str,
    pub partnership_intro: &'static str,

    pub downloads_title: &'static str,
    pub download_teams: &'static str,
    pub download_weekdays: &'static str,
    pub download_organisations: &'static str,
    pub downloads_hint: &'static str,

    pub piao_link: &'static str,
    /// "PIAO section on agile work — {year}".
    pub piao_title: fn(i32) -> String,
    pub piao_intro: &'static str,
    pub print: &'static str,
    pub back: &'static str,
    /// "The PIAO indicators — {year}".
    pub indicators_caption: fn(i32) -> String,
    pub col_indicator: &'static str,
    pub with_agreement: &'static str,
    pub piao_csv: &'static str,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static MonitoringTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: MonitoringTexts = MonitoringTexts {
    admin_hint: "Le cifre del lavoro agile per mese, anno o intervallo, con i grafici e la relazione PIAO.",
    title: "Monitoraggio del lavoro agile",
    intro: "Le cifre dell'ente per un mese, un anno o un intervallo, nella forma della sezione \
            del PIAO sul lavoro agile: contano solo le giornate approvate, e solo per team, mai \
            per persona.",
    intro_lead: "Le cifre dei team che coordini, per un mese, un anno o un intervallo: contano \
                 solo le giornate approvate, e solo per team, mai per persona.",
    not_for_you: "Questa pagina è per l'amministrazione dell'ente e per chi coordina un team.",
    loading: "Caricamento del monitoraggio…",
    failed: |reason| format!("Impossibile caricare il monitoraggio: {reason}"),
    retry: "Riprova",
    offline: "sei offline, e il monitoraggio si legge dal server.",
    no_data: "Nessuna persona nei team: il monitoraggio si riempie quando l'ente ha team e persone.",

    period_legend: "Periodo",
    kind_month: "Un mese",
    kind_year: "Un anno",
    kind_range: "Un intervallo di mesi",
    month_field: "Mese",
    year_field: "Anno",
    from_field: "Dal mese",
    until_field: "Al mese",
    show: "Mostra",
    bad_period: "Scegli un periodo valido: un intervallo va dal primo all'ultimo mese, al massimo 60 mesi.",
    previous_period: "Periodo precedente",
    next_period: "Periodo successivo",
    year_title: |year| format!("Anno {year}"),
    range_title: |first, last| format!("Da {first} a {last}"),
    working_days: |n| format!("{n} giorni lavorativi"),

    staff_away: "Personale a distanza",
    of_people: |away, staff, pct| format!("{away} su {staff} persone ({pct})"),
    days_away: "Giornate a distanza",
    days_share: |days, pct| format!("{days} giornate, il {pct} delle giornate lavorative"),
    agile_days: "Lavoro agile",
    remote_days: "Lavoro da remoto",
    telework_days: "Telecentro o coworking",
    days: |n| if n == 1 { "1 giornata".to_owned() } else { format!("{n} giornate") },
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
    objectives: "Obiettivi",
    objectives_value: |achieved, all| format!("{achieved} raggiunti su {all}"),
    change: |value, change| format!("Periodo precedente: {value} ({change})"),
    co2_note: "CO2: 0,163 kg per km in auto (fattore medio ISPRA), andata e ritorno per ogni giornata fuori sede.",

    teams_caption: |period| format!("Per team — {period}"),
    organisations_caption: |period| format!("Le amministrazioni del partenariato — {period}"),
    col_team: "Team",
    col_organisation: "Amministrazione",
    col_staff: "Personale",
    col_staff_away: "A distanza",
    col_days_away: "Giornate a distanza",
    col_agile: "di cui agili",
    col_remote: "di cui da remoto",
    col_telework: "di cui in telecentro",
    col_km: "Km evitati",
    col_co2: "CO2 evitata (kg)",
    col_training: "Ore di formazione",
    col_objectives: "Obiettivi raggiunti",
    total: "Totale",
    weekdays_caption: |period| format!("Presenza in ufficio per giorno della settimana — {period}"),
    col_weekday: "Giorno",
    col_expected: "Presenze attese",
    col_away: "A distanza",
    col_absent: "Assenti",
    col_in_office: "In ufficio",
    col_month: "Mese",

    charts_title: "Grafici",
    show_data: "Mostra i dati del grafico",
    chart_distance: "Lavoro a distanza per mese (%)",
    series_staff: "Personale a distanza",
    series_days: "Giornate a distanza",
    chart_weekdays: "Presenza in ufficio per giorno della settimana (%)",
    chart_commute: "Pendolarismo evitato per mese (km)",
    chart_training: "Ore di formazione per mese",
    chart_objectives: "Obiettivi raggiunti per mese",
    col_achieved: "Raggiunti",
    col_all_objectives: "Obiettivi in corso",
    highest: |label, value| format!("Il valore più alto: {label}, {value}."),
    lowest: |label, value| format!("Il valore più basso: {label}, {value}."),
    nothing_yet: "Nessun valore nel periodo.",

    partnership_title: "Il partenariato",
    partnership_intro: "Le amministrazioni del partenariato una accanto all'altra, con il totale.",

    downloads_title: "Scarica per il foglio di calcolo",
    download_teams: "Monitoraggio per team (CSV)",
    download_weekdays: "Presenza per giorno (CSV)",
    download_organisations: "Amministrazioni del partenariato (CSV)",
    downloads_hint: "File CSV con il punto e virgola, pronti per Excel e LibreOffice.",

    piao_link: "Relazione dell'anno per il PIAO, da stampare",
    piao_title: |year| format!("Sezione PIAO sul lavoro agile — {year}"),
    piao_intro: "Gli indicatori del lavoro agile dell'anno, con l'anno precedente a confronto: \
                 solo cifre per team e per ente, mai per persona.",
    print: "Stampa o salva in PDF",
    back: "Torna al monitoraggio",
    indicators_caption: |year| format!("Indicatori del PIAO — {year}"),
    col_indicator: "Indicatore",
    with_agreement: "Persone con accordo individuale",
    piao_csv: "Le stesse cifre per il foglio di calcolo",
};

static EN: MonitoringTexts = MonitoringTexts {
    admin_hint: "Agile work figures by month, year or range, with charts and the PIAO report.",
    title: "Agile work monitoring",
    intro: "The organisation's figures for a month, a year or a range, in the shape of the PIAO \
            section on agile work: only approved days count, and only by team, never by person.",
    intro_lead: "The figures of the teams you lead, for a month, a year or a range: only approved \
                 days count, and only by team, never by person.",
    not_for_you: "This page is for the organisation's administrators and team leads.",
    loading: "Loading the monitoring…",
    failed: |reason| format!("The monitoring could not be loaded: {reason}"),
    retry: "Try again",
    offline: "you are offline, and the monitoring is read from the server.",
    no_data: "No one is in a team yet: the monitoring fills in once the organisation has teams and people.",

    period_legend: "Period",
    kind_month: "A month",
    kind_year: "A year",
    kind_range: "A range of months",
    month_field: "Month",
    year_field: "Year",
    from_field: "From month",
    until_field: "To month",
    show: "Show",
    bad_period: "Choose a valid period: a range goes from its first to its last month, 60 months at most.",
    previous_period: "Previous period",
    next_period: "Next period",
    year_title: |year| format!("Year {year}"),
    range_title: |first, last| format!("From {first} to {last}"),
    working_days: |n| format!("{n} working days"),

    staff_away: "Staff working at a distance",
    of_people: |away, staff, pct| format!("{away} of {staff} people ({pct})"),
    days_away: "Days at a distance",
    days_share: |days, pct| format!("{days} days, {pct} of the working days"),
    agile_days: "Agile work",
    remote_days: "Remote work",
    telework_days: "Telecentre or coworking",
    days: |n| if n == 1 { "1 day".to_owned() } else { format!("{n} days") },
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
    objectives: "Objectives",
    objectives_value: |achieved, all| format!("{achieved} achieved of {all}"),
    change: |value, change| format!("Period before: {value} ({change})"),
    co2_note: "CO2: 0.163 kg per km by car (ISPRA average factor), both ways for each day away.",

    teams_caption: |period| format!("By team — {period}"),
    organisations_caption: |period| format!("The partnership's organisations — {period}"),
    col_team: "Team",
    col_organisation: "Organisation",
    col_staff: "Staff",
    col_staff_away: "At a distance",
    col_days_away: "Days at a distance",
    col_agile: "of which agile",
    col_remote: "of which remote",
    col_telework: "of which at a telecentre",
    col_km: "Km avoided",
    col_co2: "CO2 avoided (kg)",
    col_training: "Training hours",
    col_objectives: "Objectives achieved",
    total: "Total",
    weekdays_caption: |period| format!("Office presence by weekday — {period}"),
    col_weekday: "Day",
    col_expected: "Expected",
    col_away: "At a distance",
    col_absent: "Absent",
    col_in_office: "In the office",
    col_month: "Month",

    charts_title: "Charts",
    show_data: "Show the chart's data",
    chart_distance: "Work at a distance by month (%)",
    series_staff: "Staff at a distance",
    series_days: "Days at a distance",
    chart_weekdays: "Office presence by weekday (%)",
    chart_commute: "Commuting avoided by month (km)",
    chart_training: "Training hours by month",
    chart_objectives: "Objectives achieved by month",
    col_achieved: "Achieved",
    col_all_objectives: "Objectives under way",
    highest: |label, value| format!("Highest: {label}, {value}."),
    lowest: |label, value| format!("Lowest: {label}, {value}."),
    nothing_yet: "No values in the period.",

    partnership_title: "The partnership",
    partnership_intro: "The partnership's organisations side by side, with their total.",

    downloads_title: "Download for a spreadsheet",
    download_teams: "Monitoring by team (CSV)",
    download_weekdays: "Presence by weekday (CSV)",
    download_organisations: "The partnership's organisations (CSV)",
    downloads_hint: "Semicolon-separated CSV files, ready for Excel and LibreOffice.",

    piao_link: "The year's report for the PIAO, to print",
    piao_title: |year| format!("PIAO section on agile work — {year}"),
    piao_intro: "The year's agile work indicators, beside the year before: figures by team \
                 and organisation only, never by person.",
    print: "Print or save as PDF",
    back: "Back to the monitoring",
    indicators_caption: |year| format!("PIAO indicators — {year}"),
    col_indicator: "Indicator",
    with_agreement: "People with an individual agreement",
    piao_csv: "The same figures for a spreadsheet",
};
