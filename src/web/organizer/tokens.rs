//! Organizer API tokens: create one (shown once, stored hashed) and revoke.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{failure, html, html_status, read, see_other, viewer, Flash};
use crate::store::{dashboard, tokens};
use crate::views::organizer::tokens as views;
use crate::web::AppState;

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> HttpResponse {
    match read(&state, |conn| Ok(dashboard::api_tokens(conn)?)).await {
        Ok(list) => html(views::page(
            &viewer(&signed),
            &list,
            None,
            flash.words(),
            None,
        )),
        Err(error) => failure(error),
    }
}

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
}

pub async fn create(state: web::Data<AppState>, posted: Posted<NewToken>) -> HttpResponse {
    let Posted(signed, form) = posted;
    let name = form.name.trim().to_owned();
    let problem = (name.is_empty() || name.chars().count() > 100)
        .then_some("The name must be 1 to 100 characters.");
    let made = name.clone();
    let found = read(&state, move |conn| {
        let token = match problem {
            Some(_) => None,
            None => Some(tokens::create_api_token(
                conn,
                &made,
                Utc::now().naive_utc(),
            )?),
        };
        Ok((token, dashboard::api_tokens(conn)?))
    })
    .await;
    match found {
        Ok((Some(token), list)) => html(views::page(
            &viewer(&signed),
            &list,
            Some((&name, &token)),
            None,
            None,
        )),
        Ok((None, list)) => html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::page(&viewer(&signed), &list, None, None, problem),
        ),
        Err(error) => failure(error),
    }
}

pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<NoFields>,
) -> HttpResponse {
    let Posted(_signed, _) = posted;
    let id = id.into_inner();
    match read(&state, move |conn| {
        Ok(dashboard::revoke_api_token(
            conn,
            id,
            Utc::now().naive_utc(),
        )?)
    })
    .await
    {
        Ok(_) => see_other("/organizer/tokens?done=revoked-token"),
        Err(error) => failure(error),
    }
}
