//! Objectives: the person's list, the form, one objective and the lead's
//! overview (`pages/objectives/`).

super::area!(objectives {
    Mine => crate::pages::objectives::MyObjectives,
    New => crate::pages::objectives::NewObjective,
    Team => crate::pages::objectives::TeamOverview,
    Detail => crate::pages::objectives::ObjectiveDetail,
    Edit => crate::pages::objectives::EditObjective,
});
