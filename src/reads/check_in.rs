//! What the door needs: the people matching a search, and the counts of who came.

use super::{registrations_of, EventState, RegistrationState};
use crate::domain::Status;
pub use crate::store::check_in::Attendance;
use crate::store::{check_in, DbConnection, QueryResult};

/// How many people a search shows at once: a phone's screen, with room to scroll.
pub const SEARCH_LIMIT: usize = 25;

/// The event's registrations whose name or address contains `query` (case-insensitive),
/// confirmed ones first, then by name; at most [`SEARCH_LIMIT`].
pub fn search(
    conn: &mut DbConnection,
    state: &EventState,
    query: &str,
) -> QueryResult<Vec<RegistrationState>> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<RegistrationState> = registrations_of(conn, state, None, None)?
        .into_iter()
        .filter(|r| {
            r.row.name.to_lowercase().contains(&query)
                || r.row.email.to_lowercase().contains(&query)
        })
        .collect();
    found.sort_by_cached_key(|r| (r.status != Status::Confirmed, r.row.name.to_lowercase()));
    found.truncate(SEARCH_LIMIT);
    Ok(found)
}

/// Those expected in the room and those of them who arrived.
pub fn attendance(conn: &mut DbConnection, state: &EventState) -> QueryResult<Attendance> {
    check_in::attendance(conn, state.event.id)
}
