//! HTTP: the JSON API, the public and personal pages, health checks, metrics and static
//! files, and the middleware every request passes (security, rate limits, logging).

pub mod api;
pub mod auth;
pub mod error;
pub mod input;
pub mod newsletter;
pub mod observe;
pub mod organizer;
pub mod page_cache;
pub mod pages;
pub mod rate_limit;
pub mod security;

use actix_web::{web, HttpResponse};

use crate::engine::Engine;
use crate::store::{DbConnection, Pool};
use error::ApiError;

/// What every handler can reach.
pub struct AppState {
    pub engine: Engine,
    pub pool: Pool,
    pub public_url: String,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(observe::scrape))
        .configure(api::routes)
        .configure(newsletter::routes)
        .configure(organizer::routes)
        .configure(pages::routes);
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// Ready when the database answers and every migration has been applied.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let ready = web::block(move || {
        pool.get()
            .map(|mut conn| crate::store::migrations_current(&mut conn))
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    if ready {
        HttpResponse::Ok().content_type("text/plain").body("ready")
    } else {
        HttpResponse::ServiceUnavailable()
            .insert_header(("Retry-After", "2"))
            .content_type("text/plain")
            .body("database unavailable or migrations pending")
    }
}

/// Runs a read on a pooled connection off the async threads.
pub async fn read<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}
