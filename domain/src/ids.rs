//! Typed identifiers. Every entity id is a UUID made by whoever creates the
//! entity (the browser for its own commands, the server for demo data), so
//! commands can name new entities before the server has seen them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $name(pub Uuid);

        impl $name {
            /// The id with these 128 bits (tests and fixtures).
            pub const fn from_u128(value: u128) -> Self {
                Self(Uuid::from_u128(value))
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }

        impl From<$name> for Uuid {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An organisation (a public administration): the unit of storage and sync.
    OrgId
);
id_type!(
    /// A team (an office, a unit) inside an organisation.
    TeamId
);
id_type!(
    /// A person: employee, lead, trainer and/or administrator.
    PersonId
);
id_type!(
    /// An individual agile-work agreement.
    AgreementId
);
id_type!(
    /// One request for agile days (one day, or a recurring series).
    RequestId
);
id_type!(
    /// A leave or absence period.
    AbsenceId
);
id_type!(
    /// An objective (work by objectives).
    ObjectiveId
);
id_type!(
    /// A key result of an objective.
    KeyResultId
);
id_type!(
    /// A webinar session.
    SessionId
);
id_type!(
    /// A training path: an ordered list of sessions.
    PathId
);
