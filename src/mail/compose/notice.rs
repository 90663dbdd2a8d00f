//! The words of the email that tells people what changed in their event: each change as
//! the old value and the new, times in the event's own zone.

use super::{seat_words, EventFacts};
use crate::domain::notices::{Change, PartFacts};
use crate::domain::Mode;

/// The name of what a change is about, as a subject lists it.
fn topic_words(change: &Change) -> String {
    match change {
        Change::StartsAt { .. } | Change::EndsAt { .. } => t!("mail-topic-time"),
        Change::Venue { .. } => t!("mail-topic-venue"),
        Change::MeetingUrl { .. } => t!("mail-topic-meeting-link"),
        Change::PartAdded { .. } | Change::PartRemoved { .. } | Change::PartChanged { .. } => {
            t!("mail-topic-programme")
        }
    }
}

/// "In the Picture has changed: time and venue".
pub(super) fn subject(title: &str, changes: &[Change]) -> String {
    let mut topics: Vec<String> = Vec::new();
    for change in changes {
        let words = topic_words(change);
        if !topics.contains(&words) {
            topics.push(words);
        }
    }
    match topics.split_last() {
        Some((last, [])) => t!(
            "mail-changed-subject-one",
            title = title,
            topic = last.as_str()
        ),
        Some((last, rest)) => t!(
            "mail-changed-subject-many",
            title = title,
            topics = rest.join(", "),
            last = last.as_str()
        ),
        None => t!("mail-changed-subject", title = title),
    }
}

fn when(event: &EventFacts<'_>, part: &PartFacts) -> String {
    event.span_of_part(part.starts_at, part.ends_at)
}

fn or_none(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.to_owned(),
        _ => t!("mail-change-none"),
    }
}

/// One line per change: what it was, and what it is now.
pub fn lines(event: &EventFacts<'_>, changes: &[Change]) -> Vec<String> {
    let streamed = |p: &PartFacts| match p.streamed {
        true => format!(" {}", t!("mail-streamed")),
        false => String::new(),
    };
    changes
        .iter()
        .map(|change| match change {
            Change::StartsAt { from, to } => t!(
                "mail-change-starts",
                from = event.local(*from),
                to = event.local(*to)
            ),
            Change::EndsAt { from, to } => t!(
                "mail-change-ends",
                from = event.local(*from),
                to = event.local(*to)
            ),
            Change::Venue { from, to } => t!(
                "mail-change-venue",
                from = or_none(Some(from)),
                to = or_none(Some(to))
            ),
            Change::MeetingUrl { from, to } => t!(
                "mail-change-meeting-link",
                from = or_none(from.as_deref()),
                to = or_none(to.as_deref())
            ),
            Change::PartAdded { part } => t!(
                "mail-change-part-added",
                part = part.title.as_str(),
                when = when(event, part) + &streamed(part)
            ),
            Change::PartRemoved { part } => t!(
                "mail-change-part-removed",
                part = part.title.as_str(),
                when = when(event, part)
            ),
            Change::PartChanged { from, to } => {
                let mut line = format!("{}: {} → {}", to.title, when(event, from), when(event, to));
                match (from.streamed, to.streamed) {
                    (false, true) => {
                        line.push_str(&format!(", {}", t!("mail-change-now-streamed")))
                    }
                    (true, false) => {
                        line.push_str(&format!(", {}", t!("mail-change-no-longer-streamed")))
                    }
                    _ => {}
                }
                line
            }
        })
        .collect()
}

pub(super) fn paragraphs(
    event: &EventFacts<'_>,
    mode: Mode,
    confirmed: bool,
    changes: &[Change],
) -> Vec<String> {
    let title = event.title;
    let zone = event.timezone.name();
    let mut paragraphs = vec![
        t!("mail-changed-intro", title = title, zone = zone),
        lines(event, changes)
            .iter()
            .map(|line| format!("- {line}"))
            .collect::<Vec<_>>()
            .join("\n"),
    ];
    if changes.iter().any(|c| c.topic() == "programme") {
        paragraphs.extend(event.programme_paragraphs(mode));
    }
    paragraphs.push(if confirmed {
        t!("mail-changed-keep", seat = seat_words(mode))
    } else {
        t!("mail-changed-held", seat = seat_words(mode))
    });
    paragraphs
}
