//! Events: the list, create / edit / duplicate with the form's validation shown next to
//! each field, the overview, and the phase and capacity changes with a preview of who
//! will be handed a seat; a change that people are told of (time, venue, meeting link)
//! shows who is told before it is saved. The rules of the settings are the domain's
//! ([`EventSettings::parse`]); this reads the form's text into a draft.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use maud::Markup;
use serde::Deserialize;

use super::notices::{self, Asked};
use super::session::{Posted, SignedIn};
use super::{event_state, refusal, viewer, Flash};
use crate::domain::event_settings::{check_retention, CAPACITY_MAX, DEFAULT_OFFER_WINDOW_HOURS};
use crate::domain::{
    EventDraft, EventPatch, EventRules, EventSettings, FieldErrors, Mode, Notice, Phase,
    ReconfirmationDraft, RegistrationId, TimeZoneName,
};
use crate::engine::EngineError;
use crate::reads::{self, EventState};
use crate::views::organizer::events::{self as views, EventValues};
use crate::views::organizer::overview::{self, Overview, PhaseChange, Promotions, SAME_PHASE};
use crate::views::organizer::registrations as registration_views;
use crate::web::error::DashboardError;
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

pub async fn list(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let now = Utc::now();
    let events = state
        .database
        .run(move |conn| reads::all_events(conn, now))
        .await?;
    Ok(views::list(
        &viewer(&signed),
        &events,
        flash.words().as_deref(),
    ))
}

#[derive(Deserialize)]
pub struct NewQuery {
    from: Option<String>,
}

/// The form for a new event; `?from=SLUG` fills it from an existing event to duplicate.
pub async fn new_form(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<NewQuery>,
) -> Result<Markup, DashboardError> {
    let values = match query.into_inner().from {
        Some(slug) => {
            let source = event_state(&state, slug).await?;
            let copy = source.draft().copy();
            let mut values = EventValues {
                slug: copy.slug,
                title: copy.title,
                phase: copy.phase.as_str().into(),
                ..EventValues::of(&source)
            };
            values.episode.code = copy.episode.code.unwrap_or_default();
            values.episode.recording_url = String::new();
            values
        }
        None => EventValues::blank(),
    };
    Ok(views::form(
        &viewer(&signed),
        &t!("dash-events-create"),
        "/organizer/events",
        &values,
        &FieldErrors::new(),
        None,
    ))
}

fn add(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

/// A whole number typed in a form field; the range is the domain's to check.
fn number(errors: &mut FieldErrors, field: &str, text: &str) -> Option<u32> {
    match text.trim().parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) if text.trim().is_empty() => {
            add(errors, field, t!("dash-error-required"));
            None
        }
        Err(_) => {
            add(errors, field, t!("dash-error-whole-number"));
            None
        }
    }
}

/// A `datetime-local` value read as a time in the event's time zone.
pub fn parse_local_input(text: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(t!("dash-error-required"));
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| t!("dash-error-date-time"))?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| t!("dash-error-clock-change", zone = tz.name()))
}

