//! Inviting people: the list of invitations, the preview of a pasted list or uploaded CSV
//! file (every row valid, duplicate or invalid, and the seats that remain), and sending.

use std::collections::{HashMap, HashSet};

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
use chrono::Utc;
use futures_util::StreamExt;
use maud::Markup;
use serde::Deserialize;

use super::events::parse_local_input;
use super::session::{Posted, SignedIn};
use super::{event_state, refusal, viewer, Flash};
use crate::domain::event_settings::deadline;
use crate::domain::invitation_list::{self, InvitationList, Verdict};
use crate::domain::{parse_language, Invitee, RegistrationId, Status};
use crate::reads::{self, EventState};
use crate::views::organizer::invitations::{self as views, default_mode, InvitationLine};
use crate::web::error::DashboardError;
use crate::web::respond::{html, html_status, see_other};
use crate::web::AppState;

/// The most a pasted list or an uploaded file may weigh.
const LIST_LIMIT: usize = 2 * 1024 * 1024;

pub async fn page(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    flash: web::Query<Flash>,
) -> Result<Markup, DashboardError> {
    let event = event_state(&state, slug.into_inner()).await?;
    let sent = flash.sent(&state, event.event.id).await?;
    let (event, lines) = invitation_lines(&state, event).await?;
    Ok(views::page(
        &viewer(&signed),
        &event,
        &lines,
        flash.words().as_deref(),
        None,
        sent.as_ref(),
    ))
}

/// Everyone who was ever invited to the event (their invitation emails tell), and everyone
/// invited now, most recent first.
async fn invitation_lines(
    state: &AppState,
    event: EventState,
) -> Result<(EventState, Vec<InvitationLine>), DashboardError> {
    Ok(state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let emails = reads::emails_per_registration(conn, event.event.id, "invitation")?;
            let mut ids: HashSet<RegistrationId> = emails.keys().copied().collect();
            ids.extend(
                event
                    .ledger
                    .entries()
                    .filter(|e| e.status == Status::Invited)
                    .map(|e| RegistrationId(e.id)),
            );
            let ids: Vec<RegistrationId> = ids.into_iter().collect();
            let mut lines: Vec<InvitationLine> = reads::registrations_by_ids(conn, &event, &ids)?
                .into_iter()
                .map(|registration| InvitationLine {
                    emails: emails.get(&registration.row.id).copied().unwrap_or((0, 0)),
                    registration,
                })
                .collect();
            lines.sort_by_key(|l| std::cmp::Reverse(l.registration.row.id));
            Ok((event, lines))
        })
        .await?)
}

/// The list read against the registrations the event already has.
async fn judge(
    state: &AppState,
    event: EventState,
    text: &str,
) -> Result<(EventState, InvitationList), DashboardError> {
    let id = event.event.id;
    let registered: HashMap<String, String> = state
        .database
        .run(move |conn| reads::active_addresses(conn, id))
        .await?
        .into_iter()
        .map(|(email, status)| (email, status.as_str().replace('_', " ")))
        .collect();
    let list = invitation_list::read(text, &registered);
    Ok((event, list))
}

/// The multipart form as sent: the CSRF token, the pasted list and an uploaded file.
struct Upload {
    csrf: String,
    list: String,
    file: String,
}

impl Upload {
    /// The list to read: an uploaded file is read as it is (its header row and delimiter
    /// are its own, so pasted lines cannot be mixed into it), else the pasted text. The
    /// second value says the pasted text was left out.
    fn text(self) -> (String, bool) {
        if self.file.trim().is_empty() {
            (self.list, false)
        } else {
            let left_out = !self.list.trim().is_empty();
            (self.file, left_out)
        }
    }
}

async fn read_upload(mut form: Multipart) -> Result<Upload, String> {
    let mut upload = Upload {
        csrf: String::new(),
        list: String::new(),
        file: String::new(),
    };
    let mut size = 0usize;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| t!("dash-upload-unreadable", error = e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| t!("dash-upload-unreadable", error = e.to_string()))?;
            size += chunk.len();
            if size > LIST_LIMIT {
                return Err(t!("dash-upload-list-too-long"));
            }
            bytes.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(bytes).map_err(|_| t!("dash-upload-not-text"))?;
        match name.as_str() {
            "csrf" => upload.csrf = value,
            "list" => upload.list = value,
            "file" => upload.file = value,
            _ => {}
        }
    }
    Ok(upload)
}

