//! Monitoring of agile work.
