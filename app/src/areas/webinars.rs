//! Webinars and training paths as every person sees them: the catalogue,
//! one session, a person's training and certificates (`pages/webinars/`).
//! The trainer's pages are the piece `training`.

super::area!(webinars {
    List => crate::pages::webinars::WebinarList,
    Mine => crate::pages::webinars::MyTraining,
    Session => crate::pages::webinars::SessionPage,
    Certificate => crate::pages::webinars::CertificatePage,
});
