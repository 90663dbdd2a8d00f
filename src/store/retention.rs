//! Data retention (SPEC.md, "Security and privacy"): the personal data of an event that
//! ended more than the retention period ago is erased. Each registration keeps its row,
//! with placeholders for the name and address, so counts and the audit log keep their
//! shape; personal links and emails (which hold addresses and links) go. The audit log
//! keeps its rows: they name states, times and organizers, never a participant.

use chrono::NaiveDateTime;
use diesel::dsl::{exists, sql};
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::schema::{audit_entries, events, outbox, personal_tokens, registrations};
use super::{in_transaction, DbConnection, QueryResult};
use crate::on_backend;

/// The address an erased registration keeps (unique per row, never deliverable).
const ERASED_ADDRESS: &str = "'erased-' || CAST(id AS TEXT) || '@erased.invalid'";
const ERASED_PATTERN: &str = "%@erased.invalid";

/// Events that ended before `ended_before` and still hold personal data.
pub fn events_to_erase(
    conn: &mut DbConnection,
    ended_before: NaiveDateTime,
) -> QueryResult<Vec<i64>> {
    on_backend!(conn, |c| events::table
        .filter(events::ends_at.lt(ended_before))
        .filter(
            exists(
                registrations::table
                    .filter(registrations::event_id.eq(events::id))
                    .filter(registrations::email.not_like(ERASED_PATTERN)),
            )
            .or(exists(
                outbox::table.filter(outbox::event_id.eq(events::id.nullable())),
            )),
        )
        .select(events::id)
        .order(events::id.asc())
        .load(c))
}

/// Erases the personal data of one event in one transaction; returns how many
/// registrations were erased. Running it again finds nothing left to do.
pub fn erase_event(
    conn: &mut DbConnection,
    event_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    in_transaction(conn, |conn| {
        let people = registrations::table
            .filter(registrations::event_id.eq(event_id))
            .select(registrations::id);
        on_backend!(conn, |c| diesel::delete(
            personal_tokens::table.filter(personal_tokens::registration_id.eq_any(people))
        )
        .execute(c))?;
        on_backend!(conn, |c| diesel::delete(
            outbox::table.filter(
                outbox::event_id
                    .eq(event_id)
                    .or(outbox::registration_id.eq_any(people.nullable()))
            )
        )
        .execute(c))?;
        let erased = on_backend!(conn, |c| diesel::update(
            registrations::table
                .filter(registrations::event_id.eq(event_id))
                .filter(registrations::email.not_like(ERASED_PATTERN))
        )
        .set((
            registrations::email.eq(sql::<Text>(ERASED_ADDRESS)),
            registrations::name.eq("(erased)"),
            registrations::affiliation.eq(None::<String>),
            registrations::updated_at.eq(now),
        ))
        .execute(c))?;
        if erased > 0 {
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
        }
        // Other instances hold the event's ledger in memory; a new version makes them
        // read it again.
        on_backend!(conn, |c| diesel::update(events::table.find(event_id))
            .set(events::version.eq(events::version + 1))
            .execute(c))?;
        Ok(erased)
    })
}
