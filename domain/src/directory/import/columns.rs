//! The header row: which column holds what. HR systems name their columns
//! in Italian or English, with capitals, accents, spaces or underscores;
//! each column of Vela is known by several names, compared without any of
//! those differences.

use serde::{Deserialize, Serialize};

use super::report::FileError;

/// A column Vela reads from an HR file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportColumn")
)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The stable key (*matricola*). Required.
    EmployeeNumber,
    /// Required.
    Surname,
    /// Given name. Required.
    Name,
    Email,
    /// Required.
    Username,
    /// The team's name, as in Vela.
    Team,
    /// Roles separated by commas, spaces, `|`, `/` or `+`.
    Roles,
    /// One-way commute in kilometres.
    CommuteKm,
    /// `it` or `en`.
    Language,
    /// First day of the individual agreement: when given, the row sets the
    /// person's agreement starting that day.
    AgreementFrom,
    /// Last day of a fixed-term agreement.
    AgreementUntil,
    /// Most agile days a week.
    AgreementDaysPerWeek,
    /// Most agile days a month.
    AgreementDaysPerMonth,
    /// `agile`, `remote` or `telework` (Italian names too).
    AgreementMode,
    /// Weekdays agile days may fall on (Monday to Friday when left out).
    AgreementWeekdays,
}

impl Column {
    /// Every column, in the order of the documentation.
    pub const ALL: [Column; 15] = [
        Column::EmployeeNumber,
        Column::Surname,
        Column::Name,
        Column::Email,
        Column::Username,
        Column::Team,
        Column::Roles,
        Column::CommuteKm,
        Column::Language,
        Column::AgreementFrom,
        Column::AgreementUntil,
        Column::AgreementDaysPerWeek,
        Column::AgreementDaysPerMonth,
        Column::AgreementMode,
        Column::AgreementWeekdays,
    ];

    /// The columns a file must have.
    pub const REQUIRED: [Column; 4] = [
        Column::EmployeeNumber,
        Column::Surname,
        Column::Name,
        Column::Username,
    ];

    /// The header names recognised for this column, in their compared form
    /// (see [`fold`]); the first Italian and the first English one are the
    /// names the documentation gives.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Column::EmployeeNumber => &[
                "matricola",
                "employeenumber",
                "nmatricola",
                "numeromatricola",
                "employeeid",
                "employeeno",
                "staffnumber",
            ],
            Column::Surname => &["cognome", "surname", "lastname", "familyname"],
            Column::Name => &["nome", "name", "firstname", "givenname"],
            Column::Email => &[
                "email",
                "mail",
                "posta",
                "postaelettronica",
                "indirizzoemail",
                "emailaddress",
            ],
            Column::Username => &["username", "nomeutente", "utente", "login", "userid"],
            Column::Team => &[
                "team",
                "struttura",
                "ufficio",
                "unitaorganizzativa",
                "servizio",
                "squadra",
                "gruppo",
                "office",
                "unit",
                "department",
            ],
            Column::Roles => &["ruoli", "roles", "ruolo", "role"],
            Column::CommuteKm => &[
                "km",
                "commutekm",
                "kmtragitto",
                "kmcasalavoro",
                "distanzacasalavoro",
                "distanzakm",
                "commute",
                "commutedistance",
            ],
            Column::Language => &["lingua", "language"],
            Column::AgreementFrom => &[
                "accordodal",
                "agreementfrom",
                "inizioaccordo",
                "datainizioaccordo",
                "agreementstart",
            ],
            Column::AgreementUntil => &[
                "accordoal",
                "agreementuntil",
                "fineaccordo",
                "scadenzaaccordo",
                "agreementend",
            ],
            Column::AgreementDaysPerWeek => &[
                "giornisettimana",
                "daysperweek",
                "giorniagilisettimana",
                "maxgiornisettimana",
                "agiledaysperweek",
            ],
            Column::AgreementDaysPerMonth => &[
                "giornimese",
                "dayspermonth",
                "giorniagilimese",
                "maxgiornimese",
                "agiledayspermonth",
            ],
            Column::AgreementMode => &["modalita", "mode", "workmode", "modalitalavoro"],
            Column::AgreementWeekdays => &[
                "giornilavorabili",
                "weekdays",
                "giorniammessi",
                "giornidellasettimana",
            ],
        }
    }

    /// The column a header names, if any.
    pub fn recognise(header: &str) -> Option<Column> {
        let folded = fold(header);
        Column::ALL
            .into_iter()
            .find(|c| c.names().contains(&folded.as_str()))
    }

    /// Whether the column belongs to the agreement.
    pub fn is_agreement(self) -> bool {
        matches!(
            self,
            Column::AgreementFrom
                | Column::AgreementUntil
                | Column::AgreementDaysPerWeek
                | Column::AgreementDaysPerMonth
                | Column::AgreementMode
                | Column::AgreementWeekdays
        )
    }
}

