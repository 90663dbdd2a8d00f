//! An event's programme and questions, read from the database once per change of the
//! event's settings rather than on every read: they change only with the event row's
//! `updated_at`, which every settings change sets in the same transaction.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use crate::domain::{EventId, Part, Question};
use crate::store::events::EventRow;
use crate::store::{events, programme, DbConnection, DbTime, QueryResult};

/// The parts and questions of an event as of one `updated_at`.
struct Content {
    updated_at: DbTime,
    programme: Arc<[Part]>,
    questions: Arc<[Question]>,
}

static CONTENT: LazyLock<RwLock<HashMap<EventId, Content>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// The programme and questions of the event as its row shows it, if this process holds
/// them: no connection is needed then.
pub fn cached(event: &EventRow) -> Option<(Vec<Part>, Vec<Question>)> {
    let held = CONTENT.read().unwrap_or_else(|e| e.into_inner());
    held.get(&event.id)
        .filter(|c| c.updated_at == event.updated_at)
        .map(|c| (c.programme.to_vec(), c.questions.to_vec()))
}

/// The programme and questions of the event as its row shows it.
pub fn of(conn: &mut DbConnection, event: &EventRow) -> QueryResult<(Vec<Part>, Vec<Question>)> {
    if let Some(content) = cached(event) {
        return Ok(content);
    }
    let parts = programme::parts(conn, event.id)?;
    let questions = programme::questions(conn, event.id)?;
    // Kept only if no change committed between reading the row and reading these.
    if events::by_id(conn, event.id)?.updated_at == event.updated_at {
        CONTENT.write().unwrap_or_else(|e| e.into_inner()).insert(
            event.id,
            Content {
                updated_at: event.updated_at,
                programme: parts.clone().into(),
                questions: questions.clone().into(),
            },
        );
    }
    Ok((parts, questions))
}
