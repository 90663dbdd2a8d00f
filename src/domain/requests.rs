//! What commands carry (beside an event's settings): invitees, a join, whom a message goes
//! to and what a person does from their link, each already parsed into domain values;
//! and the field errors reported when parsing fails.

use std::collections::BTreeMap;

use super::{
    Affiliation, Answers, Email, Entry, Language, Ledger, Mode, ParseError, PersonName, Preference,
    Status,
};

/// Field name -> messages, as the API reports them.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

#[derive(Debug, Clone)]
pub struct Invitee {
    pub email: Email,
    pub name: PersonName,
    /// Kept on the registration, so exports show it for the people invited.
    pub affiliation: Option<String>,
    pub mode: Option<Mode>,
    /// The language of their emails; none means the event's, else English.
    pub language: Option<Language>,
}

#[derive(Debug, Clone)]
pub struct Join {
    pub email: Email,
    pub name: PersonName,
    pub affiliation: Option<String>,
    pub preference: Preference,
    /// Checked against the event's questions (see [`Answers::parse`]).
    pub answers: Answers,
    /// The language they joined in, which their emails are written in.
    pub language: Language,
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

    /// How many of the event's people a message to this group reaches now.
    pub fn recipients(self, ledger: &Ledger) -> usize {
        ledger.entries().filter(|e| self.includes(e)).count()
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
    /// Waiting for an in-person seat, takes a free virtual one meanwhile.
    AttendVirtually,
    /// Asked to reconfirm, answers "yes, I'm coming".
    Reconfirm,
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

/// A language an organizer names (for an invitation, an event, a list): one the site
/// speaks, by its tag.
pub fn parse_language(tag: &str) -> Result<Language, ParseError> {
    Language::from_tag(tag).ok_or_else(|| {
        let tags: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
        ParseError(format!("must be one of: {}", tags.join(", ")))
    })
}

/// A join as the public form and the API submit it, every bad field named at once.
pub fn join_of(
    email: &str,
    name: &str,
    affiliation: Option<&str>,
    preference: Preference,
    consent: bool,
    language: Language,
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
            answers: Answers::default(),
            language,
        }),
        _ => Err(errors),
    }
}

pub const SUBJECT_MAX: usize = 200;
pub const MESSAGE_MAX: usize = 20_000;

/// An organizer's message to a group of an event's participants, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMessage {
    pub group: Group,
    pub subject: String,
    pub body: String,
}

impl GroupMessage {
    /// The message as typed, or each bad field named.
    pub fn parse(group: &str, subject: &str, body: &str) -> Result<GroupMessage, FieldErrors> {
        let mut errors = FieldErrors::new();
        let group = Group::parse(group);
        if group.is_none() {
            errors.insert("group".into(), vec!["choose whom to write to".into()]);
        }
        let subject = subject.trim().to_owned();
        if subject.is_empty()
            || subject.chars().count() > SUBJECT_MAX
            || subject.chars().any(char::is_control)
        {
            errors.insert(
                "subject".into(),
                vec![format!("must be 1 to {SUBJECT_MAX} characters on one line")],
            );
        }
        let body = body.replace("\r\n", "\n").trim().to_owned();
        if body.is_empty() || body.chars().count() > MESSAGE_MAX {
            errors.insert(
                "body".into(),
                vec![format!("must be 1 to {MESSAGE_MAX} characters")],
            );
        }
        match group {
            Some(group) if errors.is_empty() => Ok(GroupMessage {
                group,
                subject,
                body,
            }),
            _ => Err(errors),
        }
    }
}
