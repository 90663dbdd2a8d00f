//! Everyone registered for an event in one table (filtered, searched, sorted, paged), the
//! waiting line in order with its actions, and capacity changes with their preview.

use std::collections::HashMap;

use maud::{html, Markup};

use super::overview::Promotions;
use super::{
    button_form, csrf_field, event_tabs, flash, layout, local, mode_name, pagination,
    status_badge_named, status_name, tz_of, Viewer,
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
    let words = RowWords::new();
    layout(
        &t!("dash-registrations-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-registrations-title")) }
            // A check-in helper reaches this list and the door, nothing else of the event.
            @if viewer.role == Role::CheckIn {
                p { a href={"/organizer/events/" (e.slug) "/check-in"} { (t!("dash-overview-check-in-page")) } }
            } @else {
                (event_tabs(&e.slug, "/registrations"))
            }
            (flash(done, None))
            form.filters method="get" action=(base) {
                div {
                    label for="filter-status" { (t!("dash-registrations-status")) }
                    select id="filter-status" name="status" {
                        option value="" { (t!("dash-registrations-any")) }
                        option value="active" selected[filters.status == "active"] { (t!("dash-registrations-active")) }
                        @for &s in Status::ALL { option value=(s.as_str()) selected[filters.status == s.as_str()] { (words.status_name(s)) } }
                    }
                }
                div {
                    label for="filter-mode" { (t!("dash-registrations-mode")) }
                    select id="filter-mode" name="mode" {
                        option value="" { (t!("dash-registrations-any")) }
                        @for m in Mode::ALL { option value=(m.as_str()) selected[filters.mode == m.as_str()] { (mode_name(*m)) } }
                    }
                }
                @if state.questions.iter().any(|q| q.kind.has_options()) {
                    div {
                        label for="filter-answer" { (t!("dash-registrations-answer")) }
                        select id="filter-answer" name="answer" {
                            option value="" { (t!("dash-registrations-any")) }
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
                    label for="filter-q" { (t!("dash-registrations-search")) }
                    input type="search" id="filter-q" name="q" value=(filters.q);
                }
                input type="hidden" name="sort" value=(filters.sort.as_str());
                @if filters.descending { input type="hidden" name="dir" value="desc"; }
                div { button type="submit" { (t!("dash-registrations-show")) } }
            }
            p { (t!("dash-registrations-match", n = total)) }
            div.table-scroll role="region" aria-label=(t!("dash-registrations-title")) tabindex="0" { table.data {
                thead { tr {
                    (sort_header(&base, filters, SortBy::Name, &t!("dash-col-name")))
                    (sort_header(&base, filters, SortBy::Email, &t!("dash-col-email")))
                    (sort_header(&base, filters, SortBy::Affiliation, &t!("dash-col-affiliation")))
                    @for q in &state.questions { th scope="col" { (q.label) } }
                    (sort_header(&base, filters, SortBy::Status, &t!("dash-registrations-status")))
                    th scope="col" { (t!("dash-registrations-mode")) }
                    th scope="col" { (t!("dash-registrations-col-line")) }
                    (sort_header(&base, filters, SortBy::Registered, &t!("dash-registrations-col-registered")))
                    th scope="col" { (t!("dash-col-actions")) }
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
                            td { (words.status_badge(r.status)) }
                            td { @match r.mode { Some(m) => { (words.mode(m)) } None => { (t!("dash-registrations-wants", preference = r.row.preference.as_str())) } } }
                            td {
                                @if let Some(p) = r.position { (t!("dash-registrations-position", n = p)) }
                                @if let Some(until) = r.hold_until { (t!("dash-registrations-answer-by", at = local(until, tz))) }
                                @if let Some(m) = r.wait_for { (t!("dash-registrations-waits-for", mode = m.as_str())) }
                                @if let Some(until) = r.reconfirm_by { (t!("dash-registrations-reconfirm-by", at = local(until, tz))) }
                            }
                            td { (local(r.row.created_at.utc(), tz)) }
                            td.actions {
                                @if let (Some(until), true) = (r.reconfirm_by, viewer.role != Role::CheckIn) {
                                    form.inline method="post" action={"/organizer/registrations/" (r.row.id) "/hold"} {
                                        (csrf_field(viewer.csrf))
                                        label.visually-hidden for={"deadline-" (r.row.id)} { (t!("dash-registrations-new-deadline", name = r.row.name.as_str())) }
                                        input type="datetime-local" id={"deadline-" (r.row.id)} name="hold_until" value=(until.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()) required;
                                        button.secondary type="submit" { (words.change_deadline) }
                                    }
                                }
                                @if !r.status.is_ended() && r.status != Status::PendingEmail && viewer.role != Role::CheckIn {
                                    (button_form(viewer, &format!("/organizer/registrations/{}/revoke", r.row.id), &words.revoke, "danger"))
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

/// The words every row of the table repeats, looked up once per page rather than once
/// per row: a page of 50 rows otherwise asked the translations for them about 150 times.
struct RowWords {
    /// The name of each status, in the order of `Status::ALL`.
    statuses: Vec<String>,
    in_person: String,
    virtual_mode: String,
    change_deadline: String,
    revoke: String,
}

impl RowWords {
    fn new() -> Self {
        RowWords {
            statuses: Status::ALL
                .iter()
                .map(|&status| status_name(status))
                .collect(),
            in_person: mode_name(Mode::InPerson),
            virtual_mode: mode_name(Mode::Virtual),
            change_deadline: t!("dash-registrations-change-deadline"),
            revoke: t!("dash-registrations-revoke"),
        }
    }

    fn mode(&self, mode: Mode) -> &str {
        match mode {
            Mode::InPerson => &self.in_person,
            Mode::Virtual => &self.virtual_mode,
        }
    }

    fn status_name(&self, status: Status) -> &str {
        let index = Status::ALL.iter().position(|&known| known == status);
        index.map_or(status.as_str(), |index| &self.statuses[index])
    }

    fn status_badge(&self, status: Status) -> Markup {
        status_badge_named(status, self.status_name(status))
    }
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
        &t!("dash-line-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-line-title")) }
            (event_tabs(&e.slug, "/line"))
            (flash(done, problem))
            p { (t!("dash-line-hint")) }
            @if entries.is_empty() {
                p { (t!("dash-line-none")) }
            } @else {
                div.table-scroll role="region" aria-label=(t!("dash-line-title")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { "#" } th scope="col" { (t!("dash-col-name")) } th scope="col" { (t!("dash-col-email")) } th scope="col" { (t!("dash-line-col-waits-for")) } th scope="col" { (t!("dash-line-col-priority")) } th scope="col" { (t!("dash-line-col-since")) } th scope="col" { (t!("dash-col-actions")) } } }
                    tbody {
                        @for entry in entries {
                            @let r = &entry.registration;
                            @let id = r.row.id;
                            tr {
                                td { (entry.position) }
                                td { (r.row.name) }
                                td { (r.row.email) }
                                td { @match r.wait_for { Some(m) => { (mode_name(m)) " " (t!("dash-line-keeps", mode = r.mode.map(mode_name).unwrap_or_default())) } None => { (t!("dash-preference", preference = r.row.preference.as_str())) } } }
                                td { (entry.priority) }
                                td { @if let Some(at) = r.row.line_since { (local(at.utc(), tz)) } }
                                td.actions {
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/promote"), &t!("dash-line-promote"), ""))
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/up"), &t!("dash-line-move-up"), "secondary"))
                                    (button_form(viewer, &format!("/organizer/registrations/{id}/down"), &t!("dash-line-move-down"), "secondary"))
                                    @if r.status == Status::Waitlisted {
                                        (button_form(viewer, &format!("/organizer/registrations/{id}/remove"), &t!("dash-line-remove"), "danger"))
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
        &t!("dash-capacity-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-capacity-title")) }
            (event_tabs(&e.slug, "/capacity"))
            (flash(None, problem))
            p { (t!("dash-capacity-hint")) }
            form.stack method="get" action=(base) {
                div.two {
                    div {
                        label for="field-in_person" { (t!("dash-event-form-in-person-capacity")) }
                        input type="number" min="0" id="field-in_person" name="in_person" value=(in_person) required;
                    }
                    div {
                        label for="field-virtual" { (t!("dash-event-form-virtual-capacity")) }
                        input type="number" min="0" id="field-virtual" name="virtual" value=(virtual_seats);
                    }
                }
                div { button.secondary type="submit" { (t!("dash-preview")) } }
            }
            @if let Some(promotions) = preview {
                div.preview role="region" aria-label=(t!("dash-overview-preview-label")) {
                    @if promotions.is_empty() {
                        p { strong { (t!("dash-capacity-nobody")) } }
                    } @else {
                        p { strong { (t!("dash-capacity-hands-to")) } }
                        ol {
                            @for (mode, name) in &promotions.confirmed { li { (name) " — " (t!("dash-promotion-confirmed", seat = super::a_seat(*mode))) } }
                            @for (mode, name) in &promotions.offered { li { (name) " — " (t!("dash-promotion-offered", seat = super::a_seat(*mode))) } }
                        }
                    }
                    form.inline method="post" action=(base) {
                        (csrf_field(viewer.csrf))
                        input type="hidden" name="in_person" value=(in_person);
                        input type="hidden" name="virtual" value=(virtual_seats);
                        button type="submit" { (t!("dash-capacity-apply")) }
                    }
                }
            }
        },
    )
}
