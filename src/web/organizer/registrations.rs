//! The table of everyone registered, the waiting line, and the actions on one
//! registration: resend, change deadline, revoke, promote, move up or down, remove.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use maud::Markup;
use serde::Deserialize;

use super::events::parse_local_input;
use super::session::{Posted, SignedIn};
use super::{event_state, refusal, viewer, Flash};
use crate::domain::event_settings::deadline;
use crate::domain::{Mode, RegistrationId, Status};
use crate::engine::OrganizerAction;
use crate::reads::{self, RegistrationQuery, SortBy};
use crate::views::organizer::registrations::{self as views, Filters, InLine};
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{html_status, see_other};
use crate::web::AppState;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct TableQuery {
    status: Option<String>,
    mode: Option<String>,
    q: Option<String>,
    /// `KEY:VALUE`: those who gave this answer.
    answer: Option<String>,
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
        answer: query
            .answer
            .clone()
            .filter(|a| a.contains(':'))
            .unwrap_or_default(),
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
) -> Result<Markup, DashboardError> {
    let filters = filters_of(&query);
    let statuses = match filters.status.as_str() {
        "active" => reads::ACTIVE_STATUSES.to_vec(),
        one => one.parse::<Status>().into_iter().collect(),
    };
    let (mode, search) = (filters.mode.parse::<Mode>().ok(), filters.q.clone());
    let answer = filters
        .answer
        .split_once(':')
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let (sort, descending) = (filters.sort, filters.descending);
    let offset = (filters.page - 1) * PAGE_SIZE;
    let (event, (rows, total, answers)) =
        crate::web::event_and(&state, slug.into_inner(), true, move |conn, event| {
            let q = RegistrationQuery {
                event_id: event.event.id,
                statuses,
                mode,
                search: (!search.is_empty()).then_some(search),
                answer,
                sort,
                descending,
                offset,
                limit: PAGE_SIZE,
            };
            let (rows, total) = reads::registration_page(conn, event, &q)?;
            let ids: Vec<_> = rows.iter().map(|r| r.row.id).collect();
            let answers = reads::answers_of_page(conn, &ids)?;
            Ok((rows, total, answers))
        })
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let done = query.done.as_deref().and_then(super::done_words);
    let done = done.as_deref();
    let listed = views::Listed {
        rows: &rows,
        answers: &answers,
        total,
        pages,
    };
    Ok(views::table(
        &viewer(&signed),
        &event,
        &listed,
        &filters,
        done,
    ))
}

pub async fn line(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let (event, entries) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let order: Vec<(RegistrationId, i32)> = event
                .ledger
                .line()
                .map(|e| (RegistrationId(e.id), e.priority))
                .collect();
            let ids: Vec<RegistrationId> = order.iter().map(|(id, _)| *id).collect();
            let found = reads::registrations_by_ids(conn, &event, &ids)?;
            let entries: Vec<InLine> = found
                .into_iter()
                .zip(order)
                .enumerate()
                .map(|(i, (registration, (_, priority)))| InLine {
                    position: i + 1,
                    registration,
                    priority,
                })
                .collect();
            Ok((event, entries))
        })
        .await?;
    Ok(views::line(
        &viewer(&signed),
        &event,
        &entries,
        flash.words().as_deref(),
        None,
    ))
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
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let (id, name) = path.into_inner();
    let (event, _) = state
        .database
        .run(move |conn| reads::registration_by_id(conn, id, Utc::now()))
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    let actor = signed.actor();
    let action = match name.as_str() {
        "resend" => OrganizerAction::Resend,
        "revoke" | "remove" => OrganizerAction::Revoke,
        "promote" => OrganizerAction::Promote,
        "up" => OrganizerAction::MoveInLine(1),
        "down" => OrganizerAction::MoveInLine(-1),
        "hold" => match parse_local_input(&form.hold_until, event.event.timezone.0)
            .and_then(|until| deadline(until, Utc::now()))
        {
            Ok(until) => OrganizerAction::SetHold(until),
            Err(message) => {
                let message = t!("dash-registrations-deadline-problem", problem = message);
                return Ok(problem(&signed, &message));
            }
        },
        _ => return Err(DashboardError(PageError::NotFound)),
    };
    let back = back_to(&req, &event.event.slug);
    match state.engine.act_on(id, action, actor).await {
        Ok(_) => Ok(see_other(&format!("{back}?done={name}"))),
        Err(error) => Ok(problem(&signed, &refusal(error)?)),
    }
}

fn problem(signed: &SignedIn, message: &str) -> HttpResponse {
    html_status(
        StatusCode::CONFLICT,
        crate::views::organizer::layout(
            &t!("dash-not-changed"),
            &viewer(signed),
            maud::html! {
                h1 { (t!("dash-not-changed")) }
                p.notice.bad role="alert" { (message) }
                p { (t!("dash-go-back")) }
            },
        ),
    )
}