/// The form read into a draft, and what could not be read at all (a number that is not
/// one, a time that does not exist). Fields that could not be read hold a stand-in.
fn draft_of(values: &EventValues) -> (EventDraft, FieldErrors) {
    let mut errors = FieldErrors::new();
    let tz = TimeZoneName::parse(&values.timezone).map_or(Tz::UTC, |t| t.0);
    let starts_at =
        parse_local_input(&values.starts_at, tz).map_err(|e| add(&mut errors, "starts_at", e));
    let ends_at =
        parse_local_input(&values.ends_at, tz).map_err(|e| add(&mut errors, "ends_at", e));
    let (starts_at, ends_at) = match (starts_at, ends_at) {
        (Ok(s), Ok(e)) => (s, e),
        // A stand-in pair that breaks no rule of its own.
        _ => (Utc::now(), Utc::now() + chrono::Duration::hours(1)),
    };
    let mut whole = |field: &str, text: &str, stand_in: u32| {
        number(&mut errors, field, text).unwrap_or(stand_in)
    };
    let in_person_capacity = whole("in_person_capacity", &values.in_person_capacity, 0);
    let virtual_capacity = (!values.virtual_capacity.trim().is_empty())
        .then(|| whole("virtual_capacity", &values.virtual_capacity, 0));
    let offer_window_hours = whole(
        "offer_window_hours",
        &values.offer_window_hours,
        DEFAULT_OFFER_WINDOW_HOURS,
    );
    let invitation_window_days = whole(
        "invitation_window_days",
        &values.invitation_window_days,
        crate::domain::event_settings::DEFAULT_INVITATION_WINDOW_DAYS,
    );
    let phase = values.phase.parse::<Phase>().unwrap_or_else(|_| {
        add(&mut errors, "phase", t!("dash-error-choose-phase"));
        Phase::Draft
    });
    let virtual_phase = match values.virtual_phase.trim() {
        "" => None,
        raw => raw.parse::<Phase>().map(Some).unwrap_or_else(|_| {
            add(&mut errors, "virtual_phase", t!("dash-error-choose-phase"));
            None
        }),
    };
    let mut reminder_hours_before = Vec::new();
    for word in values
        .reminder_hours_before
        .split([',', ' '])
        .filter(|w| !w.trim().is_empty())
    {
        match word.trim().parse::<i64>() {
            Ok(hours) => reminder_hours_before.push(hours),
            Err(_) => add(
                &mut errors,
                "reminder_hours_before",
                t!("dash-error-reminder-hours"),
            ),
        }
    }
    let reconfirm = match (
        values.reconfirm_days_before.trim(),
        values.reconfirm_window_hours.trim(),
    ) {
        ("", "") => None,
        (days, hours) => {
            let mut whole = |field: &str, text: &str| match text.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    add(&mut errors, field, t!("dash-error-give-whole-number"));
                    None
                }
            };
            let days_before = whole("reconfirm_days_before", days);
            let window_hours = whole("reconfirm_window_hours", hours);
            Some(ReconfirmationDraft {
                days_before: days_before.unwrap_or(7),
                window_hours: window_hours.unwrap_or(1),
            })
        }
    };
    let draft = EventDraft {
        slug: values.slug.clone(),
        title: values.title.clone(),
        description: values.description.clone(),
        starts_at,
        ends_at,
        timezone: values.timezone.clone(),
        venue: values.venue.clone(),
        meeting_url: Some(values.meeting_url.clone()),
        in_person_capacity,
        virtual_capacity,
        phase,
        virtual_phase,
        offer_window_hours,
        invitation_window_days,
        auto_confirm: values.auto_confirm.is_some(),
        // Edited on pages of their own (see `programme`).
        programme: Vec::new(),
        questions: Vec::new(),
        reminder_hours_before,
        reconfirm,
        episode: values.episode.draft(),
        language: Some(values.language.trim())
            .filter(|tag| !tag.is_empty())
            .map(str::to_owned),
    };
    (draft, errors)
}

/// What the form's errors and the domain's say together: a field that could not be read
/// keeps that message alone.
fn merged(mut unreadable: FieldErrors, checked: FieldErrors) -> FieldErrors {
    for (field, messages) in checked {
        unreadable.entry(field).or_insert(messages);
    }
    unreadable
}

/// Every field of the form parsed, or each bad field named.
fn settings_of(values: &EventValues) -> Result<EventSettings, FieldErrors> {
    let (draft, unreadable) = draft_of(values);
    match EventSettings::parse(draft) {
        Ok(settings) if unreadable.is_empty() => Ok(settings),
        Ok(_) => Err(unreadable),
        Err(checked) => Err(merged(unreadable, checked)),
    }
}

fn form_errors(
    signed: &SignedIn,
    heading: &str,
    action: &str,
    values: &EventValues,
    errors: &FieldErrors,
    tabs: Option<Markup>,
) -> HttpResponse {
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::form(&viewer(signed), heading, action, values, errors, tabs),
    )
}

/// The form again with the engine's refusal beside the fields, or the error page.
fn refused_form(
    signed: &SignedIn,
    heading: &str,
    action: &str,
    values: &EventValues,
    error: EngineError,
    tabs: Option<Markup>,
) -> Result<HttpResponse, DashboardError> {
    let errors = match error {
        EngineError::Invalid(errors) => errors,
        other => FieldErrors::from([("event".to_owned(), vec![refusal(other)?])]),
    };
    Ok(form_errors(signed, heading, action, values, &errors, tabs))
}

