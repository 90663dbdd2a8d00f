//! Organizer routes on registrations: invitations, the list, revoke, promote, resend,
//! moves in the line, deadlines, the audit log and the CSV export.

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use futures_util::stream::{self, Stream};

use super::bodies::{invitation_of, Direction, Hold, Invitations, Move, RegistrationFilter};
use super::event_state;
use super::shapes::{
    answers_json, registration_out, registrations_out, AuditEntry, AuditLog, RegistrationList,
    RegistrationOut,
};
use crate::domain::event_settings::deadline;
use crate::domain::{parse_field, FieldErrors, Mode, RegistrationId, Status};
use crate::engine::OrganizerAction;
use crate::reads::{self, EventState};
use crate::services;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::{Json, ValidJson};
use crate::web::respond::csv_download;
use crate::web::AppState;

#[utoipa::path(post, path = "/api/v1/events/{slug}/invitations", tag = "organizer", request_body = Invitations,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 201, body = RegistrationList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn invite(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: ValidJson<Invitations>,
) -> Result<HttpResponse, ApiError> {
    let (invitees, hold_until) = invitation_of(&body.0, Utc::now())?;
    let sent = state
        .engine
        .invite(slug.clone(), invitees, hold_until, organizer.actor())
        .await?;
    let list = registrations_by_id(&state, slug.into_inner(), sent.registrations).await?;
    Ok(HttpResponse::Created().json(list))
}

