//! Offline-first sync with the server (design.md §3, "one reducer, two places").
//!
//! - `replica`: pure logic — confirmed state, outbox, rebase after a pull.
//! - `client`: the loop that pushes, pulls and listens, and the context pages use.
//!
//! The JSON of push / pull / events is `vela_domain::sync`, shared with the server.

pub mod client;
pub mod replica;