pub async fn create(
    state: web::Data<AppState>,
    posted: Posted<EventValues>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, values) = posted;
    let (heading, action) = (t!("dash-events-create"), "/organizer/events");
    let heading = heading.as_str();
    let settings = match settings_of(&values) {
        Ok(settings) => settings,
        Err(errors) => {
            return Ok(form_errors(
                &signed, heading, action, &values, &errors, None,
            ))
        }
    };
    let confirmed = values.confirm_past_retention.is_some();
    if let Err(errors) = check_retention(
        settings.ends_at,
        Utc::now(),
        state.retention_days,
        confirmed,
    ) {
        return Ok(form_errors(
            &signed, heading, action, &values, &errors, None,
        ));
    }
    match state.engine.create_event(settings, signed.actor()).await {
        Ok(row) => Ok(see_other(&format!(
            "/organizer/events/{}?done=created",
            row.slug
        ))),
        Err(error) => refused_form(&signed, heading, action, &values, error, None),
    }
}

pub async fn edit_form(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let action = format!("/organizer/events/{}/edit", event.event.slug);
    Ok(views::form(
        &viewer(&signed),
        &t!("dash-event-settings"),
        &action,
        &EventValues::of(&event),
        &FieldErrors::new(),
        Some(crate::views::organizer::event_tabs(
            &event.event.slug,
            "/edit",
        )),
    ))
}

/// The form's fields read as its values (every one is text, so this cannot fail; a
/// field missing is empty).
fn values_of_fields(form: &BTreeMap<String, String>) -> EventValues {
    serde_json::to_value(form)
        .and_then(serde_json::from_value)
        .unwrap_or_default()
}

/// Saves the settings; a change that people will be told of (time, venue, meeting link)
/// shows who is told and how first, and is saved from that page.
pub async fn update(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, mut form) = posted;
    let asked = notices::asked(&mut form);
    let mut values = values_of_fields(&form);
    let slug = slug.into_inner();
    let current = event_state(&state, slug.clone()).await?;
    // The phases are changed on the overview, with their preview.
    values.phase = current.event.phase.as_str().to_owned();
    values.virtual_phase = current
        .event
        .virtual_phase
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let heading = t!("dash-event-settings");
    let heading = heading.as_str();
    let action = format!("/organizer/events/{slug}/edit");
    let tabs = || Some(crate::views::organizer::event_tabs(&slug, "/edit"));
    let (draft, unreadable) = draft_of(&values);
    if !unreadable.is_empty() {
        let errors = match EventSettings::parse(draft) {
            Ok(_) => unreadable,
            Err(checked) => merged(unreadable, checked),
        };
        return Ok(form_errors(
            &signed,
            heading,
            &action,
            &values,
            &errors,
            tabs(),
        ));
    }
    // Only a new end is checked: editing an event that ended long ago asks nothing.
    if draft.ends_at != current.event.ends_at.utc() {
        let confirmed = values.confirm_past_retention.is_some();
        if let Err(errors) =
            check_retention(draft.ends_at, Utc::now(), state.retention_days, confirmed)
        {
            return Ok(form_errors(
                &signed,
                heading,
                &action,
                &values,
                &errors,
                tabs(),
            ));
        }
    }
    if asked == Asked::BackToForm {
        let page = views::form(
            &viewer(&signed),
            heading,
            &action,
            &values,
            &FieldErrors::new(),
            tabs(),
        );
        return Ok(html_status(StatusCode::OK, page));
    }
    let patch = EventPatch::all_but_phase(draft);
    if asked == Asked::Save {
        // Refused settings are the engine's to name, below.
        if let Ok(after) = current.draft().patched(&patch) {
            let at = ("/edit", action.as_str());
            if let Some(page) =
                notices::preview(&signed, &state.public_url, &current, &after, at, &form)
            {
                return Ok(html_status(StatusCode::OK, page));
            }
        }
    }
    match state
        .engine
        .update_event(slug.clone(), patch, signed.actor())
        .await
    {
        Ok(row) => Ok(see_other(&format!(
            "/organizer/events/{}?done={}",
            row.slug,
            if asked == Asked::SaveAndTell {
                "told"
            } else {
                "saved"
            }
        ))),
        Err(error) => refused_form(&signed, heading, &action, &values, error, tabs()),
    }
}

