//! HTTP: the JSON API, the public and personal pages, health checks and static files.

pub mod api;
pub mod auth;
pub mod error;
pub mod input;
pub mod newsletter;
pub mod organizer;
pub mod pages;

use actix_web::{web, HttpResponse};

use crate::engine::Engine;
use crate::store::Pool;

/// What every handler can reach.
pub struct AppState {
    pub engine: Engine,
    pub pool: Pool,
    pub public_url: String,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
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
