//! "My calendar": the person's month, day by day.

mod month;

pub use month::MyCalendar;
