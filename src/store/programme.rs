//! The tables of an event's shape: its programme parts and its questions, each saved
//! whole (replacing the previous list) in the transaction that saves the event.

use diesel::prelude::*;

use super::schema::{programme_parts, questions};
use super::{insert_rows, DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, Part, Programme, Question, QuestionKind, Questions};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_parts)]
struct PartRow {
    event_id: EventId,
    position: i32,
    title: String,
    starts_at: DbTime,
    ends_at: DbTime,
    streamed: bool,
    description: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = questions)]
struct QuestionRow {
    event_id: EventId,
    position: i32,
    question_key: String,
    label: String,
    kind: String,
    /// A JSON list of strings.
    options: String,
    required: bool,
    summarize: bool,
}

/// The parts of an event's programme, in order, as the edges read a programme (checked
/// again with the event's times when saved).
pub fn parts(conn: &mut DbConnection, event: EventId) -> QueryResult<Vec<Part>> {
    let rows: Vec<PartRow> = on_backend!(conn, |c| programme_parts::table
        .filter(programme_parts::event_id.eq(event))
        .order(programme_parts::position.asc())
        .select(PartRow::as_select())
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|r| Part {
            title: r.title,
            starts_at: r.starts_at.utc(),
            ends_at: r.ends_at.utc(),
            streamed: r.streamed,
            description: r.description,
        })
        .collect())
}

/// The questions of an event, in order.
pub fn questions(conn: &mut DbConnection, event: EventId) -> QueryResult<Vec<Question>> {
    let rows: Vec<QuestionRow> = on_backend!(conn, |c| questions::table
        .filter(questions::event_id.eq(event))
        .order(questions::position.asc())
        .select(QuestionRow::as_select())
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|r| Question {
            key: r.question_key,
            label: r.label,
            // Written by `save` from a checked kind.
            kind: r.kind.parse().unwrap_or(QuestionKind::Text),
            options: serde_json::from_str(&r.options).unwrap_or_default(),
            required: r.required,
            summarize: r.summarize,
        })
        .collect())
}

/// Replaces the programme and the questions of an event with these.
pub fn save(
    conn: &mut DbConnection,
    event: EventId,
    programme: &Programme,
    asked: &Questions,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        programme_parts::table.filter(programme_parts::event_id.eq(event))
    )
    .execute(c))?;
    on_backend!(conn, |c| diesel::delete(
        questions::table.filter(questions::event_id.eq(event))
    )
    .execute(c))?;
    let parts: Vec<PartRow> = programme
        .parts()
        .iter()
        .enumerate()
        .map(|(i, p)| PartRow {
            event_id: event,
            position: i as i32,
            title: p.title.clone(),
            starts_at: DbTime::of(p.starts_at),
            ends_at: DbTime::of(p.ends_at),
            streamed: p.streamed,
            description: p.description.clone(),
        })
        .collect();
    if !parts.is_empty() {
        insert_rows!(conn, programme_parts::table, &parts)?;
    }
    let rows: Vec<QuestionRow> = asked
        .all()
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionRow {
            event_id: event,
            position: i as i32,
            question_key: q.key.clone(),
            label: q.label.clone(),
            kind: q.kind.as_str().to_owned(),
            options: serde_json::to_string(&q.options).unwrap_or_else(|_| "[]".into()),
            required: q.required,
            summarize: q.summarize,
        })
        .collect();
    if !rows.is_empty() {
        insert_rows!(conn, questions::table, &rows)?;
    }
    Ok(())
}
