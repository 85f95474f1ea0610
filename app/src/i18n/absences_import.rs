//! Strings of Administration › Absences › Import (absences from the
//! attendance system's CSV file).

use vela_domain::agile::import::{Column, FileError, RowError};

pub struct AbsenceImportTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// The link from the Absences page.
    pub open: &'static str,
    pub back: &'static str,
    pub format_title: &'static str,
    pub format_text: &'static str,
    pub file_label: &'static str,
    pub check: &'static str,
    pub checking: &'static str,
    pub no_file: &'static str,
    pub offline: &'static str,
    pub failed: fn(&str) -> String,
    pub changed_meanwhile: &'static str,
    pub busy: &'static str,

    pub preview_title: &'static str,
    pub preview_of: fn(&str, usize) -> String,
    pub ignored_columns: fn(&str) -> String,
    pub filters_label: &'static str,
    pub kind_all: &'static str,
    pub kind_new: &'static str,
    pub kind_unchanged: &'static str,
    pub kind_refused: &'static str,
    pub outcome_new: &'static str,
    pub outcome_unchanged: &'static str,
    pub outcome_refused: &'static str,
    /// "Withdraws {n} planned days".
    pub withdraws: fn(u32) -> String,
    pub rows_caption: &'static str,
    pub col_line: &'static str,
    pub col_person: &'static str,
    pub col_from: &'static str,
    pub col_until: &'static str,
    pub col_kind: &'static str,
    pub col_outcome: &'static str,
    pub col_details: &'static str,
    pub truncated: fn(usize, usize) -> String,
    pub none_of_kind: &'static str,

    pub refused_summary: fn(u32) -> String,
    pub nothing_to_do: &'static str,
    pub apply: &'static str,
    /// "Record {n} absences, withdrawing {w} planned days?"
    pub apply_question: fn(u32, u32) -> String,
    pub apply_confirm: &'static str,
    pub cancel: &'static str,
    pub applying: &'static str,
    pub applied: fn(u32, u32) -> String,
    pub import_another: &'static str,

    pub file_error: fn(&FileError) -> String,
    pub row_error: fn(&RowError) -> String,
}

/// The texts in `locale`. Only this area's pages ask for them, so they
/// travel in the area's piece of WebAssembly, not in the first download.
pub fn texts(locale: super::Locale) -> &'static AbsenceImportTexts {
    match locale {
        super::Locale::It => &IT,
        super::Locale::En => &EN,
    }
}

