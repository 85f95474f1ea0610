//! The app's own login page (`pages/login.rs`). A first visit signs in
//! with the form in `index.html`, before the WASM; this one serves a
//! sign-in after a sign-out or a lost session, so it waits in a piece.

super::area!(signin {
    Login => crate::pages::login::Login,
});
