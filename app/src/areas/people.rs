//! The people of the organisation: the list, a person's details, roles,
//! agreement, password and departure (`pages/admin/people.rs` and its
//! forms). The page administrators use most, and the largest: apart from
//! administration's first page, which links to it.

super::area!(people {
    List => crate::pages::admin::People,
});
