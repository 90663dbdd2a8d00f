//! The list of events and the form to create, edit or duplicate one.

use maud::{html, Markup};
use serde::Deserialize;

use super::episode::EpisodeValues;
use super::{csrf_field, flash, gauge_of, layout, local, tz_of, Viewer};
use crate::domain::event_settings::CONFIRM_PAST_RETENTION;
use crate::domain::FieldErrors;
use crate::domain::{Mode, Phase, Role};
use crate::reads::EventState;
use crate::views::pages::phase_words;
use crate::views::text_field;

pub fn list(viewer: &Viewer<'_>, events: &[EventState], done: Option<&str>) -> Markup {
    layout(
        &t!("dash-events-title"),
        viewer,
        html! {
            h1 { (t!("dash-events-title")) }
            (flash(done, None))
            @if viewer.role != Role::CheckIn {
                p { a.button href="/organizer/events/new" { (t!("dash-events-create")) } }
            }
            @if events.is_empty() {
                p { (t!("dash-events-none")) }
            } @else {
                div.table-scroll role="region" aria-label=(t!("dash-events-title")) tabindex="0" { table.data {
                    thead { tr { th scope="col" { (t!("dash-events-col-event")) } th scope="col" { (t!("dash-events-col-starts")) } th scope="col" { (t!("dash-events-col-phase")) } th scope="col" { (t!("dash-mode-in-person")) } th scope="col" { (t!("dash-mode-virtual")) } } }
                    tbody {
                        @for e in events {
                            tr {
                                @if viewer.role == Role::CheckIn {
                                    td { a href={"/organizer/events/" (e.event.slug) "/check-in"} { (e.event.title) }
                                        " · " a href={"/organizer/events/" (e.event.slug) "/registrations"} { (t!("dash-events-participants")) } }
                                } @else {
                                    td { a href={"/organizer/events/" (e.event.slug)} { (e.event.title) } }
                                }
                                td { (local(e.event.starts_at.utc(), tz_of(e))) }
                                td { span.badge { (phase_words(e.event.phase)) }
                                    @if let Some(stream) = e.event.virtual_phase.filter(|_| e.ledger.rules().phases_differ()) { " " span.badge { (t!("dash-events-virtual-phase", phase = phase_words(stream))) } } }
                                @for mode in Mode::ALL {
                                    @let g = gauge_of(e, *mode);
                                    td { (t!("dash-events-confirmed", n = g.confirmed))
                                        @match g.free { Some(f) => { ", " (t!("dash-events-free", n = f)) } None => {} }
                                        @if g.waiting > 0 { ", " (t!("dash-events-waiting", n = g.waiting)) } }
                                }
                            }
                        }
                    }
                } }
            }
        },
    )
}

/// The event form's values as typed; times are local to the event's time zone.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EventValues {
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub timezone: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub meeting_url: String,
    #[serde(default)]
    pub in_person_capacity: String,
    #[serde(default)]
    pub virtual_capacity: String,
    #[serde(default)]
    pub phase: String,
    /// Empty: the virtual seats follow `phase`.
    #[serde(default)]
    pub virtual_phase: String,
    #[serde(default)]
    pub offer_window_hours: String,
    #[serde(default)]
    pub invitation_window_days: String,
    #[serde(default)]
    pub auto_confirm: Option<String>,
    /// Ticked to save an end longer ago than the retention period.
    #[serde(default)]
    pub confirm_past_retention: Option<String>,
    /// Hours before the start, e.g. "24, 2"; empty: no reminders.
    #[serde(default)]
    pub reminder_hours_before: String,
    /// Both empty: nobody is asked to reconfirm.
    #[serde(default)]
    pub reconfirm_days_before: String,
    #[serde(default)]
    pub reconfirm_window_hours: String,
    /// The episode fields (series, code, speakers, recording).
    #[serde(flatten)]
    pub episode: EpisodeValues,
    /// A language tag; empty: none named.
    #[serde(default)]
    pub language: String,
}

impl EventValues {
    pub fn of(state: &EventState) -> EventValues {
        let e = &state.event;
        let tz = tz_of(state);
        let at = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
        };
        EventValues {
            slug: e.slug.clone(),
            title: e.title.clone(),
            description: e.description.clone(),
            starts_at: at(e.starts_at.utc()),
            ends_at: at(e.ends_at.utc()),
            timezone: e.timezone.to_string(),
            venue: e.venue.clone(),
            meeting_url: e.meeting_url.clone().unwrap_or_default(),
            in_person_capacity: e.in_person_capacity.to_string(),
            virtual_capacity: e
                .virtual_capacity
                .map(|c| c.to_string())
                .unwrap_or_default(),
            phase: e.phase.as_str().to_owned(),
            virtual_phase: e
                .virtual_phase
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            offer_window_hours: e.offer_window_hours.to_string(),
            invitation_window_days: e.invitation_window_days.to_string(),
            auto_confirm: e.auto_confirm.then(|| "yes".to_owned()),
            confirm_past_retention: None,
            reminder_hours_before: e.reminder_hours_before.to_string(),
            reconfirm_days_before: e
                .reconfirm_days_before
                .map(|d| d.to_string())
                .unwrap_or_default(),
            reconfirm_window_hours: e
                .reconfirm_window_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
            episode: EpisodeValues::of(state),
            language: e.language.map(|l| l.tag().to_owned()).unwrap_or_default(),
        }
    }

    pub fn blank() -> EventValues {
        EventValues {
            timezone: "Europe/Amsterdam".into(),
            in_person_capacity: "30".into(),
            virtual_capacity: "0".into(),
            phase: Phase::Draft.as_str().into(),
            offer_window_hours: "48".into(),
            invitation_window_days: "14".into(),
            reminder_hours_before: "24".into(),
            ..EventValues::default()
        }
    }
}

