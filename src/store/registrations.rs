//! The registrations table: one row per person per event.

use chrono::NaiveDateTime;
use diesel::backend::Backend;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{Array, BigInt, HasSqlType, Integer, Nullable, Text, Timestamp};

use super::schema::registrations;
use super::{DbConnection, DbTime, Kept, QueryResult};
use crate::domain::{EventId, Language, Mode, Preference, RegistrationId, Status};
use crate::on_backend;

/// The statuses of registrations that hold a seat or wait in line.
pub const ACTIVE_STATUSES: [Status; 4] = [
    Status::Invited,
    Status::Waitlisted,
    Status::Offered,
    Status::Confirmed,
];

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = registrations)]
pub struct RegistrationRow {
    pub id: RegistrationId,
    pub event_id: EventId,
    pub email: String,
    pub name: String,
    pub affiliation: Option<String>,
    pub preference: Preference,
    pub status: Status,
    pub mode: Option<Mode>,
    pub hold_until: Option<DbTime>,
    pub priority: i32,
    pub line_since: Option<DbTime>,
    pub wait_for: Option<Mode>,
    pub wait_offered_until: Option<DbTime>,
    pub created_at: DbTime,
    pub updated_at: DbTime,
    pub checked_in_at: Option<DbTime>,
    pub reconfirm_by: Option<DbTime>,
    /// The language their emails are written in.
    pub language: Language,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = registrations)]
// NULL rather than DEFAULT for `None`: the statement is then the same for every join, so
// one prepared copy serves them all.
#[diesel(treat_none_as_default_value = false)]
pub struct NewRegistrationRow {
    pub event_id: EventId,
    pub email: String,
    pub name: String,
    pub affiliation: Option<String>,
    pub preference: Preference,
    pub status: Status,
    pub created_at: DbTime,
    pub updated_at: DbTime,
    pub language: Language,
}

/// The part of a registration that the state machine changes.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = registrations)]
#[diesel(treat_none_as_null = true)]
pub struct StateChange {
    pub status: Status,
    pub mode: Option<Mode>,
    pub hold_until: Option<DbTime>,
    pub priority: i32,
    pub line_since: Option<DbTime>,
    pub wait_for: Option<Mode>,
    pub wait_offered_until: Option<DbTime>,
    pub reconfirm_by: Option<DbTime>,
    pub updated_at: DbTime,
}

impl StateChange {
    /// A registration that holds no seat and waits for nothing: pending, ended, or a fresh
    /// start before the ledger places it.
    pub fn without_seat(status: Status, at: DbTime) -> Self {
        StateChange {
            status,
            mode: None,
            hold_until: None,
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
            updated_at: at,
        }
    }
}

impl RegistrationRow {
    /// The row as it reads once `change` is written.
    pub fn apply(&mut self, change: &StateChange) {
        self.status = change.status;
        self.mode = change.mode;
        self.hold_until = change.hold_until;
        self.priority = change.priority;
        self.line_since = change.line_since;
        self.wait_for = change.wait_for;
        self.wait_offered_until = change.wait_offered_until;
        self.reconfirm_by = change.reconfirm_by;
        self.updated_at = change.updated_at;
    }
}

/// A person's own details, replaced (with the state) when an ended registration starts again.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = registrations)]
#[diesel(treat_none_as_null = true)]
pub struct PersonChange {
    pub name: String,
    pub affiliation: Option<String>,
    pub preference: Preference,
    pub language: Language,
}

pub fn insert(conn: &mut DbConnection, row: &NewRegistrationRow) -> QueryResult<RegistrationRow> {
    on_backend!(conn, |c| diesel::insert_into(registrations::table)
        .values(row)
        .returning(RegistrationRow::as_returning())
        .get_result(c))
}

