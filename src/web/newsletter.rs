//! The "stay updated" list: sign-up with double opt-in, the confirmation link, and
//! unsubscribing: the link in an email opens a page with a button, because mail scanners
//! open every link with a GET; mail programs post to the same address (RFC 8058 one-click).
//! The writes are the newsletter service's ([`crate::services::newsletter`]).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::error::PageError;
use super::input::ticked;
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
    if !ticked(form.consent.as_deref()) {
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
                consent: ticked(form.consent.as_deref()),
            };
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::sign_up(&values, &errors),
            ));
        }
    };
    let (public_url, days) = (state.public_url.clone(), state.unconfirmed_days);
    // Their emails are framed in the language they signed up in.
    let language = crate::i18n::language();
    state
        .database
        .run(move |conn| newsletter::subscribe(conn, &email, language, &public_url, days))
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

/// The page the link in an email opens: it only asks, so a scanner that follows every link
/// unsubscribes nobody.
async fn unsubscribe_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let subscribed = {
        let token = token.clone();
        state
            .database
            .run(move |conn| newsletter::is_subscribed(conn, &token))
            .await?
    };
    if !subscribed {
        return Err(PageError::UnknownNewsletterLink);
    }
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(views::unsubscribe_question(&token).into_string()))
}

/// The page's button and the mail program's one-click `POST` (its body,
/// `List-Unsubscribe=One-Click`, needs no reading) both land here.
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
        web::get().to(unsubscribe_page),
    )
    .route(
        "/newsletter/unsubscribe/{token}",
        web::post().to(unsubscribe),
    );
}
