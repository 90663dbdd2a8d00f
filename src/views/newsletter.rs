//! The "stay updated" pages: the sign-up form and the answers to its links.

use maud::{html, Markup};

use super::{error_summary, field_id, field_message, input_field, layout, Field};
use crate::domain::FieldErrors;

/// What the sign-up form was given, to show it again with the errors.
#[derive(Default)]
pub struct SignUpValues {
    pub email: String,
    pub consent: bool,
}

pub fn sign_up(values: &SignUpValues, errors: &FieldErrors) -> Markup {
    let problems: Vec<(String, String)> = [
        ("email", t!("field-email")),
        ("consent", t!("field-consent")),
    ]
    .iter()
    .filter_map(|(name, label)| {
        errors
            .get(*name)
            .map(|list| (field_id(name), field_message(label, list)))
    })
    .collect();
    let consent_error = errors.get("consent");
    let title = if errors.is_empty() {
        t!("nav-stay-updated")
    } else {
        format!("{} {}", t!("error-prefix"), t!("nav-stay-updated"))
    };
    layout(
        &title,
        html! {
            h1 { (t!("nav-stay-updated")) }
            p { (t!("newsletter-intro")) }
            @if !problems.is_empty() { (error_summary(&problems)) }
            form.stack method="post" action="/newsletter" novalidate {
                (input_field(&Field { name: "email", label: &t!("field-email"), kind: "email", value: &values.email, errors: errors.get("email"), required: true, autocomplete: Some("email"), hint: Some(&t!("newsletter-email-hint")) }))
                // Hidden from people and assistive technology; bots that fill every field give
                // themselves away.
                div.hp aria-hidden="true" {
                    label for="field-website" { (t!("honeypot-label")) }
                    input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off";
                }
                div.field.invalid[consent_error.is_some()] {
                    @if let Some(errors) = consent_error {
                        p.field-error #field-consent-error { span.visually-hidden { (t!("error-prefix")) " " } (super::problems_sentence(errors)) }
                    }
                    div.choice {
                        input type="checkbox" id=(field_id("consent")) name="consent" value="yes" required checked[values.consent]
                            aria-invalid=[consent_error.map(|_| "true")] aria-describedby=[consent_error.map(|_| "field-consent-error")];
                        label for=(field_id("consent")) { (t!("consent-before")) a href="/privacy" { (t!("consent-link")) } (t!("consent-after")) }
                    }
                }
                div { button type="submit" { (t!("newsletter-submit")) } }
            }
        },
    )
}

pub fn check_inbox() -> Markup {
    layout(
        &t!("inbox-title"),
        html! {
            h1 { (t!("inbox-title")) }
            p.notice.ok role="status" { (t!("newsletter-sent")) }
            p { (t!("newsletter-open-link")) }
            p { a href="/" { (t!("see-all-events")) } }
        },
    )
}

pub fn subscribed() -> Markup {
    layout(
        &t!("newsletter-subscribed"),
        html! {
            h1 { (t!("newsletter-subscribed")) }
            p.notice.ok role="status" { (t!("newsletter-confirmed")) }
            p { (t!("newsletter-every-email-unsubscribe")) }
            p { a href="/" { (t!("see-all-events")) } }
        },
    )
}

/// Asks before unsubscribing: the link in an email only opens this page.
pub fn unsubscribe_question(token: &str) -> Markup {
    layout(
        &t!("newsletter-unsubscribe-title"),
        html! {
            h1 { (t!("newsletter-unsubscribe-title")) }
            p { (t!("newsletter-unsubscribe-text")) }
            form method="post" action={ "/newsletter/unsubscribe/" (token) } {
                button type="submit" { (t!("newsletter-unsubscribe")) }
            }
            p { a href="/" { (t!("newsletter-keep")) } }
        },
    )
}

pub fn unsubscribed() -> Markup {
    layout(
        &t!("newsletter-unsubscribed"),
        html! {
            h1 { (t!("newsletter-unsubscribed")) }
            p.notice.ok role="status" { (t!("newsletter-unsubscribed-text")) }
            p { (t!("newsletter-changed-mind")) " " a href="/newsletter" { (t!("newsletter-sign-up-again")) } "." }
        },
    )
}

pub fn unknown_link() -> Markup {
    layout(
        &t!("link-does-not-work"),
        html! {
            h1 { (t!("link-does-not-work")) }
            p.notice { (t!("newsletter-unknown-link")) }
            p { a href="/newsletter" { (t!("newsletter-sign-up")) } " · " a href="/" { (t!("see-all-events")) } }
        },
    )
}