static IT: AbsenceImportTexts = AbsenceImportTexts {
    title: "Importa assenze",
    intro: "Carica il file CSV esportato dal sistema di rilevazione presenze: prima vedi, riga per riga, quali assenze verrebbero registrate e quali giornate agili pianificate verrebbero ritirate; nulla viene salvato finché non confermi. Se anche una sola riga è rifiutata non si importa nulla. Le persone interessate ricevono l'avviso delle giornate ritirate.",
    open: "Importa assenze da file CSV",
    back: "Torna ad Assenze",
    format_title: "Formato del file",
    format_text: "CSV in UTF-8 o Windows-1252, separato da punto e virgola o virgola, con una riga di intestazione. Colonne: matricola o username (la persona), dal (obbligatoria), al (se vuota, un solo giorno), tipo o causale (ferie, permesso, malattia, formazione, congedo, altro; obbligatoria), motivo (visibile solo alla persona e agli amministratori). Date come 2026-12-21 o 21/12/2026. Un'assenza già registrata uguale resta invariata: lo stesso file si può importare di nuovo. Al massimo 20 MB e 50.000 righe.",
    file_label: "File CSV",
    check: "Controlla il file",
    checking: "Controllo in corso…",
    no_file: "Scegli prima un file.",
    offline: "Serve la connessione per importare un file.",
    failed: |m| format!("Qualcosa è andato storto: {m}"),
    changed_meanwhile: "Assenze o giornate sono cambiate mentre il file veniva controllato: nulla è stato importato. Controlla di nuovo il file.",
    busy: "È in corso un'altra importazione: riprova tra poco.",
    preview_title: "Anteprima",
    preview_of: |f, n| format!("{f}: {n} righe"),
    ignored_columns: |c| format!("Colonne ignorate (sconosciute): {c}"),
    filters_label: "Mostra",
    kind_all: "Tutte",
    kind_new: "Nuove",
    kind_unchanged: "Già registrate",
    kind_refused: "Rifiutate",
    outcome_new: "Nuova",
    outcome_unchanged: "Già registrata",
    outcome_refused: "Rifiutata",
    withdraws: |n| match n {
        0 => String::new(),
        1 => "Ritira 1 giornata pianificata".into(),
        n => format!("Ritira {n} giornate pianificate"),
    },
    rows_caption: "Righe del file",
    col_line: "Riga",
    col_person: "Persona",
    col_from: "Dal",
    col_until: "Al",
    col_kind: "Tipo",
    col_outcome: "Esito",
    col_details: "Dettagli",
    truncated: |s, t| format!("Sono mostrate le prime {s} righe di {t}."),
    none_of_kind: "Nessuna riga di questo tipo.",
    refused_summary: |n| {
        format!("{n} righe sono rifiutate: correggi il file e controllalo di nuovo. Nulla verrà importato finché ce ne sono.")
    },
    nothing_to_do: "Tutte le assenze del file sono già registrate: non c'è nulla da importare.",
    apply: "Importa",
    apply_question: |n, w| format!("Registrare {n} assenze e ritirare {w} giornate pianificate?"),
    apply_confirm: "Sì, importa",
    cancel: "Annulla",
    applying: "Importazione in corso…",
    applied: |n, w| format!("Importazione completata: {n} assenze registrate, {w} giornate pianificate ritirate."),
    import_another: "Importa un altro file",
    file_error: file_error_it,
    row_error: row_error_it,
};

static EN: AbsenceImportTexts = AbsenceImportTexts {
    title: "Import absences",
    intro: "Upload the CSV file exported by the attendance system: first you see, row by row, which absences would be recorded and which planned agile days would be withdrawn; nothing is saved until you confirm. If even one row is refused nothing is imported. The people concerned are told about withdrawn days.",
    open: "Import absences from a CSV file",
    back: "Back to Absences",
    format_title: "File format",
    format_text: "CSV in UTF-8 or Windows-1252, separated by semicolons or commas, with a header row. Columns: employee number or username (the person), from (required), until (one day when empty), kind (holiday, leave, sick, training, parental, other — or the Italian ferie, permesso, malattia, formazione, congedo, altro; required), reason (seen only by the person and administrators). Dates as 2026-12-21 or 21/12/2026. An identical absence already recorded stays unchanged: the same file can be imported again. At most 20 MB and 50,000 rows.",
    file_label: "CSV file",
    check: "Check the file",
    checking: "Checking…",
    no_file: "Choose a file first.",
    offline: "Importing a file needs a connection.",
    failed: |m| format!("Something went wrong: {m}"),
    changed_meanwhile: "Absences or planned days changed while the file was checked: nothing was imported. Check the file again.",
    busy: "Another import is running: try again shortly.",
    preview_title: "Preview",
    preview_of: |f, n| format!("{f}: {n} rows"),
    ignored_columns: |c| format!("Ignored (unknown) columns: {c}"),
    filters_label: "Show",
    kind_all: "All",
    kind_new: "New",
    kind_unchanged: "Already recorded",
    kind_refused: "Refused",
    outcome_new: "New",
    outcome_unchanged: "Already recorded",
    outcome_refused: "Refused",
    withdraws: |n| match n {
        0 => String::new(),
        1 => "Withdraws 1 planned day".into(),
        n => format!("Withdraws {n} planned days"),
    },
    rows_caption: "Rows of the file",
    col_line: "Line",
    col_person: "Person",
    col_from: "From",
    col_until: "Until",
    col_kind: "Kind",
    col_outcome: "Outcome",
    col_details: "Details",
    truncated: |s, t| format!("Showing the first {s} of {t} rows."),
    none_of_kind: "No rows of this kind.",
    refused_summary: |n| {
        format!("{n} rows are refused: fix the file and check it again. Nothing is imported while there are any.")
    },
    nothing_to_do: "Every absence of the file is already recorded: there is nothing to import.",
    apply: "Import",
    apply_question: |n, w| format!("Record {n} absences and withdraw {w} planned days?"),
    apply_confirm: "Yes, import",
    cancel: "Cancel",
    applying: "Importing…",
    applied: |n, w| format!("Import done: {n} absences recorded, {w} planned days withdrawn."),
    import_another: "Import another file",
    file_error: file_error_en,
    row_error: row_error_en,
};

