//! Ids of the rows a decision names, typed by what they name, so an event's id cannot be
//! passed where a registration's is meant.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An event.
    EventId
);
id_type!(
    /// One person's registration for one event.
    RegistrationId
);
id_type!(
    /// The emails one organizer command queued at once (invitations, a message).
    SendId
);
