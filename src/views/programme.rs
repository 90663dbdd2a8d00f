//! The programme of an event as its pages show it: each part with its times in the
//! event's time zone (the script adds the visitor's own), whether it is streamed, and
//! for a confirmed participant which parts they attend.

use chrono_tz::Tz;
use maud::{html, Markup};

use crate::domain::{Mode, Part};

/// A part's description as text paragraphs (every description is rendered here, so its
/// markup is decided in one place).
pub fn part_description(text: &str) -> Markup {
    html! {
        @for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            p { (paragraph) }
        }
    }
}

/// The programme section; `attending` is the mode of a confirmed participant's seat, so
/// that the parts they attend (all in person, the streamed ones virtually) are marked.
pub fn programme(parts: &[Part], tz: Tz, attending: Option<Mode>) -> Markup {
    if parts.is_empty() {
        return html! {};
    }
    let any_streamed = parts.iter().any(|p| p.streamed);
    html! {
        section.programme aria-labelledby="programme-title" {
            h2 #programme-title { "Programme" }
            p.hint {
                "Times in " (tz.name()) "."
                @if any_streamed && attending != Some(Mode::InPerson) { " Parts marked streamed can be followed online." }
            }
            ol.parts {
                @for part in parts {
                    li.part {
                        h3 { (part.title) }
                        p.part-time {
                            time datetime=(part.starts_at.to_rfc3339()) { (part.when_in(tz)) }
                            span.local-time hidden data-local-start=(part.starts_at.to_rfc3339()) data-local-end=(part.ends_at.to_rfc3339()) data-zone=(tz.name()) {
                                " (your time: " span.local-time-text {} ")"
                            }
                        }
                        p.part-badges {
                            @if part.streamed { span.badge.open { "Streamed" } } @else { span.badge { "In the room only" } }
                            @match attending {
                                Some(Mode::Virtual) if part.streamed => { " " span.badge.open { "You can follow this online" } }
                                Some(Mode::Virtual) => { " " span.badge.closed { "Not streamed: in the room only" } }
                                _ => {}
                            }
                        }
                        @if !part.description.is_empty() { div.part-description { (part_description(&part.description)) } }
                    }
                }
            }
        }
    }
}
