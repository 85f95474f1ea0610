//! Pieces of UI used by several pages.

pub mod bell;
pub mod chart;
pub mod footer;
pub mod header;
pub mod icon;
pub mod language_switch;
pub mod later;
pub mod month_grid;
pub mod nav;
pub mod offline;
pub mod print_button;
pub mod refused;
pub mod sync_status;
