//! Check-in at the door: a confirmed registration is marked as arrived (once: repeating it
//! keeps the first time), and the arrival can be undone. Open to `check_in` tokens too.

use actix_web::{web, HttpResponse};

use super::organizer::organizer_action;
use super::shapes::RegistrationOut;
use crate::domain::RegistrationId;
use crate::engine::OrganizerAction;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::AppState;

#[utoipa::path(post, path = "/api/v1/registrations/{id}/check-in", tag = "organizer",
    description = "Marks a confirmed registration as arrived (`checked_in_at`); repeating it keeps the first time. Any other status is a 409 and changes nothing. Open to tokens with the role check_in.",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn check_in(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, ApiError> {
    organizer_action(&state, organizer, id.into_inner(), OrganizerAction::CheckIn).await
}

#[utoipa::path(delete, path = "/api/v1/registrations/{id}/check-in", tag = "organizer",
    description = "Undoes a check-in: `checked_in_at` is null again. 409 unless the registration is confirmed.",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn undo_check_in(
    state: web::Data<AppState>,
    organizer: Organizer,
    id: web::Path<RegistrationId>,
) -> Result<HttpResponse, ApiError> {
    let action = OrganizerAction::UndoCheckIn;
    organizer_action(&state, organizer, id.into_inner(), action).await
}
