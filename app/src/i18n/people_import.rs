//! Strings of Administration › People › Import (people from the HR
//! system's CSV file).

use vela_domain::directory::import::{Column, Field, FileError, RowError};

pub struct ImportTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// The link from the People page.
    pub open: &'static str,
    pub back: &'static str,
    pub format_title: &'static str,
    pub format_text: &'static str,
    pub file_label: &'static str,
    pub deactivate_missing: &'static str,
    pub deactivate_hint: &'static str,
    pub check: &'static str,
    pub checking: &'static str,
    pub no_file: &'static str,
    pub offline: &'static str,
    /// "Something went wrong: {message}".
    pub failed: fn(&str) -> String,
    pub changed_meanwhile: &'static str,
    pub busy: &'static str,

    pub preview_title: &'static str,
    /// "{file}: {n} rows"
    pub preview_of: fn(&str, usize) -> String,
    pub ignored_columns: fn(&str) -> String,
    pub filters_label: &'static str,
    pub kind_all: &'static str,
    pub kind_new: &'static str,
    pub kind_changed: &'static str,
    pub kind_unchanged: &'static str,
    pub kind_refused: &'static str,
    /// A row's outcome, in the list.
    pub outcome_new: &'static str,
    pub outcome_changed: &'static str,
    pub outcome_unchanged: &'static str,
    pub outcome_refused: &'static str,
    pub rows_caption: &'static str,
    pub col_line: &'static str,
    pub col_employee_number: &'static str,
    pub col_name: &'static str,
    pub col_username: &'static str,
    pub col_outcome: &'static str,
    pub col_details: &'static str,
    /// "Showing the first {shown} of {total} rows."
    pub truncated: fn(usize, usize) -> String,
    pub none_of_kind: &'static str,

    pub missing_title: fn(usize) -> String,
    pub missing_kept: &'static str,
    pub missing_deactivated: &'static str,
    pub missing_yourself: &'static str,

    pub refused_summary: fn(u32) -> String,
    pub nothing_to_do: &'static str,
    pub apply: &'static str,
    /// "Import {new} new people, {changed} changes and {deactivated} deactivations?"
    pub apply_question: fn(u32, u32, u32) -> String,
    pub apply_confirm: &'static str,
    pub cancel: &'static str,
    pub applying: &'static str,
    /// "Imported: {new} new people, {changed} changed, {deactivated} deactivated."
    pub applied: fn(u32, u32, u32) -> String,
    pub import_another: &'static str,

    pub field: fn(Field) -> &'static str,
    pub file_error: fn(&FileError) -> String,
    pub row_error: fn(&RowError) -> String,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static ImportTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: ImportTexts = ImportTexts {
    title: "Importa persone",
    intro: "Carica il file CSV esportato dal sistema del personale: prima vedi cosa cambierebbe, riga per riga; nulla viene salvato finché non confermi. Se anche una sola riga è rifiutata non si importa nulla.",
    open: "Importa da file CSV",
    back: "Torna a Persone",
    format_title: "Formato del file",
    format_text: "CSV in UTF-8 o Windows-1252, separato da punto e virgola o virgola, con una riga di intestazione. Colonne obbligatorie: matricola, cognome, nome, username; facoltative: email, team, ruoli, km (tragitto casa-lavoro, solo andata), lingua e quelle dell'accordo (accordo dal, accordo al, giorni settimana, giorni mese, modalità, giorni ammessi). Le persone sono riconosciute dalla matricola; una cella vuota lascia il valore attuale. Al massimo 20 MB e 10.000 righe.",
    file_label: "File CSV",
    deactivate_missing: "Disattiva le persone che non sono nel file",
    deactivate_hint: "Le persone disattivate non si cancellano: la loro storia resta nei report. Tu non vieni mai disattivato dalla tua importazione.",
    check: "Controlla il file",
    checking: "Controllo in corso…",
    no_file: "Scegli prima un file.",
    offline: "Serve la connessione per importare un file.",
    failed: |m| format!("Qualcosa è andato storto: {m}"),
    changed_meanwhile: "Le persone dell'ente sono cambiate mentre il file veniva controllato: nulla è stato importato. Controlla di nuovo il file.",
    busy: "È in corso un'altra importazione: riprova tra poco.",
    preview_title: "Anteprima",
    preview_of: |f, n| format!("{f}: {n} righe"),
    ignored_columns: |c| format!("Colonne ignorate (sconosciute): {c}"),
    filters_label: "Mostra",
    kind_all: "Tutte",
    kind_new: "Nuove",
    kind_changed: "Modificate",
    kind_unchanged: "Invariate",
    kind_refused: "Rifiutate",
    outcome_new: "Nuova",
    outcome_changed: "Modificata",
    outcome_unchanged: "Invariata",
    outcome_refused: "Rifiutata",
    rows_caption: "Righe del file",
    col_line: "Riga",
    col_employee_number: "Matricola",
    col_name: "Nome",
    col_username: "Username",
    col_outcome: "Esito",
    col_details: "Dettagli",
    truncated: |s, t| format!("Sono mostrate le prime {s} righe di {t}."),
    none_of_kind: "Nessuna riga di questo tipo.",
    missing_title: |n| format!("Persone attive che non sono nel file: {n}"),
    missing_kept: "restano attive",
    missing_deactivated: "saranno disattivate",
    missing_yourself: "sei tu: resti attivo",
    refused_summary: |n| {
        format!("{n} righe o persone sono rifiutate: correggi il file e controllalo di nuovo. Nulla verrà importato finché ce ne sono.")
    },
    nothing_to_do: "Il file corrisponde già a Vela: non c'è nulla da importare.",
    apply: "Importa",
    apply_question: |n, c, d| {
        format!("Importare {n} nuove persone, {c} modifiche e {d} disattivazioni?")
    },
    apply_confirm: "Sì, importa",
    cancel: "Annulla",
    applying: "Importazione in corso…",
    applied: |n, c, d| {
        format!("Importazione completata: {n} nuove persone, {c} modificate, {d} disattivate.")
    },
    import_another: "Importa un altro file",
    field: field_it,
    file_error: file_error_it,
    row_error: row_error_it,
};

