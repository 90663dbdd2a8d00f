//! The organizer dashboard: one layout with the dashboard's navigation, shared components
//! (CSRF field, seat gauge, status badge, pagination, the chart) and one module per page.
//! Nothing here uses inline scripts or style attributes: drawing is done with SVG
//! attributes and classes from `static/organizer.css`.

pub mod calendar;
pub mod check_in;
pub mod episode;
pub mod events;
pub mod invitations;
pub mod languages;
pub mod logs;
pub mod messages;
pub mod newsletter;
pub mod notices;
pub mod overview;
pub mod programme;
pub mod questions;
pub mod registrations;
pub mod representation;
pub mod sign_in;
pub mod site;
pub mod team;
pub mod tokens;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use maud::{html, Markup, Render, DOCTYPE};

use crate::domain::{Mode, Role, Status};
use crate::reads::EventState;

pub const STYLESHEET: &str = include_str!("../../../static/organizer.css");

/// Who is signed in, as the layout shows it.
pub struct Viewer<'a> {
    pub email: &'a str,
    pub csrf: &'a str,
    pub role: Role,
}

fn head(title: &str, refresh_seconds: Option<u32>) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            @if let Some(seconds) = refresh_seconds {
                meta http-equiv="refresh" content=(seconds);
            }
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="referrer" content="same-origin";
            title { (t!("dash-head-title", page = title, site = super::site().name.as_str())) }
            link rel="stylesheet" href="/static/style.css";
            link rel="stylesheet" href="/static/organizer.css";
        }
    }
}

pub fn layout(title: &str, viewer: &Viewer<'_>, content: impl Render) -> Markup {
    layout_refreshing(title, viewer, None, content)
}

/// The layout of a page that reloads itself every `refresh_seconds`, if given, to show
/// progress without a script.
pub fn layout_refreshing(
    title: &str,
    viewer: &Viewer<'_>,
    refresh_seconds: Option<u32>,
    content: impl Render,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(crate::i18n::language().tag()) {
            (head(title, refresh_seconds))
            body.dashboard {
                header.site.dash-bar {
                    nav aria-label=(t!("dash-nav-label")) {
                        a href="/organizer" { (t!("dash-nav-events")) }
                        // A helper at the door sees only what their role opens.
                        @if viewer.role != Role::CheckIn {
                            a href="/organizer/newsletter" { (t!("dash-nav-newsletter")) }
                            a href="/organizer/outbox" { (t!("dash-nav-outbox")) }
                            a href="/organizer/tokens" { (t!("dash-nav-tokens")) }
                            a href="/organizer/calendar" { (t!("dash-nav-calendar")) }
                            a href="/organizer/site" { (t!("dash-nav-site")) }
                        }
                        @if viewer.role == Role::Owner {
                            a href="/organizer/team" { (t!("dash-nav-team")) }
                        }
                    }
                    div.who {
                        span { (viewer.email) }
                        form.inline method="post" action="/organizer/logout" {
                            (csrf_field(viewer.csrf))
                            button.secondary type="submit" { (t!("dash-nav-sign-out")) }
                        }
                    }
                }
                main.wide { (content) }
            }
        }
    }
}

/// A page for someone who is not signed in (sign-in, password, refusals).
pub fn bare(title: &str, content: impl Render) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(crate::i18n::language().tag()) {
            (head(title, None))
            body {
                header.site { a href="/organizer" { (t!("dash-bare-header", site = super::site().name.as_str())) } }
                main { (content) }
            }
        }
    }
}

pub fn bare_message(title: &str, text: &str) -> Markup {
    bare(
        title,
        html! {
            h1 { (title) }
            p.notice { (text) }
        },
    )
}

pub fn csrf_field(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// A one-button form posting to `action`.
pub fn button_form(viewer: &Viewer<'_>, action: &str, label: &str, class: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(viewer.csrf))
            button type="submit" class=(class) { (label) }
        }
    }
}

pub fn flash(done: Option<&str>, problem: Option<&str>) -> Markup {
    html! {
        @if let Some(done) = done { p.notice.ok role="status" { (done) } }
        @if let Some(problem) = problem { p.notice.bad role="alert" { (problem) } }
    }
}

/// The tabs of one event's pages.
pub fn event_tabs(slug: &str, current: &str) -> Markup {
    let tabs = [
        ("", t!("dash-tab-overview")),
        ("/check-in", t!("dash-tab-check-in")),
        ("/invitations", t!("dash-tab-invitations")),
        ("/registrations", t!("dash-tab-registrations")),
        ("/line", t!("dash-tab-line")),
        ("/capacity", t!("dash-tab-capacity")),
        ("/message", t!("dash-tab-messages")),
        ("/edit", t!("dash-tab-settings")),
        ("/programme", t!("dash-tab-programme")),
        ("/questions", t!("dash-tab-questions")),
        ("/groups", t!("dash-tab-groups")),
        ("/representation", t!("dash-tab-representation")),
        ("/audit", t!("dash-tab-audit")),
    ];
    html! {
        nav.tabs aria-label=(t!("dash-tab-label")) {
            @for (path, label) in tabs {
                @if path == current {
                    a.current href={"/organizer/events/" (slug) (path)} aria-current="page" { (label) }
                } @else {
                    a href={"/organizer/events/" (slug) (path)} { (label) }
                }
            }
        }
    }
}

