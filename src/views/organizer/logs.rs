//! The audit log of an event, the outbox of every email, and the delivery of one send
//! (the emails of invitations or of a message, queued together).

use std::collections::HashMap;

use maud::{html, Markup};

use super::{
    button_form, event_tabs, flash, layout, layout_refreshing, local, pagination, tz_of, Viewer,
};
use crate::domain::{RegistrationId, SendKind, Status};
use crate::reads::{AuditEntry, BulkSend, EventState, OutboxEmail};

/// How often the page of a send reloads while some of its emails wait.
pub const REFRESH_SECONDS: u32 = 10;

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
            (email_table(viewer, rows))
            (pagination(&base, page, pages))
        },
    )
}

/// Emails with their delivery state, and "retry now" for those still waiting.
fn email_table(viewer: &Viewer<'_>, rows: &[OutboxEmail]) -> Markup {
    html! {
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
    }
}

fn emails_word(count: i64) -> &'static str {
    if count == 1 {
        "email"
    } else {
        "emails"
    }
}

/// What a send queued, as the page it was made from says it right after.
pub fn sent_notice(sent: &BulkSend) -> Markup {
    let queued = i64::from(sent.send.emails);
    let d = &sent.delivery;
    let what = match sent.send.kind {
        SendKind::Invitations => "invitation",
        SendKind::Message => "message",
        SendKind::Newsletter => "newsletter",
    };
    html! {
        p.notice.ok role="status" {
            strong { (queued) " " (what) " " (emails_word(queued)) " queued" } " for delivery. "
            "So far " (d.sent) " delivered, " (d.pending) " waiting, " (d.failed) " failed. "
            a href={"/organizer/outbox/sends/" (sent.send.id) "?refresh=on"} { "Follow their delivery" }
            " (the page reloads itself every " (REFRESH_SECONDS) " seconds while emails wait)."
        }
    }
}

/// The delivery of one send: how many of its emails wait, were delivered or failed, and
/// each of them. While some wait the page reloads itself (no script needed) when the
/// reader asked for it.
pub fn bulk_send(
    viewer: &Viewer<'_>,
    sent: &BulkSend,
    rows: &[OutboxEmail],
    page: i64,
    pages: i64,
    refresh: bool,
) -> Markup {
    let send = &sent.send;
    let d = &sent.delivery;
    let queued = i64::from(send.emails);
    let gone = (queued - d.pending - d.sent - d.failed).max(0);
    let waiting = d.pending > 0;
    let base = format!("/organizer/outbox/sends/{}", send.id);
    let title = match send.kind {
        SendKind::Invitations => format!("Delivery of {queued} invitation {}", emails_word(queued)),
        SendKind::Message => format!("Delivery of {queued} message {}", emails_word(queued)),
        SendKind::Newsletter => format!("Delivery of {queued} newsletter {}", emails_word(queued)),
    };
    layout_refreshing(
        &title,
        viewer,
        (waiting && refresh).then_some(REFRESH_SECONDS),
        html! {
            h1 { (title) }
            p {
                "Queued " (local(send.created_at.utc(), chrono_tz::UTC)) " by " (send.actor)
                @if let (Some(slug), Some(title)) = (&sent.event_slug, &sent.event_title) {
                    " for " a href={"/organizer/events/" (slug)} { (title) }
                } @else {
                    " for the newsletter's subscribers"
                }
                "."
            }
            dl.delivery-counts {
                div { dt { "Queued" } dd { (queued) } }
                div { dt { "Waiting" } dd { (d.pending) } }
                div { dt { "Delivered" } dd { (d.sent) } }
                div { dt { "Failed" } dd { (d.failed) } }
            }
            @if gone > 0 {
                p.muted { (gone) " " (emails_word(gone)) " no longer listed: their people erased their data, or the event's data was erased after the retention period." }
            }
            @if waiting && refresh {
                p.muted role="status" {
                    "This page reloads every " (REFRESH_SECONDS) " seconds while emails wait. "
                    a href=(base) { "Stop reloading" }
                }
            } @else if waiting {
                p.muted { a href={(base) "?refresh=on"} { "Reload every " (REFRESH_SECONDS) " seconds while emails wait" } }
            } @else if d.failed > 0 {
                p { "Every email of this send has left the outbox; the failed ones were refused for good (see their last error)." }
            } @else {
                p { "Every email of this send was delivered." }
            }
            (email_table(viewer, rows))
            (pagination(&if refresh { format!("{base}?refresh=on") } else { base.clone() }, page, pages))
            p { a href="/organizer/outbox" { "Every email in the outbox" } }
        },
    )
}
