//! The columns of an attendance system's file of absences, each known by
//! several Italian and English names (compared folded, see
//! [`crate::csv_file::fold`]).

use serde::{Deserialize, Serialize};

use super::report::FileError;
use crate::csv_file::{self, fold, HeaderError};

/// A column Vela reads from a file of absences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AbsenceImportColumn")
)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The person by employee number (*matricola*); this or the username
    /// is required.
    EmployeeNumber,
    /// The person by username.
    Username,
    /// First day. Required.
    From,
    /// Last day (the first day when left out or empty).
    Until,
    /// The kind (*causale*): ferie, permesso, malattia… Required.
    Kind,
    /// A note only the person and administrators see.
    Reason,
}

impl Column {
    /// Every column, in the order of the documentation.
    pub const ALL: [Column; 6] = [
        Column::EmployeeNumber,
        Column::Username,
        Column::From,
        Column::Until,
        Column::Kind,
        Column::Reason,
    ];

    /// The columns a file must have (besides one naming the person).
    pub const REQUIRED: [Column; 2] = [Column::From, Column::Kind];

    /// The header names recognised for this column, folded; the first
    /// Italian and the first English one are those the documentation gives.
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
            Column::Username => &["username", "nomeutente", "utente", "login", "userid"],
            Column::From => &[
                "dal",
                "from",
                "datainizio",
                "inizio",
                "inizioassenza",
                "startdate",
                "start",
                "data",
                "date",
            ],
            Column::Until => &[
                "al",
                "until",
                "datafine",
                "fine",
                "fineassenza",
                "enddate",
                "end",
                "to",
            ],
            Column::Kind => &[
                "tipo",
                "kind",
                "causale",
                "tipoassenza",
                "giustificativo",
                "type",
                "absencetype",
            ],
            Column::Reason => &["motivo", "reason", "note", "nota", "notes", "descrizione"],
        }
    }

    /// The column a header names, if any.
    pub fn recognise(header: &str) -> Option<Column> {
        let folded = fold(header);
        Column::ALL
            .into_iter()
            .find(|c| c.names().contains(&folded.as_str()))
    }
}

/// Where each recognised column is in a row, and what was ignored.
pub type Header = csv_file::Header<Column>;

/// Reads the header row: the required columns and one naming the person,
/// none twice.
pub fn header<'a>(cells: impl IntoIterator<Item = &'a str>) -> Result<Header, FileError> {
    let header =
        Header::read(cells, Column::recognise, &Column::REQUIRED).map_err(|e| match e {
            HeaderError::MissingColumn(column) => FileError::MissingColumn { column },
            HeaderError::DuplicateColumn(column) => FileError::DuplicateColumn { column },
        })?;
    if header.index(Column::EmployeeNumber).is_none() && header.index(Column::Username).is_none() {
        return Err(FileError::MissingColumn {
            column: Column::EmployeeNumber,
        });
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_folded_and_belongs_to_one_column() {
        let mut seen = std::collections::BTreeMap::new();
        for column in Column::ALL {
            for name in column.names() {
                assert_eq!(fold(name), *name, "{name} is not folded");
                assert_eq!(seen.insert(*name, column), None, "{name} twice");
            }
        }
    }

    #[test]
    fn a_header_names_the_person_the_first_day_and_the_kind() {
        let read = header(["Matricola", "Dal", "Al", "Causale", "Reparto"]).expect("complete");
        assert_eq!(read.index(Column::Kind), Some(3));
        assert_eq!(read.ignored, vec!["Reparto".to_owned()]);
        assert!(header(["Username", "From", "Kind"]).is_ok());
        assert_eq!(
            header(["Dal", "Al", "Tipo"]).err(),
            Some(FileError::MissingColumn {
                column: Column::EmployeeNumber
            })
        );
        assert_eq!(
            header(["Matricola", "Al", "Tipo"]).err(),
            Some(FileError::MissingColumn {
                column: Column::From
            })
        );
        assert_eq!(
            header(["Matricola", "Dal", "Tipo", "Causale"]).err(),
            Some(FileError::DuplicateColumn {
                column: Column::Kind
            })
        );
    }
}
