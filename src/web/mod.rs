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
pub mod respond;
pub mod roles;
pub mod security;
pub mod series;
pub mod words;

use actix_web::{web, HttpResponse};

use chrono::Utc;

use crate::database::Database;
use crate::engine::{Engine, EngineError};
use crate::reads::{self, EventState, RegistrationState};
use crate::store::DbConnection;

/// What every handler can reach.
pub struct AppState {
    pub engine: Engine,
    pub database: Database,
    pub public_url: String,
    /// Days after which personal data of past events is erased (`REGISTRAR_RETENTION_DAYS`).
    pub retention_days: u32,
    /// Days after which an address never confirmed is erased (`REGISTRAR_UNCONFIRMED_DAYS`).
    pub unconfirmed_days: u32,
    /// Who runs the site, as every page shows it.
    pub site: std::sync::Arc<crate::services::site::SiteCache>,
}

/// Draws every page of the request with the site's identity (see
/// [`crate::services::site::SiteCache`]) in the reader's language (see [`language_of`]).
pub async fn with_site_identity(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let site = match req.app_data::<web::Data<AppState>>() {
        Some(state) => state.site.current(),
        None => std::sync::Arc::new(crate::domain::SiteIdentity::default()),
    };
    let language = answer_language(req.request());
    let here = match req.query_string() {
        "" => req.path().to_owned(),
        query => format!("{}?{query}", req.path()),
    };
    let work = crate::i18n::with_language(language, crate::views::with_path(here, next.call(req)));
    let mut res = crate::views::with_site(site, work).await?;
    // A page's words, and a calendar's, follow these two headers: a shared cache must
    // keep one copy per language.
    let is_page = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("text/calendar"));
    if is_page {
        res.headers_mut().append(
            actix_web::http::header::VARY,
            actix_web::http::header::HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    Ok(res)
}

/// The language a request is answered in: English on the organizer dashboard for now,
/// whatever the reader's language, else the reader's (see [`language_of`]).
pub fn answer_language(req: &actix_web::HttpRequest) -> crate::domain::Language {
    if req.path().starts_with("/organizer") {
        crate::domain::Language::default()
    } else {
        language_of(req)
    }
}

/// The cookie that keeps the language chosen on a page.
pub const LANGUAGE_COOKIE: &str = "lang";

/// The language a request is answered in: the one chosen on a page (the cookie), else
/// the first of `Accept-Language` the site speaks, else English.
pub fn language_of(req: &actix_web::HttpRequest) -> crate::domain::Language {
    use crate::domain::Language;
    if let Some(chosen) = req
        .cookie(LANGUAGE_COOKIE)
        .and_then(|c| Language::from_tag(c.value()))
    {
        return chosen;
    }
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Language::negotiate)
        .unwrap_or_default()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(observe::scrape))
        .configure(api::routes)
        .configure(newsletter::routes)
        .configure(organizer::routes)
        .configure(series::routes)
        .configure(pages::routes);
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// Ready when the database answers and every migration has been applied.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.database.ready().await {
        HttpResponse::Ok().content_type("text/plain").body("ready")
    } else {
        HttpResponse::ServiceUnavailable()
            .insert_header(("Retry-After", "2"))
            .content_type("text/plain")
            .body("database unavailable or migrations pending")
    }
}

/// An event as of now, drafts only when `drafts` says so. When a hold has lapsed that
/// the database does not show yet, the engine is nudged to write it down.
pub async fn event_of(
    state: &AppState,
    slug: String,
    drafts: bool,
) -> Result<Option<EventState>, EngineError> {
    let found = event_and(state, slug, drafts, |_, _| Ok(())).await?;
    Ok(found.map(|(event, ())| event))
}

/// [`event_of`], and then `then` with the event, in one call on the database's threads:
/// a page that needs the event and one read more waits for one hand-over, not two.
pub async fn event_and<T: Send + 'static>(
    state: &AppState,
    slug: String,
    drafts: bool,
    then: impl FnOnce(&mut DbConnection, &EventState) -> diesel::QueryResult<T> + Send + 'static,
) -> Result<Option<(EventState, T)>, EngineError> {
    let found = state
        .database
        .run(move |conn| {
            let Some(event) = reads::event_by_slug(conn, &slug, Utc::now())?
                .filter(|event| drafts || event.event.phase != crate::domain::Phase::Draft)
            else {
                return Ok(None);
            };
            let more = then(conn, &event)?;
            Ok::<_, diesel::result::Error>(Some((event, more)))
        })
        .await?;
    if let Some((event, _)) = &found {
        nudge_if_unsettled(state, event);
    }
    Ok(found)
}

/// A person's registration by their personal link, as of now, nudging the engine like
/// [`event_of`].
pub async fn registration_of_link(
    state: &AppState,
    token: String,
) -> Result<Option<(EventState, RegistrationState)>, EngineError> {
    let found = state
        .database
        .run(move |conn| reads::by_token(conn, &token, Utc::now()))
        .await?;
    if let Some((event, _)) = &found {
        nudge_if_unsettled(state, event);
    }
    Ok(found)
}

fn nudge_if_unsettled(state: &AppState, event: &EventState) {
    if event.needs_settling {
        state.engine.nudge_settle(event.event.id);
    }
}
