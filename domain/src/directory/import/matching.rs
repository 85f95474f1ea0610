//! From a row to what it asks of Vela: the person it names (by employee
//! number, or by username for someone who has none yet), the details that
//! differ, and the commands — the People page's own — that make them so.
//!
//! An empty cell keeps what Vela has (HR files leave blanks for "not
//! known here"); for a new person it gives the default (no e-mail, no team,
//! the employee role, 0 km, Italian).

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::Weekday;

use super::cells;
use super::columns::{Column, Header};
use super::read::Row;
use super::report::{Field, FieldChange, RowError};
use crate::directory::{
    Agreement, Command as Dir, Language, Person, Place, Role, WorkMode, MIN_NOTICE_DAYS,
};
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};
use crate::State;

/// The organisation's people and teams, indexed for matching rows.
pub struct Index<'a> {
    state: &'a State,
    by_number: HashMap<&'a str, &'a Person>,
    by_username: HashMap<&'a str, &'a Person>,
    teams: HashMap<String, Vec<TeamId>>,
    /// People already named by an earlier row.
    claimed: HashSet<PersonId>,
}

/// What one row asks for.
pub struct Intent {
    /// The person the row names (found, or the id a new one gets).
    pub person: PersonId,
    pub is_new: bool,
    pub changes: Vec<FieldChange>,
    /// The commands, in order; empty when nothing changes.
    pub commands: Vec<Dir>,
}

/// Makes the ids of new people and agreements from the caller's seed, so
/// the same file against the same state always plans the same commands.
pub struct Ids {
    seed: u128,
    next: u128,
}

impl Ids {
    pub fn new(seed: u128) -> Ids {
        Ids { seed, next: 0 }
    }