pub fn tz_of(state: &EventState) -> Tz {
    state.event.timezone.0
}

/// The dashboard's way of writing a time, parsed once: a page of registrations writes up
/// to three per row, and each parsed the format string anew.
static LOCAL_TIME: std::sync::LazyLock<Vec<chrono::format::Item<'static>>> =
    std::sync::LazyLock::new(|| {
        chrono::format::StrftimeItems::new("%a %-d %b %Y, %H:%M %Z")
            .parse_to_owned()
            .expect("a valid time format")
    });

pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format_with_items(LOCAL_TIME.iter())
        .to_string()
}

/// When an event takes place, in its own time zone.
pub fn when(state: &EventState) -> String {
    let tz = tz_of(state);
    format!(
        "{} – {}",
        local(state.event.starts_at.utc(), tz),
        local(state.event.ends_at.utc(), tz)
    )
}

pub fn mode_name(mode: Mode) -> String {
    match mode {
        Mode::InPerson => t!("dash-mode-in-person"),
        Mode::Virtual => t!("dash-mode-virtual"),
    }
}

/// A mode in the middle of a sentence: "in person", "virtual".
pub fn mode_word(mode: Mode) -> String {
    t!("dash-mode-word", mode = mode.as_str())
}

pub fn a_seat(mode: Mode) -> String {
    match mode {
        Mode::InPerson => t!("dash-seat-in-person"),
        Mode::Virtual => t!("dash-seat-virtual"),
    }
}

/// A status as the dashboard names it.
pub fn status_name(status: Status) -> String {
    t!("dash-status", status = status.as_str())
}

pub fn status_badge(status: Status) -> Markup {
    status_badge_named(status, &status_name(status))
}

/// A status badge with its name already looked up.
pub fn status_badge_named(status: Status, name: &str) -> Markup {
    html! { span class={"badge status-" (status.as_str())} { (name) } }
}

/// The seats of one mode, split the way organizers plan with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gauge {
    pub capacity: Option<u32>,
    pub confirmed: u32,
    pub invited: u32,
    pub offered: u32,
    pub free: Option<u32>,
    pub waiting: u32,
}

pub fn gauge_of(state: &EventState, mode: Mode) -> Gauge {
    let seats = state.ledger.seats(mode);
    let mut gauge = Gauge {
        capacity: seats.capacity,
        free: seats.free,
        waiting: seats.waiting,
        ..Gauge::default()
    };
    for entry in state.ledger.entries() {
        match (entry.status, entry.mode) {
            (Status::Confirmed, Some(m)) if m == mode => gauge.confirmed += 1,
            (Status::Invited, Some(m)) if m == mode => gauge.invited += 1,
            (Status::Offered, Some(m)) if m == mode => gauge.offered += 1,
            _ => {}
        }
        if entry.status == Status::Confirmed
            && entry.wait_for == Some(mode)
            && entry.wait_offered_until.is_some()
        {
            gauge.offered += 1;
        }
    }
    gauge
}

/// A horizontal bar: confirmed, invited, offered and free seats in proportion.
pub fn gauge(mode: Mode, g: &Gauge) -> Markup {
    let held = g.confirmed + g.invited + g.offered;
    let total = g.capacity.unwrap_or(held).max(held).max(1) as f64;
    let width = 400.0;
    let mut x = 0.0;
    let mut parts = Vec::new();
    for (count, class) in [
        (g.confirmed, "g-confirmed"),
        (g.invited, "g-invited"),
        (g.offered, "g-offered"),
        (g.free.unwrap_or(0), "g-free"),
    ] {
        let w = width * f64::from(count) / total;
        parts.push((x, w, class));
        x += w;
    }
    let free = match g.free {
        Some(free) => t!(
            "dash-gauge-free-of",
            free = free,
            capacity = g.capacity.unwrap_or(0)
        ),
        None => t!("dash-gauge-unlimited"),
    };
    let summary = t!(
        "dash-gauge-summary",
        mode = mode_name(mode),
        confirmed = g.confirmed,
        invited = g.invited,
        offered = g.offered,
        free = free,
        waiting = g.waiting
    );
    html! {
        figure.gauge {
            figcaption { strong { (mode_name(mode)) } " · "
                @match g.capacity { Some(c) => { (t!("dash-gauge-capacity", capacity = c)) } None => { (t!("dash-gauge-unlimited")) } } }
            svg viewBox="0 0 400 24" width="100%" height="24" preserveAspectRatio="none" role="img" aria-label=(summary) {
                rect.g-track x="0" y="0" width="400" height="24" {}
                @for (x, w, class) in &parts {
                    @if *w > 0.0 { rect class=(class) x=(format!("{x:.1}")) y="0" width=(format!("{w:.1}")) height="24" {} }
                }
            }
            dl.gauge-legend {
                div { dt.k-confirmed { (t!("dash-gauge-confirmed")) } dd { (g.confirmed) } }
                div { dt.k-invited { (t!("dash-gauge-invited")) } dd { (g.invited) } }
                div { dt.k-offered { (t!("dash-gauge-offered")) } dd { (g.offered) } }
                div { dt.k-free { (t!("dash-gauge-free")) } dd { @match g.free { Some(f) => { (f) } None => { "∞" } } } }
                div { dt.k-waiting { (t!("dash-gauge-waiting")) } dd { (g.waiting) } }
            }
        }
    }
}

