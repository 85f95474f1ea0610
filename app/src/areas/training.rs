//! The trainer's pages: their sessions and paths, a new or changed
//! session or path, and a session's registrations, attendance and
//! feedback (`pages/webinars/`). Apart from the webinars every person
//! opens, which need none of this.

super::area!(training {
    Trainer => crate::pages::webinars::TrainingAdmin,
    NewSession => crate::pages::webinars::NewSession,
    ManageSession => crate::pages::webinars::ManageSession,
    EditSession => crate::pages::webinars::EditSession,
    NewPath => crate::pages::webinars::NewPath,
    EditPath => crate::pages::webinars::EditPath,
});
