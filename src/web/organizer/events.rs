//! Events: the list, create / edit / duplicate with the form's validation shown next to
//! each field, the overview, and the phase and capacity changes with a preview of who
//! will be handed a seat.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::session::{Posted, SignedIn};
use super::{event_state, failure, html, html_status, read, refusal, see_other, viewer, Flash};
use crate::domain::{EventPatch, EventSettings, FieldErrors, RegistrationId};
use crate::domain::{EventRules, Ledger, Mode, Notice, Phase, Slug, TimeZoneName};
use crate::engine::{Command, EngineError, Outcome};
use crate::reads::{self, EventState};
use crate::store::dashboard;
use crate::views::organizer::events::{self as views, EventValues};
use crate::views::organizer::overview::{self, Overview, Promotions};
use crate::views::organizer::registrations as registration_views;
use crate::web::AppState;

pub async fn list(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> HttpResponse {
    let now = Utc::now();
    let found = read(&state, move |conn| {
        let mut all = Vec::new();
        for row in dashboard::all_events(conn)? {
            all.push(reads::event_state(conn, row, now)?);
        }
        Ok(all)
    })
    .await;
    match found {
        Ok(events) => html(views::list(&viewer(&signed), &events, flash.words())),
        Err(error) => failure(error),
    }
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
) -> HttpResponse {
    let values = match query.into_inner().from {
        Some(slug) => match event_state(&state, slug).await {
            Ok(source) => {
                let mut values = EventValues::of(&source);
                values.slug = format!("{}-copy", values.slug);
                values.title = format!("{} (copy)", values.title);
                values.phase = Phase::Draft.as_str().into();
                values
            }
            Err(error) => return failure(error),
        },
        None => EventValues::blank(),
    };
    html(views::form(
        &viewer(&signed),
        "Create an event",
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

fn number(errors: &mut FieldErrors, field: &str, text: &str, min: u32, max: u32) -> Option<u32> {
    match text.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            add(errors, field, format!("must be between {min} and {max}"));
            None
        }
        Err(_) if text.trim().is_empty() => {
            add(errors, field, "is required");
            None
        }
        Err(_) => {
            add(errors, field, "must be a whole number");
            None
        }
    }
}

/// A `datetime-local` value read as a time in the event's time zone.
pub fn local_time(text: &str, tz: Tz) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("is required".into());
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| "must be a date and time such as 2027-03-15T09:30".to_owned())?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("does not exist in {} (a clock change)", tz.name()))
}

/// Every field of the form parsed, or each bad field named.
fn settings_of(values: &EventValues) -> Result<EventSettings, FieldErrors> {
    let mut errors = FieldErrors::new();
    let slug = Slug::parse(&values.slug)
        .map_err(|e| add(&mut errors, "slug", e.0))
        .ok();
    let title = values.title.trim().to_owned();
    if title.is_empty() {
        add(&mut errors, "title", "is required");
    } else if title.chars().count() > 200 {
        add(&mut errors, "title", "must be at most 200 characters");
    }
    if values.description.chars().count() > 20000 {
        add(
            &mut errors,
            "description",
            "must be at most 20000 characters",
        );
    }
    let timezone = TimeZoneName::parse(&values.timezone)
        .map_err(|e| add(&mut errors, "timezone", e.0))
        .ok()
        .map(|t| t.0);
    let tz = timezone.unwrap_or(Tz::UTC);
    let starts_at = local_time(&values.starts_at, tz)
        .map_err(|e| add(&mut errors, "starts_at", e))
        .ok();
    let ends_at = local_time(&values.ends_at, tz)
        .map_err(|e| add(&mut errors, "ends_at", e))
        .ok();
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e <= s {
            add(&mut errors, "ends_at", "must be after the start");
        }
    }
    let venue = values.venue.trim().to_owned();
    if venue.chars().count() > 500 {
        add(&mut errors, "venue", "must be at most 500 characters");
    }
    let meeting_url = values.meeting_url.trim().to_owned();
    if !meeting_url.is_empty()
        && (meeting_url.len() > 2000
            || !url::Url::parse(&meeting_url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")))
    {
        add(
            &mut errors,
            "meeting_url",
            "must be a URL such as https://meet.example.org/room",
        );
    }
    let in_person = number(
        &mut errors,
        "in_person_capacity",
        &values.in_person_capacity,
        0,
        1_000_000,
    );
    let virtual_capacity = if values.virtual_capacity.trim().is_empty() {
        Some(None)
    } else {
        number(
            &mut errors,
            "virtual_capacity",
            &values.virtual_capacity,
            0,
            1_000_000,
        )
        .map(Some)
    };
    let offer = number(
        &mut errors,
        "offer_window_hours",
        &values.offer_window_hours,
        1,
        8760,
    );
    let invitation = number(
        &mut errors,
        "invitation_window_days",
        &values.invitation_window_days,
        1,
        365,
    );
    let phase = values
        .phase
        .parse::<Phase>()
        .map_err(|_| add(&mut errors, "phase", "choose a phase"))
        .ok();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(EventSettings {
        slug: slug.expect("checked"),
        title,
        description: values.description.replace("\r\n", "\n"),
        starts_at: starts_at.expect("checked"),
        ends_at: ends_at.expect("checked"),
        timezone: tz,
        venue,
        meeting_url: (!meeting_url.is_empty()).then_some(meeting_url),
        in_person_capacity: in_person.expect("checked"),
        virtual_capacity: virtual_capacity.expect("checked"),
        phase: phase.expect("checked"),
        offer_window_hours: offer.expect("checked"),
        invitation_window_days: invitation.expect("checked"),
        auto_confirm: values.auto_confirm.is_some(),
    })
}

fn form_errors(
    signed: &SignedIn,
    heading: &str,
    action: &str,
    values: &EventValues,
    errors: &FieldErrors,
    tabs: Option<maud::Markup>,
) -> HttpResponse {
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::form(&viewer(signed), heading, action, values, errors, tabs),
    )
}

