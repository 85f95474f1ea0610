//! What one day of the person's calendar is: a non-working day, an office
//! day, an absence or a planned day away — read from the domain's records,
//! never decided here.

use chrono::NaiveDate;
use vela_domain::agile::{DayPlan, DayStatus};
use vela_domain::calendar::Holidays;
use vela_domain::directory::{Place, WorkMode};
use vela_domain::ids::PersonId;
use vela_domain::State;

use crate::components::icon::IconName;
use crate::i18n::calendar::CalendarTexts;

/// The status of a day as the calendar shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum DayKind {
    Weekend,
    /// A national or organisation holiday, by name.
    Holiday(String),
    /// A working day in the office (nothing planned, or a plan cancelled or
    /// withdrawn).
    Office,
    /// An absence covers the day (its reason is not shown in the grid).
    Absent,
    /// A day away: pending, approved or rejected.
    Planned(DayPlan),
}

/// One day of the person's calendar, with the record behind it (kept also
/// when cancelled or withdrawn, for the details panel).
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub plan: Option<DayPlan>,
    /// The person's team works in the office that day (a meeting), with
    /// its note: no agile day may be asked for it.
    pub office_only: Option<String>,
}

/// The holidays of `person`'s organisation (weekends and national ones
/// before it is known).
pub fn extra_holidays(state: &State, person: PersonId) -> Vec<vela_domain::calendar::ExtraHoliday> {
    state.directory.holidays_of(person).extra.to_vec()
}

/// The day `date` of `person`.
pub fn day_of(state: &State, holidays: Holidays<'_>, person: PersonId, date: NaiveDate) -> Day {
    let plan = state.agile.day(person, date).cloned();
    let kind = match holidays.non_working(date) {
        Some("weekend") => DayKind::Weekend,
        Some(name) => DayKind::Holiday(name.to_owned()),
        None if state.agile.absence_on(person, date).is_some() => DayKind::Absent,
        None => match &plan {
            Some(p)
                if matches!(
                    p.status,
                    DayStatus::Pending | DayStatus::Approved | DayStatus::Rejected
                ) =>
            {
                DayKind::Planned(p.clone())
            }
            _ => DayKind::Office,
        },
    };
    let office_only = match kind {
        DayKind::Weekend | DayKind::Holiday(_) => None,
        _ => state
            .directory
            .people
            .get(&person)
            .and_then(|p| p.team)
            .and_then(|t| state.directory.teams.get(&t))
            .and_then(|t| t.office_only.get(&date).cloned()),
    };
    Day {
        date,
        kind,
        plan,
        office_only,
    }
}

/// The name of a place in the current language.
pub fn place_name(place: &Place, t: &CalendarTexts) -> String {
    match place {
        Place::Home => t.place_home.to_owned(),
        Place::Named { name } => name.clone(),
    }
}

/// The way of working, in words.
pub fn mode_name(mode: WorkMode, t: &CalendarTexts) -> &'static str {
    match mode {
        WorkMode::Agile => t.mode_agile,
        WorkMode::Remote => t.mode_remote,
        WorkMode::Telework => t.mode_telework,
    }
}

impl Day {
    /// A CSS class naming the status (the text always says it too).
    pub fn class(&self) -> &'static str {
        match &self.kind {
            DayKind::Weekend => "weekend",
            DayKind::Holiday(_) => "holiday",
            DayKind::Office => "status-office",
            DayKind::Absent => "status-absent",
            DayKind::Planned(p) => match (p.status, p.mode) {
                (DayStatus::Pending, _) => "status-pending",
                (DayStatus::Rejected, _) => "status-rejected",
                (_, WorkMode::Agile) => "status-agile",
                (_, WorkMode::Remote) => "status-remote",
                (_, WorkMode::Telework) => "status-telework",
            },
        }
    }

    /// An icon beside the text, for a quick scan (hidden from screen
    /// readers: the text says the same); the team calendar draws the same.
    pub fn icon(&self) -> Option<IconName> {
        Some(match &self.kind {
            DayKind::Weekend => return None,
            DayKind::Holiday(_) => IconName::Holiday,
            DayKind::Office => IconName::Office,
            DayKind::Absent => IconName::Absent,
            DayKind::Planned(p) => match (p.status, p.mode) {
                (DayStatus::Pending, _) => IconName::Pending,
                (DayStatus::Rejected, _) => IconName::Rejected,
                (_, WorkMode::Agile) => IconName::Home,
                (_, WorkMode::Remote) => IconName::Remote,
                (_, WorkMode::Telework) => IconName::Telework,
            },
        })
    }

    /// The status in words: "Lavoro agile · Casa", "In attesa: …".
    pub fn status_text(&self, t: &CalendarTexts) -> String {
        match &self.kind {
            DayKind::Weekend => t.weekend.to_owned(),
            DayKind::Holiday(name) => (t.holiday)(name),
            DayKind::Office => t.office.to_owned(),
            DayKind::Absent => t.absent.to_owned(),
            DayKind::Planned(p) => {
                let away = format!("{} · {}", mode_name(p.mode, t), place_name(&p.place, t));
                match p.status {
                    DayStatus::Pending => (t.pending)(&away),
                    DayStatus::Rejected => t.rejected.to_owned(),
                    _ => away,
                }
            }
        }
    }

    /// A pending or approved day that can still be cancelled.
    pub fn cancellable(&self, today: NaiveDate) -> Option<&DayPlan> {
        match &self.kind {
            DayKind::Planned(p) if p.status.is_active() && self.date > today => Some(p),
            _ => None,
        }
    }

    /// An approved day away, today or past: its activity can be logged.
    pub fn loggable(&self, today: NaiveDate) -> Option<&DayPlan> {
        match &self.kind {
            DayKind::Planned(p) if p.status == DayStatus::Approved && self.date <= today => Some(p),
            _ => None,
        }
    }

    /// A future office day: agile work may be asked for it.
    pub fn requestable(&self, today: NaiveDate) -> bool {
        self.date > today
            && matches!(self.kind, DayKind::Office | DayKind::Planned(_))
            && self.cancellable(today).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::calendar::IT;
    use crate::pages::calendar::testing::{d, demo};

    #[test]
    fn each_day_says_its_status_in_words() {
        let (state, giulia, _) = demo();
        let extra = extra_holidays(&state, giulia);
        let holidays = Holidays { extra: &extra };
        let day = |date| day_of(&state, holidays, giulia, date);
        assert_eq!(day(d(2026, 11, 28)).status_text(&IT), "Fine settimana");
        assert_eq!(
            day(d(2026, 12, 8)).status_text(&IT),
            "Festivo: Immacolata Concezione"
        );
        assert_eq!(day(d(2026, 12, 9)).status_text(&IT), "In ufficio");
        // Next month's days wait for Marco.
        let tuesday = day(d(2026, 12, 1));
        assert!(tuesday
            .status_text(&IT)
            .starts_with("In attesa: Lavoro agile · "));
        assert_eq!(tuesday.class(), "status-pending");
        assert!(tuesday.cancellable(d(2026, 11, 24)).is_some());
        assert!(tuesday.loggable(d(2026, 12, 1)).is_none(), "not approved");
        assert!(day(d(2026, 12, 9)).requestable(d(2026, 11, 24)));
        assert!(!day(d(2026, 12, 9)).requestable(d(2026, 12, 9)));
    }
}
