//! Handlers of the public and personal pages; forms work without JavaScript and every
//! action returns to the page it came from with its result.

use std::collections::BTreeMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use maud::Markup;
use serde::Deserialize;

use super::error::PageError;
use super::input::{answer_values, answers_of_form, ticked};
use super::respond::{
    form_config, html, html_bytes, html_status, personal_html, see_other, url_escape,
};
use super::{event_of, page_cache, registration_of_link, AppState};
use crate::domain::{
    join_of, Answers, FieldErrors, Join, Mode, PersonalAction, Preference, Questions, Status,
};
use crate::engine::EngineError;
use crate::mail::calendar::{
    ics_cancelled, ics_of, participant_entries, registration_uid, sequence, uid_host, CalendarEntry,
};
use crate::reads::{self, EventState, RegistrationState};
use crate::views::pages;
use actix_web::ResponseError as _;

async fn index(state: web::Data<AppState>) -> Result<Markup, PageError> {
    let now = Utc::now();
    let (all, names) = state
        .database
        .run(move |conn| -> diesel::QueryResult<_> {
            Ok((
                reads::published_events(conn, now)?,
                reads::series_names(conn)?,
            ))
        })
        .await?;
    let (past, upcoming): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|s| s.event.ends_at.utc() < now);
    Ok(pages::index(&upcoming, &past, &names))
}

/// A published event, or the page-not-found page.
async fn public_event(state: &AppState, slug: String) -> Result<EventState, PageError> {
    event_of(state, slug, false)
        .await?
        .ok_or(PageError::NotFound)
}

/// A registration by its personal link, or the page for a link that does not work.
async fn personal(
    state: &AppState,
    token: String,
) -> Result<(EventState, RegistrationState), PageError> {
    registration_of_link(state, token)
        .await?
        .ok_or(PageError::UnknownLink)
}

async fn event_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let now = Utc::now();
    // One copy of the page per language it is read in.
    let key = format!("{slug}#{}", crate::i18n::language());
    if let Some(body) = page_cache::get(&key, now) {
        return Ok(html_bytes(body));
    }
    let event = public_event(&state, slug.clone()).await?;
    let now = Utc::now();
    let markup = pages::event_page(
        &event,
        &pages::JoinValues::default(),
        &FieldErrors::new(),
        now,
    );
    let body = web::Bytes::from(markup.into_string());
    page_cache::put(&key, page_cache::PageOf::event(&event, now), body.clone());
    Ok(html_bytes(body))
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
    /// The answers to the event's questions (see [`answers_of_form`]).
    #[serde(flatten)]
    answers: BTreeMap<String, String>,
}

async fn join(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<JoinForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = form.into_inner();
    let event = public_event(&state, slug.clone()).await?;
    if !form.website.is_empty() {
        // Answer a bot exactly as a person, and store nothing.
        return Ok(html(pages::check_inbox(&event.event.title)));
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
        ticked(form.consent.as_deref()),
        // The page's language is the one their emails are written in.
        crate::i18n::language(),
    );
    let given = answers_of_form(&event.questions, &form.answers);
    let answers = Questions::parse(event.questions.clone()).unwrap_or_default();
    let answers = Answers::parse(&answers, given.clone());
    if let Err(more) = &answers {
        errors.extend(more.clone());
    }
    let values = pages::JoinValues {
        email: form.email,
        name: form.name,
        affiliation: form.affiliation,
        preference: form.preference,
        consent: ticked(form.consent.as_deref()),
        answers: answer_values(&given),
    };
    let join = match (joined, answers) {
        (Ok(join), Ok(answers)) if errors.is_empty() => Join { answers, ..join },
        (Ok(_), _) => return Ok(unprocessable(&event, &values, &errors)),
        (Err(more), _) => {
            errors.extend(more);
            return Ok(unprocessable(&event, &values, &errors));
        }
    };
    match state.engine.join(slug, join).await {
        Ok(_) => Ok(html(pages::check_inbox(&event.event.title))),
        Err(EngineError::Conflict(refusal)) => Err(PageError::refused(
            t!("error-registration-not-possible-title"),
            crate::web::words::refusal(&refusal),
        )),
        Err(e) => Err(e.into()),
    }
}

fn unprocessable(
    event: &EventState,
    values: &pages::JoinValues,
    errors: &FieldErrors,
) -> HttpResponse {
    html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        pages::event_page(event, values, errors, Utc::now()),
    )
}

#[derive(Deserialize)]
struct Flash {
    done: Option<String>,
    problem: Option<String>,
}

fn done_words(done: &str) -> Option<String> {
    Some(match done {
        "confirm-email" => t!("done-confirm-email"),
        "accept" => t!("done-accept"),
        "decline" => t!("done-decline"),
        "cancel" => t!("done-cancel"),
        "switch" => t!("done-switch"),
        "wait-for" => t!("done-wait-for"),
        "leave-wait" => t!("done-leave-wait"),
        "attend-virtually" => t!("done-attend-virtually"),
        "reconfirm" => t!("done-reconfirm"),
        _ => return None,
    })
}