static EN: ImportTexts = ImportTexts {
    title: "Import people",
    intro: "Upload the CSV file exported by the HR system: first you see what would change, row by row; nothing is saved until you confirm. If even one row is refused nothing is imported.",
    open: "Import from a CSV file",
    back: "Back to People",
    format_title: "File format",
    format_text: "CSV in UTF-8 or Windows-1252, separated by semicolons or commas, with a header row. Required columns: employee number, surname, name, username; optional: email, team, roles, km (one-way commute), language and the agreement's (agreement from, agreement until, days per week, days per month, mode, weekdays). People are recognised by employee number; an empty cell keeps the current value. At most 20 MB and 10,000 rows.",
    file_label: "CSV file",
    deactivate_missing: "Deactivate people who are not in the file",
    deactivate_hint: "Deactivated people are not deleted: their history stays in the reports. Your own import never deactivates you.",
    check: "Check the file",
    checking: "Checking…",
    no_file: "Choose a file first.",
    offline: "Importing a file needs a connection.",
    failed: |m| format!("Something went wrong: {m}"),
    changed_meanwhile: "The organisation's people changed while the file was checked: nothing was imported. Check the file again.",
    busy: "Another import is running: try again shortly.",
    preview_title: "Preview",
    preview_of: |f, n| format!("{f}: {n} rows"),
    ignored_columns: |c| format!("Ignored (unknown) columns: {c}"),
    filters_label: "Show",
    kind_all: "All",
    kind_new: "New",
    kind_changed: "Changed",
    kind_unchanged: "Unchanged",
    kind_refused: "Refused",
    outcome_new: "New",
    outcome_changed: "Changed",
    outcome_unchanged: "Unchanged",
    outcome_refused: "Refused",
    rows_caption: "Rows of the file",
    col_line: "Line",
    col_employee_number: "Employee number",
    col_name: "Name",
    col_username: "Username",
    col_outcome: "Outcome",
    col_details: "Details",
    truncated: |s, t| format!("Showing the first {s} of {t} rows."),
    none_of_kind: "No rows of this kind.",
    missing_title: |n| format!("Active people not in the file: {n}"),
    missing_kept: "stay active",
    missing_deactivated: "will be deactivated",
    missing_yourself: "you: you stay active",
    refused_summary: |n| {
        format!("{n} rows or people are refused: fix the file and check it again. Nothing is imported while there are any.")
    },
    nothing_to_do: "The file already matches Vela: there is nothing to import.",
    apply: "Import",
    apply_question: |n, c, d| {
        format!("Import {n} new people, {c} changes and {d} deactivations?")
    },
    apply_confirm: "Yes, import",
    cancel: "Cancel",
    applying: "Importing…",
    applied: |n, c, d| format!("Import done: {n} new people, {c} changed, {d} deactivated."),
    import_another: "Import another file",
    field: field_en,
    file_error: file_error_en,
    row_error: row_error_en,
};

