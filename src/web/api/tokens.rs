//! Organizer API tokens: the list, a new one (its value shown once, only its hash kept),
//! and revoking one, as on the dashboard's tokens page.

use actix_web::{web, HttpResponse};

use super::bodies::NewToken;
use super::shapes::{token_out, CreatedToken, TokenList, TokenOut};
use crate::domain::Role;
use crate::services::accounts::{self, TokenRevoked};
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::Json;
use crate::web::AppState;

#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens",
    description = "Every organizer API token, newest first, revoked ones included; never their values.",
    security(("bearer" = [])),
    responses((status = 200, body = TokenList), (status = 401, body = ErrorBody)))]
pub async fn list_tokens(
    state: web::Data<AppState>,
    _organizer: Organizer,
) -> Result<HttpResponse, ApiError> {
    let rows = state.database.run(accounts::api_tokens).await?;
    Ok(HttpResponse::Ok().json(TokenList {
        tokens: rows.into_iter().map(token_out).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", request_body = NewToken,
    description = "A new organizer API token. Its value is in this answer only: the server keeps nothing but its hash.",
    security(("bearer" = [])),
    responses((status = 201, body = CreatedToken), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_token(
    state: web::Data<AppState>,
    organizer: Organizer,
    body: Json<NewToken>,
) -> Result<HttpResponse, ApiError> {
    let name =
        accounts::token_name(&body.0.name).map_err(|problem| ApiError::field("name", problem))?;
    let role = body.0.role.unwrap_or(Role::Organizer);
    if !organizer.role.covers(role) {
        return Err(ApiError::forbidden(organizer.role));
    }
    let made = state
        .database
        .run(move |conn| accounts::create_api_token(conn, &name, role))
        .await?;
    Ok(HttpResponse::Created().json(CreatedToken {
        id: made.row.id,
        name: made.row.name,
        created_at: made.row.created_at.utc(),
        role: made.row.role,
        token: made.token,
    }))
}

#[utoipa::path(post, path = "/api/v1/tokens/{id}/revoke", tag = "tokens",
    description = "Revokes a token at once (the one making the request too, if it names itself). 409 when it was revoked before.",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = TokenOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke_token(
    state: web::Data<AppState>,
    _organizer: Organizer,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    match state
        .database
        .run(move |conn| accounts::revoke_api_token(conn, id))
        .await?
    {
        TokenRevoked::Now(row) => Ok(HttpResponse::Ok().json(token_out(row))),
        TokenRevoked::Already(_) => Err(ApiError::conflict(t!("api-token-revoked"))),
        TokenRevoked::Unknown => Err(ApiError::not_found("token")),
    }
}
