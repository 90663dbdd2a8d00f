//! Writing to a group of an event's participants: the form, and a preview of the email
//! with the number of people it goes to, before it is sent through the outbox.

use maud::{html, Markup};

use super::logs::sent_notice;
use super::{csrf_field, event_tabs, flash, layout, Viewer};
use crate::domain::{FieldErrors, Group};
use crate::mail::Composed;
use crate::reads::{BulkSend, EventState};

pub fn group_words(group: Group) -> &'static str {
    match group {
        Group::ConfirmedInPerson => "Confirmed, in person",
        Group::ConfirmedVirtual => "Confirmed, virtual",
        Group::Waiting => "Waiting list",
        Group::Everyone => "Everyone (invited, offered, confirmed, waiting)",
    }
}

/// What the message form was given.
#[derive(Debug, Clone, Default)]
pub struct MessageValues {
    pub group: String,
    pub subject: String,
    pub body: String,
}

fn fields(values: &MessageValues, errors: &FieldErrors, counts: &[(Group, usize)]) -> Markup {
    html! {
        fieldset {
            legend { "To" }
            @for (group, count) in counts {
                div {
                    input type="radio" id={"group-" (group.as_str())} name="group" value=(group.as_str()) checked[values.group == group.as_str()];
                    label.inline for={"group-" (group.as_str())} { " " (group_words(*group)) " (" (count) ")" }
                }
            }
            @if let Some(e) = errors.get("group") { p.field-error { (e.join("; ")) } }
        }
        (crate::views::text_field("subject", "Subject", "text", &values.subject, errors.get("subject"), true))
        div {
            label for="field-body" { "Message" }
            p.hint id="body-hint" { "Plain text; a blank line starts a new paragraph. Each person's own link is added at the end." }
            textarea id="field-body" name="body" rows="10" aria-describedby="body-hint" aria-invalid=[errors.get("body").map(|_| "true")] { (values.body) }
            @if let Some(e) = errors.get("body") { p.field-error id="field-body-error" { (e.join("; ")) } }
        }
    }
}

pub fn form(
    viewer: &Viewer<'_>,
    state: &EventState,
    values: &MessageValues,
    errors: &FieldErrors,
    counts: &[(Group, usize)],
    done: Option<&str>,
    sent: Option<&BulkSend>,
) -> Markup {
    let e = &state.event;
    layout(
        &format!("Messages · {}", e.title),
        viewer,
        html! {
            h1 { "Write to participants" }
            (event_tabs(&e.slug, "/message"))
            (flash(done, None))
            @if let Some(sent) = sent { (sent_notice(sent)) }
            @if !errors.is_empty() { p.notice.bad role="alert" { "Please correct the fields marked below." } }
            form.stack method="post" action={"/organizer/events/" (e.slug) "/message/preview"} novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, errors, counts))
                div { button type="submit" { "Preview" } }
            }
        },
    )
}

pub fn preview(
    viewer: &Viewer<'_>,
    state: &EventState,
    values: &MessageValues,
    group: Group,
    counts: &[(Group, usize)],
    sample: &Composed,
) -> Markup {
    let count = counts
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, n)| *n)
        .unwrap_or(0);
    let e = &state.event;
    layout(
        &format!("Preview message · {}", e.title),
        viewer,
        html! {
            h1 { "Preview the message" }
            (event_tabs(&e.slug, "/message"))
            p { "To " strong { (group_words(group)) } ": " strong { (count) } " " @if count == 1 { "person" } @else { "people" } "." }
            div.preview {
                p { strong { "Subject: " } (sample.subject) }
                pre.mail { (sample.text) }
            }
            @if count == 0 {
                p.notice.bad { "Nobody is in this group: there is nobody to send it to." }
            } @else {
                form.inline method="post" action={"/organizer/events/" (e.slug) "/message"} {
                    (csrf_field(viewer.csrf))
                    input type="hidden" name="group" value=(values.group);
                    input type="hidden" name="subject" value=(values.subject);
                    textarea.visually-hidden name="body" aria-hidden="true" tabindex="-1" { (values.body) }
                    button type="submit" { "Send to " (count) " " @if count == 1 { "person" } @else { "people" } }
                }
            }
            h2 { "Change it" }
            form.stack method="post" action={"/organizer/events/" (e.slug) "/message/preview"} novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, &FieldErrors::new(), counts))
                div { button.secondary type="submit" { "Preview again" } }
            }
        },
    )
}