fn field_it(field: Field) -> &'static str {
    match field {
        Field::EmployeeNumber => "matricola",
        Field::Name => "nome",
        Field::Email => "email",
        Field::Username => "username",
        Field::Team => "team",
        Field::Roles => "ruoli",
        Field::CommuteKm => "km",
        Field::Language => "lingua",
        Field::Active => "attiva",
        Field::Agreement => "accordo",
    }
}

fn field_en(field: Field) -> &'static str {
    match field {
        Field::EmployeeNumber => "employee number",
        Field::Name => "name",
        Field::Email => "email",
        Field::Username => "username",
        Field::Team => "team",
        Field::Roles => "roles",
        Field::CommuteKm => "km",
        Field::Language => "language",
        Field::Active => "active",
        Field::Agreement => "agreement",
    }
}

fn column_it(column: Column) -> &'static str {
    match column {
        Column::EmployeeNumber => "matricola",
        Column::Surname => "cognome",
        Column::Name => "nome",
        Column::Email => "email",
        Column::Username => "username",
        Column::Team => "team",
        Column::Roles => "ruoli",
        Column::CommuteKm => "km",
        Column::Language => "lingua",
        Column::AgreementFrom => "accordo dal",
        Column::AgreementUntil => "accordo al",
        Column::AgreementDaysPerWeek => "giorni settimana",
        Column::AgreementDaysPerMonth => "giorni mese",
        Column::AgreementMode => "modalità",
        Column::AgreementWeekdays => "giorni ammessi",
    }
}

fn column_en(column: Column) -> &'static str {
    match column {
        Column::EmployeeNumber => "employee number",
        Column::Surname => "surname",
        Column::Name => "name",
        Column::Email => "email",
        Column::Username => "username",
        Column::Team => "team",
        Column::Roles => "roles",
        Column::CommuteKm => "km",
        Column::Language => "language",
        Column::AgreementFrom => "agreement from",
        Column::AgreementUntil => "agreement until",
        Column::AgreementDaysPerWeek => "days per week",
        Column::AgreementDaysPerMonth => "days per month",
        Column::AgreementMode => "mode",
        Column::AgreementWeekdays => "weekdays",
    }
}

