//! The home page (`pages/home/`): the cards of what waits for the person.
//! The calendar is the page every day starts from, so the first download
//! holds it and not this; `main.rs` fetches this piece while the sign-in
//! form is filled in when the app opens at `/`.

super::area!(home {
    Cards => crate::pages::home::Home,
});
