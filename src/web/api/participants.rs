//! Participant routes: joining the line, and everything a personal link allows.

use actix_web::{web, HttpResponse};

use super::bodies::{AcceptChoice, JoinBody, ModeChoice};
use super::shapes::{answers_json, me_of, me_out, Me, Message};
use crate::domain::{join_of, Answers, Join, PersonalAction, Questions};
use crate::engine::PersonalView;
use crate::reads;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::ValidJson;
use crate::web::AppState;

#[utoipa::path(post, path = "/api/v1/events/{slug}/entries", tag = "participants", request_body = JoinBody,
    params(("slug" = String, Path)),
    responses((status = 202, body = Message), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn join(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    body: ValidJson<JoinBody>,
) -> Result<HttpResponse, ApiError> {
    let entry = body.0;
    let slug = slug.into_inner();
    let asked = slug.clone();
    let questions = state
        .database
        .run(move |conn| reads::questions_by_slug(conn, &asked))
        .await?;
    let questions = Questions::parse(questions).unwrap_or_default();
    let joined = join_of(
        &entry.email,
        &entry.name,
        entry.affiliation.as_deref(),
        entry.preference,
        entry.consent,
        // The request's language is the one their emails are written in.
        crate::i18n::language(),
    );
    let join = match (joined, Answers::parse(&questions, entry.answers)) {
        (Ok(join), Ok(answers)) => Join { answers, ..join },
        (joined, answers) => {
            let mut errors = joined.err().unwrap_or_default();
            errors.extend(answers.err().unwrap_or_default());
            return Err(ApiError::invalid(errors));
        }
    };
    state.engine.join(slug, join).await?;
    Ok(HttpResponse::Accepted().json(Message {
        message: t!("api-join-accepted"),
    }))
}

async fn personal(
    state: &AppState,
    token: String,
    action: PersonalAction,
) -> Result<HttpResponse, ApiError> {
    let view = state.engine.personal(token, action).await?;
    answered(state, view).await
}

/// A person's registration after their action, with their answers: both come from the
/// writer, the questions from memory unless the event changed since they were read.
async fn answered(state: &AppState, view: PersonalView) -> Result<HttpResponse, ApiError> {
    let questions = match reads::cached_questions(&view.event) {
        Some(questions) => questions,
        None => {
            let event = view.event.clone();
            state
                .database
                .run(move |conn| reads::questions_of(conn, &event))
                .await?
        }
    };
    Ok(HttpResponse::Ok().json(Me {
        answers: answers_json(Some(&view.answers), &questions),
        ..me_of(&view.event.slug, view.registration)
    }))
}

#[utoipa::path(get, path = "/api/v1/me/{token}", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody)))]
pub async fn me(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let (event, registration) = crate::web::registration_of_link(&state, token)
        .await?
        .ok_or_else(|| ApiError::not_found("registration"))?;
    let id = registration.row.id;
    let answers = state
        .database
        .run(move |conn| reads::answers_of(conn, id))
        .await?;
    Ok(HttpResponse::Ok().json(Me {
        answers: answers_json(Some(&answers), &event.questions),
        ..me_out(&event, registration)
    }))
}

#[utoipa::path(post, path = "/api/v1/me/{token}/confirm-email", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn confirm_email(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::ConfirmEmail).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/accept", tag = "participants", params(("token" = String, Path)), request_body = AcceptChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<AcceptChoice>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let choice = body.0;
    let (_, registration) = crate::web::registration_of_link(&state, token.clone())
        .await?
        .ok_or_else(|| ApiError::not_found("registration"))?;
    let id = registration.row.id;
    let (earlier, questions) = state
        .database
        .run(move |conn| {
            let questions = match reads::registration_by_id(conn, id, chrono::Utc::now())? {
                Some((event, _)) => event.questions,
                None => Vec::new(),
            };
            Ok::<_, diesel::result::Error>((reads::answers_of(conn, id)?, questions))
        })
        .await?;
    let questions = Questions::parse(questions).unwrap_or_default();
    let answers =
        Answers::parse_over(&questions, choice.answers, &earlier).map_err(ApiError::invalid)?;
    let action = PersonalAction::Accept(choice.mode);
    let view = state
        .engine
        .personal_answered(token, action, answers)
        .await?;
    answered(&state, view).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/decline", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::Decline).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/cancel", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn cancel(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::Cancel).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/switch", tag = "participants", params(("token" = String, Path)), request_body = ModeChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn switch(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<ModeChoice>,
) -> Result<HttpResponse, ApiError> {
    personal(
        &state,
        token.into_inner(),
        PersonalAction::Switch(body.0.mode),
    )
    .await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/wait-for", tag = "participants", params(("token" = String, Path)), request_body = ModeChoice,
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn wait_for(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<ModeChoice>,
) -> Result<HttpResponse, ApiError> {
    personal(
        &state,
        token.into_inner(),
        PersonalAction::WaitFor(body.0.mode),
    )
    .await
}

#[utoipa::path(delete, path = "/api/v1/me/{token}/wait-for", tag = "participants", params(("token" = String, Path)),
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn leave_wait(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::LeaveWait).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/attend-virtually", tag = "participants", params(("token" = String, Path)),
    description = "A person waiting for an in-person seat takes a free virtual seat while the virtual phase is open, and keeps their place in the in-person line: they become confirmed with mode virtual and waiting_for.mode in_person. 409 when no virtual seat is free, the virtual phase is not open, or the registration is not waiting for an in-person seat.",
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn attend_virtually(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::AttendVirtually).await
}

#[utoipa::path(post, path = "/api/v1/me/{token}/reconfirm", tag = "participants", params(("token" = String, Path)),
    description = "Answers \"yes, I'm coming\" to a pending reconfirmation (`reconfirm_by`): the seat stays, with no deadline. 409 when nothing was asked.",
    responses((status = 200, body = Me), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reconfirm(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    personal(&state, token.into_inner(), PersonalAction::Reconfirm).await
}

#[utoipa::path(delete, path = "/api/v1/me/{token}", tag = "participants", params(("token" = String, Path)),
    responses((status = 204, description = "Cancelled and erased"), (status = 404, body = ErrorBody)))]
pub async fn erase(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    state.engine.erase(token.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
