//! The newsletter emails: a subscription to confirm, a goodbye, and an issue whose text
//! ends with its unsubscribe link, which the mail worker reads back for the
//! `List-Unsubscribe` header.

use super::{html_of, text_of, Composed, Letter};

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

/// The unsubscribe link of a newsletter issue's text, for the `List-Unsubscribe` header.
pub fn unsubscribe_link_of(text: &str) -> Option<&str> {
    crate::mail::labelled_link(text, "mail-newsletter-unsubscribe")
}

/// `link` is the confirmation link for `Confirm`, the sign-up page for `Unsubscribed`, the
/// unsubscribe link for an issue.
pub fn compose_newsletter(mail: &NewsletterMail<'_>, link: &str) -> Composed {
    let (kind, subject, paragraphs, action): (&'static str, String, Vec<String>, String) =
        match mail {
            NewsletterMail::Confirm { unconfirmed_days } => (
                "newsletter_confirm",
                t!("mail-newsletter-confirm-subject"),
                vec![
                    t!("mail-newsletter-confirm-thanks"),
                    t!("mail-newsletter-confirm-how", days = *unconfirmed_days),
                ],
                t!("mail-newsletter-confirm-action"),
            ),
            NewsletterMail::Unsubscribed => (
                "newsletter_unsubscribe",
                t!("mail-newsletter-unsubscribed-subject"),
                vec![
                    t!("mail-newsletter-unsubscribed-off"),
                    t!("mail-newsletter-unsubscribed-mistake"),
                ],
                t!("mail-newsletter-unsubscribed-action"),
            ),
            NewsletterMail::Issue { subject, .. } => (
                "newsletter",
                (*subject).to_owned(),
                Vec::new(),
                t!("mail-newsletter-unsubscribe"),
            ),
        };
    let footer = match mail {
        NewsletterMail::Issue { .. } => format!("{}: {link}", t!("mail-newsletter-unsubscribe")),
        // An organizer may import a list: the request says so, as the address may not
        // have been typed on the sign-up page itself.
        NewsletterMail::Confirm { .. } => t!("mail-newsletter-confirm-footer"),
        NewsletterMail::Unsubscribed => t!("mail-newsletter-unsubscribed-footer"),
    };
    let letter = Letter {
        subject: &subject,
        greeting: t!("mail-greeting"),
        paragraphs: &paragraphs,
        markdown: match mail {
            NewsletterMail::Issue { body, .. } => Some(body),
            _ => None,
        },
        facts: &[],
        action: &action,
        link,
        closing: t!("mail-closing-plain"),
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
