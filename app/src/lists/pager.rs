//! Previous / next page of a long list, with where one is.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Rows per page: a tablet screen or two, and few enough that a page draws
/// at once whatever the size of the organisation.
pub const PAGE_SIZE: usize = 50;

/// The page controls; hidden when everything fits on one page.
#[component]
pub fn Pager(page: RwSignal<usize>, #[prop(into)] pages: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let count = pages.get();
        (count > 1).then(|| {
            let t = &i18n.t().lists;
            let current = page.get().min(count - 1);
            view! {
                <nav class="pager" aria-label=t.pages_label>
                    <button
                        type="button"
                        class="secondary"
                        disabled={current == 0}
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    >
                        {t.previous_page}
                    </button>
                    <span aria-live="polite">{(t.page_of)(current + 1, count)}</span>
                    <button
                        type="button"
                        class="secondary"
                        disabled={current + 1 >= count}
                        on:click=move |_| page.update(|p| *p = (*p + 1).min(count - 1))
                    >
                        {t.next_page}
                    </button>
                </nav>
            }
        })
    }
}
