//! The organizer dashboard under `/organizer`: sign-in, events, invitations,
//! registrations and the waiting line, capacity and phase, exports and the calendar feed,
//! the audit log, the outbox, the newsletter and API tokens. Every page needs a signed-in organizer
//! ([`session::SignedIn`]); every form that changes something carries the session's CSRF
//! token ([`session::Posted`]). Changes go through the engine, so each is one transaction
//! with its audit rows and emails. The one route outside `/organizer` is the calendar feed
//! by an organizer's secret link, for calendar apps.

pub mod calendar;
pub mod check_in;
pub mod events;
pub mod exports;
pub mod invitations;
pub mod logs;
pub mod messages;
pub mod newsletter;
mod notices;
mod numbered;
pub mod programme;
pub mod questions;
pub mod registrations;
pub mod representation;
pub mod session;
pub mod sign_in;
pub mod site;
pub mod team;
pub mod tokens;

use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::error::{sentence_of, DashboardError, PageError};
use super::AppState;
use crate::domain::{EventId, SendId};
use crate::engine::EngineError;
use crate::reads::{self, BulkSend, EventState};
use crate::views::organizer::{Viewer, STYLESHEET};
use session::SignedIn;

pub use session::Dashboard;

pub fn viewer(signed: &SignedIn) -> Viewer<'_> {
    Viewer {
        email: &signed.organizer.email,
        csrf: &signed.csrf,
        role: signed.organizer.role,
    }
}

/// An event as of now, drafts included.
pub async fn event_state(state: &AppState, slug: String) -> Result<EventState, DashboardError> {
    super::event_of(state, slug, true)
        .await?
        .ok_or(DashboardError(PageError::NotFound))
}

/// The result words shown after a change, by a fixed code in the redirect (never text
/// from the query string, so a link cannot put words in the dashboard's mouth).
pub fn done_words(code: &str) -> Option<String> {
    Some(match code {
        "created" => t!("dash-done-created"),
        "saved" => t!("dash-done-saved"),
        "told" => t!("dash-done-told"),
        "phase" => t!("dash-done-phase"),
        "capacity" => t!("dash-done-capacity"),
        "resend" => t!("dash-done-resend"),
        "hold" => t!("dash-done-hold"),
        "revoke" => t!("dash-done-revoke"),
        "remove" => t!("dash-done-remove"),
        "promote" => t!("dash-done-promote"),
        "up" => t!("dash-done-up"),
        "down" => t!("dash-done-down"),
        "retry" => t!("dash-done-retry"),
        "revoked-token" => t!("dash-done-revoked-token"),
        "nobody" => t!("dash-done-nobody"),
        "site" => t!("dash-done-site"),
        "arrived" => t!("dash-done-arrived"),
        "undone" => t!("dash-done-undone"),
        "invited" => t!("dash-done-invited"),
        "role" => t!("dash-done-role"),
        "removed" => t!("dash-done-removed"),
        "revoked-feed" => t!("dash-done-revoked-feed"),
        _ => return None,
    })
}

#[derive(Deserialize, Default)]
pub struct Flash {
    pub done: Option<String>,
    /// The send a bulk send redirects with, to say what it queued.
    pub send: Option<String>,
}

impl Flash {
    pub fn words(&self) -> Option<String> {
        self.done.as_deref().and_then(done_words)
    }

    /// The send named in the redirect, as it stands now, if it is one of this event's.
    pub async fn sent(
        &self,
        state: &AppState,
        event: EventId,
    ) -> Result<Option<BulkSend>, DashboardError> {
        let Some(id) = self.send.as_deref().and_then(|s| s.parse().ok()) else {
            return Ok(None);
        };
        let sent = state
            .database
            .run(move |conn| reads::bulk_send(conn, SendId(id)))
            .await?;
        Ok(sent.filter(|s| s.send.event_id == Some(event)))
    }
}

