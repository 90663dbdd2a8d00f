//! Handlers of the public and personal pages; forms work without JavaScript and every
//! action returns to the page it came from with its result.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::api::join_of;
use super::error::ApiError;
use super::{page_cache, read, AppState};
use crate::domain::{Mode, Phase, Preference, Status};
use crate::engine::{Command, EngineError, FieldErrors, PersonalAction};
use crate::mail::calendar::{ics, registration_uid, sequence, uid_host, CalendarEntry};
use crate::reads;
use crate::store::{audit, events, from_db_time, to_db_time};
use crate::views::pages;

pub(super) fn html(markup: maud::Markup) -> HttpResponse {
    html_bytes(markup.into_string().into())
}

fn html_bytes(body: web::Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

fn page_status(status: actix_web::http::StatusCode, title: &str, text: &str) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(pages::message(title, text).into_string())
}

fn not_found() -> HttpResponse {
    page_status(actix_web::http::StatusCode::NOT_FOUND, "Page not found", "There is nothing at this address. The link may be mistyped, or the page may have been removed.")
}

pub(super) fn failure(error: ApiError) -> HttpResponse {
    match error.status.as_u16() {
        404 => not_found(),
        503 => page_status(
            error.status,
            "Please try again",
            "The service is busy or briefly unavailable. Please try again in a moment.",
        ),
        _ => page_status(
            error.status,
            "Something went wrong",
            "Something went wrong on our side. Please try again later.",
        ),
    }
}

async fn index(state: web::Data<AppState>) -> HttpResponse {
    let now = Utc::now();
    let found = read(&state, move |conn| {
        let mut all = Vec::new();
        for row in events::published(conn)? {
            all.push(reads::event_state(conn, row, now)?);
        }
        Ok(all)
    })
    .await;
    match found {
        Ok(all) => {
            let (past, upcoming): (Vec<_>, Vec<_>) = all
                .into_iter()
                .partition(|s| from_db_time(s.event.ends_at) < now);
            html(pages::index(&upcoming, &past))
        }
        Err(e) => failure(e),
    }
}

async fn public_event(state: &AppState, slug: String) -> Result<reads::EventState, ApiError> {
    let found = read(state, move |conn| {
        Ok(reads::event_by_slug(conn, &slug, Utc::now())?)
    })
    .await?;
    let event = found
        .filter(|s| s.event.phase != Phase::Draft.as_str())
        .ok_or_else(|| ApiError::not_found("event"))?;
    if event.needs_settling {
        state.engine.nudge(Command::Settle {
            event_id: event.event.id,
        });
    }
    Ok(event)
}

async fn event_page(state: web::Data<AppState>, slug: web::Path<String>) -> HttpResponse {
    let slug = slug.into_inner();
    let now = Utc::now();
    if let Some(body) = page_cache::get(&slug, now) {
        return html_bytes(body);
    }
    match public_event(&state, slug.clone()).await {
        Ok(event) => {
            let now = Utc::now();
            let markup = pages::event_page(
                &event,
                &pages::JoinValues::default(),
                &FieldErrors::new(),
                now,
            );
            let body = web::Bytes::from(markup.into_string());
            page_cache::put(&slug, &event, now, body.clone());
            html_bytes(body)
        }
        Err(e) => failure(e),
    }
}

#[derive(Deserialize, Default)]
pub struct JoinForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    affiliation: String,
    #[serde(default)]
    preference: String,
    #[serde(default)]
    consent: Option<String>,
    /// The honeypot: people leave it empty, form-filling bots do not.
    #[serde(default)]
    website: String,
}

async fn join(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<JoinForm>,
) -> HttpResponse {
    let slug = slug.into_inner();
    let form = form.into_inner();
    let event = match public_event(&state, slug.clone()).await {
        Ok(event) => event,
        Err(e) => return failure(e),
    };
    if !form.website.is_empty() {
        // Answer a bot exactly as a person, and store nothing.
        return html(pages::check_inbox(&event.event.title));
    }
    let mut errors = FieldErrors::new();
    let preference = match form.preference.parse::<Preference>() {
        Ok(p) => Some(p),
        Err(_) => {
            errors.insert(
                "preference".into(),
                vec!["please choose how you would like to attend".into()],
            );
            None
        }
    };
    let joined = join_of(
        &form.email,
        &form.name,
        Some(&form.affiliation),
        preference.unwrap_or(Preference::Either),
        form.consent.is_some(),
    );
    let values = pages::JoinValues {
        email: form.email,
        name: form.name,
        affiliation: form.affiliation,
        preference: form.preference,
        consent: form.consent.is_some(),
    };
    let join = match joined {
        Ok(join) if errors.is_empty() => join,
        Ok(_) => return unprocessable(&event, &values, &errors),
        Err(more) => {
            errors.extend(more);
            return unprocessable(&event, &values, &errors);
        }
    };
    match state.engine.submit(Command::Join { slug, join }).await {
        Ok(_) => html(pages::check_inbox(&event.event.title)),
        Err(EngineError::Conflict(message)) => page_status(
            actix_web::http::StatusCode::CONFLICT,
            "Registration is not possible",
            &message,
        ),
        Err(e) => failure(e.into()),
    }
}

