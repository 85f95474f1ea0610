//! Kinds of absence as attendance systems write them (*causali*), in
//! Italian or English.

use super::report::RowError;
use crate::agile::AbsenceKind;
use crate::csv_file::fold;

/// The kind a cell names.
pub fn kind(cell: &str) -> Result<AbsenceKind, RowError> {
    Ok(match fold(cell).as_str() {
        "ferie" | "holiday" | "holidays" | "annualleave" | "vacation" | "congedoordinario" => {
            AbsenceKind::Holiday
        }
        "malattia" | "sick" | "sickleave" | "illness" => AbsenceKind::Sick,
        "permesso" | "permessi" | "permessoretribuito" | "leave" | "legge104" | "l104"
        | "permessostudio" | "dirittoallostudio" | "150ore" | "permessosindacale" => {
            AbsenceKind::Leave
        }
        "formazione" | "training" | "missione" | "trasferta" | "mission" | "businesstrip" => {
            AbsenceKind::Training
        }
        "congedo"
        | "congedoparentale"
        | "maternita"
        | "paternita"
        | "astensioneobbligatoria"
        | "parental"
        | "parentalleave"
        | "maternityleave"
        | "paternityleave" => AbsenceKind::Parental,
        "altro" | "other" | "altraassenza" => AbsenceKind::Other,
        _ => {
            return Err(RowError::UnknownKind {
                value: cell.to_owned(),
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_in_italian_and_english() {
        assert_eq!(kind("Ferie"), Ok(AbsenceKind::Holiday));
        assert_eq!(kind("MALATTIA"), Ok(AbsenceKind::Sick));
        assert_eq!(kind("Legge 104"), Ok(AbsenceKind::Leave));
        assert_eq!(kind("Congedo parentale"), Ok(AbsenceKind::Parental));
        assert_eq!(kind("Maternità"), Ok(AbsenceKind::Parental));
        assert_eq!(kind("training"), Ok(AbsenceKind::Training));
        assert_eq!(kind("altro"), Ok(AbsenceKind::Other));
        assert_eq!(
            kind("sciopero"),
            Err(RowError::UnknownKind {
                value: "sciopero".into()
            })
        );
    }
}
