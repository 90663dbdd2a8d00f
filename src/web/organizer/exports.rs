//! Exports: participants as CSV (for badges and the online meeting tool), one event's
//! calendar file, and a calendar feed of every event (signed in, or by a secret link).

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use icalendar::{Calendar, Component, EventLike};
use serde::Deserialize;

use super::event_state;
use super::session::SignedIn;
use crate::domain::{Mode, Phase, Status};
use crate::mail::calendar::{event_uid, ics, sequence, CalendarEntry};
use crate::reads;
use crate::services::{self, accounts};
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::csv_download;
use crate::web::AppState;

#[derive(Deserialize)]
pub struct ExportQuery {
    mode: Option<String>,
}

/// The confirmed participants: the API's `export.csv?status=confirmed`, byte for byte.
pub async fn csv(
    state: web::Data<AppState>,
    _signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, DashboardError> {
    let mode = query.mode.as_deref().and_then(|m| m.parse::<Mode>().ok());
    let slug = slug.into_inner();
    let event = event_state(&state, slug.clone()).await?;
    let questions = event.questions.clone();
    let (list, answers) = state
        .database
        .run(move |conn| {
            let list = reads::registrations_of(conn, &event, Some(Status::Confirmed), mode)?;
            Ok::<_, diesel::result::Error>((list, reads::answers_of_event(conn, event.event.id)?))
        })
        .await?;
    let body = services::export::participants(&list, &answers, &questions)
        .map_err(|e| anyhow::anyhow!("writing the participants CSV: {e}"))?;
    let suffix = mode.map(|m| format!("-{}", m.as_str())).unwrap_or_default();
    Ok(csv_download(
        &format!("{slug}-participants{suffix}.csv"),
        body,
    ))
}

fn host_of(public_url: &str) -> String {
    url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".into())
}

pub async fn event_calendar(
    state: web::Data<AppState>,
    _signed: SignedIn,
    slug: web::Path<String>,
) -> Result<HttpResponse, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let e = &event.event;
    let (id, now) = (e.id, Utc::now());
    let changes = state
        .database
        .run(move |conn| reads::calendar_changes(conn, id, None, now))
        .await?;
    let link = format!("{}/events/{}", state.public_url, e.slug);
    let body = ics(&CalendarEntry {
        uid: event_uid(e.id.0, &host_of(&state.public_url)),
        sequence: sequence(changes.count),
        title: e.title.clone(),
        description: &e.description,
        starts_at: e.starts_at.utc(),
        ends_at: e.ends_at.utc(),
        location: &e.venue,
        url: &link,
    });
    Ok(calendar_response(&format!("{}.ics", e.slug), body))
}

fn calendar_response(filename: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .body(body)
}

/// Every event in one calendar, drafts included, for the organizers' own calendars.
pub async fn feed(
    state: web::Data<AppState>,
    _signed: SignedIn,
) -> Result<HttpResponse, DashboardError> {
    feed_of_every_event(&state).await
}

/// The same feed for a calendar app, which cannot sign in: by an organizer's secret link
/// (see [`super::calendar`]). It sits outside `/organizer`, so no session cookie is sent
/// with it or renewed by it; an unknown or revoked link is a 404, counted by the rate
/// limits like any unknown personal link.
pub async fn subscribed_feed(
    state: web::Data<AppState>,
    secret: web::Path<String>,
) -> Result<HttpResponse, DashboardError> {
    let secret = secret.into_inner();
    state
        .database
        .run(move |conn| accounts::calendar_feed_owner(conn, &secret))
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    feed_of_every_event(&state).await
}

async fn feed_of_every_event(state: &AppState) -> Result<HttpResponse, DashboardError> {
    let now = Utc::now();
    let all = state
        .database
        .run(move |conn| reads::all_events(conn, now))
        .await?;
    let host = host_of(&state.public_url);
    let mut calendar = Calendar::new();
    calendar.name("registrar events");
    for e in all.iter().map(|state| &state.event) {
        let phase = if e.phase == Phase::Draft {
            " (draft)"
        } else {
            ""
        };
        calendar.push(
            icalendar::Event::new()
                .uid(&event_uid(e.id.0, &host))
                .summary(&format!("{}{phase}", e.title))
                .description(&e.description)
                .starts(e.starts_at.utc())
                .ends(e.ends_at.utc())
                .location(&e.venue)
                .url(&format!("{}/organizer/events/{}", state.public_url, e.slug))
                .timestamp(Utc::now())
                .done(),
        );
    }
    Ok(calendar_response(
        "registrar-events.ics",
        calendar.done().to_string(),
    ))
}
