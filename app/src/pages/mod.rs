//! One module per page of the app.

pub mod calendar;
pub mod home;
pub mod login;
pub mod not_found;
pub mod section;
pub mod webinars;
