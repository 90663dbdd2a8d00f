//! The outbox: every email, queued in the transaction of the change it reports and
//! delivered later by the mail worker. A participant email is queued as what it is about
//! plus its personal link and written out at delivery; other emails are queued whole. A
//! row keeps its body and link only until it is delivered (or has failed for good);
//! afterwards it records what was sent to whom and when. Its status is `pending` until
//! then, `sent` once delivered, `failed` when it never will be.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text, Timestamp};

use super::schema::outbox;
use super::{insert_rows, DbConnection, DbTime, QueryResult};
use crate::domain::{Language, SendId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub event_id: Option<i64>,
    pub registration_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: Option<String>,
    pub body_html: Option<String>,
    pub calendar: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    /// For an email written at delivery: what it is about, as JSON (`mail::MailKind`).
    pub details: Option<String>,
    /// For an email written at delivery: the personal link, until it is delivered.
    pub link: Option<String>,
    /// The send it is part of, if an organizer sent it to many people at once.
    pub send_id: Option<SendId>,
    /// The language it is framed in, named in its Content-Language header.
    pub language: Language,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
// NULL rather than DEFAULT for `None`: the statement is then the same for every row, so
// one prepared copy serves them all.
#[diesel(treat_none_as_default_value = false)]
pub struct NewOutboxRow {
    pub event_id: Option<i64>,
    pub registration_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: Option<String>,
    pub body_html: Option<String>,
    pub calendar: Option<String>,
    pub status: String,
    pub next_attempt_at: DbTime,
    pub created_at: DbTime,
    pub details: Option<String>,
    pub link: Option<String>,
    pub send_id: Option<SendId>,
    pub language: Language,
}

pub fn insert(conn: &mut DbConnection, rows: &[NewOutboxRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    insert_rows!(conn, outbox::table, rows)
}

/// Takes up to `limit` due emails, oldest first, for delivery until `until`, and returns
/// them. Pending emails whose time has come and that no other worker holds qualify. The
/// claim is one conditional update that checks the conditions again, so several instances
/// never take the same email, and an idle poll writes nothing.
///
/// On PostgreSQL the claim passes over emails whose rows another transaction has locked:
/// the writer deletes the unsent emails of a person who erases themselves, and a claim
/// that waited for one of those rows while holding others deadlocked with it.
///
/// Only emails after `after` are looked at: a worker that has just taken emails up to
/// some id starts its next claim there. On PostgreSQL the index of pending emails keeps
/// an entry for each email sent since the last vacuum, and a claim from the start read
/// them all again (30,000 entries, 6 ms a claim, in a rush of 10,000).
pub fn claim_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    until: NaiveDateTime,
    limit: i64,
    after: i64,
) -> QueryResult<Vec<OutboxRow>> {
    let claimable = outbox::status.eq("pending").and(
        outbox::claimed_until
            .is_null()
            .or(outbox::claimed_until.lt(now)),
    );
    let due = outbox::table
        .filter(claimable)
        .filter(outbox::id.gt(after))
        .filter(outbox::next_attempt_at.le(now))
        .order(outbox::id.asc())
        .limit(limit)
        .select(outbox::id);
    let claim = |due: Vec<i64>| {
        diesel::update(
            outbox::table
                .filter(outbox::id.eq_any(due))
                .filter(claimable),
        )
        .set(outbox::claimed_until.eq(until))
    };
    let mut claimed: Vec<OutboxRow> = match conn {
        DbConnection::Postgres(c) => c.transaction(|c| {
            let due: Vec<i64> = due.for_update().skip_locked().load(c)?;
            if due.is_empty() {
                return Ok(Vec::new());
            }
            // Locked by this transaction, so still claimable: found by their keys alone,
            // not through the index of pending emails again (4 ms a claim in a rush, most
            // of its entries those of emails just sent).
            diesel::update(outbox::table.filter(outbox::id.eq_any(due)))
                .set(outbox::claimed_until.eq(until))
                .returning(OutboxRow::as_returning())
                .get_results(c)
        })?,
        DbConnection::Sqlite(c) => {
            let due: Vec<i64> = due.load(c)?;
            if due.is_empty() {
                return Ok(Vec::new());
            }
            claim(due)
                .returning(OutboxRow::as_returning())
                .get_results(c)?
        }
    };
    claimed.sort_by_key(|row| row.id);
    Ok(claimed)
}

/// Lets go of claims this worker made (until `until`) but will not deliver now, so the
/// emails keep their place in line.
pub fn release(conn: &mut DbConnection, ids: &[i64], until: NaiveDateTime) -> QueryResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    on_backend!(conn, |c| diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::status.eq("pending"))
            .filter(outbox::claimed_until.eq(until))
    )
    .set(outbox::claimed_until.eq(None::<NaiveDateTime>))
    .execute(c))
    .map(|_| ())
}

/// Records several deliveries at once (see [`mark_sent`]): (id, subject, when). On SQLite
/// in one transaction of a statement each; on PostgreSQL in one statement over arrays, as a
/// statement per email is a round trip each (17,000 of them in a benchmark run of 10,000
/// joins and a rush).
pub fn mark_sent_all(
    conn: &mut DbConnection,
    marks: &[(i64, String, NaiveDateTime)],
) -> QueryResult<()> {
    match conn {
        DbConnection::Postgres(c) => mark_sent_together(c, marks),
        DbConnection::Sqlite(_) => super::in_transaction(conn, |conn| {
            marks
                .iter()
                .try_for_each(|(id, subject, at)| mark_sent(conn, *id, subject, *at))
        }),
    }
}

