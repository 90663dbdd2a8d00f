//! A person's own page, with the actions that apply to their registration, and the
//! confirmation step of the actions that cannot be undone.

use chrono::{DateTime, Utc};
use maud::{html, Markup, PreEscaped};

use super::pages::{entry_modes, event_time, local, modes_of, seats, time_left, tz_of};
use super::questions::{answer_target, question_fields, AnswerValues};
use super::{error_summary, field_message, layout, sentence};
use crate::domain::{FieldErrors, Mode, Preference, Status};
use crate::reads::{EventState, RegistrationState};

fn status_words(r: &RegistrationState) -> String {
    match r.status {
        Status::PendingEmail => "Your email address is not confirmed yet.".into(),
        Status::Invited => "You are invited. Please answer the invitation.".into(),
        Status::Waitlisted => match r.position {
            Some(1) => "You are on the waiting list: you are first in line.".into(),
            Some(p) => format!("You are on the waiting list: number {p} in line."),
            None => "You are on the waiting list.".into(),
        },
        Status::Offered => format!(
            "A seat is free for you ({}). Please accept or decline it.",
            r.mode.map(Mode::label).unwrap_or("")
        ),
        Status::Confirmed => format!(
            "You have a seat: you attend {}.",
            r.mode.map(Mode::label).unwrap_or("")
        ),
        Status::Declined => "You declined, so you have no seat.".into(),
        Status::Cancelled => "Your registration is cancelled.".into(),
        Status::Expired => {
            "The deadline to answer passed, so the seat went to the next person.".into()
        }
        Status::Revoked => "The organizers ended this registration.".into(),
    }
}

fn preference_words(preference: Preference) -> &'static str {
    match preference {
        Preference::InPerson => "in the room",
        Preference::Virtual => "online",
        Preference::Either => "of either kind",
    }
}

fn status_badge(status: Status) -> Markup {
    let (class, words) = match status {
        Status::PendingEmail => ("badge", "Address not confirmed"),
        Status::Invited => ("badge", "Invited"),
        Status::Waitlisted => ("badge", "Waiting list"),
        Status::Offered => ("badge open", "Seat offered"),
        Status::Confirmed => ("badge open", "Confirmed"),
        Status::Declined => ("badge closed", "Declined"),
        Status::Cancelled => ("badge closed", "Cancelled"),
        Status::Expired => ("badge closed", "Expired"),
        Status::Revoked => ("badge closed", "Ended"),
    };
    html! { span class=(class) { (words) } }
}

/// A button that posts one action; actions that cannot be undone go to a confirmation
/// step first (the handler sends them there when `confirm` is missing).
fn action(token: &str, path: &str, label: &str, mode: Option<Mode>, class: &str) -> Markup {
    html! {
        form.inline method="post" action={"/r/" (token) "/" (path)} {
            @if let Some(mode) = mode { input type="hidden" name="mode" value=(mode.as_str()); }
            button type="submit" class=(class) { (label) }
        }
    }
}

/// What the accept form shows of the event's questions: the answers given (or given
/// before, on joining) and the errors of a refused accept.
#[derive(Default)]
pub struct AcceptValues {
    pub answers: AnswerValues,
    pub errors: FieldErrors,
}

/// Accepting a seat, with the event's questions above the buttons (one per mode offered).
/// The hidden `questions` field tells the handler the form carried them.
fn accept_form(
    state: &EventState,
    token: &str,
    choices: &[(Option<Mode>, String)],
    values: &AcceptValues,
) -> Markup {
    let problems: Vec<(String, String)> = state
        .questions
        .iter()
        .filter_map(|q| {
            values
                .errors
                .get(&format!("answers.{}", q.key))
                .map(|list| (answer_target(q), field_message(&q.label, list)))
        })
        .collect();
    html! {
        @if !problems.is_empty() { (error_summary(&problems)) }
        form.stack.accept method="post" action={"/r/" (token) "/accept"} novalidate {
            @if !state.questions.is_empty() {
                input type="hidden" name="questions" value="shown";
                (question_fields(&state.questions, &values.answers, &values.errors))
            }
            div.actions {
                @for (mode, label) in choices {
                    @if let Some(mode) = mode {
                        button type="submit" name="mode" value=(mode.as_str()) { (label) }
                    } @else {
                        button type="submit" { (label) }
                    }
                }
            }
        }
    }
}

/// The actions that cannot be undone, which ask for confirmation first.
pub fn needs_confirmation(action: &str) -> bool {
    matches!(action, "decline" | "cancel" | "switch" | "erase")
}

