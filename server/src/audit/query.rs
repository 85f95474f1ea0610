//! Reading the audit: the trail and the security log merged by time,
//! filtered for one organisation, newest first, a page at a time.
//!
//! Both logs are read as a stream and never held whole: a page keeps at
//! most [`MAX_REACH`] entries in memory, so paging reaches the newest
//! `MAX_REACH` matches — older ones are found by narrowing the dates. The
//! CSV holds at most [`MAX_CSV_ROWS`] rows, oldest first.

use std::collections::{BTreeMap, VecDeque};
use std::iter::Peekable;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;
use vela_domain::agile::{AbsenceDetail, AbsenceKind};
use vela_domain::audit::absence_detail;
use vela_domain::calendar::rome_date;
use vela_domain::ids::{OrgId, PersonId, TeamId};
use vela_domain::{Actor, State};

use super::security::SecurityLine;
use super::trail::{OrgChange, TrailLine};
use crate::store::upgrade::{AUDIT_LINE, SECURITY_LINE};

/// The most entries a page may reach back to (page × size).
pub const MAX_REACH: usize = 10_000;
/// The most rows of one CSV file.
pub const MAX_CSV_ROWS: usize = 100_000;

/// What the reader asks for.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// The reader's organisation: only its entries.
    pub org: Uuid,
    /// Entries about this person or by them.
    pub person: Option<Uuid>,
    /// One kind (`agile.absence_recorded`, `security.sign_in`, …).
    pub kind: Option<String>,
    /// First and last day (Rome), both included.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// One entry before names are looked up.
#[derive(Clone, Debug)]
pub enum Item {
    Change {
        line: LineMeta,
        change: Box<OrgChange>,
    },
    Security(Box<SecurityLine>),
    /// Revisions the trail could not describe.
    Missing {
        at: DateTime<Utc>,
        from: u64,
        until: u64,
    },
}

/// The revision a change came with.
#[derive(Clone, Debug)]
pub struct LineMeta {
    pub revision: u64,
    pub at: DateTime<Utc>,
    pub actor: Actor,
}

impl Item {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Item::Change { line, .. } => line.at,
            Item::Security(s) => s.at,
            Item::Missing { at, .. } => *at,
        }
    }
}

impl Filter {
    fn day_in(&self, at: DateTime<Utc>) -> bool {
        let day = rome_date(at);
        self.from.is_none_or(|f| day >= f) && self.until.is_none_or(|u| day <= u)
    }

    fn kind_is(&self, kind: &str) -> bool {
        self.kind.as_deref().is_none_or(|k| k == kind)
    }

    fn change_matches(&self, line: &LineMeta, c: &OrgChange) -> bool {
        c.org.map(|o| o.0) == Some(self.org)
            && self.kind_is(&c.change.kind)
            && self.person.is_none_or(|p| {
                c.change.person.map(|x| x.0) == Some(p)
                    || line.actor.person_id().map(|x| x.0) == Some(p)
            })
            && self.day_in(line.at)
    }

    fn security_matches(&self, s: &SecurityLine) -> bool {
        s.org == Some(self.org)
            && self.kind_is(s.kind.code())
            && self
                .person
                .is_none_or(|p| s.person == Some(p) || s.by == Some(p))
            && self.day_in(s.at)
    }
}

/// The matching entries of a trail and the security log (each oldest
/// first), oldest first. Lines of a newer format are skipped: the reader
/// shows what it can, and never misreads what a later Vela wrote.
pub fn entries<'a>(
    trail: impl Iterator<Item = TrailLine> + 'a,
    security: impl Iterator<Item = SecurityLine> + 'a,
    filter: &'a Filter,
) -> impl Iterator<Item = Item> + 'a {
    let changes = trail
        .filter(|l| AUDIT_LINE.check(u64::from(l.format)).is_ok())
        .flat_map(move |line| {
            if let Some(from) = line.missing_from {
                let keep =
                    filter.person.is_none() && filter.kind.is_none() && filter.day_in(line.at);
                return keep
                    .then_some(Item::Missing {
                        at: line.at,
                        from,
                        until: line.revision,
                    })
                    .into_iter()
                    .collect::<Vec<_>>();
            }
            let meta = LineMeta {
                revision: line.revision,
                at: line.at,
                actor: line.actor,
            };
            line.changes
                .into_iter()
                .filter(|c| filter.change_matches(&meta, c))
                .map(|c| Item::Change {
                    line: meta.clone(),
                    change: Box::new(c),
                })
                .collect()
        });
    let security = security
        .filter(|s| SECURITY_LINE.check(u64::from(s.format)).is_ok())
        .filter(move |s| filter.security_matches(s))
        .map(|s| Item::Security(Box::new(s)));
    Merge {
        a: changes.peekable(),
        b: security.peekable(),
    }
}

/// Two time-ordered streams as one.
struct Merge<A: Iterator<Item = Item>, B: Iterator<Item = Item>> {
    a: Peekable<A>,
    b: Peekable<B>,
}

impl<A: Iterator<Item = Item>, B: Iterator<Item = Item>> Iterator for Merge<A, B> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        match (self.a.peek(), self.b.peek()) {
            (Some(a), Some(b)) if b.at() < a.at() => self.b.next(),
            (Some(_), _) => self.a.next(),
            (None, _) => self.b.next(),
        }
    }
}

