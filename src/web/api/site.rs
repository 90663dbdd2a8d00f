//! The site's identity through the API (`/api/v1/site`): read by anyone (the privacy
//! notice shows it all), changed by an organizer, field by field.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{SiteDraft, SiteIdentity};
use crate::services::site;
use crate::web::auth::Organizer;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::input::Json;
use crate::web::AppState;

/// Who runs the site, as every page and the privacy notice show it.
#[derive(Serialize, ToSchema)]
pub struct SiteOut {
    /// What page titles end in.
    pub name: String,
    /// Who is responsible for the personal data (empty: "the organizers").
    pub controller: String,
    /// How to reach them about data: an address or a web page (may be empty).
    pub contact: String,
    /// Services that handle data for the organizers.
    pub processors: Vec<String>,
    /// The line under every public page (may be empty).
    pub footer: String,
}

impl From<&SiteIdentity> for SiteOut {
    fn from(site: &SiteIdentity) -> Self {
        SiteOut {
            name: site.name.clone(),
            controller: site.controller.clone(),
            contact: site.contact.clone(),
            processors: site.processors.clone(),
            footer: site.footer.clone(),
        }
    }
}

/// The fields to change; the others keep their value.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SiteChanges {
    #[schema(min_length = 1, max_length = 80)]
    pub name: Option<String>,
    #[schema(max_length = 300)]
    pub controller: Option<String>,
    #[schema(max_length = 300)]
    pub contact: Option<String>,
    pub processors: Option<Vec<String>>,
    #[schema(max_length = 500)]
    pub footer: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/site", tag = "site",
    responses((status = 200, body = SiteOut)))]
pub async fn get_site(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let current = state.database.run(site::load).await?;
    Ok(HttpResponse::Ok().json(SiteOut::from(&current)))
}

#[utoipa::path(patch, path = "/api/v1/site", tag = "site", request_body = SiteChanges,
    security(("bearer" = [])),
    responses((status = 200, body = SiteOut), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_site(
    state: web::Data<AppState>,
    _organizer: Organizer,
    body: Json<SiteChanges>,
) -> Result<HttpResponse, ApiError> {
    let changes = body.0;
    let current = state.database.run(site::load).await?;
    let mut draft = current.draft();
    if let Some(processors) = &changes.processors {
        if processors.iter().any(|p| p.contains(['\n', '\r'])) {
            return Err(ApiError::field("processors", "each must be one line"));
        }
        draft.processors = processors.join("\n");
    }
    let SiteDraft {
        name,
        controller,
        contact,
        footer,
        ..
    } = &mut draft;
    for (field, value) in [
        (name, changes.name),
        (controller, changes.controller),
        (contact, changes.contact),
        (footer, changes.footer),
    ] {
        if let Some(value) = value {
            *field = value;
        }
    }
    let identity = SiteIdentity::parse(&draft).map_err(ApiError::invalid)?;
    let saved = identity.clone();
    state
        .database
        .run(move |conn| site::save(conn, &saved))
        .await?;
    state.site.replace(identity.clone());
    Ok(HttpResponse::Ok().json(SiteOut::from(&identity)))
}
