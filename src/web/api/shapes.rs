//! What the API answers: the JSON shapes of events, registrations, a person's own view
//! and the audit log, and how they are built from what the reads give.

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::{Mode, Phase, Preference, Seats, Status};
use crate::reads::{EventState, RegistrationState};

#[derive(Serialize, ToSchema)]
pub struct SeatCount {
    /// null when unlimited
    pub capacity: Option<u32>,
    pub held: u32,
    /// null when unlimited
    pub free: Option<u32>,
    pub waiting: u32,
}

impl From<Seats> for SeatCount {
    fn from(s: Seats) -> Self {
        SeatCount {
            capacity: s.capacity,
            held: s.held,
            free: s.free,
            waiting: s.waiting,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SeatsByMode {
    pub in_person: SeatCount,
    #[serde(rename = "virtual")]
    pub virtual_: SeatCount,
}

#[derive(Serialize, ToSchema)]
pub struct EventOut {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// In the event's time zone.
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub timezone: String,
    pub venue: String,
    /// Shown to organizers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub meeting_url: Option<Option<String>>,
    pub in_person_capacity: u32,
    /// null means unlimited
    pub virtual_capacity: Option<u32>,
    pub phase: Phase,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,
    pub seats: SeatsByMode,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    pub events: Vec<EventOut>,
}

/// A time as the event's own clock shows it, with its offset.
pub fn in_event_zone(at: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    at.with_timezone(&tz).fixed_offset()
}

pub fn event_out(state: &EventState, for_organizer: bool) -> EventOut {
    let e = &state.event;
    EventOut {
        slug: e.slug.clone(),
        title: e.title.clone(),
        description: e.description.clone(),
        starts_at: in_event_zone(e.starts_at.utc(), e.timezone.0),
        ends_at: in_event_zone(e.ends_at.utc(), e.timezone.0),
        timezone: e.timezone.0.name().to_owned(),
        venue: e.venue.clone(),
        meeting_url: for_organizer.then(|| e.meeting_url.clone()),
        in_person_capacity: e.in_person_capacity.max(0) as u32,
        virtual_capacity: e.virtual_capacity.map(|c| c.max(0) as u32),
        phase: e.phase,
        offer_window_hours: e.offer_window_hours as u32,
        invitation_window_days: e.invitation_window_days as u32,
        auto_confirm: e.auto_confirm,
        seats: SeatsByMode {
            in_person: state.ledger.seats(Mode::InPerson).into(),
            virtual_: state.ledger.seats(Mode::Virtual).into(),
        },
    }
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOut {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub affiliation: Option<String>,
    pub status: Status,
    /// null while waiting
    pub mode: Option<Mode>,
    pub preference: Preference,
    /// 1-based place in line while waitlisted
    pub position: Option<u32>,
    pub hold_until: Option<DateTime<Utc>>,
    pub waiting_for: Option<WaitingFor>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationList {
    pub registrations: Vec<RegistrationOut>,
}

/// A confirmed participant waiting for a seat of the other mode.
#[derive(Serialize, ToSchema)]
pub struct WaitingFor {
    pub mode: Mode,
    /// Place among those waiting for that mode; null while a seat of it is offered.
    pub position: Option<u32>,
    /// Deadline of the offered seat of that mode, if one is offered.
    pub offered_until: Option<DateTime<Utc>>,
}

fn waiting_for(r: &RegistrationState) -> Option<WaitingFor> {
    r.wait_for.map(|mode| WaitingFor {
        mode,
        position: r.wait_position,
        offered_until: r.wait_offered_until,
    })
}

/// Takes the registration, so its strings move into the answer instead of being copied:
/// a list of thousands would otherwise be held twice while it is written out.
pub fn registration_out(r: RegistrationState) -> RegistrationOut {
    let preference = r.row.preference;
    let mode = r.shown_mode();
    let waiting_for = waiting_for(&r);
    RegistrationOut {
        id: r.row.id.0,
        email: r.row.email,
        name: r.row.name,
        affiliation: r.row.affiliation,
        status: r.status,
        mode,
        preference,
        position: r.position,
        hold_until: r.hold_until,
        waiting_for,
        created_at: r.row.created_at.utc(),
        updated_at: r.row.updated_at.utc(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    /// The event's slug.
    pub event: String,
    pub status: Status,
    pub mode: Option<Mode>,
    pub preference: Preference,
    pub position: Option<u32>,
    pub hold_until: Option<DateTime<Utc>>,
    pub name: String,
    pub email: String,
    pub waiting_for: Option<WaitingFor>,
}

pub fn me_out(state: &EventState, r: RegistrationState) -> Me {
    me_of(&state.event.slug, r)
}

pub fn me_of(event_slug: &str, r: RegistrationState) -> Me {
    let out = registration_out(r);
    Me {
        event: event_slug.to_owned(),
        status: out.status,
        mode: out.mode,
        preference: out.preference,
        position: out.position,
        hold_until: out.hold_until,
        name: out.name,
        email: out.email,
        waiting_for: out.waiting_for,
    }
}

#[derive(Serialize, ToSchema)]
pub struct Message {
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// organizer, participant or system
    pub actor: String,
    pub registration_id: Option<i64>,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
}