// The page shows every part of a registration, each passed as the edge read it.
#[allow(clippy::too_many_arguments)]
pub fn personal_page(
    state: &EventState,
    r: &RegistrationState,
    token: &str,
    done: Option<&str>,
    problem: Option<&str>,
    accept: &AcceptValues,
    now: DateTime<Utc>,
    check_in_link: &str,
) -> Markup {
    let e = &state.event;
    let tz = tz_of(state);
    let modes = modes_of(state);
    let started = now >= e.starts_at.utc();
    layout(
        &e.title,
        html! {
            p.eyebrow { "Your registration" }
            h1 { (e.title) }
            ul.facts {
                (event_time(state))
                @if !e.venue.is_empty() { li { span.fact-label { "Where: " } (e.venue) } }
                li { span.fact-label { "Registered as: " } (r.row.name) " (" (r.row.email) ")" }
            }
            @if let Some(done) = done { p.notice.ok role="status" { (done) } }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (sentence(problem)) } }
            section.status aria-labelledby="status-title" {
                h2 #status-title { "Status: " (status_badge(r.status)) }
                p.status-words { (status_words(r)) }
                @if let Some(until) = r.hold_until {
                    p.deadline { "Please answer by " strong { (local(until, tz)) } " (" (time_left(until, now)) " left). After that the seat goes to the next person in line." }
                }
                @if r.status == Status::Waitlisted {
                    p { "When a seat " (preference_words(r.row.preference)) " frees up, we offer it to the first person in line by email, with a deadline to accept." }
                }
            }
            @if !started && !r.status.is_ended() { (seats(state)) }
            @if started && matches!(r.status, Status::PendingEmail | Status::Invited | Status::Offered | Status::Waitlisted) {
                p.notice { "The event has started, so registration has ended." }
            } @else {
            @match r.status {
                Status::PendingEmail => { (action(token, "confirm-email", "Confirm my address", None, "")) }
                Status::Invited => {
                    @let choices: Vec<_> = modes.iter()
                        .filter(|m| Some(**m) == r.mode || state.ledger.has_free(**m))
                        .map(|m| (Some(*m), format!("Accept {}", m.label())))
                        .collect();
                    @if !choices.is_empty() { (accept_form(state, token, &choices, accept)) }
                    div.actions { (action(token, "decline", "Decline", None, "secondary")) }
                    @for mode in modes.iter().filter(|m| Some(**m) != r.mode && !state.ledger.has_free(**m)) {
                        p.hint { "No seat " (mode.label()) " is free at the moment." }
                    }
                }
                Status::Offered => {
                    (accept_form(state, token, &[(r.mode, format!("Accept the seat ({})", r.mode.map(Mode::label).unwrap_or("")))], accept))
                    div.actions { (action(token, "decline", "Decline", None, "secondary")) }
                }
                Status::Waitlisted => {
                    @if state.ledger.may_attend_virtually(r.row.id.0, now).is_ok() {
                        p { "A virtual seat is free: you can attend virtually now and keep your place in line for a seat in person." }
                    }
                    div.actions {
                        @if state.ledger.may_attend_virtually(r.row.id.0, now).is_ok() {
                            (action(token, "attend-virtually", "Attend virtually while I wait", None, ""))
                        }
                        (action(token, "cancel", "Leave the waiting list", None, "secondary"))
                    }
                }
                Status::Confirmed => {
                    @if let Some(until) = r.reconfirm_by {
                        section.reconfirm aria-labelledby="reconfirm-title" {
                            h2 #reconfirm-title { "Are you still coming?" }
                            p.deadline { "Please answer by " strong { (local(until, tz)) } " (" (time_left(until, now)) " left). If we hear nothing by then, your seat goes to the next person in line." }
                            div.actions {
                                (action(token, "reconfirm", "Yes, I'm coming", None, ""))
                                (action(token, "cancel", "No, free my seat", None, "danger"))
                            }
                        }
                    }
                    @if r.mode == Some(Mode::Virtual) {
                        section.meeting aria-labelledby="meeting-title" {
                            h2 #meeting-title { "Joining online" }
                            @if let Some(url) = &e.meeting_url { p { "Meeting link: " a href=(url) { (url) } } }
                            @else { p { "The meeting link will appear here before the event." } }
                            @if state.programme.iter().any(|p| !p.streamed) {
                                p { "The link is for the parts that are streamed; the programme below shows which." }
                            }
                        }
                    }
                    p { a.download href={"/r/" (token) "/calendar.ics"} download { "Download the calendar file (.ics)" } }
                    @if r.mode == Some(Mode::InPerson) { (check_in_code(check_in_link)) }
                    @if let Some(wanted) = r.wait_for {
                        @if let Some(until) = r.wait_offered_until {
                            p.notice { "A seat " (wanted.label()) " is free for you until " strong { (local(until, tz)) } " (" (time_left(until, now)) " left)." }
                            div.actions {
                                (action(token, "accept", &format!("Move to a seat {}", wanted.label()), Some(wanted), ""))
                                (action(token, "decline", "Keep my current seat", None, "secondary"))
                            }
                        } @else {
                            p { "You keep your seat and wait for a seat " (wanted.label()) @if let Some(p) = r.wait_position { ": number " (p) " in line" } "." }
                            div.actions { (action(token, "leave-wait", "Stop waiting", None, "secondary")) }
                        }
                    } @else if !started {
                        div.actions {
                            @for mode in modes.iter().filter(|m| Some(**m) != r.mode) {
                                @if state.ledger.may_switch_to(r.row.id.0, *mode).is_ok() {
                                    (action(token, "switch", &format!("Switch to attending {}", mode.label()), Some(*mode), "secondary"))
                                } @else {
                                    (action(token, "wait-for", &format!("Wait for a seat {}", mode.label()), Some(*mode), "secondary"))
                                }
                            }
                        }
                    }
                    @if !started { div.actions { (action(token, "cancel", "Cancel my registration", None, "danger")) } }
                }
                _ => {
                    // An entry of the states that may follow a seat: the file takes it back.
                    @if matches!(r.status, Status::Cancelled | Status::Revoked | Status::Expired) && r.mode.is_some() {
                        p { a.download href={"/r/" (token) "/calendar.ics"} download { "Remove it from your calendar (.ics)" } }
                    }
                    @if !started && !entry_modes(state).is_empty() {
                        p { a href={"/events/" (e.slug)} { "Register again" } " (you join at the end of the line)." }
                    }
                }
            }
            }
            (super::programme::programme(&state.programme, tz, (r.status == Status::Confirmed).then_some(r.mode).flatten()))
            section.your-data aria-labelledby="data-title" {
                h2 #data-title { "Your data" }
                p { "We keep your name, email address and affiliation to run the registration; see the " a href="/privacy" { "privacy notice" } ". You can erase them now." }
                (action(token, "erase", "Erase my data", None, "danger"))
            }
        },
    )
}

