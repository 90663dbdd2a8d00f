//! How many registrations of an event a dashboard filter matches, counted once per state
//! of the event rather than on every view. A count holds while both the event's version
//! and its newest registration stay the same: a change of state, a deletion or an erasure
//! commits a new version of the event row (the shared ledgers rely on the same), and an
//! entry not yet confirmed, which the ledger does not change for, is a new newest
//! registration. Counting the rows of an event of 10,000 took most of a page view's time.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use super::EventState;
use crate::domain::{EventId, Mode, RegistrationId, Status};
use crate::store::dashboard::{self, RegistrationQuery};
use crate::store::registrations;
use crate::store::{DbConnection, QueryResult};

/// The filters a count depends on; a search or an answer is counted afresh each time.
type Filter = (EventId, Vec<Status>, Option<Mode>);

/// The state a count was made at: the event's version and its newest registration.
type Counted = (i64, Option<RegistrationId>);

/// (state counted at, count) by filter.
static COUNTS: LazyLock<Mutex<HashMap<Filter, (Counted, i64)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The number of registrations `query` matches in all, as of `state` or later.
pub fn of(
    conn: &mut DbConnection,
    state: &EventState,
    query: &RegistrationQuery,
) -> QueryResult<i64> {
    if query.search.is_some() || query.answer.is_some() {
        return dashboard::registration_count(conn, query);
    }
    let filter = (query.event_id, query.statuses.clone(), query.mode);
    let version = (
        state.event.version,
        registrations::newest_of_event(conn, query.event_id)?,
    );
    let held = COUNTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&filter)
        .copied();
    if let Some((counted_at, count)) = held {
        if counted_at == version {
            return Ok(count);
        }
    }
    // Counted after the state was read, so the count is of that state or a later one;
    // a later state is read, and counted, afresh.
    let count = dashboard::registration_count(conn, query)?;
    COUNTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(filter, (version, count));
    Ok(count)
}
