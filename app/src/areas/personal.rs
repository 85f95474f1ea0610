//! A person's own pages: notifications and profile (`pages/notifications.rs`,
//! `pages/profile.rs`).

super::area!(personal {
    Notifications => crate::pages::notifications::NotificationsPage,
    Profile => crate::pages::profile::Profile,
});
