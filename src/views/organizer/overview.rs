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
    match mode {
        Mode::InPerson => t!("dash-phase-free-seats-in-person", n = n),
        Mode::Virtual => t!("dash-phase-free-seats-virtual", n = n),
    }
}

fn people(n: usize) -> String {
    t!("dash-phase-first-in-line", n = n)
}

/// The seats a phase governs, as the statement of its change names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governed {
    /// All of them: the event has one phase.
    All,
    InPerson,
    Virtual,
}

impl Governed {
    /// The selector the messages of a phase change read.
    fn key(self) -> &'static str {
        match self {
            Governed::All => "all",
            Governed::InPerson => "in-person",
            Governed::Virtual => "virtual",
        }
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
            PhaseChange::Virtual(None) => t!("dash-phase-same-as-in-person"),
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
            phase_statement(Phase::Draft, Governed::All, promotions, auto_confirm)
        }
        PhaseChange::Event(phase) if split => {
            phase_statement(phase, Governed::InPerson, promotions, auto_confirm)
        }
        PhaseChange::Event(phase) => {
            phase_statement(phase, Governed::All, promotions, auto_confirm)
        }
        PhaseChange::Virtual(Some(phase)) => {
            phase_statement(phase, Governed::Virtual, promotions, auto_confirm)
        }
        PhaseChange::Virtual(None) => match handed_words(promotions, auto_confirm) {
            Some(handed) => t!("dash-phase-virtual-follows-handing", handed = handed),
            None => t!("dash-phase-virtual-follows"),
        },
    }
}

/// The seats a change would hand on, as "offer 3 free in-person seats to …", or none.
fn handed_words(promotions: &Promotions, auto_confirm: bool) -> Option<String> {
    Mode::ALL
        .iter()
        .filter(|m| promotions.count(**m) > 0)
        .map(|m| {
            let n = promotions.count(*m);
            let (seats, people) = (seat_words(n, *m), people(n));
            if auto_confirm {
                t!("dash-phase-give", seats = seats, people = people)
            } else {
                t!("dash-phase-offer", seats = seats, people = people)
            }
        })
        .reduce(|first, second| t!("dash-phase-and", first = first, second = second))
}

