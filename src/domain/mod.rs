//! The product in plain Rust, with no I/O: the values a registration is made of and the
//! seat ledger that decides every change of state (SPEC.md, "Registration state machine").

pub mod episode;
pub mod event_settings;
mod ids;
pub mod invitation_list;
pub mod language;
mod ledger;
pub mod notices;
pub mod programme;
pub mod questions;
pub mod reconfirmation;
pub mod reminders;
pub mod representation;
mod requests;
pub mod site;
pub mod subscriber_list;
mod values;

pub use episode::{Episode, EpisodeDraft, EpisodePatch, Speaker};
pub use event_settings::{EventDraft, EventPatch, EventSettings};
pub use ids::{EventId, RegistrationId, SendId};
pub use language::Language;
pub use ledger::{Entry, EventRules, Happening, Ledger, Notice, Reason, Refusal, Seats};
pub use programme::{Part, Programme};
pub use questions::{Answers, GivenAnswer, Question, QuestionKind, Questions};
pub use reconfirmation::{Reconfirmation, ReconfirmationDraft};
pub use reminders::{DueReminder, ReminderHours, ReminderKind};
pub use requests::{
    join_of, parse_field, parse_language, FieldErrors, Group, GroupMessage, Invitee, Join,
    PersonalAction, MESSAGE_MAX, SUBJECT_MAX,
};
pub use site::{SiteDraft, SiteIdentity};
pub use values::{
    normalise_email, Affiliation, Email, Mode, ParseError, PersonName, Phase, Preference, Role,
    SendKind, Slug, Status, TimeZoneName, AFFILIATION_MAX, RESERVED_SLUGS,
};
