//! Signing in with a password (argon2), signing out, and setting a password from a
//! one-time link. Failed sign-ins are counted per client and limited.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{Duration, Utc};
use serde::Deserialize;

use super::session::{client_of, Dashboard, NoFields, Posted, SESSION_COOKIE, SIGN_IN_COOKIE};
use super::{failure, html_status, read, see_other};
use crate::domain::normalise_email;
use crate::store::organizers;
use crate::views::organizer::sign_in as views;
use crate::web::AppState;

/// How long a link to set a password works.
pub const LINK_DAYS: i64 = 3;
pub const MIN_PASSWORD: usize = 10;

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash checked when the address is unknown, so an unknown address takes as long to
/// refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("not a password anyone has").unwrap_or_default())
}

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
) -> HttpResponse {
    let form = form.into_inner();
    if !dashboard.sign_in_token_matches(&req, &form.csrf) {
        return sign_in_page(
            &dashboard,
            StatusCode::FORBIDDEN,
            &form.email,
            Some("This form has expired. Please sign in again."),
        );
    }
    let client = client_of(&req);
    if dashboard.is_blocked(client) {
        let mut response = sign_in_page(
            &dashboard,
            StatusCode::TOO_MANY_REQUESTS,
            &form.email,
            Some("Too many failed attempts from your address. Please wait a minute and try again."),
        );
        response.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from_static("60"),
        );
        return response;
    }
    let email = normalise_email(&form.email);
    let password = form.password;
    let found = read(&state, move |conn| {
        let organizer = organizers::by_email(conn, &email)?;
        let hash = organizer
            .as_ref()
            .and_then(|o| o.password_hash.clone())
            .unwrap_or_else(|| decoy_hash().to_owned());
        let ok = verify(&password, &hash)
            && organizer
                .as_ref()
                .is_some_and(|o| o.password_hash.is_some());
        Ok(organizer.filter(|_| ok))
    })
    .await;
    match found {
        Ok(Some(organizer)) => {
            let mut response = see_other("/organizer");
            let _ = response.add_cookie(&dashboard.session_cookie(organizer.id, Utc::now()));
            let _ = response.add_removal_cookie(&Dashboard::removal(SIGN_IN_COOKIE));
            response
        }
        Ok(None) => {
            dashboard.failed(client);
            sign_in_page(
                &dashboard,
                StatusCode::UNAUTHORIZED,
                &form.email,
                Some("The email address or the password is not right."),
            )
        }
        Err(error) => failure(error),
    }
}

/// Ends this session and every other one of the organizer.
pub async fn sign_out(state: web::Data<AppState>, posted: Posted<NoFields>) -> HttpResponse {
    let Posted(signed, _) = posted;
    let id = signed.organizer.id;
    let ended = read(&state, move |conn| {
        Ok(organizers::end_sessions(conn, id, Utc::now().naive_utc())?)
    })
    .await;
    match ended {
        Ok(()) => {
            let mut response = see_other("/organizer/login");
            let _ = response.add_removal_cookie(&Dashboard::removal(SESSION_COOKIE));
            response
        }
        Err(error) => failure(error),
    }
}

fn dead_link() -> HttpResponse {
    html_status(
        StatusCode::NOT_FOUND,
        crate::views::organizer::bare_message(
            "This link does not work",
            "The link is unknown, already used or expired. Ask for a new one with `registrar organizer add EMAIL`.",
        ),
    )
}

pub async fn welcome(state: web::Data<AppState>, token: web::Path<String>) -> HttpResponse {
    let token = token.into_inner();
    let lookup = token.clone();
    let found = read(&state, move |conn| {
        Ok(organizers::link_owner(
            conn,
            &lookup,
            Utc::now().naive_utc(),
        )?)
    })
    .await;
    match found {
        Ok(Some(organizer)) => html_status(
            StatusCode::OK,
            views::set_password(&token, &organizer.email, None),
        ),
        Ok(None) => dead_link(),
        Err(error) => failure(error),
    }
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
) -> HttpResponse {
    let token = token.into_inner();
    let form = form.into_inner();
    let problem = if form.password.chars().count() < MIN_PASSWORD {
        Some(format!(
            "The password must have at least {MIN_PASSWORD} characters."
        ))
    } else if form.password.chars().count() > 1000 {
        Some("The password must have at most 1000 characters.".to_owned())
    } else if form.password != form.repeat {
        Some("The two passwords are not the same.".to_owned())
    } else {
        None
    };
    let lookup = token.clone();
    let password = form.password;
    let result = read(&state, move |conn| {
        let now = Utc::now().naive_utc();
        let Some(organizer) = organizers::link_owner(conn, &lookup, now)? else {
            return Ok(Err(None));
        };
        if let Some(problem) = problem {
            return Ok(Err(Some((organizer.email, problem))));
        }
        let hash = hash_password(&password).map_err(|e| {
            tracing::error!(error = %format!("{e:#}"), "hashing a password failed");
            super::ApiError::internal()
        })?;
        match organizers::set_password_with_link(conn, &lookup, &hash, now)? {
            Some(id) => Ok(Ok(id)),
            None => Ok(Err(None)),
        }
    })
    .await;
    match result {
        Ok(Ok(id)) => {
            // Sessions issued before the new password are ended: start this one just after.
            let mut response = see_other("/organizer");
            let issued = Utc::now() + Duration::milliseconds(1);
            let _ = response.add_cookie(&dashboard.session_cookie(id, issued));
            response
        }
        Ok(Err(Some((email, problem)))) => html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::set_password(&token, &email, Some(&problem)),
        ),
        Ok(Err(None)) => dead_link(),
        Err(error) => failure(error),
    }
}

/// Makes (or finds) an organizer and a one-time link to set their password.
pub fn invite_organizer(
    conn: &mut crate::store::DbConnection,
    email: &str,
    public_url: &str,
) -> anyhow::Result<String> {
    let email = crate::domain::Email::parse(email)
        .map_err(|e| anyhow::anyhow!("the address {email:?} {e}"))?;
    let now = Utc::now().naive_utc();
    let id = organizers::ensure(conn, email.as_str(), now)?;
    let token = organizers::mint_link(conn, id, now + Duration::days(LINK_DAYS))?;
    Ok(format!("{public_url}/organizer/welcome/{token}"))
}