    fn fresh(&mut self) -> uuid::Uuid {
        self.next += 1;
        uuid::Uuid::from_u128(self.seed ^ self.next.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn person(&mut self, state: &State) -> PersonId {
        loop {
            let id = PersonId(self.fresh());
            if !state.directory.people.contains_key(&id) {
                return id;
            }
        }
    }

    fn agreement(&mut self, state: &State) -> AgreementId {
        loop {
            let id = AgreementId(self.fresh());
            if !state.directory.agreements.contains_key(&id) {
                return id;
            }
        }
    }
}

/// How team names are compared: case and spacing do not matter.
fn team_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Index<'a> {
    pub fn new(state: &'a State, org: OrgId) -> Index<'a> {
        let dir = &state.directory;
        let people = dir.people.values().filter(|p| p.org == org);
        let mut by_number = HashMap::new();
        let mut by_username = HashMap::new();
        for person in people {
            if let Some(number) = &person.employee_number {
                by_number.insert(number.as_str(), person);
            }
            by_username.insert(person.username.as_str(), person);
        }
        let mut teams: HashMap<String, Vec<TeamId>> = HashMap::new();
        for team in dir.teams.values().filter(|t| t.org == org) {
            teams.entry(team_key(&team.name)).or_default().push(team.id);
        }
        Index {
            state,
            by_number,
            by_username,
            teams,
            claimed: HashSet::new(),
        }
    }

    /// The people named by some row so far.
    pub fn claimed(&self) -> &HashSet<PersonId> {
        &self.claimed
    }

    /// The person a row names: the one with its employee number, or else
    /// the one with its username who has no employee number yet (a first
    /// import into an organisation whose people were typed in by hand).
    fn find(&self, number: &str, username: &str) -> Option<&'a Person> {
        if let Some(person) = self.by_number.get(number) {
            return Some(person);
        }
        self.by_username
            .get(username)
            .copied()
            .filter(|p| p.employee_number.is_none() && !self.claimed.contains(&p.id))
    }

    fn team(&self, name: &str) -> Result<TeamId, RowError> {
        match self.teams.get(&team_key(name)).map(Vec::as_slice) {
            Some([only]) => Ok(*only),
            Some([_, _, ..]) => Err(RowError::AmbiguousTeam {
                team: name.to_owned(),
            }),
            _ => Err(RowError::UnknownTeam {
                team: name.to_owned(),
            }),
        }
    }

    fn team_name(&self, team: Option<TeamId>) -> String {
        team.and_then(|t| self.state.directory.teams.get(&t))
            .map_or_else(String::new, |t| t.name.clone())
    }

    /// What `row` asks for. `state` is the state as planned so far (for
    /// fresh ids).
    pub fn intent(
        &mut self,
        header: &Header,
        row: &Row,
        ids: &mut Ids,
        state: &State,
    ) -> Result<Intent, RowError> {
        if row.cells.len() > header.width {
            return Err(RowError::CellCount {
                found: u32::try_from(row.cells.len()).unwrap_or(u32::MAX),
                expected: u32::try_from(header.width).unwrap_or(u32::MAX),
            });
        }
        let cell = |column| row.cell(header, column).filter(|c| !c.is_empty());
        let required = |column| cell(column).ok_or(RowError::MissingValue { column });
        let number = required(Column::EmployeeNumber)?;
        let name = format!("{} {}", required(Column::Name)?, required(Column::Surname)?);
        let username = cell(Column::Username).map(str::to_lowercase);
        let existing = self.find(number, username.as_deref().unwrap_or(""));
        if let Some(p) = existing {
            self.claimed.insert(p.id);
        }
        let username = match (username, existing) {
            (Some(username), _) => username,
            (None, Some(p)) => p.username.clone(),
            (None, None) => {
                return Err(RowError::MissingValue {
                    column: Column::Username,
                })
            }
        };
        let email = match cell(Column::Email) {
            Some(email) => Some(email.to_owned()),
            None => existing.and_then(|p| p.email.clone()),
        };
        let team = match cell(Column::Team) {
            Some(team) => Some(self.team(team)?),
            None => existing.and_then(|p| p.team),
        };
        let mut roles = match cell(Column::Roles).map(cells::roles).transpose()? {
            Some(roles) if !roles.is_empty() => roles,
            _ => existing.map_or_else(|| [Role::Employee].into(), |p| p.roles.clone()),
        };
        // A role an import cannot give is one it does not take away.
        if existing.is_some_and(|p| p.roles.contains(&Role::PartnershipAdmin)) {
            roles.insert(Role::PartnershipAdmin);
        }
        let commute_km = match cell(Column::CommuteKm) {
            Some(km) => cells::whole_number(Column::CommuteKm, km)?,
            None => existing.map_or(0, |p| p.commute_km),
        };
        let language = match cell(Column::Language) {
            Some(language) => cells::language(language)?,
            None => existing.map_or(Language::default(), |p| p.language),
        };
        let person = match existing {
            Some(p) => p.id,
            None => ids.person(state),
        };
        let wanted = Person {
            id: person,
            org: existing.map_or_else(|| OrgId::from_u128(0), |p| p.org),
            username,
            name,
            email,
            employee_number: Some(number.to_owned()),
            roles,
            team,
            commute_km,
            language,
            active: true,
        };
        let agreement = self.agreement(header, row, person, existing.is_none(), ids, state)?;

        let mut changes = existing.map_or_else(Vec::new, |p| self.person_changes(p, &wanted));
        let mut commands = Vec::new();
        let details_change = changes.iter().any(|c| c.field != Field::Active);
        if existing.is_none() || details_change {
            commands.push(save_person(&wanted));
        }
        if existing.is_some_and(|p| !p.active) {
            commands.push(Dir::SetActive {
                person,
                active: true,
            });
        }
        if let Some((agreement, before)) = agreement {
            if existing.is_some() {
                changes.push(FieldChange {
                    field: Field::Agreement,
                    from: before.as_ref().map_or_else(String::new, summary),
                    to: summary(&agreement),
                });
            }
            commands.push(Dir::SaveAgreement { agreement });
        }
        Ok(Intent {
            person,
            is_new: existing.is_none(),
            changes,
            commands,
        })
    }

    /// The details of `existing` that `wanted` changes.
    fn person_changes(&self, existing: &Person, wanted: &Person) -> Vec<FieldChange> {
        let mut changes = Vec::new();
        let mut differ = |field, from: String, to: String| {
            if from != to {
                changes.push(FieldChange { field, from, to });
            }
        };
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        differ(
            Field::EmployeeNumber,
            text(&existing.employee_number),
            text(&wanted.employee_number),
        );
        differ(Field::Name, existing.name.clone(), wanted.name.clone());
        differ(Field::Email, text(&existing.email), text(&wanted.email));
        differ(
            Field::Username,
            existing.username.clone(),
            wanted.username.clone(),
        );
        differ(
            Field::Team,
            self.team_name(existing.team),
            self.team_name(wanted.team),
        );
        differ(
            Field::Roles,
            role_codes(&existing.roles),
            role_codes(&wanted.roles),
        );
        differ(
            Field::CommuteKm,
            existing.commute_km.to_string(),
            wanted.commute_km.to_string(),
        );
        differ(
            Field::Language,
            language_code(existing.language).into(),
            language_code(wanted.language).into(),
        );
        if !existing.active {
            differ(Field::Active, "false".into(), "true".into());
        }
        changes
    }

    /// The agreement the row sets, with the one it replaces, when the file
    /// gives a start date and something differs from what Vela has.
    fn agreement(
        &self,
        header: &Header,
        row: &Row,
        person: PersonId,
        is_new: bool,
        ids: &mut Ids,
        state: &State,
    ) -> Result<Option<(Agreement, Option<Agreement>)>, RowError> {
        let cell = |column| row.cell(header, column).filter(|c| !c.is_empty());
        let Some(from) = cell(Column::AgreementFrom) else {
            return Ok(None);
        };
        let valid_from = cells::date(Column::AgreementFrom, from)?;
        let current = (!is_new)
            .then(|| {
                state
                    .directory
                    .agreements
                    .values()
                    .find(|a| a.person == person && a.valid_from == valid_from)
            })
            .flatten();
        let days = |column, current: Option<u8>| match (cell(column), current) {
            (Some(n), _) => {
                let n = cells::whole_number(column, n)?;
                Ok(u8::try_from(n).unwrap_or(u8::MAX))
            }
            (None, Some(n)) => Ok(n),
            (None, None) => Err(RowError::MissingValue { column }),
        };
        let wanted = Agreement {
            id: match current {
                Some(a) => a.id,
                None => ids.agreement(state),
            },
            person,
            mode: match cell(Column::AgreementMode) {
                Some(mode) => cells::mode(mode)?,
                None => current.map_or(WorkMode::Agile, |a| a.mode),
            },
            valid_from,
            valid_until: match cell(Column::AgreementUntil) {
                Some(until) => Some(cells::date(Column::AgreementUntil, until)?),
                None => current.and_then(|a| a.valid_until),
            },
            max_days_per_week: days(
                Column::AgreementDaysPerWeek,
                current.map(|a| a.max_days_per_week),
            )?,
            max_days_per_month: days(
                Column::AgreementDaysPerMonth,
                current.map(|a| a.max_days_per_month),
            )?,
            weekdays: match cell(Column::AgreementWeekdays) {
                Some(days) => cells::weekdays(days)?,
                None => current.map_or_else(
                    || {
                        vec![
                            Weekday::Mon,
                            Weekday::Tue,
                            Weekday::Wed,
                            Weekday::Thu,
                            Weekday::Fri,
                        ]
                    },
                    |a| a.weekdays.clone(),
                ),
            },
            places: current.map_or_else(|| vec![Place::Home], |a| a.places.clone()),
            contact_hours: current.map_or_else(Vec::new, |a| a.contact_hours.clone()),
            notice_days: current.map_or(MIN_NOTICE_DAYS, |a| a.notice_days),
            withdrawn_from: current.and_then(|a| a.withdrawn_from),
        };
        if current == Some(&wanted) {
            return Ok(None);
        }
        Ok(Some((wanted, current.cloned())))
    }
}

fn save_person(person: &Person) -> Dir {
    Dir::SavePerson {
        id: person.id,
        username: person.username.clone(),
        name: person.name.clone(),
        email: person.email.clone(),
        employee_number: person.employee_number.clone(),
        roles: person.roles.clone(),
        team: person.team,
        commute_km: person.commute_km,
        language: person.language,
        org: None,
    }
}

fn role_codes(roles: &BTreeSet<Role>) -> String {
    roles
        .iter()
        .map(|r| match r {
            Role::Employee => "employee",
            Role::Lead => "lead",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
            Role::PartnershipAdmin => "partnership_admin",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn language_code(language: Language) -> &'static str {
    match language {
        Language::It => "it",
        Language::En => "en",
    }
}

/// An agreement in one line: `2027-01-01 → 2027-12-31 · 2/8 · agile · mon tue`
/// (days a week / a month).
fn summary(a: &Agreement) -> String {
    let until = a
        .valid_until
        .map_or_else(|| "…".to_owned(), |d| d.to_string());
    let mode = match a.mode {
        WorkMode::Agile => "agile",
        WorkMode::Remote => "remote",
        WorkMode::Telework => "telework",
    };
    let days: Vec<String> = a
        .weekdays
        .iter()
        .map(|d| d.to_string().to_lowercase())
        .collect();
    format!(
        "{} → {until} · {}/{} · {mode} · {}",
        a.valid_from,
        a.max_days_per_week,
        a.max_days_per_month,
        days.join(" ")
    )
}
