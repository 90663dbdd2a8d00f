//! The "stay updated" pages: the sign-up form and the answers to its links.

use maud::{html, Markup};

use super::{error_summary, field_id, field_message, input_field, layout, sentence, Field};
use crate::domain::FieldErrors;

/// What the sign-up form was given, to show it again with the errors.
#[derive(Default)]
pub struct SignUpValues {
    pub email: String,
    pub consent: bool,
}

pub fn sign_up(values: &SignUpValues, errors: &FieldErrors) -> Markup {
    let problems: Vec<(String, String)> = [("email", "Email address"), ("consent", "Consent")]
        .iter()
        .filter_map(|(name, label)| {
            errors
                .get(*name)
                .map(|list| (field_id(name), field_message(label, list)))
        })
        .collect();
    let consent_error = errors.get("consent");
    let title = if errors.is_empty() {
        "Stay updated"
    } else {
        "Error: Stay updated"
    };
    layout(
        title,
        html! {
            h1 { "Stay updated" }
            p { "Get an email when we announce a new workshop or webinar, a few times a year. Nothing else, and every email has a link to unsubscribe at once." }
            @if !problems.is_empty() { (error_summary(&problems)) }
            form.stack method="post" action="/newsletter" novalidate {
                (input_field(&Field { name: "email", label: "Email address", kind: "email", value: &values.email, errors: errors.get("email"), required: true, autocomplete: Some("email"), hint: Some("We send a link to this address; you are signed up once you open it.") }))
                // Hidden from people and assistive technology; bots that fill every field give
                // themselves away.
                div.hp aria-hidden="true" {
                    label for="field-website" { "Leave this empty" }
                    input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off";
                }
                div.field.invalid[consent_error.is_some()] {
                    @if let Some(errors) = consent_error {
                        p.field-error #field-consent-error { span.visually-hidden { "Error: " } (sentence(&errors.join("; "))) }
                    }
                    div.choice {
                        input type="checkbox" id=(field_id("consent")) name="consent" value="yes" required checked[values.consent]
                            aria-invalid=[consent_error.map(|_| "true")] aria-describedby=[consent_error.map(|_| "field-consent-error")];
                        label for=(field_id("consent")) { "I agree to the " a href="/privacy" { "privacy notice" } "." }
                    }
                }
                div { button type="submit" { "Sign me up" } }
            }
        },
    )
}

pub fn check_inbox() -> Markup {
    layout(
        "Check your inbox",
        html! {
            h1 { "Check your inbox" }
            p.notice.ok role="status" { "Thank you. We have sent you an email with a link to confirm your subscription." }
            p { "You are signed up once you open that link. Nothing there after a few minutes? Look in your spam folder, or send the form again." }
            p { a href="/" { "See all events" } }
        },
    )
}

pub fn subscribed() -> Markup {
    layout(
        "You are subscribed",
        html! {
            h1 { "You are subscribed" }
            p.notice.ok role="status" { "Thank you: your address is confirmed. We will email you when we announce a new event." }
            p { "Every email has a link to unsubscribe." }
            p { a href="/" { "See all events" } }
        },
    )
}

/// Asks before unsubscribing: the link in an email only opens this page.
pub fn unsubscribe_question(token: &str) -> Markup {
    layout(
        "Unsubscribe from news",
        html! {
            h1 { "Unsubscribe from news" }
            p { "Stop receiving news about our workshops and webinars? Your address is removed from the list at once." }
            form method="post" action={ "/newsletter/unsubscribe/" (token) } {
                button type="submit" { "Unsubscribe" }
            }
            p { a href="/" { "Keep my subscription and see all events" } }
        },
    )
}

pub fn unsubscribed() -> Markup {
    layout(
        "You are unsubscribed",
        html! {
            h1 { "You are unsubscribed" }
            p.notice.ok role="status" { "You will receive no more news about our events, and your address has been removed from the list." }
            p { "Changed your mind? " a href="/newsletter" { "Sign up again" } "." }
        },
    )
}

pub fn unknown_link() -> Markup {
    layout(
        "This link does not work",
        html! {
            h1 { "This link does not work" }
            p.notice { "This address is not on our list (any more): it may have been unsubscribed already, or the link is incomplete." }
            p { a href="/newsletter" { "Sign up for news" } " · " a href="/" { "See all events" } }
        },
    )
}
