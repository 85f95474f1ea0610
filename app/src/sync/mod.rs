//! Offline-first sync with the server: one reducer, run in two places.
//!
//! - `replica`: pure logic — confirmed state, outbox, rebase after a pull,
//!   and the stored formats of outbox and cache.
//! - `retry`: which failures are retried (and after how long) and which are final.
//! - `codec`: the decoders of commands, events and rejections, a piece of
//!   WebAssembly fetched after the first page (`codec.rs` says why).
//! - `client`: the loop that pushes, pulls and listens, and the context pages use.
//!
//! The JSON of push / pull / events is `vela_domain::sync`, shared with the server.

pub mod client;
pub mod codec;
pub mod replica;
pub mod retry;
