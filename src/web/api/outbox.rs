//! The outbox of every email, with its delivery, and "send it now" for one that waits.

use actix_web::{web, HttpResponse};

use super::bodies::OutboxFilter;
use super::shapes::{email_out, OutboxEmailOut, OutboxPage};
use crate::domain::FieldErrors;
use crate::reads;
use crate::services::outbox::{self, Retry};
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::AppState;

/// Emails on a page, as on the dashboard's outbox.
const PAGE_SIZE: i64 = 100;

/// The filter read, every bad parameter named at once.
fn parse_filter(filter: &OutboxFilter) -> Result<(Option<&'static str>, i64), ApiError> {
    let mut errors = FieldErrors::new();
    let status = match filter.status.as_deref().unwrap_or("") {
        "" => None,
        "pending" => Some("pending"),
        "sent" => Some("sent"),
        "failed" => Some("failed"),
        _ => {
            errors.insert(
                "status".into(),
                vec!["must be pending, sent or failed".into()],
            );
            None
        }
    };
    let page = match filter.page.as_deref().unwrap_or("") {
        "" => 1,
        text => match text.parse::<i64>() {
            Ok(page) if (1..=1_000_000).contains(&page) => page,
            _ => {
                errors.insert(
                    "page".into(),
                    vec!["must be a whole number from 1 to 1000000".into()],
                );
                1
            }
        },
    };
    if errors.is_empty() {
        Ok((status, page))
    } else {
        Err(ApiError::invalid(errors))
    }
}

#[utoipa::path(get, path = "/api/v1/outbox", tag = "outbox",
    description = "Every email the server has queued, newest first, 100 to a page, with its delivery: pending (waiting, or retried after a failure that may pass), sent, or failed (refused for good).",
    params(OutboxFilter), security(("bearer" = [])),
    responses((status = 200, body = OutboxPage), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_outbox(
    state: web::Data<AppState>,
    _organizer: Organizer,
    filter: web::Query<OutboxFilter>,
) -> Result<HttpResponse, ApiError> {
    let (status, page) = parse_filter(&filter)?;
    let (rows, total) = state
        .database
        .run(move |conn| reads::outbox_page(conn, status, (page - 1) * PAGE_SIZE, PAGE_SIZE))
        .await?;
    Ok(HttpResponse::Ok().json(OutboxPage {
        emails: rows.into_iter().map(email_out).collect(),
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
    }))
}

#[utoipa::path(post, path = "/api/v1/outbox/{id}/retry", tag = "outbox",
    description = "Makes a pending email due at once instead of after its backoff, like the dashboard's \"Retry now\". 409 when it is no longer pending (sent, or failed for good).",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = OutboxEmailOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn retry_email(
    state: web::Data<AppState>,
    _organizer: Organizer,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    match state
        .database
        .run(move |conn| outbox::retry_now(conn, id))
        .await?
    {
        Retry::Due(row) => Ok(HttpResponse::Ok().json(email_out(row))),
        Retry::NotPending(row) => Err(ApiError::conflict(t!(
            "api-email-not-pending",
            status = row.status.to_string()
        ))),
        Retry::Unknown => Err(ApiError::not_found("email")),
    }
}
