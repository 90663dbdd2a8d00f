//! The `.ics` files: sent with a confirmation, a mode change, a change of the event and a
//! cancellation, offered on the personal page (a cancelling one once it has ended), and exported for organizers. A calendar app keeps an entry per
//! `UID` and replaces it with a file whose `SEQUENCE` is higher, so each registration (and
//! each event, for organizers) has one UID everywhere, and its sequence grows with every
//! change of the registration or its event.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use crate::domain::{Mode, Part};

/// What an emailed calendar file asks of the calendar app (iTIP, RFC 5546); the email's
/// MIME part names the same method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add the entry, or replace the one of the same UID with a lower SEQUENCE.
    Publish,
    /// Remove the entry of the same UID.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Cancel => "CANCEL",
        }
    }
}

pub struct CalendarEntry<'a> {
    pub uid: String,
    /// Raised on every change (see [`sequence`]).
    pub sequence: u32,
    pub title: String,
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: &'a str,
    pub url: &'a str,
}

/// The UID of a participant's entry, the same in every email and download.
pub fn registration_uid(registration_id: i64, host: &str) -> String {
    format!("registration-{registration_id}@{host}")
}

/// The UID of an event in the organizers' exports and feed.
pub fn event_uid(event_id: i64, host: &str) -> String {
    format!("event-{event_id}@{host}")
}

/// The host part of UIDs: that of the public address.
pub fn uid_host(public_url: &str) -> String {
    url::Url::parse(public_url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".into())
}

/// The SEQUENCE of a file from the number of audit entries of the registration and of
/// its event up to the moment it shows: each change writes one, and none is removed
/// while the event has personal data.
pub fn sequence(changes: i64) -> u32 {
    // An iCalendar integer is signed 32-bit.
    changes.clamp(0, i64::from(i32::MAX)) as u32
}

/// The UID of one part of a programme in a participant's file: the registration's, with
/// the part's place (1-based), so each part is an entry of its own in a calendar app.
pub fn part_uid(uid: &str, n: usize) -> String {
    match uid.split_once('@') {
        Some((local, host)) => format!("{local}-part-{n}@{host}"),
        None => format!("{uid}-part-{n}"),
    }
}

/// A participant's entries: one per part of the programme they attend (every part in
/// person, the streamed ones virtually, every part when `mode` is `None`, as a
/// cancellation takes them all back), or the whole event when it has no programme.
pub fn participant_entries<'a>(
    whole: CalendarEntry<'a>,
    parts: &'a [Part],
    mode: Option<Mode>,
) -> Vec<CalendarEntry<'a>> {
    if parts.is_empty() {
        return vec![whole];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| mode != Some(Mode::Virtual) || p.streamed)
        .map(|(i, p)| CalendarEntry {
            uid: part_uid(&whole.uid, i + 1),
            sequence: whole.sequence,
            title: format!("{}: {}", whole.title, p.title),
            description: &p.description,
            starts_at: p.starts_at,
            ends_at: p.ends_at,
            location: whole.location,
            url: whole.url,
        })
        .collect()
}

/// A file to download or subscribe to: no METHOD, as it travels in no scheduling message.
pub fn ics(entry: &CalendarEntry<'_>) -> String {
    calendar(&entry.title, std::slice::from_ref(entry), None, None)
}

