//! The audit log of an event, the outbox of every email with "retry now", and the
//! delivery of one send.

use actix_web::{web, HttpResponse};
use maud::Markup;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{event_state, viewer};
use crate::domain::{RegistrationId, SendId};
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
    let done = done.as_deref();
    Ok(views::outbox(
        &viewer(&signed),
        &rows,
        &status,
        page,
        pages,
        done,
    ))
}

#[derive(Deserialize)]
pub struct SendQuery {
    page: Option<String>,
    refresh: Option<String>,
}

/// The delivery of one send, reloading itself while emails wait when asked to.
pub async fn bulk_send(
    state: web::Data<AppState>,
    signed: SignedIn,
    id: web::Path<i64>,
    query: web::Query<SendQuery>,
) -> Result<Markup, DashboardError> {
    let page = page_of(&PageQuery {
        page: query.page.clone(),
        status: None,
        done: None,
    });
    let id = SendId(id.into_inner());
    let found = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let Some(sent) = reads::bulk_send(conn, id)? else {
                return Ok(None);
            };
            let rows = reads::bulk_send_emails(conn, id, (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
            Ok(Some((sent, rows)))
        })
        .await?;
    let (sent, rows) = found.ok_or(DashboardError(PageError::NotFound))?;
    let listed = sent.delivery.pending + sent.delivery.sent + sent.delivery.failed;
    let pages = ((listed + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    // Reloading is chosen, never imposed (WCAG 2.2.1): the link after a send asks for it.
    let refresh = query.refresh.as_deref() == Some("on");
    Ok(views::bulk_send(
        &viewer(&signed),
        &sent,
        &rows,
        page,
        pages,
        refresh,
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
