//! The footer of every page: what the service is, and the links a public
//! administration's service must carry (accessibility statement, privacy
//! notice, legal notes).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::pages::notice::Notice;

#[component]
pub fn AppFooter() -> impl IntoView {
    let i18n = use_i18n();
    let link = move |notice: Notice| {
        view! {
            <li>
                <A href=notice.path()>{move || notice.title(&i18n.t().frame)}</A>
            </li>
        }
    };
    view! {
        <footer class="app-footer">
            <nav aria-label=move || i18n.t().frame.footer_label>
                <ul>
                    {link(Notice::Accessibility)}
                    {link(Notice::Privacy)}
                    {link(Notice::Legal)}
                </ul>
            </nav>
            <p>{move || i18n.t().frame.footer_about}</p>
        </footer>
    }
}
