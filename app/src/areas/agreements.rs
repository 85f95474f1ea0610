//! The terms people work under: the agreements administrators set
//! (`pages/admin/agreements.rs`) and a team's office rules, which its lead
//! sets too (`pages/admin/rules.rs`). Apart from the rest of administration
//! so that neither a team lead nor the administration's first page waits
//! for the other's code.

super::area!(agreements {
    Agreements => crate::pages::admin::Agreements,
    TeamRules => crate::pages::admin::TeamRules,
});
