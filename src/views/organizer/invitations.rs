//! Invitations: every invitation with its state, deadline and emails; the form to invite
//! from a pasted list or a CSV file; and the preview of a list before it is sent.

use std::collections::HashMap;

use maud::{html, Markup};

use super::logs::sent_notice;
use super::{
    button_form, csrf_field, event_tabs, flash, layout, local, mode_name, status_badge, tz_of,
    Viewer,
};
use crate::domain::invitation_list::{Column, Delimiter, InvitationList, Layout, Verdict};
use crate::domain::{Mode, Status};
use crate::reads::{BulkSend, EventState, RegistrationState};

/// An invitation as listed: the registration and its invitation emails (made, delivered).
pub struct InvitationLine {
    pub registration: RegistrationState,
    pub emails: (u32, u32),
}

fn deadline_value(state: &EventState, r: &RegistrationState) -> String {
    r.hold_until
        .map(|t| {
            t.with_timezone(&tz_of(state))
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The language of the invitations' emails, for the people whose row names none.
pub fn invitation_language(state: &EventState, chosen: &str) -> Markup {
    let none = match state.event.language {
        Some(language) => t!("language-invite-event", language = language.own_name()),
        None => t!("language-invite-english"),
    };
    html! {
        (super::languages::language_choice("language", &t!("language-invite-label"), &none, chosen, None))
    }
}

/// The tags a list may name languages by: "en, es".
fn site_tags() -> String {
    let tags: Vec<&str> = crate::domain::Language::ALL
        .iter()
        .map(|l| l.tag())
        .collect();
    tags.join(", ")
}

fn paste_form(viewer: &Viewer<'_>, slug: &str, text: &str) -> Markup {
    html! {
        form.stack method="post" action={"/organizer/events/" (slug) "/invitations/preview"} enctype="multipart/form-data" {
            (csrf_field(viewer.csrf))
            div {
                label for="field-list" { (t!("dash-invite-list")) }
                p.hint id="list-hint" { (t!("dash-invite-list-either")) " " code { "Name <email>" } " " (t!("dash-invite-list-or")) " " code { "email, name, mode, affiliation" } " " (t!("dash-invite-list-mode")) }
                p.hint id="list-language-hint" { (t!("language-invite-list-hint", tags = site_tags())) }
                textarea id="field-list" name="list" rows="8" aria-describedby="list-hint list-language-hint" { (text) }
            }
            div {
                label for="field-file" { (t!("dash-invite-file")) }
                p.hint id="file-hint" { (t!("dash-invite-file-hint")) " " code { "email" } ", " code { "name" } ", " code { "mode" } ", " code { "affiliation" } "; " (t!("dash-invite-file-hint-end")) }
                input type="file" id="field-file" name="file" accept=".csv,.tsv,.txt,text/csv,text/plain" aria-describedby="file-hint";
            }
            div { button type="submit" { (t!("dash-preview")) } }
        }
    }
}

/// The selector the messages naming a delimiter read.
fn between(delimiter: Delimiter) -> &'static str {
    match delimiter {
        Delimiter::Comma => "commas",
        Delimiter::Semicolon => "semicolons",
        Delimiter::Tab => "tabs",
    }
}

/// How the list was read: the delimiter, and which column was read as what.
fn how_read(layout: &Layout) -> Markup {
    html! {
        @if let Some(header) = &layout.header {
            @let missing: Vec<&str> = Column::IN_ORDER
                .iter()
                .filter(|c| !header.iter().any(|h| h.column == Some(**c)))
                .map(|c| c.as_str())
                .collect();
            p { (t!("dash-invite-read-header", delimiter = between(layout.delimiter))) }
            ul.columns-read {
                @for (i, heading) in header.iter().enumerate() {
                    li {
                        (t!("dash-invite-column", n = i + 1)) " "
                        @if heading.text.is_empty() { (t!("dash-invite-no-heading")) } @else { "“" (heading.text) "”" }
                        " → "
                        @match heading.column {
                            Some(column) => { strong { (column.as_str()) } }
                            None => { (t!("dash-invite-left-out")) }
                        }
                    }
                }
            }
            @if !missing.is_empty() {
                p { (t!("dash-invite-no-column", columns = missing.join(", "))) }
            }
        } @else if layout.fields_read {
            p { (t!("dash-invite-read-no-header", delimiter = between(layout.delimiter))) }
            p { (t!("language-invite-fifth-field")) }
        }
    }
}

pub fn page(
    viewer: &Viewer<'_>,
    state: &EventState,
    invitations: &[InvitationLine],
    done: Option<&str>,
    problem: Option<&str>,
    sent: Option<&BulkSend>,
) -> Markup {
    let e = &state.event;
    let tz = tz_of(state);
    let base = format!("/organizer/events/{}", e.slug);
    layout(
        &t!("dash-invitations-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-invitations-title")) }
            (event_tabs(&e.slug, "/invitations"))
            (flash(done, problem))
            @if let Some(sent) = sent { (sent_notice(sent)) }
            h2 { (t!("dash-invitations-invite")) }
            p { (seats_left(state, &HashMap::new())) }
            (paste_form(viewer, &e.slug, ""))
            h2 { (t!("dash-invitations-sent")) }
            @if invitations.is_empty() {
                p { (t!("dash-invitations-none")) }
            } @else {
                div.table-scroll role="region" aria-label=(t!("dash-invitations-sent")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-col-name")) } th scope="col" { (t!("dash-col-email")) } th scope="col" { (t!("dash-invitations-col-state")) } th scope="col" { (t!("dash-invitations-col-deadline")) } th scope="col" { (t!("dash-invitations-col-emails")) } th scope="col" { (t!("dash-col-actions")) } } }
                    tbody {
                        @for line in invitations {
                            @let r = &line.registration;
                            tr {
                                td { (r.row.name) }
                                td { (r.row.email) }
                                td { (status_badge(r.status)) @if let Some(m) = r.mode { " " (super::mode_word(m)) } }
                                td { @if let Some(until) = r.hold_until { (local(until, tz)) } }
                                td { (line.emails.0) " / " (line.emails.1) }
                                td.actions {
                                    @if r.status == Status::Invited {
                                        (button_form(viewer, &format!("/organizer/registrations/{}/resend", r.row.id), &t!("dash-invitations-resend"), "secondary"))
                                        form.inline method="post" action={"/organizer/registrations/" (r.row.id) "/hold"} {
                                            (csrf_field(viewer.csrf))
                                            label.visually-hidden for={"deadline-" (r.row.id)} { (t!("dash-invitations-new-deadline", name = r.row.name.as_str())) }
                                            input type="datetime-local" id={"deadline-" (r.row.id)} name="hold_until" value=(deadline_value(state, r)) required;
                                            button.secondary type="submit" { (t!("dash-registrations-change-deadline")) }
                                        }
                                    }
                                    @if !r.status.is_ended() && r.status != Status::PendingEmail {
                                        (button_form(viewer, &format!("/organizer/registrations/{}/revoke", r.row.id), &t!("dash-registrations-revoke"), "danger"))
                                    }
                                }
                            }
                        }
                    }
                } }
            }
            p { a href={(base) "/registrations?status=invited"} { (t!("dash-invitations-all-open")) } }
        },
    )
}

