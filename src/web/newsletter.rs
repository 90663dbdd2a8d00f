//! The "stay updated" list: sign-up with double opt-in, the confirmation link, and the
//! one-click unsubscribe link (also posted to by mail programs, RFC 8058). The writes are
//! the newsletter service's ([`crate::services::newsletter`]).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::error::PageError;
use super::respond::{form_config, html, html_status};
use super::AppState;
use crate::domain::{Email, FieldErrors};
use crate::services::newsletter;
use crate::views::newsletter as views;

async fn sign_up_page() -> Markup {
    views::sign_up(&views::SignUpValues::default(), &FieldErrors::new())
}

#[derive(Deserialize)]
struct SignUpForm {
    #[serde(default)]
    email: String,
    consent: Option<String>,
    /// The honeypot: people leave it empty, form-filling bots do not.
    #[serde(default)]
    website: String,
}

async fn sign_up(
    state: web::Data<AppState>,
    form: web::Form<SignUpForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    if !form.website.is_empty() {
        // Answer a bot exactly as a person, and store nothing.
        return Ok(html(views::check_inbox()));
    }
    let mut errors = FieldErrors::new();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.insert("email".into(), vec![e.0]))
        .ok();
    if form.consent.is_none() {
        errors.insert(
            "consent".into(),
            vec!["you must agree to the privacy notice to sign up".into()],
        );
    }
    let email = match email {
        Some(email) if errors.is_empty() => email,
        _ => {
            let values = views::SignUpValues {
                email: form.email,
                consent: form.consent.is_some(),
            };
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::sign_up(&values, &errors),
            ));
        }
    };
    let public_url = state.public_url.clone();
    state
        .database
        .run(move |conn| newsletter::subscribe(conn, &email, &public_url))
        .await?;
    Ok(html(views::check_inbox()))
}

async fn confirm(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<Markup, PageError> {
    let token = token.into_inner();
    let confirmed = state
        .database
        .run(move |conn| newsletter::confirm(conn, &token))
        .await?;
    if confirmed {
        Ok(views::subscribed())
    } else {
        Err(PageError::UnknownNewsletterLink)
    }
}

/// One click, no questions: the link in the email and the mail program's button both land
/// here.
async fn unsubscribe(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let public_url = state.public_url.clone();
    let removed = state
        .database
        .run(move |conn| newsletter::unsubscribe(conn, &token, &public_url))
        .await?;
    if !removed {
        return Err(PageError::UnknownNewsletterLink);
    }
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(views::unsubscribed().into_string()))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/newsletter")
            .app_data(form_config())
            .route(web::get().to(sign_up_page))
            .route(web::post().to(sign_up)),
    )
    .route("/newsletter/confirm/{token}", web::get().to(confirm))
    .route(
        "/newsletter/unsubscribe/{token}",
        web::get().to(unsubscribe),
    )
    .route(
        "/newsletter/unsubscribe/{token}",
        web::post().to(unsubscribe),
    );
}
