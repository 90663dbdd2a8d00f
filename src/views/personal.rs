//! A person's own page, with the actions that apply to their registration, and the
//! confirmation step of the actions that cannot be undone.

use chrono::{DateTime, Utc};
use maud::{html, Markup, PreEscaped};

use super::pages::{entry_modes, event_time, local, mode_words, modes_of, seats, time_left, tz_of};
use super::questions::{answer_target, question_fields, AnswerValues};
use super::{error_summary, field_message, layout, sentence};
use crate::domain::{FieldErrors, Mode, Preference, Status};
use crate::reads::{EventState, RegistrationState};

/// The mode of a registration inside a sentence, or nothing when it has none.
fn mode_of(r: &RegistrationState) -> String {
    r.mode.map(mode_words).unwrap_or_default()
}

fn status_words(r: &RegistrationState) -> String {
    match r.status {
        Status::PendingEmail => t!("status-pending-email"),
        Status::Invited => t!("status-invited"),
        Status::Waitlisted => match r.position {
            Some(1) => t!("status-waitlisted-first"),
            Some(p) => t!("status-waitlisted-number", n = p),
            None => t!("status-waitlisted"),
        },
        Status::Offered => t!("status-offered", mode = mode_of(r)),
        Status::Confirmed => t!("status-confirmed", mode = mode_of(r)),
        Status::Declined => t!("status-declined"),
        Status::Cancelled => t!("status-cancelled"),
        Status::Expired => t!("status-expired"),
        Status::Revoked => t!("status-revoked"),
    }
}

fn preference_words(preference: Preference) -> String {
    match preference {
        Preference::InPerson => t!("preference-words-in-person"),
        Preference::Virtual => t!("preference-words-virtual"),
        Preference::Either => t!("preference-words-either"),
    }
}