async fn personal_page(
    state: web::Data<AppState>,
    token: web::Path<String>,
    flash: web::Query<Flash>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (event, registration) = personal(&state, token.clone()).await?;
    // Opening the link from the confirm-your-address email is the confirmation.
    if registration.status == Status::PendingEmail && flash.problem.is_none() {
        let confirmed = state
            .engine
            .personal(token.clone(), PersonalAction::ConfirmEmail)
            .await;
        return match confirmed {
            Ok(_) => Ok(see_other(&format!("/r/{token}?done=confirm-email"))),
            Err(EngineError::Conflict(refusal)) => Ok(see_other(&format!(
                "/r/{token}?problem={}",
                url_escape(&crate::web::words::refusal(&refusal))
            ))),
            Err(e) => Err(e.into()),
        };
    }
    let done = flash.done.as_deref().and_then(done_words);
    let check_in = format!(
        "{}{}",
        state.public_url,
        crate::mail::qr::check_in_path(registration.row.id.0)
    );
    let id = registration.row.id;
    let earlier = state
        .database
        .run(move |conn| reads::answers_of(conn, id))
        .await?;
    let accept = pages::AcceptValues {
        answers: given_before(&earlier),
        errors: FieldErrors::new(),
    };
    Ok(personal_html(pages::personal_page(
        &event,
        &registration,
        &token,
        done.as_deref(),
        flash.problem.as_deref(),
        &accept,
        Utc::now(),
        &check_in,
    )))
}

/// Answers given before, to fill the accept form with.
fn given_before(earlier: &Answers) -> crate::views::questions::AnswerValues {
    earlier
        .iter()
        .map(|(key, values)| (key.to_owned(), values.to_vec()))
        .collect()
}

#[derive(Deserialize)]
struct ActionForm {
    mode: Option<String>,
    confirm: Option<String>,
    /// Present when the form showed the event's questions (the accept form).
    questions: Option<String>,
    /// The answers to the event's questions (see [`answers_of_form`]).
    #[serde(flatten)]
    answers: BTreeMap<String, String>,
}

/// What accepting from the personal page came to.
enum Accepted {
    /// The engine's answer to the accept.
    Done(Result<(), EngineError>),
    /// An answer was refused: the page again, with the error next to its question.
    Refused(Markup),
}

