//! Administration: its first page, people, teams, the organisation, the
//! partnership, the audit log and certificate checks (`pages/admin/`). The
//! agreements and a team's rules are the piece `agreements`, the imports
//! the piece `imports`.

super::area!(admin {
    Home => crate::pages::admin::Administration,
    People => crate::pages::admin::People,
    Teams => crate::pages::admin::Teams,
    Organisation => crate::pages::admin::OrganisationPage,
    Partnership => crate::pages::admin::Partnership,
    Audit => crate::pages::admin::AuditLog,
    Certificates => crate::pages::admin::VerifyCertificate,
});