async fn registrations_by_id(
    state: &AppState,
    slug: String,
    ids: Vec<RegistrationId>,
) -> Result<RegistrationList, ApiError> {
    let event = event_state(state, slug, true).await?;
    let questions = event.questions.clone();
    let (found, answers) = state
        .database
        .run(move |conn| {
            let found = reads::registrations_by_ids(conn, &event, &ids)?;
            Ok::<_, diesel::result::Error>((found, reads::answers_of_page(conn, &ids)?))
        })
        .await?;
    Ok(RegistrationList {
        registrations: registrations_out(found, &answers, &questions),
    })
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/registrations", tag = "organizer",
    params(("slug" = String, Path), RegistrationFilter), security(("bearer" = [])),
    responses((status = 200, body = RegistrationList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_registrations(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
    filter: web::Query<RegistrationFilter>,
) -> Result<HttpResponse, ApiError> {
    let (status, mode) = parse_filter(&filter)?;
    let event = Arc::new(event_state(&state, slug.into_inner(), true).await?);
    let listed = Arc::clone(&event);
    let ids = state
        .database
        .run(move |conn| reads::listed_ids(conn, &listed, status, mode))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .streaming(registrations_json(state, event, ids)))
}

/// Registrations written out per read: a list of an event of 100,000 is never held whole,
/// neither as rows nor as JSON.
const LIST_PART: usize = 500;

/// The JSON of [`RegistrationList`] for these registrations, written a part at a time, each
/// part read as it is sent. A read that fails ends the answer early, which the client sees
/// as a cut-off body: its status line went out with the first part.
fn registrations_json(
    state: web::Data<AppState>,
    event: Arc<EventState>,
    ids: Vec<RegistrationId>,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    let parts: Arc<Vec<Vec<RegistrationId>>> =
        Arc::new(ids.chunks(LIST_PART).map(<[_]>::to_vec).collect());
    // (next part, whether a registration was written yet)
    stream::unfold((0, false), move |(next, written)| {
        let (state, event, parts) = (state.clone(), Arc::clone(&event), Arc::clone(&parts));
        async move {
            let mut out = Vec::new();
            if next == 0 {
                out.extend_from_slice(br#"{"registrations":["#);
            }
            let Some(ids) = parts.get(next).cloned() else {
                if next > parts.len() {
                    return None;
                }
                out.extend_from_slice(b"]}");
                return Some((Ok(Bytes::from(out)), (next + 1, written)));
            };
            let listed = Arc::clone(&event);
            let read = state
                .database
                .run(move |conn| {
                    let found = reads::registrations_by_ids(conn, &listed, &ids)?;
                    Ok::<_, diesel::result::Error>((found, reads::answers_of_page(conn, &ids)?))
                })
                .await;
            let (found, answers) = match read {
                Ok(read) => read,
                Err(error) => {
                    tracing::error!(%error, "reading a part of a registration list");
                    let cut = std::io::Error::other("the registration list could not be read");
                    return Some((Err(cut), (parts.len() + 1, written)));
                }
            };
            let mut written = written;
            for registration in registrations_out(found, &answers, &event.questions) {
                if written {
                    out.push(b',');
                }
                written = true;
                serde_json::to_writer(&mut out, &registration)
                    .expect("a registration is written as JSON");
            }
            Some((Ok(Bytes::from(out)), (next + 1, written)))
        }
    })
}

fn parse_filter(filter: &RegistrationFilter) -> Result<(Option<Status>, Option<Mode>), ApiError> {
    let mut errors = FieldErrors::new();
    let status = filter
        .status
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|s| parse_field(&mut errors, "status", s.parse()));
    let mode = filter
        .mode
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(|m| parse_field(&mut errors, "mode", m.parse()));
    if errors.is_empty() {
        Ok((status, mode))
    } else {
        Err(ApiError::invalid(errors))
    }
}

pub(super) async fn organizer_action(
    state: &AppState,
    organizer: Organizer,
    id: RegistrationId,
    action: OrganizerAction,
) -> Result<HttpResponse, ApiError> {
    let id = state.engine.act_on(id, action, organizer.actor()).await?;
    let (event, found, answers) = state
        .database
        .run(move |conn| {
            let Some((event, found)) = reads::registration_by_id(conn, id, Utc::now())? else {
                return Ok(None);
            };
            let answers = reads::answers_of(conn, id)?;
            Ok::<_, diesel::result::Error>(Some((event, found, answers)))
        })
        .await?
        .ok_or_else(|| ApiError::not_found("registration"))?;
    Ok(HttpResponse::Ok().json(RegistrationOut {
        answers: answers_json(Some(&answers), &event.questions),
        ..registration_out(found)
    }))
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/revoke", tag = "organizer",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(&state, organizer, id.into_inner(), OrganizerAction::Revoke).await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/promote", tag = "organizer",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn promote(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(&state, organizer, id.into_inner(), OrganizerAction::Promote).await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/resend", tag = "organizer",
    description = "Sends an open invitation or seat offer again, with a fresh personal link; the deadline stays. 409 for any other registration.",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn resend(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(&state, organizer, id.into_inner(), OrganizerAction::Resend).await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/move", tag = "organizer", request_body = Move,
    description = "Moves a waiting entry up or down in its line by one step of organizer priority (higher goes first), as the dashboard's buttons do; a seat it now comes first for is offered at once in open and closed phases. 409 unless the entry waits in a line.",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_in_line(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
    body: Json<Move>,
) -> Result<HttpResponse, ApiError> {
    let by = match body.0.direction {
        Direction::Up => 1,
        Direction::Down => -1,
    };
    let action = OrganizerAction::MoveInLine(by);
    organizer_action(&state, organizer, id.into_inner(), action).await
}

#[utoipa::path(post, path = "/api/v1/registrations/{id}/hold", tag = "organizer", request_body = Hold,
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_hold(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
    body: ValidJson<Hold>,
) -> Result<HttpResponse, ApiError> {
    let until = deadline(body.0.hold_until.with_timezone(&Utc), Utc::now())
        .map_err(|message| ApiError::field("hold_until", &message))?;
    organizer_action(
        &state,
        organizer,
        id.into_inner(),
        OrganizerAction::SetHold(until),
    )
    .await
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/audit", tag = "organizer",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = AuditLog), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn audit_log(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let event = event_state(&state, slug.into_inner(), true).await?;
    let event_id = event.event.id;
    let rows = state
        .database
        .run(move |conn| reads::audit_of(conn, event_id))
        .await?;
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            at: r.at.utc(),
            actor: r.actor,
            registration_id: r.registration_id.map(|id| id.0),
            from: r.from_status,
            to: r.to_status,
            note: r.note,
        })
        .collect();
    Ok(HttpResponse::Ok().json(AuditLog { entries }))
}

#[utoipa::path(get, path = "/api/v1/events/{slug}/export.csv", tag = "organizer",
    params(("slug" = String, Path), RegistrationFilter), security(("bearer" = [])),
    responses((status = 200, description = "Registrations as CSV (id, name, email, affiliation, status, mode, preference, position, hold_until, registered_at, checked_in_at, then one column per question named by its key, several choices joined with \"; \"), in person first. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) starts with an apostrophe.", content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn export_csv(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
    filter: web::Query<RegistrationFilter>,
) -> Result<HttpResponse, ApiError> {
    let (status, mode) = parse_filter(&filter)?;
    let slug = slug.into_inner();
    let event = event_state(&state, slug.clone(), true).await?;
    let questions = event.questions.clone();
    let (list, answers) = state
        .database
        .run(move |conn| {
            let list = reads::registrations_of(conn, &event, status, mode)?;
            Ok::<_, diesel::result::Error>((list, reads::answers_of_event(conn, event.event.id)?))
        })
        .await?;
    let body = services::export::participants(&list, &answers, &questions).map_err(|error| {
        tracing::error!(%error, "writing the participants CSV");
        ApiError::internal()
    })?;
    Ok(csv_download(&format!("{slug}-registrations.csv"), body))
}
