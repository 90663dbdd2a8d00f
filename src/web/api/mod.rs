//! The JSON API of API.md: response shapes, request bodies, and the handlers of each
//! audience (events, organizer routes on registrations, messages, the outbox and API
//! tokens, participants), assembled into one scope with its OpenAPI description. Handlers
//! parse input into domain values, hand commands to the engine or read through the pool,
//! and shape the answer.

mod bodies;
mod check_in;
mod events;
mod messages;
mod newsletter;
mod organizer;
mod outbox;
mod participants;
mod representation;
mod shapes;
mod site;
mod tokens;

use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::domain::{Mode, Phase, Preference, Role, Status};
use crate::reads::EventState;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::AppState;
use bodies::*;
use check_in::*;
use events::*;
use messages::*;
use newsletter::*;
use organizer::*;
use outbox::*;
use participants::*;
use representation::*;
use shapes::*;
use site::*;
use tokens::*;

/// Reads an event (404 for a draft unless an organizer asks).
async fn event_state(
    state: &AppState,
    slug: String,
    organizer: bool,
) -> Result<EventState, ApiError> {
    crate::web::event_of(state, slug, organizer)
        .await?
        .ok_or_else(|| ApiError::not_found("event"))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "registrar", description = "Registration for invitation-first workshops and webinars: invitations, waiting list, automatic promotion. Errors have the shape {\"error\": {\"code\", \"message\", \"fields\"}}."),
    paths(list_events, create_event, get_event, update_event, duplicate_event, invite, list_registrations, revoke, promote, resend, move_in_line, set_hold, check_in, undo_check_in, audit_log, export_csv, preview_message, send_message, list_outbox, retry_email, list_tokens, create_token, revoke_token, join, me, confirm_email, accept, decline, cancel, switch, wait_for, leave_wait, attend_virtually, reconfirm, erase, get_site, update_site, subscribe, list_subscribers, send_issue, get_issue, representation),
    components(schemas(ErrorBody, super::error::ErrorDetail, EventOut, SpeakerOut, SpeakerIn, SubscriberIn, SignUpAnswer, SubscriberOut, SubscriberList, IssueIn, IssueQueuedOut, IssueOut, EventList, SeatsByMode, SeatCount, RegistrationOut, RegistrationList, WaitingFor, Me, Message, AuditEntry, AuditLog, NewEvent, EventChanges, Invitations, InviteeIn, Hold, Move, Direction, JoinBody, ModeChoice, AcceptChoice, GroupMessageBody, MessagePreview, MessageSent, OutboxEmailOut, OutboxPage, EmailStatus, NewToken, TokenOut, TokenList, CreatedToken, Mode, Preference, Phase, Status, SiteOut, SiteChanges, Role, PartIn, QuestionIn, PartOut, QuestionOut, crate::domain::QuestionKind, crate::domain::GivenAnswer, Representation, QuestionCounts, AnswerCounts, Counts)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

/// A query string that does not fit its filter (a parameter given twice): a 422 naming it.
fn query_error(text: &str) -> ApiError {
    let field = text.split('`').nth(1).unwrap_or("query");
    let message = text.split(": ").last().unwrap_or(text);
    ApiError::field(field, message)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .wrap(actix_web::middleware::from_fn(
                crate::web::auth::authenticate,
            ))
            // Answers carry personal data (a registration, a list, an export): no cache
            // along the way keeps one.
            .wrap(
                actix_web::middleware::DefaultHeaders::new()
                    .add((actix_web::http::header::CACHE_CONTROL, "no-store")),
            )
            // A typed path segment is an id: one that is not a number is an unknown
            // registration (or, in their scopes, email or token), answered in the error
            // shape like any other.
            .app_data(unknown_when_not_a_number("registration"))
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|error, _| query_error(&error.to_string()).into()),
            )
            .route("/openapi.json", web::get().to(openapi))
            .route("/events", web::get().to(list_events))
            .route("/events", web::post().to(create_event))
            .route("/site", web::get().to(get_site))
            .route("/site", web::patch().to(update_site))
            // Routes that share a path parameter sit in a scope of their own: a request
            // then matches one pattern with a parameter instead of trying each route's in
            // turn, which took about a tenth of the HTTP workers' time in a rush.
            .service(
                api_scope("/events/{slug}")
                    .route("", web::get().to(get_event))
                    .route("", web::patch().to(update_event))
                    .route("/invitations", web::post().to(invite))
                    .route("/registrations", web::get().to(list_registrations))
                    .route("/audit", web::get().to(audit_log))
                    .route("/export.csv", web::get().to(export_csv))
                    .route("/representation", web::get().to(representation))
                    .route("/entries", web::post().to(join))
                    .route("/duplicate", web::post().to(duplicate_event))
                    .route("/messages", web::post().to(send_message))
                    .route("/messages/preview", web::post().to(preview_message)),
            )
            .service(
                api_scope("/registrations/{id}")
                    .route("/revoke", web::post().to(revoke))
                    .route("/promote", web::post().to(promote))
                    .route("/resend", web::post().to(resend))
                    .route("/move", web::post().to(move_in_line))
                    .route("/hold", web::post().to(set_hold))
                    .route("/check-in", web::post().to(check_in))
                    .route("/check-in", web::delete().to(undo_check_in)),
            )
            .route("/newsletter/subscribers", web::post().to(subscribe))
            .route("/newsletter/subscribers", web::get().to(list_subscribers))
            .route("/newsletter/issues", web::post().to(send_issue))
            .service(
                api_scope("/newsletter/issues/{id}")
                    .app_data(unknown_when_not_a_number("issue"))
                    .route("", web::get().to(get_issue)),
            )
            .route("/outbox", web::get().to(list_outbox))
            .service(
                api_scope("/outbox/{id}")
                    .app_data(unknown_when_not_a_number("email"))
                    .route("/retry", web::post().to(retry_email)),
            )
            .route("/tokens", web::get().to(list_tokens))
            .route("/tokens", web::post().to(create_token))
            .service(
                api_scope("/tokens/{id}")
                    .app_data(unknown_when_not_a_number("token"))
                    .route("/revoke", web::post().to(revoke_token)),
            )
            .service(
                api_scope("/me/{token}")
                    .route("", web::get().to(me))
                    .route("", web::delete().to(erase))
                    .route("/confirm-email", web::post().to(confirm_email))
                    .route("/accept", web::post().to(accept))
                    .route("/decline", web::post().to(decline))
                    .route("/cancel", web::post().to(cancel))
                    .route("/switch", web::post().to(switch))
                    .route("/wait-for", web::post().to(wait_for))
                    .route("/wait-for", web::delete().to(leave_wait))
                    .route("/attend-virtually", web::post().to(attend_virtually))
                    .route("/reconfirm", web::post().to(reconfirm)),
            )
            .default_service(web::to(unknown_route)),
    );
}

