//! One module per page of the app.

pub mod absences;
pub mod admin;
pub mod approvals;
pub mod calendar;
pub mod export;
pub mod home;
pub mod login;
pub mod monitoring;
pub mod not_found;
pub mod notice;
pub mod notifications;
pub mod objectives;
pub mod profile;
pub mod team;
pub mod webinars;
