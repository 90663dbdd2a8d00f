//! The words of every participant email. Each kind is drafted once as a subject, a few
//! paragraphs and an action; the plain-text and HTML parts are both rendered from that
//! draft, so they never say different things.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use maud::{html, DOCTYPE};

use super::calendar::{ics_for_email, participant_entries, CalendarEntry, Method};
use crate::domain::notices::Change;
use crate::domain::{Mode, Part};
use crate::store::events::EventRow;

/// What an email needs to know about its event.
pub struct EventFacts<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub venue: &'a str,
    pub meeting_url: Option<&'a str>,
    /// The parts of the programme, in order; empty when the event has none.
    pub programme: &'a [Part],
}

impl EventFacts<'_> {
    /// What a confirmed participant attends of the programme, streamed parts named as such.
    fn programme_paragraphs(&self, mode: Mode) -> Vec<String> {
        if self.programme.is_empty() {
            return Vec::new();
        }
        let zone = self.timezone.name();
        let line = |p: &Part| {
            let streamed = if p.streamed { " (streamed)" } else { "" };
            format!("- {}: {}{streamed}", p.when_in(self.timezone), p.title)
        };
        match mode {
            Mode::Virtual => {
                let streamed: Vec<String> =
                    self.programme.iter().filter(|p| p.streamed).map(line).collect();
                if streamed.is_empty() {
                    vec!["No part of the programme is streamed yet; your personal page will show it when one is.".into()]
                } else {
                    vec![
                        format!("You can follow the parts of the programme that are streamed ({zone}):"),
                        streamed.join("\n"),
                    ]
                }
            }
            Mode::InPerson => vec![
                format!("The programme ({zone}); the parts marked streamed can also be followed online:"),
                self.programme.iter().map(line).collect::<Vec<_>>().join("\n"),
            ],
        }
    }

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

/// What a participant email is about; stored with the email in the outbox (as JSON) and
/// written out at delivery.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "about", rename_all = "snake_case")]
pub enum MailKind {
    ConfirmAddress,
    LinkAgain,
    Invitation {
        mode: Mode,
        until: DateTime<Utc>,
    },
    Confirmation {
        mode: Mode,
    },
    WaitingListPlace {
        position: Option<u32>,
    },
    SeatOffer {
        mode: Mode,
        until: DateTime<Utc>,
    },
    Lapsed {
        mode: Mode,
    },
    Cancellation,
    ModeChanged {
        mode: Mode,
    },
    /// The event is coming (SPEC.md, "After the seat").
    Reminder {
        mode: Mode,
    },
    /// An invitation or offer still waits for an answer.
    AnswerReminder {
        mode: Mode,
        until: DateTime<Utc>,
    },
    /// "Are you still coming?", to a confirmed in-person participant.
    ReconfirmationRequest {
        until: DateTime<Utc>,
    },
    /// No answer to the reconfirmation came: the seat went on.
    ReconfirmationLapsed {
        mode: Mode,
    },
    /// The event changed in ways that concern them (SPEC.md, "After the seat"): `mode`
    /// is that of their seat (or the one held for them), `confirmed` whether the seat is
    /// theirs, and so their calendar holds the event.
    EventChanged {
        mode: Mode,
        confirmed: bool,
        changes: Vec<Change>,
    },
}

impl MailKind {
    /// Whether an email of this kind may carry a calendar file: it gives a seat, moves it,
    /// or takes it back.
    pub fn carries_calendar(&self) -> bool {
        matches!(
            self,
            MailKind::Confirmation { .. }
                | MailKind::ModeChanged { .. }
                | MailKind::Cancellation
                | MailKind::ReconfirmationLapsed { .. }
                | MailKind::EventChanged {
                    confirmed: true,
                    ..
                }
        )
    }

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
            MailKind::Reminder { .. } => "reminder",
            MailKind::AnswerReminder { .. } => "answer_reminder",
            MailKind::ReconfirmationRequest { .. } => "reconfirmation_request",
            MailKind::ReconfirmationLapsed { .. } => "reconfirmation_lapsed",
            MailKind::EventChanged { .. } => "event_changed",
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
    paragraphs: Vec<String>,
    /// Label and value lines shown as a block: when, where, the deadline.
    facts: Vec<(&'static str, String)>,
    action: &'static str,
}

fn seat_words(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "a seat in the room",
        Mode::Virtual => "a virtual seat",
    }
}