/// Page `page` (0 = newest) of `size` entries, newest first, and how many
/// entries match in all.
pub fn page(items: impl Iterator<Item = Item>, page: usize, size: usize) -> (Vec<Item>, usize) {
    let keep = (page + 1) * size;
    let mut newest: VecDeque<Item> = VecDeque::with_capacity(keep.min(MAX_REACH) + 1);
    let mut total = 0;
    for item in items {
        total += 1;
        newest.push_back(item);
        if newest.len() > keep {
            newest.pop_front();
        }
    }
    let out = newest
        .into_iter()
        .rev()
        .skip(page * size)
        .take(size)
        .collect();
    (out, total)
}

/// A person, team or organisation with its current name (empty for an
/// anonymised person).
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Named {
    pub id: Uuid,
    pub name: String,
}

/// An absence's kind and reason, where the reader may see them.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AbsenceShown {
    pub kind: AbsenceKind,
    pub reason: String,
}

/// One entry as the routes answer it.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Row {
    pub at: DateTime<Utc>,
    /// `area.event` for changes, `security.…` for the security log,
    /// `audit.missing` for revisions the trail could not describe.
    pub kind: String,
    /// Who acted (`None`: the system, or an attempt naming no account).
    pub actor: Option<Named>,
    /// Whom it is about.
    pub person: Option<Named>,
    pub team: Option<Named>,
    /// The record changed (absence, request, objective, session …).
    pub record: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub revision: Option<u64>,
    pub absence: Option<AbsenceShown>,
    /// The address a sign-in came from.
    pub address: Option<String>,
    /// What was typed at a sign-in that named no account.
    pub username: Option<String>,
    pub detail: String,
}

/// Looks names up in the current state, as `reader` may see them.
pub fn rows(state: &State, reader: &Actor, items: Vec<Item>) -> Vec<Row> {
    let names = Names::of(state);
    items
        .into_iter()
        .map(|item| match item {
            Item::Change { line, change } => Row {
                at: line.at,
                kind: change.change.kind.clone(),
                actor: line.actor.person_id().map(|p| names.person(p.0)),
                person: change.change.person.map(|p| names.person(p.0)),
                team: change.change.team.map(|t| names.team(t)),
                record: change.change.record,
                from: change.change.from,
                until: change.change.until,
                revision: Some(line.revision),
                absence: absence_detail(state, reader, &change.change)
                    .map(|AbsenceDetail { kind, reason }| AbsenceShown { kind, reason }),
                address: None,
                username: None,
                detail: String::new(),
            },
            Item::Security(s) => Row {
                at: s.at,
                kind: s.kind.code().to_owned(),
                actor: s.by.or(s.person).map(|p| names.person(p)),
                person: s.person.map(|p| names.person(p)),
                team: None,
                record: None,
                from: None,
                until: None,
                revision: None,
                absence: None,
                address: s.address.map(|a| a.to_string()),
                username: s.username.clone(),
                detail: s.detail.clone(),
            },
            Item::Missing { at, from, until } => Row {
                at,
                kind: "audit.missing".into(),
                actor: None,
                person: None,
                team: None,
                record: None,
                from: None,
                until: None,
                revision: Some(until),
                absence: None,
                address: None,
                username: None,
                detail: format!("{from}-{until}"),
            },
        })
        .collect()
}

struct Names<'a> {
    people: &'a BTreeMap<PersonId, vela_domain::directory::Person>,
    teams: &'a BTreeMap<TeamId, vela_domain::directory::Team>,
}

impl<'a> Names<'a> {
    fn of(state: &'a State) -> Self {
        Names {
            people: &state.directory.people,
            teams: &state.directory.teams,
        }
    }

    fn person(&self, id: Uuid) -> Named {
        Named {
            id,
            name: self
                .people
                .get(&PersonId(id))
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        }
    }

    fn team(&self, id: TeamId) -> Named {
        Named {
            id: id.0,
            name: self
                .teams
                .get(&id)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
        }
    }
}

/// The organisation of `person` (the reader's).
pub fn org_of(state: &State, person: Uuid) -> Option<OrgId> {
    state.directory.org_of_person(PersonId(person))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(n: u64) -> Item {
        Item::Missing {
            at: DateTime::from_timestamp(n as i64, 0).unwrap_or_default(),
            from: n,
            until: n,
        }
    }

    fn revisions(items: &[Item]) -> Vec<u64> {
        items
            .iter()
            .map(|i| match i {
                Item::Missing { from, .. } => *from,
                _ => 0,
            })
            .collect()
    }

    #[test]
    fn pages_go_from_the_newest_back() {
        let all = || (1..=7).map(missing);
        let (first, total) = page(all(), 0, 3);
        assert_eq!((revisions(&first), total), (vec![7, 6, 5], 7));
        assert_eq!(revisions(&page(all(), 1, 3).0), vec![4, 3, 2]);
        assert_eq!(revisions(&page(all(), 2, 3).0), vec![1]);
        assert!(page(all(), 3, 3).0.is_empty());
    }

    #[test]
    fn two_streams_merge_by_time() {
        let a = [1, 4, 5].map(missing).into_iter();
        let b = [2, 3, 6].map(missing).into_iter();
        let merged: Vec<Item> = Merge {
            a: a.peekable(),
            b: b.peekable(),
        }
        .collect();
        assert_eq!(revisions(&merged), vec![1, 2, 3, 4, 5, 6]);
    }
}
