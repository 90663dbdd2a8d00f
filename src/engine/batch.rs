//! The unit of work: one transaction of the writer. A batch locks the events its commands
//! touch, keeps the rows it reads and the writes it defers, turns the ledger's decisions
//! into registration states, audit rows and outgoing emails, and bumps the versions of
//! the events it changed.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::cache::CommittedEvent;
use super::{Command, EngineError, Job, Outcome};
use crate::domain::{
    Answers, EventId, Happening, Ledger, Notice, Reason, Refusal, RegistrationId, SendId, SendKind,
    Status,
};
use crate::mail::{EventFacts, MailKind};
use crate::store::audit::NewAuditRow;
use crate::store::convert::{entry_of, rules_of, state_change};
use crate::store::events::EventRow;
use crate::store::outbox::NewOutboxRow;
use crate::store::registrations::{NewRegistrationRow, PersonChange, RegistrationRow, StateChange};
use crate::store::sends::{self, NewSendRow};
use crate::store::tokens::PersonalTokenRow;
use crate::store::{answers, audit, events, outbox, registrations, tokens, DbConnection, DbTime};

/// The kinds of email a person can ask for again and again, at most
/// [`super::participant::REQUESTS_A_DAY`] a day to one address.
pub(super) const REQUEST_KINDS: [&str; 2] = ["confirm_address", "personal_link"];

/// The state of one transaction: events locked so far and the ledgers changed.
pub(super) struct Batch<'a> {
    pub(super) conn: &'a mut DbConnection,
    pub(super) cache: &'a mut HashMap<EventId, CommittedEvent>,
    pub(super) locked: HashSet<EventId>,
    pub(super) dirty: HashSet<EventId>,
    /// Registrations read or written in this transaction, as they now stand.
    pub(super) rows: foldhash::HashMap<RegistrationId, RegistrationRow>,
    pub(super) deferred: Deferred,
    pub(super) now: DateTime<Utc>,
    pub(super) public_url: &'a str,
    pub(super) emails: usize,
    /// The registration of each personal link the batch's commands use, looked up for all
    /// of them at once; `None` for a link that matches none.
    pub(super) link_owners: HashMap<String, Option<RegistrationId>>,
    pub(super) link_ids: tokens::LinkIds,
    /// Emails of people whose data this batch erased, whose files go after the commit.
    pub(super) erased_emails: Vec<i64>,
    /// For the addresses of the batch's joins, the requests for a confirmation or a link
    /// sent to each in the last day and written to the database, counted for all of them
    /// at once (see [`Batch::count_requests`]).
    pub(super) requests_sent: HashMap<String, i64>,
    /// The answers of registrations whose answers this transaction read or wrote, as
    /// they now stand (see [`Batch::answers_of`]).
    pub(super) answers: foldhash::HashMap<RegistrationId, Answers>,
}

/// A command's own result inside a transaction that goes on.
pub(super) type CommandResult = Result<Outcome, EngineError>;

/// Writes a batch keeps back to make them together, in one statement per table rather
/// than one per row: on PostgreSQL each statement is a round trip, and the writer waits
/// for every one. Rows that no command reads back go just before the commit.
#[derive(Default)]
pub(super) struct Deferred {
    /// Registration states by id, the last change of each. They are written before any
    /// statement that reads or writes registrations (see [`Batch::conn_with_states_written`]), so
    /// SQL never sees a registration as it stood before a change of this batch.
    pub(super) states: foldhash::HashMap<RegistrationId, StateChange>,
    pub(super) audit: Vec<NewAuditRow>,
    pub(super) tokens: Vec<PersonalTokenRow>,
    pub(super) outbox: Vec<NewOutboxRow>,
}

/// Rows per insert statement: well under SQLite's and PostgreSQL's limits on parameters.
const ROWS_PER_INSERT: usize = 500;

