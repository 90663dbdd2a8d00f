//! The newsletter in the dashboard: the issues sent and the subscribers by status; writing
//! an issue with a preview of the email (both parts; `static/newsletter.js` updates it as
//! one types, and the Preview button does without a script), a test to oneself, and a
//! confirmation step naming the number before it goes to every confirmed subscriber; an
//! issue's delivery; the subscribers, searched and paged, their CSV export and an import.

use maud::{html, Markup};

use super::{csrf_field, flash, layout, layout_refreshing, local, pagination, Viewer};
use crate::domain::subscriber_list::SubscriberList;
use crate::domain::FieldErrors;
use crate::mail::Composed;
use crate::services::newsletter::{
    status_of, Delivery, Imported, Issue, IssueSummary, StatusCounts, Subscriber,
};
use crate::store::outbox::OutboxRow;

/// How often an issue's page reloads while some of its emails wait.
pub const REFRESH_SECONDS: u32 = 3;

fn utc(at: chrono::NaiveDateTime) -> String {
    local(at.and_utc(), chrono_tz::UTC)
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn subnav(current: &str) -> Markup {
    let tabs = [
        ("/organizer/newsletter", "Issues"),
        ("/organizer/newsletter/write", "Write an issue"),
        ("/organizer/newsletter/subscribers", "Subscribers"),
    ];
    html! {
        nav.tabs aria-label="Newsletter" {
            @for (path, label) in tabs {
                @if path == current {
                    a.current href=(path) aria-current="page" { (label) }
                } @else {
                    a href=(path) { (label) }
                }
            }
        }
    }
}

fn delivery_words(queued: i64, d: &Delivery) -> String {
    format!(
        "{} delivered, {} waiting, {} failed of {queued}",
        d.sent, d.pending, d.failed
    )
}

pub fn home(
    viewer: &Viewer<'_>,
    issues: &[IssueSummary],
    counts: &StatusCounts,
    done: Option<&str>,
) -> Markup {
    layout(
        "Newsletter",
        viewer,
        html! {
            h1 { "Newsletter" }
            (subnav("/organizer/newsletter"))
            (flash(done, None))
            p { "People sign up for news on the public page " a href="/newsletter" { "/newsletter" } " and confirm their address by email (double opt-in); an issue goes to confirmed subscribers only, each with a one-click unsubscribe link." }
            h2 { "Subscribers" }
            dl.delivery-counts {
                div { dt { "Confirmed" } dd { (counts.confirmed) } }
                div { dt { "Waiting for confirmation" } dd { (counts.pending) } }
                div { dt { "Unsubscribed" } dd { (counts.unsubscribed) } }
            }
            p {
                a href="/organizer/newsletter/write" { "Write an issue" } " · "
                a href="/organizer/newsletter/subscribers" { "Subscribers, export and import" }
            }
            h2 { "Issues sent" }
            @if issues.is_empty() {
                p.muted { "No issue has been sent yet." }
            } @else {
                div.table-scroll role="region" aria-label="Issues sent" tabindex="0" { table.data {
                    thead { tr { th scope="col" { "Subject" } th scope="col" { "Sent (UTC)" } th scope="col" { "Recipients" } th scope="col" { "Delivery" } } }
                    tbody {
                        @for s in issues {
                            tr {
                                td { a href={"/organizer/newsletter/issues/" (s.issue.id)} { (s.issue.subject) } }
                                td { (utc(s.issue.created_at)) }
                                td {
                                    @if let Some(to) = &s.issue.test_to { "Test to " (to) }
                                    @else { (s.queued) }
                                }
                                td { (delivery_words(i64::from(s.queued), &s.delivery)) }
                            }
                        }
                    }
                } }
            }
        },
    )
}

/// What the write form was given.
#[derive(Debug, Clone, Default)]
pub struct IssueValues {
    pub subject: String,
    pub body: String,
}

/// The email as it will look: subject, the HTML part (in a frame of its own, which runs
/// nothing) and the text part. The same fragment is what the live preview fetches.
pub fn preview_part(sample: Option<&Composed>) -> Markup {
    html! {
        div #issue-preview role="region" aria-label="Preview of the email" aria-live="polite" {
            @if let Some(sample) = sample {
                div.preview {
                    p { strong { "Subject: " } (sample.subject) }
                    h3 { "HTML part" }
                    iframe.mail-html title="The HTML part of the email" sandbox="" srcdoc=(sample.html) {}
                    h3 { "Text part" }
                    pre.mail { (sample.text) }
                }
            } @else {
                p.muted { "Press Preview to see the email as subscribers will get it." }
            }
        }
    }
}

