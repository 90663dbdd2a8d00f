//! Conversions between rows and the domain: the ledger's entries and rules from rows, and
//! rows from the domain's decisions and settings.

use chrono::Duration;

use super::events::{EventRow, NewEventRow};
use super::registrations::{RegistrationRow, StateChange};
use super::{from_db_time, to_db_time, DbTime};
use crate::domain::{Entry, EventRules, EventSettings, Mode, Phase, Preference, Status};

pub fn parse_status(text: &str) -> Status {
    text.parse().unwrap_or(Status::Cancelled)
}

pub fn parse_phase(text: &str) -> Phase {
    text.parse().unwrap_or(Phase::Draft)
}

pub fn parse_preference(text: &str) -> Preference {
    text.parse().unwrap_or(Preference::Either)
}

pub fn parse_mode(text: Option<&str>) -> Option<Mode> {
    text.and_then(|t| t.parse().ok())
}

pub fn rules_of(row: &EventRow) -> EventRules {
    EventRules {
        phase: parse_phase(&row.phase),
        in_person_capacity: row.in_person_capacity.max(0) as u32,
        virtual_capacity: row.virtual_capacity.map(|c| c.max(0) as u32),
        offer_window: Duration::hours(i64::from(row.offer_window_hours)),
        auto_confirm: row.auto_confirm,
        starts_at: from_db_time(row.starts_at),
    }
}

pub fn entry_of(row: &RegistrationRow) -> Entry {
    Entry {
        id: row.id,
        status: parse_status(&row.status),
        mode: parse_mode(row.mode.as_deref()),
        preference: parse_preference(&row.preference),
        hold_until: row.hold_until.map(from_db_time),
        priority: row.priority,
        line_since: row.line_since.map(from_db_time),
        wait_for: parse_mode(row.wait_for.as_deref()),
        wait_offered_until: row.wait_offered_until.map(from_db_time),
    }
}

pub fn state_change(entry: &Entry, at: DbTime) -> StateChange {
    StateChange {
        status: entry.status.as_str().to_owned(),
        mode: entry.mode.map(|m| m.as_str().to_owned()),
        hold_until: entry.hold_until.map(DbTime::of),
        priority: entry.priority,
        line_since: entry.line_since.map(DbTime::of),
        wait_for: entry.wait_for.map(|m| m.as_str().to_owned()),
        wait_offered_until: entry.wait_offered_until.map(DbTime::of),
        updated_at: at,
    }
}

pub fn new_event_row(s: &EventSettings, at: chrono::NaiveDateTime) -> NewEventRow {
    NewEventRow {
        slug: s.slug.as_str().to_owned(),
        title: s.title.clone(),
        description: s.description.clone(),
        starts_at: to_db_time(s.starts_at),
        ends_at: to_db_time(s.ends_at),
        timezone: s.timezone.name().to_owned(),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        in_person_capacity: s.in_person_capacity as i32,
        virtual_capacity: s.virtual_capacity.map(|c| c as i32),
        phase: s.phase.as_str().to_owned(),
        offer_window_hours: s.offer_window_hours as i32,
        invitation_window_days: s.invitation_window_days as i32,
        auto_confirm: s.auto_confirm,
        version: 0,
        created_at: at,
        updated_at: at,
    }
}
