//! The reminders table: one row per reminder sent, written in the transaction that queues
//! its email, so that a reminder goes out once across restarts and instances.

use std::collections::HashSet;

use diesel::prelude::*;

use chrono::{DateTime, Duration, Utc};

use super::convert::reconfirmation_of;
use super::events::EventRow;
use super::schema::{events, registrations, reminders};
use super::{DbConnection, DbTime, QueryResult};
use crate::domain::reminders::answer_reminder_suits;
use crate::domain::{EventId, Mode, Phase, RegistrationId, ReminderHours, ReminderKind, Status};
use crate::on_backend;

/// What identifies a reminder: its person, its kind and the moment it was for.
pub type ReminderKey = (RegistrationId, ReminderKind, DbTime);

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reminders)]
pub struct NewReminderRow {
    pub registration_id: RegistrationId,
    pub kind: String,
    pub due_at: DbTime,
    pub event_id: EventId,
    pub sent_at: DbTime,
}

/// The reminders already sent to the people of an event.
pub fn sent_for(conn: &mut DbConnection, event_id: EventId) -> QueryResult<HashSet<ReminderKey>> {
    let rows: Vec<(RegistrationId, String, DbTime)> = on_backend!(conn, |c| reminders::table
        .filter(reminders::event_id.eq(event_id))
        .select((
            reminders::registration_id,
            reminders::kind,
            reminders::due_at
        ))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, at)| Some((id, kind.parse().ok()?, at)))
        .collect())
}

pub fn insert(conn: &mut DbConnection, rows: &[NewReminderRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    on_backend!(conn, |c| diesel::insert_into(reminders::table)
        .values(rows)
        .execute(c))
    .map(|_| ())
}

/// Forgets the reminders sent to these registrations, as their people are erased.
pub fn erase_for(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        reminders::table.filter(reminders::registration_id.eq_any(ids))
    )
    .execute(c))
    .map(|_| ())
}

/// How many confirmed people of an event have not had the event reminder due at `moment`:
/// the sweeper asks the writer only about events where this is more than none.
pub fn confirmed_without(
    conn: &mut DbConnection,
    event_id: EventId,
    moment: DbTime,
) -> QueryResult<i64> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(Status::Confirmed))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            reminders::table
                .filter(reminders::registration_id.eq(registrations::id))
                .filter(reminders::kind.eq(ReminderKind::Event.as_str()))
                .filter(reminders::due_at.eq(moment)),
        )))
        .count()
        .get_result(c))
}

/// An open invitation or offer whose deadline falls before `until` and that has had no
/// answer reminder for it: its event, its deadline and when its hold was last changed.
pub struct OpenHold {
    pub event_id: EventId,
    pub deadline: DbTime,
    pub held_since: DbTime,
}

/// Open invitations and offers with a deadline in (`now`, `until`] and no answer reminder
/// for that deadline yet.
pub fn holds_without_reminder(
    conn: &mut DbConnection,
    now: DbTime,
    until: DbTime,
) -> QueryResult<Vec<OpenHold>> {
    let rows: Vec<(EventId, Option<DbTime>, DbTime)> = on_backend!(conn, |c| registrations::table
        .filter(registrations::status.eq_any([Status::Invited, Status::Offered]))
        .filter(registrations::hold_until.gt(now))
        .filter(registrations::hold_until.le(until))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            reminders::table
                .filter(reminders::registration_id.eq(registrations::id))
                .filter(reminders::kind.eq(ReminderKind::Answer.as_str()))
                .filter(reminders::due_at.nullable().eq(registrations::hold_until)),
        )))
        .select((
            registrations::event_id,
            registrations::hold_until,
            registrations::updated_at,
        ))
        .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(event_id, deadline, held_since)| {
            Some(OpenHold {
                event_id,
                deadline: deadline?,
                held_since,
            })
        })
        .collect())
}

/// The events whose people are owed a reminder at `now` that they have not had: a passed
/// reminder moment before an upcoming event with a confirmed participant not yet reminded
/// for it, or an open hold whose answer reminder is due.
pub fn events_owing(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    answer_hours: u32,
) -> QueryResult<Vec<EventId>> {
    let upcoming: Vec<(EventId, DbTime, ReminderHours)> = on_backend!(conn, |c| events::table
        .filter(events::starts_at.gt(DbTime::of(now)))
        .filter(events::phase.ne(Phase::Draft))
        .select((events::id, events::starts_at, events::reminder_hours_before))
        .load(c))?;
    let mut owing = Vec::new();
    for (event_id, starts_at, hours) in upcoming {
        if let Some(moment) = hours.due_moment(starts_at.utc(), now) {
            if confirmed_without(conn, event_id, DbTime::of(moment))? > 0 {
                owing.push(event_id);
            }
        }
    }
    for event_id in owing_reconfirmation(conn, now)? {
        if !owing.contains(&event_id) {
            owing.push(event_id);
        }
    }
    if answer_hours > 0 {
        let until = now + Duration::hours(i64::from(answer_hours));
        for hold in holds_without_reminder(conn, DbTime::of(now), DbTime::of(until))? {
            let suits =
                answer_reminder_suits(hold.deadline.utc(), answer_hours, hold.held_since.utc());
            if suits && !owing.contains(&hold.event_id) {
                owing.push(hold.event_id);
            }
        }
    }
    Ok(owing)
}

/// The upcoming events whose reconfirmation is due at `now` with a confirmed in-person
/// participant not yet asked (for the event's start as it stands).
fn owing_reconfirmation(conn: &mut DbConnection, now: DateTime<Utc>) -> QueryResult<Vec<EventId>> {
    let candidates: Vec<EventRow> = on_backend!(conn, |c| events::table
        .filter(events::starts_at.gt(DbTime::of(now)))
        .filter(events::phase.ne(Phase::Draft))
        .filter(events::reconfirm_days_before.is_not_null())
        .select(EventRow::as_select())
        .load(c))?;
    let mut owing = Vec::new();
    for event in candidates {
        let Some(reconfirmation) = reconfirmation_of(&event) else {
            continue;
        };
        let starts_at = event.starts_at.utc();
        if reconfirmation.deadline_if_due(starts_at, now).is_none() {
            continue;
        }
        let unasked: i64 = on_backend!(conn, |c| registrations::table
            .filter(registrations::event_id.eq(event.id))
            .filter(registrations::status.eq(Status::Confirmed))
            .filter(registrations::mode.eq(Mode::InPerson))
            .filter(registrations::reconfirm_by.is_null())
            .filter(diesel::dsl::not(diesel::dsl::exists(
                reminders::table
                    .filter(reminders::registration_id.eq(registrations::id))
                    .filter(reminders::kind.eq(ReminderKind::Reconfirmation.as_str()))
                    .filter(reminders::due_at.eq(event.starts_at)),
            )))
            .count()
            .get_result(c))?;
        if unasked > 0 {
            owing.push(event.id);
        }
    }
    Ok(owing)
}