/// Inserts a registration unless its address is already registered for the event, and
/// returns it; `None` when the address was there. The unique index on (event, address)
/// decides. Looking the address up first was a query per join, and on a PostgreSQL table
/// without statistics yet (a new database in its first registration rush) the planner
/// chose the (event, created) index for it and read every registration of the event.
pub fn insert_unless_known(
    conn: &mut DbConnection,
    row: &NewRegistrationRow,
) -> QueryResult<Option<RegistrationRow>> {
    on_backend!(conn, |c| Kept::<InsertUnlessKnown, _>::new(
        diesel::insert_into(registrations::table)
            .values(row)
            .on_conflict((registrations::event_id, registrations::email))
            .do_nothing()
            .returning(RegistrationRow::as_returning())
    )
    .get_result(c)
    .optional())
}

/// Names the statement of [`insert_unless_known`] (see [`Kept`]).
struct InsertUnlessKnown;

pub fn by_id(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<Option<RegistrationRow>> {
    on_backend!(conn, |c| registrations::table
        .find(id)
        .select(RegistrationRow::as_select())
        .get_result(c)
        .optional())
}

/// The names of these registrations, by id.
pub fn names(
    conn: &mut DbConnection,
    ids: &[RegistrationId],
) -> QueryResult<Vec<(RegistrationId, String)>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::id.eq_any(ids))
        .select((registrations::id, registrations::name))
        .load(c))
}

pub fn by_email(
    conn: &mut DbConnection,
    event_id: EventId,
    email: &str,
) -> QueryResult<Option<RegistrationRow>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::email.eq(email))
        .select(RegistrationRow::as_select())
        .get_result(c)
        .optional())
}

/// The registrations of these addresses for the event, in one query.
pub fn by_emails(
    conn: &mut DbConnection,
    event_id: EventId,
    emails: &[&str],
) -> QueryResult<Vec<RegistrationRow>> {
    let mut rows = Vec::with_capacity(emails.len());
    // Within SQLite's limit on parameters.
    for chunk in emails.chunks(1000) {
        rows.extend(on_backend!(conn, |c| registrations::table
            .filter(registrations::event_id.eq(event_id))
            .filter(registrations::email.eq_any(chunk))
            .select(RegistrationRow::as_select())
            .load(c))?);
    }
    Ok(rows)
}

/// Registrations that hold a seat or wait in line: what the ledger is built from.
pub fn active(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<RegistrationRow>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq_any(ACTIVE_STATUSES))
        .select(RegistrationRow::as_select())
        .load(c))
}

pub fn for_event(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<RegistrationRow>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .order(registrations::id.asc())
        .select(RegistrationRow::as_select())
        .load(c))
}

/// The event's newest registration: one seek in the index by event and id.
pub fn newest_of_event(
    conn: &mut DbConnection,
    event_id: EventId,
) -> QueryResult<Option<RegistrationId>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .select(diesel::dsl::max(registrations::id))
        .first(c))
}

/// A registration's id with its stored status and mode, and whether a reconfirmation is
/// pending: what a filtered list needs to pick its rows.
pub type ListingKey = (RegistrationId, Status, Option<Mode>, bool);

