//! The table of an HR file: the shared reading ([`crate::csv_file`]), the
//! people's header, and an employee number given twice.

use std::collections::HashMap;

use super::columns::{self, Column, Header};
use super::report::FileError;
use super::MAX_ROWS;
use crate::csv_file;

pub use crate::csv_file::Row;

/// The header and the rows of a file, empty rows left out.
#[derive(Debug)]
pub struct Table {
    pub header: Header,
    pub rows: Vec<Row>,
}

/// Reads the rows of `text`.
pub fn table(text: &str) -> Result<Table, FileError> {
    let table = csv_file::read(text, MAX_ROWS)?;
    let header = columns::header(table.header.iter().map(String::as_str))?;
    unique_employee_numbers(&header, &table.rows)?;
    Ok(Table {
        header,
        rows: table.rows,
    })
}

/// The stable key must be unique: two rows with one number would be two
/// versions of one person, and which wins would depend on their order.
fn unique_employee_numbers(header: &Header, rows: &[Row]) -> Result<(), FileError> {
    let mut seen: HashMap<&str, u64> = HashMap::with_capacity(rows.len());
    for row in rows {
        let number = row.cell(header, Column::EmployeeNumber).unwrap_or("");
        if number.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(number, row.line) {
            return Err(FileError::DuplicateEmployeeNumber {
                employee_number: number.to_owned(),
                first,
                second: row.line,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_and_blank_rows_are_skipped() {
        let table = table(
            "Matricola;Cognome;Nome;Username\n\n1; Rossi ;Anna;arossi\n;;;\n\"2\";\"Verdi\nBianchi\";Ugo;uverdi\n3;Neri",
        )
        .expect("reads");
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 5, 7]);
        assert_eq!(table.rows[0].cells[1], "Rossi");
        let h = &table.header;
        assert_eq!(table.rows[2].cell(h, Column::Username), Some(""));
        assert_eq!(table.rows[2].cell(h, Column::Email), None);
    }

    #[test]
    fn whole_file_problems_are_one_error() {
        assert_eq!(table("").err(), Some(FileError::Empty));
        assert_eq!(
            table("Matricola;Cognome;Nome;Username\n").err(),
            Some(FileError::NoRows)
        );
        assert_eq!(
            table("Matricola;Cognome;Nome;Username\n7;A;B;a\n8;C;D;c\n 7 ;E;F;e").err(),
            Some(FileError::DuplicateEmployeeNumber {
                employee_number: "7".into(),
                first: 2,
                second: 4
            })
        );
        let mut big = String::from("Matricola;Cognome;Nome;Username\n");
        for i in 0..=MAX_ROWS {
            big.push_str(&format!("{i};C;N;u{i}\n"));
        }
        assert_eq!(
            table(&big).err(),
            Some(FileError::TooManyRows {
                limit: MAX_ROWS as u32
            })
        );
    }
}
