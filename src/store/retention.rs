//! Data retention (SPEC.md, "Security and privacy"): the personal data of an event that
//! ended more than the retention period ago is erased (see [`events_to_erase`] for when). Each registration keeps its row,
//! with placeholders for the name and address, so counts and the audit log keep their
//! shape; personal links and emails (which hold addresses and links) go. The audit log
//! keeps its rows: they name states, times and organizers, never a participant.

use chrono::NaiveDateTime;
use diesel::dsl::{exists, sql};
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::schema::{answers, audit_entries, events, personal_tokens, registrations};
use super::{in_transaction, DbConnection, QueryResult};
use crate::on_backend;

/// The address an erased registration keeps (unique per row, never deliverable).
const ERASED_ADDRESS: &str = "'erased-' || CAST(id AS TEXT) || '@erased.invalid'";
const ERASED_PATTERN: &str = "%@erased.invalid";

/// What one erasure removed.
#[derive(Debug, Default)]
pub struct Erased {
    pub registrations: usize,
    /// The ids of the emails deleted, whose files in the outbox folder go too.
    pub emails: Vec<i64>,
}

/// Events that ended before `cutoff` and still hold personal data of someone whose
/// registration last changed before it too.
///
/// A registration is erased once both the event's end and its own last change lie more
/// than the retention period back. An event's dates are the organizer's to move, and a
/// date typed wrong by years would otherwise erase everyone at once, minutes after they
/// registered; a registration's last change is the clock of when people really took part.
pub fn events_to_erase(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<Vec<i64>> {
    on_backend!(conn, |c| events::table
        .filter(events::ends_at.lt(cutoff))
        .filter(exists(
            registrations::table
                .filter(registrations::event_id.eq(events::id))
                .filter(registrations::email.not_like(ERASED_PATTERN))
                .filter(registrations::updated_at.lt(cutoff)),
        ))
        .select(events::id)
        .order(events::id.asc())
        .load(c))
}

/// Erases, in one transaction, the personal data of the event's registrations that last
/// changed before `cutoff` (see [`events_to_erase`]). Running it again finds nothing left
/// to do.
pub fn erase_event(
    conn: &mut DbConnection,
    event_id: i64,
    cutoff: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Erased> {
    in_transaction(conn, |conn| {
        let people: Vec<i64> = on_backend!(conn, |c| registrations::table
            .filter(registrations::event_id.eq(event_id))
            .filter(registrations::email.not_like(ERASED_PATTERN))
            .filter(registrations::updated_at.lt(cutoff))
            .select(registrations::id)
            .load(c))?;
        if people.is_empty() {
            return Ok(Erased::default());
        }
        on_backend!(conn, |c| diesel::delete(
            personal_tokens::table.filter(personal_tokens::registration_id.eq_any(&people))
        )
        .execute(c))?;
        let emails = super::outbox::ids_for(conn, &people)?;
        super::outbox::delete_for(conn, &people)?;
        on_backend!(conn, |c| diesel::delete(
            answers::table.filter(answers::registration_id.eq_any(&people))
        )
        .execute(c))?;
        super::reminders::erase_for(conn, &people)?;
        let erased = on_backend!(conn, |c| diesel::update(
            registrations::table.filter(registrations::id.eq_any(&people))
        )
        .set((
            registrations::email.eq(sql::<Text>(ERASED_ADDRESS)),
            registrations::name.eq("(erased)"),
            registrations::affiliation.eq(None::<String>),
            registrations::updated_at.eq(now),
        ))
        .execute(c))?;
        on_backend!(conn, |c| diesel::insert_into(audit_entries::table)
            .values((
                audit_entries::event_id.eq(event_id),
                audit_entries::at.eq(now),
                audit_entries::actor.eq("retention"),
                audit_entries::note.eq(format!(
                    "personal data of {erased} registrations erased after the retention period"
                )),
            ))
            .execute(c))?;
        // Other instances hold the event's ledger in memory; a new version makes them
        // read it again.
        on_backend!(conn, |c| diesel::update(events::table.find(event_id))
            .set(events::version.eq(events::version + 1))
            .execute(c))?;
        Ok(Erased {
            registrations: erased,
            emails,
        })
    })
}
