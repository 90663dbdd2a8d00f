//! Organizer authentication for the API: `Authorization: Bearer <token>`, the token checked
//! against the stored hashes.

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::error::ApiError;
use super::AppState;
use crate::services::accounts;

/// An organizer, proven by a live API token.
#[derive(Debug, Clone)]
pub struct Organizer {
    pub token_id: i64,
}

impl Organizer {
    /// How the audit log names this organizer.
    pub fn actor(&self) -> String {
        "organizer".to_owned()
    }
}

impl FromRequest for Organizer {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_owned());
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let (Some(token), Some(state)) = (token, state) else {
                return Err(ApiError::unauthorized());
            };
            let found = state
                .database
                .run(move |conn| accounts::api_token_id(conn, &token))
                .await?;
            found
                .map(|token_id| Organizer { token_id })
                .ok_or_else(ApiError::unauthorized)
        })
    }
}