fn fields(values: &IssueValues, errors: &FieldErrors) -> Markup {
    html! {
        (crate::views::text_field("subject", "Subject", "text", &values.subject, errors.get("subject"), true))
        div {
            label for="field-body" { "Text" }
            p.hint id="body-hint" { "Markdown: a blank line starts a paragraph; **bold**, *italic*, [a link](https://…), lists with - . The unsubscribe link is added at the end." }
            textarea id="field-body" name="body" rows="14" aria-describedby={"body-hint" @if errors.get("body").is_some() { " field-body-error" }} aria-invalid=[errors.get("body").map(|_| "true")] { (values.body) }
            @if let Some(e) = errors.get("body") { p.field-error id="field-body-error" { (e.join("; ")) } }
        }
    }
}

pub fn write(
    viewer: &Viewer<'_>,
    values: &IssueValues,
    errors: &FieldErrors,
    sample: Option<&Composed>,
    confirmed: i64,
    done: Option<&str>,
) -> Markup {
    layout(
        "Write an issue",
        viewer,
        html! {
            h1 { "Write an issue" }
            (subnav("/organizer/newsletter/write"))
            (flash(done, None))
            @if !errors.is_empty() { p.notice.bad role="alert" { "Nothing was sent: please correct the fields marked below." } }
            form.stack #issue-form method="post" action="/organizer/newsletter/preview" novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, errors))
                div.actions {
                    button.secondary type="submit" { "Preview" }
                    button.secondary type="submit" formaction="/organizer/newsletter/test" { "Send a test to me (" (viewer.email) ")" }
                    button type="submit" formaction="/organizer/newsletter/confirm" { "Send to " (plural(confirmed, "confirmed subscriber", "confirmed subscribers")) "…" }
                }
            }
            (preview_part(sample))
            script src="/static/newsletter.js" defer {}
        },
    )
}

/// The step before an issue goes out: what, and to how many.
pub fn confirm(viewer: &Viewer<'_>, values: &IssueValues, confirmed: i64) -> Markup {
    let hidden = html! {
        (csrf_field(viewer.csrf))
        input type="hidden" name="subject" value=(values.subject);
        textarea.visually-hidden name="body" aria-hidden="true" tabindex="-1" { (values.body) }
    };
    layout(
        "Send the issue?",
        viewer,
        html! {
            h1 { "Send the issue?" }
            (subnav("/organizer/newsletter/write"))
            @if confirmed == 0 {
                p.notice.bad role="alert" { "Nobody has confirmed a subscription yet: there is nobody to send it to." }
            } @else {
                p.notice { "“" strong { (values.subject) } "” will go to " strong { (plural(confirmed, "confirmed subscriber", "confirmed subscribers")) } ", once each. This cannot be undone." }
                form.inline method="post" action="/organizer/newsletter/send" {
                    (hidden)
                    input type="hidden" name="expected" value=(confirmed);
                    button type="submit" { "Yes, send to " (plural(confirmed, "subscriber", "subscribers")) }
                }
            }
            form.inline method="post" action="/organizer/newsletter/preview" {
                (hidden)
                button.secondary type="submit" { "Back to the text" }
            }
        },
    )
}

