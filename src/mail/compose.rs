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
            let when = self.span_of_part(p.starts_at, p.ends_at);
            match p.streamed {
                true => format!("- {when}: {} {}", p.title, t!("mail-streamed")),
                false => format!("- {when}: {}", p.title),
            }
        };
        match mode {
            Mode::Virtual => {
                let streamed: Vec<String> = self
                    .programme
                    .iter()
                    .filter(|p| p.streamed)
                    .map(line)
                    .collect();
                if streamed.is_empty() {
                    vec![t!("mail-programme-none-streamed")]
                } else {
                    vec![
                        t!("mail-programme-streamed-parts", zone = zone),
                        streamed.join("\n"),
                    ]
                }
            }
            Mode::InPerson => vec![
                t!("mail-programme-all-parts", zone = zone),
                self.programme
                    .iter()
                    .map(line)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ],
        }
    }

    /// A moment in the event's time zone, with the day and month named in the email's
    /// language: "Monday 15 March 2027, 09:00 (Europe/Amsterdam)".
    pub fn local(&self, at: DateTime<Utc>) -> String {
        t!(
            "mail-moment",
            at = written(at.with_timezone(&self.timezone), &t!("date-time-long")),
            zone = self.timezone.name()
        )
    }

    fn when(&self) -> String {
        let starts = self.starts_at.with_timezone(&self.timezone);
        let ends = self.ends_at.with_timezone(&self.timezone);
        if starts.date_naive() == ends.date_naive() {
            t!(
                "mail-span-one-day",
                start = written(starts, &t!("date-time-long")),
                end = ends.format("%H:%M").to_string(),
                zone = self.timezone.name()
            )
        } else {
            t!(
                "mail-span",
                start = self.local(self.starts_at),
                end = self.local(self.ends_at)
            )
        }
    }

    /// When a part of the programme takes place, without the year the event's date gives:
    /// "Monday 15 March, 09:00 to 10:00".
    fn span_of_part(&self, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
        let day = t!("date-time-day");
        let starts = starts_at.with_timezone(&self.timezone);
        let ends = ends_at.with_timezone(&self.timezone);
        let end = if starts.date_naive() == ends.date_naive() {
            ends.format("%H:%M").to_string()
        } else {
            written(ends, &day)
        };
        t!("mail-span", start = written(starts, &day), end = end)
    }
}

/// A moment written with a `date-time-*` pattern, in the names of the email's language.
fn written(at: DateTime<Tz>, pattern: &str) -> String {
    at.format_localized(pattern, crate::i18n::language().chrono_locale())
        .to_string()
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
    facts: Vec<(String, String)>,
    action: String,
}

fn seat_words(mode: Mode) -> String {
    match mode {
        Mode::InPerson => t!("mail-seat-in-person"),
        Mode::Virtual => t!("mail-seat-virtual"),
    }
}

/// The name a message's `$mode` selector knows a mode by.
fn mode_key(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "in-person",
        Mode::Virtual => "virtual",
    }
}

/// Where the person goes: the venue in person, the meeting online.
fn place(event: &EventFacts<'_>, mode: Option<Mode>) -> Option<(String, String)> {
    match mode {
        Some(Mode::Virtual) => Some((
            t!("mail-fact-online"),
            event
                .meeting_url
                .map(str::to_owned)
                .unwrap_or_else(|| t!("mail-meeting-link-later")),
        )),
        _ if !event.venue.is_empty() => Some((t!("mail-fact-where"), event.venue.to_owned())),
        _ => None,
    }
}

fn facts(
    event: &EventFacts<'_>,
    mode: Option<Mode>,
    deadline: Option<DateTime<Utc>>,
) -> Vec<(String, String)> {
    let mut facts = vec![(t!("mail-fact-when"), event.when())];
    facts.extend(place(event, mode));
    if let Some(until) = deadline {
        facts.push((t!("mail-fact-answer-by"), event.local(until)));
    }
    facts
}

