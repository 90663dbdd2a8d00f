//! Domain values that can only be built by parsing, so bad input is refused at the edge.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::ValidateEmail;

/// Why a value could not be parsed; the message is shown to the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

fn refuse<T>(message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(message.into()))
}

/// Addresses are compared case-insensitively with surrounding spaces trimmed (SPEC.md).
pub fn normalise_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// A normalised email address that the mailer can send to: valid by the usual rules and
/// by lettre's, and at a domain rather than at a machine's IP address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let email = normalise_email(raw);
        if email.is_empty() {
            return refuse("is required");
        }
        // `p@[127.0.0.1]` or `p@127.0.0.1`: no person's address, and relays refuse them;
        // domains without a dot (`organizer@localhost`) stay, for local setups.
        let domain = email.rsplit_once('@').map_or("", |(_, domain)| domain);
        if domain.starts_with('[') || domain.parse::<std::net::IpAddr>().is_ok() {
            return refuse("must be at a domain name, not an IP address");
        }
        // Both checks: each lets through some addresses the other refuses (lettre takes
        // quoted local parts, the validator takes `a..b@x.org`), and an address the
        // mailer cannot take would only fail later, at delivery.
        if email.len() > 254 || !email.validate_email() || email.parse::<lettre::Address>().is_err()
        {
            return refuse("is not a valid email address");
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as they want to be addressed: 1 to 200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let name = raw.trim();
        if name.is_empty() {
            return refuse("is required");
        }
        if name.chars().count() > 200 {
            return refuse("must be at most 200 characters");
        }
        if name.chars().any(char::is_control) {
            return refuse("must not contain control characters");
        }
        if name.chars().any(reorders_text) {
            return refuse("must not contain characters that reorder the text around them");
        }
        if name.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            return refuse("must hold at least one visible character");
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The most characters an affiliation may have.
pub const AFFILIATION_MAX: usize = 200;

/// Bidirectional embeddings, overrides and isolates: in a name they can make the text
/// printed after it (in a list, an email) read in another order than it is.
fn reorders_text(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room on the page: a name of only these shows as nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// An optional affiliation (institution); empty input means none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation(Option<String>);

impl Affiliation {
    pub fn parse(raw: Option<&str>) -> Result<Self, ParseError> {
        let value = raw.map(str::trim).filter(|v| !v.is_empty());
        match value {
            Some(v) if v.chars().count() > AFFILIATION_MAX => {
                refuse(format!("must be at most {AFFILIATION_MAX} characters"))
            }
            Some(v) if v.chars().any(char::is_control) => {
                refuse("must not contain control characters")
            }
            Some(v) if v.chars().any(reorders_text) => {
                refuse("must not contain characters that reorder the text around them")
            }
            other => Ok(Self(other.map(str::to_owned))),
        }
    }

    pub fn into_inner(self) -> Option<String> {
        self.0
    }
}

/// Slugs an address of the site already means something else for (`/organizer/events/new`
/// is the form that creates an event).
pub const RESERVED_SLUGS: &[&str] = &["new"];

/// The short name of an event in its address: lowercase letters, digits and dashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let ok_chars = raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if raw.is_empty() || raw.len() > 80 {
            return refuse("must be 1 to 80 characters");
        }
        if !ok_chars || raw.starts_with('-') || raw.ends_with('-') {
            return refuse("may hold only lowercase letters, digits and inner dashes");
        }
        if RESERVED_SLUGS.contains(&raw) {
            return refuse("is a word the site's own addresses use; choose another");
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An IANA time zone name such as `Europe/Amsterdam`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZoneName(pub chrono_tz::Tz);

impl TimeZoneName {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        raw.trim()
            .parse::<chrono_tz::Tz>()
            .map(Self)
            .or_else(|_| refuse("is not an IANA time zone name such as Europe/Amsterdam"))
    }
}

impl fmt::Display for TimeZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => refuse(format!(
                        "must be one of: {}",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// The two ways of attending; each has its own seats.
    Mode { InPerson => "in_person", Virtual => "virtual" }
);
text_enum!(
    /// What an organizer sent to many people at once.
    SendKind { Invitations => "invitations", Message => "message", Newsletter => "newsletter" }
);
text_enum!(
    /// What an organizer (or an API token) may do: `Owner` everything, the team too;
    /// `Organizer` everything on events; `CheckIn` the door and the participant list.
    Role { Owner => "owner", Organizer => "organizer", CheckIn => "check_in" }
);

impl Role {
    /// Whether this role may do everything `other` may (owner > organizer > check_in).
    pub fn covers(self, other: Role) -> bool {
        let rank = |role: Role| match role {
            Role::Owner => 2,
            Role::Organizer => 1,
            Role::CheckIn => 0,
        };
        rank(self) >= rank(other)
    }
}

text_enum!(
    /// Which seats a person waiting in line accepts.
    Preference { InPerson => "in_person", Virtual => "virtual", Either => "either" }
);
text_enum!(
    /// Who may register and where free seats go.
    Phase { Draft => "draft", InviteOnly => "invite_only", Open => "open", Closed => "closed" }
);
text_enum!(
    /// The state of one person's registration for one event.
    Status {
        PendingEmail => "pending_email",
        Invited => "invited",
        Waitlisted => "waitlisted",
        Offered => "offered",
        Confirmed => "confirmed",
        Declined => "declined",
        Cancelled => "cancelled",
        Expired => "expired",
        Revoked => "revoked",
    }
);

impl Mode {
    pub fn other(self) -> Mode {
        match self {
            Mode::InPerson => Mode::Virtual,
            Mode::Virtual => Mode::InPerson,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::InPerson => "in person",
            Mode::Virtual => "virtually",
        }
    }
}

impl Preference {
    pub fn accepts(self, mode: Mode) -> bool {
        matches!(
            (self, mode),
            (Preference::Either, _)
                | (Preference::InPerson, Mode::InPerson)
                | (Preference::Virtual, Mode::Virtual)
        )
    }
}

impl From<Mode> for Preference {
    fn from(mode: Mode) -> Self {
        match mode {
            Mode::InPerson => Preference::InPerson,
            Mode::Virtual => Preference::Virtual,
        }
    }
}

impl Status {
    /// Ended registrations hold nothing and wait for nothing; the person may join again.
    pub fn is_ended(self) -> bool {
        matches!(
            self,
            Status::Declined | Status::Cancelled | Status::Expired | Status::Revoked
        )
    }

    pub fn is_hold(self) -> bool {
        matches!(self, Status::Invited | Status::Offered)
    }
}

impl Phase {
    /// Phases in which freed seats go to the line by themselves.
    pub fn promotes(self) -> bool {
        matches!(self, Phase::Open | Phase::Closed)
    }

    /// Phases in which the public may add themselves.
    pub fn accepts_entries(self) -> bool {
        matches!(self, Phase::InviteOnly | Phase::Open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse("  Ada@Example.ORG ").unwrap().as_str(),
            "ada@example.org"
        );
    }

    #[test]
    fn bad_emails_are_refused() {
        for bad in ["", "   ", "no-at-sign", "a@", "@b.org", "a b@c.org"] {
            assert!(Email::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn addresses_at_an_ip_address_are_refused() {
        for bad in [
            "p@[127.0.0.1]",
            "p@[IPv6:::1]",
            "p@[::1]",
            "p@127.0.0.1",
            "p@10.0.0.7",
        ] {
            assert_eq!(
                Email::parse(bad),
                Err(ParseError(
                    "must be at a domain name, not an IP address".into()
                )),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn addresses_the_mailer_cannot_take_are_refused() {
        // Accepted by the validator, refused by lettre.
        assert!("a..b@example.org".validate_email());
        assert!(Email::parse("a..b@example.org").is_err());
        // Accepted by lettre, refused by the validator.
        assert!("\"a b\"@example.org".parse::<lettre::Address>().is_ok());
        assert!(Email::parse("\"a b\"@example.org").is_err());
    }

    #[test]
    fn ordinary_addresses_are_accepted_as_the_mailer_takes_them() {
        for good in [
            "ada@example.org",
            "ada.lovelace+workshop@sub.example.ac.uk",
            "o'brien@example.ie",
            "organizer@localhost",
        ] {
            let email = Email::parse(good).unwrap_or_else(|e| panic!("{good:?}: {e}"));
            assert!(
                email.as_str().parse::<lettre::Address>().is_ok(),
                "{good:?}"
            );
        }
    }

    #[test]
    fn names_must_be_present_and_printable() {
        assert!(PersonName::parse("  ").is_err());
        assert!(PersonName::parse("Ada\u{7}").is_err());
        assert!(PersonName::parse(&"x".repeat(201)).is_err());
        assert_eq!(
            PersonName::parse(" Ada Lovelace ").unwrap().as_str(),
            "Ada Lovelace"
        );
    }

    #[test]
    fn names_that_show_as_nothing_or_reorder_text_are_refused() {
        for bad in [
            "\u{200B}\u{200C}\u{200D}",
            " \u{FEFF} ",
            "\u{2060}\u{00AD}",
            "\u{3164}",
        ] {
            assert_eq!(
                PersonName::parse(bad),
                Err(ParseError(
                    "must hold at least one visible character".into()
                )),
                "{bad:?}"
            );
        }
        for bad in ["Ada\u{202E}gnp.exe", "\u{2066}Ada\u{2069}", "Ada\u{202A}"] {
            assert!(PersonName::parse(bad).is_err(), "{bad:?} was accepted");
            assert!(
                Affiliation::parse(Some(bad)).is_err(),
                "{bad:?} was accepted"
            );
        }
        // Scripts that join with zero-width characters keep them.
        assert!(PersonName::parse("\u{0928}\u{094D}\u{200D}").is_ok());
        assert!(PersonName::parse("\u{05E9}\u{05E8}\u{05D4} \u{05DC}\u{05D5}\u{05D9}").is_ok());
    }

    #[test]
    fn slugs_are_lowercase_words_with_dashes() {
        assert!(Slug::parse("in-the-picture-2027").is_ok());
        assert!(Slug::parse("newer").is_ok());
        for bad in ["", "-a", "a-", "A", "a b", "a/b", "new"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn text_enums_round_trip() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>().unwrap(), *status);
        }
        assert!("maybe".parse::<Mode>().is_err());
    }

    #[test]
    fn time_zones_are_iana_names() {
        assert!(TimeZoneName::parse("Europe/Amsterdam").is_ok());
        assert!(TimeZoneName::parse("Mars/Olympus").is_err());
    }
}
