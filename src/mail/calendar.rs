//! The `.ics` file sent with a confirmation and offered on the personal page.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

pub struct CalendarEntry<'a> {
    pub uid: String,
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: &'a str,
    pub url: &'a str,
}

pub fn ics(entry: &CalendarEntry<'_>) -> String {
    let event = Event::new()
        .uid(&entry.uid)
        .summary(entry.title)
        .description(entry.description)
        .starts(entry.starts_at)
        .ends(entry.ends_at)
        .location(entry.location)
        .url(entry.url)
        .done();
    Calendar::new()
        .name(entry.title)
        .push(event)
        .done()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_calendar_file_names_the_event_and_its_times_in_utc() {
        let text = ics(&CalendarEntry {
            uid: "registration-7@example.org".into(),
            title: "In the Picture",
            description: "A workshop",
            starts_at: Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2027, 3, 15, 16, 0, 0).unwrap(),
            location: "Amsterdam",
            url: "http://localhost/r/abc",
        });
        assert!(text.contains("BEGIN:VEVENT"));
        assert!(text.contains("SUMMARY:In the Picture"));
        assert!(text.contains("DTSTART:20270315T080000Z"));
        assert!(text.contains("UID:registration-7@example.org"));
    }
}