/// Where the person goes: the venue in person, the meeting online.
fn place(event: &EventFacts<'_>, mode: Option<Mode>) -> Option<(&'static str, String)> {
    match mode {
        Some(Mode::Virtual) => Some((
            "Online",
            event
                .meeting_url
                .map(str::to_owned)
                .unwrap_or_else(|| "the meeting link will be on your personal page".into()),
        )),
        _ if !event.venue.is_empty() => Some(("Where", event.venue.to_owned())),
        _ => None,
    }
}

fn facts(
    event: &EventFacts<'_>,
    mode: Option<Mode>,
    deadline: Option<DateTime<Utc>>,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![("When", event.when())];
    facts.extend(place(event, mode));
    if let Some(until) = deadline {
        facts.push(("Answer by", event.local(until)));
    }
    facts
}

/// The subject line of the email of `kind`: all the writer needs when it queues an email.
pub fn subject(kind: &MailKind, event: &EventFacts<'_>) -> String {
    let title = event.title;
    match kind {
        MailKind::ConfirmAddress => format!("Please confirm your address for {title}"),
        MailKind::LinkAgain => format!("Your registration link for {title}"),
        MailKind::Invitation { until, .. } => format!(
            "You are invited to {title}: please answer by {}",
            event.local(*until)
        ),
        MailKind::Confirmation { .. } => format!("You have a seat at {title}"),
        MailKind::WaitingListPlace { .. } => format!("You are on the waiting list for {title}"),
        MailKind::SeatOffer { until, .. } => {
            format!("A seat is free for you until {}", event.local(*until))
        }
        MailKind::Lapsed { .. } => {
            format!("The seat held for you at {title} has gone to the next person")
        }
        MailKind::Cancellation => format!("Your registration for {title} is cancelled"),
        MailKind::ModeChanged { mode } => format!("You now attend {title} {}", mode.label()),
        MailKind::Reminder { .. } => {
            format!("Reminder: {title} starts {}", event.local(event.starts_at))
        }
        MailKind::AnswerReminder { until, .. } => format!(
            "Please answer by {}: your seat at {title}",
            event.local(*until)
        ),
        MailKind::ReconfirmationRequest { until } => format!(
            "Are you still coming to {title}? Please answer by {}",
            event.local(*until)
        ),
        MailKind::ReconfirmationLapsed { .. } => {
            format!("Your seat at {title} has gone to the next person")
        }
        MailKind::EventChanged { changes, .. } => notice::subject(title, changes),
    }
}

