//! An event at a glance: a gauge of seats per mode, the answers still due, a chart of
//! registrations over time, and the phase with a statement of what changing it will do.

use chrono::{DateTime, NaiveDate, Utc};
use maud::{html, Markup};

use super::{
    chart, csrf_field, event_tabs, flash, gauge, gauge_of, layout, local, tz_of, when, Viewer,
};
use crate::domain::{Mode, Phase};
use crate::reads::EventState;
use crate::views::pages::phase_words;

/// Who would get a seat if a change were made now, per mode, in the order they would get it.
#[derive(Debug, Clone, Default)]
pub struct Promotions {
    pub offered: Vec<(Mode, String)>,
    pub confirmed: Vec<(Mode, String)>,
}

impl Promotions {
    pub fn count(&self, mode: Mode) -> usize {
        self.offered.iter().filter(|(m, _)| *m == mode).count()
            + self.confirmed.iter().filter(|(m, _)| *m == mode).count()
    }

    pub fn is_empty(&self) -> bool {
        self.offered.is_empty() && self.confirmed.is_empty()
    }
}

fn seat_words(n: usize, mode: Mode) -> String {
    let kind = match mode {
        Mode::InPerson => "in-person",
        Mode::Virtual => "virtual",
    };
    if n == 1 {
        format!("1 free {kind} seat")
    } else {
        format!("{n} free {kind} seats")
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "the first person in line".into()
    } else {
        format!("the first {n} people in line")
    }
}

/// What moving to `target` will do, in a sentence or two.
pub fn phase_statement(target: Phase, promotions: &Promotions, auto_confirm: bool) -> String {
    let verb = if auto_confirm { "give" } else { "offer" };
    let handed: Vec<String> = Mode::ALL
        .iter()
        .filter(|m| promotions.count(**m) > 0)
        .map(|m| {
            let n = promotions.count(*m);
            format!("{verb} {} to {}", seat_words(n, *m), people(n))
        })
        .collect();
    let seats = if handed.is_empty() {
        "No seat is free for anyone waiting, so nobody is offered one now.".to_owned()
    } else {
        format!("and will {}.", handed.join(", and "))
    };
    match target {
        Phase::Open if handed.is_empty() => format!("Opening registration lets newcomers take free seats directly when nobody waits for them. {seats}"),
        Phase::Open => format!("Opening registration lets newcomers take free seats when nobody waits for them, {seats}"),
        Phase::InviteOnly => "Registration becomes invitation-only: the public may join the waiting list, and free seats stay with you to invite or promote by hand.".into(),
        Phase::Closed if handed.is_empty() => format!("Closing registration stops new entries; free seats still go to the line until the event starts. {seats}"),
        Phase::Closed => format!("Closing registration stops new entries; free seats still go to the line until the event starts, {seats}"),
        Phase::Draft => "The event is hidden from the public again; registrations stay as they are and nobody is emailed.".into(),
    }
}

pub struct Overview<'a> {
    pub state: &'a EventState,
    pub days: &'a [(NaiveDate, u32)],
    pub answers_due: usize,
    pub next_deadline: Option<DateTime<Utc>>,
    /// A phase change being previewed, with what it would do.
    pub preview: Option<(Phase, Promotions)>,
    pub done: Option<&'a str>,
    pub problem: Option<&'a str>,
}

pub fn page(viewer: &Viewer<'_>, o: &Overview<'_>) -> Markup {
    let e = &o.state.event;
    let tz = tz_of(o.state);
    let phase = e.phase;
    let base = format!("/organizer/events/{}", e.slug);
    layout(
        &e.title,
        viewer,
        html! {
            h1 { (e.title) }
            (event_tabs(&e.slug, ""))
            (flash(o.done, o.problem))
            ul.facts {
                li { (when(o.state)) }
                @if !e.venue.is_empty() { li { "Venue: " (e.venue) } }
                li { "Phase: " span.badge { (phase_words(phase)) } }
                @if phase != Phase::Draft { li { "Public page: " a href={"/events/" (e.slug)} { "/events/" (e.slug) } } }
            }
            h2 { "Seats" }
            div.gauges {
                @for mode in Mode::ALL {
                    @let g = gauge_of(o.state, *mode);
                    @if g.capacity != Some(0) || g.confirmed + g.invited + g.offered > 0 { (gauge(*mode, &g)) }
                }
            }
            p {
                strong { (o.answers_due) } " answers still due"
                @if let Some(next) = o.next_deadline { "; the next deadline is " strong { (local(next, tz)) } }
                "."
            }
            h2 { "Registrations over time" }
            (chart(o.days))
            h2 { "Phase" }
            p { "Now: " strong { (phase_words(phase)) } "." }
            @if let Some((target, promotions)) = &o.preview {
                div.preview role="region" aria-label="What the change will do" {
                    p { strong { (phase_statement(*target, promotions, e.auto_confirm)) } }
                    @if !promotions.is_empty() {
                        ol {
                            @for (mode, name) in &promotions.confirmed { li { (name) " — " (super::a_seat(*mode)) ", confirmed" } }
                            @for (mode, name) in &promotions.offered { li { (name) " — offered " (super::a_seat(*mode)) } }
                        }
                    }
                    form.inline method="post" action={(base) "/phase"} {
                        (csrf_field(viewer.csrf))
                        input type="hidden" name="phase" value=(target.as_str());
                        button type="submit" { "Change to “" (phase_words(*target)) "”" }
                    }
                    a href=(base) { "Cancel" }
                }
            } @else {
                p { "Change to: "
                    @for target in [Phase::Draft, Phase::InviteOnly, Phase::Open, Phase::Closed] {
                        @if target != phase { a.chip href={(base) "?phase=" (target.as_str())} { (phase_words(target)) } " " }
                    }
                }
            }
            h2 { "Exports" }
            ul {
                li { a href={(base) "/export.csv"} { "Participants (CSV, for badges)" } }
                li { a href={(base) "/export.csv?mode=virtual"} { "Virtual participants (CSV, for the online meeting tool)" } }
                li { a href={(base) "/calendar.ics"} { "Calendar file of this event" } }
            }
            h2 { "More" }
            p { a href={"/organizer/events/new?from=" (e.slug)} { "Duplicate this event" } }
        },
    )
}
