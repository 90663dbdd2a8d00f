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
