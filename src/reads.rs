//! What pages and the API show, read from a pooled connection without taking the writer.
//! An event's ledger comes from the ledgers this process last committed (see
//! [`crate::published`]), or is rebuilt from the database when another instance changed
//! the event since; it is settled in memory, so a hold whose deadline passed is shown as
//! free even before the sweeper has written its expiry.

pub mod check_in;
mod content;
mod series;
mod totals;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::representation::{protect, tally, Shown};
use crate::domain::{
    Answers, EventDraft, EventId, Ledger, Mode, Part, Question, RegistrationId, SendId, Status,
};
use crate::published::{publish, published};
use crate::store::convert::{draft_of, entry_of, rules_of};
use crate::store::events::EventRow;
use crate::store::registrations::RegistrationRow;
use crate::store::{
    answers, audit, dashboard, events, registrations, sends, stats, tokens, DbConnection,
    QueryResult,
};

pub use crate::store::audit::{AuditRow as AuditEntry, CalendarChanges};
pub use crate::store::calendar_feeds::CalendarFeedRow as CalendarFeed;
pub use crate::store::dashboard::ApiTokenRow as ApiToken;
pub use crate::store::dashboard::{RegistrationQuery, SortBy};
pub use crate::store::outbox::OutboxRow as OutboxEmail;
pub use crate::store::registrations::ACTIVE_STATUSES;
pub use crate::store::sends::{Delivery, SendRow};
pub use series::{series_names, series_page, SeriesPage};

/// An event with its ledger as of now.
#[derive(Clone)]
pub struct EventState {
    pub event: EventRow,
    pub ledger: Arc<Ledger>,
    /// The parts of its programme, in order.
    pub programme: Vec<Part>,
    /// Its registration questions, in order.
    pub questions: Vec<Question>,
    /// A hold has lapsed that the database does not show as expired yet.
    pub needs_settling: bool,
}

impl EventState {
    /// The event's settings as a draft, to copy or patch and check again.
    pub fn draft(&self) -> EventDraft {
        draft_of(&self.event, self.programme.clone(), self.questions.clone())
    }

