//! A lead's team: the team calendar and the approvals (`pages/team/`,
//! `pages/approvals/`).

super::area!(team {
    Calendar => crate::pages::team::TeamCalendar,
    Approvals => crate::pages::approvals::Approvals,
});
