//! The .ics calendar file of a session (lands in the next commit).
