//! The approvals page.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use vela_domain::agile::Decision;
use vela_domain::ids::{PersonId, RequestId};
use vela_domain::Actor;

use super::confirm::CoverageConfirm;
use super::decide::{decide, pending_days, plan_approvals, PendingDay, Shortfall, Step};
use crate::components::icon::{Icon, IconName};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::lists::{page_count, page_slice, Pager, PAGE_SIZE};
use crate::pages::team::{loaded, loading_view, managed_teams, place_text};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

type Key = (PersonId, NaiveDate);

fn parse_date(value: &str) -> Option<NaiveDate> {
    value.parse().ok()
}

/// The lead's inbox: every pending day of their teams, filtered by person
/// and dates; approve or reject each (a reason is required to reject),
/// approve a selection at once; approvals that would take a day under the
/// minimum office presence wait for an explicit confirmation.
#[component]
pub fn Approvals() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = signed_in_person();

    let person = RwSignal::new(None::<PersonId>);
    let from = RwSignal::new(None::<NaiveDate>);
    let until = RwSignal::new(None::<NaiveDate>);
    let selected = RwSignal::new(BTreeSet::<Key>::new());
    let rejecting = RwSignal::new(None::<Key>);
    // The one reason for rejecting the whole selection.
    let bulk_rejecting = RwSignal::new(false);
    let bulk_reason = RwSignal::new(String::new());
    let bulk_missing = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let shortfalls = RwSignal::new(Vec::<Shortfall>::new());
    let message = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());
    let count_ref = NodeRef::<html::H2>::new();

    // Opened at a request (from a notification): show that request's days,
    // once, as soon as the replica holds it.
    let asked = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("request"))
        .and_then(|v| uuid::Uuid::parse_str(&v).ok())
        .map(RequestId);
    let focused = StoredValue::new(asked.is_none());
    Effect::new(move |_| {
        let Some(asked) = asked else { return };
        if focused.get_value() {
            return;
        }
        let found = state.with(|s| {
            s.agile
                .requests
                .get(&asked)
                .map(|r| (r.person, r.dates.first().copied(), r.dates.last().copied()))
        });
        if let Some((who, first, last)) = found {
            focused.set_value(true);
            person.set(Some(who));
            from.set(first);
            until.set(last);
        }
    });

    let all = Memo::new(move |_| {
        me.map(|me| state.with(|s| pending_days(s, me, now())))
            .unwrap_or_default()
    });
    let shown = Memo::new(move |_| {
        let (p, f, u) = (person.get(), from.get(), until.get());
        all.get()
            .into_iter()
            .filter(|d| p.is_none_or(|p| d.person == p))
            .filter(|d| f.is_none_or(|f| d.date >= f))
            .filter(|d| u.is_none_or(|u| d.date <= u))
            .collect::<Vec<_>>()
    });
    // Forget selections of days that are no longer shown (decided, filtered).
    Effect::new(move |_| {
        let visible: BTreeSet<Key> = shown.with(|s| s.iter().map(PendingDay::key).collect());
        if selected.with_untracked(|s| s.iter().any(|k| !visible.contains(k))) {
            selected.update(|s| s.retain(|k| visible.contains(k)));
        }
    });

    let focus_count = move || {
        if let Some(el) = count_ref.get_untracked() {
            let _ = el.focus();
        }
    };

    // Approves days one by one (each sees the ones before it): those that
    // would break coverage wait for confirmation, refusals are reported.
    let approve_days = move |days: Vec<PendingDay>| {
        let t = i18n.t().team();
        let mut done = Vec::new();
        let mut waiting: Vec<Shortfall> = Vec::new();
        let mut refused = Vec::new();
        let actor = me.map_or(Actor::System, Actor::Person);
        let plan = state.with_untracked(|s| plan_approvals(s, &actor, &days, now()));
        for step in plan {
            match step {
                // Submitting checks again, against the state as it is now.
                Step::Approve(day) => match sync.submit(decide(&day, Decision::Approve, "", false))
                {
                    Ok(()) => done.push(day),
                    Err(r) => refused.push((i18n.t().rejection)(&r)),
                },
                Step::Confirm(s) => waiting.push(s),
                Step::Refuse(_, r) => refused.push((i18n.t().rejection)(&r)),
            }
        }
        let locale = i18n.locale();
        message.set(match done.as_slice() {
            [] => String::new(),
            [one] => (t.approved_msg)(&one.name, &long_date(one.date, locale)),
            many => (t.bulk_done)(many.len()),
        });
        alert.set(refused.join(" "));
        let confirm = !waiting.is_empty();
        shortfalls.set(waiting);
        if !confirm {
            focus_count();
        }
    };

    // Rejects every selected day with one reason: a batch of the same
    // decision the row's button makes, each checked by the domain.
    let reject_selected = move || {
        let text = bulk_reason.get_untracked();
        if text.trim().is_empty() {
            bulk_missing.set(true);
            return;
        }
        let chosen = selected.get_untracked();
        let days: Vec<PendingDay> = shown
            .get_untracked()
            .into_iter()
            .filter(|d| chosen.contains(&d.key()))
            .collect();
        let mut done = 0;
        let mut refused = Vec::new();
        for day in &days {
            match sync.submit(decide(day, Decision::Reject, &text, false)) {
                Ok(()) => done += 1,
                Err(r) => refused.push((i18n.t().rejection)(&r)),
            }
        }
        message.set((i18n.t().team().bulk_rejected)(done));
        alert.set(refused.join(" "));
        bulk_rejecting.set(false);
        bulk_reason.set(String::new());
        bulk_missing.set(false);
        focus_count();
    };

    let reject_day = move |day: PendingDay| {
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            reason_missing.set(true);
            return;
        }
        let t = i18n.t().team();
        match sync.submit(decide(&day, Decision::Reject, &text, false)) {
            Ok(()) => {
                message.set((t.rejected_msg)(
                    &day.name,
                    &long_date(day.date, i18n.locale()),
                ));
                alert.set(String::new());
                rejecting.set(None);
                reason.set(String::new());
                reason_missing.set(false);
                focus_count();
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
    };

    let person_options = move || {
        let chosen = person.get();
        let mut people: Vec<(PersonId, String)> = all.with(|days| {
            days.iter()
                .map(|d| (d.person, d.name.clone()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        });
        if let Some(p) = chosen {
            if !people.iter().any(|(id, _)| *id == p) {
                let name = state.with(|s| s.directory.people.get(&p).map(|x| x.name.clone()));
                people.push((p, name.unwrap_or_default()));
            }
        }
        vela_domain::order::sort_by(&mut people, |a, b| a.1.cmp(&b.1));
        people
            .into_iter()
            .map(|(id, name)| {
                view! { <option value=id.to_string() selected=chosen == Some(id)>{name}</option> }
            })
            .collect_view()
    };

    let row = move |day: PendingDay| {
        let key = day.key();
        let would_leave = day.would_leave;
        let date_text = move || long_date(key.1, i18n.locale());
        let name = day.name.clone();
        let check_label = {
            let name = name.clone();
            move || (i18n.t().team().select_day)(&name, &date_text())
        };
        let approve_label = {
            let name = name.clone();
            move || (i18n.t().team().approve_day)(&name, &date_text())
        };
        let reject_label = {
            let name = name.clone();
            move || (i18n.t().team().reject_day)(&name, &date_text())
        };
        let reason_id = format!("reason-{}-{}", key.0, key.1);
        let error_id = format!("{reason_id}-error");
        let where_text = {
            let (mode, place) = (day.mode, day.place.clone());
            move || place_text(mode, &place, i18n.t().team())
        };
        let note = (!day.note.is_empty()).then(|| {
            let note = day.note.clone();
            view! { <span class="request-note">{move || (i18n.t().team().request_note)(&note)}</span> }
        });
        let (in_office, size, minimum) = (day.in_office, day.team_size, day.minimum);
        let day_for_approve = day.clone();
        let day_for_reject = day.clone();
        let actions = move || {
            let t = i18n.t().team();
            if rejecting.get() == Some(key) {
                let day = day_for_reject.clone();
                let reason_ref = NodeRef::<html::Textarea>::new();
                Effect::new(move |_| {
                    if let Some(el) = reason_ref.get() {
                        let _ = el.focus();
                    }
                });
                view! {
                    <div class="reject-form">
                        <label for=reason_id.clone()>{t.reject_reason}</label>
                        <textarea
                            id=reason_id.clone()
                            node_ref=reason_ref
                            required
                            aria-invalid=move || reason_missing.get().then_some("true")
                            aria-describedby=error_id.clone()
                            prop:value=move || reason.get()
                            on:input=move |ev| {
                                reason.set(event_target_value(&ev));
                                reason_missing.set(false);
                            }
                        ></textarea>
                        <p id=error_id.clone() class="field-error" role="alert">
                            {move || reason_missing.get().then(|| i18n.t().team().reason_required)}
                        </p>
                        <div class="row-actions">
                            <button
                                type="button"
                                class="primary"
                                on:click=move |_| reject_day(day.clone())
                            >
                                {t.reject_confirm}
                            </button>
                            <button
                                type="button"
                                class="secondary"
                                on:click=move |_| {
                                    rejecting.set(None);
                                    reason_missing.set(false);
                                }
                            >
                                {t.cancel}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                let day = day_for_approve.clone();
                view! {
                    <div class="row-actions">
                        <button
                            type="button"
                            class="primary"
                            aria-label=approve_label.clone()
                            on:click=move |_| approve_days(vec![day.clone()])
                        >
                            {t.approve}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            aria-label=reject_label.clone()
                            on:click=move |_| {
                                reason.set(String::new());
                                reason_missing.set(false);
                                rejecting.set(Some(key));
                            }
                        >
                            {t.reject}
                        </button>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <tr>
                <td>
                    // The label around the box makes the whole 44 px square a target.
                    <label class="hit">
                    <input
                        type="checkbox"
                        aria-label=check_label
                        prop:checked=move || selected.with(|s| s.contains(&key))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| {
                                if on {
                                    s.insert(key);
                                } else {
                                    s.remove(&key);
                                }
                            });
                        }
                    />
                    </label>
                </td>
                <th scope="row">{name}</th>
                <td>{date_text}</td>
                <td>{where_text} {note}</td>
                <td class="coverage" class:below=would_leave.is_some()>
                    {move || (i18n.t().team().coverage_cell)(in_office, size, minimum)}
                    {move || would_leave.map(|n| view! {
                        <span class="would-leave">
                            <Icon name=IconName::Warning />
                            " "
                            {(i18n.t().team().coverage_if_approved)(n, minimum)}
                        </span>
                    })}
                </td>
                <td>{actions}</td>
            </tr>
        }
    };

    let leads = Memo::new(move |_| state.with(|s| !managed_teams(s, me).is_empty()));
    // The table is drawn anew only when one of these answers changes; its
    // rows are keyed, so a live update never takes the focus from a reason
    // being typed.
    let ready = Memo::new(move |_| state.with(loaded));
    let none_pending = Memo::new(move |_| all.with(Vec::is_empty));
    let none_shown = Memo::new(move |_| shown.with(Vec::is_empty));
    let table = move || {
        let t = i18n.t().team();
        if !ready.get() {
            return loading_view().into_any();
        }
        if !leads.get() {
            return view! { <p class="team-empty">{t.approvals_not_lead}</p> }.into_any();
        }
        if none_pending.get() {
            return view! { <p class="team-empty">{t.inbox_empty}</p> }.into_any();
        }
        if none_shown.get() {
            return view! { <p class="team-empty">{t.inbox_filtered_empty}</p> }.into_any();
        }
        let all_selected = move || {
            shown.with(|days| {
                selected.with(|s| !days.is_empty() && days.iter().all(|d| s.contains(&d.key())))
            })
        };
        view! {
            <div class="inbox-actions">
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=all_selected
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let keys: Vec<Key> = shown.with(|d| d.iter().map(PendingDay::key).collect());
                            selected.update(|s| {
                                for k in keys {
                                    if on {
                                        s.insert(k);
                                    } else {
                                        s.remove(&k);
                                    }
                                }
                            });
                        }
                    />
                    {t.select_all}
                </label>
                <button
                    type="button"
                    class="primary"
                    disabled=move || selected.with(BTreeSet::is_empty)
                    on:click=move |_| {
                        let chosen = selected.get_untracked();
                        let days: Vec<PendingDay> = shown
                            .get_untracked()
                            .into_iter()
                            .filter(|d| chosen.contains(&d.key()))
                            .collect();
                        approve_days(days);
                    }
                >
                    {move || (i18n.t().team().bulk_approve)(selected.with(BTreeSet::len))}
                </button>
                <button
                    type="button"
                    class="secondary"
                    disabled=move || selected.with(BTreeSet::is_empty)
                    aria-expanded=move || bulk_rejecting.get().to_string()
                    on:click=move |_| {
                        bulk_missing.set(false);
                        bulk_rejecting.update(|open| *open = !*open);
                    }
                >
                    {move || (i18n.t().team().bulk_reject)(selected.with(BTreeSet::len))}
                </button>
            </div>
            {move || {
                (bulk_rejecting.get() && !selected.with(BTreeSet::is_empty)).then(|| {
                    let t = i18n.t().team();
                    let reason_ref = NodeRef::<html::Textarea>::new();
                    Effect::new(move |_| {
                        if let Some(el) = reason_ref.get() {
                            let _ = el.focus();
                        }
                    });
                    view! {
                        <div class="reject-form bulk">
                            <label for="bulk-reason">
                                {move || (i18n.t().team().bulk_reason)(selected.with(BTreeSet::len))}
                            </label>
                            <textarea
                                id="bulk-reason"
                                node_ref=reason_ref
                                required
                                aria-invalid=move || bulk_missing.get().then_some("true")
                                aria-describedby="bulk-reason-error"
                                prop:value=move || bulk_reason.get()
                                on:input=move |ev| {
                                    bulk_reason.set(event_target_value(&ev));
                                    bulk_missing.set(false);
                                }
                            ></textarea>
                            <p id="bulk-reason-error" class="field-error" role="alert">
                                {move || bulk_missing.get().then(|| i18n.t().team().reason_required)}
                            </p>
                            <div class="row-actions">
                                <button type="button" class="primary" on:click=move |_| reject_selected()>
                                    {t.bulk_reject_confirm}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        bulk_rejecting.set(false);
                                        bulk_missing.set(false);
                                    }
                                >
                                    {t.cancel}
                                </button>
                            </div>
                        </div>
                    }
                })
            }}
            <table class="inbox">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{t.col_select}</span></th>
                        <th scope="col">{t.col_person}</th>
                        <th scope="col">{t.col_day}</th>
                        <th scope="col">{t.col_where}</th>
                        <th scope="col">{t.col_coverage}</th>
                        <th scope="col">{t.col_actions}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || {
                            shown.with(|all| all[page_slice(all.len(), page.get(), PAGE_SIZE)].to_vec())
                        }
                        key=|d| (d.person, d.date, d.in_office, d.team_size, d.minimum, d.would_leave)
                        children=row
                    />
                </tbody>
            </table>
            <Pager page pages=Signal::derive(move || shown.with(|d| page_count(d.len(), PAGE_SIZE))) />
        }
        .into_any()
    };

    view! {
        <section class="page approvals">
            <h1>{move || i18n.t().team().approvals_title}</h1>
            <p>{move || i18n.t().team().approvals_intro}</p>
            <fieldset class="filters">
                <legend>{move || i18n.t().team().filters}</legend>
                <div>
                    <label for="filter-person">{move || i18n.t().team().filter_person}</label>
                    <select
                        id="filter-person"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            person.set(uuid::Uuid::parse_str(&v).ok().map(PersonId));
                            page.set(0);
                        }
                    >
                        <option value="" selected=move || person.get().is_none()>
                            {move || i18n.t().team().filter_everyone}
                        </option>
                        {person_options}
                    </select>
                </div>
                <div>
                    <label for="filter-from">{move || i18n.t().team().filter_from}</label>
                    <input
                        id="filter-from"
                        type="date"
                        prop:value=move || from.get().map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            from.set(parse_date(&event_target_value(&ev)));
                            page.set(0);
                        }
                    />
                </div>
                <div>
                    <label for="filter-until">{move || i18n.t().team().filter_until}</label>
                    <input
                        id="filter-until"
                        type="date"
                        prop:value=move || until.get().map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            until.set(parse_date(&event_target_value(&ev)));
                            page.set(0);
                        }
                    />
                </div>
                <div>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            person.set(None);
                            from.set(None);
                            until.set(None);
                        }
                    >
                        {move || i18n.t().team().filter_clear}
                    </button>
                </div>
            </fieldset>
            <p class="team-message" role="status">{move || message.get()}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            <CoverageConfirm shortfalls message alert />
            <h2 tabindex="-1" node_ref=count_ref>
                {move || (i18n.t().team().inbox_count)(shown.with(Vec::len))}
            </h2>
            {table}
        </section>
    }
}
