//! The door: the check-in page of an event (search, counts, "arrived" and undo), and the
//! page a participant's QR code opens. Both need a signed-in organizer or check-in
//! helper; anyone else is sent to the sign-in page and nothing changes.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use maud::Markup;
use serde::Deserialize;

use super::session::{Posted, SignedIn};
use super::{event_state, refusal, viewer, Flash};
use crate::domain::RegistrationId;
use crate::engine::OrganizerAction;
use crate::reads::{self, check_in};
use crate::views::organizer::check_in as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{see_other, url_escape};
use crate::web::AppState;

/// A search is at most this long; a longer one is cut.
const QUERY_MAX: usize = 200;

#[derive(Deserialize, Default)]
pub struct PageQuery {
    q: Option<String>,
    /// `results`: only the counts and results, for the live search.
    part: Option<String>,
    done: Option<String>,
}

fn query_of(raw: Option<&str>) -> String {
    raw.unwrap_or_default()
        .trim()
        .chars()
        .take(QUERY_MAX)
        .collect()
}

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<Markup, DashboardError> {
    let q = query_of(query.q.as_deref());
    let event = event_state(&state, slug.into_inner()).await?;
    let search = q.clone();
    let (event, attendance, found) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let attendance = check_in::attendance(conn, &event)?;
            let found = check_in::search(conn, &event, &search)?;
            Ok((event, attendance, found))
        })
        .await?;
    let done = query.done.as_deref().and_then(super::done_words);
    let done = done.as_deref();
    Ok(views::page(
        &viewer(&signed),
        &event,
        &attendance,
        &found,
        &q,
        done,
        query.part.as_deref() == Some("results"),
    ))
}

/// The page of the person a QR code names.
pub async fn person(
    state: web::Data<AppState>,
    signed: SignedIn,
    id: web::Path<RegistrationId>,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let id = id.into_inner();
    let (event, registration, attendance) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let Some((event, registration)) = reads::registration_by_id(conn, id, Utc::now())?
            else {
                return Ok(None);
            };
            let attendance = check_in::attendance(conn, &event)?;
            Ok(Some((event, registration, attendance)))
        })
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    Ok(views::one(
        &viewer(&signed),
        &event,
        &attendance,
        &registration,
        flash.words().as_deref(),
    ))
}

#[derive(Deserialize)]
pub struct BackTo {
    /// The search the button was found with, to go back to.
    #[serde(default)]
    q: String,
}

pub async fn arrive(
    state: web::Data<AppState>,
    id: web::Path<RegistrationId>,
    posted: Posted<BackTo>,
) -> Result<HttpResponse, DashboardError> {
    act(&state, id.into_inner(), posted, OrganizerAction::CheckIn).await
}

pub async fn undo(
    state: web::Data<AppState>,
    id: web::Path<RegistrationId>,
    posted: Posted<BackTo>,
) -> Result<HttpResponse, DashboardError> {
    act(
        &state,
        id.into_inner(),
        posted,
        OrganizerAction::UndoCheckIn,
    )
    .await
}

async fn act(
    state: &AppState,
    id: RegistrationId,
    posted: Posted<BackTo>,
    action: OrganizerAction,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let (event, _) = state
        .database
        .run(move |conn| reads::registration_by_id(conn, id, Utc::now()))
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    let done = match action {
        OrganizerAction::UndoCheckIn => "undone",
        _ => "arrived",
    };
    match state.engine.act_on(id, action, signed.actor()).await {
        Ok(_) => {
            let q = query_of(Some(&form.q));
            Ok(see_other(&if q.is_empty() {
                format!("/organizer/check-in/{}?done={done}", id.0)
            } else {
                format!(
                    "/organizer/events/{}/check-in?q={}&done={done}",
                    event.event.slug,
                    url_escape(&q)
                )
            }))
        }
        Err(error) => Err(DashboardError(PageError::refused_with(
            StatusCode::CONFLICT,
            t!("dash-check-in-refused"),
            refusal(error)?,
        ))),
    }
}
