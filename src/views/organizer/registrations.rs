//! Everyone registered for an event in one table (filtered, searched, sorted, paged), the
//! waiting line in order with its actions, and capacity changes with their preview.

use std::collections::HashMap;

use maud::{html, Markup};

use super::overview::Promotions;
use super::{
    button_form, csrf_field, event_tabs, flash, layout, local, mode_name, pagination, status_badge,
    tz_of, Viewer,
};
use crate::domain::{Answers, Mode, RegistrationId, Role, Status};
use crate::reads::{EventState, RegistrationState, SortBy};

/// The table's filters as given in the query string.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub status: String,
    pub mode: String,
    pub q: String,
    /// `KEY:VALUE`, or empty for any answer.
    pub answer: String,
    pub sort: SortBy,
    pub descending: bool,
    pub page: i64,
}

impl Filters {
    /// The query string of these filters with another sort, and without a page.
    pub fn query(&self, sort: SortBy, descending: bool) -> String {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        if !self.status.is_empty() {
            url.append_pair("status", &self.status);
        }
        if !self.mode.is_empty() {
            url.append_pair("mode", &self.mode);
        }
        if !self.q.is_empty() {
            url.append_pair("q", &self.q);
        }
        if !self.answer.is_empty() {
            url.append_pair("answer", &self.answer);
        }
        url.append_pair("sort", sort.as_str());
        if descending {
            url.append_pair("dir", "desc");
        }
        url.finish()
    }
}

const STATUSES: [Status; 9] = [
    Status::PendingEmail,
    Status::Invited,
    Status::Waitlisted,
    Status::Offered,
    Status::Confirmed,
    Status::Declined,
    Status::Cancelled,
    Status::Expired,
    Status::Revoked,
];

fn sort_header(base: &str, filters: &Filters, sort: SortBy, label: &str) -> Markup {
    let current = filters.sort == sort;
    let descending = current && !filters.descending;
    let mark = match (current, filters.descending) {
        (true, false) => " ▲",
        (true, true) => " ▼",
        _ => "",
    };
    html! {
        th scope="col" aria-sort=[current.then(|| if filters.descending { "descending" } else { "ascending" })] {
            a href={(base) "?" (filters.query(sort, descending))} { (label) (mark) }
        }
    }
}

/// One page of the registrations table, with the answers of the people on it.
pub struct Listed<'a> {
    pub rows: &'a [RegistrationState],
    pub answers: &'a HashMap<RegistrationId, Answers>,
    /// How many match the filters, and in how many pages.
    pub total: i64,
    pub pages: i64,
}

