use chrono::{DateTime, Duration, Utc};

use super::{Command, Event, Organisation, Person, Rejection as DirectoryRejection, Role, Team};
use crate::actor::{acting_person, has_role, leads_team, require_admin, Actor};
use crate::calendar::rome_date;
use crate::rejection::{check_text, Entity, Problem, Rejection};
use crate::{Event as AnyEvent, State};

const NAME_MAX: usize = 200;

/// Checks and turns a directory command into events.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<AnyEvent>, Rejection> {
    let dir = &state.directory;
    let events = match command {
        Command::SetUpOrganisation {
            id,
            name,
            extra_holidays,
        } => {
            require_admin(state, actor)?;
            if dir.organisation.is_some() {
                return Err(DirectoryRejection::OrganisationExists.into());
            }
            check_text("name", name, NAME_MAX)?;
            vec![Event::OrganisationSaved {
                organisation: Organisation {
                    id: *id,
                    name: name.trim().to_owned(),
                    extra_holidays: extra_holidays.clone(),
                },
            }]
        }
        Command::UpdateOrganisation {
            name,
            extra_holidays,
        } => {
            require_admin(state, actor)?;
            let org = organisation(state)?;
            check_text("name", name, NAME_MAX)?;
            vec![Event::OrganisationSaved {
                organisation: Organisation {
                    name: name.trim().to_owned(),
                    extra_holidays: extra_holidays.clone(),
                    ..org.clone()
                },
            }]
        }
        Command::SaveTeam {
            id,
            name,
            min_office,
            max_agile_share,
        } => {
            require_admin(state, actor)?;
            organisation(state)?;
            check_text("name", name, NAME_MAX)?;
            if max_agile_share.is_some_and(|p| p > 100) {
                return Err(Rejection::invalid("max_agile_share", Problem::OutOfRange));
            }
            check_min_office(*min_office)?;
            let team = match dir.teams.get(id) {
                Some(existing) => Team {
                    name: name.trim().to_owned(),
                    min_office: *min_office,
                    max_agile_share: *max_agile_share,
                    ..existing.clone()
                },
                None => Team {
                    id: *id,
                    name: name.trim().to_owned(),
                    leads: Default::default(),
                    min_office: *min_office,
                    max_agile_share: *max_agile_share,
                    office_only: Default::default(),
                },
            };
            vec![Event::TeamSaved { team }]
        }
        Command::SetTeamLeads { team, leads } => {
            require_admin(state, actor)?;
            let existing = team_of(state, *team)?;
            for lead in leads {
                let person = person_of(state, *lead)?;
                if !person.roles.contains(&Role::Lead) {
                    return Err(Rejection::invalid("leads", Problem::OutOfRange));
                }
            }
            vec![Event::TeamSaved {
                team: Team {
                    leads: leads.clone(),
                    ..existing.clone()
                },
            }]
        }
        Command::SetMinOffice { team, min_office } => {
            let existing = team_of(state, *team)?;
            require_team_manager(state, actor, existing)?;
            check_min_office(*min_office)?;
            vec![Event::TeamSaved {
                team: Team {
                    min_office: *min_office,
                    ..existing.clone()
                },
            }]
        }
        Command::AddOfficeOnlyDate { team, date, note } => {
            let existing = team_of(state, *team)?;
            require_team_manager(state, actor, existing)?;
            if note.chars().count() > NAME_MAX {
                return Err(Rejection::invalid("note", Problem::TooLong));
            }
            let mut team = existing.clone();
            team.office_only.insert(*date, note.trim().to_owned());
            vec![Event::TeamSaved { team }]
        }
        Command::RemoveOfficeOnlyDate { team, date } => {
            let existing = team_of(state, *team)?;
            require_team_manager(state, actor, existing)?;
            let mut team = existing.clone();
            team.office_only.remove(date);
            vec![Event::TeamSaved { team }]
        }
        Command::SavePerson {
            id,
            username,
            name,
            email,
            roles,
            team,
            commute_km,
            language,
        } => {
            require_admin(state, actor)?;
            organisation(state)?;
            let username = username.trim().to_lowercase();
            check_text("username", &username, 64)?;
            if !username
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            {
                return Err(Rejection::invalid("username", Problem::OutOfRange));
            }
            check_text("name", name, NAME_MAX)?;
            if let Some(email) = email {
                if email.chars().count() > NAME_MAX || !email.contains('@') {
                    return Err(Rejection::invalid("email", Problem::OutOfRange));
                }
            }
            if roles.is_empty() {
                return Err(Rejection::invalid("roles", Problem::Empty));
            }
            if *commute_km > 1_000 {
                return Err(Rejection::invalid("commute_km", Problem::OutOfRange));
            }
            if let Some(team) = team {
                team_of(state, *team)?;
            }
            if dir
                .people
                .values()
                .any(|p| p.username == username && p.id != *id)
            {
                return Err(DirectoryRejection::UsernameTaken { username }.into());
            }
            let existing = dir.people.get(id);
            if existing.is_some_and(|p| p.roles.contains(&Role::Admin))
                && !roles.contains(&Role::Admin)
                && admins(state) <= 1
            {
                return Err(DirectoryRejection::LastAdmin.into());
            }
            vec![Event::PersonSaved {
                person: Person {
                    id: *id,
                    username,
                    name: name.trim().to_owned(),
                    email: email.as_ref().map(|e| e.trim().to_owned()),
                    roles: roles.clone(),
                    team: *team,
                    commute_km: *commute_km,
                    language: *language,
                    active: existing.is_none_or(|p| p.active),
                },
            }]
        }
        Command::SetLanguage { language } => {
            let me = acting_person(state, actor)?;
            vec![Event::PersonSaved {
                person: Person {
                    language: *language,
                    ..me.clone()
                },
            }]
        }
        Command::SetCommute { person, km } => {
            let target = person_of(state, *person)?;
            if actor.person_id() != Some(*person) {
                require_admin(state, actor)?;
            }
            if *km > 1_000 {
                return Err(Rejection::invalid("km", Problem::OutOfRange));
            }
            vec![Event::PersonSaved {
                person: Person {
                    commute_km: *km,
                    ..target.clone()
                },
            }]
        }
        Command::SetActive { person, active } => {
            require_admin(state, actor)?;
            let target = person_of(state, *person)?;
            if !active && target.roles.contains(&Role::Admin) && admins(state) <= 1 {
                return Err(DirectoryRejection::LastAdmin.into());
            }
            vec![Event::PersonSaved {
                person: Person {
                    active: *active,
                    ..target.clone()
                },
            }]
        }
        Command::SaveAgreement { agreement } => {
            require_admin(state, actor)?;
            person_of(state, agreement.person)?;
            agreement.validate()?;
            let overlaps = dir.agreements.values().any(|other| {
                other.id != agreement.id
                    && other.person == agreement.person
                    && periods_overlap(other, agreement)
            });
            if overlaps {
                return Err(DirectoryRejection::AgreementOverlaps.into());
            }
            vec![Event::AgreementSaved {
                agreement: agreement.clone(),
            }]
        }
        Command::WithdrawAgreement { id, effective } => {
            let agreement = dir
                .agreements
                .get(id)
                .ok_or_else(|| Rejection::not_found(Entity::Agreement, *id))?;
            if actor.person_id() != Some(agreement.person) {
                require_admin(state, actor)?;
            }
            let earliest = rome_date(now) + Duration::days(i64::from(agreement.notice_days));
            if *effective < earliest {
                return Err(DirectoryRejection::WithdrawalTooSoon { earliest }.into());
            }
            let mut agreement = agreement.clone();
            agreement.withdrawn_from = Some(*effective);
            vec![Event::AgreementSaved { agreement }]
        }
    };
    Ok(events.into_iter().map(AnyEvent::Directory).collect())
}