/// The [`ListingKey`] of each registration of an event, by id.
pub fn listing_keys(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<ListingKey>> {
    let keys: Vec<(RegistrationId, Status, Option<Mode>, Option<DbTime>)> =
        on_backend!(conn, |c| registrations::table
            .filter(registrations::event_id.eq(event_id))
            .order(registrations::id.asc())
            .select((
                registrations::id,
                registrations::status,
                registrations::mode,
                registrations::reconfirm_by,
            ))
            .load(c))?;
    Ok(keys
        .into_iter()
        .map(|(id, status, mode, reconfirm_by)| (id, status, mode, reconfirm_by.is_some()))
        .collect())
}

/// Writes several states, each id once. On PostgreSQL that is one statement over arrays of
/// the new values, since a statement per row is a round trip the writer waits for (one
/// per confirmation in a rush). On SQLite a statement costs no round trip, so each state
/// goes through the one prepared statement.
pub fn set_states(
    conn: &mut DbConnection,
    changes: &[(RegistrationId, StateChange)],
) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(c) => changes
            .iter()
            .try_for_each(|(id, change)| SetState { id: *id, change }.execute(c).map(|_| ())),
        DbConnection::Postgres(c) => {
            let columns = StateColumns::of(changes);
            diesel::sql_query(
                "UPDATE registrations AS r SET status = v.status, mode = v.mode, \
                 hold_until = v.hold_until, priority = v.priority, line_since = v.line_since, \
                 wait_for = v.wait_for, wait_offered_until = v.wait_offered_until, \
                 reconfirm_by = v.reconfirm_by, updated_at = v.updated_at \
                 FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 AS v(id, status, mode, hold_until, priority, line_since, wait_for, \
                 wait_offered_until, reconfirm_by, updated_at) \
                 WHERE r.id = v.id",
            )
            .bind::<Array<BigInt>, _>(columns.ids)
            .bind::<Array<Text>, _>(columns.statuses)
            .bind::<Array<Nullable<Text>>, _>(columns.modes)
            .bind::<Array<Nullable<Timestamp>>, _>(columns.hold_until)
            .bind::<Array<Integer>, _>(columns.priorities)
            .bind::<Array<Nullable<Timestamp>>, _>(columns.line_since)
            .bind::<Array<Nullable<Text>>, _>(columns.wait_for)
            .bind::<Array<Nullable<Timestamp>>, _>(columns.wait_offered_until)
            .bind::<Array<Nullable<Timestamp>>, _>(columns.reconfirm_by)
            .bind::<Array<Timestamp>, _>(columns.updated_at)
            .execute(c)
            .map(|_| ())
        }
    }
}

/// States as one array per column, the rows PostgreSQL's `unnest` puts back together.
#[derive(Default)]
struct StateColumns {
    ids: Vec<i64>,
    statuses: Vec<&'static str>,
    modes: Vec<Option<&'static str>>,
    hold_until: Vec<Option<NaiveDateTime>>,
    priorities: Vec<i32>,
    line_since: Vec<Option<NaiveDateTime>>,
    wait_for: Vec<Option<&'static str>>,
    wait_offered_until: Vec<Option<NaiveDateTime>>,
    reconfirm_by: Vec<Option<NaiveDateTime>>,
    updated_at: Vec<NaiveDateTime>,
}

impl StateColumns {
    fn of(changes: &[(RegistrationId, StateChange)]) -> Self {
        let mut columns = StateColumns::default();
        for (id, change) in changes {
            // Named field by field, as in `SetState`, so a field added to `StateChange`
            // fails to compile here until the statement writes it too.
            let StateChange {
                status,
                mode,
                hold_until,
                priority,
                line_since,
                wait_for,
                wait_offered_until,
                reconfirm_by,
                updated_at,
            } = change;
            columns.ids.push(id.0);
            columns.statuses.push(status.as_str());
            columns.modes.push(mode.map(Mode::as_str));
            columns.hold_until.push(hold_until.map(|at| at.0));
            columns.priorities.push(*priority);
            columns.line_since.push(line_since.map(|at| at.0));
            columns.wait_for.push(wait_for.map(Mode::as_str));
            columns
                .wait_offered_until
                .push(wait_offered_until.map(|at| at.0));
            columns.reconfirm_by.push(reconfirm_by.map(|at| at.0));
            columns.updated_at.push(updated_at.0);
        }
        columns
    }
}

/// The state update as one fixed statement, which each connection prepares once: diesel
/// prepares its own updates afresh every time (a changeset may leave columns out), and
/// nearly every command of a rush writes one state. diesel's update of the changeset
/// marked as [`Kept`] would be prepared once too, but its walk over the changeset cost the
/// writer more.
struct SetState<'a> {
    id: RegistrationId,
    change: &'a StateChange,
}

impl QueryId for SetState<'_> {
    type QueryId = SetState<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<DB> QueryFragment<DB> for SetState<'_>
