//! The public and personal pages: the event list, an event with its form, a person's own
//! page with the actions that apply, the confirmation step of the actions that cannot be
//! undone, the privacy notice and the short message pages.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use maud::{html, Markup};

use super::questions::{answer_target, question_fields};
use super::{error_summary, field_id, field_message, input_field, layout, sentence, Field};
use crate::domain::{FieldErrors, SiteIdentity};
use crate::domain::{Mode, Phase};
use crate::reads::EventState;

pub use super::personal::{confirm_page, needs_confirmation, personal_page, AcceptValues};

pub(super) fn tz_of(state: &EventState) -> Tz {
    state.event.timezone.0
}

/// A moment in the event's time zone, e.g. "Monday 15 March 2027, 09:00 (Europe/Amsterdam)".
pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format("%A %-d %B %Y, %H:%M")
        .to_string()
        + &format!(" ({})", tz.name())
}

pub(super) fn when(state: &EventState) -> String {
    let tz = tz_of(state);
    let starts = state.event.starts_at.utc().with_timezone(&tz);
    let ends = state.event.ends_at.utc().with_timezone(&tz);
    if starts.date_naive() == ends.date_naive() {
        format!(
            "{} to {} ({})",
            starts.format("%A %-d %B %Y, %H:%M"),
            ends.format("%H:%M"),
            tz.name()
        )
    } else {
        format!(
            "{} to {}",
            local(starts.to_utc(), tz),
            local(ends.to_utc(), tz)
        )
    }
}

/// The time between now and a deadline in words: "2 days 3 hours", "40 minutes".
pub fn time_left(until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = until - now;
    if left <= Duration::zero() {
        return "no time".into();
    }
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let (days, hours, minutes) = (
        left.num_days(),
        left.num_hours() % 24,
        left.num_minutes() % 60,
    );
    if days > 0 {
        if hours > 0 {
            format!("{} {}", plural(days, "day"), plural(hours, "hour"))
        } else {
            plural(days, "day")
        }
    } else if hours > 0 {
        format!("{} {}", plural(hours, "hour"), plural(minutes, "minute"))
    } else if minutes > 0 {
        plural(minutes, "minute")
    } else {
        "less than a minute".into()
    }
}