/// Applies a directory event.
pub fn apply_event(state: &mut State, event: &Event) {
    let dir = &mut state.directory;
    match event {
        Event::OrganisationSaved { organisation } => {
            dir.organisation = Some(organisation.clone());
        }
        Event::TeamSaved { team } => {
            dir.teams.insert(team.id, team.clone());
        }
        Event::PersonSaved { person } => {
            dir.people.insert(person.id, person.clone());
        }
        Event::AgreementSaved { agreement } => {
            dir.agreements.insert(agreement.id, agreement.clone());
        }
    }
}

fn organisation(state: &State) -> Result<&Organisation, Rejection> {
    state
        .directory
        .organisation
        .as_ref()
        .ok_or_else(|| DirectoryRejection::NoOrganisation.into())
}

fn team_of(state: &State, id: crate::ids::TeamId) -> Result<&Team, Rejection> {
    state
        .directory
        .teams
        .get(&id)
        .ok_or_else(|| Rejection::not_found(Entity::Team, id))
}

fn person_of(state: &State, id: crate::ids::PersonId) -> Result<&Person, Rejection> {
    state
        .directory
        .people
        .get(&id)
        .ok_or_else(|| Rejection::not_found(Entity::Person, id))
}

/// A percentage above 100 could never be met: every day would be under the
/// minimum.
fn check_min_office(rule: super::MinOffice) -> Result<(), Rejection> {
    match rule {
        super::MinOffice::Percent(p) if p > 100 => {
            Err(Rejection::invalid("min_office", Problem::OutOfRange))
        }
        _ => Ok(()),
    }
}

fn require_team_manager(state: &State, actor: &Actor, team: &Team) -> Result<(), Rejection> {
    if has_role(state, actor, Role::Admin)
        || actor
            .person_id()
            .is_some_and(|p| has_role(state, actor, Role::Lead) && leads_team(state, p, team.id))
    {
        Ok(())
    } else {
        Err(crate::rejection::CommonRejection::NotAllowed.into())
    }
}

fn admins(state: &State) -> usize {
    state
        .directory
        .people
        .values()
        .filter(|p| p.active && p.roles.contains(&Role::Admin))
        .count()
}

fn periods_overlap(a: &super::Agreement, b: &super::Agreement) -> bool {
    let end = |x: &super::Agreement| {
        let until = x.valid_until.unwrap_or(chrono::NaiveDate::MAX);
        match x.withdrawn_from.and_then(|w| w.pred_opt()) {
            Some(w) => until.min(w),
            None => until,
        }
    };
    a.valid_from <= end(b) && b.valid_from <= end(a)
}
