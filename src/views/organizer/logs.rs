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
        &t!("dash-audit-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-tab-audit")) }
            (event_tabs(&e.slug, "/audit"))
            p { (t!("dash-audit-hint")) }
            div.table-scroll role="region" aria-label=(t!("dash-tab-audit")) tabindex="0" { table.data {
                thead { tr { th scope="col" { (t!("dash-audit-col-when")) } th scope="col" { (t!("dash-audit-col-by")) } th scope="col" { (t!("dash-team-col-who")) } th scope="col" { (t!("dash-audit-col-from")) } th scope="col" { (t!("dash-message-to")) } th scope="col" { (t!("dash-audit-col-what")) } } }
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
        &t!("dash-nav-outbox"),
        viewer,
        html! {
            h1 { (t!("dash-nav-outbox")) }
            (flash(done, None))
            p { (t!("dash-outbox-hint")) }
            nav.chips aria-label=(t!("dash-outbox-filter")) {
                a.chip href="/organizer/outbox" aria-current=[status.is_empty().then_some("page")] { (t!("dash-outbox-all")) }
                a.chip href="/organizer/outbox?status=pending" aria-current=[(status == "pending").then_some("page")] { (t!("dash-outbox-pending")) }
                a.chip href="/organizer/outbox?status=sent" aria-current=[(status == "sent").then_some("page")] { (t!("dash-newsletter-delivered")) }
                a.chip href="/organizer/outbox?status=failed" aria-current=[(status == "failed").then_some("page")] { (t!("dash-newsletter-failed")) }
            }
            (email_table(viewer, rows))
            (pagination(&base, page, pages))
        },
    )
}

/// Emails with their delivery state, and "retry now" for those still waiting.
fn email_table(viewer: &Viewer<'_>, rows: &[OutboxEmail]) -> Markup {
    html! {
        div.table-scroll role="region" aria-label=(t!("dash-outbox-emails")) tabindex="0" { table.data {
            thead { tr { th scope="col" { (t!("dash-outbox-col-created")) } th scope="col" { (t!("dash-message-to")) } th scope="col" { (t!("dash-message-subject")) } th scope="col" { (t!("dash-outbox-col-kind")) } th scope="col" { (t!("dash-invitations-col-state")) } th scope="col" { (t!("dash-outbox-col-attempts")) } th scope="col" { (t!("dash-newsletter-col-last-error")) } th scope="col" { (t!("dash-col-actions")) } } }
            tbody {
                @for row in rows {
                    tr {
                        td { (local(row.created_at.and_utc(), chrono_tz::UTC)) }
                        td { (row.recipient) }
                        td { (row.subject) }
                        td { (row.kind.replace('_', " ")) }
                        td {
                            @if row.status == "sent" {
                                span.badge.status-confirmed { (t!("dash-outbox-delivered")) }
                                @if let Some(at) = row.sent_at { " " (local(at.and_utc(), chrono_tz::UTC)) }
                            } @else if row.status == "failed" {
                                span.badge.verdict-invalid { (t!("dash-outbox-failed")) }
                            } @else {
                                span.badge.status-offered { (row.status) }
                            }
                        }
                        td { (row.attempts) }
                        td { (row.last_error.as_deref().unwrap_or("")) }
                        td.actions {
                            @if row.status == "pending" {
                                (button_form(viewer, &format!("/organizer/outbox/{}/retry", row.id), &t!("dash-outbox-retry"), "secondary"))
                            }
                        }
                    }
                }
            }
        } }
    }
}

/// The selector the messages naming a kind of send read.
fn kind_key(kind: SendKind) -> &'static str {
    match kind {
        SendKind::Invitations => "invitations",
        SendKind::Message => "message",
        SendKind::Newsletter => "newsletter",
    }
}

/// What a send queued, as the page it was made from says it right after.
pub fn sent_notice(sent: &BulkSend) -> Markup {
    let queued = i64::from(sent.send.emails);
    let d = &sent.delivery;
    let kind = kind_key(sent.send.kind);
    html! {
        p.notice.ok role="status" {
            strong { (t!("dash-send-queued", n = queued, kind = kind)) } " " (t!("dash-send-for-delivery")) " "
            (t!("dash-send-so-far", sent = d.sent, pending = d.pending, failed = d.failed)) " "
            a href={"/organizer/outbox/sends/" (sent.send.id) "?refresh=on"} { (t!("dash-send-follow")) }
            " " (t!("dash-send-reloads-itself", seconds = REFRESH_SECONDS))
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
    let title = t!("dash-send-title", n = queued, kind = kind_key(send.kind));
    layout_refreshing(
        &title,
        viewer,
        (waiting && refresh).then_some(REFRESH_SECONDS),
        html! {
            h1 { (title) }
            p {
                (t!("dash-send-queued-by", at = local(send.created_at.utc(), chrono_tz::UTC), actor = send.actor.as_str()))
                @if let (Some(slug), Some(title)) = (&sent.event_slug, &sent.event_title) {
                    " " (t!("dash-send-for")) " " a href={"/organizer/events/" (slug)} { (title) }
                } @else {
                    " " (t!("dash-send-for-subscribers"))
                }
                "."
            }
            dl.delivery-counts {
                div { dt { (t!("dash-newsletter-queued")) } dd { (queued) } }
                div { dt { (t!("dash-gauge-waiting")) } dd { (d.pending) } }
                div { dt { (t!("dash-newsletter-delivered")) } dd { (d.sent) } }
                div { dt { (t!("dash-newsletter-failed")) } dd { (d.failed) } }
            }
            @if gone > 0 {
                p.muted { (t!("dash-send-gone", n = gone)) }
            }
            @if waiting && refresh {
                p.muted role="status" {
                    (t!("dash-send-reloads", seconds = REFRESH_SECONDS)) " "
                    a href=(base) { (t!("dash-newsletter-stop-reloading")) }
                }
            } @else if waiting {
                p.muted { a href={(base) "?refresh=on"} { (t!("dash-send-reload-every", seconds = REFRESH_SECONDS)) } }
            } @else if d.failed > 0 {
                p { (t!("dash-send-left-some-refused")) }
            } @else {
                p { (t!("dash-send-all-delivered")) }
            }
            (email_table(viewer, rows))
            (pagination(&if refresh { format!("{base}?refresh=on") } else { base.clone() }, page, pages))
            p { a href="/organizer/outbox" { (t!("dash-send-every-email")) } }
        },
    )
}
