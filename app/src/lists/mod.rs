//! What the long lists (people, teams, agreements, approvals) share: search
//! by words, paging, and the two controls that drive them. The matching is
//! presentation only — which rows a person may see is the domain's view.

mod pager;
mod row_menu;
mod search;
mod search_field;

pub use pager::{Pager, PAGE_SIZE};
pub use row_menu::RowMenu;
pub use search::{fold, page_count, page_slice, Query};
pub use search_field::SearchField;
