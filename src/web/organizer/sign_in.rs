//! Signing in with a password, signing out, and setting a password from a one-time link.
//! Failed sign-ins are counted per client and limited. The accounts themselves are the
//! accounts service's ([`crate::services::accounts`]).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use serde::Deserialize;

use super::session::{client_of, Dashboard, NoFields, Posted, SESSION_COOKIE, SIGN_IN_COOKIE};
use crate::services::accounts::{self, PasswordSet};
use crate::views::organizer::sign_in as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

fn sign_in_page(
    dashboard: &Dashboard,
    status: StatusCode,
    email: &str,
    problem: Option<&str>,
) -> HttpResponse {
    let (cookie, token) = dashboard.sign_in_cookie();
    let mut response = html_status(status, views::sign_in(&token, email, problem));
    let _ = response.add_cookie(&cookie);
    response
}

pub async fn form(dashboard: web::Data<Dashboard>) -> HttpResponse {
    sign_in_page(&dashboard, StatusCode::OK, "", None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    dashboard: web::Data<Dashboard>,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, DashboardError> {
    let form = form.into_inner();
    if !dashboard.sign_in_token_matches(&req, &form.csrf) {
        return Ok(sign_in_page(
            &dashboard,
            StatusCode::FORBIDDEN,
            &form.email,
            Some(&t!("dash-sign-in-expired")),
        ));
    }
    let client = client_of(&req);
    if dashboard.is_blocked(client) {
        let mut response = sign_in_page(
            &dashboard,
            StatusCode::TOO_MANY_REQUESTS,
            &form.email,
            Some(&t!("dash-sign-in-too-many")),
        );
        response.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from_static("60"),
        );
        return Ok(response);
    }
    let (email, password) = (form.email.clone(), form.password);
    let found = state
        .database
        .run(move |conn| accounts::check_password(conn, &email, &password))
        .await?;
    Ok(match found {
        Some(organizer) => {
            let mut response = see_other("/organizer");
            let _ = response.add_cookie(&dashboard.session_cookie(organizer.id, Utc::now()));
            let _ = response.add_removal_cookie(&Dashboard::removal(SIGN_IN_COOKIE));
            response
        }
        None => {
            dashboard.failed(client);
            sign_in_page(
                &dashboard,
                StatusCode::UNAUTHORIZED,
                &form.email,
                Some(&t!("dash-sign-in-wrong")),
            )
        }
    })
}

/// Ends this session and every other one of the organizer.
pub async fn sign_out(
    state: web::Data<AppState>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, _) = posted;
    let id = signed.organizer.id;
    state
        .database
        .run(move |conn| accounts::end_sessions(conn, id))
        .await?;
    let mut response = see_other("/organizer/login");
    let _ = response.add_removal_cookie(&Dashboard::removal(SESSION_COOKIE));
    Ok(response)
}

fn dead_link() -> DashboardError {
    DashboardError(PageError::refused_with(
        actix_web::http::StatusCode::NOT_FOUND,
        t!("dash-sign-in-dead-link-title"),
        t!("dash-sign-in-dead-link"),
    ))
}

pub async fn welcome(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, DashboardError> {
    let token = token.into_inner();
    let lookup = token.clone();
    let organizer = state
        .database
        .run(move |conn| accounts::link_owner(conn, &lookup))
        .await?
        .ok_or_else(dead_link)?;
    Ok(html_status(
        StatusCode::OK,
        views::set_password(&token, &organizer.email, None),
    ))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

/// Sets the password; the link's token is the proof, so no session or CSRF token is needed.
pub async fn set_password(
    state: web::Data<AppState>,
    dashboard: web::Data<Dashboard>,
    token: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, DashboardError> {
    let token = token.into_inner();
    let form = form.into_inner();
    let lookup = token.clone();
    let result = state
        .database
        .run(move |conn| accounts::set_password(conn, &lookup, &form.password, &form.repeat))
        .await?;
    match result {
        PasswordSet::Set(id) => {
            // Sessions issued before the new password are ended: start this one just after.
            let mut response = see_other("/organizer");
            let issued = Utc::now() + Duration::milliseconds(1);
            let _ = response.add_cookie(&dashboard.session_cookie(id, issued));
            Ok(response)
        }
        PasswordSet::Refused { email, problem } => Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::set_password(&token, &email, Some(&problem)),
        )),
        PasswordSet::DeadLink => Err(dead_link()),
    }
}