/// The subject line of the email of `kind`: all the writer needs when it queues an email.
pub fn subject(kind: &MailKind, event: &EventFacts<'_>) -> String {
    let title = event.title;
    match kind {
        MailKind::ConfirmAddress => t!("mail-subject-confirm-address", title = title),
        MailKind::LinkAgain => t!("mail-subject-link-again", title = title),
        MailKind::Invitation { until, .. } => t!(
            "mail-subject-invitation",
            title = title,
            until = event.local(*until)
        ),
        MailKind::Confirmation { .. } => t!("mail-subject-confirmation", title = title),
        MailKind::WaitingListPlace { .. } => t!("mail-subject-waiting-list", title = title),
        MailKind::SeatOffer { until, .. } => {
            t!("mail-subject-seat-offer", until = event.local(*until))
        }
        MailKind::Lapsed { .. } => t!("mail-subject-lapsed", title = title),
        MailKind::Cancellation => t!("mail-subject-cancellation", title = title),
        MailKind::ModeChanged { mode } => t!(
            "mail-subject-mode-changed",
            title = title,
            mode = mode_key(*mode)
        ),
        MailKind::Reminder { .. } => t!(
            "mail-subject-reminder",
            title = title,
            starts = event.local(event.starts_at)
        ),
        MailKind::AnswerReminder { until, .. } => t!(
            "mail-subject-answer-reminder",
            title = title,
            until = event.local(*until)
        ),
        MailKind::ReconfirmationRequest { until } => t!(
            "mail-subject-reconfirmation",
            title = title,
            until = event.local(*until)
        ),
        MailKind::ReconfirmationLapsed { .. } => {
            t!("mail-subject-reconfirmation-lapsed", title = title)
        }
        MailKind::EventChanged { changes, .. } => notice::subject(title, changes),
    }
}