fn draft(kind: &MailKind, event: &EventFacts<'_>) -> Draft {
    let title = event.title;
    match kind {
        MailKind::ConfirmAddress => Draft {
            paragraphs: vec![
                format!("Thank you for your interest in {title}."),
                "Please confirm your email address with the link below. Your place counts from the moment you confirm.".into(),
                "If you did not ask for this, you can ignore this email: nothing happens until the link is opened.".into(),
            ],
            facts: facts(event, None, None),
            action: "Confirm my address",
        },
        MailKind::LinkAgain => Draft {
            paragraphs: vec![
                format!("Someone, probably you, asked for your registration for {title} again."),
                "Your personal page shows your status and what you can do.".into(),
            ],
            facts: facts(event, None, None),
            action: "Open my registration",
        },
        MailKind::Invitation { mode, until } => Draft {
            paragraphs: vec![
                format!("We are pleased to invite you to {title}."),
                format!(
                    "We are holding {} for you until {}. On your personal page you can accept (in person or virtually, as seats allow) or decline.",
                    seat_words(*mode),
                    event.local(*until)
                ),
                "If you cannot come, please decline, so that the seat can go to someone else.".into(),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: "Answer the invitation",
        },
        MailKind::Confirmation { mode } => Draft {
            paragraphs: [
                vec![format!("Your registration is confirmed: you have {} at {title}.", seat_words(*mode))],
                event.programme_paragraphs(*mode),
                vec!["The attached calendar file puts the event in your calendar. If your plans change, please cancel on your personal page, so that the seat can go to someone else.".into()],
            ].concat(),
            facts: facts(event, Some(*mode), None),
            action: "See my registration",
        },
        MailKind::WaitingListPlace { position } => Draft {
            paragraphs: vec![
                format!("Your address is confirmed and you are on the waiting list for {title}."),
                match position {
                    Some(p) => format!("Your place in line is {p}. When a seat frees up, we offer it to the next person in line by email, with a deadline to accept."),
                    None => "When a seat frees up, we offer it to the next person in line by email, with a deadline to accept.".into(),
                },
                "Your personal page always shows your current place.".into(),
            ],
            facts: facts(event, None, None),
            action: "See my place in line",
        },
        MailKind::SeatOffer { mode, until } => Draft {
            paragraphs: vec![
                format!("Good news: {} at {title} is free for you.", seat_words(*mode)),
                format!("Please accept it by {}; after that it goes to the next person in line.", event.local(*until)),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: "Accept or decline the seat",
        },
        MailKind::Lapsed { mode } => Draft {
            paragraphs: vec![
                format!("The deadline to answer for {} at {title} has passed, so the seat has been passed on.", seat_words(*mode)),
                "You can join the waiting list again from the event page at any time.".into(),
            ],
            facts: facts(event, None, None),
            action: "See my registration",
        },
        MailKind::Cancellation => Draft {
            paragraphs: vec![
                format!("Your registration for {title} is cancelled, and any seat you held has gone to the next person in line."),
                "You are welcome to register again from the event page.".into(),
            ],
            facts: facts(event, None, None),
            action: "See my registration",
        },
        MailKind::ModeChanged { mode } => Draft {
            paragraphs: [
                vec![format!("Your seat at {title} is now {}.", seat_words(*mode))],
                event.programme_paragraphs(*mode),
                vec!["The attached calendar file replaces the one you had.".into()],
            ].concat(),
            facts: facts(event, Some(*mode), None),
            action: "See my registration",
        },
        MailKind::Reminder { mode } => Draft {
            paragraphs: [
                vec![format!("A reminder: {title} starts on {}, and you have {}.", event.local(event.starts_at), seat_words(*mode))],
                event.programme_paragraphs(*mode),
                vec!["If you cannot come after all, please cancel on your personal page, so that the seat can go to the next person in line.".into()],
            ].concat(),
            facts: facts(event, Some(*mode), None),
            action: "See my registration",
        },
        MailKind::AnswerReminder { mode, until } => Draft {
            paragraphs: vec![
                format!("We are still holding {} at {title} for you, until {}.", seat_words(*mode), event.local(*until)),
                "Please accept or decline on your personal page. If we hear nothing by then, the seat goes to the next person in line.".into(),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: "Answer now",
        },
        MailKind::ReconfirmationRequest { until } => Draft {
            paragraphs: vec![
                format!("{title} starts on {}, and you have {}. Are you still coming?", event.local(event.starts_at), seat_words(Mode::InPerson)),
                format!("Please answer on your personal page by {}: \"yes, I'm coming\" keeps your seat; \"no, free my seat\" gives it to the next person in line. If we hear nothing by then, the seat goes to the next person in line.", event.local(*until)),
            ],
            facts: facts(event, Some(Mode::InPerson), Some(*until)),
            action: "Answer now",
        },
        MailKind::ReconfirmationLapsed { mode } => Draft {
            paragraphs: vec![
                format!("We asked whether you are still coming to {title} and heard nothing by the deadline, so {} we held for you has gone to the next person in line.", seat_words(*mode)),
                "You can join the waiting list again from the event page at any time.".into(),
            ],
            facts: facts(event, None, None),
            action: "See my registration",
        },
        MailKind::EventChanged {
            mode,
            confirmed,
            changes,
        } => Draft {
            paragraphs: notice::paragraphs(event, *mode, *confirmed, changes),
            facts: facts(event, Some(*mode), None),
            action: if *confirmed {
                "See my registration"
            } else {
                "Answer now"
            },
        },
    }
}

/// The parts shared by every email: greeting, paragraphs, facts, one action and a footer.
struct Letter<'a> {
    subject: &'a str,
    greeting: String,
    paragraphs: &'a [String],
    /// A Markdown text after the paragraphs (a newsletter issue's body).
    markdown: Option<&'a str>,
    facts: &'a [(&'static str, String)],
    action: &'a str,
    link: &'a str,
    closing: String,
    footer: &'a str,
}

