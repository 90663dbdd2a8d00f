//! The audit log: one row per change, written in the transaction of the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_entries;
use super::{DbConnection, QueryResult};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_entries)]
pub struct AuditRow {
    pub id: i64,
    pub event_id: i64,
    pub registration_id: Option<i64>,
    pub at: NaiveDateTime,
    pub actor: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_entries)]
// NULL rather than DEFAULT for `None`, so many rows go in one statement on SQLite too.
#[diesel(treat_none_as_default_value = false)]
pub struct NewAuditRow {
    pub event_id: i64,
    pub registration_id: Option<i64>,
    pub at: NaiveDateTime,
    pub actor: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: String,
}

pub fn insert(conn: &mut DbConnection, rows: &[NewAuditRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    on_backend!(conn, |c| diesel::insert_into(audit_entries::table)
        .values(rows)
        .execute(c))
    .map(|_| ())
}

pub fn for_event(conn: &mut DbConnection, event_id: i64) -> QueryResult<Vec<AuditRow>> {
    on_backend!(conn, |c| audit_entries::table
        .filter(audit_entries::event_id.eq(event_id))
        .order(audit_entries::id.asc())
        .select(AuditRow::as_select())
        .load(c))
}
