//! Arrivals at the door: when a confirmed participant was checked in, and the counts of
//! who came.

use diesel::prelude::*;

use super::schema::registrations;
use super::{DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, Mode, RegistrationId, Status};
use crate::on_backend;

/// Marks a registration as arrived at `at`, unless it was already (the first time is
/// kept); whether it changed.
pub fn arrive(conn: &mut DbConnection, id: RegistrationId, at: DbTime) -> QueryResult<bool> {
    let changed = on_backend!(conn, |c| diesel::update(
        registrations::table
            .find(id)
            .filter(registrations::checked_in_at.is_null())
    )
    .set(registrations::checked_in_at.eq(Some(at)))
    .execute(c))?;
    Ok(changed == 1)
}

/// Undoes an arrival; whether there was one.
pub fn undo(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<bool> {
    let changed = on_backend!(conn, |c| diesel::update(
        registrations::table
            .find(id)
            .filter(registrations::checked_in_at.is_not_null())
    )
    .set(registrations::checked_in_at.eq(None::<DbTime>))
    .execute(c))?;
    Ok(changed == 1)
}

/// Who is expected in the room (confirmed, in person) and how many of them arrived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attendance {
    pub expected: i64,
    pub arrived: i64,
}

impl Attendance {
    /// Those expected who did not come (a count that means something once the event
    /// has ended).
    pub fn no_shows(&self) -> i64 {
        (self.expected - self.arrived).max(0)
    }
}

pub fn attendance(conn: &mut DbConnection, event: EventId) -> QueryResult<Attendance> {
    let expected_here = || {
        registrations::table
            .filter(registrations::event_id.eq(event))
            .filter(registrations::status.eq(Status::Confirmed))
            .filter(registrations::mode.eq(Mode::InPerson))
    };
    let expected: i64 = on_backend!(conn, |c| expected_here().count().get_result(c))?;
    let arrived: i64 = on_backend!(conn, |c| expected_here()
        .filter(registrations::checked_in_at.is_not_null())
        .count()
        .get_result(c))?;
    Ok(Attendance { expected, arrived })
}
