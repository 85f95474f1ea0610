//! Who is told what when a command is accepted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::{Kind, Notification};
use crate::agile::{self, DayPlan, DayStatus};
use crate::directory::{self, Role};
use crate::ids::{PersonId, TeamId};
use crate::objectives::{self, Objective, Owner, Status};
use crate::webinars::{self, RegistrationStatus, Session};
use crate::{Actor, Event, State};

/// The notifications that `events` — accepted for `actor`'s command at
/// `now` — cause, judged on `before`, the state just before them (what
/// changed is the difference between the two; the events carry the
/// after). Nobody is told of their own action, except a registrant of their
/// seat (the confirmation carries the calendar file).
///
/// The rules:
/// - days requested or cancelled → the leads of the person's team;
/// - days approved (under the minimum coverage when the lead wrote a note on
///   an approval that needed one) or rejected with the reason → the person;
/// - days withdrawn by an absence → the person (never the absence's kind or
///   reason);
/// - an objective proposed → the leads of its owner; assigned by a lead,
///   agreed, sent back with a comment, reviewed → the owner (every active
///   member of a team owner);
/// - a seat confirmed, a waitlist promotion → the registrant; a session's
///   time or link changed, or the session cancelled → its registrants and
///   waitlisted people;
/// - an agreement withdrawn → the person and the administrators of their
///   organisation.
pub fn caused(
    before: &State,
    actor: &Actor,
    events: &[Event],
    now: DateTime<Utc>,
) -> Vec<Notification> {
    let mut out = Vec::new();
    let mut tell = Teller {
        before,
        actor,
        now,
        out: &mut out,
    };
    for event in events {
        match event {
            Event::Agile(e) => tell.agile(e),
            Event::Objectives(e) => tell.objectives(e),
            Event::Webinars(e) => tell.webinars(e),
            Event::Directory(e) => tell.directory(e),
            Event::Notifications(_) => {}
        }
    }
    out
}

struct Teller<'a> {
    before: &'a State,
    actor: &'a Actor,
    now: DateTime<Utc>,
    out: &'a mut Vec<Notification>,
}

