//! A person's own pages: notifications, profile and agreement
//! (`pages/notifications.rs`, `pages/profile.rs`, `pages/calendar/agreement.rs`).

super::area!(personal {
    Notifications => crate::pages::notifications::NotificationsPage,
    Profile => crate::pages::profile::Profile,
    Agreement => crate::pages::calendar::MyAgreement,
});
