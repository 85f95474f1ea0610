//! The columns of an HR file of people, each known by several Italian and
//! English names (compared in their folded form, [`fold`]).

use serde::{Deserialize, Serialize};

use super::report::FileError;
use crate::csv_file::{self, fold, HeaderError};

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

/// Where each recognised column is in a row, and what was ignored.
pub type Header = csv_file::Header<Column>;

/// Reads the header row: every required column present, none twice.
pub fn header<'a>(cells: impl IntoIterator<Item = &'a str>) -> Result<Header, FileError> {
    Header::read(cells, Column::recognise, &Column::REQUIRED).map_err(|e| match e {
        HeaderError::MissingColumn(column) => FileError::MissingColumn { column },
        HeaderError::DuplicateColumn(column) => FileError::DuplicateColumn { column },
    })
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
        let read =
            header(["Matricola", "Cognome", "Nome", "Username", "Note", ""]).expect("complete");
        assert_eq!(read.index(Column::Username), Some(3));
        assert_eq!(read.ignored, vec!["Note".to_owned()]);
        assert_eq!(read.width, 6);
        assert_eq!(
            header(["Matricola", "Cognome", "Nome"]).err(),
            Some(FileError::MissingColumn {
                column: Column::Username
            })
        );
        assert_eq!(
            header(["Matricola", "Cognome", "Nome", "Username", "Mail", "E-mail"]).err(),
            Some(FileError::DuplicateColumn {
                column: Column::Email
            })
        );
    }
}
