use chrono::{DateTime, Utc};

use super::{
    Command, Event, Language, Organisation, Person, PublicNotices, Rejection as DirectoryRejection,
    Role, Team,
};
use crate::actor::{
    acting_person, administers, administers_partnership, has_role, leads_team, require_admin,
    require_admin_of, Actor,
};
use crate::calendar::rome_date;
use crate::ids::{OrgId, PersonId};
use crate::rejection::{check_text, CommonRejection, Entity, Problem, Rejection};
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
            administrator,
        } => {
            if !administers_partnership(state, actor) {
                return Err(CommonRejection::NotAllowed.into());
            }
            if dir.organisations.contains_key(id) {
                return Err(DirectoryRejection::OrganisationExists.into());
            }
            check_text("name", name, NAME_MAX)?;
            check_holidays(extra_holidays)?;
            let mut events = vec![Event::OrganisationSaved {
                organisation: Organisation {
                    id: *id,
                    name: name.trim().to_owned(),
                    extra_holidays: extra_holidays.clone(),
                    notices: PublicNotices::default(),
                },
            }];
            if let Some(first) = administrator {
                if dir.people.contains_key(&first.id) {
                    return Err(Rejection::invalid("administrator", Problem::OutOfRange));
                }
                let username = check_username(state, &first.username, first.id)?;
                check_text("administrator", &first.name, NAME_MAX)?;
                let email = check_email(first.email.as_deref())?;
                events.push(Event::PersonSaved {
                    person: Person {
                        id: first.id,
                        org: *id,
                        username,
                        name: first.name.trim().to_owned(),
                        email,
                        employee_number: None,
                        roles: [Role::Admin].into(),
                        team: None,
                        commute_km: 0,
                        language: Language::default(),
                        active: true,
                    },
                });
            }
            events
        }
        Command::UpdateOrganisation {
            name,
            extra_holidays,
            org,
        } => {
            require_admin(state, actor)?;
            let org = target_org(state, actor, *org)?;
            require_admin_of(state, actor, org)?;
            let org = organisation(state, org)?;
            check_text("name", name, NAME_MAX)?;
            check_holidays(extra_holidays)?;
            vec![Event::OrganisationSaved {
                organisation: Organisation {
                    name: name.trim().to_owned(),
                    extra_holidays: extra_holidays.clone(),
                    ..org.clone()
                },
            }]
        }
        Command::SetNotices { notices, org } => {
            require_admin(state, actor)?;
            let org = target_org(state, actor, *org)?;
            require_admin_of(state, actor, org)?;
            let org = organisation(state, org)?;
            for (field, text) in [
                ("accessibility", &notices.accessibility),
                ("privacy", &notices.privacy),
                ("legal", &notices.legal),
            ] {
                if text.chars().count() > PublicNotices::MAX_CHARS {
                    return Err(Rejection::invalid(field, Problem::TooLong));
                }
            }
            vec![Event::OrganisationSaved {
                organisation: Organisation {
                    notices: PublicNotices {
                        accessibility: notices.accessibility.trim().to_owned(),
                        privacy: notices.privacy.trim().to_owned(),
                        legal: notices.legal.trim().to_owned(),
                    },
                    ..org.clone()
                },
            }]
        }
        Command::SaveTeam {
            id,
            name,
            min_office,
            max_agile_share,
            org,
        } => {
            require_admin(state, actor)?;
            let org = match dir.teams.get(id) {
                Some(existing) => stays_in(existing.org, *org)?,
                None => target_org(state, actor, *org)?,
            };
            require_admin_of(state, actor, org)?;
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
                    org,
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
            require_admin_of(state, actor, existing.org)?;
            for lead in leads {
                let person = person_of(state, *lead)?;
                if !person.roles.contains(&Role::Lead) || person.org != existing.org {
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
            employee_number,
            roles,
            team,
            commute_km,
            language,
            org,
        } => {
            require_admin(state, actor)?;
            let existing = dir.people.get(id);
            if super::anonymise::is_anonymised(state, *id) {
                return Err(DirectoryRejection::Anonymised.into());
            }
            let org = match existing {
                Some(p) => stays_in(p.org, *org)?,
                None => target_org(state, actor, *org)?,
            };
            require_admin_of(state, actor, org)?;
            let username = check_username(state, username, *id)?;
            check_text("name", name, NAME_MAX)?;
            let email = check_email(email.as_deref())?;
            let employee_number = match employee_number {
                None => existing.and_then(|p| p.employee_number.clone()),
                Some(number) => check_employee_number(state, org, number, *id)?,
            };
            if roles.is_empty() {
                return Err(Rejection::invalid("roles", Problem::Empty));
            }
            if *commute_km > 1_000 {
                return Err(Rejection::invalid("commute_km", Problem::OutOfRange));
            }
            if let Some(team) = team {
                // Another organisation's team does not exist for this one.
                if team_of(state, *team)?.org != org {
                    return Err(Rejection::not_found(Entity::Team, *team));
                }
            }
            // Only the partnership's administrators make more of them.
            let was_partnership =
                existing.is_some_and(|p| p.roles.contains(&Role::PartnershipAdmin));
            if was_partnership != roles.contains(&Role::PartnershipAdmin)
                && !administers_partnership(state, actor)
            {
                return Err(CommonRejection::NotAllowed.into());
            }
            if existing.is_some_and(|p| p.roles.contains(&Role::Admin))
                && !roles.contains(&Role::Admin)
                && admins(state, org) <= 1
            {
                return Err(DirectoryRejection::LastAdmin.into());
            }
            vec![Event::PersonSaved {
                person: Person {
                    id: *id,
                    org,
                    username,
                    name: name.trim().to_owned(),
                    email,
                    employee_number,
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
                require_admin_of(state, actor, target.org)?;
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
            require_admin_of(state, actor, target.org)?;
            if !active && target.roles.contains(&Role::Admin) && admins(state, target.org) <= 1 {
                return Err(DirectoryRejection::LastAdmin.into());
            }
            if super::anonymise::is_anonymised(state, *person) {
                return Err(DirectoryRejection::Anonymised.into());
            }
            let mut events = vec![Event::PersonSaved {
                person: Person {
                    active: *active,
                    ..target.clone()
                },
            }];
            if target.active && !active {
                events.push(Event::PersonDeactivated {
                    person: *person,
                    on: rome_date(now),
                });
            }
            events
        }
        Command::AnonymisePerson { person } => super::anonymise::check(state, actor, *person, now)?,
        Command::SaveAgreement { agreement } => {
            require_admin(state, actor)?;
            let person = person_of(state, agreement.person)?;
            require_admin_of(state, actor, person.org)?;
            // Replacing an agreement needs the right over its current
            // person too (an id is not a licence to move it).
            if let Some(old) = dir.agreements.get(&agreement.id) {
                if !crate::actor::administers_person(state, actor, old.person) {
                    return Err(CommonRejection::NotAllowed.into());
                }
            }
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
                if !crate::actor::administers_person(state, actor, agreement.person) {
                    return Err(CommonRejection::NotAllowed.into());
                }
            }
            let earliest = agreement.earliest_withdrawal(rome_date(now));
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
            dir.organisations
                .insert(organisation.id, organisation.clone());
        }
        Event::TeamSaved { team } => {
            dir.teams.insert(team.id, team.clone());
        }
        Event::PersonSaved { person } => {
            if person.active {
                dir.departures.remove(&person.id);
            }
            dir.people.insert(person.id, person.clone());
        }
        Event::PersonDeactivated { person, on } => {
            dir.departures.entry(*person).or_default().on = Some(*on);
        }
        Event::PersonAnonymised { person } => super::anonymise::scrub(state, *person),
        Event::AgreementSaved { agreement } => {
            dir.agreements.insert(agreement.id, agreement.clone());
        }
    }
}

fn organisation(state: &State, org: OrgId) -> Result<&Organisation, Rejection> {
    state
        .directory
        .organisations
        .get(&org)
        .ok_or_else(|| Rejection::not_found(Entity::Organisation, org))
}

/// The organisation a command that creates something (or changes an
/// organisation) acts on: an acting person's own — naming another is not
/// allowed — or, for the system, the one it names, or the only one.
fn target_org(state: &State, actor: &Actor, named: Option<OrgId>) -> Result<OrgId, Rejection> {
    let orgs = &state.directory.organisations;
    match actor {
        Actor::Person(_) => {
            let me = acting_person(state, actor)?;
            match named {
                Some(org) if org != me.org => Err(CommonRejection::NotAllowed.into()),
                _ => Ok(me.org),
            }
        }
        Actor::System => match named {
            Some(org) => organisation(state, org).map(|o| o.id),
            None => {
                let mut ids = orgs.keys();
                match (ids.next(), ids.next()) {
                    (Some(only), None) => Ok(*only),
                    (None, _) => Err(DirectoryRejection::NoOrganisation.into()),
                    _ => Err(Rejection::invalid("org", Problem::Empty)),
                }
            }
        },
    }
}

/// A username as stored (trimmed, lower case) if it is well formed and no
/// one but `person` has it: usernames are unique in the deployment.
fn check_username(state: &State, username: &str, person: PersonId) -> Result<String, Rejection> {
    let username = username.trim().to_lowercase();
    check_text("username", &username, 64)?;
    if !username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(Rejection::invalid("username", Problem::OutOfRange));
    }
    if state
        .directory
        .people
        .values()
        .any(|p| p.username == username && p.id != person)
    {
        return Err(DirectoryRejection::UsernameTaken { username }.into());
    }
    Ok(username)
}

/// The longest employee number, in characters (HR systems use a few digits,
/// sometimes with a prefix).
const EMPLOYEE_NUMBER_MAX: usize = 32;

/// An employee number as stored (trimmed; empty means none) if it is well
/// formed and no one else of `org` has it.
fn check_employee_number(
    state: &State,
    org: OrgId,
    number: &str,
    person: PersonId,
) -> Result<Option<String>, Rejection> {
    let number = number.trim();
    if number.is_empty() {
        return Ok(None);
    }
    if number.chars().count() > EMPLOYEE_NUMBER_MAX {
        return Err(Rejection::invalid("employee_number", Problem::TooLong));
    }
    if number.chars().any(char::is_control) {
        return Err(Rejection::invalid("employee_number", Problem::OutOfRange));
    }
    let taken =
        state.directory.people.values().any(|p| {
            p.org == org && p.id != person && p.employee_number.as_deref() == Some(number)
        });
    if taken {
        return Err(DirectoryRejection::EmployeeNumberTaken {
            employee_number: number.to_owned(),
        }
        .into());
    }
    Ok(Some(number.to_owned()))
}

/// An e-mail address as stored (trimmed), if it looks like one.
fn check_email(email: Option<&str>) -> Result<Option<String>, Rejection> {
    match email {
        Some(email) if email.chars().count() > NAME_MAX || !email.contains('@') => {
            Err(Rejection::invalid("email", Problem::OutOfRange))
        }
        other => Ok(other.map(|e| e.trim().to_owned())),
    }
}

/// Teams and people never move between organisations: a command about an
/// existing one may name only its own.
fn stays_in(current: OrgId, named: Option<OrgId>) -> Result<OrgId, Rejection> {
    match named {
        Some(org) if org != current => Err(Rejection::invalid("org", Problem::OutOfRange)),
        _ => Ok(current),
    }
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

/// Each extra holiday names a real day (29 February allowed: it is a
/// holiday in leap years) and says what it is.
fn check_holidays(holidays: &[crate::calendar::ExtraHoliday]) -> Result<(), Rejection> {
    use crate::calendar::ExtraHoliday;
    for holiday in holidays {
        let name = match holiday {
            ExtraHoliday::Yearly { month, day, name } => {
                if chrono::NaiveDate::from_ymd_opt(2028, *month, *day).is_none() {
                    return Err(Rejection::invalid("extra_holidays", Problem::OutOfRange));
                }
                name
            }
            ExtraHoliday::Once { name, .. } => name,
        };
        check_text("extra_holidays", name, NAME_MAX)?;
    }
    Ok(())
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
    if administers(state, actor, team.org)
        || actor
            .person_id()
            .is_some_and(|p| has_role(state, actor, Role::Lead) && leads_team(state, p, team.id))
    {
        Ok(())
    } else {
        Err(CommonRejection::NotAllowed.into())
    }
}

/// Active administrators of `org`: each organisation keeps at least one.
fn admins(state: &State, org: OrgId) -> usize {
    state
        .directory
        .people
        .values()
        .filter(|p| p.org == org && p.active && p.roles.contains(&Role::Admin))
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
