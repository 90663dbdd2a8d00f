//! Conversions between rows and the domain: the ledger's entries and rules from rows, and
//! rows from the domain's decisions and settings.

use chrono::Duration;

use super::columns::Speakers;
use super::events::{EventRow, NewEventRow};
use super::registrations::{RegistrationRow, StateChange};
use super::DbTime;
use crate::domain::{
    Entry, EpisodeDraft, EventDraft, EventRules, EventSettings, Part, Question, Reconfirmation,
    ReconfirmationDraft, TimeZoneName,
};

pub fn rules_of(row: &EventRow) -> EventRules {
    EventRules {
        phase: row.phase,
        virtual_phase: row.virtual_phase,
        in_person_capacity: row.in_person_capacity.max(0) as u32,
        virtual_capacity: row.virtual_capacity.map(|c| c.max(0) as u32),
        offer_window: Duration::hours(i64::from(row.offer_window_hours)),
        auto_confirm: row.auto_confirm,
        starts_at: row.starts_at.utc(),
    }
}

pub fn entry_of(row: &RegistrationRow) -> Entry {
    Entry {
        id: row.id.0,
        status: row.status,
        mode: row.mode,
        preference: row.preference,
        hold_until: row.hold_until.map(DbTime::utc),
        priority: row.priority,
        line_since: row.line_since.map(DbTime::utc),
        wait_for: row.wait_for,
        wait_offered_until: row.wait_offered_until.map(DbTime::utc),
        reconfirm_by: row.reconfirm_by.map(DbTime::utc),
    }
}

pub fn state_change(entry: &Entry, at: DbTime) -> StateChange {
    StateChange {
        status: entry.status,
        mode: entry.mode,
        hold_until: entry.hold_until.map(DbTime::of),
        priority: entry.priority,
        line_since: entry.line_since.map(DbTime::of),
        wait_for: entry.wait_for,
        wait_offered_until: entry.wait_offered_until.map(DbTime::of),
        reconfirm_by: entry.reconfirm_by.map(DbTime::of),
        updated_at: at,
    }
}

pub fn new_event_row(s: &EventSettings, at: DbTime) -> NewEventRow {
    NewEventRow {
        slug: s.slug.as_str().to_owned(),
        title: s.title.clone(),
        description: s.description.clone(),
        starts_at: DbTime::of(s.starts_at),
        ends_at: DbTime::of(s.ends_at),
        timezone: TimeZoneName(s.timezone),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        in_person_capacity: s.in_person_capacity as i32,
        virtual_capacity: s.virtual_capacity.map(|c| c as i32),
        phase: s.phase,
        virtual_phase: s.virtual_phase,
        offer_window_hours: s.offer_window_hours as i32,
        invitation_window_days: s.invitation_window_days as i32,
        auto_confirm: s.auto_confirm,
        reminder_hours_before: s.reminder_hours_before.clone(),
        version: 0,
        created_at: at,
        updated_at: at,
        series: s.episode.series.as_ref().map(|s| s.as_str().to_owned()),
        code: s.episode.code.clone(),
        speakers: Speakers(s.episode.speakers.clone()),
        recording_url: s.episode.recording_url.clone(),
        reconfirm_days_before: s.reconfirm.map(|r| r.days_before() as i32),
        reconfirm_window_hours: s.reconfirm.map(|r| r.window_hours() as i32),
        language: s.language,
    }
}

/// An event's settings as a draft, to patch and check (see [`EventDraft::patched`]).
pub fn draft_of(row: &EventRow, programme: Vec<Part>, questions: Vec<Question>) -> EventDraft {
    EventDraft {
        slug: row.slug.clone(),
        title: row.title.clone(),
        description: row.description.clone(),
        starts_at: row.starts_at.utc(),
        ends_at: row.ends_at.utc(),
        timezone: row.timezone.to_string(),
        venue: row.venue.clone(),
        meeting_url: row.meeting_url.clone(),
        in_person_capacity: row.in_person_capacity.max(0) as u32,
        virtual_capacity: row.virtual_capacity.map(|c| c.max(0) as u32),
        phase: row.phase,
        virtual_phase: row.virtual_phase,
        offer_window_hours: row.offer_window_hours.max(0) as u32,
        invitation_window_days: row.invitation_window_days.max(0) as u32,
        auto_confirm: row.auto_confirm,
        programme,
        questions,
        reminder_hours_before: row
            .reminder_hours_before
            .hours()
            .into_iter()
            .map(i64::from)
            .collect(),
        reconfirm: reconfirmation_draft_of(row),
        episode: EpisodeDraft {
            series: row.series.clone(),
            code: row.code.clone(),
            speakers: row.speakers.0.clone(),
            recording_url: row.recording_url.clone(),
        },
        language: row.language.map(|l| l.tag().to_owned()),
    }
}

/// The event's row with new settings, changed at `at`.
pub fn row_with(row: &EventRow, s: &EventSettings, at: DbTime) -> EventRow {
    EventRow {
        slug: s.slug.as_str().to_owned(),
        title: s.title.clone(),
        description: s.description.clone(),
        starts_at: DbTime::of(s.starts_at),
        ends_at: DbTime::of(s.ends_at),
        timezone: TimeZoneName(s.timezone),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        in_person_capacity: s.in_person_capacity as i32,
        virtual_capacity: s.virtual_capacity.map(|c| c as i32),
        phase: s.phase,
        virtual_phase: s.virtual_phase,
        offer_window_hours: s.offer_window_hours as i32,
        invitation_window_days: s.invitation_window_days as i32,
        auto_confirm: s.auto_confirm,
        reminder_hours_before: s.reminder_hours_before.clone(),
        updated_at: at,
        series: s.episode.series.as_ref().map(|s| s.as_str().to_owned()),
        code: s.episode.code.clone(),
        speakers: Speakers(s.episode.speakers.clone()),
        recording_url: s.episode.recording_url.clone(),
        reconfirm_days_before: s.reconfirm.map(|r| r.days_before() as i32),
        reconfirm_window_hours: s.reconfirm.map(|r| r.window_hours() as i32),
        language: s.language,
        ..row.clone()
    }
}

/// The reconfirmation setting of a row, as written: on only with both numbers.
pub fn reconfirmation_draft_of(row: &EventRow) -> Option<ReconfirmationDraft> {
    Some(ReconfirmationDraft {
        days_before: i64::from(row.reconfirm_days_before?),
        window_hours: i64::from(row.reconfirm_window_hours?),
    })
}

/// The reconfirmation of a row, if it is on and (as written by the settings) valid.
pub fn reconfirmation_of(row: &EventRow) -> Option<Reconfirmation> {
    Reconfirmation::parse(reconfirmation_draft_of(row)?).ok()
}