/// Who would be handed a seat if the event had `rules` now: (id, mode, confirmed at once).
fn promoted_by(state: &EventState, rules: EventRules) -> Vec<(i64, Mode, bool)> {
    state
        .ledger
        .preview(rules, Utc::now())
        .iter()
        .filter_map(|h| match h.notice {
            Some(Notice::SeatOffer { mode, .. }) => Some((h.registration_id, mode, false)),
            Some(Notice::Confirmation { mode }) => Some((h.registration_id, mode, true)),
            _ => None,
        })
        .collect()
}

async fn promotions(
    state: &AppState,
    event: &EventState,
    rules: EventRules,
) -> Result<Promotions, DashboardError> {
    let promoted = promoted_by(event, rules);
    let ids: Vec<RegistrationId> = promoted
        .iter()
        .map(|(id, _, _)| RegistrationId(*id))
        .collect();
    let event = event.clone();
    let people = state
        .database
        .run(move |conn| reads::registrations_by_ids(conn, &event, &ids))
        .await?;
    let names: std::collections::HashMap<RegistrationId, String> = people
        .into_iter()
        .map(|r| (r.row.id, format!("{} <{}>", r.row.name, r.row.email)))
        .collect();
    let mut result = Promotions::default();
    for (id, mode, confirmed) in promoted {
        let name = names.get(&RegistrationId(id)).cloned().unwrap_or_default();
        if confirmed {
            result.confirmed.push((mode, name));
        } else {
            result.offered.push((mode, name));
        }
    }
    Ok(result)
}

#[derive(Deserialize)]
pub struct OverviewQuery {
    phase: Option<String>,
    virtual_phase: Option<String>,
    done: Option<String>,
}

pub async fn overview(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<OverviewQuery>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let id = event.event.id;
    let (event, times, attendance) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let times = reads::registration_times(conn, id)?;
            let attendance = reads::check_in::attendance(conn, &event)?;
            Ok((event, times, attendance))
        })
        .await?;
    let tz: Tz = event.event.timezone.0;
    let mut days: Vec<(NaiveDate, u32)> = Vec::new();
    for at in times {
        let day = at.with_timezone(&tz).date_naive();
        match days.last_mut() {
            Some((last, n)) if *last == day => *n += 1,
            _ => days.push((day, 1)),
        }
    }
    let change = phase_change(query.phase.as_deref(), query.virtual_phase.as_deref());
    let preview = match change {
        Some(change) => {
            let mut rules = event.ledger.rules().clone();
            match change {
                PhaseChange::Event(phase) => rules.phase = phase,
                PhaseChange::Virtual(phase) => rules.virtual_phase = phase,
            }
            Some((change, promotions(&state, &event, rules).await?))
        }
        None => None,
    };
    let answers_due = event
        .ledger
        .entries()
        .filter(|e| e.status.is_hold() || e.wait_offered_until.is_some())
        .count();
    let done = query.done.as_deref().and_then(super::done_words);
    let done = done.as_deref();
    Ok(overview::page(
        &viewer(&signed),
        &Overview {
            state: &event,
            days: &days,
            answers_due,
            next_deadline: event.ledger.next_deadline(),
            preview,
            done,
            problem: None,
            attendance,
        },
    ))
}

#[derive(Deserialize)]
pub struct PhaseForm {
    phase: Option<String>,
    virtual_phase: Option<String>,
}

/// The change a preview link or the phase form asks for: the event's phase, or the
/// virtual seats' own (`same` to follow the event's again); none for anything else.
fn phase_change(phase: Option<&str>, virtual_phase: Option<&str>) -> Option<PhaseChange> {
    match (phase, virtual_phase) {
        (Some(phase), None) => phase.parse().ok().map(PhaseChange::Event),
        (None, Some(SAME_PHASE)) => Some(PhaseChange::Virtual(None)),
        (None, Some(phase)) => match phase.parse() {
            Ok(Phase::Draft) | Err(_) => None,
            Ok(phase) => Some(PhaseChange::Virtual(Some(phase))),
        },
        _ => None,
    }
}