fn file_error_it(error: &FileError) -> String {
    match error {
        FileError::NotAllowed => "Solo gli amministratori dell'ente importano persone.".into(),
        FileError::TooLarge { limit_bytes } => {
            format!(
                "Il file supera il limite di {} MB.",
                limit_bytes / (1024 * 1024)
            )
        }
        FileError::TooManyRows { limit } => format!("Il file ha più di {limit} righe."),
        FileError::Encoding => {
            "Il file non è testo in UTF-8 o Windows-1252: salvalo come CSV dal foglio di calcolo."
                .into()
        }
        FileError::Empty => "Il file è vuoto.".into(),
        FileError::NoRows => "Il file ha l'intestazione ma nessuna riga.".into(),
        FileError::Malformed { line } => {
            format!("Il file non si legge come CSV vicino alla riga {line}.")
        }
        FileError::MissingColumn { column } => {
            format!("Manca la colonna «{}».", column_it(*column))
        }
        FileError::DuplicateColumn { column } => {
            format!(
                "Due colonne dell'intestazione indicano «{}».",
                column_it(*column)
            )
        }
        FileError::DuplicateEmployeeNumber {
            employee_number,
            first,
            second,
        } => format!("La matricola «{employee_number}» compare alle righe {first} e {second}."),
    }
}

fn file_error_en(error: &FileError) -> String {
    match error {
        FileError::NotAllowed => "Only the organisation's administrators import people.".into(),
        FileError::TooLarge { limit_bytes } => {
            format!(
                "The file is over the limit of {} MB.",
                limit_bytes / (1024 * 1024)
            )
        }
        FileError::TooManyRows { limit } => format!("The file has more than {limit} rows."),
        FileError::Encoding => {
            "The file is not text in UTF-8 or Windows-1252: save it as CSV from the spreadsheet."
                .into()
        }
        FileError::Empty => "The file is empty.".into(),
        FileError::NoRows => "The file has a header but no rows.".into(),
        FileError::Malformed { line } => {
            format!("The file cannot be read as CSV near line {line}.")
        }
        FileError::MissingColumn { column } => {
            format!("The column “{}” is missing.", column_en(*column))
        }
        FileError::DuplicateColumn { column } => {
            format!("Two columns of the header mean “{}”.", column_en(*column))
        }
        FileError::DuplicateEmployeeNumber {
            employee_number,
            first,
            second,
        } => format!("The employee number “{employee_number}” is on lines {first} and {second}."),
    }
}

fn row_error_it(error: &RowError) -> String {
    match error {
        RowError::MissingValue { column } => format!("Manca «{}».", column_it(*column)),
        RowError::CellCount { found, expected } => format!(
            "La riga ha {found} celle, l'intestazione {expected}: un separatore in un valore senza virgolette?"
        ),
        RowError::UnknownTeam { team } => format!("Nessun team si chiama «{team}»."),
        RowError::AmbiguousTeam { team } => format!("Più team si chiamano «{team}»."),
        RowError::UnknownRole { role } => format!("Ruolo sconosciuto: «{role}»."),
        RowError::NotANumber { column, value } => {
            format!("«{value}» non è un numero ({}).", column_it(*column))
        }
        RowError::NotADate { column, value } => {
            format!("«{value}» non è una data ({}).", column_it(*column))
        }
        RowError::UnknownValue { column, value } => {
            format!("«{value}» non è un valore ammesso per «{}».", column_it(*column))
        }
        RowError::Rule { rejection } => super::rejections::it(rejection),
    }
}

fn row_error_en(error: &RowError) -> String {
    match error {
        RowError::MissingValue { column } => format!("“{}” is missing.", column_en(*column)),
        RowError::CellCount { found, expected } => format!(
            "The row has {found} cells, the header {expected}: a separator in an unquoted value?"
        ),
        RowError::UnknownTeam { team } => format!("No team is called “{team}”."),
        RowError::AmbiguousTeam { team } => format!("Several teams are called “{team}”."),
        RowError::UnknownRole { role } => format!("Unknown role: “{role}”."),
        RowError::NotANumber { column, value } => {
            format!("“{value}” is not a number ({}).", column_en(*column))
        }
        RowError::NotADate { column, value } => {
            format!("“{value}” is not a date ({}).", column_en(*column))
        }
        RowError::UnknownValue { column, value } => {
            format!(
                "“{value}” is not an accepted value for “{}”.",
                column_en(*column)
            )
        }
        RowError::Rule { rejection } => super::rejections::en(rejection),
    }
}
