//! Bringing people and absences in from the HR system's files
//! (`pages/admin/people_import.rs`, `absences_import.rs`): the largest
//! pages of administration, used by few and seldom, so apart from its
//! first page.

super::area!(imports {
    People => crate::pages::admin::PeopleImport,
    Absences => crate::pages::admin::AbsencesImport,
});
