//! The check-in page for the door, made for a phone: counts of who arrived, a search by
//! name or address (a plain GET form; `static/check-in.js` shows results as one types),
//! and a large "arrived" button, or the time of arrival with an undo, for each match. The
//! page a participant's QR code opens shows that one person the same way.

use maud::{html, Markup};

use super::{csrf_field, event_tabs, flash, layout, local, mode_name, status_badge, tz_of, Viewer};
use crate::domain::{Role, Status};
use crate::reads::check_in::Attendance;
use crate::reads::{EventState, RegistrationState};

/// The words for the counts, the same on the page and in its live updates.
fn counts_words(attendance: &Attendance) -> String {
    t!(
        "dash-check-in-counts",
        arrived = attendance.arrived,
        expected = attendance.expected
    )
}

fn counts(attendance: &Attendance) -> Markup {
    html! {
        p.check-in-counts #check-in-counts role="status" aria-live="polite" { (counts_words(attendance)) }
    }
}

/// One person at the door: who they are, and what can be done.
fn person(viewer: &Viewer<'_>, state: &EventState, r: &RegistrationState, query: &str) -> Markup {
    let tz = tz_of(state);
    let id = r.row.id.0;
    html! {
        li.check-in-person {
            p.who { strong { (r.row.name) } br; span.email { (r.row.email) } }
            p { (status_badge(r.status)) @if let Some(mode) = r.shown_mode() { " " (mode_name(mode)) } }
            @if r.status != Status::Confirmed {
                p.notice.bad { (t!("dash-check-in-no-seat", status = super::status_name(r.status))) }
            } @else if let Some(at) = r.row.checked_in_at {
                p.arrived { (t!("dash-check-in-arrived-at", at = local(at.utc(), tz))) }
                form method="post" action={"/organizer/check-in/" (id) "/undo"} {
                    (csrf_field(viewer.csrf))
                    input type="hidden" name="q" value=(query);
                    button.secondary type="submit" { (t!("dash-check-in-undo", name = r.row.name.as_str())) }
                }
            } @else {
                form method="post" action={"/organizer/check-in/" (id)} {
                    (csrf_field(viewer.csrf))
                    input type="hidden" name="q" value=(query);
                    button.arrive type="submit" { (t!("dash-check-in-arrive", name = r.row.name.as_str())) }
                }
            }
        }
    }
}

fn results(
    viewer: &Viewer<'_>,
    state: &EventState,
    found: &[RegistrationState],
    query: &str,
) -> Markup {
    html! {
        div #check-in-results {
            @if query.trim().is_empty() {
                p { (t!("dash-check-in-type")) }
            } @else if found.is_empty() {
                p { (t!("dash-check-in-nobody-matches")) " " strong { (query) } "." }
            } @else {
                ul.check-in-list aria-label=(t!("dash-check-in-found")) {
                    @for r in found { (person(viewer, state, r, query)) }
                }
            }
        }
    }
}

/// The whole page, or (`part_only`) just the counts and results for the live search.
pub fn page(
    viewer: &Viewer<'_>,
    state: &EventState,
    attendance: &Attendance,
    found: &[RegistrationState],
    query: &str,
    done: Option<&str>,
    part_only: bool,
) -> Markup {
    let e = &state.event;
    let action = format!("/organizer/events/{}/check-in", e.slug);
    if part_only {
        return html! { (counts(attendance)) (results(viewer, state, found, query)) };
    }
    layout(
        &t!("dash-check-in-title", title = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-check-in-title", title = e.title.as_str())) }
            @if viewer.role != Role::CheckIn { (event_tabs(&e.slug, "/check-in")) }
            (flash(done, None))
            (counts(attendance))
            form.check-in-search #check-in-search method="get" action=(action) role="search" {
                label for="field-q" { (t!("dash-check-in-name-or-email")) }
                input type="search" id="field-q" name="q" value=(query) autocomplete="off" autocapitalize="none" spellcheck="false";
                button type="submit" { (t!("dash-newsletter-search")) }
            }
            (results(viewer, state, found, query))
            script src="/static/check-in.js" defer {}
        },
    )
}

/// The page of one person, opened from the QR code of their confirmation.
pub fn one(
    viewer: &Viewer<'_>,
    state: &EventState,
    attendance: &Attendance,
    r: &RegistrationState,
    done: Option<&str>,
) -> Markup {
    let e = &state.event;
    layout(
        &t!("dash-check-in-title", title = r.row.name.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-check-in-title", title = e.title.as_str())) }
            (flash(done, None))
            (counts(attendance))
            ul.check-in-list aria-label=(t!("dash-check-in-person")) { (person(viewer, state, r, "")) }
            p { a href={"/organizer/events/" (e.slug) "/check-in"} { (t!("dash-check-in-someone-else")) } }
        },
    )
}
