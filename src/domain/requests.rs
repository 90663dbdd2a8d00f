//! What commands carry: the settings of an event, invitees, a join, whom a message goes
//! to and what a person does from their link, each already parsed into domain values;
//! and the field errors reported when parsing fails.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{
    Affiliation, Email, Entry, Mode, ParseError, PersonName, Phase, Preference, Slug, Status,
};

/// Field name -> messages, as the API reports them.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

#[derive(Debug, Clone)]
pub struct EventSettings {
    pub slug: Slug,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub venue: String,
    pub meeting_url: Option<String>,
    pub in_person_capacity: u32,
    pub virtual_capacity: Option<u32>,
    pub phase: Phase,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,
}

/// A change to some settings of an event; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EventPatch {
    pub slug: Option<Slug>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub timezone: Option<Tz>,
    pub venue: Option<String>,
    pub meeting_url: Option<Option<String>>,
    pub in_person_capacity: Option<u32>,
    pub virtual_capacity: Option<Option<u32>>,
    pub phase: Option<Phase>,
    pub offer_window_hours: Option<u32>,
    pub invitation_window_days: Option<u32>,
    pub auto_confirm: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Invitee {
    pub email: Email,
    pub name: PersonName,
    pub mode: Option<Mode>,
}

#[derive(Debug, Clone)]
pub struct Join {
    pub email: Email,
    pub name: PersonName,
    pub affiliation: Option<String>,
    pub preference: Preference,
}

/// Whom an organizer's message goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    ConfirmedInPerson,
    ConfirmedVirtual,
    Waiting,
    /// Everyone invited, offered, confirmed or waiting.
    Everyone,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::ConfirmedInPerson,
        Group::ConfirmedVirtual,
        Group::Waiting,
        Group::Everyone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::ConfirmedInPerson => "confirmed_in_person",
            Group::ConfirmedVirtual => "confirmed_virtual",
            Group::Waiting => "waiting",
            Group::Everyone => "everyone",
        }
    }

    pub fn parse(text: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == text)
    }

    pub fn includes(self, entry: &Entry) -> bool {
        match self {
            Group::ConfirmedInPerson => {
                entry.status == Status::Confirmed && entry.mode == Some(Mode::InPerson)
            }
            Group::ConfirmedVirtual => {
                entry.status == Status::Confirmed && entry.mode == Some(Mode::Virtual)
            }
            Group::Waiting => entry.status == Status::Waitlisted,
            Group::Everyone => true,
        }
    }
}

/// What a person can do from their personal link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalAction {
    ConfirmEmail,
    Accept(Option<Mode>),
    Decline,
    Cancel,
    Switch(Mode),
    WaitFor(Mode),
    LeaveWait,
    Erase,
}

/// The value, or its parse error noted under `field`.
pub fn parse_field<T>(
    errors: &mut FieldErrors,
    field: &str,
    result: Result<T, ParseError>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(e) => {
            errors.entry(field.to_owned()).or_default().push(e.0);
            None
        }
    }
}

/// A join as the public form and the API submit it, every bad field named at once.
pub fn join_of(
    email: &str,
    name: &str,
    affiliation: Option<&str>,
    preference: Preference,
    consent: bool,
) -> Result<Join, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = parse_field(&mut errors, "email", Email::parse(email));
    let name = parse_field(&mut errors, "name", PersonName::parse(name));
    let affiliation = parse_field(&mut errors, "affiliation", Affiliation::parse(affiliation));
    if !consent {
        errors
            .entry("consent".into())
            .or_default()
            .push("you must agree to the privacy notice to join".into());
    }
    match (email, name, affiliation) {
        (Some(email), Some(name), Some(affiliation)) if errors.is_empty() => Ok(Join {
            email,
            name,
            affiliation: affiliation.into_inner(),
            preference,
        }),
        _ => Err(errors),
    }
}
