//! A session as its trainer manages it: registrations and waitlist,
//! attendance, feedback figures and comments, CSV export, cancellation.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::webinars::report::{attendees, session_figures};
use vela_domain::webinars::{Command as Web, RegistrationStatus, Session, SessionStatus};

use super::detail::route_session;
use super::{check, seats_text, submit, trainer_names, use_now, when};
use crate::format::time_of_day;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

#[component]
pub fn ManageSession() -> impl IntoView {
    super::access::trainers_only(|| view! { <ManageSessionPage /> }.into_any())
}

#[component]
fn ManageSessionPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let id = route_session();
    let session = Memo::new(move |_| {
        let id = id()?;
        state.with(|s| s.webinars.sessions.get(&id).cloned())
    });
    move || match (session.get(), signed_in_person()) {
        (Some(session), Some(me)) => view! { <Manage session=session me=me /> }.into_any(),
        _ => view! {
            <section class="page webinars">
                <h1>{move || i18n.t().webinars().not_found_title}</h1>
                <p><A href="/training">{move || i18n.t().webinars().back}</A></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn Manage(session: Session, me: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let now = use_now();
    let id = session.id;
    let cancelled = session.status == SessionStatus::Cancelled;
    let info = session.clone();
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);

    let facts = move || {
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        state.with(|s| {
            view! {
                <dl class="webinar-facts">
                    <dt>{t.col_date}</dt>
                    <dd>{when(&info, locale)}</dd>
                    <dt>{t.trainers}</dt>
                    <dd>{trainer_names(s, &info)}</dd>
                    <dt>{t.col_seats}</dt>
                    <dd>{seats_text(s, id, locale)}</dd>
                </dl>
            }
        })
    };
    let may_cancel =
        move || state.with(|s| check(s, me, Web::CancelSession { id }, now.get()).is_ok());
    let may_edit = move || {
        // Saving the session unchanged tells whether the person may edit it.
        state.with(|s| {
            s.webinars.sessions.get(&id).is_some_and(|x| {
                x.status == SessionStatus::Scheduled
                    && (x.trainers.contains(&me) || super::trainer::is_admin())
            })
        })
    };
    let cancel = move |_| {
        confirming.set(false);
        if let Err(e) = submit(Web::CancelSession { id }) {
            error.set(Some(e));
        }
    };

    view! {
        <section class="page webinars manage-session">
            <p class="breadcrumb">
                <A href="/training">{move || i18n.t().webinars().back}</A>
            </p>
            <h1>{session.title.clone()}</h1>
            {cancelled
                .then(|| {
                    view! {
                        <p class="notice danger" role="status">
                            <span aria-hidden="true">"✕ "</span>
                            {move || i18n.t().webinars().cancelled_notice}
                        </p>
                    }
                })}
            {facts}
            <div class="actions">
                {move || {
                    may_edit()
                        .then(|| {
                            view! {
                                <A href=format!("/training/sessions/{}/edit", id.0) attr:class="button-link">
                                    {move || i18n.t().webinars().edit}
                                </A>
                            }
                        })
                }}
                <a class="button-link" href=format!("/api/webinars/{}/attendees.csv", id.0) download="">
                    {move || i18n.t().webinars().export_csv}
                </a>
                <A href=format!("/webinars/{}", id.0) attr:class="button-link">
                    {move || i18n.t().webinars().public_page}
                </A>
                {move || {
                    (may_cancel() && !confirming.get())
                        .then(|| {
                            view! {
                                <button type="button" class="danger" on:click=move |_| confirming.set(true)>
                                    {i18n.t().webinars().cancel_session}
                                </button>
                            }
                        })
                }}
            </div>
            {move || {
                confirming
                    .get()
                    .then(|| {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="cancel-session-question">
                                <p id="cancel-session-question">{i18n.t().webinars().cancel_session_question}</p>
                                <button type="button" class="danger" node_ref=super::focused_button() on:click=cancel>
                                    {i18n.t().webinars().cancel_session_confirm}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                    {i18n.t().webinars().keep}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || error.get().map(|e| view! { <p role="alert" class="form-error">{e}</p> })}
            <Attendees id=id me=me now=now error=error />
            <Feedback id=id />
        </section>
    }
}

/// Registrations, the waitlist in order, and attendance.
#[component]
fn Attendees(
    id: SessionId,
    me: PersonId,
    now: ReadSignal<chrono::DateTime<chrono::Utc>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let chosen = RwSignal::new(String::new());
    let mark = move |person: PersonId, present: bool| match submit(Web::MarkAttendance {
        session: id,
        person,
        present,
    }) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e)),
    };

    let table = move || {
        let t = i18n.t().webinars();
        let rows = state.with(|s| attendees(s, id));
        let started = state.with(|s| {
            s.webinars
                .sessions
                .get(&id)
                .is_some_and(|x| now.get() >= x.start)
        });
        if rows.is_empty() {
            return view! { <p class="empty-state">{t.registrations_empty}</p> }.into_any();
        }
        let body = rows
            .into_iter()
            .map(|row| {
                let status = match row.status {
                    Some(RegistrationStatus::Registered) => t.reg_registered,
                    Some(RegistrationStatus::Waitlisted) => t.reg_waitlisted,
                    Some(RegistrationStatus::Cancelled) => t.reg_cancelled,
                    None => t.reg_none,
                };
                let person = row.person;
                let label = (t.present_named)(&row.name);
                let attended = row.attended;
                view! {
                    <tr>
                        <th scope="row">{row.name.clone()}</th>
                        <td>{row.team.clone()}</td>
                        <td>{status}</td>
                        <td>{row.waitlist_position.map(|p| p.to_string())}</td>
                        <td>
                            <label class="check">
                                <input
                                    type="checkbox"
                                    aria-label=label
                                    prop:checked=attended
                                    disabled=!started
                                    on:change=move |ev| mark(person, event_target_checked(&ev))
                                />
                                <span aria-hidden="true">{if attended { t.col_present } else { "" }}</span>
                            </label>
                        </td>
                        <td>{row.rating.map(|r| format!("{r}/5"))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="webinar-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_name}</th>
                            <th scope="col">{t.col_team}</th>
                            <th scope="col">{t.col_status}</th>
                            <th scope="col">{t.col_position}</th>
                            <th scope="col">{t.col_present}</th>
                            <th scope="col">{t.col_rating}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    // Recording someone present who is not on the list (followed from a
    // colleague's screen, or a training recorded afterwards).
    // Compared before anything is redrawn: the select keeps its choice while
    // unrelated live updates arrive.
    let others = Memo::new(move |_| {
        let at = now.get();
        state.with(|s| {
            let listed: Vec<PersonId> = attendees(s, id).into_iter().map(|r| r.person).collect();
            s.directory
                .people
                .values()
                .filter(|p| p.active && !listed.contains(&p.id))
                .filter(|p| {
                    check(
                        s,
                        me,
                        Web::MarkAttendance {
                            session: id,
                            person: p.id,
                            present: true,
                        },
                        at,
                    )
                    .is_ok()
                })
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let anyone_else = Memo::new(move |_| others.with(|list| !list.is_empty()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(uuid) = uuid::Uuid::parse_str(&chosen.get_untracked()) {
            mark(PersonId(uuid), true);
            chosen.set(String::new());
        }
    };
    let before_start = move || {
        let locale = i18n.locale();
        state.with(|s| {
            s.webinars
                .sessions
                .get(&id)
                .filter(|x| now.get() < x.start)
                .map(|x| {
                    let when = format!(
                        "{}, {}",
                        crate::format::long_date(vela_domain::calendar::rome_date(x.start), locale),
                        time_of_day(x.start, locale)
                    );
                    (i18n.t().webinars().attendance_from)(&when)
                })
        })
    };

    view! {
        <h2>{move || i18n.t().webinars().registrations}</h2>
        {move || before_start().map(|text| view! { <p class="hint">{text}</p> })}
        {table}
        {move || {
            anyone_else
                .get()
                .then(|| {
                    let t = i18n.t().webinars();
                    view! {
                        <form class="add-present" on:submit=add>
                            <label>
                                <span>{t.other_present}</span>
                                <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                                    <option value="">{t.choose_person}</option>
                                    <For each=move || others.get() key=|item| item.clone() let:item>
                                        <option value=item.0.0.to_string() selected=move || chosen.with(|c| *c == item.0.0.to_string())>{item.1}</option>
                                    </For>
                                </select>
                            </label>
                            <button type="submit" class="secondary">{t.mark_present}</button>
                        </form>
                    }
                })
        }}
    }
}

/// The feedback average and comments.
#[component]
fn Feedback(id: SessionId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    move || {
        let t = i18n.t().webinars();
        let figures = state.with(|s| session_figures(s, id));
        let comments: Vec<(String, u8, String)> = state.with(|s| {
            attendees(s, id)
                .into_iter()
                .filter_map(|r| Some((r.name, r.rating?, r.comment?)))
                .collect()
        });
        let summary = match figures.and_then(|f| f.average_rating.map(|a| (a, f.ratings))) {
            Some((average, n)) => {
                let mut avg = format!("{average:.1}");
                if i18n.locale() == crate::i18n::Locale::It {
                    avg = avg.replace('.', ",");
                }
                (t.feedback_average)(&avg, n)
            }
            None => t.feedback_none.to_owned(),
        };
        view! {
            <h2>{t.feedback_figures}</h2>
            <p class="feedback-average" role="status">{summary}</p>
            {(!comments.is_empty())
                .then(|| {
                    view! {
                        <h3>{t.comments}</h3>
                        <ul class="feedback-comments">
                            {comments
                                .into_iter()
                                .map(|(name, rating, comment)| {
                                    view! {
                                        <li>
                                            <blockquote>{comment}</blockquote>
                                            <p class="hint">{format!("{name} · {rating}/5")}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        }
    }
}