/// A header as compared: lower case, accents dropped, only letters and
/// digits kept ("E-mail" and "email", "Unità organizzativa" and
/// "unita_organizzativa" are the same).
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The letter without its accent, for the accented letters of Italian and
/// its neighbours; any other character as it is.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// Where each recognised column is in a row, and what was ignored.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// (column, index of its cell), in file order.
    pub positions: Vec<(Column, usize)>,
    /// Headers that name no column, as written (empty ones left out).
    pub ignored: Vec<String>,
    /// How many cells the header has.
    pub width: usize,
}

impl Header {
    /// Reads the header row: every required column present, none twice.
    pub fn read<'a>(cells: impl IntoIterator<Item = &'a str>) -> Result<Header, FileError> {
        let mut header = Header::default();
        for (index, cell) in cells.into_iter().enumerate() {
            header.width = index + 1;
            match Column::recognise(cell) {
                Some(column) if header.index(column).is_some() => {
                    return Err(FileError::DuplicateColumn { column });
                }
                Some(column) => header.positions.push((column, index)),
                None if cell.trim().is_empty() => {}
                None => header.ignored.push(cell.trim().to_owned()),
            }
        }
        for column in Column::REQUIRED {
            if header.index(column).is_none() {
                return Err(FileError::MissingColumn { column });
            }
        }
        Ok(header)
    }

    /// The cell index of `column`, if the file has it.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.positions
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    /// The recognised columns, in file order.
    pub fn columns(&self) -> Vec<Column> {
        self.positions.iter().map(|(c, _)| *c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_italian_and_english_whatever_their_spelling() {
        assert_eq!(
            Column::recognise(" Matricola "),
            Some(Column::EmployeeNumber)
        );
        assert_eq!(
            Column::recognise("Employee number"),
            Some(Column::EmployeeNumber)
        );
        assert_eq!(Column::recognise("E-mail"), Some(Column::Email));
        assert_eq!(Column::recognise("UNITÀ ORGANIZZATIVA"), Some(Column::Team));
        assert_eq!(Column::recognise("km_tragitto"), Some(Column::CommuteKm));
        assert_eq!(Column::recognise("Modalità"), Some(Column::AgreementMode));
        assert_eq!(Column::recognise("Codice fiscale"), None);
    }

    #[test]
    fn every_name_is_in_its_compared_form_and_belongs_to_one_column() {
        let mut seen = std::collections::BTreeMap::new();
        for column in Column::ALL {
            for name in column.names() {
                assert_eq!(fold(name), *name, "{name} is not folded");
                assert_eq!(seen.insert(*name, column), None, "{name} twice");
            }
        }
    }

    #[test]
    fn a_header_needs_the_required_columns_once_each() {
        let header = Header::read(["Matricola", "Cognome", "Nome", "Username", "Note", ""])
            .expect("complete");
        assert_eq!(header.index(Column::Username), Some(3));
        assert_eq!(header.ignored, vec!["Note".to_owned()]);
        assert_eq!(header.width, 6);
        assert_eq!(
            Header::read(["Matricola", "Cognome", "Nome"]).err(),
            Some(FileError::MissingColumn {
                column: Column::Username
            })
        );
        assert_eq!(
            Header::read(["Matricola", "Cognome", "Nome", "Username", "Mail", "E-mail"]).err(),
            Some(FileError::DuplicateColumn {
                column: Column::Email
            })
        );
    }
}
