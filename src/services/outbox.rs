//! A nudge to the outbox from the dashboard or the API.

use chrono::Utc;

use crate::reads::OutboxEmail;
use crate::store::{dashboard, DbConnection, QueryResult};

/// What asking to send an email now came to.
pub enum Retry {
    /// The email is due at once; as it stands.
    Due(OutboxEmail),
    /// It is no longer waiting (delivered, or failed for good): nothing changed.
    NotPending(OutboxEmail),
    Unknown,
}

/// Makes a pending email due at once.
pub fn retry_now(conn: &mut DbConnection, id: i64) -> QueryResult<Retry> {
    let due = dashboard::retry_now(conn, id, Utc::now().naive_utc())?;
    Ok(match dashboard::outbox_row(conn, id)? {
        Some(row) if due => Retry::Due(row),
        Some(row) => Retry::NotPending(row),
        None => Retry::Unknown,
    })
}
