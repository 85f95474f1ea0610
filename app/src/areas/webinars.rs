//! Webinars and training paths: the catalogue, one session, a person's
//! training and certificates, and the trainer's pages (`pages/webinars/`).

super::area!(webinars {
    List => crate::pages::webinars::WebinarList,
    Mine => crate::pages::webinars::MyTraining,
    Session => crate::pages::webinars::SessionPage,
    Trainer => crate::pages::webinars::TrainingAdmin,
    NewSession => crate::pages::webinars::NewSession,
    ManageSession => crate::pages::webinars::ManageSession,
    EditSession => crate::pages::webinars::EditSession,
    NewPath => crate::pages::webinars::NewPath,
    EditPath => crate::pages::webinars::EditPath,
    Certificate => crate::pages::webinars::CertificatePage,
});