fn unprocessable(
    event: &reads::EventState,
    values: &pages::JoinValues,
    errors: &FieldErrors,
) -> HttpResponse {
    HttpResponse::UnprocessableEntity()
        .content_type("text/html; charset=utf-8")
        .body(pages::event_page(event, values, errors, Utc::now()).into_string())
}

#[derive(Deserialize)]
struct Flash {
    done: Option<String>,
    problem: Option<String>,
}

fn done_words(done: &str) -> Option<&'static str> {
    Some(match done {
        "confirm-email" => "Thank you: your address is confirmed.",
        "accept" => "Done: your seat is confirmed. A confirmation is on its way by email.",
        "decline" => "Done: you declined, and the seat goes to the next person.",
        "cancel" => "Done: you have left, and your place goes to the next person.",
        "switch" => "Done: you switched mode. An updated calendar file is on its way by email.",
        "wait-for" => "Done: you keep your seat and wait for the other mode.",
        "leave-wait" => "Done: you no longer wait for the other mode.",
        _ => return None,
    })
}

async fn personal_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
    flash: web::Query<Flash>,
) -> HttpResponse {
    let token = token.into_inner();
    let lookup = token.clone();
    let found = read(&state, move |conn| {
        Ok(reads::by_token(conn, &lookup, Utc::now())?)
    })
    .await;
    let (event, registration) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return unknown_link(),
        Err(e) => return failure(e),
    };
    // Opening the link from the confirm-your-address email is the confirmation.
    if registration.status == Status::PendingEmail && flash.problem.is_none() {
        return match state
            .engine
            .submit(Command::Personal {
                token: token.clone(),
                action: PersonalAction::ConfirmEmail,
            })
            .await
        {
            Ok(_) => see_other(&format!("/r/{token}?done=confirm-email")),
            Err(EngineError::Conflict(message)) => {
                see_other(&format!("/r/{token}?problem={}", url_escape(&message)))
            }
            Err(e) => failure(e.into()),
        };
    }
    if event.needs_settling {
        state.engine.nudge(Command::Settle {
            event_id: event.event.id,
        });
    }
    let done = flash.done.as_deref().and_then(done_words);
    let markup = pages::personal_page(
        &event,
        &registration,
        &token,
        done,
        flash.problem.as_deref(),
        Utc::now(),
    );
    personal_html(markup)
}

/// A page under a personal link: the link is the credential, so it must not leak to the
/// sites the page links to.
fn personal_html(markup: maud::Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(markup.into_string())
}

fn unknown_link() -> HttpResponse {
    page_status(
        actix_web::http::StatusCode::NOT_FOUND,
        "This link does not work",
        "This personal link is unknown, or it was used to erase the registration's data. If you registered, the newest email about your registration has a working link; or register again from the event page.",
    )
}

