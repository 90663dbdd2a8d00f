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

/// When a part takes place in the event's time zone, with the day named in the reader's
/// language: "Monday 15 March, 09:00 to 10:30".
fn part_when(part: &Part, tz: Tz) -> String {
    let locale = crate::i18n::language().chrono_locale();
    let day = t!("date-time-day");
    let starts = part.starts_at.with_timezone(&tz);
    let ends = part.ends_at.with_timezone(&tz);
    let end = if starts.date_naive() == ends.date_naive() {
        ends.format("%H:%M").to_string()
    } else {
        ends.format_localized(&day, locale).to_string()
    };
    t!(
        "event-when-days",
        start = starts.format_localized(&day, locale).to_string(),
        end = end
    )
}

/// The programme section; `attending` is the mode of a confirmed participant's seat, so
/// that the parts they attend (all in person, the streamed ones virtually) are marked.
/// `lang` is the language the parts are written in, when the event names one.
pub fn programme(parts: &[Part], tz: Tz, attending: Option<Mode>, lang: Option<&str>) -> Markup {
    if parts.is_empty() {
        return html! {};
    }
    let any_streamed = parts.iter().any(|p| p.streamed);
    html! {
        section.programme aria-labelledby="programme-title" {
            h2 #programme-title { (t!("programme-title")) }
            p.hint {
                (t!("programme-times-in", zone = tz.name()))
                @if any_streamed && attending != Some(Mode::InPerson) { " " (t!("programme-streamed-hint")) }
            }
            ol.parts {
                @for part in parts {
                    li.part {
                        h3 lang=[lang] { (part.title) }
                        p.part-time {
                            time datetime=(part.starts_at.to_rfc3339()) { (part_when(part, tz)) }
                            span.local-time hidden data-local-start=(part.starts_at.to_rfc3339()) data-local-end=(part.ends_at.to_rfc3339()) data-zone=(tz.name()) {
                                " (" (t!("programme-your-time")) " " span.local-time-text {} ")"
                            }
                        }
                        p.part-badges {
                            @if part.streamed { span.badge.open { (t!("programme-streamed")) } } @else { span.badge { (t!("programme-room-only")) } }
                            @match attending {
                                Some(Mode::Virtual) if part.streamed => { " " span.badge.open { (t!("programme-you-can-follow")) } }
                                Some(Mode::Virtual) => { " " span.badge.closed { (t!("programme-not-streamed")) } }
                                _ => {}
                            }
                        }
                        @if !part.description.is_empty() { div.part-description lang=[lang] { (part_description(&part.description)) } }
                    }
                }
            }
        }
    }
}
