//! The checks every command passes before its area sees it, in one place:
//!
//! 1. **Dates in range.** Every date and time a command carries lies in the
//!    years [`FIRST_YEAR`]–[`LAST_YEAR`]. Rules add days, weeks and months to
//!    dates and the calendar turns instants into Rome's wall clock; chrono
//!    panics when such arithmetic leaves its own range (about ±262,000
//!    years), so nothing outside a sane window may enter the state. Refused
//!    with `invalid` (`problem: out_of_range`) naming the field.
//! 2. **The organisation boundary.** A record of another organisation that a
//!    person's command names (a team, person, agreement, request, absence,
//!    objective, or a session the partnership does not share) does not
//!    exist for them: the answer is `not_found`, given here — before any
//!    rule could tell the two apart — to a random id too, whatever the
//!    record's state, so no command can be used to learn what another
//!    administration holds.
//!
//! Commands that create a record with a given id are not covered by (2) for
//! that id: an id in use is in use, whoever holds it (the area answers).

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::actor::{actor_org, Actor};
use crate::ids::{ObjectiveId, OrgId, PersonId, SessionId, TeamId};
use crate::objectives::Owner;
use crate::rejection::{Entity, Problem, Rejection};
use crate::webinars::Audience;
use crate::{agile, directory, objectives, webinars, Command, State};

/// The first year a command may name.
pub const FIRST_YEAR: i32 = 2000;
/// The last year a command may name.
pub const LAST_YEAR: i32 = 2199;

/// Whether `date` lies in the accepted years.
pub fn date_in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// Whether `instant` lies in the accepted years.
pub fn instant_in_range(instant: DateTime<Utc>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&instant.year())
}

/// Both checks of the module, dates first — the clock's too: a server
/// whose clock is outside the accepted years must not decide anything.
pub fn check(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<(), Rejection> {
    instant("now", now)?;
    check_dates(command)?;
    check_organisation(state, actor, command)
}

fn date(field: &str, value: NaiveDate) -> Result<(), Rejection> {
    if date_in_range(value) {
        Ok(())
    } else {
        Err(Rejection::invalid(field, Problem::OutOfRange))
    }
}

fn dates<'a>(
    field: &str,
    values: impl IntoIterator<Item = &'a NaiveDate>,
) -> Result<(), Rejection> {
    values.into_iter().try_for_each(|d| date(field, *d))
}

fn instant(field: &str, value: DateTime<Utc>) -> Result<(), Rejection> {
    if instant_in_range(value) {
        Ok(())
    } else {
        Err(Rejection::invalid(field, Problem::OutOfRange))
    }
}