/// Path ids that are not numbers: the `what` of the path is not found.
fn unknown_when_not_a_number(what: &'static str) -> web::PathConfig {
    web::PathConfig::default().error_handler(move |_, _| ApiError::not_found(what).into())
}

/// A scope of API routes below `/api/v1`. A nested scope falls back to the application's
/// default service (an HTML page), not its parent's, so each names the API's own.
fn api_scope(path: &str) -> actix_web::Scope {
    web::scope(path).default_service(web::to(unknown_route))
}

/// Any path or method under `/api/v1` that no route takes.
async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found("route"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::string::string_regex;

    use super::*;
    use crate::domain::{Affiliation, PersonName, Slug, TimeZoneName, AFFILIATION_MAX};

    /// A property of an input type as the published description gives it.
    fn published(schema: &str, field: &str) -> serde_json::Value {
        let spec = serde_json::to_value(ApiDoc::openapi()).expect("the description is JSON");
        spec["components"]["schemas"][schema]["properties"][field].clone()
    }

    /// Strings that match a published pattern, which is anchored at both ends.
    fn matching(schema: &str, field: &str) -> impl Strategy<Value = String> {
        let pattern = published(schema, field)["pattern"]
            .as_str()
            .expect("a pattern")
            .to_owned();
        let inner = pattern.trim_start_matches('^').trim_end_matches('$');
        string_regex(inner).expect("a pattern proptest can generate from")
    }

    proptest! {
        #[test]
        fn every_slug_the_description_allows_is_accepted(slug in matching("NewEvent", "slug")) {
            prop_assume!(slug.len() <= 80);
            prop_assume!(!crate::domain::RESERVED_SLUGS.contains(&slug.as_str()));
            prop_assert!(Slug::parse(&slug).is_ok(), "{slug:?}");
        }

        #[test]
        fn every_name_the_description_allows_is_accepted(name in matching("JoinBody", "name")) {
            prop_assume!(name.chars().count() <= 200);
            prop_assert!(PersonName::parse(&name).is_ok(), "{name:?}");
        }

        #[test]
        fn every_affiliation_the_description_allows_is_accepted(
            affiliation in matching("InviteeIn", "affiliation"),
        ) {
            prop_assume!(affiliation.chars().count() <= AFFILIATION_MAX);
            prop_assert!(Affiliation::parse(Some(&affiliation)).is_ok(), "{affiliation:?}");
        }
    }

    #[test]
    fn every_input_with_a_slug_or_a_name_publishes_the_same_rules() {
        let slug = published("NewEvent", "slug");
        assert!(slug["pattern"].is_string(), "{slug}");
        assert_eq!(published("EventChanges", "slug"), slug);
        let name = published("JoinBody", "name");
        assert!(name["pattern"].is_string(), "{name}");
        assert_eq!(published("InviteeIn", "name"), name);
        let affiliation = published("JoinBody", "affiliation");
        assert!(affiliation["pattern"].is_string(), "{affiliation}");
        assert_eq!(published("InviteeIn", "affiliation"), affiliation);
    }

    #[test]
    fn the_time_zones_described_are_the_ones_accepted() {
        let zones = published("NewEvent", "timezone")["enum"].clone();
        let zones = zones.as_array().expect("a list of time zones");
        assert!(zones.contains(&"Europe/Amsterdam".into()));
        for zone in zones {
            assert!(
                TimeZoneName::parse(zone.as_str().unwrap()).is_ok(),
                "{zone}"
            );
        }
        assert_eq!(
            published("JoinBody", "consent")["enum"],
            serde_json::json!([true])
        );
    }
}