fn url_escape(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

#[derive(Deserialize)]
struct ActionForm {
    mode: Option<String>,
    confirm: Option<String>,
}

fn personal_action_of(name: &str, mode: Option<Mode>) -> Option<PersonalAction> {
    Some(match (name, mode) {
        ("confirm-email", _) => PersonalAction::ConfirmEmail,
        ("accept", mode) => PersonalAction::Accept(mode),
        ("decline", _) => PersonalAction::Decline,
        ("cancel", _) => PersonalAction::Cancel,
        ("switch", Some(mode)) => PersonalAction::Switch(mode),
        ("wait-for", Some(mode)) => PersonalAction::WaitFor(mode),
        ("leave-wait", _) => PersonalAction::LeaveWait,
        ("erase", _) => PersonalAction::Erase,
        _ => return None,
    })
}

fn confirm_location(token: &str, name: &str, mode: Option<Mode>) -> String {
    match mode {
        Some(mode) => format!("/r/{token}/{name}?mode={}", mode.as_str()),
        None => format!("/r/{token}/{name}"),
    }
}

async fn personal_action(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<ActionForm>,
) -> HttpResponse {
    let (token, name) = path.into_inner();
    let mode = form.mode.as_deref().and_then(|m| m.parse::<Mode>().ok());
    let Some(action) = personal_action_of(&name, mode) else {
        return not_found();
    };
    // Without JavaScript the only safe way to ask "are you sure?" is a page of its own.
    if pages::needs_confirmation(&name) && form.confirm.as_deref() != Some("yes") {
        return see_other(&confirm_location(&token, &name, mode));
    }
    match state
        .engine
        .submit(Command::Personal {
            token: token.clone(),
            action,
        })
        .await
    {
        Ok(_) if action == PersonalAction::Erase => html(pages::message(
            "Your data is erased",
            "Your registration is cancelled and your name, email address and affiliation have been removed. This link no longer works.",
        )),
        Ok(_) => see_other(&format!("/r/{token}?done={name}")),
        Err(EngineError::Conflict(message)) => {
            see_other(&format!("/r/{token}?problem={}", url_escape(&message)))
        }
        Err(e) => failure(e.into()),
    }
}

#[derive(Deserialize)]
struct ModeQuery {
    mode: Option<String>,
}

/// The confirmation step of an action that cannot be undone.
async fn confirm_action(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<ModeQuery>,
) -> HttpResponse {
    let (token, name) = path.into_inner();
    let mode = query.mode.as_deref().and_then(|m| m.parse::<Mode>().ok());
    if !pages::needs_confirmation(&name) {
        return not_found();
    }
    let lookup = token.clone();
    let found = read(&state, move |conn| {
        Ok(reads::by_token(conn, &lookup, Utc::now())?)
    })
    .await;
    match found {
        Ok(Some((event, registration))) => {
            match pages::confirm_page(&event, &registration, &token, &name, mode) {
                Some(markup) => personal_html(markup),
                // The action no longer applies (e.g. the offer lapsed meanwhile).
                None => see_other(&format!("/r/{token}")),
            }
        }
        Ok(None) => unknown_link(),
        Err(e) => failure(e),
    }
}

async fn calendar(state: web::Data<AppState>, token: web::Path<String>) -> HttpResponse {
    let token = token.into_inner();
    let lookup = token.clone();
    let found = read(&state, move |conn| {
        let now = Utc::now();
        let Some((event, registration)) = reads::by_token(conn, &lookup, now)? else {
            return Ok(None);
        };
        let changes = audit::calendar_changes(
            conn,
            event.event.id,
            Some(registration.row.id),
            to_db_time(now),
        )?;
        Ok(Some((event, registration, changes)))
    })
    .await;
    let (event, registration, changes) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(e) => return failure(e),
    };
    if registration.status != Status::Confirmed {
        return not_found();
    }
    let e = &event.event;
    let link = format!("{}/r/{token}", state.public_url);
    let location = match registration.mode {
        Some(Mode::Virtual) => e.meeting_url.clone().unwrap_or_else(|| "Online".into()),
        _ => e.venue.clone(),
    };
    let body = ics(&CalendarEntry {
        uid: registration_uid(registration.row.id, &uid_host(&state.public_url)),
        sequence: sequence(changes.count),
        title: &e.title,
        description: &e.description,
        starts_at: from_db_time(e.starts_at),
        ends_at: from_db_time(e.ends_at),
        location: &location,
        url: &link,
    });
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.ics\"", e.slug),
        ))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(body)
}

async fn privacy() -> HttpResponse {
    html(pages::privacy())
}

/// The files of `static/`, compiled into the binary so it serves them from any directory.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../../static/style.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/app.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_str!("../../static/favicon.svg"),
    ),
];

async fn asset(name: web::Path<String>) -> HttpResponse {
    match ASSETS.iter().find(|(file, _, _)| *file == name.as_str()) {
        Some((_, content_type, body)) => HttpResponse::Ok()
            .content_type(*content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
            .body(*body),
        None => not_found(),
    }
}

/// A form body that cannot be read at all (not a browser's doing) gets a page, not text.
pub(super) fn form_config() -> web::FormConfig {
    web::FormConfig::default()
        .limit(16 * 1024)
        .error_handler(|error, _| {
            let response = page_status(
                actix_web::http::StatusCode::BAD_REQUEST,
                "The form could not be read",
                "The form arrived incomplete or in a form we cannot read. Please go back and send it again.",
            );
            actix_web::error::InternalError::from_response(error, response).into()
        })
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(index))
        .route("/events/{slug}", web::get().to(event_page))
        .service(
            web::resource("/events/{slug}/join")
                .app_data(form_config())
                .route(web::post().to(join))
                // An address copied from the bar after sending the form leads back to it.
                .route(web::get().to(|slug: web::Path<String>| async move {
                    see_other(&format!("/events/{}", url_escape(&slug)))
                })),
        )
        .route("/r/{token}", web::get().to(personal_page))
        .route("/r/{token}/calendar.ics", web::get().to(calendar))
        .service(
            web::resource("/r/{token}/{action}")
                .app_data(form_config())
                .route(web::get().to(confirm_action))
                .route(web::post().to(personal_action)),
        )
        .route("/privacy", web::get().to(privacy))
        .route("/static/{file}", web::get().to(asset))
        .default_service(web::to(|| async { not_found() }));
}