/// Every date and time of `command` lies in [`FIRST_YEAR`]–[`LAST_YEAR`].
pub fn check_dates(command: &Command) -> Result<(), Rejection> {
    use crate::calendar::ExtraHoliday;
    let holidays = |list: &[ExtraHoliday]| {
        list.iter().try_for_each(|h| match h {
            ExtraHoliday::Once { date: d, .. } => date("extra_holidays", *d),
            ExtraHoliday::Yearly { .. } => Ok(()),
        })
    };
    match command {
        Command::Directory(c) => match c {
            directory::Command::SetUpOrganisation { extra_holidays, .. }
            | directory::Command::UpdateOrganisation { extra_holidays, .. } => {
                holidays(extra_holidays)
            }
            directory::Command::AddOfficeOnlyDate { date: d, .. }
            | directory::Command::RemoveOfficeOnlyDate { date: d, .. } => date("date", *d),
            directory::Command::SaveAgreement { agreement } => {
                date("valid_from", agreement.valid_from)?;
                dates("valid_until", &agreement.valid_until)?;
                dates("withdrawn_from", &agreement.withdrawn_from)
            }
            directory::Command::WithdrawAgreement { effective, .. } => {
                date("effective", *effective)
            }
            directory::Command::SaveTeam { .. }
            | directory::Command::SetTeamLeads { .. }
            | directory::Command::SetMinOffice { .. }
            | directory::Command::SavePerson { .. }
            | directory::Command::SetLanguage { .. }
            | directory::Command::SetCommute { .. }
            | directory::Command::SetActive { .. }
            | directory::Command::AnonymisePerson { .. }
            | directory::Command::SetNotices { .. } => Ok(()),
        },
        Command::Agile(c) => match c {
            agile::Command::RequestDays { days, .. } => match days {
                agile::DaySelection::Dates { dates: list } => dates("days", list),
                agile::DaySelection::Weekly { from, until, .. } => {
                    date("from", *from)?;
                    date("until", *until)
                }
            },
            agile::Command::CancelDays { dates: list, .. }
            | agile::Command::DecideDays { dates: list, .. } => {
                dates("dates", list.iter().flatten())
            }
            agile::Command::RecordAbsence { from, until, .. }
            | agile::Command::CancelRange { from, until } => {
                date("from", *from)?;
                date("until", *until)
            }
            agile::Command::LogActivity { date: d, .. } => date("date", *d),
            agile::Command::CancelAbsence { .. } => Ok(()),
        },
        Command::Objectives(c) => match c {
            objectives::Command::SaveObjective { period, .. } => {
                date("period", period.from)?;
                date("period", period.until)
            }
            _ => Ok(()),
        },
        Command::Webinars(c) => match c {
            webinars::Command::SaveSession { start, end, .. } => {
                instant("start", *start)?;
                instant("end", *end)
            }
            _ => Ok(()),
        },
        // A person's own inbox and preferences carry no dates; notifications
        // themselves are made by the system from checked commands and the clock.
        Command::Notifications(_) => Ok(()),
    }
}

/// Every existing record a person's command names belongs to their
/// organisation (or, for webinars, is shared with the partnership).
pub fn check_organisation(
    state: &State,
    actor: &Actor,
    command: &Command,
) -> Result<(), Rejection> {
    let Some(mine) = actor_org(state, actor) else {
        // The system acts on any organisation; unknown people are refused
        // by the areas.
        return Ok(());
    };
    let scope = Scope { state, mine };
    match command {
        Command::Directory(c) => match c {
            directory::Command::SetUpOrganisation { .. }
            | directory::Command::SetLanguage { .. }
            | directory::Command::SaveTeam { .. } => Ok(()),
            directory::Command::UpdateOrganisation { org, .. }
            | directory::Command::SetNotices { org, .. } => match org {
                Some(org) if *org != mine => Err(Rejection::not_found(Entity::Organisation, *org)),
                _ => Ok(()),
            },
            directory::Command::SetTeamLeads { team, leads } => {
                scope.team(*team)?;
                leads.iter().try_for_each(|p| scope.person(*p))
            }
            directory::Command::SetMinOffice { team, .. }
            | directory::Command::AddOfficeOnlyDate { team, .. }
            | directory::Command::RemoveOfficeOnlyDate { team, .. } => scope.team(*team),
            directory::Command::SavePerson { team, .. } => {
                team.iter().try_for_each(|t| scope.team(*t))
            }
            directory::Command::SetCommute { person, .. }
            | directory::Command::SetActive { person, .. }
            | directory::Command::AnonymisePerson { person } => scope.person(*person),
            directory::Command::SaveAgreement { agreement } => scope.person(agreement.person),
            directory::Command::WithdrawAgreement { id, .. } => {
                match state.directory.agreements.get(id) {
                    Some(a) if scope.owns_person(a.person) => Ok(()),
                    _ => Err(Rejection::not_found(Entity::Agreement, *id)),
                }
            }
        },
        Command::Agile(c) => match c {
            agile::Command::RequestDays { .. } | agile::Command::CancelRange { .. } => Ok(()),
            agile::Command::CancelDays { request, .. }
            | agile::Command::DecideDays { request, .. } => {
                match state.agile.requests.get(request) {
                    Some(r) if scope.owns_person(r.person) => Ok(()),
                    _ => Err(Rejection::not_found(Entity::Request, *request)),
                }
            }
            agile::Command::RecordAbsence { person, .. } => scope.person(*person),
            agile::Command::CancelAbsence { id } => match state.agile.absences.get(id) {
                Some(a) if scope.owns_person(a.person) => Ok(()),
                _ => Err(Rejection::not_found(Entity::Absence, *id)),
            },
            agile::Command::LogActivity { objectives, .. } => {
                objectives.iter().try_for_each(|o| scope.objective(*o))
            }
        },
        Command::Objectives(c) => match c {
            objectives::Command::SaveObjective { owner, .. } => match owner {
                Owner::Person(p) => scope.person(*p),
                Owner::Team(t) => scope.team(*t),
            },
            objectives::Command::Propose { objective }
            | objectives::Command::Agree { objective }
            | objectives::Command::SendBack { objective, .. }
            | objectives::Command::Start { objective }
            | objectives::Command::RecordProgress { objective, .. }
            | objectives::Command::Close { objective, .. }
            | objectives::Command::Review { objective, .. }
            | objectives::Command::Delete { objective } => scope.objective(*objective),
        },
        Command::Webinars(c) => match c {
            webinars::Command::SaveSession { trainers, .. } => {
                trainers.iter().try_for_each(|p| scope.person(*p))
            }
            webinars::Command::CancelSession { id } => scope.session(*id),
            webinars::Command::SavePath { sessions, .. } => {
                sessions.iter().try_for_each(|s| scope.session(*s))
            }
            webinars::Command::Register { session }
            | webinars::Command::GiveFeedback { session, .. } => scope.session(*session),
            webinars::Command::CancelRegistration { session, .. }
            | webinars::Command::MarkAttendance { session, .. } => {
                // People of other administrations may hold a seat at a
                // partnership session: the area checks who is named.
                scope.session(*session)
            }
        },
        // They name only the actor's own inbox (the area checks whose).
        Command::Notifications(_) => Ok(()),
    }
}