fn draft(kind: &MailKind, event: &EventFacts<'_>) -> Draft {
    let title = event.title;
    match kind {
        MailKind::ConfirmAddress => Draft {
            paragraphs: vec![
                t!("mail-confirm-address-thanks", title = title),
                t!("mail-confirm-address-how"),
                t!("mail-confirm-address-ignore"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-confirm-address"),
        },
        MailKind::LinkAgain => Draft {
            paragraphs: vec![
                t!("mail-link-again-asked", title = title),
                t!("mail-link-again-page"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-open-registration"),
        },
        MailKind::Invitation { mode, until } => Draft {
            paragraphs: vec![
                t!("mail-invitation-invited", title = title),
                t!(
                    "mail-invitation-held",
                    seat = seat_words(*mode),
                    until = event.local(*until)
                ),
                t!("mail-invitation-decline"),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: t!("mail-action-answer-invitation"),
        },
        MailKind::Confirmation { mode } => Draft {
            paragraphs: [
                vec![t!(
                    "mail-confirmation-confirmed",
                    seat = seat_words(*mode),
                    title = title
                )],
                event.programme_paragraphs(*mode),
                vec![t!("mail-confirmation-calendar")],
            ]
            .concat(),
            facts: facts(event, Some(*mode), None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::WaitingListPlace { position } => Draft {
            paragraphs: vec![
                t!("mail-waiting-list-confirmed", title = title),
                match position {
                    Some(p) => format!(
                        "{} {}",
                        t!("mail-waiting-list-position", position = *p),
                        t!("mail-waiting-list-how")
                    ),
                    None => t!("mail-waiting-list-how"),
                },
                t!("mail-waiting-list-page"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-see-place"),
        },
        MailKind::SeatOffer { mode, until } => Draft {
            paragraphs: vec![
                t!(
                    "mail-seat-offer-free",
                    seat = seat_words(*mode),
                    title = title
                ),
                t!("mail-seat-offer-deadline", until = event.local(*until)),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: t!("mail-action-answer-offer"),
        },
        MailKind::Lapsed { mode } => Draft {
            paragraphs: vec![
                t!(
                    "mail-lapsed-passed",
                    seat = seat_words(*mode),
                    title = title
                ),
                t!("mail-join-again"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::Cancellation => Draft {
            paragraphs: vec![
                t!("mail-cancellation-cancelled", title = title),
                t!("mail-cancellation-again"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::ModeChanged { mode } => Draft {
            paragraphs: [
                vec![t!(
                    "mail-mode-changed-now",
                    title = title,
                    seat = seat_words(*mode)
                )],
                event.programme_paragraphs(*mode),
                vec![t!("mail-calendar-replaces")],
            ]
            .concat(),
            facts: facts(event, Some(*mode), None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::Reminder { mode } => Draft {
            paragraphs: [
                vec![t!(
                    "mail-reminder-starts",
                    title = title,
                    starts = event.local(event.starts_at),
                    seat = seat_words(*mode)
                )],
                event.programme_paragraphs(*mode),
                vec![t!("mail-reminder-cancel")],
            ]
            .concat(),
            facts: facts(event, Some(*mode), None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::AnswerReminder { mode, until } => Draft {
            paragraphs: vec![
                t!(
                    "mail-answer-reminder-held",
                    seat = seat_words(*mode),
                    title = title,
                    until = event.local(*until)
                ),
                t!("mail-answer-reminder-how"),
            ],
            facts: facts(event, Some(*mode), Some(*until)),
            action: t!("mail-action-answer-now"),
        },
        MailKind::ReconfirmationRequest { until } => Draft {
            paragraphs: vec![
                t!(
                    "mail-reconfirmation-coming",
                    title = title,
                    starts = event.local(event.starts_at),
                    seat = seat_words(Mode::InPerson)
                ),
                t!("mail-reconfirmation-how", until = event.local(*until)),
            ],
            facts: facts(event, Some(Mode::InPerson), Some(*until)),
            action: t!("mail-action-answer-now"),
        },
        MailKind::ReconfirmationLapsed { mode } => Draft {
            paragraphs: vec![
                t!(
                    "mail-reconfirmation-lapsed-gone",
                    title = title,
                    seat = seat_words(*mode)
                ),
                t!("mail-join-again"),
            ],
            facts: facts(event, None, None),
            action: t!("mail-action-see-registration"),
        },
        MailKind::EventChanged {
            mode,
            confirmed,
            changes,
        } => Draft {
            paragraphs: notice::paragraphs(event, *mode, *confirmed, changes),
            facts: facts(event, Some(*mode), None),
            action: if *confirmed {
                t!("mail-action-see-registration")
            } else {
                t!("mail-action-answer-now")
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
    facts: &'a [(String, String)],
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
        html lang=(crate::i18n::language().tag()) {
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
                        (t!("mail-button-fallback")) " " a href=(letter.link) style="color: #1d4ed8;" { (letter.link) } br;
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
        MailKind::ConfirmAddress => t!("mail-greeting"),
        _ => t!("mail-greeting-name", name = name),
    };
    let letter = Letter {
        subject: &subject,
        greeting,
        paragraphs: &draft.paragraphs,
        markdown: None,
        facts: &draft.facts,
        action: &draft.action,
        link,
        closing: t!("mail-closing", title = event.title),
        footer: &t!("mail-footer-personal"),
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
        let online = t!("mail-fact-online");
        let whole = CalendarEntry {
            uid: stamp.uid.clone(),
            sequence: stamp.sequence,
            title: event.title.to_owned(),
            description: event.description,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            location: match mode {
                Some(Mode::Virtual) => event.meeting_url.unwrap_or(&online),
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

mod newsletter;
mod notice;
pub use newsletter::{compose_newsletter, unsubscribe_link_of, NewsletterMail};
pub use notice::lines as change_lines;
#[cfg(test)]
mod tests;
