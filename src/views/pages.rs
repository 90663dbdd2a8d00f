//! The public and personal pages: the event list, an event with its form, a person's own
//! page with the actions that apply, the confirmation step of the actions that cannot be
//! undone, the privacy notice and the short message pages.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use maud::{html, Markup};

use super::questions::{answer_target, question_fields};
use super::{error_summary, field_id, field_message, input_field, layout, Field};
use crate::domain::{FieldErrors, SiteIdentity};
use crate::domain::{Mode, Phase};
use crate::reads::EventState;

pub use super::personal::{confirm_page, needs_confirmation, personal_page, AcceptValues};

pub(super) fn tz_of(state: &EventState) -> Tz {
    state.event.timezone.0
}

/// A moment in the event's time zone, e.g. "Monday 15 March 2027, 09:00 (Europe/Amsterdam)",
/// with the month and day named in the reader's language.
pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    format!("{} ({})", date_time(at.with_timezone(&tz)), tz.name())
}

/// A day and time, named in the reader's language (its pattern is a message, so each
/// language orders the parts its own way).
fn date_time(at: DateTime<Tz>) -> String {
    at.format_localized(
        &t!("date-time-long"),
        crate::i18n::language().chrono_locale(),
    )
    .to_string()
}

pub(super) fn when(state: &EventState) -> String {
    let tz = tz_of(state);
    let starts = state.event.starts_at.utc().with_timezone(&tz);
    let ends = state.event.ends_at.utc().with_timezone(&tz);
    if starts.date_naive() == ends.date_naive() {
        t!(
            "event-when-one-day",
            start = date_time(starts),
            end = ends.format("%H:%M").to_string(),
            zone = tz.name()
        )
    } else {
        t!(
            "event-when-days",
            start = local(starts.to_utc(), tz),
            end = local(ends.to_utc(), tz)
        )
    }
}

/// The time between now and a deadline in words: "2 days 3 hours", "40 minutes".
pub fn time_left(until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = until - now;
    if left <= Duration::zero() {
        return t!("time-left-none");
    }
    let (days, hours, minutes) = (
        left.num_days(),
        left.num_hours() % 24,
        left.num_minutes() % 60,
    );
    let days_of = |n: i64| t!("time-days", n = n);
    let hours_of = |n: i64| t!("time-hours", n = n);
    let minutes_of = |n: i64| t!("time-minutes", n = n);
    if days > 0 {
        if hours > 0 {
            format!("{} {}", days_of(days), hours_of(hours))
        } else {
            days_of(days)
        }
    } else if hours > 0 {
        format!("{} {}", hours_of(hours), minutes_of(minutes))
    } else if minutes > 0 {
        minutes_of(minutes)
    } else {
        t!("time-left-less-than-a-minute")
    }
}

/// When the event takes place, in its time zone; the script adds the visitor's own time
/// when it differs.
pub(super) fn event_time(state: &EventState) -> Markup {
    let starts = state.event.starts_at.utc();
    let ends = state.event.ends_at.utc();
    html! {
        li {
            span.fact-label { (t!("fact-when")) " " }
            time datetime=(starts.to_rfc3339()) { (when(state)) }
        }
        li.local-time hidden data-local-start=(starts.to_rfc3339()) data-local-end=(ends.to_rfc3339()) data-zone=(state.event.timezone) {
            span.fact-label { (t!("fact-your-time")) " " }
            span.local-time-text {}
        }
    }
}

pub fn phase_words(phase: Phase) -> String {
    match phase {
        Phase::Draft => t!("phase-draft"),
        Phase::InviteOnly => t!("phase-invite-only"),
        Phase::Open => t!("phase-open"),
        Phase::Closed => t!("phase-closed"),
    }
}

pub(super) fn mode_title(mode: Mode) -> String {
    match mode {
        Mode::InPerson => t!("mode-title-in-person"),
        Mode::Virtual => t!("mode-title-virtual"),
    }
}

