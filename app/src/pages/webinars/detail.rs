//! One session as an employee sees it: when, who, seats, their registration
//! or waitlist place, the Join button, the calendar file and feedback.

use crate::routes::use_params_map;
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::webinars::{
    join_window, Command as Web, RegistrationStatus, Session, SessionStatus,
};
use vela_domain::Rejection;

use super::{
    audience_text, check, seats_text, submit, trainer_names, use_now, when, PromotionNotice,
};
use crate::format::time_of_day;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// The session id in the route, if it is one.
pub(crate) fn route_session() -> impl Fn() -> Option<SessionId> + Copy {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok())
            .map(SessionId)
    }
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let id = route_session();
    // Without the join link, which comes and goes with the person's seat:
    // re-rendering the page then would lose its messages (the Join button
    // reads the link itself).
    let session = Memo::new(move |_| {
        let id = id()?;
        state.with(|s| {
            s.webinars.sessions.get(&id).map(|x| Session {
                join_link: None,
                ..x.clone()
            })
        })
    });
    // Outside the part re-rendered when the session changes (a promotion
    // changes it: the join link appears), so the notice survives.
    let page = move || match (session.get(), signed_in_person()) {
        (Some(session), Some(me)) => view! { <SessionView session=session me=me /> }.into_any(),
        _ => view! {
            <section class="page webinars">
                <h1>{move || i18n.t().webinars().not_found_title}</h1>
                <p>{move || i18n.t().webinars().not_found_text}</p>
                <p>
                    <A href="/webinars">{move || i18n.t().webinars().back_to_list}</A>
                </p>
            </section>
        }
        .into_any(),
    };
    view! {
        <PromotionNotice />
        {page}
    }
}