pub async fn create(state: web::Data<AppState>, posted: Posted<EventValues>) -> HttpResponse {
    let Posted(signed, values) = posted;
    let heading = "Create an event";
    let settings = match settings_of(&values) {
        Ok(settings) => settings,
        Err(errors) => {
            return form_errors(
                &signed,
                heading,
                "/organizer/events",
                &values,
                &errors,
                None,
            )
        }
    };
    let command = Command::CreateEventBy {
        settings,
        actor: signed.actor(),
    };
    match state.engine.submit(command).await {
        Ok(Outcome::Event(row)) => {
            see_other(&format!("/organizer/events/{}?done=created", row.slug))
        }
        Ok(_) => see_other("/organizer"),
        Err(EngineError::Invalid(errors)) => form_errors(
            &signed,
            heading,
            "/organizer/events",
            &values,
            &errors,
            None,
        ),
        Err(error) => match refusal(error) {
            Ok(message) => form_errors(
                &signed,
                heading,
                "/organizer/events",
                &values,
                &FieldErrors::from([("event".to_owned(), vec![message])]),
                None,
            ),
            Err(error) => failure(error),
        },
    }
}

pub async fn edit_form(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
) -> HttpResponse {
    match event_state(&state, slug.into_inner()).await {
        Ok(event) => {
            let action = format!("/organizer/events/{}/edit", event.event.slug);
            html(views::form(
                &viewer(&signed),
                "Event settings",
                &action,
                &EventValues::of(&event),
                &FieldErrors::new(),
                Some(crate::views::organizer::event_tabs(
                    &event.event.slug,
                    "/edit",
                )),
            ))
        }
        Err(error) => failure(error),
    }
}

