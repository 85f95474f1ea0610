//! Drawing the parts of a page that can wait in a task of their own.
//!
//! The browser cannot answer a tap, or paint, while the WebAssembly draws,
//! and a slow tablet blocks for four times as long as this machine: the
//! calendar's start-up was one task of about 300 ms in Lighthouse's
//! simulation, its "total blocking time". Parts below or beside what a
//! person looks at first go inside [`Later`] and make that task shorter.
//!
//! Not for everything: each one costs the browser a second pass of style
//! and layout over the page, so only parts of some weight are worth it.

use leptos::prelude::*;

/// Draws its children in a task of their own, after the one drawing its
/// parent.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        // A timer's callback is a task of its own (a future's continuation
        // is otherwise a microtask of the task that is running).
        gloo_timers::future::TimeoutFuture::new(0).await;
        // Gone meanwhile if the page was left: nothing to draw then.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