#[component]
fn SessionView(session: Session, me: PersonId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let now = use_now();
    let id = session.id;
    let cancelled = session.status == SessionStatus::Cancelled;
    let title = session.title.clone();
    let description = session.description.clone();
    let materials = session.materials.clone();
    let info = session.clone();
    let is_trainer = session.trainers.contains(&me);

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
                    <dt>{t.audience_label}</dt>
                    <dd>{audience_text(s, &info, Some(me), locale)}</dd>
                    <dt>{t.col_seats}</dt>
                    <dd>{seats_text(s, id, locale)}</dd>
                </dl>
            }
        })
    };

    view! {
        <section class="page webinars webinar-detail">
            <p class="breadcrumb">
                <A href="/webinars">{move || i18n.t().webinars().back_to_list}</A>
            </p>
            <h1>{title}</h1>
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
            {(!description.is_empty()).then(|| view! { <p class="webinar-description">{description}</p> })}
            {(!cancelled).then(|| view! { <Registration id=id me=me now=now /> })}
            {(!cancelled).then(|| view! { <JoinBox id=id me=me now=now is_trainer=is_trainer /> })}
            {(!materials.is_empty())
                .then(|| {
                    view! {
                        <h2>{move || i18n.t().webinars().materials}</h2>
                        <ul class="webinar-materials">
                            {materials
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <li>
                                            <a href=m.url target="_blank" rel="noopener noreferrer">
                                                {m.title}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(!cancelled).then(|| view! { <FeedbackForm id=id me=me now=now /> })}
        </section>
    }
}

/// What the registration box offers the person now.
#[derive(Clone, Debug, PartialEq)]
enum Offer {
    /// Registered or on the waitlist (at `position`).
    Seated {
        waitlisted: bool,
        position: Option<u32>,
        may_cancel: bool,
    },
    Register {
        full: bool,
    },
    Refused(Rejection),
}

/// Register, the waitlist place, or cancel (with a confirmation).
#[component]
fn Registration(
    id: SessionId,
    me: PersonId,
    now: ReadSignal<chrono::DateTime<chrono::Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<&'static str>);
    let confirming = RwSignal::new(false);

    let status = move || {
        state.with(|s| {
            s.webinars
                .registration(id, me)
                .map(|r| r.status)
                .filter(|s| *s != RegistrationStatus::Cancelled)
        })
    };

    let register = move |_| {
        done.set(None);
        match submit(Web::Register { session: id }) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    let cancel = move |_| {
        confirming.set(false);
        match submit(Web::CancelRegistration {
            session: id,
            person: me,
        }) {
            Ok(()) => {
                error.set(None);
                done.set(Some(i18n.t().webinars().registration_cancelled_done));
            }
            Err(e) => error.set(Some(e)),
        }
    };

    // What the box offers, compared before anything is redrawn: other live
    // updates leave the buttons (and a click on them) alone.
    let offer = Memo::new(move |_| {
        let at = now.get();
        let status = status();
        state.with(|s| match status {
            Some(status @ (RegistrationStatus::Registered | RegistrationStatus::Waitlisted)) => {
                Offer::Seated {
                    waitlisted: status == RegistrationStatus::Waitlisted,
                    position: s.webinars.waitlist_position(id, me),
                    may_cancel: check(
                        s,
                        me,
                        Web::CancelRegistration {
                            session: id,
                            person: me,
                        },
                        at,
                    )
                    .is_ok(),
                }
            }
            _ => match check(s, me, Web::Register { session: id }, at) {
                Ok(()) => Offer::Register {
                    full: s
                        .webinars
                        .seats(id)
                        .is_some_and(|seats| seats.free == 0 || seats.waitlisted > 0),
                },
                Err(reason) => Offer::Refused(reason),
            },
        })
    });

    let body = move || {
        let t = i18n.t().webinars();
        match offer.get() {
            Offer::Seated {
                waitlisted,
                position,
                may_cancel,
            } => {
                let text = match position {
                    Some(position) => (t.waitlisted_notice)(position),
                    None => t.registered_notice.to_owned(),
                };
                view! {
                    <p class="notice" class:success=!waitlisted class:warning=waitlisted>
                        <span aria-hidden="true">{if waitlisted { "… " } else { "✓ " }}</span>
                        {text}
                    </p>
                    {may_cancel
                        .then(|| {
                            view! {
                                <div class="actions">
                                    {move || {
                                        if confirming.get() {
                                            view! {
                                                <div class="confirm" role="group" aria-labelledby="cancel-question">
                                                    <p id="cancel-question">{i18n.t().webinars().cancel_registration_question}</p>
                                                    <button type="button" class="danger" node_ref=super::focused_button() on:click=cancel>
                                                        {i18n.t().webinars().cancel_registration_confirm}
                                                    </button>
                                                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                                        {i18n.t().webinars().keep}
                                                    </button>
                                                </div>
                                            }
                                                .into_any()
                                        } else {
                                            view! {
                                                <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                                                    {i18n.t().webinars().cancel_registration}
                                                </button>
                                            }
                                                .into_any()
                                        }
                                    }}
                                </div>
                            }
                        })}
                }
                .into_any()
            }
            // The rules decide whether registering is possible now; when
            // not, the reason is shown instead of the button.
            Offer::Register { full } => view! {
                <div class="actions">
                    <button type="button" class="primary" on:click=register>
                        {if full { t.register_waitlist } else { t.register }}
                    </button>
                </div>
            }
            .into_any(),
            Offer::Refused(reason) => view! {
                <p class="notice" role="status">{(i18n.t().rejection)(&reason)}</p>
            }
            .into_any(),
        }
    };

    view! {
        <div class="webinar-registration" aria-live="polite">
            {body}
            {move || done.get().map(|text| view! { <p role="status" class="notice">{text}</p> })}
            {move || error.get().map(|e| view! { <p role="alert" class="form-error">{e}</p> })}
        </div>
    }
}

/// The Join button (enabled inside the join window) and the calendar link.
#[component]
fn JoinBox(
    id: SessionId,
    me: PersonId,
    now: ReadSignal<chrono::DateTime<chrono::Utc>>,
    is_trainer: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let seated = move || is_trainer || state.with(|s| s.webinars.is_registered(id, me));
    let join = move || {
        let at = now.get();
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        let (session, may) = state.with(|s| {
            (
                s.webinars.sessions.get(&id).cloned(),
                s.webinars.may_join(id, me, at),
            )
        });
        let session = session?;
        let (opens, closes) = join_window(&session);
        let hint = if at < opens {
            (t.join_opens_at)(&time_of_day(opens, locale))
        } else if at < closes {
            (t.join_open_until)(&time_of_day(closes, locale))
        } else {
            t.join_closed.to_owned()
        };
        // The link arrives with the server's answer to the registration.
        let enabled = may && session.join_link.is_some();
        let link = session.join_link.clone().unwrap_or_default();
        let open = move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.open_with_url_and_target_and_features(
                    &link,
                    "_blank",
                    "noopener,noreferrer",
                );
            }
        };
        Some(view! {
            <div class="join-box">
                <button type="button" class="primary join" disabled=!enabled on:click=open aria-describedby="join-hint">
                    {t.join}
                    <span class="visually-hidden">{format!(" {}", t.new_tab)}</span>
                </button>
                <p id="join-hint" class="hint">{hint}</p>
            </div>
        })
    };
    let ics = format!("/api/webinars/{}/ics", id.0);
    view! {
        {move || seated().then(join)}
        <p class="calendar-link">
            <a href=ics.clone() download="">
                {move || i18n.t().webinars().add_to_calendar}
            </a>
        </p>
    }
}

/// Feedback (1–5 and a comment) for people recorded present.
#[component]
fn FeedbackForm(
    id: SessionId,
    me: PersonId,
    now: ReadSignal<chrono::DateTime<chrono::Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let existing = state.with_untracked(|s| {
        s.webinars
            .feedback
            .get(&id)
            .and_then(|m| m.get(&me))
            .cloned()
    });
    let rating = RwSignal::new(existing.as_ref().map_or(0u8, |f| f.rating));
    let comment = RwSignal::new(existing.and_then(|f| f.comment).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    // Memos: the form below is rebuilt only when these flip, not on every
    // live update (which would take the focus from someone typing).
    let attended = Memo::new(move |_| {
        state.with(|s| s.webinars.attended(id, me))
            && now.get()
                >= state.with(|s| {
                    s.webinars
                        .sessions
                        .get(&id)
                        .map(|s| s.start)
                        .unwrap_or_default()
                })
    });
    let has_feedback = Memo::new(move |_| {
        state.with(|s| {
            s.webinars
                .feedback
                .get(&id)
                .is_some_and(|m| m.contains_key(&me))
        })
    });

    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = comment.get_untracked();
        let command = Web::GiveFeedback {
            session: id,
            rating: rating.get_untracked(),
            comment: (!text.trim().is_empty()).then_some(text),
        };
        match submit(command) {
            Ok(()) => {
                error.set(None);
                saved.set(true);
            }
            Err(e) => {
                saved.set(false);
                error.set(Some(e));
            }
        }
    };

    move || {
        attended.get().then(|| {
            let t = i18n.t().webinars();
            let radios = (1..=5u8)
                .map(|n| {
                    view! {
                        <label class="rating-option">
                            <input
                                type="radio"
                                name="rating"
                                value=n.to_string()
                                prop:checked=move || rating.get() == n
                                on:change=move |_| rating.set(n)
                            />
                            <span>{(t.feedback_rating)(n)}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <form class="feedback-form" on:submit=send>
                    <h2>{t.feedback_heading}</h2>
                    <fieldset class="rating">
                        <legend>{t.feedback_legend}</legend>
                        {radios}
                    </fieldset>
                    <label class="block">
                        <span>{t.feedback_comment}</span>
                        <textarea
                            rows="3"
                            prop:value=move || comment.get()
                            on:input=move |ev| comment.set(event_target_value(&ev))
                        ></textarea>
                    </label>
                    <button type="submit" class="primary">{t.feedback_submit}</button>
                    {move || (saved.get() || (has_feedback.get() && error.get().is_none()))
                        .then(|| view! { <p role="status" class="notice success">{i18n.t().webinars().feedback_saved}</p> })}
                    {move || error.get().map(|e| view! { <p role="alert" class="form-error">{e}</p> })}
                </form>
            }
        })
    }
}
