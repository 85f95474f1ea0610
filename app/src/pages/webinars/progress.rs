//! "My training paths": each path the person is on with their progress —
//! sessions attended of those that count, hours — its sessions ticked off,
//! and the path's certificate once complete. The figures are the domain's
//! (`webinars::progress::paths_of`).

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::ids::PathId;
use vela_domain::webinars::progress::paths_of;

use super::duration;
use crate::i18n::use_i18n;
use crate::pages::objectives::ProgressBar;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// What one path's row shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PathRow {
    id: PathId,
    title: String,
    attended: u32,
    required: u32,
    minutes: u32,
    complete: bool,
    /// Each session that counts: its title and whether it was attended.
    steps: Vec<(String, bool)>,
}

#[component]
pub fn MyPaths() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let rows = Memo::new(move |_| {
        let Some(me) = me else { return Vec::new() };
        state.with(|s| {
            paths_of(s, me)
                .into_iter()
                .map(|(path, progress)| PathRow {
                    id: path.id,
                    title: path.title.clone(),
                    attended: progress.attended,
                    required: progress.required,
                    minutes: progress.minutes,
                    complete: progress.complete(),
                    steps: progress
                        .steps
                        .iter()
                        .map(|(id, attended)| {
                            let title = s
                                .webinars
                                .sessions
                                .get(id)
                                .map(|x| x.title.clone())
                                .unwrap_or_default();
                            (title, *attended)
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="my-paths" aria-labelledby="my-paths-heading">
            <h2 id="my-paths-heading">{move || i18n.t().certificates().paths_heading}</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="empty-state">{move || i18n.t().certificates().paths_empty}</p> }
            >
                <ul class="path-progress-list">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <PathItem row />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PathItem(row: PathRow) -> impl IntoView {
    let i18n = use_i18n();
    let percent = (row.attended.saturating_mul(100))
        .checked_div(row.required)
        .map_or(0, |p| u8::try_from(p).unwrap_or(100));
    view! {
        <li class="path-progress">
            <h3>{row.title.clone()}</h3>
            {move || {
                let t = i18n.t().certificates();
                view! {
                    <ProgressBar
                        percent=percent
                        label=(t.path_progress_label)(&row.title)
                        text=(t.path_progress)(row.attended, row.required)
                    />
                    <p class="path-hours">{(t.path_hours)(&duration(row.minutes))}</p>
                    <ol class="path-steps">
                        {row
                            .steps
                            .iter()
                            .map(|(title, attended)| {
                                let (mark, state) = if *attended {
                                    ("✓", t.step_attended)
                                } else {
                                    ("○", t.step_to_attend)
                                };
                                view! {
                                    <li class=if *attended { "step-done" } else { "step-todo" }>
                                        <span aria-hidden="true">{mark}" "</span>
                                        {format!("{title} — {state}")}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    {row
                        .complete
                        .then(|| {
                            view! {
                                <p class="path-complete">
                                    <strong>{t.path_complete}</strong>
                                    " "
                                    <A
                                        href=format!("/certificates/path/{}", row.id.0)
                                        attr:aria-label=(t.certificate_for)(&row.title)
                                    >
                                        {t.certificate_link}
                                    </A>
                                </p>
                            }
                        })}
                }
            }}
        </li>
    }
}