/// The free seats per mode after the valid rows of a list would be invited.
fn seats_left(state: &EventState, wanted: &HashMap<Mode, usize>) -> Markup {
    html! {
        @for mode in Mode::ALL {
            @let seats = state.ledger.seats(*mode);
            @let want = wanted.get(mode).copied().unwrap_or(0);
            @if seats.capacity != Some(0) {
                span.seats-left {
                    strong { (mode_name(*mode)) } ": "
                    @match seats.free {
                        Some(free) if want > free as usize => { span.bad { (t!("dash-invite-too-many", want = want, free = free)) } }
                        Some(free) => { (t!("dash-invite-seats-free", free = free as usize - want, capacity = seats.capacity.unwrap_or(0))) @if want > 0 { " " (t!("dash-invite-after-these", n = want)) } }
                        None => { (t!("dash-gauge-unlimited")) }
                    }
                }
                " "
            }
        }
    }
}

pub fn default_mode(state: &EventState) -> Mode {
    if state.event.in_person_capacity > 0 {
        Mode::InPerson
    } else {
        Mode::Virtual
    }
}

pub fn preview(
    viewer: &Viewer<'_>,
    state: &EventState,
    text: &str,
    list: &InvitationList,
    pasted_left_out: bool,
) -> Markup {
    let rows = &list.rows;
    let e = &state.event;
    let default = default_mode(state);
    let mut wanted: HashMap<Mode, usize> = HashMap::new();
    for row in rows.iter().filter(|r| r.verdict == Verdict::Valid) {
        *wanted.entry(row.mode.unwrap_or(default)).or_default() += 1;
    }
    let valid = rows.iter().filter(|r| r.verdict == Verdict::Valid).count();
    let duplicate = rows
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Duplicate(_)))
        .count();
    let invalid = rows.len() - valid - duplicate;
    let fits = Mode::ALL.iter().all(|m| {
        state
            .ledger
            .seats(*m)
            .free
            .is_none_or(|free| wanted.get(m).copied().unwrap_or(0) <= free as usize)
    });
    layout(
        &t!("dash-invite-preview-page-title", event = e.title.as_str()),
        viewer,
        html! {
            h1 { (t!("dash-invite-preview-title")) }
            (event_tabs(&e.slug, "/invitations"))
            p.summary {
                strong { (valid) } " " (t!("dash-invite-valid")) ", " strong { (duplicate) } " " (t!("dash-invite-duplicate")) ", " strong { (invalid) } " " (t!("dash-invite-invalid")) ". "
                (t!("dash-invite-only-valid"))
            }
            @if pasted_left_out {
                p.notice role="status" { (t!("dash-invite-file-read")) }
            }
            (how_read(&list.layout))
            p { (seats_left(state, &wanted)) }
            div.table-scroll role="region" aria-label=(t!("dash-invite-rows-label")) tabindex="0" { table.data.preview-rows {
                thead { tr { th scope="col" { (t!("dash-invite-col-line")) } th scope="col" { (t!("dash-col-name")) } th scope="col" { (t!("dash-col-email")) } th scope="col" { (t!("dash-col-affiliation")) } th scope="col" { (t!("dash-registrations-mode")) } th scope="col" { (t!("language-invite-col")) } th scope="col" { (t!("dash-invite-col-check")) } } }
                tbody {
                    @for row in rows {
                        @let (class, word, reason) = match &row.verdict {
                            Verdict::Valid => ("row-valid", "valid", None),
                            Verdict::Duplicate(r) => ("row-duplicate", "duplicate", Some(r)),
                            Verdict::Invalid(r) => ("row-invalid", "invalid", Some(r)),
                        };
                        tr class=(class) {
                            td { (row.line) }
                            td { @if let Some(n) = &row.name { (n.as_str()) } @else { (row.text) } }
                            td { @if let Some(email) = &row.email { (email.as_str()) } }
                            td { @if let Some(affiliation) = &row.affiliation { (affiliation) } }
                            td { @if row.email.is_some() && row.name.is_some() { (super::mode_word(row.mode.unwrap_or(default))) } }
                            td { @match row.language { Some(language) => (language.own_name()), None => (t!("language-invite-col-default")) } }
                            td { span class={"badge verdict-" (word)} { (t!("dash-invite-verdict", verdict = word)) } @if let Some(r) = reason { " " (r) } }
                        }
                    }
                }
            } }
            @if valid == 0 {
                p.notice.bad { (t!("dash-invite-nobody-valid")) }
            } @else if !fits {
                p.notice.bad { (t!("dash-invite-not-enough-seats")) }
            } @else {
                form.stack method="post" action={"/organizer/events/" (e.slug) "/invitations/send"} {
                    (csrf_field(viewer.csrf))
                    textarea.visually-hidden name="list" aria-hidden="true" tabindex="-1" { (text) }
                    div {
                        label for="field-hold_until" { (t!("dash-invite-deadline", days = e.invitation_window_days, zone = e.timezone.to_string())) }
                        input type="datetime-local" id="field-hold_until" name="hold_until";
                    }
                    (invitation_language(state, ""))
                    div { button type="submit" { (t!("dash-invite-send", n = valid)) } }
                }
            }
            h2 { (t!("dash-invite-edit-list")) }
            (paste_form(viewer, &e.slug, text))
        },
    )
}
