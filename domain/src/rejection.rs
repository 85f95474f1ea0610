//! Why a command was refused: a stable machine code plus the parameters a UI
//! needs to show a translated message. Each area owns its reasons; codes are
//! unique across areas (a test checks it), so the JSON form is flat:
//! `{"code":"agreement_week_limit","limit":2,"week":"2026-W49"}`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{agile, directory, objectives, webinars};

/// Reasons shared by every area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum CommonRejection {
    /// The actor's role or relationship does not allow this command.
    #[error("you are not allowed to do this")]
    NotAllowed,
    /// The command names something that does not exist (or that the actor
    /// cannot see, which must look the same).
    #[error("{entity} {id} does not exist")]
    NotFound { entity: Entity, id: Uuid },
    /// A new entity's id is already taken.
    #[error("{entity} {id} already exists")]
    AlreadyExists { entity: Entity, id: Uuid },
    /// A field's value is not acceptable.
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: Problem },
}
crate::flat_tagged!(CommonRejection, "code");

/// The kinds of entity a rejection can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Organisation,
    Team,
    Person,
    Agreement,
    Request,
    Absence,
    Objective,
    KeyResult,
    Session,
    Path,
    Registration,
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        f.write_str(&name.replace('_', " "))
    }
}

/// What is wrong with a field, for [`CommonRejection::Invalid`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Required and empty.
    Empty,
    /// Longer than the field allows.
    TooLong,
    /// A number or date outside the accepted range.
    OutOfRange,
    /// The end comes before the start.
    EndBeforeStart,
    /// The same value appears twice where each must be unique.
    Duplicate,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Problem::Empty => "must not be empty",
            Problem::TooLong => "is too long",
            Problem::OutOfRange => "is out of range",
            Problem::EndBeforeStart => "ends before it starts",
            Problem::Duplicate => "contains duplicates",
        })
    }
}

/// Any reason a command can be refused. The English `Display` text is for
/// logs and API clients; the app translates from [`Rejection::code`] and the
/// parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Rejection {
    #[error(transparent)]
    Common(#[from] CommonRejection),
    #[error(transparent)]
    Directory(#[from] directory::Rejection),
    #[error(transparent)]
    Agile(#[from] agile::Rejection),
    #[error(transparent)]
    Objectives(#[from] objectives::Rejection),
    #[error(transparent)]
    Webinars(#[from] webinars::Rejection),
}

/// Codes are unique across areas, so the first area that knows the code
/// reads it. Written by hand: serde's untagged derive would compile every
/// area's reader a second time (see [`crate::wire`]).
impl<'de> Deserialize<'de> for Rejection {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let value = serde_json::Value::deserialize(deserializer)?;
        let read = |v: &serde_json::Value| -> Option<Rejection> {
            if let Ok(r) = <CommonRejection as Deserialize>::deserialize(v.clone()) {
                return Some(r.into());
            }
            if let Ok(r) = <directory::Rejection as Deserialize>::deserialize(v.clone()) {
                return Some(r.into());
            }
            if let Ok(r) = <agile::Rejection as Deserialize>::deserialize(v.clone()) {
                return Some(r.into());
            }
            if let Ok(r) = <objectives::Rejection as Deserialize>::deserialize(v.clone()) {
                return Some(r.into());
            }
            <webinars::Rejection as Deserialize>::deserialize(v.clone())
                .ok()
                .map(Into::into)
        };
        read(&value).ok_or_else(|| D::Error::custom("unknown rejection"))
    }
}

impl Rejection {
    /// The stable machine code, e.g. `"agreement_week_limit"`.
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_owned))
            .unwrap_or_else(|| "unknown".to_owned())
    }

    /// Shorthand for [`CommonRejection::NotFound`].
    pub fn not_found(entity: Entity, id: impl Into<Uuid>) -> Self {
        CommonRejection::NotFound {
            entity,
            id: id.into(),
        }
        .into()
    }

    /// Shorthand for [`CommonRejection::Invalid`].
    pub fn invalid(field: &str, problem: Problem) -> Self {
        CommonRejection::Invalid {
            field: field.to_owned(),
            problem,
        }
        .into()
    }
}

/// Checks a required, bounded text field.
pub fn check_text(field: &str, value: &str, max_chars: usize) -> Result<(), Rejection> {
    if value.trim().is_empty() {
        Err(Rejection::invalid(field, Problem::Empty))
    } else if value.chars().count() > max_chars {
        Err(Rejection::invalid(field, Problem::TooLong))
    } else {
        Ok(())
    }
}