pub async fn update(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<EventValues>,
) -> HttpResponse {
    let Posted(signed, mut values) = posted;
    let slug = slug.into_inner();
    let current = match event_state(&state, slug.clone()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    // The phase is changed on the overview, with its preview.
    values.phase = current.event.phase.as_str().to_owned();
    let action = format!("/organizer/events/{slug}/edit");
    let tabs = || Some(crate::views::organizer::event_tabs(&slug, "/edit"));
    let settings = match settings_of(&values) {
        Ok(settings) => settings,
        Err(errors) => {
            return form_errors(&signed, "Event settings", &action, &values, &errors, tabs())
        }
    };
    let patch = EventPatch {
        slug: Some(settings.slug),
        title: Some(settings.title),
        description: Some(settings.description),
        starts_at: Some(settings.starts_at),
        ends_at: Some(settings.ends_at),
        timezone: Some(settings.timezone),
        venue: Some(settings.venue),
        meeting_url: Some(settings.meeting_url),
        in_person_capacity: Some(settings.in_person_capacity),
        virtual_capacity: Some(settings.virtual_capacity),
        phase: None,
        offer_window_hours: Some(settings.offer_window_hours),
        invitation_window_days: Some(settings.invitation_window_days),
        auto_confirm: Some(settings.auto_confirm),
    };
    let command = Command::UpdateEvent {
        slug: slug.clone(),
        patch,
        actor: signed.actor(),
    };
    match state.engine.submit(command).await {
        Ok(Outcome::Event(row)) => see_other(&format!("/organizer/events/{}?done=saved", row.slug)),
        Ok(_) => see_other(&format!("/organizer/events/{slug}")),
        Err(EngineError::Invalid(errors)) => {
            form_errors(&signed, "Event settings", &action, &values, &errors, tabs())
        }
        Err(error) => match refusal(error) {
            Ok(message) => form_errors(
                &signed,
                "Event settings",
                &action,
                &values,
                &FieldErrors::from([("event".to_owned(), vec![message])]),
                tabs(),
            ),
            Err(error) => failure(error),
        },
    }
}

/// Who would be handed a seat if the event had `rules` now: the ledger is copied and
/// changed in memory, nothing is written.
fn promoted_by(state: &EventState, rules: EventRules) -> Vec<(i64, Mode, bool)> {
    let mut ledger = Ledger::clone(&state.ledger);
    ledger.set_rules(rules, Utc::now());
    let (happenings, _) = ledger.take_changes();
    happenings
        .iter()
        .filter(|h| h.by_system)
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
) -> Result<Promotions, crate::web::error::ApiError> {
    let promoted = promoted_by(event, rules);
    let ids: Vec<RegistrationId> = promoted
        .iter()
        .map(|(id, _, _)| RegistrationId(*id))
        .collect();
    let names: HashMap<RegistrationId, String> = read(state, move |conn| {
        Ok(dashboard::registrations_by_ids(conn, &ids)?
            .into_iter()
            .map(|r| (r.id, format!("{} <{}>", r.name, r.email)))
            .collect())
    })
    .await?;
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
    done: Option<String>,
}

pub async fn overview(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<OverviewQuery>,
) -> HttpResponse {
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    let id = event.event.id;
    let times = match read(&state, move |conn| {
        Ok(dashboard::registration_times(conn, id)?)
    })
    .await
    {
        Ok(times) => times,
        Err(error) => return failure(error),
    };
    let tz: Tz = event.event.timezone.0;
    let mut days: Vec<(NaiveDate, u32)> = Vec::new();
    for at in times {
        let day = at.utc().with_timezone(&tz).date_naive();
        match days.last_mut() {
            Some((last, n)) if *last == day => *n += 1,
            _ => days.push((day, 1)),
        }
    }
    let preview = match query.phase.as_deref().map(str::parse::<Phase>) {
        Some(Ok(target)) => {
            let mut rules = event.ledger.rules().clone();
            rules.phase = target;
            match promotions(&state, &event, rules).await {
                Ok(p) => Some((target, p)),
                Err(error) => return failure(error),
            }
        }
        _ => None,
    };
    let answers_due = event
        .ledger
        .entries()
        .filter(|e| e.status.is_hold() || e.wait_offered_until.is_some())
        .count();
    let done = query.done.as_deref().and_then(super::done_words);
    html(overview::page(
        &viewer(&signed),
        &Overview {
            state: &event,
            days: &days,
            answers_due,
            next_deadline: event.ledger.next_deadline(),
            preview,
            done,
            problem: None,
        },
    ))
}

#[derive(Deserialize)]
pub struct PhaseForm {
    #[serde(default)]
    phase: String,
}

async fn submit_patch(
    state: &AppState,
    signed: &SignedIn,
    slug: &str,
    patch: EventPatch,
    done: &str,
    back: &str,
) -> HttpResponse {
    let command = Command::UpdateEvent {
        slug: slug.to_owned(),
        patch,
        actor: signed.actor(),
    };
    match state.engine.submit(command).await {
        Ok(_) => see_other(&format!("{back}?done={done}")),
        Err(error) => match refusal(error) {
            Ok(message) => html_status(
                StatusCode::CONFLICT,
                crate::views::organizer::layout(
                    "Not changed",
                    &viewer(signed),
                    maud::html! {
                        h1 { "Not changed" }
                        p.notice.bad { (message) }
                        p { a href=(back) { "Back" } }
                    },
                ),
            ),
            Err(error) => failure(error),
        },
    }
}

pub async fn change_phase(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<PhaseForm>,
) -> HttpResponse {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let back = format!("/organizer/events/{slug}");
    let Ok(phase) = form.phase.parse::<Phase>() else {
        return see_other(&back);
    };
    let patch = EventPatch {
        phase: Some(phase),
        ..EventPatch::default()
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
    let in_person = number(
        &mut errors,
        "in-person seats",
        form.in_person.as_deref().unwrap_or(""),
        0,
        1_000_000,
    );
    let virtual_text = form.virtual_seats.as_deref().unwrap_or("").trim();
    let virtual_seats = if virtual_text.is_empty() {
        Some(None)
    } else {
        number(&mut errors, "virtual seats", virtual_text, 0, 1_000_000).map(Some)
    };
    match (in_person, virtual_seats) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(errors
            .iter()
            .map(|(f, m)| format!("The {f} {}.", m.join("; ")))
            .collect::<Vec<_>>()
            .join(" ")),
    }
}

pub async fn capacity(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<CapacityForm>,
) -> HttpResponse {
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
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
                match promotions(&state, &event, rules).await {
                    Ok(p) => (Some(p), None),
                    Err(error) => return failure(error),
                }
            }
            Err(message) => (None, Some(message)),
        }
    } else {
        (None, None)
    };
    html(registration_views::capacity(
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
) -> HttpResponse {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let back = format!("/organizer/events/{slug}");
    let (in_person, virtual_seats) = match capacities(&form) {
        Ok(c) => c,
        Err(message) => {
            return html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::views::organizer::bare_message("Not changed", &message),
            )
        }
    };
    let patch = EventPatch {
        in_person_capacity: Some(in_person),
        virtual_capacity: Some(virtual_seats),
        ..EventPatch::default()
    };
    submit_patch(&state, &signed, &slug, patch, "capacity", &back).await
}
