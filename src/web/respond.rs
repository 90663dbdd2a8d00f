//! Responses every audience of the web layer shares: HTML pages with their headers, CSV
//! downloads, redirects after a form, and the form reader that answers an unreadable body
//! with a page.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};

use super::error::PageError;

pub fn html(markup: maud::Markup) -> HttpResponse {
    html_status(StatusCode::OK, markup)
}

pub fn html_status(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

/// A page rendered before, as it was.
pub fn html_bytes(body: web::Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// A page under a personal link: the link is the credential, so it must not leak to the
/// sites the page links to, nor stay in a shared cache.
pub fn personal_html(markup: maud::Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(markup.into_string())
}

/// A CSV file to download. It lists people, so no cache keeps it.
pub fn csv_download(filename: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(body)
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// Text made safe for a query string or a path segment.
pub fn url_escape(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The most a public form may send.
pub const PUBLIC_FORM_LIMIT: usize = 16 * 1024;

/// A form body that cannot be read at all (not a browser's doing) gets a page, not text.
pub fn form_config() -> web::FormConfig {
    web::FormConfig::default()
        .limit(PUBLIC_FORM_LIMIT)
        .error_handler(|error, _| {
            let page = match error {
                actix_web::error::UrlencodedError::Overflow { .. } => PageError::FormTooLarge,
                _ => PageError::UnreadableForm,
            };
            actix_web::error::InternalError::from_response(
                error,
                actix_web::ResponseError::error_response(&page),
            )
            .into()
        })
}
