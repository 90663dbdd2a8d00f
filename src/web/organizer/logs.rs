//! The audit log of an event and the outbox of every email, with "retry now".

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::{event_state, failure, html, read, see_other, viewer};
use crate::store::{audit, dashboard};
use crate::views::organizer::logs as views;
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
) -> HttpResponse {
    let page = page_of(&query);
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    let id = event.event.id;
    let found = read(&state, move |conn| {
        let mut rows = audit::for_event(conn, id)?;
        rows.reverse();
        let total = rows.len() as i64;
        let rows: Vec<_> = rows
            .into_iter()
            .skip(((page - 1) * PAGE_SIZE) as usize)
            .take(PAGE_SIZE as usize)
            .collect();
        let ids: Vec<i64> = rows.iter().filter_map(|r| r.registration_id).collect();
        let names: HashMap<i64, String> = dashboard::registrations_by_ids(conn, &ids)?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        Ok((rows, names, total))
    })
    .await;
    match found {
        Ok((rows, names, total)) => {
            let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
            html(views::audit(
                &viewer(&signed),
                &event,
                &rows,
                &names,
                page,
                pages,
            ))
        }
        Err(error) => failure(error),
    }
}

pub async fn outbox(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    let page = page_of(&query);
    let status = query
        .status
        .clone()
        .filter(|s| ["pending", "sent", "failed"].contains(&s.as_str()))
        .unwrap_or_default();
    let filter = status.clone();
    let found = read(&state, move |conn| {
        Ok(dashboard::outbox_page(
            conn,
            (!filter.is_empty()).then_some(filter.as_str()),
            (page - 1) * PAGE_SIZE,
            PAGE_SIZE,
        )?)
    })
    .await;
    match found {
        Ok((rows, total)) => {
            let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
            let done = query.done.as_deref().and_then(super::done_words);
            html(views::outbox(
                &viewer(&signed),
                &rows,
                &status,
                page,
                pages,
                done,
            ))
        }
        Err(error) => failure(error),
    }
}

pub async fn retry(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    posted: Posted<NoFields>,
) -> HttpResponse {
    let Posted(_signed, _) = posted;
    let id = id.into_inner();
    match read(&state, move |conn| {
        Ok(dashboard::retry_now(conn, id, Utc::now().naive_utc())?)
    })
    .await
    {
        Ok(_) => see_other("/organizer/outbox?done=retry"),
        Err(error) => failure(error),
    }
}
