//! Keeping the records and their indexes in step. Every change touches only
//! the entries of one person and the dates involved, so a write costs the
//! same in an office of 20 and in an administration of 2,500.

use chrono::NaiveDate;

use super::{Absence, DayPlan, DayStatus, Part, TeamDay, Withdrawal};
use crate::directory::{Agreement, Directory, Event as DirectoryEvent};
use crate::ids::{AbsenceId, PersonId, TeamId};
use crate::State;

/// The team whose counts a person's days and absences go to: their team
/// while they are active, none once deactivated (so a team's counts and
/// its size always speak of the same people).
fn team_of(dir: &Directory, person: PersonId) -> Option<TeamId> {
    dir.people
        .get(&person)
        .filter(|p| p.active)
        .and_then(|p| p.team)
}

/// Adds `delta` to one team-day count, dropping the entry when it is empty
/// so that counts kept event by event equal counts rebuilt from scratch.
fn adjust(
    part: &mut Part,
    team: TeamId,
    date: NaiveDate,
    delta: i64,
    field: fn(&mut TeamDay) -> &mut u32,
) {
    let dates = part.team_days.entry(team).or_default();
    let entry = dates.entry(date).or_default();
    let value = field(entry);
    *value = u32::try_from((i64::from(*value) + delta).max(0)).unwrap_or(u32::MAX);
    if entry.is_empty() {
        dates.remove(&date);
    }
    if dates.is_empty() {
        part.team_days.remove(&team);
    }
}

fn count_day(part: &mut Part, team: TeamId, date: NaiveDate, status: DayStatus, delta: i64) {
    match status {
        DayStatus::Approved => adjust(part, team, date, delta, |c| &mut c.away),
        DayStatus::Pending => adjust(part, team, date, delta, |c| &mut c.pending),
        DayStatus::Rejected | DayStatus::Cancelled | DayStatus::Withdrawn => {}
    }
}

fn count_absence(part: &mut Part, team: TeamId, absence: &Absence, delta: i64) {
    for date in absence.from.iter_days().take_while(|d| *d <= absence.until) {
        adjust(part, team, date, delta, |c| &mut c.absent);
    }
}

/// Stores a day plan (new or changed) and updates the team counts.
pub(super) fn put_day(state: &mut State, day: &DayPlan) {
    let team = team_of(&state.directory, day.person);
    let part = &mut state.agile;
    let old = std::sync::Arc::make_mut(part.days.entry(day.person).or_default())
        .insert(day.date, day.clone());
    if let Some(team) = team {
        if let Some(old) = old {
            count_day(part, team, old.date, old.status, -1);
        }
        count_day(part, team, day.date, day.status, 1);
    }
}

/// Stores an absence and counts it for the person's team.
pub(super) fn put_absence(state: &mut State, absence: &Absence) {
    remove_absence(state, absence.id);
    let team = team_of(&state.directory, absence.person);
    let part = &mut state.agile;
    part.absences.insert(absence.id, absence.clone());
    part.absence_starts
        .entry(absence.person)
        .or_default()
        .insert(absence.from, absence.id);
    if let Some(team) = team {
        count_absence(part, team, absence, 1);
    }
}

/// Removes an absence and its counts.
pub(super) fn remove_absence(state: &mut State, id: AbsenceId) {
    let Some(absence) = state.agile.absences.remove(&id) else {
        return;
    };
    let team = team_of(&state.directory, absence.person);
    let part = &mut state.agile;
    if let Some(starts) = part.absence_starts.get_mut(&absence.person) {
        if starts.get(&absence.from) == Some(&id) {
            starts.remove(&absence.from);
        }
        if starts.is_empty() {
            part.absence_starts.remove(&absence.person);
        }
    }
    if let Some(team) = team {
        count_absence(part, team, &absence, -1);
    }
}

/// Moves all of a person's counts from one team to another.
fn move_counts(part: &mut Part, person: PersonId, from: Option<TeamId>, to: Option<TeamId>) {
    let days: Vec<(NaiveDate, DayStatus)> = part
        .days
        .get(&person)
        .map(|d| d.values().map(|p| (p.date, p.status)).collect())
        .unwrap_or_default();
    let absences: Vec<Absence> = part
        .absence_starts
        .get(&person)
        .map(|s| {
            s.values()
                .filter_map(|id| part.absences.get(id).cloned())
                .collect()
        })
        .unwrap_or_default();
    for (team, delta) in [(from, -1), (to, 1)] {
        let Some(team) = team else { continue };
        for (date, status) in &days {
            count_day(part, team, *date, *status, delta);
        }
        for absence in &absences {
            count_absence(part, team, absence, delta);
        }
    }
}

