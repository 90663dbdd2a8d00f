//! The audit log of an event and the outbox of every email, with "retry now".

use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{event_state, viewer};
use crate::domain::RegistrationId;
use crate::reads;
use crate::services;
use crate::views::organizer::logs as views;
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::see_other;
use crate::web::AppState;

const PAGE_SIZE: i64 = 100;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
    status: Option<String>,
    done: Option<String>,
}

fn page_of(query: &PageQuery) -> i64 {
    query
        .page
        .as_deref()
        .and_then(|p| p.parse::<i64>().ok())
        .filter(|p| (1..=1_000_000).contains(p))
        .unwrap_or(1)
}

pub async fn audit(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<Markup, DashboardError> {
    let page = page_of(&query);
    let event = event_state(&state, slug.into_inner()).await?;
    let id = event.event.id;
    let (rows, names, total) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let mut rows = reads::audit_of(conn, id)?;
            rows.reverse();
            let total = rows.len() as i64;
            let rows: Vec<_> = rows
                .into_iter()
                .skip(((page - 1) * PAGE_SIZE) as usize)
                .take(PAGE_SIZE as usize)
                .collect();
            let ids: Vec<RegistrationId> = rows.iter().filter_map(|r| r.registration_id).collect();
            let names = reads::names_of(conn, &ids)?;
            Ok((rows, names, total))
        })
        .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    Ok(views::audit(
        &viewer(&signed),
        &event,
        &rows,
        &names,
        page,
        pages,
    ))
}

pub async fn outbox(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<PageQuery>,
) -> Result<Markup, DashboardError> {
    let page = page_of(&query);
    let status = query
        .status
        .clone()
        .filter(|s| ["pending", "sent", "failed"].contains(&s.as_str()))
        .unwrap_or_default();
    let filter = status.clone();
    let (rows, total) = state
        .database
        .run(move |conn| {
            reads::outbox_page(
                conn,
                (!filter.is_empty()).then_some(filter.as_str()),
                (page - 1) * PAGE_SIZE,
                PAGE_SIZE,
            )
        })
        .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let done = query.done.as_deref().and_then(super::done_words);
    Ok(views::outbox(
        &viewer(&signed),
        &rows,
        &status,
        page,
        pages,
        done,
    ))
}

pub async fn retry(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(_signed, _) = posted;
    let id = id.into_inner();
    match state
        .database
        .run(move |conn| services::outbox::retry_now(conn, id))
        .await?
    {
        services::outbox::Retry::Unknown => Err(DashboardError(PageError::NotFound)),
        _ => Ok(see_other("/organizer/outbox?done=retry")),
    }
}