/// The form; `action` is where it posts, `editing` hides the phase (changed on the
/// overview, with its preview).
pub fn form(
    viewer: &Viewer<'_>,
    heading: &str,
    action: &str,
    values: &EventValues,
    errors: &FieldErrors,
    tabs: Option<Markup>,
) -> Markup {
    let editing = tabs.is_some();
    let field = |name: &str, label: &str, kind: &str, value: &str, required: bool| {
        text_field(name, label, kind, value, errors.get(name), required)
    };
    layout(
        heading,
        viewer,
        html! {
            h1 { (heading) }
            @if let Some(tabs) = tabs { (tabs) }
            @if !errors.is_empty() { p.notice.bad role="alert" { (t!("dash-form-correct-fields")) } }
            @if let Some(general) = errors.get("event") { p.notice.bad { (general.join("; ")) } }
            form.stack.event-form method="post" action=(action) novalidate {
                (csrf_field(viewer.csrf))
                (field("title", &t!("dash-event-form-title"), "text", &values.title, true))
                (field("slug", &t!("dash-event-form-slug"), "text", &values.slug, true))
                div {
                    label for="field-description" { (t!("dash-event-form-description")) }
                    textarea id="field-description" name="description" rows="5" { (values.description) }
                    @if let Some(e) = errors.get("description") { p.field-error { (e.join("; ")) } }
                }
                (field("timezone", &t!("dash-event-form-timezone"), "text", &values.timezone, true))
                div.two {
                    (field("starts_at", &t!("dash-event-form-starts"), "datetime-local", &values.starts_at, true))
                    (field("ends_at", &t!("dash-event-form-ends"), "datetime-local", &values.ends_at, true))
                }
                @if let Some(warning) = errors.get(CONFIRM_PAST_RETENTION) {
                    div.notice.bad {
                        input type="checkbox" id="field-confirm_past_retention" name="confirm_past_retention" value="yes";
                        label.inline for="field-confirm_past_retention" { " " (t!("dash-event-form-save-anyway", warning = warning.join("; "))) }
                    }
                }
                (field("venue", &t!("dash-event-form-venue"), "text", &values.venue, false))
                (field("meeting_url", &t!("dash-event-form-meeting-url"), "url", &values.meeting_url, false))
                div.two {
                    (field("in_person_capacity", &t!("dash-event-form-in-person-capacity"), "number", &values.in_person_capacity, true))
                    (field("virtual_capacity", &t!("dash-event-form-virtual-capacity"), "number", &values.virtual_capacity, false))
                }
                div.two {
                    (field("offer_window_hours", &t!("dash-event-form-offer-window"), "number", &values.offer_window_hours, true))
                    (field("invitation_window_days", &t!("dash-event-form-invitation-window"), "number", &values.invitation_window_days, true))
                }
                (field("reminder_hours_before", &t!("dash-event-form-reminders"), "text", &values.reminder_hours_before, false))
                fieldset {
                    legend { (t!("dash-event-form-reconfirmation")) }
                    p.hint { (t!("dash-event-form-reconfirmation-hint")) }
                    div.two {
                        (field("reconfirm_days_before", &t!("dash-event-form-reconfirm-days"), "number", &values.reconfirm_days_before, false))
                        (field("reconfirm_window_hours", &t!("dash-event-form-reconfirm-hours"), "number", &values.reconfirm_window_hours, false))
                    }
                    @if let Some(e) = errors.get("reconfirm") { p.field-error { (e.join("; ")) } }
                }
                @if !editing {
                    div {
                        label for="field-phase" { (t!("dash-event-form-phase")) }
                        select id="field-phase" name="phase" {
                            @for phase in [Phase::Draft, Phase::InviteOnly, Phase::Open, Phase::Closed] {
                                option value=(phase.as_str()) selected[values.phase == phase.as_str()] { (phase_words(phase)) }
                            }
                        }
                        @if let Some(e) = errors.get("phase") { p.field-error { (e.join("; ")) } }
                    }
                    div {
                        label for="field-virtual_phase" { (t!("dash-event-form-virtual-phase")) }
                        select id="field-virtual_phase" name="virtual_phase" {
                            option value="" selected[values.virtual_phase.is_empty()] { (t!("dash-event-form-same-phase")) }
                            @for phase in [Phase::InviteOnly, Phase::Open, Phase::Closed] {
                                option value=(phase.as_str()) selected[values.virtual_phase == phase.as_str()] { (phase_words(phase)) }
                            }
                        }
                        @if let Some(e) = errors.get("virtual_phase") { p.field-error { (e.join("; ")) } }
                    }
                }
                div {
                    input type="checkbox" id="field-auto_confirm" name="auto_confirm" value="yes" checked[values.auto_confirm.is_some()];
                    label.inline for="field-auto_confirm" { " " (t!("dash-event-form-auto-confirm")) }
                }
                (super::languages::language_choice("language", &t!("language-event-label"), &t!("language-event-none"), &values.language, errors.get("language")))
                p.hint { (t!("language-event-hint")) }
                (super::episode::fields(&values.episode, errors))
                div { button type="submit" { (t!("dash-save")) } }
            }
        },
    )
}