/// The records an acting person may name: their organisation's. A record
/// that does not exist and one of another organisation get the same
/// `not_found`, before any other check could tell them apart.
struct Scope<'a> {
    state: &'a State,
    mine: OrgId,
}

impl Scope<'_> {
    fn owns_person(&self, person: PersonId) -> bool {
        self.state
            .directory
            .people
            .get(&person)
            .is_some_and(|p| p.org == self.mine)
    }

    fn person(&self, person: PersonId) -> Result<(), Rejection> {
        if self.owns_person(person) {
            Ok(())
        } else {
            Err(Rejection::not_found(Entity::Person, person))
        }
    }

    fn team(&self, team: TeamId) -> Result<(), Rejection> {
        match self.state.directory.teams.get(&team) {
            Some(t) if t.org == self.mine => Ok(()),
            _ => Err(Rejection::not_found(Entity::Team, team)),
        }
    }

    fn objective(&self, id: ObjectiveId) -> Result<(), Rejection> {
        let org = self
            .state
            .objectives
            .objectives
            .get(&id)
            .and_then(|o| match o.owner {
                Owner::Person(p) => self.state.directory.org_of_person(p),
                Owner::Team(t) => self.state.directory.org_of_team(t),
            });
        if org == Some(self.mine) {
            Ok(())
        } else {
            Err(Rejection::not_found(Entity::Objective, id))
        }
    }

    /// A session of another organisation exists for this one only when it
    /// is open to the partnership.
    fn session(&self, id: SessionId) -> Result<(), Rejection> {
        match self.state.webinars.sessions.get(&id) {
            Some(s) if s.org == self.mine || s.audience == Audience::Partnership => Ok(()),
            _ => Err(Rejection::not_found(Entity::Session, id)),
        }
    }
}
