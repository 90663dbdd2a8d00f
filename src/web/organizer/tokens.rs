//! Organizer API tokens: create one (shown once, stored hashed) and revoke.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{viewer, Flash};
use crate::domain::Role;
use crate::services::accounts;
use crate::views::organizer::tokens as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{html, html_status, see_other};
use crate::web::AppState;

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let list = state.database.run(accounts::api_tokens).await?;
    Ok(views::page(
        &viewer(&signed),
        &list,
        None,
        flash.words().as_deref(),
        None,
    ))
}

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
    /// Left out: `organizer`, as on the command line.
    #[serde(default)]
    role: Option<String>,
}

pub async fn create(
    state: web::Data<AppState>,
    posted: Posted<NewToken>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let role = form
        .role
        .as_deref()
        .map_or(Ok(Role::Organizer), str::parse::<Role>)
        .map_err(|problem| t!("dash-role-problem", problem = problem.to_string()));
    let name = accounts::token_name(&form.name)
        .map_err(|problem| t!("dash-tokens-name-problem", problem = problem.to_string()));
    let (name, role) = match (name, role) {
        (Ok(name), Ok(role)) => (name, role),
        (Err(problem), _) | (_, Err(problem)) => {
            let list = state.database.run(accounts::api_tokens).await?;
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::page(&viewer(&signed), &list, None, None, Some(&problem)),
            ));
        }
    };
    if !signed.organizer.role.covers(role) {
        return Err(DashboardError(PageError::refused_with(
            StatusCode::FORBIDDEN,
            t!("dash-refused-role-title"),
            t!("dash-tokens-beyond-role"),
        )));
    }
    let made = name.clone();
    let (token, list) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let created = accounts::create_api_token(conn, &made, role)?;
            Ok((created.token, accounts::api_tokens(conn)?))
        })
        .await?;
    Ok(html(views::page(
        &viewer(&signed),
        &list,
        Some((&name, &token)),
        None,
        None,
    )))
}

pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(_signed, _) = posted;
    let id = id.into_inner();
    match state
        .database
        .run(move |conn| accounts::revoke_api_token(conn, id))
        .await?
    {
        accounts::TokenRevoked::Unknown => Err(DashboardError(PageError::NotFound)),
        _ => Ok(see_other("/organizer/tokens?done=revoked-token")),
    }
}
