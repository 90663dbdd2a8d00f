//! An event at a glance: a gauge of seats per mode, the answers still due, a chart of
//! registrations over time, and the phase of each mode with a statement of what changing
//! it will do.

use chrono::{DateTime, NaiveDate, Utc};
use maud::{html, Markup};

use super::{
    chart, csrf_field, event_tabs, flash, gauge, gauge_of, layout, local, tz_of, when, Viewer,
};
use crate::domain::{Mode, Phase};
use crate::reads::check_in::Attendance;
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

/// A phase change an organizer may make: the event's phase (which governs the virtual
/// seats too while they have no phase of their own), or the virtual seats' own phase
/// (`None`: follow the event's again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseChange {
    Event(Phase),
    Virtual(Option<Phase>),
}

impl PhaseChange {
    /// The form fields that make this change.
    pub fn field(self) -> (&'static str, &'static str) {
        match self {
            PhaseChange::Event(phase) => ("phase", phase.as_str()),
            PhaseChange::Virtual(Some(phase)) => ("virtual_phase", phase.as_str()),
            PhaseChange::Virtual(None) => ("virtual_phase", SAME_PHASE),
        }
    }

    fn words(self) -> String {
        match self {
            PhaseChange::Event(phase) | PhaseChange::Virtual(Some(phase)) => phase_words(phase),
            PhaseChange::Virtual(None) => "The same as in person".to_owned(),
        }
    }
}

/// The form value of a virtual phase that follows the event's.
pub const SAME_PHASE: &str = "same";

/// What `change` will do, in a sentence or two; `split` says whether the virtual seats
/// have a phase of their own now.
pub fn change_statement(
    change: PhaseChange,
    split: bool,
    promotions: &Promotions,
    auto_confirm: bool,
) -> String {
    match change {
        PhaseChange::Event(Phase::Draft) => {
            phase_statement(Phase::Draft, "", promotions, auto_confirm)
        }
        PhaseChange::Event(phase) if split => {
            phase_statement(phase, " in person", promotions, auto_confirm)
        }
        PhaseChange::Event(phase) => phase_statement(phase, "", promotions, auto_confirm),
        PhaseChange::Virtual(Some(phase)) => {
            phase_statement(phase, " of the virtual seats", promotions, auto_confirm)
        }
        PhaseChange::Virtual(None) => {
            let seats = handed_words(promotions, auto_confirm)
                .map(|handed| format!(" This will {handed}."))
                .unwrap_or_default();
            format!("The virtual seats follow the event's phase again.{seats}")
        }
    }
}

/// The seats a change would hand on, as "offer 3 free in-person seats to …", or none.
fn handed_words(promotions: &Promotions, auto_confirm: bool) -> Option<String> {
    let verb = if auto_confirm { "give" } else { "offer" };
    let handed: Vec<String> = Mode::ALL
        .iter()
        .filter(|m| promotions.count(**m) > 0)
        .map(|m| {
            let n = promotions.count(*m);
            format!("{verb} {} to {}", seat_words(n, *m), people(n))
        })
        .collect();
    (!handed.is_empty()).then(|| handed.join(", and "))
}

/// What moving to `target` will do, in a sentence or two; `scope` names the seats it
/// governs after "registration" (empty: all of them).
pub fn phase_statement(
    target: Phase,
    scope: &str,
    promotions: &Promotions,
    auto_confirm: bool,
) -> String {
    let handed = handed_words(promotions, auto_confirm);
    let none = handed.is_none();
    let seats = match handed {
        None => "No seat is free for anyone waiting, so nobody is offered one now.".to_owned(),
        Some(handed) => format!("and will {handed}."),
    };
    match target {
        Phase::Open if none => format!("Opening registration{scope} lets newcomers take free seats directly when nobody waits for them. {seats}"),
        Phase::Open => format!("Opening registration{scope} lets newcomers take free seats when nobody waits for them, {seats}"),
        Phase::InviteOnly => format!("Registration{scope} becomes invitation-only: the public may join the waiting list, and free seats stay with you to invite or promote by hand."),
        Phase::Closed if none => format!("Closing registration{scope} stops new entries; free seats still go to the line until the event starts. {seats}"),
        Phase::Closed => format!("Closing registration{scope} stops new entries; free seats still go to the line until the event starts, {seats}"),
        Phase::Draft => "The event is hidden from the public again; registrations stay as they are and nobody is emailed.".into(),
    }
}

