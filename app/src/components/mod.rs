//! Pieces of UI used by several pages.

pub mod bell;
pub mod header;
pub mod language_switch;
pub mod month_grid;
pub mod nav;
pub mod offline;
pub mod refused;
pub mod sync_status;
