//! A row's less frequent actions behind one button (a disclosure): opened by
//! click, Enter or Space; Escape closes it and puts the focus back on the
//! button; choosing an action closes it too, leaving the focus where the
//! action put it.

use leptos::html;
use leptos::prelude::*;

use crate::components::icon::{Icon, IconName};
use crate::i18n::use_i18n;

#[component]
pub fn RowMenu(
    /// What the row is, for the button's accessible name ("Actions for …").
    row: String,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Div>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    // The first action takes the focus when the menu opens.
    Effect::new(move |_| {
        if open.get() {
            if let Some(first) = panel
                .get()
                .and_then(|p| p.query_selector("button, a").ok().flatten())
            {
                if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&first) {
                    let _ = el.focus();
                }
            }
        }
    });
    let name = move || (i18n.t().lists.actions_for)(&row);
    view! {
        <div
            class="row-menu"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }
            on:focusout=move |ev| {
                // A menu removed while focused (its action replaced it) may
                // still hear the focus leave: nothing of it is left to close.
                if open.try_get_untracked().is_none() {
                    return;
                }
                // Closed when the focus leaves it (not when it moves inside).
                let inside = ev
                    .related_target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                    .zip(panel.get_untracked())
                    .is_some_and(|(node, p)| p.contains(Some(&node)));
                let on_button = ev
                    .related_target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                    .zip(button.get_untracked())
                    .is_some_and(|(node, b)| b.is_same_node(Some(&node)));
                if ev.related_target().is_some() && !inside && !on_button {
                    open.try_set(false);
                }
            }
        >
            <button
                type="button"
                class="secondary menu-button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-label=name
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <Icon name=IconName::More />
                {move || i18n.t().lists.actions}
            </button>
            <div
                class="row-menu-panel"
                node_ref=panel
                hidden=move || !open.get()
                on:click=move |ev| {
                    // An action was chosen: close after its own handler ran.
                    let chose = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                        .and_then(|el| el.closest("button, a").ok().flatten())
                        .is_some();
                    if chose {
                        // The elements themselves, not their refs: the action may
                        // remove this menu (and dispose of its refs) before the
                        // next frame.
                        let (panel_el, button_el) = (panel.get_untracked(), button.get_untracked());
                        open.try_set(false);
                        // The action may move the focus (a form, a question);
                        // if it did not, the focus returns to the button rather
                        // than being lost with the closed menu.
                        request_animation_frame(move || {
                            let lost = document().active_element().is_none_or(|el| {
                                el.tag_name() == "BODY"
                                    || panel_el.as_ref().is_some_and(|p| p.contains(Some(&el)))
                            });
                            if lost {
                                if let Some(b) = button_el.filter(|b| b.is_connected()) {
                                    let _ = b.focus();
                                }
                            }
                        });
                    }
                }
            >
                {children()}
            </div>
        </div>
    }
}