fn column_it(column: Column) -> &'static str {
    match column {
        Column::EmployeeNumber => "matricola",
        Column::Username => "username",
        Column::From => "dal",
        Column::Until => "al",
        Column::Kind => "tipo",
        Column::Reason => "motivo",
    }
}

fn column_en(column: Column) -> &'static str {
    match column {
        Column::EmployeeNumber => "employee number",
        Column::Username => "username",
        Column::From => "from",
        Column::Until => "until",
        Column::Kind => "kind",
        Column::Reason => "reason",
    }
}

fn file_error_it(error: &FileError) -> String {
    match error {
        FileError::NotAllowed => "Solo gli amministratori dell'ente importano assenze.".into(),
        FileError::TooLarge { limit_bytes } => format!(
            "Il file supera il limite di {} MB.",
            limit_bytes / (1024 * 1024)
        ),
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
        FileError::MissingColumn {
            column: Column::EmployeeNumber | Column::Username,
        } => "Manca la colonna che indica la persona: «matricola» o «username».".into(),
        FileError::MissingColumn { column } => {
            format!("Manca la colonna «{}».", column_it(*column))
        }
        FileError::DuplicateColumn { column } => format!(
            "Due colonne dell'intestazione indicano «{}».",
            column_it(*column)
        ),
    }
}

fn file_error_en(error: &FileError) -> String {
    match error {
        FileError::NotAllowed => "Only the organisation's administrators import absences.".into(),
        FileError::TooLarge { limit_bytes } => format!(
            "The file is over the limit of {} MB.",
            limit_bytes / (1024 * 1024)
        ),
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
        FileError::MissingColumn {
            column: Column::EmployeeNumber | Column::Username,
        } => "The column naming the person is missing: “employee number” or “username”.".into(),
        FileError::MissingColumn { column } => {
            format!("The column “{}” is missing.", column_en(*column))
        }
        FileError::DuplicateColumn { column } => {
            format!("Two columns of the header mean “{}”.", column_en(*column))
        }
    }
}

fn row_error_it(error: &RowError) -> String {
    match error {
        RowError::MissingValue { column } => format!("Manca «{}».", column_it(*column)),
        RowError::CellCount { found, expected } => format!(
            "La riga ha {found} celle, l'intestazione {expected}: un separatore in un valore senza virgolette?"
        ),
        RowError::UnknownPerson { value } => {
            format!("Nessuna persona dell'ente corrisponde a «{value}».")
        }
        RowError::NotADate { column, value } => {
            format!("«{value}» non è una data ({}).", column_it(*column))
        }
        RowError::UnknownKind { value } => format!("Tipo di assenza sconosciuto: «{value}»."),
        RowError::Rule { rejection } => super::rejections::it(rejection),
    }
}

fn row_error_en(error: &RowError) -> String {
    match error {
        RowError::MissingValue { column } => format!("“{}” is missing.", column_en(*column)),
        RowError::CellCount { found, expected } => format!(
            "The row has {found} cells, the header {expected}: a separator in an unquoted value?"
        ),
        RowError::UnknownPerson { value } => {
            format!("No person of the organisation matches “{value}”.")
        }
        RowError::NotADate { column, value } => {
            format!("“{value}” is not a date ({}).", column_en(*column))
        }
        RowError::UnknownKind { value } => format!("Unknown kind of absence: “{value}”."),
        RowError::Rule { rejection } => super::rejections::en(rejection),
    }
}
