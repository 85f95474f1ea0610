//! What a team calendar cell says about one person on one day.

use chrono::NaiveDate;
use vela_domain::agile::DayStatus;
use vela_domain::calendar::Holidays;
use vela_domain::directory::{Place, WorkMode};
use vela_domain::ids::PersonId;
use vela_domain::State;

use crate::components::icon::IconName;
use crate::i18n::team::TeamTexts;

/// One person's day as the team calendar shows it. Absences never say why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayCell {
    NonWorking,
    Office,
    Away(WorkMode),
    Absent,
    Pending,
    Rejected,
}

impl DayCell {
    /// The CSS class of the cell (colour), always paired with an icon and words.
    pub fn class(self) -> &'static str {
        match self {
            DayCell::NonWorking => "cell non-working",
            DayCell::Office => "cell office",
            DayCell::Away(WorkMode::Agile) => "cell agile",
            DayCell::Away(WorkMode::Remote) => "cell remote",
            DayCell::Away(WorkMode::Telework) => "cell telework",
            DayCell::Absent => "cell absent",
            DayCell::Pending => "cell pending",
            DayCell::Rejected => "cell rejected",
        }
    }

    /// The icon shown in the cell (explained by the legend).
    pub fn icon(self) -> Option<IconName> {
        match self {
            DayCell::NonWorking => None,
            DayCell::Office => Some(IconName::Office),
            DayCell::Away(WorkMode::Agile) => Some(IconName::Home),
            DayCell::Away(WorkMode::Remote) => Some(IconName::Remote),
            DayCell::Away(WorkMode::Telework) => Some(IconName::Telework),
            DayCell::Absent => Some(IconName::Absent),
            DayCell::Pending => Some(IconName::Pending),
            DayCell::Rejected => Some(IconName::Rejected),
        }
    }

    /// The status in words.
    pub fn words(self, t: &TeamTexts) -> &'static str {
        match self {
            DayCell::NonWorking => t.non_working,
            DayCell::Office => t.office,
            DayCell::Away(mode) => mode_name(mode, t),
            DayCell::Absent => t.absent,
            DayCell::Pending => t.pending,
            DayCell::Rejected => t.rejected,
        }
    }
}

/// The name of a way of working at a distance.
pub fn mode_name(mode: WorkMode, t: &TeamTexts) -> &'static str {
    match mode {
        WorkMode::Agile => t.agile,
        WorkMode::Remote => t.remote,
        WorkMode::Telework => t.telework,
    }
}

/// "Agile work, from home" / "Telework, Telecentro di Rovereto".
pub fn place_text(mode: WorkMode, place: &Place, t: &TeamTexts) -> String {
    match place {
        Place::Home => (t.mode_at_home)(mode_name(mode, t)),
        Place::Named { name } => (t.mode_at_place)(mode_name(mode, t), name),
    }
}

/// The status of `person` on `date`, and the decision's note when the
/// viewer may read it (the view holds it only for the person and leads).
pub fn day_status<'a>(
    state: &'a State,
    holidays: Holidays<'_>,
    person: PersonId,
    date: NaiveDate,
) -> (DayCell, Option<&'a str>) {
    if !holidays.is_working_day(date) {
        return (DayCell::NonWorking, None);
    }
    if state.agile.absence_on(person, date).is_some() {
        return (DayCell::Absent, None);
    }
    match state.agile.day(person, date) {
        Some(day) => {
            let note = day.decision_note.as_deref();
            match day.status {
                DayStatus::Pending => (DayCell::Pending, None),
                DayStatus::Approved => (DayCell::Away(day.mode), note),
                DayStatus::Rejected => (DayCell::Rejected, note),
                DayStatus::Cancelled | DayStatus::Withdrawn => (DayCell::Office, None),
            }
        }
        None => (DayCell::Office, None),
    }
}
