//! Organizer messages to a group of an event's participants: previewed, then sent through
//! the outbox (one email each, ending with the person's own link), as in the dashboard.

use actix_web::{web, HttpResponse};

use super::bodies::GroupMessageBody;
use super::event_state;
use super::shapes::{MessagePreview, MessageSent};
use crate::domain::GroupMessage;
use crate::mail::message::organizer_message_sample;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::Json;
use crate::web::AppState;

fn message_of(body: &GroupMessageBody) -> Result<GroupMessage, ApiError> {
    GroupMessage::parse(&body.group, &body.subject, &body.body).map_err(ApiError::invalid)
}

#[utoipa::path(post, path = "/api/v1/events/{slug}/messages/preview", tag = "organizer", request_body = GroupMessageBody,
    description = "The email as its recipients will read it (their name and personal link shown as stand-ins) and how many people the group holds now. Sends nothing.",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = MessagePreview), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn preview_message(
    state: web::Data<AppState>,
    _organizer: Organizer,
    slug: web::Path<String>,
    body: Json<GroupMessageBody>,
) -> Result<HttpResponse, ApiError> {
    let message = message_of(&body.0)?;
    let event = event_state(&state, slug.into_inner(), true).await?;
    let sample = organizer_message_sample(
        &event.event.title,
        &message.subject,
        &message.body,
        &state.public_url,
    );
    Ok(HttpResponse::Ok().json(MessagePreview {
        group: message.group.as_str().to_owned(),
        recipients: message.group.recipients(&event.ledger),
        subject: sample.subject,
        text: sample.text,
        html: sample.html,
    }))
}

#[utoipa::path(post, path = "/api/v1/events/{slug}/messages", tag = "organizer", request_body = GroupMessageBody,
    description = "Queues one email per person in the group, each ending with their own link; the outbox (GET /api/v1/outbox) shows their delivery. The audit log records the message.",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 202, body = MessageSent), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send_message(
    state: web::Data<AppState>,
    organizer: Organizer,
    slug: web::Path<String>,
    body: Json<GroupMessageBody>,
) -> Result<HttpResponse, ApiError> {
    let message = message_of(&body.0)?;
    let group = message.group;
    let sent_to = state
        .engine
        .message(slug.into_inner(), message, organizer.actor())
        .await?;
    Ok(HttpResponse::Accepted().json(MessageSent {
        group: group.as_str().to_owned(),
        recipients: sent_to.registrations.len(),
    }))
}
