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
    /// The texts every page's footer links to; left out of the JSON while
    /// empty, so organisations that never wrote them keep their old form.
    #[serde(default, skip_serializing_if = "PublicNotices::is_empty")]
    pub notices: PublicNotices,
}

/// What a public administration's service must publish beside it, written
/// by its administrators: the accessibility statement (AgID's
/// *dichiarazione di accessibilità*), the privacy notice and the legal
/// notes. Plain text, paragraphs separated by blank lines; an empty one
/// means the app shows its general text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicNotices {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accessibility: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub privacy: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal: String,
}

impl PublicNotices {
    /// Longest text, in characters: a statement runs to a few pages.
    pub const MAX_CHARS: usize = 20_000;

    /// Whether none of the texts is written.
    pub fn is_empty(&self) -> bool {
        self.accessibility.is_empty() && self.privacy.is_empty() && self.legal.is_empty()
    }
}

impl Organisation {
    /// The organisation's non-working days.
    pub fn holidays(&self) -> Holidays<'_> {
        Holidays {
            extra: &self.extra_holidays,
        }
    }
}
