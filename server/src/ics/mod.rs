//! iCalendar (.ics, RFC 5545) for people's calendar apps.
//!
//! - [`calendar`]: a person's calendar (approved days away from the office as
//!   all-day events, webinar seats as timed events in Europe/Rome), built
//!   from what that person may see and nothing else;
//! - [`feeds`]: the personal feed tokens (`<data>/feeds.json` or the
//!   database), so a calendar app can subscribe without a session cookie.
//!
//! One session's file ("add to my calendar") is [`session_file`]: the same
//! event, UID and time zone as in the personal calendar, so importing both
//! never duplicates an event. The domain holds only the data; every
//! iCalendar text is written here.

pub mod calendar;
pub mod feeds;

pub use calendar::{person_calendar, session_file, session_uid};
pub use feeds::{FeedError, Feeds, FileFeeds, PgFeeds};