impl Teller<'_> {
    /// A notification for `recipient` unless they caused it themself or are
    /// not an active person.
    fn tell(&mut self, recipient: PersonId, kind: Kind, about: &str) -> Option<&mut Notification> {
        if self.actor.person_id() == Some(recipient) {
            return None;
        }
        self.tell_even_self(recipient, kind, about)
    }

    fn tell_even_self(
        &mut self,
        recipient: PersonId,
        kind: Kind,
        about: &str,
    ) -> Option<&mut Notification> {
        let active = self
            .before
            .directory
            .people
            .get(&recipient)
            .is_some_and(|p| p.active);
        if !active {
            return None;
        }
        let id = format!(
            "{}-{about}-{recipient}-{}",
            kind.code(),
            self.now.timestamp_millis()
        );
        self.out
            .push(Notification::new(id, recipient, kind, self.now));
        self.out.last_mut()
    }

    fn name(&self, person: PersonId) -> String {
        self.before
            .directory
            .people
            .get(&person)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    /// The active leads of `person`'s team.
    fn leads_of(&self, person: PersonId) -> Vec<PersonId> {
        let team = self
            .before
            .directory
            .people
            .get(&person)
            .and_then(|p| p.team);
        team.map(|t| self.leads_of_team(t)).unwrap_or_default()
    }

    fn leads_of_team(&self, team: TeamId) -> Vec<PersonId> {
        let dir = &self.before.directory;
        dir.teams
            .get(&team)
            .map(|t| {
                t.leads
                    .iter()
                    .copied()
                    .filter(|l| {
                        dir.people
                            .get(l)
                            .is_some_and(|p| p.active && p.roles.contains(&Role::Lead))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn agile(&mut self, event: &agile::Event) {
        match event {
            agile::Event::DaysRequested { request, days, .. } => {
                let name = self.name(request.person);
                for lead in self.leads_of(request.person) {
                    if let Some(n) = self.tell(lead, Kind::DaysRequested, &request.id.to_string()) {
                        n.person = Some(request.person);
                        n.request = Some(request.id);
                        n.dates = days.iter().map(|d| d.date).collect();
                        n.title = name.clone();
                        n.note = request.note.clone();
                    }
                }
            }
            agile::Event::DaysCancelled { days } => {
                for ((person, request), dates) in by_request(days) {
                    let name = self.name(person);
                    for lead in self.leads_of(person) {
                        if let Some(n) = self.tell(lead, Kind::DaysCancelled, &request.to_string())
                        {
                            n.person = Some(person);
                            n.request = Some(request);
                            n.dates = dates.clone();
                            n.title = name.clone();
                        }
                    }
                }
            }
            agile::Event::DaysDecided { days } => {
                let Some(first) = days.first() else { return };
                let kind = match first.status {
                    DayStatus::Approved if self.under_coverage(days) => {
                        Kind::DaysApprovedUnderCoverage
                    }
                    DayStatus::Approved => Kind::DaysApproved,
                    DayStatus::Rejected => Kind::DaysRejected,
                    _ => return,
                };
                for ((person, request), dates) in by_request(days) {
                    if let Some(n) = self.tell(person, kind, &request.to_string()) {
                        n.request = Some(request);
                        n.dates = dates;
                        n.note = first.decision_note.clone().unwrap_or_default();
                    }
                }
            }
            agile::Event::AbsenceRecorded { absence, withdrawn } => {
                if withdrawn.is_empty() {
                    return;
                }
                // Only the dates: the absence's kind and reason stay with
                // the person and administrators, and are not repeated here.
                if let Some(n) =
                    self.tell(absence.person, Kind::DaysWithdrawn, &absence.id.to_string())
                {
                    n.dates = withdrawn.iter().map(|d| d.date).collect();
                }
            }
            agile::Event::AbsenceCancelled { .. }
            | agile::Event::ActivityLogged { .. }
            | agile::Event::TeamCounts { .. } => {}
        }
    }

    /// Whether approving `days` left the team under its minimum presence on
    /// one of them (judged on the state before, plus these days).
    fn under_coverage(&self, days: &[DayPlan]) -> bool {
        let team = |p: PersonId| self.before.directory.people.get(&p).and_then(|p| p.team);
        days.iter().any(|d| {
            team(d.person).is_some_and(|t| {
                let c = agile::coverage(self.before, t, d.date);
                c.in_office.saturating_sub(1) < c.minimum
            })
        })
    }

    fn objectives(&mut self, event: &objectives::Event) {
        match event {
            objectives::Event::ObjectiveSaved { objective } => {
                let old = self.before.objectives.objectives.get(&objective.id);
                let was = old.map(|o| o.status);
                let id = objective.id.to_string();
                if objective.status == Status::Proposed && was != Some(Status::Proposed) {
                    let by_lead = objectives::authority::leads_owner(
                        self.before,
                        self.actor,
                        objective.owner,
                    ) && !objectives::authority::is_owner_side(
                        self.before,
                        self.actor,
                        objective.owner,
                    );
                    if by_lead {
                        self.owner_side(objective, Kind::ObjectiveAssigned, "");
                    } else {
                        for lead in self.leads_of_owner(objective.owner) {
                            if let Some(n) = self.tell(lead, Kind::ObjectiveProposed, &id) {
                                n.objective = Some(objective.id);
                                n.title = objective.title.clone();
                            }
                        }
                    }
                }
                if objective.status == Status::Agreed && was == Some(Status::Proposed) {
                    self.owner_side(objective, Kind::ObjectiveAgreed, "");
                }
                if let Some(review) = &objective.review {
                    if old.and_then(|o| o.review.as_ref()) != Some(review) {
                        self.owner_side(objective, Kind::ObjectiveReviewed, &review.comment);
                    }
                }
            }
            objectives::Event::ObjectiveSentBack { objective } => {
                let comment = objective
                    .sent_back
                    .as_ref()
                    .map(|s| s.comment.clone())
                    .unwrap_or_default();
                self.owner_side(objective, Kind::ObjectiveSentBack, &comment);
            }
            objectives::Event::ObjectiveDeleted { .. } => {}
        }
    }

    fn leads_of_owner(&self, owner: Owner) -> Vec<PersonId> {
        match owner {
            Owner::Person(p) => self.leads_of(p),
            Owner::Team(t) => self.leads_of_team(t),
        }
    }

    fn owner_side(&mut self, objective: &Objective, kind: Kind, note: &str) {
        let people: Vec<PersonId> = match objective.owner {
            Owner::Person(p) => vec![p],
            Owner::Team(t) => self
                .before
                .directory
                .members(t)
                .filter(|p| p.active)
                .map(|p| p.id)
                .collect(),
        };
        let id = objective.id.to_string();
        for person in people {
            if let Some(n) = self.tell(person, kind, &id) {
                n.objective = Some(objective.id);
                n.title = objective.title.clone();
                n.note = note.to_owned();
            }
        }
    }

    fn webinars(&mut self, event: &webinars::Event) {
        match event {
            webinars::Event::RegistrationSaved {
                registration,
                session,
                ..
            } => {
                let was = self
                    .before
                    .webinars
                    .registration(registration.session, registration.person)
                    .map(|r| r.status);
                if registration.status == RegistrationStatus::Registered
                    && was != Some(RegistrationStatus::Registered)
                {
                    self.about_session(
                        registration.person,
                        Kind::RegistrationConfirmed,
                        session,
                        true,
                    );
                }
            }
            webinars::Event::Promoted {
                registration,
                session,
                ..
            } => self.about_session(registration.person, Kind::Promoted, session, true),
            webinars::Event::SessionSaved { session, .. } => {
                let Some(old) = self.before.webinars.sessions.get(&session.id) else {
                    return;
                };
                let changed = old.start != session.start
                    || old.end != session.end
                    || old.join_link != session.join_link;
                if !changed {
                    return;
                }
                for person in self.registrants(session) {
                    self.about_session(person, Kind::SessionChanged, session, false);
                }
            }
            webinars::Event::SessionCancelled { session, notify } => {
                for person in notify {
                    self.about_session(*person, Kind::SessionCancelled, session, false);
                }
            }
            webinars::Event::PathSaved { .. }
            | webinars::Event::SeatsChanged { .. }
            | webinars::Event::AttendanceMarked { .. }
            | webinars::Event::FeedbackSaved { .. } => {}
        }
    }

    /// The people registered or waitlisted for `session`.
    fn registrants(&self, session: &Session) -> Vec<PersonId> {
        self.before
            .webinars
            .registrations
            .get(&session.id)
            .map(|r| {
                r.values()
                    .filter(|r| r.status != RegistrationStatus::Cancelled)
                    .map(|r| r.person)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn about_session(&mut self, person: PersonId, kind: Kind, session: &Session, even_self: bool) {
        let about = session.id.to_string();
        let n = if even_self {
            self.tell_even_self(person, kind, &about)
        } else {
            self.tell(person, kind, &about)
        };
        if let Some(n) = n {
            n.session = Some(session.id);
            n.title = session.title.clone();
            n.start = Some(session.start);
        }
    }

    fn directory(&mut self, event: &directory::Event) {
        let directory::Event::AgreementSaved { agreement } = event else {
            return;
        };
        let Some(effective) = agreement.withdrawn_from else {
            return;
        };
        let old = self.before.directory.agreements.get(&agreement.id);
        if old.and_then(|a| a.withdrawn_from) == Some(effective) {
            return;
        }
        let Some(org) = self.before.directory.org_of_person(agreement.person) else {
            return;
        };
        let name = self.name(agreement.person);
        let mut recipients: BTreeSet<PersonId> = crate::order::set(
            self.before
                .directory
                .people
                .values()
                .filter(|p| p.org == org && p.active && p.roles.contains(&Role::Admin))
                .map(|p| p.id),
        );
        recipients.insert(agreement.person);
        let about = agreement.id.to_string();
        for recipient in recipients {
            if let Some(n) = self.tell(recipient, Kind::AgreementWithdrawn, &about) {
                n.agreement = Some(agreement.id);
                n.dates = vec![effective];
                if recipient != agreement.person {
                    n.person = Some(agreement.person);
                    n.title = name.clone();
                }
            }
        }
    }
}

/// Days grouped by person and request, with their dates.
fn by_request(
    days: &[DayPlan],
) -> BTreeMap<(PersonId, crate::ids::RequestId), Vec<chrono::NaiveDate>> {
    let mut out: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for d in days {
        out.entry((d.person, d.request)).or_default().push(d.date);
    }
    out
}
