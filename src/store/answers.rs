//! The answers people gave to an event's questions: one row per value (a question of
//! several choices has a row per option chosen), kept by question key, so that changing
//! or removing a question leaves the answers given to it as they were.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::schema::{answers, registrations};
use super::{insert_rows, DbConnection, QueryResult};
use crate::domain::{Answers, EventId, RegistrationId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = answers)]
struct AnswerRow {
    registration_id: RegistrationId,
    question_key: String,
    value: String,
}

fn collect(rows: Vec<AnswerRow>) -> HashMap<RegistrationId, Answers> {
    let mut by_registration: HashMap<RegistrationId, BTreeMap<String, Vec<String>>> =
        HashMap::new();
    for row in rows {
        by_registration
            .entry(row.registration_id)
            .or_default()
            .entry(row.question_key)
            .or_default()
            .push(row.value);
    }
    by_registration
        .into_iter()
        .map(|(id, values)| (id, Answers::stored(values)))
        .collect()
}

/// Replaces the answers of a registration with these.
pub fn save(conn: &mut DbConnection, id: RegistrationId, given: &Answers) -> QueryResult<()> {
    erase(conn, id)?;
    insert(conn, id, given)
}

/// The answers of a new registration (none stored yet).
pub fn insert(conn: &mut DbConnection, id: RegistrationId, given: &Answers) -> QueryResult<()> {
    let rows: Vec<AnswerRow> = given
        .iter()
        .flat_map(|(key, values)| {
            values.iter().map(move |value| AnswerRow {
                registration_id: id,
                question_key: key.to_owned(),
                value: value.clone(),
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    insert_rows!(conn, answers::table, &rows)
}

pub fn erase(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        answers::table.filter(answers::registration_id.eq(id))
    )
    .execute(c))
    .map(|_| ())
}

pub fn erase_all(conn: &mut DbConnection, ids: &[RegistrationId]) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        answers::table.filter(answers::registration_id.eq_any(ids))
    )
    .execute(c))
    .map(|_| ())
}

/// The answers of one registration.
pub fn of_registration(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<Answers> {
    let rows: Vec<AnswerRow> = on_backend!(conn, |c| answers::table
        .filter(answers::registration_id.eq(id))
        .order((answers::question_key.asc(), answers::value.asc()))
        .select(AnswerRow::as_select())
        .load(c))?;
    Ok(collect(rows).remove(&id).unwrap_or_default())
}

/// The answers of these registrations (one page of a table), by registration.
pub fn of_registrations(
    conn: &mut DbConnection,
    ids: &[RegistrationId],
) -> QueryResult<HashMap<RegistrationId, Answers>> {
    let rows: Vec<AnswerRow> = on_backend!(conn, |c| answers::table
        .filter(answers::registration_id.eq_any(ids))
        .order((answers::question_key.asc(), answers::value.asc()))
        .select(AnswerRow::as_select())
        .load(c))?;
    Ok(collect(rows))
}

/// The answers of every registration of an event that has some.
pub fn of_event(
    conn: &mut DbConnection,
    event: EventId,
) -> QueryResult<HashMap<RegistrationId, Answers>> {
    let rows: Vec<AnswerRow> = on_backend!(conn, |c| answers::table
        .inner_join(registrations::table)
        .filter(registrations::event_id.eq(event))
        .order((answers::question_key.asc(), answers::value.asc()))
        .select(AnswerRow::as_select())
        .load(c))?;
    Ok(collect(rows))
}
