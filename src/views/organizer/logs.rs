//! The audit log of an event and the outbox of every email.

use std::collections::HashMap;

use maud::{html, Markup};

use super::{button_form, event_tabs, flash, layout, local, pagination, tz_of, Viewer};
use crate::domain::{RegistrationId, Status};
use crate::reads::{AuditEntry, EventState, OutboxEmail};

pub fn audit(
    viewer: &Viewer<'_>,
    state: &EventState,
    rows: &[AuditEntry],
    names: &HashMap<RegistrationId, String>,
    page: i64,
    pages: i64,
) -> Markup {
    let e = &state.event;
    let tz = tz_of(state);
    layout(
        &format!("Audit log · {}", e.title),
        viewer,
        html! {
            h1 { "Audit log" }
            (event_tabs(&e.slug, "/audit"))
            p { "Every change, newest first: who made it (an organizer, the participant, or the system), when, and from which state to which." }
            div.table-scroll role="region" aria-label="Audit log" tabindex="0" { table.data {
                thead { tr { th scope="col" { "When" } th scope="col" { "By" } th scope="col" { "Who" } th scope="col" { "From" } th scope="col" { "To" } th scope="col" { "What" } } }
                tbody {
                    @for row in rows {
                        tr {
                            td { (local(row.at.utc(), tz)) }
                            td { (row.actor) }
                            td { @if let Some(id) = row.registration_id { (names.get(&id).map(String::as_str).unwrap_or("")) } }
                            td { (row.from_status.map(Status::as_str).unwrap_or("")) }
                            td { (row.to_status.map(Status::as_str).unwrap_or("")) }
                            td { (row.note) }
                        }
                    }
                }
            } }
            (pagination(&format!("/organizer/events/{}/audit", e.slug), page, pages))
        },
    )
}

pub fn outbox(
    viewer: &Viewer<'_>,
    rows: &[OutboxEmail],
    status: &str,
    page: i64,
    pages: i64,
    done: Option<&str>,
) -> Markup {
    let base = if status.is_empty() {
        "/organizer/outbox".to_owned()
    } else {
        format!("/organizer/outbox?status={status}")
    };
    layout(
        "Outbox",
        viewer,
        html! {
            h1 { "Outbox" }
            (flash(done, None))
            p { "Every email, newest first. A pending email is delivered by the mail worker; one the mail server could not take for now is retried with a growing pause, or at once with “Retry now”. A failed email was refused for good (see its last error) and is not sent again." }
            nav.chips aria-label="Filter by state" {
                a.chip href="/organizer/outbox" aria-current=[status.is_empty().then_some("page")] { "All" }
                a.chip href="/organizer/outbox?status=pending" aria-current=[(status == "pending").then_some("page")] { "Pending" }
                a.chip href="/organizer/outbox?status=sent" aria-current=[(status == "sent").then_some("page")] { "Delivered" }
                a.chip href="/organizer/outbox?status=failed" aria-current=[(status == "failed").then_some("page")] { "Failed" }
            }
            div.table-scroll role="region" aria-label="Emails" tabindex="0" { table.data {
                thead { tr { th scope="col" { "Created (UTC)" } th scope="col" { "To" } th scope="col" { "Subject" } th scope="col" { "Kind" } th scope="col" { "State" } th scope="col" { "Attempts" } th scope="col" { "Last error" } th scope="col" { "Actions" } } }
                tbody {
                    @for row in rows {
                        tr {
                            td { (local(row.created_at.and_utc(), chrono_tz::UTC)) }
                            td { (row.recipient) }
                            td { (row.subject) }
                            td { (row.kind.replace('_', " ")) }
                            td {
                                @if row.status == "sent" {
                                    span.badge.status-confirmed { "delivered" }
                                    @if let Some(at) = row.sent_at { " " (local(at.and_utc(), chrono_tz::UTC)) }
                                } @else if row.status == "failed" {
                                    span.badge.verdict-invalid { "failed" }
                                } @else {
                                    span.badge.status-offered { (row.status) }
                                }
                            }
                            td { (row.attempts) }
                            td { (row.last_error.as_deref().unwrap_or("")) }
                            td.actions {
                                @if row.status == "pending" {
                                    (button_form(viewer, &format!("/organizer/outbox/{}/retry", row.id), "Retry now", "secondary"))
                                }
                            }
                        }
                    }
                }
            } }
            (pagination(&base, page, pages))
        },
    )
}