pub fn issue(
    viewer: &Viewer<'_>,
    issue: &Issue,
    queued: i32,
    delivery: &Delivery,
    failed: &[OutboxRow],
    refresh: bool,
    done: Option<&str>,
) -> Markup {
    let queued = i64::from(queued);
    let finished = delivery.sent + delivery.failed;
    let waiting = delivery.pending > 0;
    let base = format!("/organizer/newsletter/issues/{}", issue.id);
    layout_refreshing(
        &format!("Issue: {}", issue.subject),
        viewer,
        (waiting && refresh).then_some(REFRESH_SECONDS),
        html! {
            h1 { "Issue: " (issue.subject) }
            (subnav(""))
            (flash(done, None))
            p {
                "Queued " (utc(issue.created_at))
                @if let Some(to) = &issue.test_to { " as a test to " strong { (to) } } @else { " for " (plural(queued, "confirmed subscriber", "confirmed subscribers")) }
                "."
            }
            div.progress {
                label for="issue-progress" { "Delivery: " (finished) " of " (queued) " done" }
                progress #issue-progress max=(queued.max(1)) value=(finished.min(queued.max(1))) { (finished) " of " (queued) }
            }
            dl.delivery-counts {
                div { dt { "Queued" } dd { (queued) } }
                div { dt { "Waiting" } dd { (delivery.pending) } }
                div { dt { "Delivered" } dd { (delivery.sent) } }
                div { dt { "Failed" } dd { (delivery.failed) } }
            }
            @if waiting && refresh {
                p.muted role="status" { "This page reloads every " (REFRESH_SECONDS) " seconds until every email has left. " a href=(base) { "Stop reloading" } }
            } @else if waiting {
                p.muted { a href={(base) "?refresh=on"} { "Reload every " (REFRESH_SECONDS) " seconds until every email has left" } }
            } @else if delivery.failed > 0 {
                p { "Every email has left the outbox; the mail server refused those below for good." }
            } @else {
                p { "Every email was delivered." }
            }
            @if !failed.is_empty() {
                h2 { "Failed" }
                div.table-scroll role="region" aria-label="Failed emails" tabindex="0" { table.data {
                    thead { tr { th scope="col" { "To" } th scope="col" { "Last error" } th scope="col" { "Actions" } } }
                    tbody {
                        @for row in failed {
                            tr {
                                td { (row.recipient) }
                                td { (row.last_error.as_deref().unwrap_or("")) }
                                td.actions {
                                    form.inline method="post" action={(base) "/retry/" (row.id)} {
                                        (csrf_field(viewer.csrf))
                                        button.secondary type="submit" { "Send again to " (row.recipient) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            p { a href={"/organizer/outbox/sends/" (issue.send_id)} { "Every email of this issue" } " · " a href="/organizer/newsletter" { "All issues" } }
        },
    )
}

pub fn subscribers(
    viewer: &Viewer<'_>,
    rows: &[Subscriber],
    total: i64,
    query: &str,
    page: i64,
    pages: i64,
) -> Markup {
    let base = if query.is_empty() {
        "/organizer/newsletter/subscribers".to_owned()
    } else {
        format!(
            "/organizer/newsletter/subscribers?q={}",
            crate::web::respond::url_escape(query)
        )
    };
    layout(
        "Subscribers",
        viewer,
        html! {
            h1 { "Subscribers" }
            (subnav("/organizer/newsletter/subscribers"))
            form.inline method="get" action="/organizer/newsletter/subscribers" role="search" {
                label for="field-q" { "Address contains" }
                " "
                input type="search" id="field-q" name="q" value=(query) autocomplete="off" autocapitalize="none" spellcheck="false";
                " "
                button type="submit" { "Search" }
            }
            p {
                @if query.is_empty() { (plural(total, "address", "addresses")) " in all. " }
                @else { (plural(total, "address matches", "addresses match")) " " strong { (query) } ". " a href="/organizer/newsletter/subscribers" { "Show all" } " · " }
                a href="/organizer/newsletter/subscribers.csv" download { "Export all as CSV" }
            }
            @if !rows.is_empty() {
                div.table-scroll role="region" aria-label="Subscribers" tabindex="0" { table.data {
                    thead { tr { th scope="col" { "Email" } th scope="col" { "Status" } th scope="col" { "Since (UTC)" } } }
                    tbody {
                        @for s in rows {
                            @let (status, since) = status_of(s);
                            tr {
                                td { (s.email) }
                                td { span class={"badge subscriber-" (status)} { (status) } }
                                td { (local(since, chrono_tz::UTC)) }
                            }
                        }
                    }
                } }
            }
            (pagination(&base, page, pages))
            h2 { "Import addresses" }
            p { "A CSV file with a column named email (or E-mail, Email Address), fields separated by commas or semicolons; without a header row, each line's first field with an @ is read. Every new address gets a confirmation request and receives nothing else until it confirms; confirmed addresses stay as they are; addresses that unsubscribed are not signed up again." }
            form.stack method="post" action="/organizer/newsletter/subscribers/import" enctype="multipart/form-data" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-file" { "CSV file" }
                    input type="file" id="field-file" name="file" accept=".csv,.txt,text/csv,text/plain" required;
                }
                div { button type="submit" { "Import and send confirmation requests" } }
            }
        },
    )
}

pub fn imported(viewer: &Viewer<'_>, list: &SubscriberList, done: &Imported) -> Markup {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    layout(
        "Import done",
        viewer,
        html! {
            h1 { "Import done" }
            (subnav("/organizer/newsletter/subscribers"))
            p.notice.ok role="status" { "Read with " code { (list.delimiter) } " between fields, " @if list.header { "the first line as the header row" } @else { "no header row" } "." }
            dl.delivery-counts {
                div { dt { "Confirmation requests sent" } dd #imported-requested { (done.requested) } }
                div { dt { "Already subscribed" } dd #imported-already { (done.already) } }
                div { dt { "Unsubscribed, skipped" } dd #imported-unsubscribed { (done.unsubscribed) } }
                div { dt { "Invalid lines" } dd #imported-invalid { (list.invalid.len()) } }
            }
            @if done.limited > 0 {
                p { (plural(count(done.limited), "address was", "addresses were")) " sent their requests for today already: they get no new one now." }
            }
            @if list.repeated > 0 {
                p { (plural(count(list.repeated), "line repeats", "lines repeat")) " an address read before; it was counted once." }
            }
            p { "The new addresses are waiting for confirmation: no issue reaches them until they confirm, and those not confirmed in time are deleted." }
            @if !list.invalid.is_empty() {
                h2 { "Invalid lines" }
                ul {
                    @for i in &list.invalid { li { "Line " (i.line) ": " (i.reason) } }
                }
            }
            p { a href="/organizer/newsletter/subscribers" { "Back to the subscribers" } }
        },
    )
}
