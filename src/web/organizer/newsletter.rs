//! The newsletter in the dashboard: its issues and subscriber counts, writing an issue
//! (preview, a test to oneself, a confirmation step, then one outbox email per confirmed
//! subscriber in one transaction), an issue's delivery with "send again" for the failed,
//! and the subscribers: searched, paged, exported as CSV and imported from a file.

use actix_multipart::Multipart;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse, ResponseError};
use futures_util::StreamExt;
use maud::Markup;
use serde::Deserialize;

use super::session::{NoFields, Posted, SignedIn};
use super::viewer;
use crate::domain::{subscriber_list, Email, FieldErrors, Phase};
use crate::services::export::CsvFile;
use crate::services::newsletter::{self, issue_of, status_of, Retried};
use crate::views::organizer::newsletter::{self as views, IssueValues};
use crate::views::organizer::{local, tz_of};
use crate::web::error::{DashboardError, PageError};
use crate::web::respond::{csv_download, html, html_status, see_other};
use crate::web::AppState;

const PAGE_SIZE: i64 = 100;

/// The most an imported file may weigh.
const IMPORT_LIMIT: usize = 2 * 1024 * 1024;

fn done_words(code: &str) -> Option<String> {
    Some(match code {
        "test" => t!("dash-done-test"),
        "sent" => t!("dash-done-sent"),
        "retry" => t!("dash-done-queued-again"),
        _ => return super::done_words(code),
    })
}

#[derive(Deserialize, Default)]
pub struct HomeQuery {
    done: Option<String>,
}

pub async fn home(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<HomeQuery>,
) -> Result<Markup, DashboardError> {
    let (issues, counts) = state
        .database
        .run(|conn| -> diesel::QueryResult<_> {
            Ok((newsletter::issues(conn)?, newsletter::counts(conn)?))
        })
        .await?;
    Ok(views::home(
        &viewer(&signed),
        &issues,
        &counts,
        query.done.as_deref().and_then(done_words).as_deref(),
    ))
}

async fn confirmed_count(state: &AppState) -> Result<i64, DashboardError> {
    Ok(state.database.run(newsletter::counts).await?.confirmed)
}

#[derive(Deserialize, Default)]
pub struct WriteQuery {
    /// An event to announce: the form starts with its title, time, speakers and link.
    event: Option<String>,
    done: Option<String>,
}

/// A page with the preview of an issue, under a policy that lets the email's own styles
/// apply in its frame (they are the same for every issue, so a sample's are taken).
fn with_preview(state: &AppState, status: StatusCode, page: Markup) -> HttpResponse {
    let sample = newsletter::preview("", "", &state.public_url);
    let mut response = html_status(status, page);
    if let Ok(value) = header::HeaderValue::from_str(
        &crate::web::security::policy_allowing_styles_of(&sample.html),
    ) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

pub async fn write(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<WriteQuery>,
) -> Result<HttpResponse, DashboardError> {
    let values = match query.event.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => {
            let event = super::event_state(&state, slug.to_owned()).await?;
            announcement(&event, &state.public_url)
        }
        None => IssueValues::default(),
    };
    let confirmed = confirmed_count(&state).await?;
    Ok(with_preview(
        &state,
        StatusCode::OK,
        views::write(
            &viewer(&signed),
            &values,
            &FieldErrors::new(),
            None,
            confirmed,
            query.done.as_deref().and_then(done_words).as_deref(),
        ),
    ))
}

/// An issue announcing a published event: its title, when it is in its own time zone,
/// its speakers with their affiliations, and its public page.
pub fn announcement(event: &crate::reads::EventState, public_url: &str) -> IssueValues {
    let e = &event.event;
    if e.phase == Phase::Draft {
        return IssueValues::default();
    }
    let tz = tz_of(event);
    let mut body = format!(
        "**{}**\n\n{} – {}\n",
        e.title,
        local(e.starts_at.utc(), tz),
        local(e.ends_at.utc(), tz)
    );
    if !e.venue.is_empty() {
        body.push_str(&format!("\n{}\n", e.venue));
    }
    let speakers = &e.speakers.0;
    if !speakers.is_empty() {
        body.push_str("\nSpeakers:\n\n");
        for s in speakers {
            match s.affiliation.as_deref().filter(|a| !a.is_empty()) {
                Some(a) => body.push_str(&format!("- {} ({a})\n", s.name)),
                None => body.push_str(&format!("- {}\n", s.name)),
            }
        }
    }
    body.push_str(&format!(
        "\nDetails and registration: <{public_url}/events/{}>\n",
        e.slug
    ));
    IssueValues {
        subject: e.title.clone(),
        body,
    }
}

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    /// `preview`: only the preview, for the live update.
    #[serde(default)]
    part: String,
    /// On the final send: the number of subscribers the confirmation step named.
    #[serde(default)]
    expected: String,
}

