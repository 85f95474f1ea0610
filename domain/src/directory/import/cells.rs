//! The values of cells: roles, kilometres, dates, modes, languages,
//! weekdays — written as people write them in Italian or English.

use std::collections::BTreeSet;

use chrono::{NaiveDate, Weekday};

use super::columns::Column;
use super::report::RowError;
use crate::csv_file::fold;
use crate::directory::{Language, Role, WorkMode};

/// Roles separated by commas, semicolons, spaces, `|`, `/` or `+`.
pub fn roles(cell: &str) -> Result<BTreeSet<Role>, RowError> {
    cell.split(|c: char| matches!(c, ',' | ';' | '|' | '/' | '+') || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(|word| {
            role(&fold(word)).ok_or_else(|| RowError::UnknownRole {
                role: word.to_owned(),
            })
        })
        .collect()
}

fn role(folded: &str) -> Option<Role> {
    Some(match folded {
        "dipendente" | "employee" | "impiegato" | "impiegata" => Role::Employee,
        "responsabile" | "lead" | "teamlead" | "capoufficio" | "dirigente" | "manager" => {
            Role::Lead
        }
        "formatore" | "formatrice" | "trainer" => Role::Trainer,
        "amministratore" | "amministratrice" | "admin" | "administrator" => Role::Admin,
        _ => return None,
    })
}

/// A whole, non-negative number; a decimal one (`12,5` or `12.5`) is
/// rounded, as kilometres are declared whole.
pub fn whole_number(column: Column, cell: &str) -> Result<u32, RowError> {
    let not_a_number = || RowError::NotANumber {
        column,
        value: cell.to_owned(),
    };
    let (whole, fraction) = match cell.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (cell, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || whole.len() > 9 {
        return Err(not_a_number());
    }
    let whole: u32 = whole.parse().map_err(|_| not_a_number())?;
    let rounds_up = fraction.chars().next().is_some_and(|d| d >= '5');
    Ok(whole + u32::from(rounds_up))
}

/// A date as `YYYY-MM-DD` or `DD/MM/YYYY` ([`crate::csv_file::date`]).
pub fn date(column: Column, cell: &str) -> Result<NaiveDate, RowError> {
    crate::csv_file::date(cell).ok_or_else(|| RowError::NotADate {
        column,
        value: cell.to_owned(),
    })
}

/// `agile`, `remote` or `telework`, or their Italian names.
pub fn mode(cell: &str) -> Result<WorkMode, RowError> {
    Ok(match fold(cell).as_str() {
        "agile" | "lavoroagile" | "smartworking" => WorkMode::Agile,
        "remote" | "remoto" | "daremoto" | "lavorodaremoto" => WorkMode::Remote,
        "telework" | "telelavoro" => WorkMode::Telework,
        _ => return Err(unknown(Column::AgreementMode, cell)),
    })
}

/// `it` / `en`, or the language's name.
pub fn language(cell: &str) -> Result<Language, RowError> {
    Ok(match fold(cell).as_str() {
        "it" | "ita" | "italiano" | "italian" => Language::It,
        "en" | "eng" | "inglese" | "english" => Language::En,
        _ => return Err(unknown(Column::Language, cell)),
    })
}

/// Weekdays by Italian or English name or abbreviation, in the week's order.
pub fn weekdays(cell: &str) -> Result<Vec<Weekday>, RowError> {
    let mut days = Vec::new();
    for word in cell
        .split(|c: char| matches!(c, ',' | ';' | '|' | '/' | '+') || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let day = weekday(&fold(word)).ok_or_else(|| unknown(Column::AgreementWeekdays, cell))?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    crate::order::sort_by_key(&mut days, |d| d.num_days_from_monday());
    Ok(days)
}

fn weekday(folded: &str) -> Option<Weekday> {
    Some(match folded {
        "lun" | "lunedi" | "mon" | "monday" => Weekday::Mon,
        "mar" | "martedi" | "tue" | "tuesday" => Weekday::Tue,
        "mer" | "mercoledi" | "wed" | "wednesday" => Weekday::Wed,
        "gio" | "giovedi" | "thu" | "thursday" => Weekday::Thu,
        "ven" | "venerdi" | "fri" | "friday" => Weekday::Fri,
        "sab" | "sabato" | "sat" | "saturday" => Weekday::Sat,
        "dom" | "domenica" | "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn unknown(column: Column, cell: &str) -> RowError {
    RowError::UnknownValue {
        column,
        value: cell.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_in_either_language_with_any_separator() {
        assert_eq!(
            roles("Dipendente, Responsabile|trainer"),
            Ok([Role::Employee, Role::Lead, Role::Trainer].into())
        );
        assert_eq!(roles("amministratrice"), Ok([Role::Admin].into()));
        assert_eq!(roles(""), Ok(BTreeSet::new()));
        assert_eq!(
            roles("dipendente, capo"),
            Err(RowError::UnknownRole {
                role: "capo".into()
            })
        );
    }

    #[test]
    fn kilometres_are_whole_and_decimals_round() {
        let km = |s| whole_number(Column::CommuteKm, s);
        assert_eq!(km("12"), Ok(12));
        assert_eq!(km("12,5"), Ok(13));
        assert_eq!(km("12.4"), Ok(12));
        for bad in ["-3", "dodici", "1e3", "", "99999999999", ",5"] {
            assert!(km(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_read_in_iso_and_italian_forms() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 31);
        assert_eq!(date(Column::AgreementFrom, "2027-01-31").ok(), d);
        assert_eq!(date(Column::AgreementFrom, "31/01/2027").ok(), d);
        assert_eq!(date(Column::AgreementFrom, "31.01.2027").ok(), d);
        assert!(date(Column::AgreementFrom, "31/02/2027").is_err());
    }

    #[test]
    fn modes_languages_and_weekdays_read_in_either_language() {
        assert_eq!(mode("Lavoro agile"), Ok(WorkMode::Agile));
        assert_eq!(mode("Telelavoro"), Ok(WorkMode::Telework));
        assert!(mode("ibrido").is_err());
        assert_eq!(language("English"), Ok(Language::En));
        assert_eq!(
            weekdays("gio, Lunedì mar lun"),
            Ok(vec![Weekday::Mon, Weekday::Tue, Weekday::Thu])
        );
        assert!(weekdays("lun, festivo").is_err());
    }
}
