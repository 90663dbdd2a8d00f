//! The organizer dashboard under `/organizer`: sign-in, events, invitations,
//! registrations and the waiting line, capacity and phase, exports, the audit log, the
//! outbox and API tokens. Every page needs a signed-in organizer ([`session::SignedIn`]);
//! every form that changes something carries the session's CSRF token
//! ([`session::Posted`]). Changes go through the engine, so each is one transaction with
//! its audit rows and emails.

pub mod events;
pub mod exports;
pub mod invitations;
pub mod logs;
pub mod messages;
pub mod registrations;
pub mod session;
pub mod sign_in;
pub mod tokens;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::error::ApiError;
use super::AppState;
use crate::engine::{Command, EngineError};
use crate::reads::{self, EventState};
use crate::views::organizer::{bare_message, Viewer, STYLESHEET};
use session::SignedIn;

pub use session::Dashboard;

pub fn viewer(signed: &SignedIn) -> Viewer<'_> {
    Viewer {
        email: &signed.organizer.email,
        csrf: &signed.csrf,
    }
}

pub fn html(markup: maud::Markup) -> HttpResponse {
    html_status(StatusCode::OK, markup)
}

pub fn html_status(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(markup.into_string())
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// A page for an error that is not the organizer's to fix on the form.
pub fn failure(error: ApiError) -> HttpResponse {
    let (title, text) = match error.status.as_u16() {
        404 => (
            "Not found",
            "There is nothing at this address: the event or registration may have been removed.",
        ),
        503 => (
            "Please try again",
            "The service is busy or briefly unavailable. Please try again in a moment.",
        ),
        _ => (
            "Something went wrong",
            "Something went wrong on our side; it has been logged. Please try again later.",
        ),
    };
    html_status(error.status, bare_message(title, text))
}

pub use super::read;

/// An event as of now (drafts included), nudging the engine when a lapsed hold is still to
/// be written down.
pub async fn event_state(state: &AppState, slug: String) -> Result<EventState, ApiError> {
    let found = read(state, move |conn| {
        Ok(reads::event_by_slug(conn, &slug, Utc::now())?)
    })
    .await?;
    let event = found.ok_or_else(|| ApiError::not_found("event"))?;
    if event.needs_settling {
        state.engine.nudge(Command::Settle {
            event_id: event.event.id,
        });
    }
    Ok(event)
}

/// The result words shown after a change, by a fixed code in the redirect (never text
/// from the query string, so a link cannot put words in the dashboard's mouth).
pub fn done_words(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "The event was created.",
        "saved" => "The changes were saved.",
        "phase" => "The phase was changed.",
        "capacity" => "The capacity was changed.",
        "invited" => "The invitations were sent.",
        "resend" => "The email was sent again.",
        "hold" => "The deadline was changed.",
        "revoke" => "The registration was revoked; its seat moves on.",
        "remove" => "The entry was removed from the line.",
        "promote" => "A seat was offered.",
        "up" => "The entry was moved up.",
        "down" => "The entry was moved down.",
        "retry" => "The email will be retried now.",
        "revoked-token" => "The token was revoked.",
        "message" => "The message is on its way: see the outbox.",
        _ => return None,
    })
}

#[derive(Deserialize, Default)]
pub struct Flash {
    pub done: Option<String>,
}

impl Flash {
    pub fn words(&self) -> Option<&'static str> {
        self.done.as_deref().and_then(done_words)
    }
}

/// What an engine refusal says on a page; anything unexpected stays an error (for
/// [`failure`]).
pub fn refusal(error: EngineError) -> Result<String, ApiError> {
    match error {
        EngineError::Conflict(message) => Ok(message),
        EngineError::Invalid(fields) => Ok(fields
            .iter()
            .map(|(field, messages)| format!("{field}: {}", messages.join("; ")))
            .collect::<Vec<_>>()
            .join(". ")),
        EngineError::NotFound(what) => Ok(format!("{what} not found")),
        other => Err(other.into()),
    }
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/organizer.css", web::get().to(stylesheet))
        .service(
            web::scope("/organizer")
                .wrap(actix_web::middleware::from_fn(session::renew_session))
                .app_data(web::PathConfig::default().error_handler(|_, _| {
                    actix_web::error::InternalError::from_response(
                        "not found",
                        failure(ApiError::not_found("page")),
                    )
                    .into()
                }))
                .app_data(web::FormConfig::default().limit(4 * 1024 * 1024))
                .route("/login", web::get().to(sign_in::form))
                .route("/login", web::post().to(sign_in::submit))
                .route("/logout", web::post().to(sign_in::sign_out))
                .route("/welcome/{token}", web::get().to(sign_in::welcome))
                .route("/welcome/{token}", web::post().to(sign_in::set_password))
                .route("", web::get().to(events::list))
                .route("/", web::get().to(events::list))
                .route("/events/new", web::get().to(events::new_form))
                .route("/events", web::post().to(events::create))
                .route("/events/{slug}", web::get().to(events::overview))
                .route("/events/{slug}/edit", web::get().to(events::edit_form))
                .route("/events/{slug}/edit", web::post().to(events::update))
                .route("/events/{slug}/phase", web::post().to(events::change_phase))
                .route("/events/{slug}/capacity", web::get().to(events::capacity))
                .route(
                    "/events/{slug}/capacity",
                    web::post().to(events::change_capacity),
                )
                .route(
                    "/events/{slug}/invitations",
                    web::get().to(invitations::page),
                )
                .route(
                    "/events/{slug}/invitations/preview",
                    web::post().to(invitations::preview),
                )
                .route(
                    "/events/{slug}/invitations/send",
                    web::post().to(invitations::send),
                )
                .route(
                    "/events/{slug}/registrations",
                    web::get().to(registrations::table),
                )
                .route("/events/{slug}/line", web::get().to(registrations::line))
                .route(
                    "/registrations/{id}/{action}",
                    web::post().to(registrations::action),
                )
                .route("/events/{slug}/export.csv", web::get().to(exports::csv))
                .route(
                    "/events/{slug}/calendar.ics",
                    web::get().to(exports::event_calendar),
                )
                .route("/calendar.ics", web::get().to(exports::feed))
                .route("/events/{slug}/message", web::get().to(messages::form))
                .route(
                    "/events/{slug}/message/preview",
                    web::post().to(messages::preview),
                )
                .route("/events/{slug}/message", web::post().to(messages::send))
                .route("/events/{slug}/audit", web::get().to(logs::audit))
                .route("/outbox", web::get().to(logs::outbox))
                .route("/outbox/{id}/retry", web::post().to(logs::retry))
                .route("/tokens", web::get().to(tokens::page))
                .route("/tokens", web::post().to(tokens::create))
                .route("/tokens/{id}/revoke", web::post().to(tokens::revoke)),
        );
}
