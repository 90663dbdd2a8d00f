//! The audit log: one row per change, written in the transaction of the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_entries, team_changes};
use super::{insert_rows, DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, RegistrationId, Status};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_entries)]
pub struct AuditRow {
    pub id: i64,
    pub event_id: EventId,
    pub registration_id: Option<RegistrationId>,
    pub at: DbTime,
    pub actor: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub note: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_entries)]
// NULL rather than DEFAULT for `None`: the statement is then the same for every row, so
// one prepared copy serves them all.
#[diesel(treat_none_as_default_value = false)]
pub struct NewAuditRow {
    pub event_id: EventId,
    pub registration_id: Option<RegistrationId>,
    pub at: DbTime,
    pub actor: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub note: String,
}

pub fn insert(conn: &mut DbConnection, rows: &[NewAuditRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    insert_rows!(conn, audit_entries::table, rows)
}

/// Deletes the audit rows of these registrations (entries that never became one).
pub fn delete_for(conn: &mut DbConnection, registration_ids: &[RegistrationId]) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        audit_entries::table.filter(audit_entries::registration_id.eq_any(registration_ids))
    )
    .execute(c))
    .map(|_| ())
}

pub fn for_event(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<AuditRow>> {
    on_backend!(conn, |c| audit_entries::table
        .filter(audit_entries::event_id.eq(event_id))
        .order(audit_entries::id.asc())
        .select(AuditRow::as_select())
        .load(c))
}

/// What the audit log says of a registration's calendar entry up to `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarChanges {
    /// Entries of the registration and of its event itself (those without a
    /// registration): every change writes one and none is removed, so the count only
    /// grows, and grows with every change. The SEQUENCE of its calendar files.
    pub count: i64,
    /// Whether the registration was ever confirmed, and so may be in a calendar.
    pub had_seat: bool,
}

/// The changes of registration `registration_id` of event `event_id` and of the event up
/// to `at`; with no registration, those of the event alone (for the organizers' file).
/// Both counts read the index `audit_entries_by_registration`.
pub fn calendar_changes(
    conn: &mut DbConnection,
    event_id: i64,
    registration_id: Option<i64>,
    at: NaiveDateTime,
) -> QueryResult<CalendarChanges> {
    let of_event: i64 = on_backend!(conn, |c| audit_entries::table
        .filter(audit_entries::event_id.eq(event_id))
        .filter(audit_entries::registration_id.is_null())
        .filter(audit_entries::at.le(at))
        .count()
        .get_result(c))?;
    let Some(registration_id) = registration_id else {
        return Ok(CalendarChanges {
            count: of_event,
            had_seat: false,
        });
    };
    let own: Vec<Option<Status>> = on_backend!(conn, |c| audit_entries::table
        .filter(audit_entries::event_id.eq(event_id))
        .filter(audit_entries::registration_id.eq(registration_id))
        .filter(audit_entries::at.le(at))
        .select(audit_entries::to_status)
        .load(c))?;
    Ok(CalendarChanges {
        count: of_event + own.len() as i64,
        had_seat: own.contains(&Some(Status::Confirmed)),
    })
}

/// A change of the organizer team, in the team's own log.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = team_changes)]
pub struct TeamChangeRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    /// The address of the member changed.
    pub member: String,
    pub note: String,
}

/// Writes a change of the team, in the transaction of the change.
pub fn team_change(
    conn: &mut DbConnection,
    at: NaiveDateTime,
    actor: &str,
    member: &str,
    note: &str,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::insert_into(team_changes::table)
        .values((
            team_changes::at.eq(at),
            team_changes::actor.eq(actor),
            team_changes::member.eq(member),
            team_changes::note.eq(note),
        ))
        .execute(c))
    .map(|_| ())
}

/// The latest `limit` changes of the team, newest first.
pub fn team_changes(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<TeamChangeRow>> {
    on_backend!(conn, |c| team_changes::table
        .order(team_changes::id.desc())
        .limit(limit)
        .select(TeamChangeRow::as_select())
        .load(c))
}
