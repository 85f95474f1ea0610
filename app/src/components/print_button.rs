//! The button of a printable page (a certificate, the PIAO report): it
//! opens the browser's print dialog, where "save as PDF" gives the document.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Text};

#[component]
pub fn PrintButton(label: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="primary print-button"
            on:click=move |_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
        >
            {move || label(i18n.t())}
        </button>
    }
}
