use serde::{Deserialize, Serialize};

use crate::calendar::{ExtraHoliday, Holidays};
use crate::ids::OrgId;

/// A public administration using Vela. A deployment may host several (a
/// partnership); its teams and people name it in their `org`.
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
