//! Administration: people, teams, agreements, imports, the organisation,
//! the partnership, the audit log, certificate checks and a team's rules
//! (`pages/admin/`).

super::area!(admin {
    Home => crate::pages::admin::Administration,
    TeamRules => crate::pages::admin::TeamRules,
    Agreements => crate::pages::admin::Agreements,
    People => crate::pages::admin::People,
    PeopleImport => crate::pages::admin::PeopleImport,
    AbsencesImport => crate::pages::admin::AbsencesImport,
    Teams => crate::pages::admin::Teams,
    Organisation => crate::pages::admin::OrganisationPage,
    Partnership => crate::pages::admin::Partnership,
    Audit => crate::pages::admin::AuditLog,
    Certificates => crate::pages::admin::VerifyCertificate,
});