fn text_of(letter: &Letter<'_>) -> String {
    let mut text = format!("{}\n\n", letter.greeting);
    for paragraph in letter.paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    if let Some(markdown) = letter.markdown {
        text.push_str(&crate::markdown::to_text(markdown));
        text.push_str("\n\n");
    }
    for (label, value) in letter.facts {
        text.push_str(&format!("{label}: {value}\n"));
    }
    if !letter.facts.is_empty() {
        text.push('\n');
    }
    text.push_str(&format!("{}: {}\n\n", letter.action, letter.link));
    text.push_str(&format!("{}\n\n-- \n{}\n", letter.closing, letter.footer));
    text
}

fn html_of(letter: &Letter<'_>) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (letter.subject) }
            }
            body style="margin: 0; padding: 16px; font-family: -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff;" {
                div style="max-width: 36rem;" {
                    p { (letter.greeting) }
                    @for paragraph in letter.paragraphs {
                        p { @for (i, line) in paragraph.lines().enumerate() { @if i > 0 { br; } (line) } }
                    }
                    @if let Some(markdown) = letter.markdown { (crate::markdown::to_html(markdown)) }
                    @if !letter.facts.is_empty() {
                        table style="border-collapse: collapse; margin: 16px 0;" {
                            @for (label, value) in letter.facts {
                                tr {
                                    th scope="row" style="text-align: left; vertical-align: top; padding: 4px 16px 4px 0; color: #4a4a4a; font-weight: 600;" { (label) }
                                    td style="padding: 4px 0;" { (value) }
                                }
                            }
                        }
                    }
                    p style="margin: 24px 0;" {
                        a href=(letter.link) style="display: inline-block; padding: 12px 20px; background: #1d4ed8; color: #ffffff; font-weight: 600; text-decoration: none; border-radius: 4px;" {
                            (letter.action)
                        }
                    }
                    p {
                        @for (i, line) in letter.closing.lines().enumerate() {
                            @if i > 0 { br; }
                            (line)
                        }
                    }
                    p style="font-size: 14px; color: #4a4a4a; border-top: 1px solid #d4d4d8; padding-top: 12px;" {
                        "If the button does not work, open this address: " a href=(letter.link) style="color: #1d4ed8;" { (letter.link) } br;
                        (letter.footer)
                    }
                }
            }
        }
    }
    .into_string()
}

impl<'a> EventFacts<'a> {
    pub fn of(event: &'a EventRow) -> Self {
        EventFacts {
            title: &event.title,
            description: &event.description,
            starts_at: event.starts_at.utc(),
            ends_at: event.ends_at.utc(),
            timezone: event.timezone.0,
            venue: &event.venue,
            meeting_url: event.meeting_url.as_deref(),
            programme: &[],
        }
    }

    /// These facts with the event's programme.
    pub fn with_programme(self, programme: &'a [Part]) -> Self {
        EventFacts { programme, ..self }
    }
}

/// A participant's calendar entry as their emails' files name it.
pub struct CalendarStamp<'a> {
    /// The same in every email and download of the registration.
    pub uid: String,
    /// Higher than that of any file sent or offered before a later change.
    pub sequence: u32,
    /// Whether the registration ever held a seat, and so a calendar app may hold its entry.
    pub had_seat: bool,
    /// The sender (name, address), the ORGANIZER of the entry.
    pub organizer: (Option<&'a str>, &'a str),
}

