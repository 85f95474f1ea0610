//! Vela's domain: every business rule of agile days, objectives and webinars.
//!
//! This crate is pure: no I/O, no clock, no randomness. Time and ids are passed in.
