//! The pure parts of the objectives pages: periods to filter by, overdue
//! flags, amounts typed and shown, and the agile days that recorded work on
//! an objective. No rule lives here: what
//! may be done is always asked of `vela_domain`.

use chrono::{Datelike, NaiveDate};
use vela_domain::ids::{ObjectiveId, PersonId};
use vela_domain::objectives::{Amount, KeyResultSpec, Objective, Period};
use vela_domain::{Rejection, State};

use crate::i18n::Locale;

/// Which part of a year the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Year,
    Semester(u8),
    Quarter(u8),
}

impl Span {
    pub const ALL: [Span; 7] = [
        Span::Year,
        Span::Semester(1),
        Span::Semester(2),
        Span::Quarter(1),
        Span::Quarter(2),
        Span::Quarter(3),
        Span::Quarter(4),
    ];

    /// A stable value for `<option value>`.
    pub fn code(self) -> String {
        match self {
            Span::Year => "y".into(),
            Span::Semester(n) => format!("s{n}"),
            Span::Quarter(n) => format!("q{n}"),
        }
    }

    pub fn from_code(code: &str) -> Span {
        Span::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or(Span::Year)
    }

    /// The dates of this span in `year`, both included.
    pub fn period(self, year: i32) -> Period {
        let (first, months) = match self {
            Span::Year => (1, 12),
            Span::Semester(n) => (1 + 6 * (u32::from(n).clamp(1, 2) - 1), 6),
            Span::Quarter(n) => (1 + 3 * (u32::from(n).clamp(1, 4) - 1), 3),
        };
        let from = NaiveDate::from_ymd_opt(year, first, 1).unwrap_or_default();
        let last = first + months - 1;
        let until = if last == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(year, last + 1, 1).and_then(|d| d.pred_opt())
        }
        .unwrap_or(from);
        Period { from, until }
    }
}

/// The calendar quarter containing `date`: the default period of a new
/// objective.
pub fn quarter_of(date: NaiveDate) -> Period {
    let quarter = ((date.month() - 1) / 3 + 1) as u8;
    Span::Quarter(quarter).period(date.year())
}

/// Whether the objective's end date has passed and it is still not closed.
pub fn is_overdue(objective: &Objective, today: NaiveDate) -> bool {
    objective.period.until < today && !objective.status.is_closed()
}

/// Reads an amount typed in a form: an Italian decimal comma is taken as a
/// point, then the domain says whether it is a number.
pub fn parse_amount(text: &str) -> Result<Amount, Rejection> {
    Amount::parse_input(&text.trim().replace(',', "."))
}

/// An amount as people of `locale` write it ("12,5" in Italian).
pub fn amount_text(amount: Amount, locale: Locale) -> String {
    let plain = amount.to_string();
    match locale {
        Locale::It => plain.replace('.', ","),
        Locale::En => plain,
    }
}

/// The key results of an objective as a save command writes them.
pub fn specs_of(objective: &Objective) -> Vec<KeyResultSpec> {
    objective
        .key_results
        .iter()
        .map(|kr| KeyResultSpec {
            id: kr.id,
            indicator: kr.indicator.clone(),
            unit: kr.unit.clone(),
            baseline: kr.baseline,
            target: kr.target,
            weight: kr.weight,
        })
        .collect()
}

/// One agile day on which someone recorded work on an objective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkedDay {
    pub person: PersonId,
    pub date: NaiveDate,
    pub note: String,
}

/// The agile days (of the people whose days the viewer may see) whose
/// activity names `objective`, most recent first.
pub fn days_worked_on(state: &State, objective: ObjectiveId) -> Vec<WorkedDay> {
    let mut days: Vec<WorkedDay> = state
        .agile
        .days
        .values()
        .flat_map(|days| days.values())
        .filter_map(|day| {
            let activity = day.activity.as_ref()?;
            activity.objectives.contains(&objective).then(|| WorkedDay {
                person: day.person,
                date: day.date,
                note: activity.note.clone(),
            })
        })
        .collect();
    vela_domain::order::sort_by_key(&mut days, |d| std::cmp::Reverse(d.date));
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use vela_domain::agile::{Activity, DayPlan, DayStatus};
    use vela_domain::directory::{Place, WorkMode};
    use vela_domain::ids::RequestId;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn spans_cover_their_months() {
        assert_eq!(
            Span::Year.period(2026),
            Period {
                from: date(2026, 1, 1),
                until: date(2026, 12, 31)
            }
        );
        assert_eq!(Span::Semester(2).period(2026).from, date(2026, 7, 1));
        assert_eq!(Span::Quarter(1).period(2028).until, date(2028, 3, 31));
        assert_eq!(Span::Quarter(4).period(2026).until, date(2026, 12, 31));
        assert_eq!(quarter_of(date(2026, 11, 25)).from, date(2026, 10, 1));
        for span in Span::ALL {
            assert_eq!(Span::from_code(&span.code()), span);
        }
    }

    #[test]
    fn amounts_accept_an_italian_comma_and_print_in_the_locale() {
        let amount = parse_amount("12,5").expect("a number");
        assert_eq!(amount_text(amount, Locale::It), "12,5");
        assert_eq!(amount_text(amount, Locale::En), "12.5");
        let refused = parse_amount("dodici").expect_err("not a number");
        assert_eq!(refused.code(), "objective_amount_invalid");
    }

    #[test]
    fn worked_days_are_found_by_their_activity() {
        let mut state = State::default();
        let person = PersonId(uuid::Uuid::from_u128(1));
        let objective = ObjectiveId(uuid::Uuid::from_u128(2));
        let day = |d: u32, objectives: Vec<ObjectiveId>| DayPlan {
            person,
            date: date(2026, 3, d),
            request: RequestId(uuid::Uuid::from_u128(3)),
            mode: WorkMode::Agile,
            place: Place::Home,
            status: DayStatus::Approved,
            decided_by: None,
            decision_note: None,
            withdrawn_for: None,
            activity: Some(Activity {
                objectives,
                note: format!("giorno {d}"),
            }),
        };
        let days = std::sync::Arc::make_mut(state.agile.days.entry(person).or_default());
        days.insert(date(2026, 3, 3), day(3, vec![objective]));
        days.insert(date(2026, 3, 5), day(5, vec![]));
        days.insert(date(2026, 3, 10), day(10, vec![objective]));
        let found = days_worked_on(&state, objective);
        let dates: Vec<NaiveDate> = found.iter().map(|d| d.date).collect();
        assert_eq!(dates, vec![date(2026, 3, 10), date(2026, 3, 3)]);
        assert_eq!(found[0].note, "giorno 10");
    }
}