/// Accepting from the personal page takes and checks the answers as the API does.
async fn accept(
    state: &AppState,
    token: String,
    action: PersonalAction,
    form: &ActionForm,
) -> Result<Accepted, PageError> {
    let (event, registration) = personal(state, token.clone()).await?;
    let id = registration.row.id;
    let earlier = state
        .database
        .run(move |conn| reads::answers_of(conn, id))
        .await?;
    let given = match form.questions.as_deref() {
        Some("shown") => answers_of_form(&event.questions, &form.answers),
        _ => BTreeMap::new(),
    };
    let questions = Questions::parse(event.questions.clone()).unwrap_or_default();
    match Answers::parse_over(&questions, given.clone(), &earlier) {
        Ok(answers) => Ok(Accepted::Done(
            state
                .engine
                .personal_answered(token, action, answers)
                .await
                .map(|_| ()),
        )),
        Err(errors) => {
            let mut answers = given_before(&earlier);
            answers.extend(answer_values(&given));
            let values = pages::AcceptValues { answers, errors };
            let check_in = format!(
                "{}{}",
                state.public_url,
                crate::mail::qr::check_in_path(registration.row.id.0)
            );
            let page = pages::personal_page(
                &event,
                &registration,
                &token,
                None,
                None,
                &values,
                Utc::now(),
                &check_in,
            );
            Ok(Accepted::Refused(page))
        }
    }
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
        ("attend-virtually", _) => PersonalAction::AttendVirtually,
        ("reconfirm", _) => PersonalAction::Reconfirm,
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
) -> Result<HttpResponse, PageError> {
    let (token, name) = path.into_inner();
    let mode = form.mode.as_deref().and_then(|m| m.parse::<Mode>().ok());
    let action = personal_action_of(&name, mode).ok_or(PageError::NotFound)?;
    // Without JavaScript the only safe way to ask "are you sure?" is a page of its own.
    if pages::needs_confirmation(&name) && form.confirm.as_deref() != Some("yes") {
        return Ok(see_other(&confirm_location(&token, &name, mode)));
    }
    let done = if action == PersonalAction::Erase {
        state.engine.erase(token.clone()).await
    } else if let PersonalAction::Accept(_) = action {
        match accept(&state, token.clone(), action, &form).await? {
            Accepted::Done(done) => done,
            Accepted::Refused(page) => {
                let mut response = personal_html(page);
                *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                return Ok(response);
            }
        }
    } else {
        state
            .engine
            .personal(token.clone(), action)
            .await
            .map(|_| ())
    };
    match done {
        Ok(_) if action == PersonalAction::Erase => Ok(html(pages::message(
            &t!("erased-title"),
            &t!("erased-text"),
        ))),
        Ok(_) => Ok(see_other(&format!("/r/{token}?done={name}"))),
        Err(EngineError::Conflict(refusal)) => Ok(see_other(&format!(
            "/r/{token}?problem={}",
            url_escape(&crate::web::words::refusal(&refusal))
        ))),
        Err(e) => Err(e.into()),
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
) -> Result<HttpResponse, PageError> {
    let (token, name) = path.into_inner();
    let mode = query.mode.as_deref().and_then(|m| m.parse::<Mode>().ok());
    if !pages::needs_confirmation(&name) {
        return Err(PageError::NotFound);
    }
    let (event, registration) = personal(&state, token.clone()).await?;
    Ok(
        match pages::confirm_page(&event, &registration, &token, &name, mode) {
            Some(markup) => personal_html(markup),
            // The action no longer applies (e.g. the offer lapsed meanwhile).
            None => see_other(&format!("/r/{token}")),
        },
    )
}

async fn calendar(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let (event, registration) = registration_of_link(&state, token.clone())
        .await?
        .ok_or(PageError::NotFound)?;
    let (event_id, registration_id) = (event.event.id, registration.row.id);
    let changes = state
        .database
        .run(move |conn| reads::calendar_changes(conn, event_id, Some(registration_id), Utc::now()))
        .await?;
    // An ended registration takes its entries back (one that never had a seat has none in
    // a calendar, and cancelling a UID a calendar does not hold changes nothing).
    let cancelled = match registration.status {
        Status::Confirmed => false,
        status if status.is_ended() && (changes.had_seat || registration.mode.is_some()) => true,
        _ => return Err(PageError::NotFound),
    };
    let e = &event.event;
    let link = format!("{}/r/{token}", state.public_url);
    let location = match registration.mode {
        Some(Mode::Virtual) => e
            .meeting_url
            .clone()
            .unwrap_or_else(|| t!("mail-fact-online")),
        _ => e.venue.clone(),
    };
    let whole = CalendarEntry {
        uid: registration_uid(registration.row.id.0, &uid_host(&state.public_url)),
        sequence: sequence(changes.count),
        title: e.title.clone(),
        description: &e.description,
        starts_at: e.starts_at.utc(),
        ends_at: e.ends_at.utc(),
        location: &location,
        url: &link,
    };
    let body = if cancelled {
        ics_cancelled(
            &e.title,
            &participant_entries(whole, &event.programme, None),
        )
    } else {
        ics_of(
            &e.title,
            &participant_entries(whole, &event.programme, registration.mode),
        )
    };
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.ics\"", e.slug),
        ))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .body(body))
}

async fn privacy(state: web::Data<AppState>) -> Markup {
    pages::privacy(
        &crate::views::site(),
        state.retention_days,
        state.unconfirmed_days,
    )
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
        "check-in.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/check-in.js"),
    ),
    (
        "newsletter.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/newsletter.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_str!("../../static/favicon.svg"),
    ),
];

#[derive(Deserialize)]
struct LanguageChoice {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

/// Where a language choice may return to: a path of this site, never another site
/// (`//host`, or a backslash in place of a slash, is another site to a browser).
fn same_site_path(back: &str) -> &str {
    let ours = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && !back.chars().any(char::is_control);
    if ours {
        back
    } else {
        "/"
    }
}

/// The footer's language choice: kept in a cookie for a year, then back to the page.
async fn choose_language(choice: web::Query<LanguageChoice>) -> Result<HttpResponse, PageError> {
    use crate::domain::Language;
    let Ok(language) = choice.to.parse::<Language>() else {
        let tags = Language::tags();
        return Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::message(
                &t!("language-unknown-title"),
                &t!("language-unknown", tags = tags),
            ),
        ));
    };
    let cookie = actix_web::cookie::Cookie::build(super::LANGUAGE_COOKIE, language.tag())
        .path("/")
        .max_age(actix_web::cookie::time::Duration::days(365))
        .same_site(actix_web::cookie::SameSite::Lax)
        .http_only(true)
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, same_site_path(&choice.back).to_owned()))
        .cookie(cookie)
        .finish())
}

async fn asset(name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (_, content_type, body) = ASSETS
        .iter()
        .find(|(file, _, _)| *file == name.as_str())
        .ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(*body))
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
        .route("/language", web::get().to(choose_language))
        .route("/static/{file}", web::get().to(asset))
        .default_service(web::to(|| async { PageError::NotFound.error_response() }));
}

#[cfg(test)]
mod tests {
    use super::same_site_path;

    #[test]
    fn a_language_choice_returns_only_to_this_site() {
        assert_eq!(
            same_site_path("/events/x?done=joined"),
            "/events/x?done=joined"
        );
        assert_eq!(same_site_path("/"), "/");
        for elsewhere in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "",
            "/\r\nX: y",
        ] {
            assert_eq!(same_site_path(elsewhere), "/", "{elsewhere:?}");
        }
    }
}
