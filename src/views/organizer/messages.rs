//! Writing to a group of an event's participants: the form, and a preview of the email
//! with the number of people it goes to, before it is sent through the outbox.

use maud::{html, Markup};

use super::logs::sent_notice;
use super::{csrf_field, event_tabs, flash, layout, Viewer};
use crate::domain::{FieldErrors, Group};
use crate::mail::Composed;
use crate::reads::{BulkSend, EventState};

pub fn group_words(group: Group) -> String {
    match group {
        Group::ConfirmedInPerson => t!("dash-group-confirmed-in-person"),
        Group::ConfirmedVirtual => t!("dash-group-confirmed-virtual"),
        Group::Waiting => t!("dash-group-waiting"),
        Group::Everyone => t!("dash-group-everyone"),
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
            legend { (t!("dash-message-to")) }
            @for (group, count) in counts {
                div {
                    input type="radio" id={"group-" (group.as_str())} name="group" value=(group.as_str()) checked[values.group == group.as_str()];
                    label.inline for={"group-" (group.as_str())} { " " (group_words(*group)) " (" (count) ")" }
                }
            }
            @if let Some(e) = errors.get("group") { p.field-error { (e.join("; ")) } }
        }
        (crate::views::text_field("subject", &t!("dash-message-subject"), "text", &values.subject, errors.get("subject"), true))
        div {
            label for="field-body" { (t!("dash-message-body")) }
            p.hint id="body-hint" { (t!("dash-message-body-hint")) }
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
        &t!("dash-message-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-message-title")) }
            (event_tabs(&e.slug, "/message"))
            (flash(done, None))
            @if let Some(sent) = sent { (sent_notice(sent)) }
            @if !errors.is_empty() { p.notice.bad role="alert" { (t!("dash-form-correct-fields")) } }
            form.stack method="post" action={"/organizer/events/" (e.slug) "/message/preview"} novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, errors, counts))
                div { button type="submit" { (t!("dash-preview")) } }
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
        &t!("dash-message-preview-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-message-preview-title")) }
            (event_tabs(&e.slug, "/message"))
            p { (t!("dash-message-preview-to")) " " strong { (group_words(group)) } ": " strong { (count) } " " (t!("dash-message-people", n = count)) "." }
            div.preview {
                p { strong { (t!("dash-message-subject-label")) " " } (sample.subject) }
                pre.mail { (sample.text) }
            }
            @if count == 0 {
                p.notice.bad { (t!("dash-message-nobody")) }
            } @else {
                form.inline method="post" action={"/organizer/events/" (e.slug) "/message"} {
                    (csrf_field(viewer.csrf))
                    input type="hidden" name="group" value=(values.group);
                    input type="hidden" name="subject" value=(values.subject);
                    textarea.visually-hidden name="body" aria-hidden="true" tabindex="-1" { (values.body) }
                    button type="submit" { (t!("dash-message-send", n = count)) }
                }
            }
            h2 { (t!("dash-message-change")) }
            form.stack method="post" action={"/organizer/events/" (e.slug) "/message/preview"} novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, &FieldErrors::new(), counts))
                div { button.secondary type="submit" { (t!("dash-message-preview-again")) } }
            }
        },
    )
}