/// The QR code to show at the door. Its SVG is drawn by the `qrcode` crate from our own
/// link (never from anything a person typed), so it goes into the page as it is.
fn check_in_code(link: &str) -> Markup {
    let Some(svg) = crate::mail::qr::svg_of(link) else {
        return html! {};
    };
    let svg = svg.find("<svg").map_or(svg.as_str(), |at| &svg[at..]);
    html! {
        section.check-in-code aria-labelledby="check-in-title" {
            h2 #check-in-title { "At the door" }
            p { "Show this code when you arrive; the organizers scan it to check you in." }
            figure role="img" aria-label="QR code for check-in at the door" { (PreEscaped(svg)) }
        }
    }
}

/// The words of the confirmation step of an action that cannot be undone.
fn confirm_words(
    action: &str,
    r: &RegistrationState,
    mode: Option<Mode>,
) -> Option<(String, String, String)> {
    let current = r.mode.map(Mode::label).unwrap_or("");
    Some(match (action, r.status) {
        ("decline", Status::Invited) => (
            "Decline the invitation?".into(),
            "The seat held for you goes to someone else. You cannot take the invitation back afterwards, although you may join the waiting list.".into(),
            "Yes, decline".into(),
        ),
        ("decline", Status::Offered) => (
            "Decline the seat?".into(),
            "The seat goes to the next person in line and you leave the waiting list.".into(),
            "Yes, decline the seat".into(),
        ),
        ("decline", Status::Confirmed) => (
            "Keep your current seat?".into(),
            format!("The seat offered to you goes to the next person in line and you stop waiting for it. You keep your seat {current}."),
            "Yes, keep my current seat".into(),
        ),
        ("cancel", Status::Waitlisted) => (
            "Leave the waiting list?".into(),
            "You lose your place in line. If you join again later, you go to the end of the line.".into(),
            "Yes, leave the waiting list".into(),
        ),
        ("cancel", _) => (
            "Cancel your registration?".into(),
            "Your seat goes to the next person in line, and you may not get it back.".into(),
            "Yes, cancel my registration".into(),
        ),
        ("switch", Status::Confirmed) => {
            let to = mode?.label();
            (
                format!("Switch to attending {to}?"),
                format!("Your seat {current} goes to the next person in line, so you may not be able to switch back."),
                format!("Yes, attend {to}"),
            )
        }
        ("erase", _) => (
            "Erase your data?".into(),
            "This cancels your registration (any seat you hold goes to the next person in line) and removes your name, email address and affiliation. This link stops working. It cannot be undone.".into(),
            "Yes, erase my data".into(),
        ),
        _ => return None,
    })
}

/// Asks before an action that cannot be undone; `None` when the action does not apply.
pub fn confirm_page(
    state: &EventState,
    r: &RegistrationState,
    token: &str,
    action: &str,
    mode: Option<Mode>,
) -> Option<Markup> {
    let (title, text, button) = confirm_words(action, r, mode)?;
    Some(layout(
        &title,
        html! {
            p.eyebrow { (state.event.title) }
            h1 { (title) }
            p { (text) }
            div.actions {
                form.inline method="post" action={"/r/" (token) "/" (action)} {
                    @if let Some(mode) = mode { input type="hidden" name="mode" value=(mode.as_str()); }
                    input type="hidden" name="confirm" value="yes";
                    button.danger type="submit" { (button) }
                }
                a.button.secondary href={"/r/" (token)} { "No, go back" }
            }
        },
    ))
}