fn mark_sent_together(
    conn: &mut PgConnection,
    marks: &[(i64, String, NaiveDateTime)],
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE outbox AS o SET status = 'sent', subject = v.subject, sent_at = v.sent_at, \
         attempts = o.attempts + 1, body_text = NULL, body_html = NULL, calendar = NULL, \
         link = NULL, claimed_until = NULL, last_error = NULL \
         FROM unnest($1, $2, $3) AS v(id, subject, sent_at) \
         WHERE o.id = v.id",
    )
    .bind::<Array<BigInt>, _>(marks.iter().map(|(id, _, _)| *id).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(
        marks
            .iter()
            .map(|(_, subject, _)| subject.as_str())
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Timestamp>, _>(marks.iter().map(|(_, _, at)| *at).collect::<Vec<_>>())
    .execute(conn)
    .map(|_| ())
}

/// Records the delivery with the subject it went out with, and drops the body and the
/// personal link.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: i64,
    subject: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("sent"),
            outbox::subject.eq(subject),
            outbox::sent_at.eq(now),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::body_text.eq(None::<String>),
            outbox::body_html.eq(None::<String>),
            outbox::calendar.eq(None::<String>),
            outbox::link.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(c))
    .map(|_| ())
}

/// Records that an email will never go out (the mail server refused it for good, or it
/// cannot be written): status `failed`, with the reason, and the body and personal link
/// dropped as for a delivered one.
pub fn mark_failed(conn: &mut DbConnection, id: i64, error: &str) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("failed"),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::body_text.eq(None::<String>),
            outbox::body_html.eq(None::<String>),
            outbox::calendar.eq(None::<String>),
            outbox::link.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(c))
    .map(|_| ())
}

/// Puts an email back to wait until `next_attempt_at`, counting the attempt; it keeps its
/// place among the pending ones, and no other email waits for it.
pub fn mark_retry(
    conn: &mut DbConnection,
    id: i64,
    next_attempt_at: NaiveDateTime,
    error: &str,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(next_attempt_at),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(c))
    .map(|_| ())
}

/// The kinds counted per address by [`sent_to_address_since`], in the words of the
/// condition of the partial index `outbox_requests_by_recipient`: a query must repeat it
/// exactly for SQLite and PostgreSQL to use that index.
const REQUEST_KINDS_CONDITION: &str =
    "kind IN ('confirm_address', 'personal_link', 'newsletter_confirm')";

/// How many emails of these kinds (some of [`REQUEST_KINDS_CONDITION`]) went to an
/// address since `since`.
pub fn sent_to_address_since(
    conn: &mut DbConnection,
    recipient: &str,
    kinds: &[&str],
    since: NaiveDateTime,
) -> QueryResult<i64> {
    let counted = sent_to_addresses_since(conn, &[recipient], kinds, since)?;
    Ok(counted.get(recipient).copied().unwrap_or(0))
}

/// [`sent_to_address_since`] for several addresses at once, by address; an address sent
/// none is left out.
pub fn sent_to_addresses_since(
    conn: &mut DbConnection,
    recipients: &[&str],
    kinds: &[&str],
    since: NaiveDateTime,
) -> QueryResult<std::collections::HashMap<String, i64>> {
    debug_assert!(kinds
        .iter()
        .all(|kind| REQUEST_KINDS_CONDITION.contains(&format!("'{kind}'"))));
    let counted: Vec<(String, i64)> = on_backend!(conn, |c| outbox::table
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            REQUEST_KINDS_CONDITION
        ))
        .filter(outbox::recipient.eq_any(recipients))
        .filter(outbox::created_at.ge(since))
        .filter(outbox::kind.eq_any(kinds))
        .group_by(outbox::recipient)
        .select((outbox::recipient, diesel::dsl::count_star()))
        .load(c))?;
    Ok(counted.into_iter().collect())
}

/// The ids of every email to or about these registrations.
pub fn ids_for(conn: &mut DbConnection, registration_ids: &[i64]) -> QueryResult<Vec<i64>> {
    on_backend!(conn, |c| outbox::table
        .filter(outbox::registration_id.eq_any(registration_ids))
        .select(outbox::id)
        .load(c))
}

/// Deletes every email to or about these registrations.
pub fn delete_for(conn: &mut DbConnection, registration_ids: &[i64]) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        outbox::table.filter(outbox::registration_id.eq_any(registration_ids))
    )
    .execute(c))
    .map(|_| ())
}

/// Deletes a failed email (one written anew in its place).
pub fn delete_failed(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    on_backend!(conn, |c| diesel::delete(
        outbox::table.find(id).filter(outbox::status.eq("failed"))
    )
    .execute(c))
    .map(|n| n == 1)
}

/// Drops the undelivered emails of a person who erased their data.
pub fn drop_pending_for(conn: &mut DbConnection, registration_id: i64) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        outbox::table
            .filter(outbox::registration_id.eq(registration_id))
            .filter(outbox::status.eq("pending"))
    )
    .execute(c))?;
    on_backend!(conn, |c| diesel::update(
        outbox::table.filter(outbox::registration_id.eq(registration_id))
    )
    .set(outbox::recipient.eq("(erased)"))
    .execute(c))
    .map(|_| ())
}

pub fn pending_count(conn: &mut DbConnection) -> QueryResult<i64> {
    on_backend!(conn, |c| outbox::table
        .filter(outbox::status.eq("pending"))
        .count()
        .get_result(c))
}
