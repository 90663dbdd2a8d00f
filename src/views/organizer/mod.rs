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
            title { (title) " · " (super::site().name) " dashboard" }
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
        html lang="en" {
            (head(title, refresh_seconds))
            body.dashboard {
                header.site.dash-bar {
                    nav aria-label="Dashboard" {
                        a href="/organizer" { "Events" }
                        // A helper at the door sees only what their role opens.
                        @if viewer.role != Role::CheckIn {
                            a href="/organizer/newsletter" { "Newsletter" }
                            a href="/organizer/outbox" { "Outbox" }
                            a href="/organizer/tokens" { "API tokens" }
                            a href="/organizer/calendar" { "Calendar feed" }
                            a href="/organizer/site" { "Site" }
                        }
                        @if viewer.role == Role::Owner {
                            a href="/organizer/team" { "Team" }
                        }
                    }
                    div.who {
                        span { (viewer.email) }
                        form.inline method="post" action="/organizer/logout" {
                            (csrf_field(viewer.csrf))
                            button.secondary type="submit" { "Sign out" }
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
        html lang="en" {
            (head(title, None))
            body {
                header.site { a href="/organizer" { (super::site().name) " · organizers" } }
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
        ("", "Overview"),
        ("/check-in", "Check-in"),
        ("/invitations", "Invitations"),
        ("/registrations", "Registrations"),
        ("/line", "Waiting line"),
        ("/capacity", "Capacity"),
        ("/message", "Messages"),
        ("/edit", "Settings"),
        ("/programme", "Programme"),
        ("/questions", "Questions"),
        ("/groups", "Groups"),
        ("/representation", "Who is in the room"),
        ("/audit", "Audit log"),
    ];
    html! {
        nav.tabs aria-label="Event" {
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

pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format("%a %-d %b %Y, %H:%M %Z")
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

pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "In person",
        Mode::Virtual => "Virtual",
    }
}

pub fn a_seat(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "an in-person seat",
        Mode::Virtual => "a virtual seat",
    }
}

pub fn status_badge(status: Status) -> Markup {
    html! { span class={"badge status-" (status.as_str())} { (status.as_str().replace('_', " ")) } }
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
    let summary = format!(
        "{}: {} confirmed, {} held by open invitations, {} held by open offers, {}, {} waiting",
        mode_name(mode),
        g.confirmed,
        g.invited,
        g.offered,
        match g.free {
            Some(free) => format!("{free} free of {}", g.capacity.unwrap_or(0)),
            None => "unlimited".to_owned(),
        },
        g.waiting
    );
    html! {
        figure.gauge {
            figcaption { strong { (mode_name(mode)) } " · "
                @match g.capacity { Some(c) => { "capacity " (c) } None => { "unlimited" } } }
            svg viewBox="0 0 400 24" width="100%" height="24" preserveAspectRatio="none" role="img" aria-label=(summary) {
                rect.g-track x="0" y="0" width="400" height="24" {}
                @for (x, w, class) in &parts {
                    @if *w > 0.0 { rect class=(class) x=(format!("{x:.1}")) y="0" width=(format!("{w:.1}")) height="24" {} }
                }
            }
            dl.gauge-legend {
                div { dt.k-confirmed { "Confirmed" } dd { (g.confirmed) } }
                div { dt.k-invited { "Open invitations" } dd { (g.invited) } }
                div { dt.k-offered { "Open offers" } dd { (g.offered) } }
                div { dt.k-free { "Free" } dd { @match g.free { Some(f) => { (f) } None => { "∞" } } } }
                div { dt.k-waiting { "Waiting" } dd { (g.waiting) } }
            }
        }
    }
}

/// Registrations per day and their running total, as an SVG line chart.
pub fn chart(days: &[(NaiveDate, u32)]) -> Markup {
    if days.is_empty() {
        return html! { p.muted { "No registrations yet." } };
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
    let label = format!(
        "{total} registrations from {} to {}",
        first.format("%-d %b"),
        last.format("%-d %b %Y")
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
            nav.pages aria-label="Pages" {
                @if page > 1 { a href={(base) (join) "page=" (page - 1)} rel="prev" { "← Previous" } }
                span { "Page " (page) " of " (pages) }
                @if page < pages { a href={(base) (join) "page=" (page + 1)} rel="next" { "Next →" } }
            }
        }
    }
}
