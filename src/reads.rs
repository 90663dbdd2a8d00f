//! What pages and the API show, read from a pooled connection without taking the writer.
//! An event's ledger comes from the ledgers this process last committed (see
//! [`crate::published`]), or is rebuilt from the database when another instance changed
//! the event since; it is settled in memory, so a hold whose deadline passed is shown as
//! free even before the sweeper has written its expiry.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::{Ledger, Mode, Status};
use crate::published::{publish, published};
use crate::store::convert::{entry_of, rules_of};
use crate::store::events::EventRow;
use crate::store::registrations::RegistrationRow;
use crate::store::{events, registrations, tokens, DbConnection, QueryResult};

/// An event with its ledger as of now.
pub struct EventState {
    pub event: EventRow,
    pub ledger: Arc<Ledger>,
    /// A hold has lapsed that the database does not show as expired yet.
    pub needs_settling: bool,
}

pub fn event_state(
    conn: &mut DbConnection,
    event: EventRow,
    now: DateTime<Utc>,
) -> QueryResult<EventState> {
    let ledger = match published(event.id, event.version) {
        Some(ledger) => ledger,
        None => {
            let entries = registrations::active(conn, event.id)?
                .iter()
                .map(entry_of)
                .collect::<Vec<_>>();
            let ledger = Arc::new(Ledger::new(rules_of(&event), entries));
            // Shared only if no change committed while the rows were read.
            if events::by_id(conn, event.id)?.version == event.version {
                publish(event.id, event.version, Arc::clone(&ledger));
            }
            ledger
        }
    };
    if ledger.next_deadline().is_none_or(|deadline| deadline > now) {
        return Ok(EventState {
            event,
            ledger,
            needs_settling: false,
        });
    }
    let mut settled = Ledger::clone(&ledger);
    settled.settle(now);
    let needs_settling = settled.has_changes();
    settled.take_changes();
    Ok(EventState {
        event,
        ledger: Arc::new(settled),
        needs_settling,
    })
}

pub fn event_by_slug(
    conn: &mut DbConnection,
    slug: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<EventState>> {
    match events::by_slug(conn, slug)? {
        Some(event) => event_state(conn, event, now).map(Some),
        None => Ok(None),
    }
}

/// A registration as of now: its row with the state the settled ledger gives it.
#[derive(Debug, Clone)]
pub struct RegistrationState {
    pub row: RegistrationRow,
    pub status: Status,
    pub mode: Option<Mode>,
    pub hold_until: Option<DateTime<Utc>>,
    pub position: Option<u32>,
    pub wait_for: Option<Mode>,
    pub wait_position: Option<u32>,
    pub wait_offered_until: Option<DateTime<Utc>>,
    pub line_rank: Option<usize>,
}

pub fn registration_state(state: &EventState, row: RegistrationRow) -> RegistrationState {
    registration_in(&state.ledger, row)
}

/// A registration with the state a settled ledger gives it.
pub fn registration_in(ledger: &Ledger, row: RegistrationRow) -> RegistrationState {
    let position = ledger.position(row.id.0);
    shown(ledger, row, position)
}

/// Registrations with the states a settled ledger gives them, their places in line found
/// in one pass over the line.
pub fn registration_states(
    state: &EventState,
    rows: Vec<RegistrationRow>,
) -> Vec<RegistrationState> {
    let ids = rows.iter().map(|row| row.id.0).collect();
    let positions = state.ledger.positions(&ids);
    rows.into_iter()
        .map(|row| {
            let position = positions.get(&row.id.0).copied();
            shown(&state.ledger, row, position)
        })
        .collect()
}

fn shown(ledger: &Ledger, row: RegistrationRow, position: Option<u32>) -> RegistrationState {
    let stored = row.status;
    match ledger.entry(row.id.0) {
        Some(entry) => {
            let confirmed_waiting = entry.status == Status::Confirmed && entry.wait_for.is_some();
            RegistrationState {
                status: entry.status,
                mode: entry.mode,
                hold_until: if entry.status.is_hold() {
                    entry.hold_until
                } else {
                    None
                },
                position: if entry.status == Status::Waitlisted {
                    position
                } else {
                    None
                },
                wait_for: entry.wait_for,
                wait_position: if confirmed_waiting && entry.wait_offered_until.is_none() {
                    position
                } else {
                    None
                },
                wait_offered_until: entry.wait_offered_until,
                line_rank: None,
                row,
            }
        }
        None => {
            // Active in the database but gone from the settled ledger: its hold lapsed.
            let status = if stored.is_hold() {
                Status::Expired
            } else {
                stored
            };
            RegistrationState {
                status,
                mode: row.mode,
                hold_until: None,
                position: None,
                wait_for: None,
                wait_position: None,
                wait_offered_until: None,
                line_rank: None,
                row,
            }
        }
    }
}

/// The registrations of an event, filtered; waitlisted ones in line order first.
pub fn registrations_of(
    conn: &mut DbConnection,
    state: &EventState,
    status: Option<Status>,
    mode: Option<Mode>,
) -> QueryResult<Vec<RegistrationState>> {
    let line_order: std::collections::HashMap<i64, usize> = state
        .ledger
        .line()
        .enumerate()
        .map(|(rank, entry)| (entry.id, rank))
        .collect();
    let mut rows: Vec<RegistrationState> =
        registration_states(state, registrations::for_event(conn, state.event.id)?)
            .into_iter()
            .map(|mut view| {
                view.line_rank = line_order.get(&view.row.id.0).copied();
                view
            })
            .filter(|r| status.is_none_or(|s| r.status == s))
            .filter(|r| mode.is_none_or(|m| r.mode == Some(m)))
            .collect();
    rows.sort_by_key(|r| (r.line_rank.is_none(), r.line_rank, r.row.id));
    Ok(rows)
}

/// A person's own registration, found by their personal token.
pub fn by_token(
    conn: &mut DbConnection,
    token: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<(EventState, RegistrationState)>> {
    let Some(row) = tokens::registration_row_of(conn, token)? else {
        return Ok(None);
    };
    let event = events::by_id(conn, row.event_id)?;
    let state = event_state(conn, event, now)?;
    let registration = registration_state(&state, row);
    Ok(Some((state, registration)))
}
