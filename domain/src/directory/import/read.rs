//! From text to rows: the separator, the header, one record per row, and
//! the checks that concern the file as a whole (its size, the number of
//! rows, an employee number given twice).

use std::collections::HashMap;

use super::columns::{Column, Header};
use super::report::FileError;
use super::MAX_ROWS;

/// One data row: its line in the file and its cells, trimmed.
#[derive(Clone, Debug)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// The header and the rows of a file, empty rows left out.
#[derive(Debug)]
pub struct Table {
    pub header: Header,
    pub rows: Vec<Row>,
}

impl Row {
    /// The cell of `column`: `None` when the file has no such column, the
    /// trimmed text (possibly empty) otherwise.
    pub fn cell<'a>(&'a self, header: &Header, column: Column) -> Option<&'a str> {
        let index = header.index(column)?;
        Some(self.cells.get(index).map_or("", String::as_str))
    }
}

/// Reads the rows of `text`.
pub fn table(text: &str) -> Result<Table, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(FileError::Empty),
            Some(Err(error)) => return Err(malformed(&error)),
            Some(Ok(record)) if is_blank(&record) => continue,
            Some(Ok(record)) => break Header::read(record.iter())?,
        }
    };
    let mut lines = Lines::new(text);
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| malformed(&e))?;
        if is_blank(&record) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(FileError::TooManyRows {
                limit: MAX_ROWS as u32,
            });
        }
        rows.push(Row {
            line: lines.at(record.position().map_or(0, |p| p.byte())),
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    if rows.is_empty() {
        return Err(FileError::NoRows);
    }
    unique_employee_numbers(&header, &rows)?;
    Ok(Table { header, rows })
}

/// `;` (what Italian spreadsheets write), `,` or tab: whichever the first
/// line holds most of, outside quotes.
fn separator(text: &str) -> u8 {
    let mut quoted = false;
    let (mut semicolons, mut commas, mut tabs) = (0, 0, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// Line numbers of records. The reader's own count starts a record at the
/// blank lines before it; this skips them, so a row's number is the line
/// an editor shows it on.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character that is not a line end at or after
    /// `byte` (records come in order, so counting resumes where it stopped).
    fn at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.offset {
            let newlines = self.text[self.offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = start;
        }
        self.line
    }
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(str::is_empty)
}

fn malformed(error: &csv::Error) -> FileError {
    FileError::Malformed {
        line: error.position().map_or(0, |p| p.line()),
    }
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
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(separator("a;b;c\n1,5;2;3"), b';');
        assert_eq!(separator("a,b,c\n1;2;3"), b',');
        assert_eq!(separator("\"a;x\",b,c\n"), b',');
        assert_eq!(separator("a\tb\tc"), b'\t');
        assert_eq!(separator("a"), b';');
    }

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
