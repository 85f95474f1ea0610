//! From the file's bytes to text. HR systems and spreadsheets on Windows
//! write UTF-8 (often with a byte order mark) or Windows-1252; anything
//! else — UTF-16, a spreadsheet's own format, a binary — is refused as a
//! whole rather than read as gibberish.

use std::borrow::Cow;

use super::table::TableError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file's text, without a byte order mark.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, TableError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(TableError::Encoding);
    }
    let text = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => Cow::Borrowed(std::str::from_utf8(rest).map_err(|_| TableError::Encoding)?),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                text
            }
        },
    };
    if text.chars().any(is_foreign) {
        return Err(TableError::Encoding);
    }
    Ok(text)
}

/// A character no text file of records holds: control characters other than
/// tab and line ends (UTF-16 read as bytes is full of NULs; Windows-1252's
/// undefined bytes decode to C1 controls).
fn is_foreign(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_bom_and_windows_1252_are_read() {
        assert_eq!(decode("Niccolò;Pérez".as_bytes()).unwrap(), "Niccolò;Pérez");
        assert_eq!(decode(b"\xEF\xBB\xBFNiccol\xC3\xB2").unwrap(), "Niccolò");
        // "Niccolò" and "€" in Windows-1252.
        assert_eq!(decode(b"Niccol\xF2 \x80").unwrap(), "Niccolò €");
    }

    #[test]
    fn utf16_binaries_and_broken_utf8_after_a_bom_are_refused() {
        assert_eq!(decode(b"\xFF\xFEM\0a\0"), Err(TableError::Encoding));
        assert_eq!(decode(b"M\0a\0t\0"), Err(TableError::Encoding));
        // The start of an .xlsx (a zip archive).
        assert_eq!(decode(b"PK\x03\x04\x14\0\x06\0"), Err(TableError::Encoding));
        assert_eq!(decode(b"\xEF\xBB\xBFNiccol\xF2"), Err(TableError::Encoding));
    }
}