/// What moving to `target` will do, in a sentence or two; `governed` names the seats
/// whose phase it is.
pub fn phase_statement(
    target: Phase,
    governed: Governed,
    promotions: &Promotions,
    auto_confirm: bool,
) -> String {
    let handed = handed_words(promotions, auto_confirm);
    let none = handed.is_none();
    let seats = match handed {
        None => t!("dash-phase-no-seat-free"),
        Some(handed) => t!("dash-phase-and-will", handed = handed),
    };
    let seats_of = governed.key();
    match target {
        Phase::Open if none => t!("dash-phase-open-direct", seats_of = seats_of, seats = seats),
        Phase::Open => t!("dash-phase-open", seats_of = seats_of, seats = seats),
        Phase::InviteOnly => t!("dash-phase-invite-only", seats_of = seats_of),
        Phase::Closed if none => t!("dash-phase-closed-none", seats_of = seats_of, seats = seats),
        Phase::Closed => t!("dash-phase-closed", seats_of = seats_of, seats = seats),
        Phase::Draft => t!("dash-phase-draft"),
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
                @if !e.venue.is_empty() { li { (t!("dash-overview-venue")) " " (e.venue) } }
                @if split {
                    li { (t!("dash-overview-phase-in-person")) " " span.badge { (phase_words(phase)) } }
                    li { (t!("dash-overview-phase-virtual")) " " span.badge { (phase_words(rules.phase_of(Mode::Virtual))) } }
                } @else {
                    li { (t!("dash-overview-phase")) " " span.badge { (phase_words(phase)) } }
                }
                @if phase != Phase::Draft { li { (t!("dash-overview-public-page")) " " a href={"/events/" (e.slug)} { "/events/" (e.slug) } } }
            }
            h2 { (t!("dash-overview-seats")) }
            div.gauges {
                @for mode in Mode::ALL {
                    @let g = gauge_of(o.state, *mode);
                    @if g.capacity != Some(0) || g.confirmed + g.invited + g.offered > 0 { (gauge(*mode, &g)) }
                }
            }
            p {
                strong { (o.answers_due) } " " (t!("dash-overview-answers-due", n = o.answers_due))
                @if let Some(next) = o.next_deadline { "; " (t!("dash-overview-next-deadline")) " " strong { (local(next, tz)) } }
                "."
            }
            h2 { (t!("dash-overview-attendance")) }
            p {
                strong { (o.attendance.arrived) } " " (t!("dash-overview-arrived-of")) " " strong { (o.attendance.expected) } " " (t!("dash-overview-expected"))
                @if o.state.event.ends_at.utc() <= Utc::now() { "; " strong { (o.attendance.no_shows()) } " " (t!("dash-overview-did-not-come")) }
                ". " a href={(base) "/check-in"} { (t!("dash-overview-check-in-page")) }
            }
            h2 { (t!("dash-overview-over-time")) }
            (chart(o.days))
            h2 { (t!("dash-overview-phase-heading")) }
            @if let Some((change, promotions)) = &o.preview {
                @if !split { p { (t!("dash-overview-now")) " " strong { (phase_words(phase)) } "." } }
                div.preview role="region" aria-label=(t!("dash-overview-preview-label")) {
                    p { strong { (change_statement(*change, split, promotions, e.auto_confirm)) } }
                    @if !promotions.is_empty() {
                        ol {
                            @for (mode, name) in &promotions.confirmed { li { (name) " — " (t!("dash-promotion-confirmed", seat = super::a_seat(*mode))) } }
                            @for (mode, name) in &promotions.offered { li { (name) " — " (t!("dash-promotion-offered", seat = super::a_seat(*mode))) } }
                        }
                    }
                    form.inline method="post" action={(base) "/phase"} {
                        (csrf_field(viewer.csrf))
                        input type="hidden" name=(change.field().0) value=(change.field().1);
                        button type="submit" { (t!("dash-overview-change-to-button", phase = change.words())) }
                    }
                    a href=(base) { (t!("dash-cancel")) }
                }
            } @else {
                h3 { @if split { (t!("dash-overview-in-person")) } @else { (t!("dash-overview-whole-event")) } }
                p { (t!("dash-overview-now")) " " strong { (phase_words(phase)) } "." }
                p { (t!("dash-overview-change-to")) " "
                    @for target in [Phase::Draft, Phase::InviteOnly, Phase::Open, Phase::Closed] {
                        @if target != phase { a.chip href={(base) "?phase=" (target.as_str())} { (phase_words(target)) } " " }
                    }
                }
                @if has_virtual {
                    h3 { (t!("dash-overview-virtual-seats")) }
                    p { (t!("dash-overview-now")) " " strong { @if split { (phase_words(rules.phase_of(Mode::Virtual))) } @else { (t!("dash-phase-same-as-in-person")) } } "."
                        " " (t!("dash-overview-virtual-hint")) }
                    p { (t!("dash-overview-change-to")) " "
                        @for target in [PhaseChange::Virtual(None), PhaseChange::Virtual(Some(Phase::InviteOnly)), PhaseChange::Virtual(Some(Phase::Open)), PhaseChange::Virtual(Some(Phase::Closed))] {
                            @if PhaseChange::Virtual(e.virtual_phase) != target { a.chip href={(base) "?virtual_phase=" (target.field().1)} { (target.words()) } " " }
                        }
                    }
                }
            }
            h2 { (t!("dash-overview-exports")) }
            ul {
                li { a href={(base) "/export.csv"} { (t!("dash-overview-export-participants")) } }
                li { a href={(base) "/export.csv?mode=virtual"} { (t!("dash-overview-export-virtual")) } }
                li { a href={(base) "/calendar.ics"} { (t!("dash-overview-export-calendar")) } }
            }
            h2 { (t!("dash-overview-more")) }
            p { a href={"/organizer/events/new?from=" (e.slug)} { (t!("dash-overview-duplicate")) } }
            @if phase != Phase::Draft {
                p { a href={"/organizer/newsletter/write?event=" (e.slug)} { (t!("dash-overview-announce")) } }
            }
        },
    )
}
