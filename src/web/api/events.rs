//! Events: list, create, read, change and duplicate.

use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::bodies::{patch_of, settings_of, EventChanges, NewEvent};
use super::event_state;
use super::shapes::{event_out, EventList, EventOut};
use crate::domain::event_settings::check_retention;
use crate::domain::programme::shifted;
use crate::domain::EventSettings;
use crate::reads;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::Json;
use crate::web::AppState;

/// Which events to list.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct EventFilter {
    /// Only the events of this series (its slug).
    pub series: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventFilter),
    responses((status = 200, description = "Published events (phase not draft), soonest first; with `series`, only that series' episodes", body = EventList)))]
pub async fn list_events(
    state: web::Data<AppState>,
    organizer: Option<Organizer>,
    filter: web::Query<EventFilter>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let states = state
        .database
        .run(move |conn| reads::published_events(conn, now))
        .await?;
    let series = filter.into_inner().series;
    let events = states
        .iter()
        .filter(|s| series.is_none() || s.event.series == series)
        .map(|s| event_out(s, organizer.is_some()))
        .collect();
    Ok(HttpResponse::Ok().json(EventList { events }))
}

#[utoipa::path(post, path = "/api/v1/events", tag = "events", request_body = NewEvent,
    security(("bearer" = [])),
    responses((status = 201, body = EventOut), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_event(
    state: web::Data<AppState>,
    organizer: Organizer,
    body: Json<NewEvent>,
) -> Result<HttpResponse, ApiError> {
    let (settings, confirmed) = settings_of(body.0)?;
    created(&state, settings, confirmed, organizer).await
}

/// Creates the event and answers 201 with it; one already past retention only when the
/// organizer confirmed it (`confirm_past_retention`).
async fn created(
    state: &AppState,
    settings: EventSettings,
    past_retention_confirmed: bool,
    organizer: Organizer,
) -> Result<HttpResponse, ApiError> {
    check_retention(
        settings.ends_at,
        Utc::now(),
        state.retention_days,
        past_retention_confirmed,
    )
    .map_err(ApiError::invalid)?;
    let row = state
        .engine
        .create_event(settings, organizer.actor())
        .await?;
    let event = event_state(state, row.slug.clone(), true).await?;
    Ok(HttpResponse::Created().json(event_out(&event, true)))
}

#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "events",
    params(("slug" = String, Path)),
    responses((status = 200, body = EventOut), (status = 404, body = ErrorBody)))]
pub async fn get_event(
    state: web::Data<AppState>,
    organizer: Option<Organizer>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let event = event_state(&state, slug.into_inner(), organizer.is_some()).await?;
    Ok(HttpResponse::Ok().json(event_out(&event, organizer.is_some())))
}

#[utoipa::path(patch, path = "/api/v1/events/{slug}", tag = "events", request_body = EventChanges,
    description = "Changes any field. A capacity raise or a phase that opens hands free seats on at once. A change of starts_at, ends_at, venue, meeting_url or the programme emails each confirmed participant and each holder of an open invitation or offer whom it concerns (in person: time, venue, programme; virtually: time, meeting link, streamed parts), once, with the calendar file of a seat updated; nobody is told while the event is a draft or once it has ended.",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = EventOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_event(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: Json<EventChanges>,
) -> Result<HttpResponse, ApiError> {
    let (patch, confirmed) = patch_of(body.0);
    if let Some(ends_at) = patch.ends_at {
        check_retention(ends_at, Utc::now(), state.retention_days, confirmed)
            .map_err(ApiError::invalid)?;
    }
    let row = state
        .engine
        .update_event(slug.into_inner(), patch, organizer.actor())
        .await?;
    let event = event_state(&state, row.slug.clone(), true).await?;
    Ok(HttpResponse::Ok().json(event_out(&event, true)))
}

#[utoipa::path(post, path = "/api/v1/events/{slug}/duplicate", tag = "events", request_body = EventChanges,
    description = "A new event with the settings of this one, as the dashboard's duplicate makes it: in phase draft, with the slug SLUG-copy and the title marked \"(copy)\", nobody registered. Any field of the body replaces the copied one (usually slug, title, starts_at and ends_at); the result is checked like a new event, and a slug in use is a 422 naming slug.",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = EventOut), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn duplicate_event(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: Json<EventChanges>,
) -> Result<HttpResponse, ApiError> {
    let source = event_state(&state, slug.into_inner(), true).await?;
    let (patch, confirmed) = patch_of(body.0);
    let mut copy = source.draft().copy();
    // A copy that starts at another time takes its programme along.
    if let (Some(starts_at), None) = (patch.starts_at, &patch.programme) {
        copy.programme = shifted(copy.programme, starts_at - copy.starts_at);
    }
    let settings = copy.patched(&patch).map_err(ApiError::invalid)?;
    created(&state, settings, confirmed, organizer).await
}