/// Writes the email of `kind` for `name` with the personal `link`.
pub fn compose(
    kind: &MailKind,
    event: &EventFacts<'_>,
    name: &str,
    link: &str,
    stamp: &CalendarStamp<'_>,
) -> Composed {
    let draft = draft(kind, event);
    let subject = subject(kind, event);
    // Whoever typed the name has not shown yet that the address is theirs: a stranger's
    // words are not put into an email to someone else's address.
    let greeting = match kind {
        MailKind::ConfirmAddress => "Hello,".to_owned(),
        _ => format!("Dear {name},"),
    };
    let letter = Letter {
        subject: &subject,
        greeting,
        paragraphs: &draft.paragraphs,
        markdown: None,
        facts: &draft.facts,
        action: draft.action,
        link,
        closing: format!("Kind regards,\nThe organizers of {}", event.title),
        footer: "This link is personal: please do not forward this email. You receive it because this address was registered for the event.",
    };
    let text = text_of(&letter);
    let html = html_of(&letter);

    // A seat gets the entry (again, with a higher sequence after a change); a registration
    // that ends takes it back, if it ever had one.
    let calendar = match kind {
        MailKind::Confirmation { mode } | MailKind::ModeChanged { mode } => {
            Some((Method::Publish, Some(*mode)))
        }
        MailKind::EventChanged {
            mode,
            confirmed: true,
            ..
        } => Some((Method::Publish, Some(*mode))),
        MailKind::Cancellation if stamp.had_seat => Some((Method::Cancel, None)),
        MailKind::ReconfirmationLapsed { .. } => Some((Method::Cancel, None)),
        _ => None,
    }
    .map(|(method, mode)| {
        let whole = CalendarEntry {
            uid: stamp.uid.clone(),
            sequence: stamp.sequence,
            title: event.title.to_owned(),
            description: event.description,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            location: match mode {
                Some(Mode::Virtual) => event.meeting_url.unwrap_or("Online"),
                _ => event.venue,
            },
            url: link,
        };
        ics_for_email(
            event.title,
            &participant_entries(whole, event.programme, mode),
            method,
            stamp.organizer,
        )
    });

    Composed {
        kind: kind.name(),
        subject,
        text,
        html,
        calendar,
    }
}

/// The newsletter emails: confirming a subscription, saying goodbye, and an issue; every
/// one that goes to a subscribed address carries its unsubscribe link.
pub enum NewsletterMail<'a> {
    /// The request to confirm a sign-up, which is erased unconfirmed after this many days.
    Confirm {
        unconfirmed_days: u32,
    },
    Unsubscribed,
    Issue {
        subject: &'a str,
        body: &'a str,
    },
}

/// The line of a newsletter email's text that holds its unsubscribe link; the mail worker
/// reads it back to set the `List-Unsubscribe` header.
pub const UNSUBSCRIBE_PREFIX: &str = "Unsubscribe: ";

pub fn unsubscribe_link_of(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|line| line.strip_prefix(UNSUBSCRIBE_PREFIX))
        .map(str::trim)
}

/// `link` is the confirmation link for `Confirm`, the sign-up page for `Unsubscribed`, the
/// unsubscribe link for an issue.
pub fn compose_newsletter(mail: &NewsletterMail<'_>, link: &str) -> Composed {
    let (kind, subject, paragraphs, action): (&'static str, String, Vec<String>, &str) = match mail {
        NewsletterMail::Confirm { unconfirmed_days } => (
            "newsletter_confirm",
            "Please confirm your subscription to our event news".into(),
            vec![
                "Thank you for signing up for news about our workshops and webinars.".into(),
                format!("Please confirm your address with the link below; until then we send you nothing else. If you did not sign up, ignore this email: an address not confirmed within {unconfirmed_days} days is deleted."),
            ],
            "Confirm my subscription",
        ),
        NewsletterMail::Unsubscribed => (
            "newsletter_unsubscribe",
            "You are unsubscribed from our event news".into(),
            vec![
                "You will receive no more news about our events: your address is off the list, and kept only so that no list we import signs it up again.".into(),
                "If this was a mistake, you can sign up again at any time.".into(),
            ],
            "Sign up again",
        ),
        NewsletterMail::Issue { subject, .. } => (
            "newsletter",
            (*subject).to_owned(),
            Vec::new(),
            "Unsubscribe",
        ),
    };
    let footer = match mail {
        NewsletterMail::Issue { .. } => format!("{UNSUBSCRIBE_PREFIX}{link}"),
        // An organizer may import a list: the request says so, as the address may not
        // have been typed on the sign-up page itself.
        NewsletterMail::Confirm { .. } => "You receive this email because this address was signed up for our event news, on our sign-up page or by our organizers from a list.".into(),
        NewsletterMail::Unsubscribed => "You receive this email because this address was entered on our sign-up page.".into(),
    };
    let letter = Letter {
        subject: &subject,
        greeting: "Hello,".into(),
        paragraphs: &paragraphs,
        markdown: match mail {
            NewsletterMail::Issue { body, .. } => Some(body),
            _ => None,
        },
        facts: &[],
        action,
        link,
        closing: "Kind regards,\nThe organizers".into(),
        footer: &footer,
    };
    Composed {
        kind,
        text: text_of(&letter),
        html: html_of(&letter),
        subject,
        calendar: None,
    }
}

mod notice;
pub use notice::lines as change_lines;
#[cfg(test)]
mod tests;
