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

/// "3 confirmed subscribers", as buttons and notices count them.
fn confirmed_subscribers(n: i64) -> String {
    t!("dash-newsletter-confirmed-subscribers", n = n)
}

fn subnav(current: &str) -> Markup {
    let tabs = [
        ("/organizer/newsletter", t!("dash-newsletter-tab-issues")),
        ("/organizer/newsletter/write", t!("dash-newsletter-write")),
        (
            "/organizer/newsletter/subscribers",
            t!("dash-newsletter-subscribers"),
        ),
    ];
    html! {
        nav.tabs aria-label=(t!("dash-nav-newsletter")) {
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
    t!(
        "dash-newsletter-delivery",
        sent = d.sent,
        pending = d.pending,
        failed = d.failed,
        queued = queued
    )
}

pub fn home(
    viewer: &Viewer<'_>,
    issues: &[IssueSummary],
    counts: &StatusCounts,
    done: Option<&str>,
) -> Markup {
    layout(
        &t!("dash-nav-newsletter"),
        viewer,
        html! {
            h1 { (t!("dash-nav-newsletter")) }
            (subnav("/organizer/newsletter"))
            (flash(done, None))
            p { (t!("dash-newsletter-intro")) " " a href="/newsletter" { "/newsletter" } " " (t!("dash-newsletter-intro-end")) }
            h2 { (t!("dash-newsletter-subscribers")) }
            dl.delivery-counts {
                div { dt { (t!("dash-newsletter-confirmed")) } dd { (counts.confirmed) } }
                div { dt { (t!("dash-newsletter-pending")) } dd { (counts.pending) } }
                div { dt { (t!("dash-newsletter-unsubscribed")) } dd { (counts.unsubscribed) } }
            }
            p {
                a href="/organizer/newsletter/write" { (t!("dash-newsletter-write")) } " · "
                a href="/organizer/newsletter/subscribers" { (t!("dash-newsletter-subscribers-link")) }
            }
            h2 { (t!("dash-newsletter-issues-sent")) }
            @if issues.is_empty() {
                p.muted { (t!("dash-newsletter-no-issue")) }
            } @else {
                div.table-scroll role="region" aria-label=(t!("dash-newsletter-issues-sent")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-message-subject")) } th scope="col" { (t!("dash-newsletter-col-sent")) } th scope="col" { (t!("dash-newsletter-col-recipients")) } th scope="col" { (t!("dash-newsletter-col-delivery")) } } }
                    tbody {
                        @for s in issues {
                            tr {
                                td { a href={"/organizer/newsletter/issues/" (s.issue.id)} { (s.issue.subject) } }
                                td { (utc(s.issue.created_at)) }
                                td {
                                    @if let Some(to) = &s.issue.test_to { (t!("dash-newsletter-test-to", to = to.as_str())) }
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
        div #issue-preview role="region" aria-label=(t!("dash-newsletter-preview-label")) aria-live="polite" {
            @if let Some(sample) = sample {
                div.preview {
                    p { strong { (t!("dash-message-subject-label")) " " } (sample.subject) }
                    h3 { (t!("dash-newsletter-html-part")) }
                    iframe.mail-html title=(t!("dash-newsletter-html-part-title")) sandbox="" srcdoc=(sample.html) {}
                    h3 { (t!("dash-newsletter-text-part")) }
                    pre.mail { (sample.text) }
                }
            } @else {
                p.muted { (t!("dash-newsletter-press-preview")) }
            }
        }
    }
}

fn fields(values: &IssueValues, errors: &FieldErrors) -> Markup {
    html! {
        (crate::views::text_field("subject", &t!("dash-message-subject"), "text", &values.subject, errors.get("subject"), true))
        div {
            label for="field-body" { (t!("dash-newsletter-text")) }
            p.hint id="body-hint" { (t!("dash-newsletter-text-hint")) }
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
        &t!("dash-newsletter-write"),
        viewer,
        html! {
            h1 { (t!("dash-newsletter-write")) }
            (subnav("/organizer/newsletter/write"))
            (flash(done, None))
            @if !errors.is_empty() { p.notice.bad role="alert" { (t!("dash-newsletter-correct-fields")) } }
            form.stack #issue-form method="post" action="/organizer/newsletter/preview" novalidate {
                (csrf_field(viewer.csrf))
                (fields(values, errors))
                div.actions {
                    button.secondary type="submit" { (t!("dash-preview")) }
                    button.secondary type="submit" formaction="/organizer/newsletter/test" { (t!("dash-newsletter-send-test", email = viewer.email)) }
                    button type="submit" formaction="/organizer/newsletter/confirm" { (t!("dash-newsletter-send-to", subscribers = confirmed_subscribers(confirmed))) }
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
        &t!("dash-newsletter-confirm-title"),
        viewer,
        html! {
            h1 { (t!("dash-newsletter-confirm-title")) }
            (subnav("/organizer/newsletter/write"))
            @if confirmed == 0 {
                p.notice.bad role="alert" { (t!("dash-newsletter-confirm-nobody")) }
            } @else {
                p.notice { "“" strong { (values.subject) } "” " (t!("dash-newsletter-confirm-will-go")) " " strong { (confirmed_subscribers(confirmed)) } ", " (t!("dash-newsletter-confirm-once")) }
                form.inline method="post" action="/organizer/newsletter/send" {
                    (hidden)
                    input type="hidden" name="expected" value=(confirmed);
                    button type="submit" { (t!("dash-newsletter-confirm-yes", n = confirmed)) }
                }
            }
            form.inline method="post" action="/organizer/newsletter/preview" {
                (hidden)
                button.secondary type="submit" { (t!("dash-newsletter-back-to-text")) }
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
        &t!(
            "dash-newsletter-issue-title",
            subject = issue.subject.as_str()
        ),
        viewer,
        (waiting && refresh).then_some(REFRESH_SECONDS),
        html! {
            h1 { (t!("dash-newsletter-issue-title", subject = issue.subject.as_str())) }
            (subnav(""))
            (flash(done, None))
            p {
                (t!("dash-newsletter-queued-at", at = utc(issue.created_at)))
                @if let Some(to) = &issue.test_to { " " (t!("dash-newsletter-as-test-to")) " " strong { (to) } } @else { " " (t!("dash-newsletter-for", subscribers = confirmed_subscribers(queued))) }
                "."
            }
            div.progress {
                label for="issue-progress" { (t!("dash-newsletter-progress", finished = finished, queued = queued)) }
                progress #issue-progress max=(queued.max(1)) value=(finished.min(queued.max(1))) { (t!("dash-newsletter-progress-value", finished = finished, queued = queued)) }
            }
            dl.delivery-counts {
                div { dt { (t!("dash-newsletter-queued")) } dd { (queued) } }
                div { dt { (t!("dash-gauge-waiting")) } dd { (delivery.pending) } }
                div { dt { (t!("dash-newsletter-delivered")) } dd { (delivery.sent) } }
                div { dt { (t!("dash-newsletter-failed")) } dd { (delivery.failed) } }
            }
            @if waiting && refresh {
                p.muted role="status" { (t!("dash-newsletter-reloads", seconds = REFRESH_SECONDS)) " " a href=(base) { (t!("dash-newsletter-stop-reloading")) } }
            } @else if waiting {
                p.muted { a href={(base) "?refresh=on"} { (t!("dash-newsletter-reload-every", seconds = REFRESH_SECONDS)) } }
            } @else if delivery.failed > 0 {
                p { (t!("dash-newsletter-left-some-refused")) }
            } @else {
                p { (t!("dash-newsletter-all-delivered")) }
            }
            @if !failed.is_empty() {
                h2 { (t!("dash-newsletter-failed")) }
                div.table-scroll role="region" aria-label=(t!("dash-newsletter-failed-label")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-message-to")) } th scope="col" { (t!("dash-newsletter-col-last-error")) } th scope="col" { (t!("dash-col-actions")) } } }
                    tbody {
                        @for row in failed {
                            tr {
                                td { (row.recipient) }
                                td { (row.last_error.as_deref().unwrap_or("")) }
                                td.actions {
                                    form.inline method="post" action={(base) "/retry/" (row.id)} {
                                        (csrf_field(viewer.csrf))
                                        button.secondary type="submit" { (t!("dash-newsletter-send-again", to = row.recipient.as_str())) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            p { a href={"/organizer/outbox/sends/" (issue.send_id)} { (t!("dash-newsletter-every-email")) } " · " a href="/organizer/newsletter" { (t!("dash-newsletter-all-issues")) } }
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
        &t!("dash-newsletter-subscribers"),
        viewer,
        html! {
            h1 { (t!("dash-newsletter-subscribers")) }
            (subnav("/organizer/newsletter/subscribers"))
            form.inline method="get" action="/organizer/newsletter/subscribers" role="search" {
                label for="field-q" { (t!("dash-newsletter-address-contains")) }
                " "
                input type="search" id="field-q" name="q" value=(query) autocomplete="off" autocapitalize="none" spellcheck="false";
                " "
                button type="submit" { (t!("dash-newsletter-search")) }
            }
            p {
                @if query.is_empty() { (t!("dash-newsletter-addresses-in-all", n = total)) " " }
                @else { (t!("dash-newsletter-addresses-match", n = total)) " " strong { (query) } ". " a href="/organizer/newsletter/subscribers" { (t!("dash-newsletter-show-all")) } " · " }
                a href="/organizer/newsletter/subscribers.csv" download { (t!("dash-newsletter-export")) }
            }
            @if !rows.is_empty() {
                div.table-scroll role="region" aria-label=(t!("dash-newsletter-subscribers")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-col-email")) } th scope="col" { (t!("dash-registrations-status")) } th scope="col" { (t!("dash-team-col-since")) } } }
                    tbody {
                        @for s in rows {
                            @let (status, since) = status_of(s);
                            tr {
                                td { (s.email) }
                                td { span class={"badge subscriber-" (status)} { (t!("dash-newsletter-status", status = status)) } }
                                td { (local(since, chrono_tz::UTC)) }
                            }
                        }
                    }
                } }
            }
            (pagination(&base, page, pages))
            h2 { (t!("dash-newsletter-import")) }
            p { (t!("dash-newsletter-import-hint")) }
            form.stack method="post" action="/organizer/newsletter/subscribers/import" enctype="multipart/form-data" {
                (csrf_field(viewer.csrf))
                div {
                    label for="field-file" { (t!("dash-newsletter-csv-file")) }
                    input type="file" id="field-file" name="file" accept=".csv,.txt,text/csv,text/plain" required;
                }
                div { button type="submit" { (t!("dash-newsletter-import-button")) } }
            }
        },
    )
}

pub fn imported(viewer: &Viewer<'_>, list: &SubscriberList, done: &Imported) -> Markup {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    layout(
        &t!("dash-newsletter-import-done"),
        viewer,
        html! {
            h1 { (t!("dash-newsletter-import-done")) }
            (subnav("/organizer/newsletter/subscribers"))
            p.notice.ok role="status" { (t!("dash-newsletter-read-with")) " " code { (list.delimiter) } " " (t!("dash-newsletter-between-fields")) " " @if list.header { (t!("dash-newsletter-header-row")) } @else { (t!("dash-newsletter-no-header-row")) } "." }
            dl.delivery-counts {
                div { dt { (t!("dash-newsletter-requests-sent")) } dd #imported-requested { (done.requested) } }
                div { dt { (t!("dash-newsletter-already")) } dd #imported-already { (done.already) } }
                div { dt { (t!("dash-newsletter-unsubscribed-skipped")) } dd #imported-unsubscribed { (done.unsubscribed) } }
                div { dt { (t!("dash-newsletter-invalid-lines")) } dd #imported-invalid { (list.invalid.len()) } }
            }
            @if done.limited > 0 {
                p { (t!("dash-newsletter-limited", n = count(done.limited))) }
            }
            @if list.repeated > 0 {
                p { (t!("dash-newsletter-repeated", n = count(list.repeated))) }
            }
            p { (t!("dash-newsletter-waiting-confirmation")) }
            @if !list.invalid.is_empty() {
                h2 { (t!("dash-newsletter-invalid-lines")) }
                ul {
                    @for i in &list.invalid { li { (t!("dash-newsletter-line", n = i.line)) " " (i.reason) } }
                }
            }
            p { a href="/organizer/newsletter/subscribers" { (t!("dash-newsletter-back-to-subscribers")) } }
        },
    )
}
