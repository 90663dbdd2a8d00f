//! The one place where errors become HTTP responses: JSON for the API (API.md's error
//! shape and codes, its words in the request's language), pages for people
//! ([`PageError`], [`DashboardError`]).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::FieldErrors;
use crate::engine::EngineError;
use crate::web::words;

/// An error answer of the JSON API. Its `message` and field messages are worded when it is
/// made, in the language of the request being answered; codes and field names are fixed.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: FieldErrors,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// One of: malformed_body, unauthorized, not_found, conflict, payload_too_large,
    /// validation_failed, rate_limited, unavailable, internal.
    pub code: String,
    /// In the request's language (the `lang` cookie, else `Accept-Language`), English by
    /// default; the answer then says `Vary: Accept-Language, Cookie`.
    pub message: String,
    /// Field name -> what is wrong with it (validation errors only), in the same language
    /// as `message`; the names are the body's own.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: FieldErrors,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            fields: FieldErrors::new(),
        }
    }

    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "malformed_body", message)
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            t!("api-unauthorized"),
        )
    }

    pub fn forbidden(role: crate::domain::Role) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            t!("api-forbidden", role = role.as_str()),
        )
    }

    /// `what` is one of the things API.md names: event, registration, token, email,
    /// issue, route.
    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            t!("api-not-found", what = what),
        )
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            t!("api-too-large"),
        )
    }

    pub fn invalid(fields: FieldErrors) -> Self {
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        let message = t!("api-validation-failed", fields = names.join(", "));
        let fields = fields
            .into_iter()
            .map(|(field, problems)| (field, problems.iter().map(|p| words::problem(p)).collect()))
            .collect();
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            message,
            fields,
        }
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::invalid(FieldErrors::from([(
            field.to_owned(),
            vec![message.into()],
        )]))
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            t!("api-internal"),
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.insert_header(("Retry-After", "2"));
        }
        // The words follow these two headers: a shared cache must keep one copy per
        // language.
        response.insert_header((actix_web::http::header::VARY, "Accept-Language, Cookie"));
        response.json(ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone(),
                fields: self.fields.clone(),
            },
        })
    }
}

impl From<EngineError> for ApiError {
    fn from(error: EngineError) -> Self {
        match error {
            EngineError::NotFound(what) => ApiError::not_found(what),
            EngineError::Conflict(refusal) => ApiError::conflict(words::refusal(&refusal)),
            EngineError::Invalid(fields) => ApiError::invalid(fields),
            EngineError::Unavailable => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                t!("api-unavailable"),
            ),
            EngineError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "internal error");
                ApiError::internal()
            }
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        EngineError::from(error).into()
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(error: r2d2::Error) -> Self {
        EngineError::from(error).into()
    }
}

/// What went wrong for a page: each renders as a page of its own, in the look of the
/// public pages ([`PageError`]) or of the dashboard ([`DashboardError`]).
#[derive(Debug)]
pub enum PageError {
    NotFound,
    /// A personal link that matches no registration.
    UnknownLink,
    /// A newsletter link that matches no subscriber.
    UnknownNewsletterLink,
    /// A form body that could not be read at all.
    UnreadableForm,
    /// A form larger than any person fills in (413).
    FormTooLarge,
    /// The request was understood, and the state of things does not allow it (409, or
    /// another status the case calls for).
    Refused {
        status: StatusCode,
        title: String,
        message: String,
    },
    Unavailable,
    Internal,
}

impl PageError {
    pub fn refused(title: impl Into<String>, message: impl Into<String>) -> Self {
        Self::refused_with(StatusCode::CONFLICT, title, message)
    }

