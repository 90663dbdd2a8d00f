//! The audit log: one row per change, written in the transaction of the change.

use diesel::prelude::*;

use super::schema::audit_entries;
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

pub fn for_event(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<AuditRow>> {
    on_backend!(conn, |c| audit_entries::table
        .filter(audit_entries::event_id.eq(event_id))
        .order(audit_entries::id.asc())
        .select(AuditRow::as_select())
        .load(c))
}
