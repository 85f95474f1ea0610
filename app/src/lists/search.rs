//! Search by words and pages of a list, pure so it is tested natively.

use std::ops::Range;

/// Lower case without accents, so "nicolo" finds "Nicolò" and "DALLA"
/// finds "Dallapiccola".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// A search as typed: every word must appear somewhere in a row's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        Query {
            words: fold(typed).split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// Whether `folded` (a row's text passed through [`fold`]) holds every word.
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

/// How many pages `total` rows make (at least one, so "page 1 of 1" when empty).
pub fn page_count(total: usize, size: usize) -> usize {
    total.div_ceil(size.max(1)).max(1)
}

/// The rows of page `page` (from 0; a page past the end gives the last).
pub fn page_slice(total: usize, page: usize, size: usize) -> Range<usize> {
    let size = size.max(1);
    let page = page.min(page_count(total, size) - 1);
    let start = (page * size).min(total);
    start..(start + size).min(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_ignoring_case_and_accents() {
        let row = fold("Nicolò Dallapiccola nicolo.d Tributi");
        assert!(Query::new("nicolo").matches(&row));
        assert!(Query::new("  DALLA   tribu ").matches(&row));
        assert!(!Query::new("nicolo protocollo").matches(&row));
        assert!(Query::new("").matches(&row));
    }

    #[test]
    fn pages_cover_every_row_once() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(2_500, 50), 50);
        assert_eq!(page_count(2_501, 50), 51);
        assert_eq!(page_slice(0, 0, 50), 0..0);
        assert_eq!(page_slice(120, 0, 50), 0..50);
        assert_eq!(page_slice(120, 2, 50), 100..120);
        // A page that no longer exists (the filter shrank the list) is the last.
        assert_eq!(page_slice(120, 9, 50), 100..120);
        assert_eq!(page_slice(10, 0, 0), 0..1);
    }
}
