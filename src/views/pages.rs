//! The public and personal pages.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use maud::{html, Markup};

use super::{layout, text_field};
use crate::domain::{Mode, Phase, Status};
use crate::engine::{parse_phase, FieldErrors};
use crate::reads::{EventState, RegistrationState};
use crate::store::from_db_time;

fn tz_of(state: &EventState) -> Tz {
    state.event.timezone.parse().unwrap_or(Tz::UTC)
}

pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format("%A %-d %B %Y, %H:%M")
        .to_string()
        + &format!(" ({})", tz.name())
}

fn when(state: &EventState) -> String {
    let tz = tz_of(state);
    let starts = from_db_time(state.event.starts_at).with_timezone(&tz);
    let ends = from_db_time(state.event.ends_at).with_timezone(&tz);
    if starts.date_naive() == ends.date_naive() {
        format!(
            "{} – {} ({})",
            starts.format("%A %-d %B %Y, %H:%M"),
            ends.format("%H:%M"),
            tz.name()
        )
    } else {
        format!(
            "{} – {}",
            local(starts.to_utc(), tz),
            local(ends.to_utc(), tz)
        )
    }
}

pub fn phase_words(phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => "Not yet published",
        Phase::InviteOnly => "By invitation; join the waiting list",
        Phase::Open => "Open",
        Phase::Closed => "Closed",
    }
}

fn has_mode(state: &EventState, mode: Mode) -> bool {
    state.ledger.rules().capacity(mode) != Some(0)
}

fn seats(state: &EventState) -> Markup {
    html! {
        div.seats {
            @for mode in Mode::ALL.iter().copied().filter(|m| has_mode(state, *m)) {
                @let s = state.ledger.seats(mode);
                div.seat {
                    (match mode { Mode::InPerson => "In person", Mode::Virtual => "Virtual" })
                    strong { @match s.free { Some(free) => { (free) " of " (s.capacity.unwrap_or(0)) " free" } None => { "Unlimited" } } }
                    @if s.waiting > 0 { (s.waiting) " waiting" }
                }
            }
        }
    }
}

pub fn index(upcoming: &[EventState], past: &[EventState]) -> Markup {
    let list = |events: &[EventState]| {
        html! {
            ul.events {
                @for e in events {
                    li {
                        a href={"/events/" (e.event.slug)} { strong { (e.event.title) } }
                        br; (when(e)) " · " span.badge { (phase_words(parse_phase(&e.event.phase))) }
                    }
                }
            }
        }
    };
    layout(
        "Events",
        html! {
            h1 { "Events" }
            h2 { "Upcoming" }
            @if upcoming.is_empty() { p { "No upcoming events." } } @else { (list(upcoming)) }
            @if !past.is_empty() { h2 { "Past" } (list(past)) }
        },
    )
}

/// What the join form was given, to show it again with the errors.
#[derive(Default)]
pub struct JoinValues {
    pub email: String,
    pub name: String,
    pub affiliation: String,
    pub preference: String,
}

pub fn event_page(
    state: &EventState,
    values: &JoinValues,
    errors: &FieldErrors,
    now: DateTime<Utc>,
) -> Markup {
    let e = &state.event;
    let phase = parse_phase(&e.phase);
    let started = now >= from_db_time(e.starts_at);
    layout(
        &e.title,
        html! {
            h1 { (e.title) }
            ul.facts {
                li { (when(state)) }
                @if !e.venue.is_empty() { li { "Venue: " (e.venue) } }
                li { span.badge { (phase_words(phase)) } }
            }
            @if !e.description.is_empty() {
                @for paragraph in e.description.split("\n\n") { p { (paragraph) } }
            }
            (seats(state))
            @if started {
                p.notice { "This event has started; registration has ended." }
            } @else if phase.accepts_entries() {
                h2 { @if phase == Phase::Open { "Register" } @else { "Join the waiting list" } }
                @if !errors.is_empty() { p.notice.bad role="alert" { "Please correct the fields marked below." } }
                form.stack method="post" action={"/events/" (e.slug) "/join"} novalidate {
                    (text_field("name", "Name", "text", &values.name, errors.get("name"), true))
                    (text_field("email", "Email", "email", &values.email, errors.get("email"), true))
                    (text_field("affiliation", "Affiliation", "text", &values.affiliation, errors.get("affiliation"), false))
                    fieldset {
                        legend { "How would you like to attend?" }
                        @for (value, label) in [("in_person", "In person"), ("virtual", "Virtually"), ("either", "Either")] {
                            @let shown = match value { "in_person" => has_mode(state, Mode::InPerson), "virtual" => has_mode(state, Mode::Virtual), _ => has_mode(state, Mode::InPerson) && has_mode(state, Mode::Virtual) };
                            @if shown {
                                div {
                                    input type="radio" id={"pref-" (value)} name="preference" value=(value) checked[values.preference == value];
                                    label for={"pref-" (value)} style="display:inline; font-weight:400" { " " (label) }
                                }
                            }
                        }
                        @if let Some(errors) = errors.get("preference") { p.field-error { (errors.join("; ")) } }
                    }
                    div.hp aria-hidden="true" {
                        label for="field-website" { "Leave this empty" }
                        input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off";
                    }
                    div {
                        input type="checkbox" id="field-consent" name="consent" value="yes" required;
                        label for="field-consent" style="display:inline" { " I agree to the " a href="/privacy" { "privacy notice" } "." }
                        @if let Some(errors) = errors.get("consent") { p.field-error { (errors.join("; ")) } }
                    }
                    div { button type="submit" { "Send me a confirmation link" } }
                }
            } @else {
                p.notice { "Registration is not open." }
            }
        },
    )
}

