//! Pages as functions returning `Markup`: one layout and small components. maud escapes
//! everything it prints; nothing here marks user input as pre-escaped.

pub mod newsletter;
pub mod organizer;
pub mod pages;
mod personal;
pub mod programme;
pub mod questions;
pub mod series;

use std::future::Future;
use std::sync::Arc;

use maud::{html, Markup, Render, DOCTYPE};

use crate::domain::SiteIdentity;

tokio::task_local! {
    /// The site's identity for the page being drawn: set once per request (see
    /// [`with_site`]) rather than passed through every page function.
    static SITE: Arc<SiteIdentity>;
    /// The path of the page being drawn (see [`with_path`]).
    static PATH: String;
}

/// Runs a request's work with `site` as the identity its pages are drawn with.
pub async fn with_site<F: Future>(site: Arc<SiteIdentity>, work: F) -> F::Output {
    SITE.scope(site, work).await
}

/// Runs a request's work with `path` (and its query) as the page being drawn, which the
/// language choice returns to.
pub async fn with_path<F: Future>(path: String, work: F) -> F::Output {
    PATH.scope(path, work).await
}

/// The path of the page being drawn; the home page outside a request.
fn path() -> String {
    PATH.try_with(Clone::clone)
        .unwrap_or_else(|_| "/".to_owned())
}

/// The identity of the page being drawn; the default one outside a request.
pub fn site() -> Arc<SiteIdentity> {
    SITE.try_with(Arc::clone)
        .unwrap_or_else(|_| Arc::new(SiteIdentity::default()))
}

