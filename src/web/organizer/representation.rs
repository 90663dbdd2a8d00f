//! Who is in the room: the counts per answer of the event's summarized questions.

use actix_web::web;
use maud::Markup;

use super::session::SignedIn;
use super::{event_state, viewer};
use crate::reads;
use crate::views::organizer::representation as views;
use crate::web::error::DashboardError;
use crate::web::AppState;

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let (slug, title) = (event.event.slug.clone(), event.event.title.clone());
    let found = state
        .database
        .run(move |conn| reads::representation(conn, &event))
        .await?;
    Ok(views::page(&viewer(&signed), &slug, &title, &found))
}
