//! Words and dates compared as people write them.

use chrono::NaiveDate;

/// A header or a word as compared: lower case, accents dropped, only letters
/// and digits kept ("E-mail" and "email", "Unità organizzativa" and
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

/// A date as `YYYY-MM-DD` or, as Italians write it, `DD/MM/YYYY` (also with
/// `-` or `.`).
pub fn date(cell: &str) -> Option<NaiveDate> {
    const FORMATS: [&str; 4] = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"];
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(cell, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold(" Unità organizzativa "), "unitaorganizzativa");
        assert_eq!(fold("E-mail"), "email");
        assert_eq!(fold("Lunedì"), "lunedi");
    }

    #[test]
    fn dates_read_in_iso_and_italian_forms() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 31);
        assert_eq!(date("2027-01-31"), d);
        assert_eq!(date("31/01/2027"), d);
        assert_eq!(date("31.01.2027"), d);
        assert_eq!(date("31-01-2027"), d);
        assert_eq!(date("31/02/2027"), None);
        assert_eq!(date("domani"), None);
    }
}