pub fn layout(title: &str, content: impl Render) -> Markup {
    let site = site();
    let shown = crate::i18n::language();
    let back = crate::web::respond::url_escape(&path());
    html! {
        (DOCTYPE)
        html lang=(shown.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (site.name) }
                link rel="icon" href="/static/favicon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body.public {
                a.skip-link href="#main" { (t!("skip-to-content")) }
                header.site {
                    nav aria-label=(t!("nav-site")) {
                        a.home href="/" { (t!("nav-events")) }
                        a href="/newsletter" { (t!("nav-stay-updated")) }
                    }
                }
                main #main tabindex="-1" { (content) }
                footer.site {
                    @if !site.footer.is_empty() {
                        p { (site.footer) }
                    }
                    p {
                        a href="/privacy" { (t!("footer-privacy")) }
                        " · "
                        a href="/newsletter" { (t!("nav-stay-updated")) }
                    }
                    nav.languages aria-label=(t!("language-choice-label")) {
                        ul {
                            @for language in crate::domain::Language::ALL {
                                li {
                                    a href={"/language?to=" (language.tag()) "&back=" (back)}
                                        lang=(language.tag()) hreflang=(language.tag())
                                        aria-current=[(language == shown).then_some("true")] { (language.own_name()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The label, hint and error of one input; the input itself is `control`.
pub struct Field<'a> {
    pub name: &'a str,
    pub label: &'a str,
    pub kind: &'a str,
    pub value: &'a str,
    pub errors: Option<&'a Vec<String>>,
    pub required: bool,
    pub autocomplete: Option<&'a str>,
    pub hint: Option<&'a str>,
}

pub fn field_id(name: &str) -> String {
    format!("field-{name}")
}

/// A text input with its label and any error, keeping what was typed (the organizer
/// pages' form field).
pub fn text_field(
    name: &str,
    label: &str,
    kind: &str,
    value: &str,
    errors: Option<&Vec<String>>,
    required: bool,
) -> Markup {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    html! {
        div {
            label for=(id) { (label) @if !required { " (optional)" } }
            input type=(kind) id=(id) name=(name) value=(value) required[required]
                aria-invalid=[errors.map(|_| "true")] aria-describedby=[errors.map(|_| error_id.as_str())];
            @if let Some(errors) = errors {
                p.field-error id=(error_id) { (errors.join("; ")) }
            }
        }
    }
}

/// A text input with its label, hint and any error named as a sentence, keeping what was
/// typed (the participant pages' form field).
pub fn input_field(field: &Field<'_>) -> Markup {
    let id = field_id(field.name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described: Vec<&str> = [
        field.hint.map(|_| hint_id.as_str()),
        field.errors.map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        div.field.invalid[field.errors.is_some()] {
            label for=(id) { (field.label) @if !field.required { span.optional { " " (t!("field-optional")) } } }
            @if let Some(hint) = field.hint { p.hint id=(hint_id) { (hint) } }
            @if let Some(errors) = field.errors {
                p.field-error id=(error_id) { span.visually-hidden { (t!("error-prefix")) " " } (field_message(field.label, errors)) }
            }
            input type=(field.kind) id=(id) name=(field.name) value=(field.value)
                required[field.required] autocomplete=[field.autocomplete]
                aria-invalid=[field.errors.map(|_| "true")]
                aria-describedby=[(!described.is_empty()).then(|| described.join(" "))];
        }
    }
}

/// The language the event's own content (title, description, venue, programme,
/// questions) is written in, for the `lang` of the elements that show it: the page around
/// them follows the reader, the content stays as the organizer wrote it.
pub fn content_lang(state: &crate::reads::EventState) -> Option<&'static str> {
    state.event.language.map(|l| l.tag())
}

/// A field's problems as a sentence that names it: "Name is required."
pub fn field_message(label: &str, messages: &[String]) -> String {
    let parts: Vec<String> = messages
        .iter()
        .map(|m| match m.as_str() {
            m if m.starts_with("is ") || m.starts_with("must ") => {
                t!("field-problem", label = label, problem = problem_words(m))
            }
            m => problem_words(m),
        })
        .collect();
    sentence(&parts.join("; "))
}

/// The problems of the public forms, as the domain words them, in the reader's
/// language; one it does not know reads as it is.
pub fn problem_words(problem: &str) -> String {
    match problem {
        "is required" => t!("problem-required"),
        "is not a valid email address" => t!("problem-email"),
        "must be at a domain name, not an IP address" => t!("problem-email-domain"),
        "must be at most 200 characters" => t!("problem-at-most", max = 200),
        "must not contain control characters" => t!("problem-control-characters"),
        "must not contain characters that reorder the text around them" => t!("problem-reorder"),
        "must hold at least one visible character" => t!("problem-visible"),
        "you must agree to the privacy notice to join" => t!("problem-consent-join"),
        "you must agree to the privacy notice to sign up" => t!("problem-consent-sign-up"),
        "please choose how you would like to attend" => t!("problem-preference"),
        other => other.to_owned(),
    }
}

/// A list of problems of one field that needs no name (a group of choices, a box to tick).
pub fn problems_sentence(messages: &[String]) -> String {
    let parts: Vec<String> = messages.iter().map(|m| problem_words(m)).collect();
    sentence(&parts.join("; "))
}

/// Starts a message with a capital letter and ends it with a full stop.
pub fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// The list of problems at the top of a refused form, each linking to its field.
pub fn error_summary(problems: &[(String, String)]) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
            h2 #error-summary-title { (t!("error-summary-title")) }
            ul {
                @for (target, text) in problems {
                    li { a href={"#" (target)} { (sentence(text)) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(
            sentence("please choose how you would like to attend"),
            "Please choose how you would like to attend."
        );
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn a_field_with_an_error_names_it_and_keeps_the_value() {
        let errors = vec!["is not a valid email address".to_owned()];
        let markup = input_field(&Field {
            name: "email",
            label: "Email",
            kind: "email",
            value: "ada@<x>",
            errors: Some(&errors),
            required: true,
            autocomplete: Some("email"),
            hint: None,
        })
        .into_string();
        assert!(markup.contains("value=\"ada@&lt;x&gt;\""), "{markup}");
        assert!(markup.contains("aria-describedby=\"field-email-error\""));
        assert!(
            markup.contains("Email must look like name@example.org."),
            "{markup}"
        );
    }
}
