//! Emails: what each kind says (plain text and HTML, always with the personal link), the
//! calendar file, and the worker that delivers the outbox.

pub mod calendar;
mod compose;
pub mod message;
pub mod qr;
pub mod team;
pub mod worker;

pub use compose::{
    change_lines, compose, compose_newsletter, subject, unsubscribe_link_of, CalendarStamp,
    Composed, EventFacts, MailKind, NewsletterMail,
};

/// The link on the last line of an email's text that starts with the message `label`, in
/// any language the site speaks, and ": ". The worker reads back links it wrote itself
/// (unsubscribe, check-in) from rows queued in any language; the last such line is the
/// footer's, whatever the body above it says.
pub(crate) fn labelled_link<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let labels: Vec<String> = crate::i18n::Language::ALL
        .into_iter()
        .map(|language| crate::i18n::text(language, label, &[]))
        .collect();
    text.lines()
        .rev()
        .find_map(|line| {
            labels.iter().find_map(|label| {
                line.strip_prefix(label.as_str())
                    .and_then(|rest| rest.strip_prefix(": "))
            })
        })
        .map(str::trim)
}