async fn submit_patch(
    state: &AppState,
    signed: &SignedIn,
    slug: &str,
    patch: EventPatch,
    done: &str,
    back: &str,
) -> Result<HttpResponse, DashboardError> {
    match state
        .engine
        .update_event(slug.to_owned(), patch, signed.actor())
        .await
    {
        Ok(_) => Ok(see_other(&format!("{back}?done={done}"))),
        Err(error) => {
            let message = refusal(error)?;
            Ok(html_status(
                StatusCode::CONFLICT,
                crate::views::organizer::layout(
                    &t!("dash-not-changed"),
                    &viewer(signed),
                    maud::html! {
                        h1 { (t!("dash-not-changed")) }
                        p.notice.bad { (message) }
                        p { a href=(back) { (t!("dash-back")) } }
                    },
                ),
            ))
        }
    }
}

pub async fn change_phase(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<PhaseForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let back = format!("/organizer/events/{slug}");
    let patch = match phase_change(form.phase.as_deref(), form.virtual_phase.as_deref()) {
        Some(PhaseChange::Event(phase)) => EventPatch {
            phase: Some(phase),
            ..EventPatch::default()
        },
        Some(PhaseChange::Virtual(phase)) => EventPatch {
            virtual_phase: Some(phase),
            ..EventPatch::default()
        },
        None => return Ok(see_other(&back)),
    };
    submit_patch(&state, &signed, &slug, patch, "phase", &back).await
}

#[derive(Deserialize)]
pub struct CapacityForm {
    #[serde(default)]
    in_person: Option<String>,
    #[serde(default, rename = "virtual")]
    virtual_seats: Option<String>,
}

/// Both capacities parsed; an empty virtual capacity means unlimited.
fn capacities(form: &CapacityForm) -> Result<(u32, Option<u32>), String> {
    let mut errors = FieldErrors::new();
    let mut seats = |field: &str, text: &str| {
        number(&mut errors, field, text).filter(|&n| {
            let fits = n <= CAPACITY_MAX;
            if !fits {
                add(
                    &mut errors,
                    field,
                    t!("dash-error-between", max = CAPACITY_MAX),
                );
            }
            fits
        })
    };
    let in_person = seats(
        &t!("dash-capacity-field-in-person"),
        form.in_person.as_deref().unwrap_or(""),
    );
    let virtual_text = form.virtual_seats.as_deref().unwrap_or("").trim();
    let virtual_seats = if virtual_text.is_empty() {
        Some(None)
    } else {
        seats(&t!("dash-capacity-field-virtual"), virtual_text).map(Some)
    };
    match (in_person, virtual_seats) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(errors
            .iter()
            .map(|(f, m)| {
                t!(
                    "dash-error-field",
                    field = f.as_str(),
                    problem = m.join("; ")
                )
            })
            .collect::<Vec<_>>()
            .join(" ")),
    }
}

pub async fn capacity(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<CapacityForm>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let query = query.into_inner();
    let asked = query.in_person.is_some() || query.virtual_seats.is_some();
    let in_person = query
        .in_person
        .clone()
        .unwrap_or_else(|| event.event.in_person_capacity.to_string());
    let virtual_seats = if asked {
        query.virtual_seats.clone().unwrap_or_default()
    } else {
        event
            .event
            .virtual_capacity
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    let (preview, problem) = if asked {
        match capacities(&query) {
            Ok((a, b)) => {
                let mut rules = event.ledger.rules().clone();
                rules.in_person_capacity = a;
                rules.virtual_capacity = b;
                (Some(promotions(&state, &event, rules).await?), None)
            }
            Err(message) => (None, Some(message)),
        }
    } else {
        (None, None)
    };
    Ok(registration_views::capacity(
        &viewer(&signed),
        &event,
        &in_person,
        &virtual_seats,
        preview.as_ref(),
        problem.as_deref(),
    ))
}

pub async fn change_capacity(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<CapacityForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let back = format!("/organizer/events/{slug}");
    let (in_person, virtual_seats) = match capacities(&form) {
        Ok(c) => c,
        Err(message) => {
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::views::organizer::bare_message(&t!("dash-not-changed"), &message),
            ))
        }
    };
    let patch = EventPatch {
        in_person_capacity: Some(in_person),
        virtual_capacity: Some(virtual_seats),
        ..EventPatch::default()
    };
    submit_patch(&state, &signed, &slug, patch, "capacity", &back).await
}
