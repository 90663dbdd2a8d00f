//! Organizers' secret links to the calendar feed, for calendar apps that cannot sign in.
//! Like API tokens, a link's secret is random (128 bits) and only its SHA-256 hash is
//! stored; an organizer has at most one live link (a unique index says so), and making a
//! new one revokes the one before.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{calendar_feeds, organizers};
use super::{in_transaction, tokens, DbConnection, DbTime, QueryResult};
use crate::on_backend;

/// A live feed link, without its secret (which is not kept).
#[derive(Debug, Clone, Queryable)]
pub struct CalendarFeedRow {
    pub id: i64,
    pub organizer_id: i64,
    pub created_at: DbTime,
}

/// Revokes the organizer's live link, if any, and makes a new one; the secret is returned
/// in the clear this once.
pub fn replace(
    conn: &mut DbConnection,
    organizer_id: i64,
    now: NaiveDateTime,
) -> QueryResult<String> {
    in_transaction(conn, |conn| {
        // Two requests of one organizer at once on PostgreSQL: the second waits here
        // instead of failing on the unique index of live links.
        if let DbConnection::Postgres(c) = conn {
            organizers::table
                .find(organizer_id)
                .select(organizers::id)
                .for_update()
                .get_result::<i64>(c)?;
        }
        revoke(conn, organizer_id, now)?;
        let secret = tokens::generate();
        on_backend!(conn, |c| diesel::insert_into(calendar_feeds::table)
            .values((
                calendar_feeds::organizer_id.eq(organizer_id),
                calendar_feeds::token_hash.eq(tokens::hash(&secret)),
                calendar_feeds::created_at.eq(now),
            ))
            .execute(c))?;
        Ok(secret)
    })
}

/// The organizer's live link.
pub fn live_of(conn: &mut DbConnection, organizer_id: i64) -> QueryResult<Option<CalendarFeedRow>> {
    on_backend!(conn, |c| calendar_feeds::table
        .filter(calendar_feeds::organizer_id.eq(organizer_id))
        .filter(calendar_feeds::revoked_at.is_null())
        .select((
            calendar_feeds::id,
            calendar_feeds::organizer_id,
            calendar_feeds::created_at,
        ))
        .get_result(c)
        .optional())
}

/// Revokes the organizer's live link; false when there was none.
pub fn revoke(conn: &mut DbConnection, organizer_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = on_backend!(conn, |c| diesel::update(
        calendar_feeds::table
            .filter(calendar_feeds::organizer_id.eq(organizer_id))
            .filter(calendar_feeds::revoked_at.is_null())
    )
    .set(calendar_feeds::revoked_at.eq(now))
    .execute(c))?;
    Ok(updated > 0)
}

/// The organizer whose live link has this secret.
pub fn owner(conn: &mut DbConnection, secret: &str) -> QueryResult<Option<i64>> {
    if !tokens::looks_like_token(secret) {
        return Ok(None);
    }
    on_backend!(conn, |c| calendar_feeds::table
        .filter(calendar_feeds::token_hash.eq(tokens::hash(secret)))
        .filter(calendar_feeds::revoked_at.is_null())
        .select(calendar_feeds::organizer_id)
        .get_result(c)
        .optional())
}
