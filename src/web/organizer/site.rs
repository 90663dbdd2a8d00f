//! The site's identity in the dashboard: shown in a form, saved for every page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{Posted, SignedIn};
use super::{viewer, Flash};
use crate::domain::{FieldErrors, SiteDraft, SiteIdentity};
use crate::services::site;
use crate::views::organizer::site as views;
use crate::web::error::DashboardError;
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

pub async fn page(signed: SignedIn, flash: web::Query<Flash>) -> Markup {
    let current = crate::views::site();
    views::page(
        &viewer(&signed),
        &current.draft(),
        &FieldErrors::new(),
        flash.words().as_deref(),
    )
}

#[derive(Deserialize)]
pub struct SiteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    controller: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    processors: String,
    #[serde(default)]
    footer: String,
}

pub async fn save(
    state: web::Data<AppState>,
    posted: Posted<SiteForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let draft = SiteDraft {
        name: form.name,
        controller: form.controller,
        contact: form.contact,
        processors: form.processors,
        footer: form.footer,
    };
    let identity = match SiteIdentity::parse(&draft) {
        Ok(identity) => identity,
        Err(errors) => {
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::page(&viewer(&signed), &draft, &errors, None),
            ))
        }
    };
    let saved = identity.clone();
    state
        .database
        .run(move |conn| site::save(conn, &saved))
        .await?;
    state.site.replace(identity);
    Ok(see_other("/organizer/site?done=site"))
}
