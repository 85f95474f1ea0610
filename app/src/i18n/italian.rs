//! Italian grammar the translations need: articulated prepositions before a
//! date elide before a vowel sound — "dal 7 gennaio" but "dall'8 gennaio",
//! "all'11 marzo", "dell'1 aprile".

/// `preposition` ("dal", "al", "del") joined to `text`, elided when `text`
/// begins with a vowel sound.
pub fn join(preposition: &str, text: &str) -> String {
    if starts_with_vowel_sound(text) {
        let stem = preposition.strip_suffix('l').unwrap_or(preposition);
        format!("{stem}ll'{text}")
    } else {
        format!("{preposition} {text}")
    }
}

/// "dal 7 gennaio" / "dall'8 gennaio".
pub fn dal(text: &str) -> String {
    join("dal", text)
}

/// "al 7 gennaio" / "all'8 gennaio".
pub fn al(text: &str) -> String {
    join("al", text)
}

fn starts_with_vowel_sound(text: &str) -> bool {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return text
            .chars()
            .next()
            .is_some_and(|c| "aeiouàèéìòùAEIOU".contains(c));
    }
    // Read aloud: uno, otto, undici, ottanta…, ottocento…, otto mila…
    match digits.parse::<u64>() {
        Ok(n) => {
            n == 1
                || n == 11
                || digits.starts_with('8')
                || (digits.len() == 4 && (digits.starts_with("11") || digits.starts_with('8')))
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elides_before_a_vowel_sound_only() {
        assert_eq!(dal("8 gen 2026"), "dall'8 gen 2026");
        assert_eq!(dal("11 marzo 2026"), "dall'11 marzo 2026");
        assert_eq!(dal("1 aprile 2026"), "dall'1 aprile 2026");
        assert_eq!(al("18 maggio 2026"), "al 18 maggio 2026");
        assert_eq!(al("80 giorni"), "all'80 giorni");
        assert_eq!(dal("7 gen 2026"), "dal 7 gen 2026");
        assert_eq!(dal("21 gen 2026"), "dal 21 gen 2026");
        assert_eq!(dal("08/01/2026"), "dal 08/01/2026");
        assert_eq!(join("del", "otto"), "dell'otto");
        assert_eq!(dal("lunedì 8 gennaio"), "dal lunedì 8 gennaio");
        assert_eq!(al(""), "al ");
        // At the start of a sentence.
        assert_eq!(join("Dal", "8 gen 2026"), "Dall'8 gen 2026");
        assert_eq!(join("Dal", "9 gen 2026"), "Dal 9 gen 2026");
    }
}