impl Batch<'_> {
    pub(super) fn write_deferred(&mut self) -> diesel::QueryResult<()> {
        self.write_states()?;
        let deferred = std::mem::take(&mut self.deferred);
        for rows in deferred.tokens.chunks(ROWS_PER_INSERT) {
            tokens::insert_personal(self.conn, rows)?;
        }
        for rows in deferred.audit.chunks(ROWS_PER_INSERT) {
            audit::insert(self.conn, rows)?;
        }
        for row in &deferred.outbox {
            if REQUEST_KINDS.contains(&row.kind.as_str()) {
                if let Some(count) = self.requests_sent.get_mut(&row.recipient) {
                    *count += 1;
                }
            }
        }
        for rows in deferred.outbox.chunks(ROWS_PER_INSERT) {
            outbox::insert(self.conn, rows)?;
        }
        Ok(())
    }

    /// Writes the registration states changed so far, in id order.
    pub(super) fn write_states(&mut self) -> diesel::QueryResult<()> {
        if self.deferred.states.is_empty() {
            return Ok(());
        }
        let mut states: Vec<(RegistrationId, StateChange)> = self.deferred.states.drain().collect();
        states.sort_unstable_by_key(|(id, _)| *id);
        registrations::set_states(self.conn, &states)
    }

    /// The connection, for a statement that reads or writes registrations: the states
    /// this batch changed are written first.
    pub(super) fn conn_with_states_written(&mut self) -> diesel::QueryResult<&mut DbConnection> {
        self.write_states()?;
        Ok(self.conn)
    }

    /// Looks up the registrations of the batch's personal links, and their answers, in
    /// one query each. In a rush nearly every command is a click on a link, and on
    /// PostgreSQL a query per link is a round trip the writer waits for.
    pub(super) fn look_up_links(&mut self, jobs: &[Job]) -> diesel::QueryResult<()> {
        let links: Vec<&str> = jobs
            .iter()
            .filter_map(|job| match &job.command {
                Command::Personal { token, .. } => Some(token.as_str()),
                _ => None,
            })
            .collect();
        if links.len() < 2 {
            return Ok(());
        }
        self.link_owners = links.iter().map(|link| (link.to_string(), None)).collect();
        for (link, row) in tokens::registration_rows_of(self.conn_with_states_written()?, &links)? {
            self.link_owners.insert(link, Some(row.id));
            self.rows.insert(row.id, row);
        }
        let owners: Vec<RegistrationId> = self.link_owners.values().flatten().copied().collect();
        if !owners.is_empty() {
            let mut given = answers::of_registrations(self.conn, &owners)?;
            for id in owners {
                self.answers
                    .insert(id, given.remove(&id).unwrap_or_default());
            }
        }
        Ok(())
    }

    /// The answers of a registration as they stand in this transaction.
    pub(super) fn answers_of(&mut self, id: RegistrationId) -> diesel::QueryResult<Answers> {
        if let Some(given) = self.answers.get(&id) {
            return Ok(given.clone());
        }
        let given = answers::of_registration(self.conn, id)?;
        self.answers.insert(id, given.clone());
        Ok(given)
    }

    /// Replaces the answers of a registration with these. They are read back when next
    /// asked for, in the order the database keeps them.
    pub(super) fn save_answers(
        &mut self,
        id: RegistrationId,
        given: &Answers,
    ) -> diesel::QueryResult<()> {
        answers::save(self.conn, id, given)?;
        self.answers.remove(&id);
        Ok(())
    }

    /// Counts the requests for a confirmation or a link sent lately to the addresses of
    /// the batch's joins in one query: each join checks its address before another goes
    /// out, and on PostgreSQL a count per join was a round trip the writer waited for.
    pub(super) fn count_requests(&mut self, jobs: &[Job]) -> diesel::QueryResult<()> {
        let addresses: Vec<&str> = jobs
            .iter()
            .filter_map(|job| match &job.command {
                Command::Join { join, .. } => Some(join.email.as_str()),
                _ => None,
            })
            .collect();
        if addresses.len() < 2 {
            return Ok(());
        }
        let since = (self.now - chrono::Duration::days(1)).naive_utc();
        let counted =
            outbox::sent_to_addresses_since(self.conn, &addresses, &REQUEST_KINDS, since)?;
        self.requests_sent = addresses
            .iter()
            .map(|address| {
                (
                    address.to_string(),
                    counted.get(*address).copied().unwrap_or(0),
                )
            })
            .collect();
        Ok(())
    }

    /// The registration a personal link belongs to, as it stands in this transaction.
    pub(super) fn registration_of_link(
        &mut self,
        token: &str,
    ) -> diesel::QueryResult<Option<RegistrationRow>> {
        match self.link_owners.get(token) {
            Some(Some(id)) => {
                let id = *id;
                self.row(id)
            }
            Some(None) => Ok(None),
            None => {
                let Some(row) =
                    tokens::registration_row_of(self.conn_with_states_written()?, token)?
                else {
                    return Ok(None);
                };
                Ok(Some(self.rows.entry(row.id).or_insert(row).clone()))
            }
        }
    }

    /// A registration as it stands in this transaction.
    pub(super) fn row(
        &mut self,
        id: RegistrationId,
    ) -> diesel::QueryResult<Option<RegistrationRow>> {
        if let Some(row) = self.rows.get(&id) {
            return Ok(Some(row.clone()));
        }
        let row = registrations::by_id(self.conn_with_states_written()?, id)?;
        if let Some(row) = &row {
            self.rows.insert(id, row.clone());
        }
        Ok(row)
    }

    pub(super) fn set_state(
        &mut self,
        id: RegistrationId,
        change: &StateChange,
    ) -> diesel::QueryResult<()> {
        if let Some(row) = self.rows.get_mut(&id) {
            row.apply(change);
        }
        self.deferred.states.insert(id, change.clone());
        Ok(())
    }

    pub(super) fn set_person(
        &mut self,
        id: RegistrationId,
        person: &PersonChange,
        state: &StateChange,
    ) -> diesel::QueryResult<()> {
        registrations::set_person(self.conn_with_states_written()?, id, person, state)?;
        self.rows.remove(&id);
        Ok(())
    }

    pub(super) fn insert_registration(
        &mut self,
        new: &NewRegistrationRow,
    ) -> diesel::QueryResult<RegistrationRow> {
        let row = registrations::insert(self.conn_with_states_written()?, new)?;
        self.rows.insert(row.id, row.clone());
        Ok(row)
    }

    pub(super) fn insert_registration_unless_known(
        &mut self,
        new: &NewRegistrationRow,
    ) -> diesel::QueryResult<Option<RegistrationRow>> {
        let row = registrations::insert_unless_known(self.conn_with_states_written()?, new)?;
        if let Some(row) = &row {
            self.rows.insert(row.id, row.clone());
        }
        Ok(row)
    }

    /// The event with this slug. Once an event is locked in this transaction its cached
    /// row is current, so later commands for it need no query.
    pub(super) fn event_by_slug(&mut self, slug: &str) -> diesel::QueryResult<Option<EventRow>> {
        let locked = self
            .locked
            .iter()
            .filter_map(|id| self.cache.get(id))
            .find(|cached| cached.event.slug == slug);
        match locked {
            Some(cached) => Ok(Some(cached.event.clone())),
            None => events::by_slug(self.conn, slug),
        }
    }

    /// Bumps the version of every changed event so other instances reload their ledgers;
    /// returns the changed events with their new versions.
    pub(super) fn finish(&mut self) -> diesel::QueryResult<Vec<(EventId, i64)>> {
        let mut changed = Vec::with_capacity(self.dirty.len());
        for id in self.dirty.drain() {
            let cached = self.cache.get_mut(&id).expect("a dirty event is cached");
            cached.event.version += 1;
            events::set_version(self.conn, id, cached.event.version)?;
            changed.push((id, cached.event.version));
        }
        Ok(changed)
    }

    /// Locks the event and makes sure its ledger is current and settled (lapsed holds
    /// expired, freed seats handed on), writing what settling changed.
    pub(super) fn lock_and_settle(&mut self, event_id: EventId) -> diesel::QueryResult<()> {
        let mut rebuilt = false;
        if self.locked.insert(event_id) {
            let row = events::lock(self.conn, event_id)?;
            let fresh =
                matches!(self.cache.get(&event_id), Some(c) if c.event.version == row.version);
            if !fresh {
                let entries = registrations::active(self.conn_with_states_written()?, event_id)?
                    .iter()
                    .map(entry_of)
                    .collect::<Vec<_>>();
                let ledger = Ledger::new(rules_of(&row), entries);
                self.cache
                    .insert(event_id, CommittedEvent::new(row, ledger));
                rebuilt = true;
            }
        }
        let now = self.now;
        let cached = self.cache.get_mut(&event_id).expect("loaded");
        // Every change hands freed seats on at once, so a ledger settled before (which
        // readers may share) needs settling again, and copying, only once a deadline passed.
        let lapsed = cached.ledger.next_deadline().is_some_and(|at| at <= now);
        if rebuilt || lapsed {
            cached.ledger_mut().settle(now);
        }
        self.record_decisions(event_id, "system")
    }

    pub(super) fn committed(&mut self, event_id: EventId) -> &mut CommittedEvent {
        self.cache.get_mut(&event_id).expect("event loaded")
    }

    /// Writes what the ledger decided: registration states, audit rows and emails.
    pub(super) fn record_decisions(
        &mut self,
        event_id: EventId,
        actor: &str,
    ) -> diesel::QueryResult<()> {
        let cached = self.committed(event_id);
        if !cached.ledger.has_changes() {
            return Ok(());
        }
        let (happenings, changed) = cached.take_changes();
        let at = DbTime::of(self.now);
        for entry in &changed {
            self.set_state(RegistrationId(entry.id), &state_change(entry, at))?;
        }
        let audit_rows: Vec<NewAuditRow> = happenings
            .iter()
            .map(|h| NewAuditRow {
                event_id,
                registration_id: Some(RegistrationId(h.registration_id)),
                at,
                actor: if h.by_system {
                    "system".into()
                } else {
                    actor.to_owned()
                },
                from_status: h.from,
                to_status: Some(h.to),
                note: h.note.clone(),
            })
            .collect();
        self.deferred.audit.extend(audit_rows);
        for happening in &happenings {
            if let Some(kind) = self.mail_kind(event_id, happening) {
                self.send(event_id, RegistrationId(happening.registration_id), &kind)?;
            }
        }
        self.dirty.insert(event_id);
        Ok(())
    }

    pub(super) fn mail_kind(
        &mut self,
        event_id: EventId,
        happening: &Happening,
    ) -> Option<MailKind> {
        Some(match happening.notice.as_ref()? {
            Notice::Invitation { mode, until } => MailKind::Invitation {
                mode: *mode,
                until: *until,
            },
            Notice::Confirmation { mode } => MailKind::Confirmation { mode: *mode },
            Notice::WaitingListPlace => MailKind::WaitingListPlace {
                position: self
                    .committed(event_id)
                    .ledger
                    .position(happening.registration_id),
            },
            Notice::SeatOffer { mode, until } => MailKind::SeatOffer {
                mode: *mode,
                until: *until,
            },
            Notice::Lapsed { mode } => MailKind::Lapsed { mode: *mode },
            Notice::Cancellation => MailKind::Cancellation,
            Notice::ModeChanged { mode } => MailKind::ModeChanged { mode: *mode },
            Notice::ReconfirmationRequest { until } => {
                MailKind::ReconfirmationRequest { until: *until }
            }
            Notice::ReconfirmationLapsed { mode } => MailKind::ReconfirmationLapsed { mode: *mode },
        })
    }

    /// Puts an email with a fresh personal link into the outbox.
    pub(super) fn send(
        &mut self,
        event_id: EventId,
        registration_id: RegistrationId,
        kind: &MailKind,
    ) -> diesel::QueryResult<()> {
        let at = DbTime::of(self.now);
        let Some(person) = self.row(registration_id)? else {
            return Ok(());
        };
        let link_id = self.link_ids.next(self.conn)?;
        let token = tokens::new_personal(link_id, registration_id, at);
        let link = format!("{}/r/{}", self.public_url, token.token);
        self.deferred.tokens.push(token.row);
        let event = &self.cache[&event_id].event;
        // Only the subject now; the mail worker writes the rest when it delivers, in the
        // same language.
        let language = person.language;
        let subject = crate::i18n::in_language(language, || {
            crate::mail::subject(kind, &EventFacts::of(event))
        });
        self.deferred.outbox.push(NewOutboxRow {
            event_id: Some(event_id.0),
            registration_id: Some(registration_id.0),
            kind: kind.name().to_owned(),
            recipient: person.email,
            subject,
            body_text: None,
            body_html: None,
            calendar: None,
            status: "pending".into(),
            next_attempt_at: at,
            created_at: at,
            details: Some(serde_json::to_string(kind).expect("a mail kind serializes")),
            link: Some(link),
            send_id: None,
            language,
        });
        self.emails += 1;
        Ok(())
    }

    /// Records the emails queued since the outbox held `from` rows as one send of the
    /// command, so that the dashboard can follow their delivery; none when there are none.
    pub(super) fn record_send(
        &mut self,
        event_id: EventId,
        kind: SendKind,
        actor: &str,
        from: usize,
    ) -> diesel::QueryResult<Option<SendId>> {
        let queued = &mut self.deferred.outbox[from..];
        if queued.is_empty() {
            return Ok(None);
        }
        let id = sends::insert(
            self.conn,
            &NewSendRow {
                event_id: Some(event_id),
                kind,
                actor: actor.to_owned(),
                emails: i32::try_from(queued.len()).unwrap_or(i32::MAX),
                created_at: DbTime::of(self.now),
            },
        )?;
        for row in queued {
            row.send_id = Some(id);
        }
        Ok(Some(id))
    }

    /// An audit row for a change the ledger did not decide (an event's settings, a
    /// pending entry, a message).
    pub(super) fn audit_note(
        &mut self,
        event_id: EventId,
        registration_id: Option<RegistrationId>,
        actor: &str,
        from: Option<Status>,
        to: Option<Status>,
        note: &str,
    ) -> diesel::QueryResult<()> {
        self.deferred.audit.push(NewAuditRow {
            event_id,
            registration_id,
            at: DbTime::of(self.now),
            actor: actor.to_owned(),
            from_status: from,
            to_status: to,
            note: note.to_owned(),
        });
        Ok(())
    }

    /// Writes a decision, or explains a refusal in the words of the registration's state.
    pub(super) fn conclude(
        &mut self,
        row: &RegistrationRow,
        result: Result<(), Refusal>,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        match result {
            Ok(()) => {
                self.record_decisions(row.event_id, actor)?;
                Ok(Ok(Outcome::Registration(row.id)))
            }
            Err(Refusal::NotActive) => {
                let status = self.row(row.id)?.map(|r| r.status);
                let reason = match status {
                    Some(Status::Expired) => Reason::Lapsed,
                    Some(Status::PendingEmail) => Reason::EmailNotConfirmed,
                    _ => Reason::Ended,
                };
                Ok(Err(EngineError::Conflict(Refusal::NotAllowed(reason))))
            }
            Err(refusal) => Ok(Err(EngineError::Conflict(refusal))),
        }
    }
}