/// A file of several entries to download (a participant's parts of the programme).
pub fn ics_of(name: &str, entries: &[CalendarEntry<'_>]) -> String {
    calendar(name, entries, None, None)
}

/// A file to download that takes back a participant's entries: METHOD:CANCEL, each
/// entry CANCELLED, so a calendar app that imports it removes the entries of the same UID.
pub fn ics_cancelled(name: &str, entries: &[CalendarEntry<'_>]) -> String {
    calendar(name, entries, Some(Method::Cancel), None)
}

/// A file to attach to an email, with the METHOD its MIME part names and the ORGANIZER
/// (the sender: name and address) that RFC 5546 requires of PUBLISH and CANCEL.
pub fn ics_for_email(
    name: &str,
    entries: &[CalendarEntry<'_>],
    method: Method,
    organizer: (Option<&str>, &str),
) -> String {
    calendar(name, entries, Some(method), Some(organizer))
}

/// The method named by an emailed calendar file, for its MIME part.
pub fn method_of(ics: &str) -> Method {
    match ics
        .lines()
        .find_map(|line| line.strip_prefix("METHOD:"))
        .map(str::trim)
    {
        Some("CANCEL") => Method::Cancel,
        _ => Method::Publish,
    }
}

fn calendar(
    name: &str,
    entries: &[CalendarEntry<'_>],
    method: Option<Method>,
    organizer: Option<(Option<&str>, &str)>,
) -> String {
    let mut calendar = Calendar::new();
    if let Some(method) = method {
        calendar.append_property(("METHOD", method.as_str()));
    }
    calendar.name(name);
    for entry in entries {
        calendar.push(vevent(entry, method, organizer));
    }
    calendar.done().to_string()
}

fn vevent(
    entry: &CalendarEntry<'_>,
    method: Option<Method>,
    organizer: Option<(Option<&str>, &str)>,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&entry.uid)
        .sequence(entry.sequence)
        .summary(&entry.title)
        .description(entry.description)
        .starts(entry.starts_at)
        .ends(entry.ends_at)
        .location(entry.location)
        .url(entry.url);
    if let Some((name, address)) = organizer {
        let mut property = Property::new("ORGANIZER", format!("mailto:{address}"));
        if let Some(name) = name.map(|name| name.replace('"', "")) {
            property.add_parameter("CN", &name);
        }
        event.append_property(property.done());
    }
    if method == Some(Method::Cancel) {
        event.status(EventStatus::Cancelled);
    }
    event.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(sequence: u32) -> CalendarEntry<'static> {
        CalendarEntry {
            uid: registration_uid(7, "example.org"),
            sequence,
            title: "In the Picture".into(),
            description: "A workshop",
            starts_at: Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2027, 3, 15, 16, 0, 0).unwrap(),
            location: "Amsterdam",
            url: "http://localhost/r/abc",
        }
    }

    /// Properties as (name, value).
    type Properties = Vec<(String, String)>;

    /// The calendar's own properties and its one event's, as the icalendar parser reads
    /// them.
    fn parsed(text: &str) -> (Properties, Properties) {
        let (calendar, mut events) = parsed_all(text);
        assert_eq!(events.len(), 1, "{text}");
        (calendar, events.remove(0))
    }

    /// The calendar's own properties and each of its events'.
    fn parsed_all(text: &str) -> (Properties, Vec<Properties>) {
        let unfolded = icalendar::parser::unfold(text);
        let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
        let pairs = |properties: &[icalendar::parser::Property<'_>]| {
            properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
                .collect::<Vec<_>>()
        };
        let events: Vec<_> = calendar
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        (
            pairs(&calendar.properties),
            events.iter().map(|e| pairs(&e.properties)).collect(),
        )
    }

    fn value<'a>(properties: &'a [(String, String)], name: &str) -> Option<&'a str> {
        properties
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn the_calendar_file_names_the_event_and_its_times_in_utc() {
        let text = ics(&entry(3));
        let (calendar, event) = parsed(&text);
        assert_eq!(value(&event, "SUMMARY"), Some("In the Picture"));
        assert_eq!(value(&event, "DTSTART"), Some("20270315T080000Z"));
        assert_eq!(value(&event, "UID"), Some("registration-7@example.org"));
        assert_eq!(value(&event, "SEQUENCE"), Some("3"));
        assert_eq!(
            value(&calendar, "METHOD"),
            None,
            "a download is no iTIP message"
        );
    }

    #[test]
    fn an_emailed_file_publishes_with_its_organizer() {
        let text = ics_for_email(
            "In the Picture",
            &[entry(4)],
            Method::Publish,
            (Some("Workshop, team"), "registrar@example.org"),
        );
        let (calendar, event) = parsed(&text);
        assert_eq!(value(&calendar, "METHOD"), Some("PUBLISH"));
        assert_eq!(method_of(&text), Method::Publish);
        assert_eq!(
            value(&event, "ORGANIZER"),
            Some("mailto:registrar@example.org")
        );
        assert!(
            text.contains("ORGANIZER;CN=\"Workshop, team\":mailto:"),
            "{text}"
        );
        assert_eq!(value(&event, "STATUS"), None);
    }

    #[test]
    fn a_cancellation_cancels_the_same_entry() {
        let text = ics_for_email(
            "In the Picture",
            &[entry(9)],
            Method::Cancel,
            (None, "registrar@example.org"),
        );
        let (calendar, event) = parsed(&text);
        assert_eq!(value(&calendar, "METHOD"), Some("CANCEL"));
        assert_eq!(method_of(&text), Method::Cancel);
        assert_eq!(value(&event, "STATUS"), Some("CANCELLED"));
        assert_eq!(value(&event, "UID"), Some("registration-7@example.org"));
        assert_eq!(value(&event, "SEQUENCE"), Some("9"));
    }

    #[test]
    fn a_downloaded_cancellation_cancels_the_same_entry() {
        let text = ics_cancelled("In the Picture", &[entry(5)]);
        let (calendar, event) = parsed(&text);
        assert_eq!(value(&calendar, "METHOD"), Some("CANCEL"));
        assert_eq!(value(&event, "STATUS"), Some("CANCELLED"));
        assert_eq!(value(&event, "UID"), Some("registration-7@example.org"));
    }

    #[test]
    fn a_participant_has_an_entry_per_part_they_attend() {
        let at = |h| Utc.with_ymd_and_hms(2027, 3, 15, h, 0, 0).unwrap();
        let part = |title: &str, from, to, streamed| Part {
            title: title.into(),
            starts_at: at(from),
            ends_at: at(to),
            streamed,
            description: String::new(),
        };
        let parts = [part("Talks", 9, 10, true), part("Groups", 10, 12, false)];
        let in_person = participant_entries(entry(2), &parts, Some(Mode::InPerson));
        let online = participant_entries(entry(2), &parts, Some(Mode::Virtual));
        let (_, events) = parsed_all(&ics_of("In the Picture", &in_person));
        assert_eq!(events.len(), 2);
        assert_eq!(value(&events[1], "SUMMARY"), Some("In the Picture: Groups"));
        assert_eq!(value(&events[1], "DTSTART"), Some("20270315T100000Z"));
        assert_eq!(
            value(&events[0], "UID"),
            Some("registration-7-part-1@example.org")
        );
        let (_, events) = parsed_all(&ics_of("In the Picture", &online));
        assert_eq!(events.len(), 1);
        assert_eq!(value(&events[0], "SUMMARY"), Some("In the Picture: Talks"));
        assert_eq!(
            participant_entries(entry(2), &[], Some(Mode::Virtual)).len(),
            1
        );
    }

    #[test]
    fn uids_name_the_public_host() {
        assert_eq!(
            uid_host("https://workshop.example.org/base"),
            "workshop.example.org"
        );
        assert_eq!(uid_host("not a url"), "localhost");
        assert_eq!(event_uid(3, "h"), "event-3@h");
        assert_eq!(sequence(12), 12);
        assert_eq!(sequence(i64::MAX), i32::MAX as u32);
    }
}