pub fn table(
    viewer: &Viewer<'_>,
    state: &EventState,
    listed: &Listed<'_>,
    filters: &Filters,
    done: Option<&str>,
) -> Markup {
    let Listed {
        rows,
        answers,
        total,
        pages,
    } = *listed;
    let e = &state.event;
    let tz = tz_of(state);
    let base = format!("/organizer/events/{}/registrations", e.slug);
    layout(
        &format!("Registrations · {}", e.title),
        viewer,
        html! {
            h1 { "Registrations" }
            // A check-in helper reaches this list and the door, nothing else of the event.
            @if viewer.role == Role::CheckIn {
                p { a href={"/organizer/events/" (e.slug) "/check-in"} { "Check-in page" } }
            } @else {
                (event_tabs(&e.slug, "/registrations"))
            }
            (flash(done, None))
            form.filters method="get" action=(base) {
                div {
                    label for="filter-status" { "Status" }
                    select id="filter-status" name="status" {
                        option value="" { "Any" }
                        option value="active" selected[filters.status == "active"] { "Active (holding or waiting)" }
                        @for s in STATUSES { option value=(s.as_str()) selected[filters.status == s.as_str()] { (s.as_str().replace('_', " ")) } }
                    }
                }
                div {
                    label for="filter-mode" { "Mode" }
                    select id="filter-mode" name="mode" {
                        option value="" { "Any" }
                        @for m in Mode::ALL { option value=(m.as_str()) selected[filters.mode == m.as_str()] { (mode_name(*m)) } }
                    }
                }
                @if state.questions.iter().any(|q| q.kind.has_options()) {
                    div {
                        label for="filter-answer" { "Answer" }
                        select id="filter-answer" name="answer" {
                            option value="" { "Any" }
                            @for q in state.questions.iter().filter(|q| q.kind.has_options()) {
                                @for o in &q.options {
                                    @let value = format!("{}:{o}", q.key);
                                    option value=(value) selected[filters.answer == value] { (q.label) ": " (o) }
                                }
                            }
                        }
                    }
                }
                div {
                    label for="filter-q" { "Search name, email, affiliation" }
                    input type="search" id="filter-q" name="q" value=(filters.q);
                }
                input type="hidden" name="sort" value=(filters.sort.as_str());
                @if filters.descending { input type="hidden" name="dir" value="desc"; }
                div { button type="submit" { "Show" } }
            }
            p { (total) " registration" @if total != 1 { "s" } " match." }
            div.table-scroll role="region" aria-label="Registrations" tabindex="0" { table.data {
                thead { tr {
                    (sort_header(&base, filters, SortBy::Name, "Name"))
                    (sort_header(&base, filters, SortBy::Email, "Email"))
                    (sort_header(&base, filters, SortBy::Affiliation, "Affiliation"))
                    @for q in &state.questions { th scope="col" { (q.label) } }
                    (sort_header(&base, filters, SortBy::Status, "Status"))
                    th scope="col" { "Mode" }
                    th scope="col" { "Line / deadline" }
                    (sort_header(&base, filters, SortBy::Registered, "Registered"))
                    th scope="col" { "Actions" }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            td { (r.row.name) }
                            td { (r.row.email) }
                            td { (r.row.affiliation.as_deref().unwrap_or("")) }
                            @for q in &state.questions {
                                td { (answers.get(&r.row.id).and_then(|a| a.get(&q.key)).map(|v| v.join("; ")).unwrap_or_default()) }
                            }
                            td { (status_badge(r.status)) }
                            td { @match r.mode { Some(m) => { (mode_name(m)) } None => { "wants " (r.row.preference.as_str().replace('_', " ")) } } }
                            td {
                                @if let Some(p) = r.position { "number " (p) " in line" }
                                @if let Some(until) = r.hold_until { "answer by " (local(until, tz)) }
                                @if let Some(m) = r.wait_for { "waits for " (mode_name(m).to_lowercase()) }
                                @if let Some(until) = r.reconfirm_by { "to reconfirm by " (local(until, tz)) }
                            }
                            td { (local(r.row.created_at.utc(), tz)) }
                            td.actions {
                                @if let (Some(until), true) = (r.reconfirm_by, viewer.role != Role::CheckIn) {
                                    form.inline method="post" action={"/organizer/registrations/" (r.row.id) "/hold"} {
                                        (csrf_field(viewer.csrf))
                                        label.visually-hidden for={"deadline-" (r.row.id)} { "New reconfirmation deadline for " (r.row.name) }
                                        input type="datetime-local" id={"deadline-" (r.row.id)} name="hold_until" value=(until.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()) required;
                                        button.secondary type="submit" { "Change deadline" }
                                    }
                                }
                                @if !r.status.is_ended() && r.status != Status::PendingEmail && viewer.role != Role::CheckIn {
                                    (button_form(viewer, &format!("/organizer/registrations/{}/revoke", r.row.id), "Revoke", "danger"))
                                }
                            }
                        }
                    }
                }
            } }
            (pagination(&format!("{base}?{}", filters.query(filters.sort, filters.descending)), filters.page, pages))
        },
    )
}

/// One entry of the waiting line as shown.
pub struct InLine {
    pub position: usize,
    pub registration: RegistrationState,
    pub priority: i32,
}