    pub fn refused_with(
        status: StatusCode,
        title: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        PageError::Refused {
            status,
            title: title.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound | PageError::UnknownLink | PageError::UnknownNewsletterLink => {
                StatusCode::NOT_FOUND
            }
            PageError::UnreadableForm => StatusCode::BAD_REQUEST,
            PageError::FormTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::Refused { status, .. } => *status,
            PageError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        use crate::views::{newsletter, pages};
        let page = match self {
            PageError::NotFound => {
                pages::message(&t!("error-not-found-title"), &t!("error-not-found"))
            }
            PageError::UnknownLink => {
                pages::message(&t!("link-does-not-work"), &t!("error-unknown-link"))
            }
            PageError::UnknownNewsletterLink => newsletter::unknown_link(),
            PageError::UnreadableForm => pages::message(
                &t!("error-unreadable-form-title"),
                &t!("error-unreadable-form"),
            ),
            PageError::FormTooLarge => pages::message(
                &t!("error-form-too-large-title"),
                &t!("error-form-too-large"),
            ),
            PageError::Refused { title, message, .. } => pages::message(title, message),
            PageError::Unavailable => {
                pages::message(&t!("error-unavailable-title"), &t!("error-unavailable"))
            }
            PageError::Internal => {
                pages::message(&t!("error-internal-title"), &t!("error-internal"))
            }
        };
        page_response(self.status_code(), page)
    }
}

/// A page for an error, with the headers its status asks for.
fn page_response(status: StatusCode, page: maud::Markup) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.content_type("text/html; charset=utf-8");
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.insert_header(("Retry-After", "2"));
    }
    response.body(page.into_string())
}

impl From<EngineError> for PageError {
    fn from(error: EngineError) -> Self {
        match error {
            EngineError::NotFound(_) => PageError::NotFound,
            EngineError::Conflict(refusal) => {
                PageError::refused(t!("error-not-possible-title"), words::refusal(&refusal))
            }
            EngineError::Invalid(fields) => {
                PageError::refused(t!("error-not-possible-title"), sentence_of(&fields))
            }
            EngineError::Unavailable => PageError::Unavailable,
            EngineError::Internal(cause) => {
                tracing::error!(error = %format!("{cause:#}"), "internal error");
                PageError::Internal
            }
        }
    }
}

impl From<diesel::result::Error> for PageError {
    fn from(error: diesel::result::Error) -> Self {
        EngineError::from(error).into()
    }
}

impl From<anyhow::Error> for PageError {
    fn from(error: anyhow::Error) -> Self {
        EngineError::Internal(error).into()
    }
}

/// Field errors in one line, for a page that has no form to show them beside.
pub fn sentence_of(fields: &FieldErrors) -> String {
    fields
        .iter()
        .map(|(field, messages)| {
            let messages: Vec<String> = messages.iter().map(|m| words::problem(m)).collect();
            format!("{field}: {}", messages.join("; "))
        })
        .collect::<Vec<_>>()
        .join(". ")
}

/// A [`PageError`] on a dashboard page: the same failures, in the dashboard's look, and
/// never kept by a cache.
#[derive(Debug)]
pub struct DashboardError(pub PageError);

impl std::fmt::Display for DashboardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for DashboardError {
    fn status_code(&self) -> StatusCode {
        self.0.status_code()
    }

    fn error_response(&self) -> HttpResponse {
        use crate::views::organizer::bare_message;
        let page = match &self.0 {
            PageError::NotFound | PageError::UnknownLink | PageError::UnknownNewsletterLink => bare_message("Not found", "There is nothing at this address: the event or registration may have been removed."),
            PageError::UnreadableForm => bare_message("The form could not be read", "The form arrived incomplete. Please go back and send it again."),
            PageError::FormTooLarge => bare_message("The form is too long", "The form holds far more text than it needs. Please go back and shorten it."),
            PageError::Refused { title, message, .. } => bare_message(title, message),
            PageError::Unavailable => bare_message("Please try again", "The service is busy or briefly unavailable. Please try again in a moment."),
            PageError::Internal => bare_message("Something went wrong", "Something went wrong on our side; it has been logged. Please try again later."),
        };
        let mut response = page_response(self.status_code(), page);
        response.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
        response
    }
}

macro_rules! dashboard_error_from {
    ($($from:ty),+) => {$(
        impl From<$from> for DashboardError {
            fn from(error: $from) -> Self {
                DashboardError(error.into())
            }
        }
    )+};
}

dashboard_error_from!(PageError, EngineError, diesel::result::Error, anyhow::Error);