fn values_of(form: &IssueForm) -> IssueValues {
    IssueValues {
        subject: form.subject.clone(),
        body: form.body.clone(),
    }
}

/// The form again with what is wrong next to its fields, nothing queued.
async fn refused(
    state: &AppState,
    signed: &SignedIn,
    form: &IssueForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, DashboardError> {
    let confirmed = confirmed_count(state).await?;
    Ok(with_preview(
        state,
        StatusCode::UNPROCESSABLE_ENTITY,
        views::write(
            &viewer(signed),
            &values_of(form),
            errors,
            None,
            confirmed,
            None,
        ),
    ))
}

pub async fn preview(
    state: web::Data<AppState>,
    posted: Posted<IssueForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let checked = issue_of(&form.subject, &form.body, None);
    if form.part == "preview" {
        // The live preview shows what there is so far, even while a field is empty.
        let sample = checked
            .ok()
            .map(|(subject, body, _)| newsletter::preview(&subject, &body, &state.public_url));
        return Ok(html(views::preview_part(sample.as_ref())));
    }
    match checked {
        Ok((subject, body, _)) => {
            let sample = newsletter::preview(&subject, &body, &state.public_url);
            let confirmed = confirmed_count(&state).await?;
            Ok(with_preview(
                &state,
                StatusCode::OK,
                views::write(
                    &viewer(&signed),
                    &values_of(&form),
                    &FieldErrors::new(),
                    Some(&sample),
                    confirmed,
                    None,
                ),
            ))
        }
        Err(errors) => refused(&state, &signed, &form, &errors).await,
    }
}

/// Sends the issue to the signed-in organizer's own address, and to nobody else.
pub async fn test(
    state: web::Data<AppState>,
    posted: Posted<IssueForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let (subject, body, _) = match issue_of(&form.subject, &form.body, None) {
        Ok(checked) => checked,
        Err(errors) => return refused(&state, &signed, &form, &errors).await,
    };
    let me = Email::parse(&signed.organizer.email).map_err(|_| {
        DashboardError(PageError::refused_with(
            StatusCode::CONFLICT,
            t!("dash-not-sent"),
            t!("dash-newsletter-cannot-receive"),
        ))
    })?;
    let (public_url, actor) = (state.public_url.clone(), signed.actor());
    let queued = state
        .database
        .run(move |conn| {
            newsletter::send_issue(conn, &public_url, &subject, &body, Some(&me), &actor)
        })
        .await?;
    Ok(see_other(&format!(
        "/organizer/newsletter/issues/{}?refresh=on&done=test",
        queued.id
    )))
}

pub async fn confirm(
    state: web::Data<AppState>,
    posted: Posted<IssueForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let (subject, body, _) = match issue_of(&form.subject, &form.body, None) {
        Ok(checked) => checked,
        Err(errors) => return refused(&state, &signed, &form, &errors).await,
    };
    let confirmed = confirmed_count(&state).await?;
    Ok(html(views::confirm(
        &viewer(&signed),
        &IssueValues { subject, body },
        confirmed,
    )))
}

pub async fn send(
    state: web::Data<AppState>,
    posted: Posted<IssueForm>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(signed, form) = posted;
    let (subject, body, _) = match issue_of(&form.subject, &form.body, None) {
        Ok(checked) => checked,
        Err(errors) => return refused(&state, &signed, &form, &errors).await,
    };
    let confirmed = confirmed_count(&state).await?;
    // Sent from the confirmation step only, which named the number: if it changed
    // meanwhile, the step is shown again with the new one rather than sending blind.
    if form.expected.trim().parse::<i64>().ok() != Some(confirmed) || confirmed == 0 {
        return Ok(html_status(
            StatusCode::CONFLICT,
            views::confirm(&viewer(&signed), &IssueValues { subject, body }, confirmed),
        ));
    }
    let (public_url, actor) = (state.public_url.clone(), signed.actor());
    let queued = state
        .database
        .run(move |conn| newsletter::send_issue(conn, &public_url, &subject, &body, None, &actor))
        .await?;
    Ok(see_other(&format!(
        "/organizer/newsletter/issues/{}?refresh=on&done=sent",
        queued.id
    )))
}

#[derive(Deserialize, Default)]
pub struct IssueQuery {
    refresh: Option<String>,
    done: Option<String>,
}

pub async fn issue(
    state: web::Data<AppState>,
    signed: SignedIn,
    id: web::Path<i64>,
    query: web::Query<IssueQuery>,
) -> Result<Markup, DashboardError> {
    let id = id.into_inner();
    let (issue, queued, delivery, failed) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let Some((issue, queued, delivery)) = newsletter::issue(conn, id)? else {
                return Ok(None);
            };
            let failed = newsletter::failed_emails(conn, &issue)?;
            Ok(Some((issue, queued, delivery, failed)))
        })
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    Ok(views::issue(
        &viewer(&signed),
        &issue,
        queued,
        &delivery,
        &failed,
        query.refresh.as_deref() == Some("on"),
        query.done.as_deref().and_then(done_words).as_deref(),
    ))
}