fn status_badge(status: Status) -> Markup {
    let (class, words) = match status {
        Status::PendingEmail => ("badge", t!("badge-pending-email")),
        Status::Invited => ("badge", t!("badge-invited")),
        Status::Waitlisted => ("badge", t!("badge-waitlisted")),
        Status::Offered => ("badge open", t!("badge-offered")),
        Status::Confirmed => ("badge open", t!("badge-confirmed")),
        Status::Declined => ("badge closed", t!("badge-declined")),
        Status::Cancelled => ("badge closed", t!("badge-cancelled")),
        Status::Expired => ("badge closed", t!("badge-expired")),
        Status::Revoked => ("badge closed", t!("badge-revoked")),
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
                (question_fields(&state.questions, &values.answers, &values.errors, super::content_lang(state)))
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
    let lang = super::content_lang(state);
    let tz = tz_of(state);
    let modes = modes_of(state);
    let started = now >= e.starts_at.utc();
    layout(
        &e.title,
        html! {
            p.eyebrow { (t!("personal-eyebrow")) }
            h1 lang=[lang] { (e.title) }
            ul.facts {
                (event_time(state))
                @if !e.venue.is_empty() { li { span.fact-label { (t!("fact-where")) " " } span lang=[lang] { (e.venue) } } }
                li { span.fact-label { (t!("fact-registered-as")) " " } (r.row.name) " (" (r.row.email) ")" }
            }
            @if let Some(done) = done { p.notice.ok role="status" { (done) } }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (sentence(problem)) } }
            section.status aria-labelledby="status-title" {
                h2 #status-title { (t!("status-label")) " " (status_badge(r.status)) }
                p.status-words { (status_words(r)) }
                @if let Some(until) = r.hold_until {
                    p.deadline { (t!("answer-by")) " " strong { (local(until, tz)) } " " (t!("time-left-in-brackets", left = time_left(until, now))) " " (t!("answer-by-hold")) }
                }
                @if r.status == Status::Waitlisted {
                    p { (t!("waitlisted-how", preference = preference_words(r.row.preference))) }
                }
            }
            @if !started && !r.status.is_ended() { (seats(state)) }
            @if started && matches!(r.status, Status::PendingEmail | Status::Invited | Status::Offered | Status::Waitlisted) {
                p.notice { (t!("personal-started")) }
            } @else {
            @match r.status {
                Status::PendingEmail => { (action(token, "confirm-email", &t!("action-confirm-email"), None, "")) }
                Status::Invited => {
                    @let choices: Vec<_> = modes.iter()
                        .filter(|m| Some(**m) == r.mode || state.ledger.has_free(**m))
                        .map(|m| (Some(*m), t!("action-accept-mode", mode = mode_words(*m))))
                        .collect();
                    @if !choices.is_empty() { (accept_form(state, token, &choices, accept)) }
                    div.actions { (action(token, "decline", &t!("action-decline"), None, "secondary")) }
                    @for mode in modes.iter().filter(|m| Some(**m) != r.mode && !state.ledger.has_free(**m)) {
                        p.hint { (t!("no-seat-free-mode", mode = mode_words(*mode))) }
                    }
                }
                Status::Offered => {
                    (accept_form(state, token, &[(r.mode, t!("action-accept-seat", mode = mode_of(r)))], accept))
                    div.actions { (action(token, "decline", &t!("action-decline"), None, "secondary")) }
                }
                Status::Waitlisted => {
                    @if state.ledger.may_attend_virtually(r.row.id.0, now).is_ok() {
                        p { (t!("virtual-seat-free")) }
                    }
                    div.actions {
                        @if state.ledger.may_attend_virtually(r.row.id.0, now).is_ok() {
                            (action(token, "attend-virtually", &t!("action-attend-virtually"), None, ""))
                        }
                        (action(token, "cancel", &t!("action-leave-waiting-list"), None, "secondary"))
                    }
                }
                Status::Confirmed => {
                    @if let Some(until) = r.reconfirm_by {
                        section.reconfirm aria-labelledby="reconfirm-title" {
                            h2 #reconfirm-title { (t!("reconfirm-title")) }
                            p.deadline { (t!("answer-by")) " " strong { (local(until, tz)) } " " (t!("time-left-in-brackets", left = time_left(until, now))) " " (t!("answer-by-reconfirm")) }
                            div.actions {
                                (action(token, "reconfirm", &t!("action-reconfirm"), None, ""))
                                (action(token, "cancel", &t!("action-free-my-seat"), None, "danger"))
                            }
                        }
                    }
                    @if r.mode == Some(Mode::Virtual) {
                        section.meeting aria-labelledby="meeting-title" {
                            h2 #meeting-title { (t!("meeting-title")) }
                            @if let Some(url) = &e.meeting_url { p { (t!("meeting-link")) " " a href=(url) { (url) } } }
                            @else { p { (t!("meeting-link-later")) } }
                            @if state.programme.iter().any(|p| !p.streamed) {
                                p { (t!("meeting-streamed-parts")) }
                            }
                        }
                    }
                    p { a.download href={"/r/" (token) "/calendar.ics"} download { (t!("calendar-download")) } }
                    @if r.mode == Some(Mode::InPerson) { (check_in_code(check_in_link)) }
                    @if let Some(wanted) = r.wait_for {
                        @if let Some(until) = r.wait_offered_until {
                            p.notice { (t!("wait-offered", mode = mode_words(wanted))) " " strong { (local(until, tz)) } " " (t!("time-left-in-brackets", left = time_left(until, now))) "." }
                            div.actions {
                                (action(token, "accept", &t!("action-move-to-seat", mode = mode_words(wanted)), Some(wanted), ""))
                                (action(token, "decline", &t!("action-keep-current-seat"), None, "secondary"))
                            }
                        } @else {
                            @if let Some(p) = r.wait_position {
                                p { (t!("waiting-for-seat-number", mode = mode_words(wanted), n = p)) }
                            } @else {
                                p { (t!("waiting-for-seat", mode = mode_words(wanted))) }
                            }
                            div.actions { (action(token, "leave-wait", &t!("action-stop-waiting"), None, "secondary")) }
                        }
                    } @else if !started {
                        div.actions {
                            @for mode in modes.iter().filter(|m| Some(**m) != r.mode) {
                                @if state.ledger.may_switch_to(r.row.id.0, *mode).is_ok() {
                                    (action(token, "switch", &t!("action-switch", mode = mode_words(*mode)), Some(*mode), "secondary"))
                                } @else {
                                    (action(token, "wait-for", &t!("action-wait-for", mode = mode_words(*mode)), Some(*mode), "secondary"))
                                }
                            }
                        }
                    }
                    @if !started { div.actions { (action(token, "cancel", &t!("action-cancel"), None, "danger")) } }
                }
                _ => {
                    // An entry of the states that may follow a seat: the file takes it back.
                    @if matches!(r.status, Status::Cancelled | Status::Revoked | Status::Expired) && r.mode.is_some() {
                        p { a.download href={"/r/" (token) "/calendar.ics"} download { (t!("calendar-remove")) } }
                    }
                    @if !started && !entry_modes(state).is_empty() {
                        p { a href={"/events/" (e.slug)} { (t!("register-again")) } " " (t!("register-again-end-of-line")) }
                    }
                }
            }
            }
            (super::programme::programme(&state.programme, tz, (r.status == Status::Confirmed).then_some(r.mode).flatten(), lang))
            section.your-data aria-labelledby="data-title" {
                h2 #data-title { (t!("your-data-title")) }
                p { (t!("your-data-before")) a href="/privacy" { (t!("consent-link")) } (t!("your-data-after")) }
                (action(token, "erase", &t!("action-erase"), None, "danger"))
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
            h2 #check-in-title { (t!("check-in-title")) }
            p { (t!("check-in-text")) }
            figure role="img" aria-label=(t!("check-in-qr-label")) { (PreEscaped(svg)) }
        }
    }
}

/// The words of the confirmation step of an action that cannot be undone.
fn confirm_words(
    action: &str,
    r: &RegistrationState,
    mode: Option<Mode>,
) -> Option<(String, String, String)> {
    let current = mode_of(r);
    Some(match (action, r.status) {
        ("decline", Status::Invited) => (
            t!("confirm-decline-invitation-title"),
            t!("confirm-decline-invitation-text"),
            t!("confirm-decline-invitation-button"),
        ),
        ("decline", Status::Offered) => (
            t!("confirm-decline-seat-title"),
            t!("confirm-decline-seat-text"),
            t!("confirm-decline-seat-button"),
        ),
        ("decline", Status::Confirmed) => (
            t!("confirm-keep-seat-title"),
            t!("confirm-keep-seat-text", mode = current),
            t!("confirm-keep-seat-button"),
        ),
        ("cancel", Status::Waitlisted) => (
            t!("confirm-leave-title"),
            t!("confirm-leave-text"),
            t!("confirm-leave-button"),
        ),
        ("cancel", _) => (
            t!("confirm-cancel-title"),
            t!("confirm-cancel-text"),
            t!("confirm-cancel-button"),
        ),
        ("switch", Status::Confirmed) => {
            let to = mode_words(mode?);
            (
                t!("confirm-switch-title", mode = to.clone()),
                t!("confirm-switch-text", mode = current),
                t!("confirm-switch-button", mode = to),
            )
        }
        ("erase", _) => (
            t!("confirm-erase-title"),
            t!("confirm-erase-text"),
            t!("confirm-erase-button"),
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
                a.button.secondary href={"/r/" (token)} { (t!("confirm-go-back")) }
            }
        },
    ))
}