    /// The first moment after `now` at which the clock alone changes what is shown of the
    /// event: a hold lapsing, the event starting or ending.
    pub fn changes_by_clock_after(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        [
            self.ledger.next_deadline(),
            Some(self.event.starts_at.utc()),
            Some(self.event.ends_at.utc()),
        ]
        .into_iter()
        .flatten()
        .filter(|at| *at > now)
        .min()
    }
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
    let (programme_parts, questions) = content::of(conn, &event)?;
    if ledger.next_deadline().is_none_or(|deadline| deadline > now) {
        return Ok(EventState {
            event,
            ledger,
            programme: programme_parts,
            questions,
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
        programme: programme_parts,
        questions,
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
    /// The deadline of a pending reconfirmation.
    pub reconfirm_by: Option<DateTime<Utc>>,
    pub line_rank: Option<usize>,
}

impl RegistrationState {
    /// The mode of the seat held or asked for: none while the person waits in line or has
    /// not confirmed their address, whatever mode the row last had.
    pub fn shown_mode(&self) -> Option<Mode> {
        match self.status {
            Status::Waitlisted | Status::PendingEmail => None,
            _ => self.mode,
        }
    }
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

/// The status and mode a registration shows: the settled ledger's while it is active
/// there, else the stored ones (see [`stored_status`]).
fn shown_status(
    ledger: &Ledger,
    id: RegistrationId,
    stored: Status,
    stored_mode: Option<Mode>,
    reconfirm_pending: bool,
) -> (Status, Option<Mode>) {
    match ledger.entry(id.0) {
        Some(entry) => (entry.status, entry.mode),
        None => stored_status(stored, stored_mode, reconfirm_pending),
    }
}

/// The status of a registration active in the database but gone from the settled
/// ledger: its hold, or its reconfirmation, lapsed, so it shows as expired.
fn stored_status(
    stored: Status,
    stored_mode: Option<Mode>,
    reconfirm_pending: bool,
) -> (Status, Option<Mode>) {
    if stored.is_hold() || (stored == Status::Confirmed && reconfirm_pending) {
        (Status::Expired, stored_mode)
    } else {
        (stored, stored_mode)
    }
}

fn shown(ledger: &Ledger, row: RegistrationRow, position: Option<u32>) -> RegistrationState {
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
                reconfirm_by: entry.reconfirm_by,
                line_rank: None,
                row,
            }
        }
        None => {
            let (status, mode) = stored_status(row.status, row.mode, row.reconfirm_by.is_some());
            RegistrationState {
                status,
                mode,
                hold_until: None,
                position: None,
                wait_for: None,
                wait_position: None,
                wait_offered_until: None,
                reconfirm_by: None,
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

/// The ids of an event's registrations as [`registrations_of`] orders and filters them,
/// read from three columns of each row rather than whole rows, so that a list of
/// 100,000 can be written out a part at a time (see [`registrations_by_ids`]).
pub fn listed_ids(
    conn: &mut DbConnection,
    state: &EventState,
    status: Option<Status>,
    mode: Option<Mode>,
) -> QueryResult<Vec<RegistrationId>> {
    let wanted = |id, stored, stored_mode, reconfirm_pending| {
        let (shown, shown_mode) =
            shown_status(&state.ledger, id, stored, stored_mode, reconfirm_pending);
        status.is_none_or(|s| shown == s) && mode.is_none_or(|m| shown_mode == Some(m))
    };
    let in_line: HashSet<i64> = state.ledger.line().map(|entry| entry.id).collect();
    let mut ids: Vec<RegistrationId> = Vec::new();
    let mut rest = Vec::new();
    for (id, stored, stored_mode, reconfirm_pending) in
        registrations::listing_keys(conn, state.event.id)?
    {
        if !in_line.contains(&id.0) && wanted(id, stored, stored_mode, reconfirm_pending) {
            rest.push(id);
        }
    }
    // Those in line come first, in its order; every one of them is active in the ledger.
    for entry in state.ledger.line() {
        let id = RegistrationId(entry.id);
        if wanted(id, entry.status, entry.mode, false) {
            ids.push(id);
        }
    }
    ids.extend(rest);
    Ok(ids)
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

/// Every published event (phase not draft) as of now, soonest first.
pub fn published_events(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
) -> QueryResult<Vec<EventState>> {
    events::published(conn)?
        .into_iter()
        .map(|row| event_state(conn, row, now))
        .collect()
}

/// Every event, drafts included, the latest start first (the dashboard's list).
pub fn all_events(conn: &mut DbConnection, now: DateTime<Utc>) -> QueryResult<Vec<EventState>> {
    dashboard::all_events(conn)?
        .into_iter()
        .map(|row| event_state(conn, row, now))
        .collect()
}

/// A registration with its event, as of now.
pub fn registration_by_id(
    conn: &mut DbConnection,
    id: RegistrationId,
    now: DateTime<Utc>,
) -> QueryResult<Option<(EventState, RegistrationState)>> {
    let Some(row) = registrations::by_id(conn, id)? else {
        return Ok(None);
    };
    let event = events::by_id(conn, row.event_id)?;
    let event = event_state(conn, event, now)?;
    let registration = registration_state(&event, row);
    Ok(Some((event, registration)))
}

/// These registrations of the event, in the order given, as of now; ids of no
/// registration of the event are left out.
pub fn registrations_by_ids(
    conn: &mut DbConnection,
    state: &EventState,
    ids: &[RegistrationId],
) -> QueryResult<Vec<RegistrationState>> {
    let mut found: HashMap<RegistrationId, RegistrationRow> =
        dashboard::registrations_by_ids(conn, ids)?
            .into_iter()
            .filter(|row| row.event_id == state.event.id)
            .map(|row| (row.id, row))
            .collect();
    let rows = ids.iter().filter_map(|id| found.remove(id)).collect();
    Ok(registration_states(state, rows))
}

/// One page of an event's registrations, filtered, searched and sorted, and how many
/// match in all.
pub fn registration_page(
    conn: &mut DbConnection,
    state: &EventState,
    query: &RegistrationQuery,
) -> QueryResult<(Vec<RegistrationState>, i64)> {
    let total = totals::of(conn, state, query)?;
    let rows = dashboard::registration_page(conn, query)?;
    Ok((registration_states(state, rows), total))
}

/// When each registration of an event was made, oldest first.
pub fn registration_times(
    conn: &mut DbConnection,
    event_id: EventId,
) -> QueryResult<Vec<DateTime<Utc>>> {
    Ok(dashboard::registration_times(conn, event_id)?
        .into_iter()
        .map(|at| at.utc())
        .collect())
}

/// Emails of a kind made and delivered, per registration of an event.
pub fn emails_per_registration(
    conn: &mut DbConnection,
    event_id: EventId,
    kind: &str,
) -> QueryResult<HashMap<RegistrationId, (u32, u32)>> {
    dashboard::emails_per_registration(conn, event_id, kind)
}

/// The status of every address registered for an event and not ended, by address.
pub fn active_addresses(
    conn: &mut DbConnection,
    event_id: EventId,
) -> QueryResult<HashMap<String, Status>> {
    Ok(registrations::for_event(conn, event_id)?
        .into_iter()
        .filter(|r| !r.status.is_ended())
        .map(|r| (r.email, r.status))
        .collect())
}

/// The audit log of an event, oldest first.
pub fn audit_of(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<AuditEntry>> {
    audit::for_event(conn, event_id)
}

/// The names of these registrations, by id.
pub fn names_of(
    conn: &mut DbConnection,
    ids: &[RegistrationId],
) -> QueryResult<HashMap<RegistrationId, String>> {
    Ok(registrations::names(conn, ids)?.into_iter().collect())
}

/// A page of the outbox, newest first, and how many emails it holds in all.
pub fn outbox_page(
    conn: &mut DbConnection,
    status: Option<&str>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<OutboxEmail>, i64)> {
    dashboard::outbox_page(conn, status, offset, limit)
}

/// A send of many emails at once, with its event and how its delivery stands.
#[derive(Debug, Clone)]
pub struct BulkSend {
    pub send: SendRow,
    /// None for a newsletter issue.
    pub event_slug: Option<String>,
    pub event_title: Option<String>,
    pub delivery: Delivery,
}

pub fn bulk_send(conn: &mut DbConnection, id: SendId) -> QueryResult<Option<BulkSend>> {
    let Some((send, event_slug, event_title)) = sends::by_id(conn, id)? else {
        return Ok(None);
    };
    let delivery = sends::delivery(conn, id)?;
    Ok(Some(BulkSend {
        send,
        event_slug,
        event_title,
        delivery,
    }))
}

/// A page of a send's emails, in the order they were queued.
pub fn bulk_send_emails(
    conn: &mut DbConnection,
    id: SendId,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<OutboxEmail>> {
    sends::emails(conn, id, offset, limit)
}

/// How often a registration's calendar entry (or, with no registration, the event's)
/// has changed up to `at`, for the calendar's SEQUENCE.
pub fn calendar_changes(
    conn: &mut DbConnection,
    event_id: EventId,
    registration_id: Option<RegistrationId>,
    at: DateTime<Utc>,
) -> QueryResult<CalendarChanges> {
    audit::calendar_changes(
        conn,
        event_id.0,
        registration_id.map(|id| id.0),
        crate::store::to_db_time(at),
    )
}

/// The questions of the event of this slug (drafts too: the engine answers for those),
/// or none when there is no such event. They come from the cache of the event's content
/// when the row is current, so a join reads one row.
pub fn questions_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Vec<Question>> {
    match events::by_slug(conn, slug)? {
        Some(event) => questions_of(conn, &event),
        None => Ok(Vec::new()),
    }
}

/// The questions of the event as its row shows it, if this process holds them (no
/// connection needed); [`questions_of`] reads them when it does not.
pub fn cached_questions(event: &EventRow) -> Option<Vec<Question>> {
    content::cached(event).map(|(_, questions)| questions)
}

/// The questions of the event as its row shows it.
pub fn questions_of(conn: &mut DbConnection, event: &EventRow) -> QueryResult<Vec<Question>> {
    content::of(conn, event).map(|(_, questions)| questions)
}

/// The answers of one registration.
pub fn answers_of(conn: &mut DbConnection, id: RegistrationId) -> QueryResult<Answers> {
    answers::of_registration(conn, id)
}

/// The answers of every registration of an event that has some.
/// The answers of these registrations only: a page of the dashboard's table reads its
/// own rows' answers, not the whole event's.
pub fn answers_of_page(
    conn: &mut DbConnection,
    ids: &[RegistrationId],
) -> QueryResult<HashMap<RegistrationId, Answers>> {
    answers::of_registrations(conn, ids)
}

pub fn answers_of_event(
    conn: &mut DbConnection,
    event: EventId,
) -> QueryResult<HashMap<RegistrationId, Answers>> {
    answers::of_event(conn, event)
}

/// Who is in the room: each question of the event marked `summarize`, with its counts
/// as they may be shown (see [`crate::domain::representation`]).
pub fn representation(
    conn: &mut DbConnection,
    state: &EventState,
) -> QueryResult<Vec<(Question, Shown)>> {
    let summarized: Vec<&Question> = state.questions.iter().filter(|q| q.summarize).collect();
    if summarized.is_empty() {
        return Ok(Vec::new());
    }
    let people = registrations_of(conn, state, None, None)?;
    let answers = answers::of_event(conn, state.event.id)?;
    Ok(summarized
        .into_iter()
        .map(|q| {
            let counted = tally(
                q,
                people.iter().map(|r| {
                    let given = answers.get(&r.row.id).and_then(|a| a.get(&q.key));
                    (r.status, given)
                }),
            );
            (q.clone(), protect(&counted))
        })
        .collect())
}

/// What `/metrics` reports of the database.
pub struct Counts {
    pub registrations_by_state: Vec<(String, i64)>,
    pub outbox_backlog: i64,
}

pub fn counts(conn: &mut DbConnection) -> QueryResult<Counts> {
    Ok(Counts {
        registrations_by_state: stats::registrations_by_state(conn)?,
        outbox_backlog: stats::outbox_backlog(conn)?,
    })
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::domain::{Entry, Phase, Preference, TimeZoneName};
    use crate::store::convert::rules_of;
    use crate::store::DbTime;

    fn state(now: DateTime<Utc>, hold_until: Option<DateTime<Utc>>) -> EventState {
        let event = EventRow {
            id: EventId(1),
            slug: "e".into(),
            title: "E".into(),
            description: String::new(),
            starts_at: DbTime::of(now + Duration::days(10)),
            ends_at: DbTime::of(now + Duration::days(11)),
            timezone: TimeZoneName(chrono_tz::Europe::Amsterdam),
            venue: String::new(),
            meeting_url: None,
            in_person_capacity: 2,
            virtual_capacity: None,
            phase: Phase::Open,
            offer_window_hours: 48,
            invitation_window_days: 7,
            auto_confirm: false,
            version: 3,
            created_at: DbTime::of(now),
            updated_at: DbTime::of(now),
            virtual_phase: None,
            reminder_hours_before: Default::default(),
            series: None,
            code: None,
            speakers: Default::default(),
            recording_url: None,
            reconfirm_days_before: None,
            reconfirm_window_hours: None,
            language: None,
        };
        let held = hold_until.map(|until| Entry {
            id: 1,
            status: Status::Invited,
            mode: Some(Mode::InPerson),
            preference: Preference::InPerson,
            hold_until: Some(until),
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
        });
        EventState {
            ledger: Arc::new(Ledger::new(rules_of(&event), held)),
            event,
            programme: Vec::new(),
            questions: Vec::new(),
            needs_settling: false,
        }
    }

    #[test]
    fn what_is_shown_changes_by_the_clock_at_a_lapsing_hold_the_start_and_the_end() {
        let now = Utc::now();
        let soon = now + Duration::seconds(30);
        assert_eq!(
            state(now, Some(soon)).changes_by_clock_after(now),
            Some(soon)
        );
        let quiet = state(now, None);
        assert_eq!(
            quiet.changes_by_clock_after(now),
            Some(now + Duration::days(10)),
            "the start"
        );
        assert_eq!(
            quiet.changes_by_clock_after(now + Duration::days(10)),
            Some(now + Duration::days(11)),
            "the end"
        );
        assert_eq!(quiet.changes_by_clock_after(now + Duration::days(12)), None);
    }
}
