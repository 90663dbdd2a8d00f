//! Organizer authentication for the API: `Authorization: Bearer <token>`, the token checked
//! against the stored hashes. A middleware looks the token up before any handler reads a
//! body, so a request with a dead token is a 401 whatever its body holds; the extractor
//! then checks that the token's role may use the route (403 `forbidden` if not), before
//! any body is read.

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderMap, AUTHORIZATION};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::{ready, Ready};

use super::error::ApiError;
use super::AppState;
use crate::domain::Role;
use crate::services::accounts;
use crate::web::roles;

/// An organizer, proven by a live API token.
#[derive(Debug, Clone)]
pub struct Organizer {
    pub token_id: i64,
    pub token_name: String,
    pub role: Role,
}

impl Organizer {
    /// How the audit log names this organizer: by the token, since a token is all the API
    /// knows of who holds it.
    pub fn actor(&self) -> String {
        format!("organizer (API token \"{}\")", self.token_name)
    }
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(|t| t.trim().to_owned())
}

/// Checks the bearer token of an API request, if it has one, before the handler runs.
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let token = bearer(req.headers());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    if let (Some(token), Some(state)) = (token, state) {
        let found = state
            .database
            .run(move |conn| accounts::live_api_token(conn, &token))
            .await
            .map_err(ApiError::from)?;
        if let Some((token_id, token_name, role)) = found {
            req.extensions_mut().insert(Organizer {
                token_id,
                token_name,
                role,
            });
        }
    }
    next.call(req).await
}

impl FromRequest for Organizer {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let found = req.extensions().get::<Organizer>().cloned();
        ready(match found {
            None => Err(ApiError::unauthorized()),
            Some(organizer) => {
                let pattern = req.match_pattern().unwrap_or_default();
                if roles::allows(organizer.role, req.method(), &pattern) {
                    Ok(organizer)
                } else {
                    Err(ApiError::forbidden(organizer.role))
                }
            }
        })
    }
}