/// Keeps this area's indexes in step with a directory event. Called by
/// [`State::apply_event`] just *before* the directory applies `event`, so
/// it sees both the old directory and the change:
/// - a person changing team takes their days and absences (the counts) to
///   the new team; deactivated people no longer count, as members or in the
///   counts (reactivated, they count again);
/// - an agreement saved or withdrawn withdraws the pending and approved days
///   no agreement covers any more ([`Withdrawal::AgreementEnded`]).
///
/// Limitation: a replica that sees the directory event but not the person's
/// days (a new teammate) gets the exact counts with its next snapshot.
pub fn directory_changed(state: &mut State, event: &DirectoryEvent) {
    match event {
        DirectoryEvent::PersonSaved { person } => {
            let old_team = team_of(&state.directory, person.id);
            let new_team = person.team.filter(|_| person.active);
            let part = &mut state.agile;
            if let Some(team) = old_team {
                if let Some(members) = part.members.get_mut(&team) {
                    members.remove(&person.id);
                    if members.is_empty() {
                        part.members.remove(&team);
                    }
                }
            }
            if let Some(team) = new_team {
                part.members.entry(team).or_default().insert(person.id);
            }
            if old_team != new_team {
                move_counts(part, person.id, old_team, new_team);
            }
        }
        DirectoryEvent::AgreementSaved { agreement } => {
            if let Some(old) = state.directory.agreements.get(&agreement.id) {
                if old.person != agreement.person {
                    if let Some(ids) = state.agile.agreements.get_mut(&old.person) {
                        ids.remove(&agreement.id);
                    }
                }
            }
            state
                .agile
                .agreements
                .entry(agreement.person)
                .or_default()
                .insert(agreement.id);
            withdraw_uncovered(state, agreement);
        }
        DirectoryEvent::OrganisationSaved { .. }
        | DirectoryEvent::TeamSaved { .. }
        | DirectoryEvent::PersonDeactivated { .. }
        | DirectoryEvent::PersonAnonymised { .. } => {}
    }
}

/// Withdraws the person's planned days that no agreement covers once
/// `saved` replaces its previous version.
fn withdraw_uncovered(state: &mut State, saved: &Agreement) {
    let person = saved.person;
    let agreements: Vec<&Agreement> = state
        .agile
        .agreements
        .get(&person)
        .into_iter()
        .flatten()
        .filter(|id| **id != saved.id)
        .filter_map(|id| state.directory.agreements.get(id))
        .chain(std::iter::once(saved))
        .collect();
    let withdrawn: Vec<DayPlan> = state
        .agile
        .days
        .get(&person)
        .into_iter()
        .flat_map(|d| d.values())
        .filter(|d| d.status.is_active() && !agreements.iter().any(|a| a.in_force(d.date)))
        .map(|d| DayPlan {
            status: DayStatus::Withdrawn,
            withdrawn_for: Some(Withdrawal::AgreementEnded),
            ..d.clone()
        })
        .collect();
    for day in &withdrawn {
        put_day(state, day);
    }
}

/// Rebuilds the indexes a decoded state leaves out (they are never
/// serialized). Counts that came with the state are kept: in a person's view
/// they cover people whose days the view does not hold, so they cannot be
/// rebuilt from it; a full state is stored without them and gets them
/// rebuilt here.
pub fn restore_indexes(state: &mut State) {
    let given = std::mem::take(&mut state.agile.team_days);
    reindex(state);
    if !given.is_empty() {
        state.agile.team_days = given;
    }
}

/// Rebuilds the derived indexes (members, agreements, team counts and
/// absence starts) from the records and the directory. For states saved
/// before an index existed; replaying events keeps them current otherwise.
pub fn reindex(state: &mut State) {
    let dir = &state.directory;
    let mut part = Part {
        days: std::mem::take(&mut state.agile.days),
        requests: std::mem::take(&mut state.agile.requests),
        absences: std::mem::take(&mut state.agile.absences),
        ..Part::default()
    };
    for person in dir.people.values() {
        if let (true, Some(team)) = (person.active, person.team) {
            part.members.entry(team).or_default().insert(person.id);
        }
    }
    for agreement in dir.agreements.values() {
        part.agreements
            .entry(agreement.person)
            .or_default()
            .insert(agreement.id);
    }
    let absences: Vec<Absence> = part.absences.values().cloned().collect();
    for absence in &absences {
        part.absence_starts
            .entry(absence.person)
            .or_default()
            .insert(absence.from, absence.id);
        if let Some(team) = team_of(dir, absence.person) {
            count_absence(&mut part, team, absence, 1);
        }
    }
    let days: Vec<(PersonId, NaiveDate, DayStatus)> = part
        .days
        .values()
        .flat_map(|d| d.values().map(|p| (p.person, p.date, p.status)))
        .collect();
    for (person, date, status) in days {
        if let Some(team) = team_of(dir, person) {
            count_day(&mut part, team, date, status, 1);
        }
    }
    part.days.retain(|_, d| !d.is_empty());
    state.agile = part;
}