where
    DB: Backend
        + HasSqlType<Text>
        + HasSqlType<Integer>
        + HasSqlType<BigInt>
        + HasSqlType<Timestamp>,
    Status: ToSql<Text, DB>,
    Mode: ToSql<Text, DB>,
    i32: ToSql<Integer, DB>,
    RegistrationId: ToSql<BigInt, DB>,
    DbTime: ToSql<Timestamp, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // Named field by field, so a field added to `StateChange` fails to compile here
        // until the statement writes it too.
        let StateChange {
            status,
            mode,
            hold_until,
            priority,
            line_since,
            wait_for,
            wait_offered_until,
            reconfirm_by,
            updated_at,
        } = self.change;
        out.push_sql("UPDATE registrations SET status = ");
        out.push_bind_param::<Text, _>(status)?;
        out.push_sql(", mode = ");
        out.push_bind_param::<Nullable<Text>, _>(mode)?;
        out.push_sql(", hold_until = ");
        out.push_bind_param::<Nullable<Timestamp>, _>(hold_until)?;
        out.push_sql(", priority = ");
        out.push_bind_param::<Integer, _>(priority)?;
        out.push_sql(", line_since = ");
        out.push_bind_param::<Nullable<Timestamp>, _>(line_since)?;
        out.push_sql(", wait_for = ");
        out.push_bind_param::<Nullable<Text>, _>(wait_for)?;
        out.push_sql(", wait_offered_until = ");
        out.push_bind_param::<Nullable<Timestamp>, _>(wait_offered_until)?;
        out.push_sql(", reconfirm_by = ");
        out.push_bind_param::<Nullable<Timestamp>, _>(reconfirm_by)?;
        out.push_sql(", updated_at = ");
        out.push_bind_param::<Timestamp, _>(updated_at)?;
        out.push_sql(" WHERE id = ");
        out.push_bind_param::<BigInt, _>(&self.id)?;
        Ok(())
    }
}

impl<Conn> RunQueryDsl<Conn> for SetState<'_> {}

pub fn set_person(
    conn: &mut DbConnection,
    id: RegistrationId,
    person: &PersonChange,
    state: &StateChange,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(registrations::table.find(id))
        .set((person, state))
        .execute(c))
    .map(|_| ())
}

/// Replaces a person's details with placeholders; the row stays so counts and the audit
/// log keep their shape.
pub fn erase_person(conn: &mut DbConnection, id: RegistrationId, now: DbTime) -> QueryResult<()> {
    super::answers::erase(conn, id)?;
    super::reminders::erase_for(conn, &[id.0])?;
    on_backend!(conn, |c| diesel::update(registrations::table.find(id))
        .set((
            registrations::email.eq(format!("erased-{id}@erased.invalid")),
            registrations::name.eq("(erased)"),
            registrations::affiliation.eq(None::<String>),
            registrations::updated_at.eq(now),
        ))
        .execute(c))
    .map(|_| ())
}

/// Entries whose address has not been confirmed since `before`, with their events.
pub fn unconfirmed_before(
    conn: &mut DbConnection,
    before: DbTime,
) -> QueryResult<Vec<(RegistrationId, EventId)>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::status.eq(Status::PendingEmail))
        .filter(registrations::updated_at.lt(before))
        .select((registrations::id, registrations::event_id))
        .order(registrations::id.asc())
        .load(c))
}

/// Deletes these registrations (their links and emails must be gone first).
pub fn delete(conn: &mut DbConnection, ids: &[RegistrationId]) -> QueryResult<()> {
    super::answers::erase_all(conn, ids)?;
    on_backend!(conn, |c| diesel::delete(
        registrations::table.filter(registrations::id.eq_any(ids))
    )
    .execute(c))
    .map(|_| ())
}

/// Events with an invitation or offer whose deadline has passed.
pub fn events_with_lapsed_holds(conn: &mut DbConnection, now: DbTime) -> QueryResult<Vec<EventId>> {
    on_backend!(conn, |c| registrations::table
        .filter(
            registrations::status.eq_any(ACTIVE_STATUSES).and(
                registrations::hold_until
                    .le(now)
                    .or(registrations::wait_offered_until.le(now))
                    .or(registrations::reconfirm_by.le(now))
            ),
        )
        .select(registrations::event_id)
        .distinct()
        .load(c))
}
