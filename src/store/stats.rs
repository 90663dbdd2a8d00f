//! Counts read when `/metrics` is scraped: registrations by state, and the outbox backlog.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::schema::registrations;
use super::{outbox, DbConnection, QueryResult};
use crate::on_backend;

/// How many registrations are in each state, over every event.
pub fn registrations_by_state(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    on_backend!(conn, |c| registrations::table
        .group_by(registrations::status)
        .select((registrations::status, count_star()))
        .load::<(String, i64)>(c))
}

/// Emails not yet delivered.
pub fn outbox_backlog(conn: &mut DbConnection) -> QueryResult<i64> {
    outbox::pending_count(conn)
}
