//! The events table.

use diesel::prelude::*;

use super::columns::Speakers;
use super::schema::events;
use super::{DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, Language, Phase, ReminderHours, TimeZoneName};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, AsChangeset)]
#[diesel(table_name = events)]
#[diesel(treat_none_as_null = true)]
pub struct EventRow {
    pub id: EventId,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_at: DbTime,
    pub ends_at: DbTime,
    pub timezone: TimeZoneName,
    pub venue: String,
    pub meeting_url: Option<String>,
    pub in_person_capacity: i32,
    pub virtual_capacity: Option<i32>,
    pub phase: Phase,
    pub offer_window_hours: i32,
    pub invitation_window_days: i32,
    pub auto_confirm: bool,
    pub version: i64,
    pub created_at: DbTime,
    pub updated_at: DbTime,
    /// `None`: `phase` governs the virtual seats too.
    pub virtual_phase: Option<Phase>,
    pub reminder_hours_before: ReminderHours,
    /// The episode: its series' slug, code, speakers and recording.
    pub series: Option<String>,
    pub code: Option<String>,
    pub speakers: Speakers,
    pub recording_url: Option<String>,
    /// Reconfirmation: both set, or both `None` (off).
    pub reconfirm_days_before: Option<i32>,
    pub reconfirm_window_hours: Option<i32>,
    /// The language of the event's own content; `None` names none.
    pub language: Option<Language>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = events)]
pub struct NewEventRow {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub starts_at: DbTime,
    pub ends_at: DbTime,
    pub timezone: TimeZoneName,
    pub venue: String,
    pub meeting_url: Option<String>,
    pub in_person_capacity: i32,
    pub virtual_capacity: Option<i32>,
    pub phase: Phase,
    pub offer_window_hours: i32,
    pub invitation_window_days: i32,
    pub auto_confirm: bool,
    pub version: i64,
    pub created_at: DbTime,
    pub updated_at: DbTime,
    /// `None`: `phase` governs the virtual seats too.
    pub virtual_phase: Option<Phase>,
    pub reminder_hours_before: ReminderHours,
    /// The episode: its series' slug, code, speakers and recording.
    pub series: Option<String>,
    pub code: Option<String>,
    pub speakers: Speakers,
    pub recording_url: Option<String>,
    /// Reconfirmation: both set, or both `None` (off).
    pub reconfirm_days_before: Option<i32>,
    pub reconfirm_window_hours: Option<i32>,
    /// The language of the event's own content; `None` names none.
    pub language: Option<Language>,
}

pub fn insert(conn: &mut DbConnection, row: &NewEventRow) -> QueryResult<EventRow> {
    on_backend!(conn, |c| diesel::insert_into(events::table)
        .values(row)
        .returning(EventRow::as_returning())
        .get_result(c))
}

pub fn by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<EventRow>> {
    on_backend!(conn, |c| events::table
        .filter(events::slug.eq(slug))
        .select(EventRow::as_select())
        .get_result(c)
        .optional())
}

pub fn by_id(conn: &mut DbConnection, id: EventId) -> QueryResult<EventRow> {
    on_backend!(conn, |c| events::table
        .find(id)
        .select(EventRow::as_select())
        .get_result(c))
}

/// Reads the event inside a write transaction, locking its row on PostgreSQL so that
/// instances sharing the database decide about one event one at a time. (SQLite's write
/// transaction already excludes every other writer.)
pub fn lock(conn: &mut DbConnection, id: EventId) -> QueryResult<EventRow> {
    match conn {
        DbConnection::Postgres(c) => events::table
            .find(id)
            .select(EventRow::as_select())
            .for_update()
            .get_result(c),
        DbConnection::Sqlite(c) => events::table
            .find(id)
            .select(EventRow::as_select())
            .get_result(c),
    }
}

pub fn update(conn: &mut DbConnection, row: &EventRow) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(events::table.find(row.id))
        .set(row)
        .execute(c))
    .map(|_| ())
}

pub fn set_version(conn: &mut DbConnection, id: EventId, version: i64) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(events::table.find(id))
        .set(events::version.eq(version))
        .execute(c))
    .map(|_| ())
}

/// Every event whose phase is not `draft`, soonest first.
pub fn published(conn: &mut DbConnection) -> QueryResult<Vec<EventRow>> {
    on_backend!(conn, |c| events::table
        .filter(events::phase.ne(Phase::Draft))
        .order((events::starts_at.asc(), events::id.asc()))
        .select(EventRow::as_select())
        .load(c))
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    on_backend!(conn, |c| events::table.count().get_result(c))
}

/// The published events of a series, soonest first.
pub fn published_in_series(conn: &mut DbConnection, series: &str) -> QueryResult<Vec<EventRow>> {
    on_backend!(conn, |c| events::table
        .filter(events::phase.ne(Phase::Draft))
        .filter(events::series.eq(series))
        .order((events::starts_at.asc(), events::id.asc()))
        .select(EventRow::as_select())
        .load(c))
}
