//! Absences (`pages/absences/`).

super::area!(absences {
    List => crate::pages::absences::Absences,
});
