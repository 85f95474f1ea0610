//! Administration: its first page, teams, the organisation, the
//! partnership, the audit log and certificate checks (`pages/admin/`). The
//! people are the piece `people`, the agreements and a team's rules the
//! piece `agreements`, the imports the piece `imports`.

super::area!(admin {
    Home => crate::pages::admin::Administration,
    Teams => crate::pages::admin::Teams,
    Organisation => crate::pages::admin::OrganisationPage,
    Partnership => crate::pages::admin::Partnership,
    Audit => crate::pages::admin::AuditLog,
    Certificates => crate::pages::admin::VerifyCertificate,
});
