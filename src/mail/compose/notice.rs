//! The words of the email that tells people what changed in their event: each change as
//! the old value and the new, times in the event's own zone.

use chrono_tz::Tz;

use super::{seat_words, EventFacts};
use crate::domain::notices::{Change, PartFacts};
use crate::domain::{Mode, Part};

/// "In the Picture has changed: time and venue".
pub(super) fn subject(title: &str, changes: &[Change]) -> String {
    let mut topics: Vec<&str> = Vec::new();
    for change in changes {
        if !topics.contains(&change.topic()) {
            topics.push(change.topic());
        }
    }
    match topics.split_last() {
        Some((last, [])) => format!("{title} has changed: {last}"),
        Some((last, rest)) => format!("{title} has changed: {} and {last}", rest.join(", ")),
        None => format!("{title} has changed"),
    }
}

fn when(part: &PartFacts, tz: Tz) -> String {
    Part {
        title: part.title.clone(),
        starts_at: part.starts_at,
        ends_at: part.ends_at,
        streamed: part.streamed,
        description: String::new(),
    }
    .when_in(tz)
}

fn or_none(value: Option<&str>) -> &str {
    match value {
        Some(v) if !v.trim().is_empty() => v,
        _ => "(none)",
    }
}

/// One line per change: what it was, and what it is now.
pub fn lines(event: &EventFacts<'_>, changes: &[Change]) -> Vec<String> {
    let tz = event.timezone;
    let streamed = |p: &PartFacts| if p.streamed { " (streamed)" } else { "" };
    changes
        .iter()
        .map(|change| match change {
            Change::StartsAt { from, to } => {
                format!("Starts: {} → {}", event.local(*from), event.local(*to))
            }
            Change::EndsAt { from, to } => {
                format!("Ends: {} → {}", event.local(*from), event.local(*to))
            }
            Change::Venue { from, to } => {
                format!("Venue: {} → {}", or_none(Some(from)), or_none(Some(to)))
            }
            Change::MeetingUrl { from, to } => format!(
                "Meeting link: {} → {}",
                or_none(from.as_deref()),
                or_none(to.as_deref())
            ),
            Change::PartAdded { part } => format!(
                "Added to the programme: {}, {}{}",
                part.title,
                when(part, tz),
                streamed(part)
            ),
            Change::PartRemoved { part } => format!(
                "Removed from the programme: {}, {}",
                part.title,
                when(part, tz)
            ),
            Change::PartChanged { from, to } => {
                let mut line = format!("{}: {} → {}", to.title, when(from, tz), when(to, tz));
                match (from.streamed, to.streamed) {
                    (false, true) => line.push_str(", now streamed"),
                    (true, false) => line.push_str(", no longer streamed"),
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
        format!("The organizers have changed {title}. What changed for you (times in {zone}):"),
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
        format!(
            "You keep {}. The attached calendar file replaces the one you had. If you cannot come now, please cancel on your personal page, so that the seat can go to someone else.",
            seat_words(mode)
        )
    } else {
        format!(
            "We are still holding {} for you: please accept or decline on your personal page.",
            seat_words(mode)
        )
    });
    paragraphs
}