/// When the event takes place, in its time zone; the script adds the visitor's own time
/// when it differs.
pub(super) fn event_time(state: &EventState) -> Markup {
    let starts = state.event.starts_at.utc();
    let ends = state.event.ends_at.utc();
    html! {
        li {
            span.fact-label { "When: " }
            time datetime=(starts.to_rfc3339()) { (when(state)) }
        }
        li.local-time hidden data-local-start=(starts.to_rfc3339()) data-local-end=(ends.to_rfc3339()) data-zone=(state.event.timezone) {
            span.fact-label { "Your time: " }
            span.local-time-text {}
        }
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

pub(super) fn mode_title(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "In person",
        Mode::Virtual => "Virtually",
    }
}

pub(super) fn has_mode(state: &EventState, mode: Mode) -> bool {
    state.ledger.rules().capacity(mode) != Some(0)
}

pub(super) fn modes_of(state: &EventState) -> Vec<Mode> {
    Mode::ALL
        .iter()
        .copied()
        .filter(|m| has_mode(state, *m))
        .collect()
}

/// The modes whose phase lets the public join now (of an event without seats, any).
pub(super) fn entry_modes(state: &EventState) -> Vec<Mode> {
    let rules = state.ledger.rules();
    let mut modes = modes_of(state);
    if modes.is_empty() {
        modes = Mode::ALL.to_vec();
    }
    modes.retain(|&m| rules.phase_of(m).accepts_entries());
    modes
}

/// Whether the modes the event has are in different phases, so each is named.
fn phases_split(state: &EventState) -> bool {
    state.ledger.rules().phases_differ() && modes_of(state).len() > 1
}

/// The phase of registration: one badge, or one per mode when their phases differ.
fn registration_badges(state: &EventState) -> Markup {
    let rules = state.ledger.rules();
    let modes = modes_of(state);
    if phases_split(state) {
        html! {
            @for mode in modes {
                span.phase-mode { (mode_title(mode)) ": " } (phase_badge(rules.phase_of(mode))) " "
            }
        }
    } else {
        let mode = modes.first().copied().unwrap_or(Mode::InPerson);
        phase_badge(rules.phase_of(mode))
    }
}

/// Seats left in each mode the event has, and how many people wait for them.
pub(super) fn seats(state: &EventState) -> Markup {
    let split = phases_split(state);
    html! {
        ul.seats aria-label="Seats" {
            @for mode in modes_of(state) {
                @let s = state.ledger.seats(mode);
                li.seat {
                    span.seat-mode { (mode_title(mode)) }
                    @if split { span.seat-detail { (phase_words(state.ledger.rules().phase_of(mode))) } }
                    @match (s.free, s.capacity) {
                        (Some(0), _) => { strong { "Full" } }
                        (Some(free), Some(capacity)) => {
                            strong { (free) " " (if free == 1 { "seat" } else { "seats" }) " left" }
                            span.seat-detail { "of " (capacity) }
                        }
                        _ => { strong { "Open to all" } span.seat-detail { "no limit on seats" } }
                    }
                    @if s.waiting > 0 {
                        span.seat-detail { (s.waiting) " waiting" }
                    }
                }
            }
        }
    }
}

fn phase_badge(phase: Phase) -> Markup {
    let class = match phase {
        Phase::Open => "badge open",
        Phase::Closed | Phase::Draft => "badge closed",
        Phase::InviteOnly => "badge",
    };
    html! { span class=(class) { (phase_words(phase)) } }
}

fn alone(events: &[EventState]) -> Vec<&EventState> {
    events.iter().filter(|e| e.event.series.is_none()).collect()
}

/// The events page: events of no series as upcoming and past, then each series with
/// its next webinar (or "to be announced") and a link to its page.
pub fn index(
    upcoming: &[EventState],
    past: &[EventState],
    series_names: &HashMap<String, String>,
) -> Markup {
    // Registration is over for past events, so their phase is not shown.
    let list = |events: &[&EventState], past: bool| {
        html! {
            ul.events {
                @for e in events {
                    li {
                        h3 { a href={"/events/" (e.event.slug)} { (e.event.title) } }
                        p.event-when { (when(e)) }
                        @if !e.event.venue.is_empty() { p.event-venue { (e.event.venue) } }
                        @if !past { p { (registration_badges(e)) } }
                    }
                }
            }
        }
    };
    let (upcoming_alone, past_alone) = (alone(upcoming), alone(past));
    let mut series: BTreeMap<&str, (Vec<&EventState>, usize)> = BTreeMap::new();
    for e in upcoming {
        if let Some(slug) = &e.event.series {
            series.entry(slug).or_default().0.push(e);
        }
    }
    for e in past {
        if let Some(slug) = &e.event.series {
            series.entry(slug).or_default().1 += 1;
        }
    }
    let name = |slug: &str| {
        series_names
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.to_owned())
    };
    layout(
        "Events",
        html! {
            h1 { "Events" }
            section aria-labelledby="upcoming" {
                h2 #upcoming { "Upcoming" }
                @if upcoming_alone.is_empty() && series.is_empty() { p { "No upcoming events at the moment. " a href="/newsletter" { "Stay updated" } " to hear about the next one." } }
                @else if upcoming_alone.is_empty() { p { "No upcoming events outside the series below." } }
                @else { (list(&upcoming_alone, false)) }
            }
            @for (slug, (next, past_count)) in &series {
                section.series aria-labelledby={"series-" (slug)} {
                    h2 id={"series-" (slug)} { a href={"/series/" (slug)} { (name(slug)) } }
                    @if next.is_empty() {
                        p { "Next webinar: to be announced." }
                    } @else {
                        (list(next, false))
                    }
                    @if *past_count > 0 {
                        p { a href={"/series/" (slug)} { (past_count) " past " (if *past_count == 1 { "webinar" } else { "webinars" }) ", with their recordings" } }
                    }
                }
            }
            @if !past_alone.is_empty() {
                section aria-labelledby="past" {
                    h2 #past { "Past" }
                    (list(&past_alone, true))
                }
            }
            p { a href="/events.ics" { "Subscribe to every event in your calendar (.ics)" } }
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
    pub consent: bool,
    /// The answers given to the event's questions.
    pub answers: super::questions::AnswerValues,
}

/// The form fields in the order they appear, with their labels and the element the error
/// summary links to.
const JOIN_FIELDS: [(&str, &str, &str); 5] = [
    ("name", "Name", "field-name"),
    ("email", "Email address", "field-email"),
    ("affiliation", "Affiliation", "field-affiliation"),
    ("preference", "How you attend", "preference"),
    ("consent", "Consent", "field-consent"),
];

fn join_form(state: &EventState, values: &JoinValues, errors: &FieldErrors) -> Markup {
    let e = &state.event;
    let rules = state.ledger.rules();
    let modes = entry_modes(state);
    let mut preferences: Vec<(&str, &str)> =
        modes.iter().map(|m| (m.as_str(), mode_title(*m))).collect();
    if modes.len() > 1 {
        preferences.push(("either", "Either: whichever seat frees up first"));
    }
    let problems: Vec<(String, String)> = JOIN_FIELDS
        .iter()
        .filter_map(|(name, label, target)| {
            // A group of choices is reached through its first choice.
            let target = match (*target, preferences.first()) {
                ("preference", Some((first, _))) => format!("pref-{first}"),
                (target, _) => target.to_owned(),
            };
            errors
                .get(*name)
                .map(|list| (target, field_message(label, list)))
        })
        .chain(state.questions.iter().filter_map(|q| {
            errors
                .get(&format!("answers.{}", q.key))
                .map(|list| (answer_target(q), field_message(&q.label, list)))
        }))
        .collect();
    let preference_error = errors.get("preference");
    let consent_error = errors.get("consent");
    let seat_free = modes.iter().any(|m| state.ledger.has_free(*m));
    let (open, by_invitation): (Vec<Mode>, Vec<Mode>) = modes
        .iter()
        .partition(|&&m| rules.phase_of(m) == Phase::Open);
    html! {
        section.join aria-labelledby="join-title" {
            @if !seat_free {
                h2 #join-title { "Join the waiting list" }
                p { "All seats are taken at the moment. Join the waiting list and we email you when a seat frees up, with a deadline to accept it." }
            } @else if by_invitation.is_empty() {
                h2 #join-title { "Register" }
                p { "When a seat is free and nobody is waiting for it, it is yours as soon as you confirm your email address. Otherwise you join the waiting list and we email you when a seat frees up." }
            } @else if !open.is_empty() {
                h2 #join-title { "Register" }
                @for mode in &open {
                    p { strong { (mode_title(*mode)) ": " } "when a seat is free and nobody is waiting for it, it is yours as soon as you confirm your email address; otherwise you join the waiting list." }
                }
                @for mode in &by_invitation {
                    p { strong { (mode_title(*mode)) ": " } "seats go to invited participants first. Join the waiting list and we email you if a seat becomes available." }
                }
            } @else {
                h2 #join-title { "Join the waiting list" }
                p { "Seats go to invited participants first. Join the waiting list and we email you if a seat becomes available." }
            }
            @if !problems.is_empty() { (error_summary(&problems)) }
            form.stack method="post" action={"/events/" (e.slug) "/join"} novalidate {
                (input_field(&Field { name: "name", label: "Name", kind: "text", value: &values.name, errors: errors.get("name"), required: true, autocomplete: Some("name"), hint: None }))
                (input_field(&Field { name: "email", label: "Email address", kind: "email", value: &values.email, errors: errors.get("email"), required: true, autocomplete: Some("email"), hint: Some("We send a link to this address to confirm it.") }))
                (input_field(&Field { name: "affiliation", label: "Affiliation", kind: "text", value: &values.affiliation, errors: errors.get("affiliation"), required: false, autocomplete: Some("organization"), hint: None }))
                fieldset #preference .invalid[preference_error.is_some()] aria-describedby=[preference_error.map(|_| "preference-error")] {
                    legend { "How would you like to attend?" }
                    @if let Some(errors) = preference_error {
                        p.field-error #preference-error { span.visually-hidden { "Error: " } (sentence(&errors.join("; "))) }
                    }
                    @for (value, label) in &preferences {
                        div.choice {
                            input type="radio" id={"pref-" (value)} name="preference" value=(value) checked[values.preference == *value];
                            label for={"pref-" (value)} { (label) }
                        }
                    }
                }
                (question_fields(&state.questions, &values.answers, errors))
                // Hidden from people and assistive technology; bots that fill every field give
                // themselves away.
                div.hp aria-hidden="true" {
                    label for="field-website" { "Leave this empty" }
                    input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off";
                }
                div.field.invalid[consent_error.is_some()] {
                    @if let Some(errors) = consent_error {
                        p.field-error #field-consent-error { span.visually-hidden { "Error: " } (sentence(&errors.join("; "))) }
                    }
                    div.choice {
                        input type="checkbox" id=(field_id("consent")) name="consent" value="yes" required checked[values.consent]
                            aria-invalid=[consent_error.map(|_| "true")] aria-describedby=[consent_error.map(|_| "field-consent-error")];
                        label for=(field_id("consent")) { "I agree to the " a href="/privacy" { "privacy notice" } "." }
                    }
                }
                div { button type="submit" { "Send me a confirmation link" } }
            }
        }
    }
}

pub fn event_page(
    state: &EventState,
    values: &JoinValues,
    errors: &FieldErrors,
    now: DateTime<Utc>,
) -> Markup {
    let e = &state.event;
    let started = now >= e.starts_at.utc();
    let title = if errors.is_empty() {
        e.title.clone()
    } else {
        format!("Error: {}", e.title)
    };
    layout(
        &title,
        html! {
            h1 { (e.title) }
            ul.facts {
                (event_time(state))
                @if !e.venue.is_empty() { li { span.fact-label { "Where: " } (e.venue) } }
                li { span.fact-label { "Registration: " } (registration_badges(state)) }
            }
            @if !e.description.is_empty() {
                div.description { (crate::markdown::to_html(&e.description)) }
            }
            @if let Some(series) = &e.series {
                p { "Part of the series " a href={"/series/" (series)} { (series) } (e.code.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()) ". " a href={"/series/" (series) ".ics"} { "Subscribe to the series (.ics)" } }
                (super::series::speakers(state))
                @if let Some(url) = &e.recording_url { p { a href=(url) rel="noopener" { "Watch the recording" } } }
            }
            (super::programme::programme(&state.programme, tz_of(state), None))
            @if !started { (seats(state)) }
            @if now >= e.ends_at.utc() {
                p.notice { "This event is over. " a href="/newsletter" { "Stay updated" } " to hear about the next one." }
            } @else if started {
                p.notice { "This event has started, so registration has ended." }
            } @else if !entry_modes(state).is_empty() {
                (join_form(state, values, errors))
            } @else {
                p.notice { "Registration is closed. If you registered, your personal link in our emails still works. "
                    a href="/newsletter" { "Stay updated" } " to hear about the next event." }
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
            p { a href="/" { "See all events" } }
        },
    )
}

/// The answer to the join form, the same whether the address is new or known.
pub fn check_inbox(event_title: &str) -> Markup {
    layout(
        "Check your inbox",
        html! {
            h1 { "Check your inbox" }
            p.notice.ok role="status" { "Thank you. We have sent you an email about " (event_title) "." }
            p { "Open the link in that email to confirm your address. Your place is only saved once you have confirmed it." }
            p { "Nothing there after a few minutes? Look in your spam folder, or send the form again." }
            p { a href="/" { "See all events" } }
        },
    )
}

/// The privacy notice, written from the site's identity and the retention periods the
/// server runs with.
pub fn privacy(site: &SiteIdentity, retention_days: u32, unconfirmed_days: u32) -> Markup {
    let contact = html! {
        @if site.contact.contains('@') && !site.contact.contains(' ') {
            a href={ "mailto:" (site.contact) } { (site.contact) }
        } @else {
            (site.contact)
        }
    };
    layout(
        "Privacy notice",
        html! {
            h1 { "Privacy notice" }
            p { "This service runs the registration of our events. This notice says who is responsible for what it stores about you, what that is, why, for how long, and how to have it erased." }
            h2 { "Who is responsible" }
            @if site.controller.is_empty() {
                p { "The organizers of the events on this site are responsible for your data (they are its controller)." }
            } @else {
                p { "Responsible for your data (its controller): " (site.controller.trim_end_matches('.')) "." }
            }
            @if site.contact.is_empty() {
                p { "To ask about your data, reply to one of our emails." }
            } @else {
                p { "To ask about your data: " (contact) "." }
            }
            h2 { "What we store" }
            ul {
                li { "For a registration: your name, email address, affiliation (if you give one), how you would like to attend, and its history (when you joined, were invited or offered a seat, confirmed, switched or cancelled)." }
                li { "For the newsletter: your email address, and when you signed up and confirmed it." }
                li { "The emails we send you, until they are delivered; afterwards only what was sent to which address and when." }
            }
            p { "We do not use tracking cookies or analytics." }
            h2 { "Who else handles it" }
            @if site.processors.is_empty() {
                p { "No one but the organizers of the event: we do not share your data." }
            } @else {
                p { "These services handle the data for the organizers, on their instructions only:" }
                ul { @for processor in &site.processors { li { (processor) } } }
                p { "We share your data with no one else." }
            }
            h2 { "Why" }
            p { "To run the registration you asked for: to confirm your address, hold your place in line, offer you a seat, send you the emails about your registration, and let the organizers plan the room and the online meeting. The newsletter address is used only to tell you about new events." }
            h2 { "For how long" }
            p { "Registration data is erased " (retention_days) " days after the event has ended. An entry or a newsletter sign-up whose address is not confirmed within " (unconfirmed_days) " days is erased, with the emails about it. A confirmed newsletter address is kept until you unsubscribe." }
            h2 { "How to erase it" }
            p { "Open the personal link in any email about your registration and choose " strong { "Erase my data" } ". This cancels the registration and removes your name, email address and affiliation at once. Every newsletter email has a link to unsubscribe, which removes your address." }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn time_left_is_said_in_the_largest_units() {
        let now = Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap();
        assert_eq!(time_left(now + Duration::hours(49), now), "2 days 1 hour");
        assert_eq!(
            time_left(now + Duration::minutes(90), now),
            "1 hour 30 minutes"
        );
        assert_eq!(time_left(now + Duration::minutes(5), now), "5 minutes");
        assert_eq!(
            time_left(now + Duration::seconds(5), now),
            "less than a minute"
        );
        assert_eq!(time_left(now - Duration::seconds(5), now), "no time");
    }
}
