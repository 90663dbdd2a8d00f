//! The words of every participant email. Each kind is drafted once as a subject, a few
//! paragraphs and an action; the plain-text and HTML parts are both rendered from that
//! draft, so they never say different things.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use maud::{html, DOCTYPE};

use super::calendar::{ics, CalendarEntry};
use crate::domain::Mode;

/// What an email needs to know about its event.
pub struct EventFacts<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub venue: &'a str,
    pub meeting_url: Option<&'a str>,
}

impl EventFacts<'_> {
    pub fn local(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.timezone)
            .format("%A %-d %B %Y, %H:%M")
            .to_string()
            + &format!(" ({})", self.timezone.name())
    }

    fn when(&self) -> String {
        let starts = self.starts_at.with_timezone(&self.timezone);
        let ends = self.ends_at.with_timezone(&self.timezone);
        if starts.date_naive() == ends.date_naive() {
            format!(
                "{} to {} ({})",
                starts.format("%A %-d %B %Y, %H:%M"),
                ends.format("%H:%M"),
                self.timezone.name()
            )
        } else {
            format!(
                "{} to {}",
                self.local(self.starts_at),
                self.local(self.ends_at)
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MailKind {
    ConfirmAddress,
    LinkAgain,
    Invitation { mode: Mode, until: DateTime<Utc> },
    Confirmation { mode: Mode },
    WaitingListPlace { position: Option<u32> },
    SeatOffer { mode: Mode, until: DateTime<Utc> },
    Lapsed { mode: Mode },
    Cancellation,
    ModeChanged { mode: Mode },
}

impl MailKind {
    pub fn name(&self) -> &'static str {
        match self {
            MailKind::ConfirmAddress => "confirm_address",
            MailKind::LinkAgain => "personal_link",
            MailKind::Invitation { .. } => "invitation",
            MailKind::Confirmation { .. } => "confirmation",
            MailKind::WaitingListPlace { .. } => "waiting_list_place",
            MailKind::SeatOffer { .. } => "seat_offer",
            MailKind::Lapsed { .. } => "offer_lapsed",
            MailKind::Cancellation => "cancellation",
            MailKind::ModeChanged { .. } => "mode_changed",
        }
    }
}

/// A finished email, ready for the outbox.
#[derive(Debug, Clone)]
pub struct Composed {
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub calendar: Option<String>,
}

struct Draft {
    subject: String,
    paragraphs: Vec<String>,
    action: &'static str,
}

fn seat_words(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "a seat in the room",
        Mode::Virtual => "a virtual seat",
    }
}

fn draft(kind: &MailKind, event: &EventFacts<'_>) -> Draft {
    let title = event.title;
    let when = event.when();
    match kind {
        MailKind::ConfirmAddress => Draft {
            subject: format!("Please confirm your address for {title}"),
            paragraphs: vec![
                format!("Thank you for your interest in {title} ({when})."),
                "Please confirm your email address with the link below. Your place in line counts from the moment you confirm.".into(),
                "If you did not ask for this, you can ignore this email.".into(),
            ],
            action: "Confirm my address",
        },
        MailKind::LinkAgain => Draft {
            subject: format!("Your registration link for {title}"),
            paragraphs: vec![
                format!("You asked for your registration for {title} ({when}) again."),
                "Your personal page shows your status and what you can do.".into(),
            ],
            action: "Open my registration",
        },
        MailKind::Invitation { mode, until } => Draft {
            subject: format!("You are invited to {title}: please answer by {}", event.local(*until)),
            paragraphs: vec![
                format!("You are invited to {title}, {when}."),
                format!(
                    "We are holding {} for you until {}. You can accept in person or virtually, or decline, on your personal page.",
                    seat_words(*mode),
                    event.local(*until)
                ),
                "If you cannot come, please decline so that the seat can go to someone else.".into(),
            ],
            action: "Answer the invitation",
        },
        MailKind::Confirmation { mode } => {
            let mut paragraphs = vec![
                format!("You have {} at {title}, {when}.", seat_words(*mode)),
            ];
            match mode {
                Mode::InPerson if !event.venue.is_empty() => {
                    paragraphs.push(format!("Venue: {}.", event.venue))
                }
                Mode::Virtual => paragraphs.push(match event.meeting_url {
                    Some(url) => format!("Join online: {url}"),
                    None => "The meeting link will be on your personal page before the event.".into(),
                }),
                _ => {}
            }
            paragraphs.push("The calendar file attached puts the event in your calendar. If your plans change, please cancel on your personal page so that the seat can go to someone else.".into());
            Draft {
                subject: format!("You have a seat at {title}"),
                paragraphs,
                action: "See my registration",
            }
        }
        MailKind::WaitingListPlace { position } => Draft {
            subject: format!("You are on the waiting list for {title}"),
            paragraphs: vec![
                format!("Your address is confirmed and you are on the waiting list for {title}, {when}."),
                match position {
                    Some(p) => format!("Your place in line is {p}. When a seat frees up, we offer it to the next person in line by email."),
                    None => "When a seat frees up, we offer it to the next person in line by email.".into(),
                },
                "Your personal page always shows your current place.".into(),
            ],
            action: "See my place in line",
        },
        MailKind::SeatOffer { mode, until } => Draft {
            subject: format!("A seat is free for you until {}", event.local(*until)),
            paragraphs: vec![
                format!("Good news: {} at {title} ({when}) is free for you.", seat_words(*mode)),
                format!("Please accept it by {}; after that it goes to the next person in line.", event.local(*until)),
            ],
            action: "Accept or decline the seat",
        },
        MailKind::Lapsed { mode } => Draft {
            subject: format!("The seat held for you at {title} has gone to the next person"),
            paragraphs: vec![
                format!("The deadline to answer for {} at {title} has passed, so it has been passed on.", seat_words(*mode)),
                "You can join the waiting list again from the event page at any time.".into(),
            ],
            action: "See my registration",
        },
        MailKind::Cancellation => Draft {
            subject: format!("Your registration for {title} is cancelled"),
            paragraphs: vec![
                format!("Your registration for {title} ({when}) is cancelled, and any seat you held has gone to the next person in line."),
                "You are welcome to register again from the event page.".into(),
            ],
            action: "See my registration",
        },
        MailKind::ModeChanged { mode } => Draft {
            subject: format!("You now attend {title} {}", mode.label()),
            paragraphs: vec![
                format!("Your seat at {title} ({when}) is now {}.", seat_words(*mode)),
                match (mode, event.meeting_url) {
                    (Mode::Virtual, Some(url)) => format!("Join online: {url}"),
                    (Mode::InPerson, _) if !event.venue.is_empty() => format!("Venue: {}.", event.venue),
                    _ => "Your personal page has the details.".into(),
                },
            ],
            action: "See my registration",
        },
    }
}

/// Writes the email of `kind` for `name` with the personal `link`.
pub fn compose(
    kind: &MailKind,
    event: &EventFacts<'_>,
    name: &str,
    link: &str,
    calendar_uid: &str,
) -> Composed {
    let draft = draft(kind, event);
    let mut text = format!("Dear {name},\n\n");
    for paragraph in &draft.paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str(&format!("{}: {link}\n\n", draft.action));
    text.push_str("This link is personal: please do not forward it.\n");

    let html = html! {
        (DOCTYPE)
        html lang="en" {
            head { meta charset="utf-8"; title { (draft.subject) } }
            body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem;" {
                p { "Dear " (name) "," }
                @for paragraph in &draft.paragraphs { p { (paragraph) } }
                p {
                    a href=(link) style="display: inline-block; padding: 0.6em 1.2em; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;" {
                        (draft.action)
                    }
                }
                p style="font-size: 0.9em; color: #444;" {
                    "Or open this address: " a href=(link) { (link) } br;
                    "This link is personal: please do not forward it."
                }
            }
        }
    }
    .into_string();

    let calendar = matches!(
        kind,
        MailKind::Confirmation { .. } | MailKind::ModeChanged { .. }
    )
    .then(|| {
        ics(&CalendarEntry {
            uid: calendar_uid.to_owned(),
            title: event.title,
            description: event.description,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            location: match kind {
                MailKind::Confirmation {
                    mode: Mode::Virtual,
                }
                | MailKind::ModeChanged {
                    mode: Mode::Virtual,
                } => event.meeting_url.unwrap_or("Online"),
                _ => event.venue,
            },
            url: link,
        })
    });

    Composed {
        kind: kind.name(),
        subject: draft.subject,
        text,
        html,
        calendar,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn facts() -> EventFacts<'static> {
        EventFacts {
            title: "In the Picture",
            description: "",
            starts_at: Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2027, 3, 15, 16, 0, 0).unwrap(),
            timezone: chrono_tz::Europe::Amsterdam,
            venue: "Science Park",
            meeting_url: Some("https://meet.example.org/x"),
        }
    }

    #[test]
    fn every_kind_has_the_link_in_both_parts() {
        let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
        for kind in [
            MailKind::ConfirmAddress,
            MailKind::LinkAgain,
            MailKind::Invitation {
                mode: Mode::InPerson,
                until,
            },
            MailKind::Confirmation {
                mode: Mode::Virtual,
            },
            MailKind::WaitingListPlace { position: Some(3) },
            MailKind::SeatOffer {
                mode: Mode::InPerson,
                until,
            },
            MailKind::Lapsed {
                mode: Mode::InPerson,
            },
            MailKind::Cancellation,
            MailKind::ModeChanged {
                mode: Mode::Virtual,
            },
        ] {
            let mail = compose(&kind, &facts(), "Ada <b>", "http://x/r/tok", "uid");
            assert!(mail.text.contains("http://x/r/tok"), "{kind:?}");
            assert!(mail.html.contains("http://x/r/tok"), "{kind:?}");
            assert!(
                mail.html.contains("Ada &lt;b&gt;"),
                "names are escaped in HTML"
            );
        }
    }

    #[test]
    fn dates_are_shown_in_the_event_time_zone() {
        let until = Utc.with_ymd_and_hms(2027, 3, 1, 11, 0, 0).unwrap();
        let mail = compose(
            &MailKind::SeatOffer {
                mode: Mode::InPerson,
                until,
            },
            &facts(),
            "Ada",
            "l",
            "u",
        );
        assert!(
            mail.subject
                .contains("Monday 1 March 2027, 12:00 (Europe/Amsterdam)"),
            "{}",
            mail.subject
        );
    }

    #[test]
    fn a_confirmation_carries_a_calendar_file_and_the_meeting_link_when_virtual() {
        let mail = compose(
            &MailKind::Confirmation {
                mode: Mode::Virtual,
            },
            &facts(),
            "Ada",
            "l",
            "u",
        );
        assert!(mail.calendar.unwrap().contains("BEGIN:VCALENDAR"));
        assert!(mail.text.contains("https://meet.example.org/x"));
        let offer = compose(&MailKind::Cancellation, &facts(), "Ada", "l", "u");
        assert!(offer.calendar.is_none());
    }
}
