//! A nudge to the outbox from the dashboard.

use chrono::Utc;

use crate::store::{dashboard, DbConnection, QueryResult};

/// Makes a pending email due at once; false when it was delivered meanwhile.
pub fn retry_now(conn: &mut DbConnection, id: i64) -> QueryResult<bool> {
    dashboard::retry_now(conn, id, Utc::now().naive_utc())
}