pub fn line(
    viewer: &Viewer<'_>,
    state: &EventState,
    entries: &[InLine],
    done: Option<&str>,
    problem: Option<&str>,
) -> Markup {
    let e = &state.event;
    let tz = tz_of(state);
    layout(
        &format!("Waiting line · {}", e.title),
        viewer,
        html! {
            h1 { "Waiting line" }
            (event_tabs(&e.slug, "/line"))
            (flash(done, problem))
            p { "In order: organizer priority first (higher goes first), then the time of joining. "
                "“Move up” and “Move down” raise or lower an entry's priority by one, so it passes "
                "(or falls behind) everyone of its old priority. Promoting offers a free seat out of order." }
            @if entries.is_empty() {
                p { "Nobody is waiting." }
            } @else {
                div.table-scroll role="region" aria-label="Waiting line" tabindex="0" { table.data {
                    thead { tr { th scope="col" { "#" } th scope="col" { "Name" } th scope="col" { "Email" } th scope="col" { "Waits for" } th scope="col" { "Priority" } th scope="col" { "In line since" } th scope="col" { "Actions" } } }
                    tbody {
                        @for entry in entries {
                            @let r = &entry.registration;
                            @let id = r.row.id;
                            tr {
                                td { (entry.position) }
                                td { (r.row.name) }
                                td { (r.row.email) }
                                td { @match r.wait_for { Some(m) => { (mode_name(m)) " (keeps a " (r.mode.map(mode_name).unwrap_or("")) " seat)" } None => { (r.row.preference.as_str().replace('_', " ")) } } }
                                td { (entry.priority) }
                                td { @if let Some(at) = r.row.line_since { (local(at.utc(), tz)) } }
                                td.actions {
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/promote"), "Promote now", ""))
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/up"), "Move up", "secondary"))
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/down"), "Move down", "secondary"))
                                    @if r.status == Status::Waitlisted {
                                        (button_form(viewer, &format!("/organizer/registrations/{id}/remove"), "Remove", "danger"))
                                    }
                                }
                            }
                        }
                    }
                } }
            }
        },
    )
}

pub fn capacity(
    viewer: &Viewer<'_>,
    state: &EventState,
    in_person: &str,
    virtual_seats: &str,
    preview: Option<&Promotions>,
    problem: Option<&str>,
) -> Markup {
    let e = &state.event;
    let base = format!("/organizer/events/{}/capacity", e.slug);
    layout(
        &format!("Capacity · {}", e.title),
        viewer,
        html! {
            h1 { "Capacity" }
            (event_tabs(&e.slug, "/capacity"))
            (flash(None, problem))
            p { "Lowering a capacity below the seats already held bumps nobody; it only stops new seats." }
            form.stack method="get" action=(base) {
                div.two {
                    div {
                        label for="field-in_person" { "In-person seats" }
                        input type="number" min="0" id="field-in_person" name="in_person" value=(in_person) required;
                    }
                    div {
                        label for="field-virtual" { "Virtual seats (empty for unlimited)" }
                        input type="number" min="0" id="field-virtual" name="virtual" value=(virtual_seats);
                    }
                }
                div { button.secondary type="submit" { "Preview" } }
            }
            @if let Some(promotions) = preview {
                div.preview role="region" aria-label="What the change will do" {
                    @if promotions.is_empty() {
                        p { strong { "Nobody is offered a seat by this change." } }
                    } @else {
                        p { strong { "This change will hand seats to:" } }
                        ol {
                            @for (mode, name) in &promotions.confirmed { li { (name) " — " (super::a_seat(*mode)) ", confirmed" } }
                            @for (mode, name) in &promotions.offered { li { (name) " — offered " (super::a_seat(*mode)) } }
                        }
                    }
                    form.inline method="post" action=(base) {
                        (csrf_field(viewer.csrf))
                        input type="hidden" name="in_person" value=(in_person);
                        input type="hidden" name="virtual" value=(virtual_seats);
                        button type="submit" { "Apply the new capacity" }
                    }
                }
            }
        },
    )
}
