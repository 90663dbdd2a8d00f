//! The calendar feed page: the organizer's secret link for calendar apps, made (shown
//! once, replacing the one before) and revoked. The feed itself is in [`super::exports`].

use actix_web::{web, HttpResponse};
use maud::Markup;

use super::session::{NoFields, Posted, SignedIn};
use super::{viewer, Flash};
use crate::services::accounts;
use crate::views::organizer::calendar as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{html, see_other};
use crate::web::AppState;

/// The address a calendar app subscribes to for this secret.
pub fn feed_url(public_url: &str, secret: &str) -> String {
    format!("{public_url}/calendar/{secret}.ics")
}

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let id = signed.organizer.id;
    let live = state
        .database
        .run(move |conn| accounts::calendar_feed(conn, id))
        .await?;
    Ok(views::page(
        &viewer(&signed),
        live.as_ref(),
        None,
        flash.words().as_deref(),
    ))
}

/// Makes a new link, which revokes the one before, and shows it this once.
pub async fn create(
    state: web::Data<AppState>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, _) = posted;
    let id = signed.organizer.id;
    let (secret, live) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let secret = accounts::create_calendar_feed(conn, id)?;
            Ok((secret, accounts::calendar_feed(conn, id)?))
        })
        .await?;
    let url = feed_url(&state.public_url, &secret);
    Ok(html(views::page(
        &viewer(&signed),
        live.as_ref(),
        Some(&url),
        None,
    )))
}

pub async fn revoke(
    state: web::Data<AppState>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, _) = posted;
    let id = signed.organizer.id;
    let revoked = state
        .database
        .run(move |conn| accounts::revoke_calendar_feed(conn, id))
        .await?;
    if revoked {
        Ok(see_other("/organizer/calendar?done=revoked-feed"))
    } else {
        Err(DashboardError(PageError::NotFound))
    }
}
