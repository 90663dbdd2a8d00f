//! The newsletter through the API: signing up (double opt-in, like the form), the
//! subscribers, and issues sent through the outbox with their delivery.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{Email, FieldErrors};
use crate::services::newsletter::{self, issue_of, status_of};
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::Json;
use crate::web::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriberIn {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// Consent to the privacy notice; only true is accepted.
    pub consent: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SignUpAnswer {
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct SubscriberOut {
    pub email: String,
    /// pending (not confirmed yet), confirmed or unsubscribed.
    pub status: String,
    /// Since when it has this status.
    pub since: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct SubscriberList {
    pub subscribers: Vec<SubscriberOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueIn {
    #[schema(min_length = 1, max_length = 200)]
    pub subject: String,
    /// Markdown.
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
    /// Sends a test to this address only, not to the subscribers.
    #[serde(default)]
    #[schema(format = Email, max_length = 254)]
    pub test_to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct IssueQueuedOut {
    pub id: i64,
    pub recipients: usize,
}

#[derive(Serialize, ToSchema)]
pub struct IssueOut {
    pub id: i64,
    pub subject: String,
    pub recipients: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

#[utoipa::path(post, path = "/api/v1/newsletter/subscribers", tag = "newsletter", request_body = SubscriberIn,
    description = "Signs an address up with double opt-in, exactly like the /newsletter form: it gets a confirmation link and nothing else until it confirms. The answer is the same for a known address.",
    responses((status = 202, body = SignUpAnswer), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn subscribe(
    state: web::Data<AppState>,
    body: Json<SubscriberIn>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = FieldErrors::new();
    let email = Email::parse(&body.0.email)
        .map_err(|e| errors.insert("email".into(), vec![e.0]))
        .ok();
    if !body.0.consent {
        errors.insert(
            "consent".into(),
            vec!["you must agree to the privacy notice to sign up".into()],
        );
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(ApiError::invalid(errors));
    };
    let (public_url, days) = (state.public_url.clone(), state.unconfirmed_days);
    // Their emails are framed in the language they signed up in.
    let language = crate::i18n::language();
    state
        .database
        .run(move |conn| newsletter::subscribe(conn, &email, language, &public_url, days))
        .await?;
    Ok(HttpResponse::Accepted().json(SignUpAnswer {
        message: t!("api-subscribe-accepted"),
    }))
}

#[utoipa::path(get, path = "/api/v1/newsletter/subscribers", tag = "newsletter",
    security(("bearer" = [])),
    responses((status = 200, body = SubscriberList), (status = 401, body = ErrorBody)))]
pub async fn list_subscribers(
    state: web::Data<AppState>,
    _organizer: Organizer,
) -> Result<HttpResponse, ApiError> {
    let rows = state.database.run(newsletter::subscribers).await?;
    let subscribers = rows
        .iter()
        .map(|s| {
            let (status, since) = status_of(s);
            SubscriberOut {
                email: s.email.clone(),
                status: status.into(),
                since,
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(SubscriberList { subscribers }))
}

#[utoipa::path(post, path = "/api/v1/newsletter/issues", tag = "newsletter", request_body = IssueIn,
    description = "Records an issue and queues one email per confirmed subscriber (or, with test_to, to that address only) in the outbox, in one transaction; each carries its own one-click unsubscribe link.",
    security(("bearer" = [])),
    responses((status = 202, body = IssueQueuedOut), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send_issue(
    state: web::Data<AppState>,
    organizer: Organizer,
    body: Json<IssueIn>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let (subject, body, test_to) = issue_of(&input.subject, &input.body, input.test_to.as_deref())
        .map_err(ApiError::invalid)?;
    let (public_url, actor) = (state.public_url.clone(), organizer.actor());
    let queued = state
        .database
        .run(move |conn| {
            newsletter::send_issue(conn, &public_url, &subject, &body, test_to.as_ref(), &actor)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(IssueQueuedOut {
        id: queued.id,
        recipients: queued.recipients,
    }))
}

#[utoipa::path(get, path = "/api/v1/newsletter/issues/{id}", tag = "newsletter",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = IssueOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_issue(
    state: web::Data<AppState>,
    _organizer: Organizer,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (issue, recipients, delivery) = state
        .database
        .run(move |conn| newsletter::issue(conn, id))
        .await?
        .ok_or_else(|| ApiError::not_found("issue"))?;
    Ok(HttpResponse::Ok().json(IssueOut {
        id: issue.id,
        subject: issue.subject,
        recipients: i64::from(recipients),
        queued: delivery.pending,
        sent: delivery.sent,
        failed: delivery.failed,
    }))
}
