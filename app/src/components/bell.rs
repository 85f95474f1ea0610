//! The notification bell of the header, with the unread count.
//!
//! The header is drawn before anyone signs in, outside the signed-in part
//! that owns the sync context, so the signed-in part lends its [`SyncContext`] to
//! the header through a slot ([`BellSlot`]) for as long as it lives.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::sync::client::Sync as SyncContext;

/// Where the signed-in part puts its sync context for the header.
#[derive(Clone, Copy)]
pub struct BellSlot(RwSignal<Option<SyncContext>>);

/// Creates the slot (at the root, above the header).
pub fn provide_bell_slot() {
    provide_context(BellSlot(RwSignal::new(None)));
}

/// Lends `sync` to the header's bell until the calling owner is cleaned up
/// (sign-out).
pub fn fill_bell_slot(sync: SyncContext) {
    if let Some(BellSlot(slot)) = use_context::<BellSlot>() {
        slot.set(Some(sync));
        on_cleanup(move || {
            let _ = slot.try_set(None);
        });
    }
}

/// The bell, once someone is signed in.
#[component]
pub fn BellSlotView() -> impl IntoView {
    let slot = use_context::<BellSlot>();
    move || {
        let sync = slot.and_then(|BellSlot(s)| s.get())?;
        Some(view! { <Bell sync /> })
    }
}

/// A link to the notifications page whose accessible name says how many are
/// unread; a polite live region announces the count when it changes.
#[component]
fn Bell(sync: SyncContext) -> impl IntoView {
    let i18n = use_i18n();
    let state = sync.state();
    let me = sync.me();
    let unread = Memo::new(move |_| {
        me.and_then(|me| state.try_with(|s| s.notifications.unread(me)))
            .unwrap_or(0)
    });
    view! {
        <A
            href="/notifications"
            attr:class="bell"
            attr:aria-label=move || (i18n.t().bell_label)(unread.get())
        >
            <crate::components::icon::Icon name=crate::components::icon::IconName::Bell />
            // No figure when nothing is unread: the name says "none", and the
            // visible text must be part of the name (WCAG 2.5.3).
            {move || {
                let n = unread.get();
                (n > 0).then(|| view! { <span aria-hidden="true" class="bell-count">{n}</span> })
            }}
        </A>
        <span class="visually-hidden" aria-live="polite">
            {move || (i18n.t().bell_announce)(unread.get())}
        </span>
    }
}