/// What an engine refusal says on a page; anything unexpected stays an error.
pub fn refusal(error: EngineError) -> Result<String, DashboardError> {
    match error {
        EngineError::Conflict(refusal) => Ok(crate::web::words::refusal(&refusal)),
        EngineError::Invalid(fields) => Ok(sentence_of(&fields)),
        EngineError::NotFound(what) => Ok(t!("dash-not-found", what = what)),
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
        // Outside `/organizer`, where the session cookie lives: a calendar app never sends
        // one, and the link alone is its key.
        .route(
            "/calendar/{secret}.ics",
            web::get().to(exports::subscribed_feed),
        )
        .service(
            web::scope("/organizer")
                .wrap(actix_web::middleware::from_fn(session::renew_session))
                // A dashboard page holds personal data: no cache keeps it.
                .wrap(DefaultHeaders::new().add((header::CACHE_CONTROL, "no-store")))
                .app_data(
                    web::PathConfig::default()
                        .error_handler(|_, _| DashboardError(PageError::NotFound).into()),
                )
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
                .route("/events/{slug}/programme", web::get().to(programme::page))
                .route("/events/{slug}/programme", web::post().to(programme::save))
                .route("/events/{slug}/questions", web::get().to(questions::page))
                .route("/events/{slug}/questions", web::post().to(questions::save))
                .route("/events/{slug}/groups", web::get().to(questions::groups))
                .route(
                    "/events/{slug}/representation",
                    web::get().to(representation::page),
                )
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
                .route("/events/{slug}/check-in", web::get().to(check_in::page))
                .route("/check-in/{id}", web::get().to(check_in::person))
                .route("/check-in/{id}", web::post().to(check_in::arrive))
                .route("/check-in/{id}/undo", web::post().to(check_in::undo))
                .route("/team", web::get().to(team::page))
                .route("/team/invite", web::post().to(team::invite))
                .route("/team/{id}/role", web::post().to(team::change_role))
                .route("/team/{id}/remove", web::post().to(team::remove))
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
                .route("/calendar", web::get().to(calendar::page))
                .route("/calendar/link", web::post().to(calendar::create))
                .route("/calendar/link/revoke", web::post().to(calendar::revoke))
                .route("/events/{slug}/message", web::get().to(messages::form))
                .route(
                    "/events/{slug}/message/preview",
                    web::post().to(messages::preview),
                )
                .route("/events/{slug}/message", web::post().to(messages::send))
                .route("/events/{slug}/audit", web::get().to(logs::audit))
                .route("/outbox", web::get().to(logs::outbox))
                .route("/outbox/{id}/retry", web::post().to(logs::retry))
                .route("/outbox/sends/{id}", web::get().to(logs::bulk_send))
                .route("/newsletter", web::get().to(newsletter::home))
                .route("/newsletter/write", web::get().to(newsletter::write))
                .route("/newsletter/preview", web::post().to(newsletter::preview))
                .route("/newsletter/test", web::post().to(newsletter::test))
                .route("/newsletter/confirm", web::post().to(newsletter::confirm))
                .route("/newsletter/send", web::post().to(newsletter::send))
                .route("/newsletter/issues/{id}", web::get().to(newsletter::issue))
                .route(
                    "/newsletter/issues/{id}/retry/{email}",
                    web::post().to(newsletter::retry),
                )
                .route(
                    "/newsletter/subscribers",
                    web::get().to(newsletter::subscribers),
                )
                .route(
                    "/newsletter/subscribers.csv",
                    web::get().to(newsletter::export),
                )
                .route(
                    "/newsletter/subscribers/import",
                    web::post().to(newsletter::import),
                )
                .route("/site", web::get().to(site::page))
                .route("/site", web::post().to(site::save))
                .route("/tokens", web::get().to(tokens::page))
                .route("/tokens", web::post().to(tokens::create))
                .route("/tokens/{id}/revoke", web::post().to(tokens::revoke)),
        );
}