pub fn message(title: &str, text: &str) -> Markup {
    layout(
        title,
        html! {
            h1 { (title) }
            p.notice { (text) }
            p { a href="/" { "All events" } }
        },
    )
}

fn status_words(r: &RegistrationState) -> String {
    match r.status {
        Status::PendingEmail => "Your email address is not confirmed yet.".into(),
        Status::Invited => "You are invited.".into(),
        Status::Waitlisted => match r.position {
            Some(p) => format!("You are on the waiting list, number {p} in line."),
            None => "You are on the waiting list.".into(),
        },
        Status::Offered => "A seat is free for you.".into(),
        Status::Confirmed => format!(
            "You have a seat: you attend {}.",
            r.mode.map(Mode::label).unwrap_or("")
        ),
        Status::Declined => "You declined.".into(),
        Status::Cancelled => "Your registration is cancelled.".into(),
        Status::Expired => {
            "The deadline to answer passed, so the seat went to the next person.".into()
        }
        Status::Revoked => "The organizers ended this registration.".into(),
    }
}

fn action(token: &str, path: &str, label: &str, mode: Option<Mode>, class: &str) -> Markup {
    html! {
        form.inline method="post" action={"/r/" (token) "/" (path)} {
            @if let Some(mode) = mode { input type="hidden" name="mode" value=(mode.as_str()); }
            button type="submit" class=(class) { (label) }
        }
    }
}

pub fn personal_page(
    state: &EventState,
    r: &RegistrationState,
    token: &str,
    done: Option<&str>,
    problem: Option<&str>,
    now: DateTime<Utc>,
) -> Markup {
    let e = &state.event;
    let tz = tz_of(state);
    let modes: Vec<Mode> = Mode::ALL
        .iter()
        .copied()
        .filter(|m| has_mode(state, *m))
        .collect();
    layout(
        &e.title,
        html! {
            h1 { (e.title) }
            ul.facts {
                li { (when(state)) }
                @if !e.venue.is_empty() { li { "Venue: " (e.venue) } }
                li { "Registered as " (r.row.name) " <" (r.row.email) ">" }
            }
            @if let Some(done) = done { p.notice.ok role="status" { (done) } }
            @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
            p { strong { (status_words(r)) } }
            @if let Some(until) = r.hold_until {
                @let left = until - now;
                p { "Please answer by " strong { (local(until, tz)) } " (" (left.num_hours()) " hours " (left.num_minutes() % 60) " minutes left)." }
            }
            (seats(state))
            @match r.status {
                Status::PendingEmail => { (action(token, "confirm-email", "Confirm my address", None, "")) }
                Status::Invited => {
                    @for mode in &modes { (action(token, "accept", &format!("Accept {}", mode.label()), Some(*mode), "")) }
                    (action(token, "decline", "Decline", None, "secondary"))
                }
                Status::Offered => {
                    (action(token, "accept", &format!("Accept the seat ({})", r.mode.map(Mode::label).unwrap_or("")), r.mode, ""))
                    (action(token, "decline", "Decline", None, "secondary"))
                }
                Status::Waitlisted => { (action(token, "cancel", "Leave the waiting list", None, "secondary")) }
                Status::Confirmed => {
                    @if r.mode == Some(Mode::Virtual) {
                        @if let Some(url) = &e.meeting_url { p { "Meeting link: " a href=(url) { (url) } } }
                        @else { p { "The meeting link will appear here before the event." } }
                    }
                    p { a href={"/r/" (token) "/calendar.ics"} { "Add to my calendar (.ics)" } }
                    @if let Some(wanted) = r.wait_for {
                        @if let Some(until) = r.wait_offered_until {
                            p { "A seat " (wanted.label()) " is free for you until " (local(until, tz)) "." }
                            (action(token, "accept", &format!("Move to a seat {}", wanted.label()), Some(wanted), ""))
                            (action(token, "decline", "Keep my current seat", None, "secondary"))
                        } @else {
                            p { "You keep your seat and wait for a seat " (wanted.label()) @if let Some(p) = r.wait_position { ", number " (p) " in line" } "." }
                            (action(token, "leave-wait", "Stop waiting", None, "secondary"))
                        }
                    } @else {
                        @for mode in modes.iter().filter(|m| Some(**m) != r.mode) {
                            @if state.ledger.has_free(*mode) {
                                (action(token, "switch", &format!("Switch to attending {}", mode.label()), Some(*mode), "secondary"))
                            } @else {
                                (action(token, "wait-for", &format!("Wait for a seat {}", mode.label()), Some(*mode), "secondary"))
                            }
                        }
                    }
                    (action(token, "cancel", "Cancel my registration", None, "danger"))
                }
                _ => { p { a href={"/events/" (e.slug)} { "Register again" } } }
            }
            h2 { "Your data" }
            form.stack method="post" action={"/r/" (token) "/erase"} {
                div {
                    input type="checkbox" id="erase-confirm" name="confirm" value="yes" required;
                    label for="erase-confirm" style="display:inline" { " I understand that this cancels my registration and cannot be undone." }
                }
                div { button.danger type="submit" { "Erase my data" } }
            }
        },
    )
}

pub fn privacy() -> Markup {
    layout(
        "Privacy notice",
        html! {
            h1 { "Privacy notice" }
            p { "We store your name, email address, affiliation (if you give one), how you would like to attend, and the history of your registration: when you joined, were offered a seat, confirmed or cancelled." }
            p { "We use this only to run the registration of the event: to hold your place in line, offer you a seat, send you the emails about your registration and let the organizers plan the room and the online meeting." }
            p { "Your personal data is erased a set time after the event has ended. You can erase it yourself at any time from your personal page (the link in every email we send you)." }
        },
    )
}
