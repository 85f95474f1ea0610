//! Administration pages.
