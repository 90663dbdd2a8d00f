//! Sends: the emails one organizer command queued at once (invitations, a message to a
//! group). A send is written in the transaction of the command, with the number of emails
//! it queued; each of those outbox rows names it, so its delivery can be followed.

use diesel::prelude::*;

use super::outbox::OutboxRow;
use super::schema::{events, outbox, sends};
use super::{DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, SendId, SendKind};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sends)]
pub struct SendRow {
    pub id: SendId,
    /// None for a newsletter issue.
    pub event_id: Option<EventId>,
    pub kind: SendKind,
    /// Who sent it, as the audit log names them.
    pub actor: String,
    /// How many emails it queued.
    pub emails: i32,
    pub created_at: DbTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = sends)]
pub struct NewSendRow {
    pub event_id: Option<EventId>,
    pub kind: SendKind,
    pub actor: String,
    pub emails: i32,
    pub created_at: DbTime,
}

pub fn insert(conn: &mut DbConnection, row: &NewSendRow) -> QueryResult<SendId> {
    on_backend!(conn, |c| diesel::insert_into(sends::table)
        .values(row)
        .returning(sends::id)
        .get_result(c))
}

/// A send with the slug and title of its event, if it has one.
pub type SendWithEvent = (SendRow, Option<String>, Option<String>);

pub fn by_id(conn: &mut DbConnection, id: SendId) -> QueryResult<Option<SendWithEvent>> {
    on_backend!(conn, |c| sends::table
        .left_join(events::table)
        .filter(sends::id.eq(id))
        .select((
            SendRow::as_select(),
            events::slug.nullable(),
            events::title.nullable(),
        ))
        .get_result(c)
        .optional())
}

/// How a send's emails stand: waiting (pending), delivered (sent) and failed. Emails of
/// people who erased their data since, or erased by retention, are in none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

pub fn delivery(conn: &mut DbConnection, id: SendId) -> QueryResult<Delivery> {
    let counts: Vec<(String, i64)> = on_backend!(conn, |c| outbox::table
        .filter(outbox::send_id.eq(id))
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(c))?;
    let mut delivery = Delivery::default();
    for (status, count) in counts {
        match status.as_str() {
            "pending" => delivery.pending += count,
            "sent" => delivery.sent += count,
            _ => delivery.failed += count,
        }
    }
    Ok(delivery)
}

/// A page of a send's emails, in the order they were queued.
pub fn emails(
    conn: &mut DbConnection,
    id: SendId,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<OutboxRow>> {
    on_backend!(conn, |c| outbox::table
        .filter(outbox::send_id.eq(id))
        .order(outbox::id.asc())
        .offset(offset)
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(c))
}

/// A send's emails that failed for good, in the order they were queued.
pub fn failed_emails(conn: &mut DbConnection, id: SendId) -> QueryResult<Vec<OutboxRow>> {
    on_backend!(conn, |c| outbox::table
        .filter(outbox::send_id.eq(id))
        .filter(outbox::status.eq("failed"))
        .order(outbox::id.asc())
        .limit(1000)
        .select(OutboxRow::as_select())
        .load(c))
}
