//! From text to rows: the separator, the header row, one record per row
//! with the line an editor shows it on, and the checks that concern the
//! file as a whole (no rows, too many, not CSV).

use super::header::Header;

/// Why a file cannot be read as a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Not text in UTF-8 or Windows-1252 (a spreadsheet's own format, or
    /// UTF-16).
    Encoding,
    Empty,
    /// A header but no data rows.
    NoRows,
    TooManyRows {
        limit: u32,
    },
    Malformed {
        line: u64,
    },
}

/// One data row: its line in the file and its cells, trimmed.
#[derive(Clone, Debug)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// The header's cells and the rows of a file, empty rows left out.
#[derive(Debug)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Row {
    /// The cell of `column`: `None` when the file has no such column, the
    /// trimmed text (possibly empty) otherwise.
    pub fn cell<'a, C: Copy + Eq>(&'a self, header: &Header<C>, column: C) -> Option<&'a str> {
        let index = header.index(column)?;
        Some(self.cells.get(index).map_or("", String::as_str))
    }

    /// The cell of `column`, `None` when the file has no such column or the
    /// cell is empty.
    pub fn value<'a, C: Copy + Eq>(&'a self, header: &Header<C>, column: C) -> Option<&'a str> {
        self.cell(header, column).filter(|v| !v.is_empty())
    }
}

/// Reads the rows of `text`: at most `max_rows` of them.
pub fn read(text: &str, max_rows: usize) -> Result<Table, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(TableError::Empty),
            Some(Err(error)) => return Err(malformed(&error)),
            Some(Ok(record)) if is_blank(&record) => continue,
            Some(Ok(record)) => break record.iter().map(str::to_owned).collect(),
        }
    };
    let mut lines = Lines::new(text);
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| malformed(&e))?;
        if is_blank(&record) {
            continue;
        }
        if rows.len() == max_rows {
            return Err(TableError::TooManyRows {
                limit: u32::try_from(max_rows).unwrap_or(u32::MAX),
            });
        }
        rows.push(Row {
            line: lines.at(record.position().map_or(0, |p| p.byte())),
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    if rows.is_empty() {
        return Err(TableError::NoRows);
    }
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

fn malformed(error: &csv::Error) -> TableError {
    TableError::Malformed {
        line: error.position().map_or(0, |p| p.line()),
    }
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
        let table = read(
            "Matricola;Cognome;Nome;Username\n\n1; Rossi ;Anna;arossi\n;;;\n\"2\";\"Verdi\nBianchi\";Ugo;uverdi\n3;Neri",
            10,
        )
        .expect("reads");
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 5, 7]);
        assert_eq!(table.rows[0].cells[1], "Rossi");
        assert_eq!(table.header[3], "Username");
    }

    #[test]
    fn whole_file_problems_are_one_error() {
        assert_eq!(read("", 10).err(), Some(TableError::Empty));
        assert_eq!(read("\n;;\n", 10).err(), Some(TableError::Empty));
        assert_eq!(read("A;B\n", 10).err(), Some(TableError::NoRows));
        assert_eq!(
            read("A;B\n1;2\n3;4\n5;6", 2).err(),
            Some(TableError::TooManyRows { limit: 2 })
        );
    }
}
