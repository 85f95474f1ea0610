use serde::{Deserialize, Serialize};

use crate::calendar::{ExtraHoliday, Holidays};
use crate::ids::OrgId;

/// A public administration using Vela. Each organisation's state is stored
/// and synced on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    /// Non-working days of its own besides weekends and national holidays.
    #[serde(default)]
    pub extra_holidays: Vec<ExtraHoliday>,
}

impl Organisation {
    /// The organisation's non-working days.
    pub fn holidays(&self) -> Holidays<'_> {
        Holidays {
            extra: &self.extra_holidays,
        }
    }
}