/// A mode as it reads inside a sentence: "in person", "virtually".
pub(super) fn mode_words(mode: Mode) -> String {
    match mode {
        Mode::InPerson => t!("mode-in-person"),
        Mode::Virtual => t!("mode-virtual"),
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
        ul.seats aria-label=(t!("seats-label")) {
            @for mode in modes_of(state) {
                @let s = state.ledger.seats(mode);
                li.seat {
                    span.seat-mode { (mode_title(mode)) }
                    @if split { span.seat-detail { (phase_words(state.ledger.rules().phase_of(mode))) } }
                    @match (s.free, s.capacity) {
                        (Some(0), _) => { strong { (t!("seats-full")) } }
                        (Some(free), Some(capacity)) => {
                            strong { (t!("seats-left", n = free)) }
                            span.seat-detail { (t!("seats-of", capacity = capacity)) }
                        }
                        _ => { strong { (t!("seats-open-to-all")) } span.seat-detail { (t!("seats-no-limit")) } }
                    }
                    @if s.waiting > 0 {
                        span.seat-detail { (t!("seats-waiting", n = s.waiting)) }
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
        &t!("nav-events"),
        html! {
            h1 { (t!("nav-events")) }
            section aria-labelledby="upcoming" {
                h2 #upcoming { (t!("events-upcoming")) }
                @if upcoming_alone.is_empty() && series.is_empty() { p { (t!("events-none")) " " a href="/newsletter" { (t!("nav-stay-updated")) } " " (t!("events-none-hear-next")) } }
                @else if upcoming_alone.is_empty() { p { (t!("events-none-outside-series")) } }
                @else { (list(&upcoming_alone, false)) }
            }
            @for (slug, (next, past_count)) in &series {
                section.series aria-labelledby={"series-" (slug)} {
                    h2 id={"series-" (slug)} { a href={"/series/" (slug)} { (name(slug)) } }
                    @if next.is_empty() {
                        p { (t!("series-next-tba")) }
                    } @else {
                        (list(next, false))
                    }
                    @if *past_count > 0 {
                        p { a href={"/series/" (slug)} { (t!("series-past-count", n = *past_count)) } }
                    }
                }
            }
            @if !past_alone.is_empty() {
                section aria-labelledby="past" {
                    h2 #past { (t!("events-past")) }
                    (list(&past_alone, true))
                }
            }
            p { a href="/events.ics" { (t!("events-subscribe-all")) } }
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
fn join_fields() -> [(&'static str, String, &'static str); 5] {
    [
        ("name", t!("field-name"), "field-name"),
        ("email", t!("field-email"), "field-email"),
        ("affiliation", t!("field-affiliation"), "field-affiliation"),
        ("preference", t!("field-preference"), "preference"),
        ("consent", t!("field-consent"), "field-consent"),
    ]
}

fn join_form(state: &EventState, values: &JoinValues, errors: &FieldErrors) -> Markup {
    let e = &state.event;
    let rules = state.ledger.rules();
    let modes = entry_modes(state);
    let mut preferences: Vec<(&str, String)> =
        modes.iter().map(|m| (m.as_str(), mode_title(*m))).collect();
    if modes.len() > 1 {
        preferences.push(("either", t!("preference-either")));
    }
    let problems: Vec<(String, String)> = join_fields()
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
                h2 #join-title { (t!("join-waiting-list")) }
                p { (t!("join-all-taken")) }
            } @else if by_invitation.is_empty() {
                h2 #join-title { (t!("join-register")) }
                p { (t!("join-open")) }
            } @else if !open.is_empty() {
                h2 #join-title { (t!("join-register")) }
                @for mode in &open {
                    p { strong { (mode_title(*mode)) ": " } (t!("join-open-mode")) }
                }
                @for mode in &by_invitation {
                    p { strong { (mode_title(*mode)) ": " } (t!("join-invited-first-mode")) }
                }
            } @else {
                h2 #join-title { (t!("join-waiting-list")) }
                p { (t!("join-invited-first")) }
            }
            @if !problems.is_empty() { (error_summary(&problems)) }
            form.stack method="post" action={"/events/" (e.slug) "/join"} novalidate {
                (input_field(&Field { name: "name", label: &t!("field-name"), kind: "text", value: &values.name, errors: errors.get("name"), required: true, autocomplete: Some("name"), hint: None }))
                (input_field(&Field { name: "email", label: &t!("field-email"), kind: "email", value: &values.email, errors: errors.get("email"), required: true, autocomplete: Some("email"), hint: Some(&t!("join-email-hint")) }))
                (input_field(&Field { name: "affiliation", label: &t!("field-affiliation"), kind: "text", value: &values.affiliation, errors: errors.get("affiliation"), required: false, autocomplete: Some("organization"), hint: None }))
                fieldset #preference .invalid[preference_error.is_some()] aria-describedby=[preference_error.map(|_| "preference-error")] {
                    legend { (t!("join-how-attend")) }
                    @if let Some(errors) = preference_error {
                        p.field-error #preference-error { span.visually-hidden { (t!("error-prefix")) " " } (super::problems_sentence(errors)) }
                    }
                    @for (value, label) in &preferences {
                        div.choice {
                            input type="radio" id={"pref-" (value)} name="preference" value=(value) checked[values.preference == *value];
                            label for={"pref-" (value)} { (label) }
                        }
                    }
                }
                (question_fields(&state.questions, &values.answers, errors, super::content_lang(state)))
                // Hidden from people and assistive technology; bots that fill every field give
                // themselves away.
                div.hp aria-hidden="true" {
                    label for="field-website" { (t!("honeypot-label")) }
                    input type="text" id="field-website" name="website" tabindex="-1" autocomplete="off";
                }
                div.field.invalid[consent_error.is_some()] {
                    @if let Some(errors) = consent_error {
                        p.field-error #field-consent-error { span.visually-hidden { (t!("error-prefix")) " " } (super::problems_sentence(errors)) }
                    }
                    div.choice {
                        input type="checkbox" id=(field_id("consent")) name="consent" value="yes" required checked[values.consent]
                            aria-invalid=[consent_error.map(|_| "true")] aria-describedby=[consent_error.map(|_| "field-consent-error")];
                        label for=(field_id("consent")) { (t!("consent-before")) a href="/privacy" { (t!("consent-link")) } (t!("consent-after")) }
                    }
                }
                div { button type="submit" { (t!("join-submit")) } }
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
    let lang = super::content_lang(state);
    let started = now >= e.starts_at.utc();
    let title = if errors.is_empty() {
        e.title.clone()
    } else {
        format!("{} {}", t!("error-prefix"), e.title)
    };
    layout(
        &title,
        html! {
            h1 lang=[lang] { (e.title) }
            ul.facts {
                (event_time(state))
                @if !e.venue.is_empty() { li { span.fact-label { (t!("fact-where")) " " } span lang=[lang] { (e.venue) } } }
                li { span.fact-label { (t!("fact-registration")) " " } (registration_badges(state)) }
            }
            @if !e.description.is_empty() {
                div.description lang=[lang] { (crate::markdown::to_html(&e.description)) }
            }
            @if let Some(series) = &e.series {
                p { (t!("event-part-of-series")) " " a href={"/series/" (series)} { (series) } (e.code.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()) ". " a href={"/series/" (series) ".ics"} { (t!("event-subscribe-series")) } }
                (super::series::speakers(state))
                @if let Some(url) = &e.recording_url { p { a href=(url) rel="noopener" { (t!("event-watch-recording")) } } }
            }
            (super::programme::programme(&state.programme, tz_of(state), None, lang))
            @if !started { (seats(state)) }
            @if now >= e.ends_at.utc() {
                p.notice { (t!("event-over")) " " a href="/newsletter" { (t!("nav-stay-updated")) } " " (t!("events-none-hear-next")) }
            } @else if started {
                p.notice { (t!("event-started")) }
            } @else if !entry_modes(state).is_empty() {
                (join_form(state, values, errors))
            } @else {
                p.notice { (t!("event-closed")) " "
                    a href="/newsletter" { (t!("nav-stay-updated")) } " " (t!("event-closed-hear-next")) }
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
            p { a href="/" { (t!("see-all-events")) } }
        },
    )
}

/// The answer to the join form, the same whether the address is new or known.
pub fn check_inbox(event_title: &str) -> Markup {
    layout(
        &t!("inbox-title"),
        html! {
            h1 { (t!("inbox-title")) }
            p.notice.ok role="status" { (t!("inbox-sent-about", event = event_title)) }
            p { (t!("inbox-open-link")) }
            p { (t!("inbox-nothing-there")) }
            p { a href="/" { (t!("see-all-events")) } }
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
        &t!("footer-privacy"),
        html! {
            h1 { (t!("footer-privacy")) }
            p { (t!("privacy-intro")) }
            h2 { (t!("privacy-who")) }
            @if site.controller.is_empty() {
                p { (t!("privacy-controller-organizers")) }
            } @else {
                p { (t!("privacy-controller", controller = site.controller.trim_end_matches('.'))) }
            }
            @if site.contact.is_empty() {
                p { (t!("privacy-contact-reply")) }
            } @else {
                p { (t!("privacy-contact")) " " (contact) "." }
            }
            h2 { (t!("privacy-what")) }
            ul {
                li { (t!("privacy-what-registration")) }
                li { (t!("privacy-what-newsletter")) }
                li { (t!("privacy-what-emails")) }
            }
            p { (t!("privacy-no-tracking")) }
            h2 { (t!("privacy-others")) }
            @if site.processors.is_empty() {
                p { (t!("privacy-others-none")) }
            } @else {
                p { (t!("privacy-processors")) }
                ul { @for processor in &site.processors { li { (processor) } } }
                p { (t!("privacy-no-one-else")) }
            }
            h2 { (t!("privacy-why")) }
            p { (t!("privacy-why-text")) }
            h2 { (t!("privacy-how-long")) }
            p { (t!("privacy-how-long-text", retention = retention_days, unconfirmed = unconfirmed_days)) }
            h2 { (t!("privacy-erase")) }
            p { (t!("privacy-erase-before")) strong { (t!("action-erase")) } (t!("privacy-erase-after")) }
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

    #[test]
    fn dates_and_durations_are_said_in_the_readers_language() {
        use crate::domain::Language;
        let at = Utc.with_ymd_and_hms(2027, 3, 15, 8, 0, 0).unwrap();
        let tz: Tz = "Europe/Madrid".parse().unwrap();
        assert_eq!(local(at, tz), "Monday 15 March 2027, 09:00 (Europe/Madrid)");
        crate::i18n::in_language(Language::from_tag("es").unwrap(), || {
            assert_eq!(
                local(at, tz),
                "lunes 15 de marzo de 2027, 09:00 (Europe/Madrid)"
            );
            assert_eq!(time_left(at + Duration::hours(49), at), "2 días 1 hora");
            assert_eq!(time_left(at + Duration::minutes(1), at), "1 minuto");
            assert_eq!(phase_words(Phase::Open), "Abierta");
        });
    }
}