pub async fn preview(
    state: web::Data<AppState>,
    signed: SignedIn,
    slug: web::Path<String>,
    form: Multipart,
) -> Result<HttpResponse, DashboardError> {
    let upload = match read_upload(form).await {
        Ok(found) => found,
        Err(message) => {
            return Ok(html_status(
                StatusCode::BAD_REQUEST,
                crate::views::organizer::bare_message(&t!("dash-upload-list-unreadable"), &message),
            ))
        }
    };
    if let Err(refused) = signed.check(&upload.csrf) {
        return Ok(refused.error_response());
    }
    let (text, pasted_left_out) = upload.text();
    let event = event_state(&state, slug.into_inner()).await?;
    let (event, list) = judge(&state, event, &text).await?;
    Ok(html(views::preview(
        &viewer(&signed),
        &event,
        &text,
        &list,
        pasted_left_out,
    )))
}

#[derive(Deserialize)]
pub struct SendForm {
    #[serde(default)]
    list: String,
    #[serde(default)]
    hold_until: String,
    /// The language of the emails of people whose row names none; empty: the event's.
    #[serde(default)]
    language: String,
}

/// Invites the valid rows of the list, all or nothing.
pub async fn send(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    posted: Posted<SendForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let slug = slug.into_inner();
    let event = event_state(&state, slug.clone()).await?;
    let hold_until = if form.hold_until.trim().is_empty() {
        None
    } else {
        match parse_local_input(&form.hold_until, event.event.timezone.0)
            .and_then(|at| deadline(at, Utc::now()))
        {
            Ok(at) => Some(at),
            Err(message) => {
                let message = t!("dash-invite-deadline-problem", problem = message);
                return again(&state, &signed, event, &message).await;
            }
        }
    };
    let language = match form.language.trim() {
        "" => None,
        tag => match parse_language(tag) {
            Ok(language) => Some(language),
            Err(e) => {
                let problem = t!("language-invite-refused", problem = e.0);
                return refused(&state, &signed, event, &problem).await;
            }
        },
    };
    let (event, list) = judge(&state, event, &form.list).await?;
    let default = default_mode(&event);
    let invitees: Vec<Invitee> = list
        .rows
        .into_iter()
        .filter(|r| r.verdict == Verdict::Valid)
        .filter_map(|r| {
            Some(Invitee {
                email: r.email?,
                name: r.name?,
                affiliation: r.affiliation,
                mode: Some(r.mode.unwrap_or(default)),
                language: r.language.or(language),
            })
        })
        .collect();
    if invitees.is_empty() {
        return again(&state, &signed, event, &t!("dash-invite-nobody-to-invite")).await;
    }
    match state
        .engine
        .invite(slug.clone(), invitees, hold_until, signed.actor())
        .await
    {
        Ok(sent) => Ok(see_other(&match sent.send {
            Some(send) => format!("/organizer/events/{slug}/invitations?send={send}"),
            None => format!("/organizer/events/{slug}/invitations"),
        })),
        Err(error) => {
            let message = t!("dash-invite-nothing-sent", reason = refusal(error)?);
            again(&state, &signed, event, &message).await
        }
    }
}

/// The invitations page again, with what went wrong.
async fn again(
    state: &AppState,
    signed: &SignedIn,
    event: EventState,
    problem: &str,
) -> Result<HttpResponse, DashboardError> {
    page_with_problem(state, signed, event, problem, StatusCode::CONFLICT).await
}

/// The invitations page again, for a form no list could be sent with.
async fn refused(
    state: &AppState,
    signed: &SignedIn,
    event: EventState,
    problem: &str,
) -> Result<HttpResponse, DashboardError> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    page_with_problem(state, signed, event, problem, status).await
}

async fn page_with_problem(
    state: &AppState,
    signed: &SignedIn,
    event: EventState,
    problem: &str,
    status: StatusCode,
) -> Result<HttpResponse, DashboardError> {
    let (event, lines) = invitation_lines(state, event).await?;
    Ok(html_status(
        status,
        views::page(&viewer(signed), &event, &lines, None, Some(problem), None),
    ))
}
