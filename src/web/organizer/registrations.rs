//! The table of everyone registered, the waiting line, and the actions on one
//! registration: resend, change deadline, revoke, promote, move up or down, remove.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::events::local_time;
use super::session::{Posted, SignedIn};
use super::{event_state, failure, html, html_status, read, refusal, see_other, viewer, Flash};
use crate::domain::{Mode, RegistrationId, Status};
use crate::engine::Command;
use crate::reads;
use crate::store::dashboard::{self, RegistrationQuery, SortBy};
use crate::store::{events, registrations};
use crate::views::organizer::registrations::{self as views, Filters, InLine};
use crate::web::AppState;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct TableQuery {
    status: Option<String>,
    mode: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    page: Option<String>,
    done: Option<String>,
}

fn filters_of(query: &TableQuery) -> Filters {
    let status = query.status.clone().unwrap_or_default();
    let status = if status == "active" || status.parse::<Status>().is_ok() {
        status
    } else {
        String::new()
    };
    let mode = query
        .mode
        .clone()
        .filter(|m| m.parse::<Mode>().is_ok())
        .unwrap_or_default();
    Filters {
        status,
        mode,
        q: query
            .q
            .clone()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(200)
            .collect(),
        sort: query
            .sort
            .as_deref()
            .and_then(SortBy::parse)
            .unwrap_or_default(),
        descending: query.dir.as_deref() == Some("desc"),
        page: query
            .page
            .as_deref()
            .and_then(|p| p.parse::<i64>().ok())
            .filter(|p| (1..=1_000_000).contains(p))
            .unwrap_or(1),
    }
}

pub async fn table(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    query: web::Query<TableQuery>,
) -> HttpResponse {
    let filters = filters_of(&query);
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    let statuses = match filters.status.as_str() {
        "active" => registrations::ACTIVE_STATUSES.to_vec(),
        one => one.parse::<Status>().into_iter().collect(),
    };
    let q = RegistrationQuery {
        event_id: event.event.id,
        statuses,
        mode: filters.mode.parse::<Mode>().ok(),
        search: (!filters.q.is_empty()).then(|| filters.q.clone()),
        sort: filters.sort,
        descending: filters.descending,
        offset: (filters.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let found = read(&state, move |conn| {
        let (rows, total) = dashboard::registration_page(conn, &q)?;
        let rows = reads::registration_states(&event, rows);
        Ok((event, rows, total))
    })
    .await;
    match found {
        Ok((event, rows, total)) => {
            let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
            let done = query.done.as_deref().and_then(super::done_words);
            html(views::table(
                &viewer(&signed),
                &event,
                &rows,
                total,
                pages,
                &filters,
                done,
            ))
        }
        Err(error) => failure(error),
    }
}

pub async fn line(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> HttpResponse {
    let event = match event_state(&state, slug.into_inner()).await {
        Ok(event) => event,
        Err(error) => return failure(error),
    };
    let found = read(&state, move |conn| {
        let order: Vec<(RegistrationId, i32)> = event
            .ledger
            .line()
            .map(|e| (RegistrationId(e.id), e.priority))
            .collect();
        let ids: Vec<RegistrationId> = order.iter().map(|(id, _)| *id).collect();
        let mut rows: std::collections::HashMap<RegistrationId, _> =
            dashboard::registrations_by_ids(conn, &ids)?
                .into_iter()
                .map(|r| (r.id, r))
                .collect();
        let (in_order, priorities): (Vec<_>, Vec<_>) = order
            .into_iter()
            .filter_map(|(id, priority)| Some((rows.remove(&id)?, priority)))
            .unzip();
        let entries: Vec<InLine> = reads::registration_states(&event, in_order)
            .into_iter()
            .zip(priorities)
            .enumerate()
            .map(|(i, (registration, priority))| InLine {
                position: i + 1,
                registration,
                priority,
            })
            .collect();
        Ok((event, entries))
    })
    .await;
    match found {
        Ok((event, entries)) => html(views::line(
            &viewer(&signed),
            &event,
            &entries,
            flash.words(),
            None,
        )),
        Err(error) => failure(error),
    }
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    hold_until: String,
}

/// Where to go back after an action: the dashboard page it was made from.
fn back_to(req: &HttpRequest, slug: &str) -> String {
    let fallback = format!("/organizer/events/{slug}/registrations");
    req.headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
        .filter(|u| u.path().starts_with(&format!("/organizer/events/{slug}")))
        .map(|u| u.path().to_owned())
        .unwrap_or(fallback)
}

pub async fn action(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(RegistrationId, String)>,
    posted: Posted<ActionForm>,
) -> HttpResponse {
    let Posted(signed, form) = posted;
    let (id, name) = path.into_inner();
    let found = read(&state, move |conn| {
        let Some(row) = registrations::by_id(conn, id)? else {
            return Ok(None);
        };
        let event = events::by_id(conn, row.event_id)?;
        Ok(Some((row, event)))
    })
    .await;
    let (row, event) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return failure(crate::web::error::ApiError::not_found("registration")),
        Err(error) => return failure(error),
    };
    let actor = signed.actor();
    let command = match name.as_str() {
        "resend" => Command::Resend { id, actor },
        "revoke" | "remove" => Command::Revoke { id, actor },
        "promote" => Command::Promote { id, actor },
        "up" | "down" => Command::SetPriority {
            id,
            priority: row
                .priority
                .saturating_add(if name == "up" { 1 } else { -1 }),
            actor,
        },
        "hold" => {
            let tz = event.timezone.0;
            match local_time(&form.hold_until, tz) {
                Ok(until) if until > Utc::now() => Command::SetHold { id, until, actor },
                Ok(_) => return problem(&signed, "The new deadline must be in the future."),
                Err(message) => return problem(&signed, &format!("The deadline {message}.")),
            }
        }
        _ => return failure(crate::web::error::ApiError::not_found("page")),
    };
    let back = back_to(&req, &event.slug);
    match state.engine.submit(command).await {
        Ok(_) => see_other(&format!("{back}?done={name}")),
        Err(error) => match refusal(error) {
            Ok(message) => problem(&signed, &message),
            Err(error) => failure(error),
        },
    }
}

fn problem(signed: &SignedIn, message: &str) -> HttpResponse {
    html_status(
        StatusCode::CONFLICT,
        crate::views::organizer::layout(
            "Not changed",
            &viewer(signed),
            maud::html! {
                h1 { "Not changed" }
                p.notice.bad role="alert" { (message) }
                p { "Go back to the previous page to try something else." }
            },
        ),
    )
}