pub struct Overview<'a> {
    pub state: &'a EventState,
    pub days: &'a [(NaiveDate, u32)],
    pub answers_due: usize,
    pub next_deadline: Option<DateTime<Utc>>,
    /// A phase change being previewed, with what it would do.
    pub preview: Option<(PhaseChange, Promotions)>,
    pub done: Option<&'a str>,
    pub problem: Option<&'a str>,
    /// Who is expected in the room and who arrived at the door.
    pub attendance: Attendance,
}

pub fn page(viewer: &Viewer<'_>, o: &Overview<'_>) -> Markup {
    let e = &o.state.event;
    let tz = tz_of(o.state);
    let phase = e.phase;
    let rules = o.state.ledger.rules();
    let split = e.virtual_phase.is_some();
    let base = format!("/organizer/events/{}", e.slug);
    let has_virtual = rules.capacity(Mode::Virtual) != Some(0);
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
                @if split {
                    li { "Phase in person: " span.badge { (phase_words(phase)) } }
                    li { "Phase of the virtual seats: " span.badge { (phase_words(rules.phase_of(Mode::Virtual))) } }
                } @else {
                    li { "Phase: " span.badge { (phase_words(phase)) } }
                }
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
            h2 { "Attendance" }
            p {
                strong { (o.attendance.arrived) } " arrived of " strong { (o.attendance.expected) } " expected in the room"
                @if o.state.event.ends_at.utc() <= Utc::now() { "; " strong { (o.attendance.no_shows()) } " did not come" }
                ". " a href={(base) "/check-in"} { "Check-in page" }
            }
            h2 { "Registrations over time" }
            (chart(o.days))
            h2 { "Phase" }
            @if let Some((change, promotions)) = &o.preview {
                @if !split { p { "Now: " strong { (phase_words(phase)) } "." } }
                div.preview role="region" aria-label="What the change will do" {
                    p { strong { (change_statement(*change, split, promotions, e.auto_confirm)) } }
                    @if !promotions.is_empty() {
                        ol {
                            @for (mode, name) in &promotions.confirmed { li { (name) " — " (super::a_seat(*mode)) ", confirmed" } }
                            @for (mode, name) in &promotions.offered { li { (name) " — offered " (super::a_seat(*mode)) } }
                        }
                    }
                    form.inline method="post" action={(base) "/phase"} {
                        (csrf_field(viewer.csrf))
                        input type="hidden" name=(change.field().0) value=(change.field().1);
                        button type="submit" { "Change to “" (change.words()) "”" }
                    }
                    a href=(base) { "Cancel" }
                }
            } @else {
                h3 { @if split { "In person" } @else { "The whole event" } }
                p { "Now: " strong { (phase_words(phase)) } "." }
                p { "Change to: "
                    @for target in [Phase::Draft, Phase::InviteOnly, Phase::Open, Phase::Closed] {
                        @if target != phase { a.chip href={(base) "?phase=" (target.as_str())} { (phase_words(target)) } " " }
                    }
                }
                @if has_virtual {
                    h3 { "Virtual seats" }
                    p { "Now: " strong { @if split { (phase_words(rules.phase_of(Mode::Virtual))) } @else { "The same as in person" } } "."
                        " The stream can be open while the room is by invitation, or the room open while the stream is closed." }
                    p { "Change to: "
                        @for target in [PhaseChange::Virtual(None), PhaseChange::Virtual(Some(Phase::InviteOnly)), PhaseChange::Virtual(Some(Phase::Open)), PhaseChange::Virtual(Some(Phase::Closed))] {
                            @if PhaseChange::Virtual(e.virtual_phase) != target { a.chip href={(base) "?virtual_phase=" (target.field().1)} { (target.words()) } " " }
                        }
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
            @if phase != Phase::Draft {
                p { a href={"/organizer/newsletter/write?event=" (e.slug)} { "Announce this event in the newsletter" } }
            }
        },
    )
}