/// Registrations per day and their running total, as an SVG line chart.
pub fn chart(days: &[(NaiveDate, u32)]) -> Markup {
    if days.is_empty() {
        return html! { p.muted { (t!("dash-chart-none")) } };
    }
    let (w, h, pad) = (600.0, 180.0, 30.0);
    let mut total = 0u32;
    let running: Vec<(NaiveDate, u32)> = days
        .iter()
        .map(|(day, n)| {
            total += n;
            (*day, total)
        })
        .collect();
    let first = running[0].0;
    let last = running[running.len() - 1].0;
    let span = (last - first).num_days().max(1) as f64;
    let top = f64::from(total.max(1));
    let point = |day: NaiveDate, n: u32| {
        let x = pad + (w - 2.0 * pad) * ((day - first).num_days() as f64) / span;
        let y = h - pad - (h - 2.0 * pad) * f64::from(n) / top;
        (x, y)
    };
    let mut line = String::new();
    let mut previous = None;
    for (day, n) in &running {
        let (x, y) = point(*day, *n);
        // Steps: the total stays flat until the next day with registrations.
        if let Some(py) = previous {
            line.push_str(&format!("{x:.1},{py:.1} "));
        }
        line.push_str(&format!("{x:.1},{y:.1} "));
        previous = Some(y);
    }
    let label = t!(
        "dash-chart-label",
        n = total,
        first = first.format("%-d %b").to_string(),
        last = last.format("%-d %b %Y").to_string()
    );
    html! {
        svg.chart viewBox="0 0 600 180" width="100%" role="img" aria-label=(label) {
            line.axis x1=(pad) y1=(h - pad) x2=(w - pad) y2=(h - pad) {}
            line.axis x1=(pad) y1=(pad) x2=(pad) y2=(h - pad) {}
            polyline.total points=(line.trim_end()) {}
            @for (day, n) in &running {
                @let (x, y) = point(*day, *n);
                circle.dot cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="3" { title { (day.format("%-d %b")) ": " (n) } }
            }
            text x=(pad) y=(h - 8.0) { (first.format("%-d %b")) }
            text x=(w - pad) y=(h - 8.0) text-anchor="end" { (last.format("%-d %b")) }
            text x="4" y=(pad + 4.0) { (total) }
        }
        p.muted { (label) "." }
    }
}

/// Links to the pages of a long list, keeping its filters.
pub fn pagination(base: &str, page: i64, pages: i64) -> Markup {
    let join = if base.contains('?') { '&' } else { '?' };
    html! {
        @if pages > 1 {
            nav.pages aria-label=(t!("dash-pages-label")) {
                @if page > 1 { a href={(base) (join) "page=" (page - 1)} rel="prev" { (t!("dash-pages-previous")) } }
                span { (t!("dash-pages-page-of", page = page, pages = pages)) }
                @if page < pages { a href={(base) (join) "page=" (page + 1)} rel="next" { (t!("dash-pages-next")) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{in_language, Language};

    fn owner() -> Viewer<'static> {
        Viewer {
            email: "ada@example.org",
            csrf: "token",
            role: Role::Owner,
        }
    }

    /// The pages read their words from the messages: in Spanish they say Spanish words,
    /// so translating the dashboard is only a matter of letting it speak the language.
    #[test]
    fn dashboard_pages_speak_the_language_they_are_drawn_in() {
        let spanish = Language::from_tag("es").unwrap();
        let events = in_language(spanish, || events::list(&owner(), &[], None)).into_string();
        for words in [
            "Crear un evento",
            "Aún no hay eventos.",
            "Cerrar sesión",
            "Boletín",
        ] {
            assert!(events.contains(words), "{words:?} not in {events}");
        }
        assert!(events.contains(r#"<html lang="es">"#), "{events}");
        let team = in_language(spanish, || {
            team::page(
                &owner(),
                &[],
                &[],
                &team::InviteValues::default(),
                None,
                None,
            )
        })
        .into_string();
        for words in [
            "Invitar a alguien",
            "Enviar la invitación",
            "Aún no hay cambios en el equipo.",
        ] {
            assert!(team.contains(words), "{words:?} not in {team}");
        }
        let sign_in = in_language(spanish, || sign_in::sign_in("token", "", None)).into_string();
        assert!(sign_in.contains("Iniciar sesión"), "{sign_in}");
        assert!(sign_in.contains("Contraseña"), "{sign_in}");
        // English stays the dashboard's own words.
        let english = in_language(Language::default(), || events::list(&owner(), &[], None));
        assert!(english.into_string().contains("Create an event"));
    }
}
