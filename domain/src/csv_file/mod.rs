//! Reading the CSV files administrations bring in from their other systems
//! (people from HR, absences from the attendance system): the bytes as
//! text, the table of rows with their line numbers, a header whose columns
//! are known by several names, and cells written as people write them.
//!
//! Each import (`directory::import`, `agile::import`) names its own columns
//! and errors on top of this; the file-level checks are the same for all.

mod header;
mod table;
mod text;
mod words;

pub use header::{Header, HeaderError};
pub use table::{read, Row, Table, TableError};
pub use text::decode;
pub use words::{date, fold};