pub async fn retry(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    posted: Posted<NoFields>,
) -> Result<HttpResponse, DashboardError> {
    let Posted(_signed, _) = posted;
    let (id, email) = path.into_inner();
    let public_url = state.public_url.clone();
    let retried = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            let Some((issue, _, _)) = newsletter::issue(conn, id)? else {
                return Ok(None);
            };
            newsletter::retry_failed(conn, &public_url, &issue, email).map(Some)
        })
        .await?
        .ok_or(DashboardError(PageError::NotFound))?;
    match retried {
        Retried::Queued => Ok(see_other(&format!(
            "/organizer/newsletter/issues/{id}?refresh=on&done=retry"
        ))),
        Retried::NotFailed => Err(DashboardError(PageError::NotFound)),
        Retried::Gone => Err(DashboardError(PageError::refused_with(
            StatusCode::CONFLICT,
            t!("dash-newsletter-not-sent-again"),
            t!("dash-newsletter-gone"),
        ))),
    }
}

#[derive(Deserialize, Default)]
pub struct SubscribersQuery {
    q: Option<String>,
    page: Option<String>,
}

pub async fn subscribers(
    state: web::Data<AppState>,
    signed: SignedIn,
    query: web::Query<SubscribersQuery>,
) -> Result<Markup, DashboardError> {
    let q: String = query
        .q
        .as_deref()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(254)
        .collect();
    let page = query
        .page
        .as_deref()
        .and_then(|p| p.parse::<i64>().ok())
        .filter(|p| (1..=1_000_000).contains(p))
        .unwrap_or(1);
    let search = q.clone();
    let (rows, total) = state
        .database
        .run(move |conn| {
            newsletter::subscriber_page(conn, &search, (page - 1) * PAGE_SIZE, PAGE_SIZE)
        })
        .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    Ok(views::subscribers(
        &viewer(&signed),
        &rows,
        total,
        &q,
        page,
        pages,
    ))
}

/// Every subscriber as CSV: email, status, since (UTC, RFC 3339).
pub async fn export(
    state: web::Data<AppState>,
    _signed: SignedIn,
) -> Result<HttpResponse, DashboardError> {
    let rows = state.database.run(newsletter::subscribers).await?;
    // Through the project's CSV writer: no cell (an address may start with `=`) runs as a
    // formula in a spreadsheet.
    let written = (|| -> csv::Result<Vec<u8>> {
        let mut file = CsvFile::new(&["email", "status", "since"])?;
        for s in &rows {
            let (status, since) = status_of(s);
            file.row([s.email.as_str(), status, &since.to_rfc3339()])?;
        }
        file.into_bytes()
    })();
    let body = written.map_err(|_| DashboardError(PageError::Internal))?;
    Ok(csv_download("subscribers.csv", body))
}

/// The uploaded file and the form's CSRF token.
async fn read_import(mut form: Multipart) -> Result<(String, String), String> {
    let (mut csrf, mut file) = (String::new(), String::new());
    let mut size = 0usize;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| t!("dash-upload-unreadable", error = e.to_string()))?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| t!("dash-upload-unreadable", error = e.to_string()))?;
            size += chunk.len();
            if size > IMPORT_LIMIT {
                return Err(t!("dash-upload-file-too-large"));
            }
            bytes.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(bytes).map_err(|_| t!("dash-upload-not-text"))?;
        match name.as_str() {
            "csrf" => csrf = value,
            "file" => file = value,
            _ => {}
        }
    }
    Ok((csrf, file))
}

pub async fn import(
    state: web::Data<AppState>,
    signed: SignedIn,
    form: Multipart,
) -> Result<HttpResponse, DashboardError> {
    let (csrf, file) = match read_import(form).await {
        Ok(read) => read,
        Err(message) => {
            return Ok(html_status(
                StatusCode::BAD_REQUEST,
                crate::views::organizer::bare_message(&t!("dash-upload-file-unreadable"), &message),
            ))
        }
    };
    if let Err(refused) = signed.check(&csrf) {
        return Ok(refused.error_response());
    }
    if file.trim().is_empty() {
        return Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::views::organizer::bare_message(
                &t!("dash-newsletter-nothing-imported"),
                &t!("dash-newsletter-file-empty"),
            ),
        ));
    }
    let list = subscriber_list::read(&file);
    let addresses = list.addresses.clone();
    let (public_url, days) = (state.public_url.clone(), state.unconfirmed_days);
    let done = state
        .database
        .run(move |conn| newsletter::import(conn, &addresses, &public_url, days))
        .await?;
    Ok(html(views::imported(&viewer(&signed), &list, &done)))
}
