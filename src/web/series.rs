//! Public webinar series: the series page, and the calendar feeds anyone may subscribe
//! to (every published event, or one series). The feeds hold what the public pages show
//! and nothing else: no meeting link, no person.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use icalendar::{Calendar, CalendarDateTime, Component, EventLike};
use maud::Markup;

use super::error::PageError;
use super::AppState;
use crate::mail::calendar::{event_uid, sequence, uid_host};
use crate::markdown::to_text;
use crate::reads::{self, EventState};
use crate::views::series as views;

/// The series of this slug with its episodes as of now, or not found.
async fn series_of(state: &AppState, slug: String) -> Result<reads::SeriesPage, PageError> {
    let now = Utc::now();
    state
        .database
        .run(move |conn| reads::series_page(conn, &slug, now))
        .await?
        .ok_or(PageError::NotFound)
}

async fn series_page(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<Markup, PageError> {
    Ok(views::series_page(
        &series_of(&state, slug.into_inner()).await?,
    ))
}

async fn series_feed(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let page = series_of(&state, slug.into_inner()).await?;
    let events: Vec<&EventState> = page.upcoming.iter().chain(&page.past).collect();
    Ok(feed_response(
        &format!("{}.ics", page.slug),
        feed(&state.public_url, &page.title, &events),
    ))
}

async fn events_feed(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let now = Utc::now();
    let all = state
        .database
        .run(move |conn| reads::published_events(conn, now))
        .await?;
    let events: Vec<&EventState> = all.iter().collect();
    let name = crate::views::site().name.clone();
    Ok(feed_response(
        "events.ics",
        feed(&state.public_url, &name, &events),
    ))
}

fn feed_response(filename: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        // Calendar apps poll; a few minutes' delay is what they expect anyway.
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .body(body)
}

/// A time in the event's own zone, as `DTSTART;TZID=Europe/Copenhagen:…`.
fn zoned(at: chrono::DateTime<Utc>, tz: chrono_tz::Tz) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: at.with_timezone(&tz).naive_local(),
        tzid: tz.name().to_owned(),
    }
}

/// The feed of these events: one entry per event, with the event's UID (the same as in
/// the organizers' feed) and a SEQUENCE that grows with every change of its settings
/// (the seconds between its creation and its last change; registrations change nothing
/// here).
pub fn feed(public_url: &str, name: &str, events: &[&EventState]) -> String {
    let host = uid_host(public_url);
    let mut calendar = Calendar::new();
    calendar.name(name);
    for state in events {
        let e = &state.event;
        let changed = (e.updated_at.utc() - e.created_at.utc()).num_seconds();
        let title = match &e.code {
            Some(code) => format!("{code}: {}", e.title),
            None => e.title.clone(),
        };
        let location = if e.in_person_capacity > 0 && !e.venue.is_empty() {
            e.venue.clone()
        } else {
            t!("mail-fact-online")
        };
        let mut description = to_text(&e.description);
        if !e.speakers.0.is_empty() {
            let names: Vec<String> = e
                .speakers
                .0
                .iter()
                .map(|s| match &s.affiliation {
                    Some(a) => format!("{} ({a})", s.name),
                    None => s.name.clone(),
                })
                .collect();
            description = format!(
                "{}: {}\n\n{description}",
                t!("series-speakers"),
                names.join(", ")
            );
        }
        let tz = e.timezone.0;
        calendar.push(
            icalendar::Event::new()
                .uid(&event_uid(e.id.0, &host))
                .sequence(sequence(changed))
                .summary(&title)
                .description(&description)
                .starts(zoned(e.starts_at.utc(), tz))
                .ends(zoned(e.ends_at.utc(), tz))
                .location(&location)
                .url(&format!("{public_url}/events/{}", e.slug))
                .timestamp(e.updated_at.utc())
                .done(),
        );
    }
    calendar.done().to_string()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events.ics", web::get().to(events_feed))
        .route("/series/{slug}.ics", web::get().to(series_feed))
        .route("/series/{slug}", web::get().to(series_page));
}
