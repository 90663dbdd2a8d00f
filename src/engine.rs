//! Commands in, decisions applied. One writer thread takes commands from a queue and
//! applies them in batches: each batch is one database transaction in which every command
//! loads the state it needs (locking the event row), lets the domain decide, and writes the
//! registrations, audit rows and outgoing emails. Every command is acknowledged only after
//! its batch has committed, so an acknowledged change is durable, and many commands share
//! one commit (and one fsync) under load. A command refused by the domain writes nothing
//! and fails alone; a database failure retries each command of the batch on its own.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::Arc;
use std::thread;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use tokio::sync::oneshot;

use crate::domain::{
    Email, Entry, EventRules, Happening, Ledger, Mode, Notice, PersonName, Phase, Preference,
    Refusal, Slug, Status,
};
use crate::mail::{EventFacts, MailKind};
use crate::reads;
use crate::store::audit::NewAuditRow;
use crate::store::events::{EventRow, NewEventRow};
use crate::store::outbox::NewOutboxRow;
use crate::store::registrations::{NewRegistrationRow, PersonChange, RegistrationRow, StateChange};
use crate::store::tokens::PersonalTokenRow;
use crate::store::{
    self, audit, events, from_db_time, outbox, registrations, to_db_time, tokens,
    ConnectionManager, DbConnection, DbTime,
};

/// Field name -> messages, as the API reports them.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(String),
    #[error("validation failed")]
    Invalid(FieldErrors),
    #[error("the database is unavailable; try again shortly")]
    Unavailable,
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl EngineError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        EngineError::Invalid(BTreeMap::from([(field.to_owned(), vec![message.into()])]))
    }
}

impl From<diesel::result::Error> for EngineError {
    fn from(error: diesel::result::Error) -> Self {
        if store::is_unavailable(&error) {
            EngineError::Unavailable
        } else {
            EngineError::Internal(error.into())
        }
    }
}

impl From<r2d2::Error> for EngineError {
    fn from(_: r2d2::Error) -> Self {
        EngineError::Unavailable
    }
}

/// Every setting of an event, already parsed.
#[derive(Debug, Clone)]
pub struct EventSettings {
    pub slug: Slug,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub venue: String,
    pub meeting_url: Option<String>,
    pub in_person_capacity: u32,
    pub virtual_capacity: Option<u32>,
    pub phase: Phase,
    pub offer_window_hours: u32,
    pub invitation_window_days: u32,
    pub auto_confirm: bool,
}

/// A change to some settings of an event; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EventPatch {
    pub slug: Option<Slug>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub timezone: Option<Tz>,
    pub venue: Option<String>,
    pub meeting_url: Option<Option<String>>,
    pub in_person_capacity: Option<u32>,
    pub virtual_capacity: Option<Option<u32>>,
    pub phase: Option<Phase>,
    pub offer_window_hours: Option<u32>,
    pub invitation_window_days: Option<u32>,
    pub auto_confirm: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Invitee {
    pub email: Email,
    pub name: PersonName,
    pub mode: Option<Mode>,
}

#[derive(Debug, Clone)]
pub struct Join {
    pub email: Email,
    pub name: PersonName,
    pub affiliation: Option<String>,
    pub preference: Preference,
}

/// Whom an organizer's message goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    ConfirmedInPerson,
    ConfirmedVirtual,
    Waiting,
    /// Everyone invited, offered, confirmed or waiting.
    Everyone,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::ConfirmedInPerson,
        Group::ConfirmedVirtual,
        Group::Waiting,
        Group::Everyone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::ConfirmedInPerson => "confirmed_in_person",
            Group::ConfirmedVirtual => "confirmed_virtual",
            Group::Waiting => "waiting",
            Group::Everyone => "everyone",
        }
    }

    pub fn parse(text: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == text)
    }

    pub fn includes(self, entry: &Entry) -> bool {
        match self {
            Group::ConfirmedInPerson => {
                entry.status == Status::Confirmed && entry.mode == Some(Mode::InPerson)
            }
            Group::ConfirmedVirtual => {
                entry.status == Status::Confirmed && entry.mode == Some(Mode::Virtual)
            }
            Group::Waiting => entry.status == Status::Waitlisted,
            Group::Everyone => true,
        }
    }
}

/// What a person can do from their personal link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalAction {
    ConfirmEmail,
    Accept(Option<Mode>),
    Decline,
    Cancel,
    Switch(Mode),
    WaitFor(Mode),
    LeaveWait,
    Erase,
}

#[derive(Debug, Clone)]
pub enum Command {
    CreateEvent(EventSettings),
    /// Creates an event, naming the organizer who did in the audit log.
    CreateEventBy {
        settings: EventSettings,
        actor: String,
    },
    UpdateEvent {
        slug: String,
        patch: EventPatch,
        actor: String,
    },
    Invite {
        slug: String,
        invitees: Vec<Invitee>,
        hold_until: Option<DateTime<Utc>>,
        actor: String,
    },
    Revoke {
        id: i64,
        actor: String,
    },
    Promote {
        id: i64,
        actor: String,
    },
    SetHold {
        id: i64,
        until: DateTime<Utc>,
        actor: String,
    },
    /// Moves a waiting entry up (higher) or down (lower) in its line.
    SetPriority {
        id: i64,
        priority: i32,
        actor: String,
    },
    /// Sends an open invitation or offer again, with a fresh personal link.
    Resend {
        id: i64,
        actor: String,
    },
    /// An organizer's message to a group of an event's participants, through the outbox.
    Message {
        slug: String,
        group: Group,
        subject: String,
        body: String,
        actor: String,
    },
    Join {
        slug: String,
        join: Join,
    },
    Personal {
        token: String,
        action: PersonalAction,
    },
    Settle {
        event_id: i64,
    },
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Event(Box<EventRow>),
    Registrations(Vec<i64>),
    Registration(i64),
    /// A person's registration right after their own action, so the answer needs no read.
    Personal(Box<PersonalView>),
    Done,
}

/// A registration as its owner sees it, with the event it belongs to.
#[derive(Debug, Clone)]
pub struct PersonalView {
    pub event_slug: String,
    pub registration: reads::RegistrationState,
}

struct Job {
    command: Command,
    reply: oneshot::Sender<Result<Outcome, EngineError>>,
}

/// The handle the web layer and background jobs use to submit commands.
#[derive(Clone)]
pub struct Engine {
    jobs: Sender<Job>,
}

/// How long the writer waits for a command before it counts as idle and lets go of ledgers
/// kept for reads that started before its last commit.
const IDLE: StdDuration = StdDuration::from_secs(1);

/// The most commands applied in one transaction.
const MAX_BATCH: usize = 512;

impl Engine {
    /// Starts the writer thread with its own connection.
    pub fn start(
        manager: ConnectionManager,
        public_url: String,
        mail_wake: SyncSender<()>,
    ) -> Engine {
        let (jobs, queue) = mpsc::channel::<Job>();
        let writer = Writer {
            manager,
            conn: None,
            cache: HashMap::new(),
            public_url,
            mail_wake,
        };
        thread::Builder::new()
            .name("registrar-writer".into())
            .spawn(move || writer.run(queue))
            .expect("spawning the writer thread");
        Engine { jobs }
    }

    /// Submits a command and waits for its committed outcome.
    pub async fn submit(&self, command: Command) -> Result<Outcome, EngineError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { command, reply })
            .map_err(|_| EngineError::Unavailable)?;
        answer.await.map_err(|_| EngineError::Unavailable)?
    }

    /// Submits a command and waits for it from a thread that is not async.
    pub fn submit_blocking(&self, command: Command) -> Result<Outcome, EngineError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { command, reply })
            .map_err(|_| EngineError::Unavailable)?;
        answer
            .blocking_recv()
            .map_err(|_| EngineError::Unavailable)?
    }

    /// Submits a command without waiting (the sweeper nudging an event).
    pub fn nudge(&self, command: Command) {
        let (reply, _) = oneshot::channel();
        let _ = self.jobs.send(Job { command, reply });
    }
}

/// An event as the writer last committed it. The ledger is the very one shared with
/// readers (see [`reads::publish`]), so an event at rest is held once, not once by the
/// writer and again for readers. A batch that changes a shared ledger needs a ledger of its
/// own: it takes a spare, an older ledger that readers have let go of, and brings it up
/// to date, which costs as much as the changes since. Only when no spare is free does it
/// copy the whole ledger, which took 7 % of the writer's profile samples in a rush of 10,000.
struct Cached {
    event: EventRow,
    ledger: Arc<Ledger>,
    /// Ledgers this one superseded, oldest first, at most [`SPARES`].
    spares: VecDeque<Spare>,
}

/// A superseded ledger and the final state of every registration changed since.
struct Spare {
    ledger: Arc<Ledger>,
    changed: foldhash::HashMap<i64, Entry>,
}

/// Readers keep the two newest ledgers of an event (see [`reads::publish`]), so the one
/// before those is the first that a batch may find free.
const SPARES: usize = 2;

impl Cached {
    fn new(event: EventRow, ledger: Ledger) -> Cached {
        Cached {
            event,
            ledger: Arc::new(ledger),
            spares: VecDeque::new(),
        }
    }

    fn ledger_mut(&mut self) -> &mut Ledger {
        if Arc::get_mut(&mut self.ledger).is_none() {
            self.take_spare();
        }
        Arc::get_mut(&mut self.ledger).expect("a ledger of the writer's own")
    }

    /// Replaces the shared ledger with one of the writer's own, equal to it, and keeps the
    /// shared one as a spare.
    fn take_spare(&mut self) {
        let oldest_free = if self.spares.len() >= SPARES {
            self.spares.pop_front().and_then(|mut spare| {
                let ledger = Arc::get_mut(&mut spare.ledger)?;
                ledger.catch_up(self.ledger.rules(), spare.changed.values());
                Some(spare.ledger)
            })
        } else {
            None
        };
        let own = oldest_free.unwrap_or_else(|| Arc::new(Ledger::clone(&self.ledger)));
        debug_assert!(
            *own == *self.ledger,
            "a spare brought up to date equals the ledger"
        );
        let superseded = std::mem::replace(&mut self.ledger, own);
        self.spares.push_back(Spare {
            ledger: superseded,
            changed: foldhash::HashMap::default(),
        });
    }

    /// What the ledger decided since the last call (see [`Ledger::take_changes`]), noted
    /// for the spares too.
    fn take_changes(&mut self) -> (Vec<Happening>, Vec<Entry>) {
        let (happenings, changed) = self.ledger_mut().take_changes();
        for spare in &mut self.spares {
            spare
                .changed
                .extend(changed.iter().map(|entry| (entry.id, entry.clone())));
        }
        (happenings, changed)
    }
}

struct Writer {
    manager: ConnectionManager,
    conn: Option<DbConnection>,
    cache: HashMap<i64, Cached>,
    public_url: String,
    mail_wake: SyncSender<()>,
}

impl Writer {
    fn run(mut self, queue: Receiver<Job>) {
        loop {
            // Idle for a while: let go of ledgers kept for reads begun before the last commit,
            // and of spares.
            let next = queue.recv_timeout(IDLE).or_else(|_| {
                reads::retire_superseded();
                for cached in self.cache.values_mut() {
                    cached.spares.clear();
                }
                queue.recv()
            });
            let Ok(first) = next else { return };
            let mut jobs = vec![first];
            while jobs.len() < MAX_BATCH {
                match queue.try_recv() {
                    Ok(job) => jobs.push(job),
                    Err(_) => break,
                }
            }
            self.process(jobs);
        }
    }

    fn connect(&mut self) -> Result<(), EngineError> {
        if self.conn.is_none() {
            match self.manager.establish().and_then(|mut conn| {
                store::writer_settings(&mut conn)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(conn)
            }) {
                Ok(conn) => self.conn = Some(conn),
                Err(error) => {
                    tracing::warn!(%error, "writer cannot reach the database");
                    return Err(EngineError::Unavailable);
                }
            }
        }
        Ok(())
    }

    fn process(&mut self, jobs: Vec<Job>) {
        let now = Utc::now();
        let public_url = self.public_url.clone();
        if self.connect().is_err() {
            for job in jobs {
                let _ = job.reply.send(Err(EngineError::Unavailable));
            }
            // Keep callers from spinning on a database that is down.
            thread::sleep(StdDuration::from_millis(100));
            return;
        }
        let conn = self.conn.as_mut().expect("connected");
        let cache = &mut self.cache;
        // Ledgers shared with readers before the commit, to take back if it fails.
        let mut shared: Vec<(i64, i64)> = Vec::new();
        let result = store::in_transaction(conn, |conn| {
            let mut batch = Batch {
                conn,
                cache,
                locked: HashSet::new(),
                dirty: HashSet::new(),
                rows: foldhash::HashMap::default(),
                deferred: Deferred::default(),
                now,
                public_url: &public_url,
                emails: 0,
                link_owners: HashMap::new(),
                link_ids: tokens::LinkIds::default(),
            };
            batch.look_up_links(&jobs)?;
            let mut outcomes = Vec::with_capacity(jobs.len());
            for job in &jobs {
                outcomes.push(batch.apply(&job.command)?);
            }
            batch.write_deferred()?;
            let changed = batch.finish()?;
            for &(id, version) in &changed {
                reads::publish(id, version, Arc::clone(&batch.cache[&id].ledger));
            }
            shared.extend_from_slice(&changed);
            Ok::<_, diesel::result::Error>((outcomes, batch.emails))
        });
        if result.is_err() {
            for (id, version) in shared.drain(..) {
                reads::withdraw(id, version);
            }
        }
        match result {
            Ok((outcomes, emails)) => {
                tracing::debug!(commands = outcomes.len(), emails, "batch committed");
                for (job, outcome) in jobs.into_iter().zip(outcomes) {
                    let _ = job.reply.send(outcome);
                }
                if emails > 0 {
                    let _ = self.mail_wake.try_send(());
                }
            }
            Err(error) => {
                self.cache.clear();
                let unavailable = store::is_unavailable(&error);
                if unavailable {
                    self.conn = None;
                }
                if jobs.len() > 1 && !unavailable {
                    for job in jobs {
                        self.process(vec![job]);
                    }
                } else {
                    tracing::error!(%error, commands = jobs.len(), "write transaction failed");
                    for job in jobs {
                        let _ = job.reply.send(Err(EngineError::from(clone_error(&error))));
                    }
                }
            }
        }
    }
}

fn clone_error(error: &diesel::result::Error) -> diesel::result::Error {
    if store::is_unavailable(error) {
        diesel::result::Error::BrokenTransactionManager
    } else {
        diesel::result::Error::QueryBuilderError(error.to_string().into())
    }
}

/// The state of one transaction: events locked so far and the ledgers changed.
struct Batch<'a> {
    conn: &'a mut DbConnection,
    cache: &'a mut HashMap<i64, Cached>,
    locked: HashSet<i64>,
    dirty: HashSet<i64>,
    /// Registrations read or written in this transaction, as they now stand.
    rows: foldhash::HashMap<i64, RegistrationRow>,
    deferred: Deferred,
    now: DateTime<Utc>,
    public_url: &'a str,
    emails: usize,
    /// The registration of each personal link the batch's commands use, looked up for all
    /// of them at once; `None` for a link that matches none.
    link_owners: HashMap<String, Option<i64>>,
    link_ids: tokens::LinkIds,
}

/// A command's own result inside a transaction that goes on.
type Decided = Result<Outcome, EngineError>;

/// Writes a batch keeps back to make them together, in one statement per table rather
/// than one per row: on PostgreSQL each statement is a round trip, and the writer waits
/// for every one. Rows that no command reads back go just before the commit.
#[derive(Default)]
struct Deferred {
    /// Registration states by id, the last change of each. They are written before any
    /// statement that reads or writes registrations (see [`Batch::registrations`]), so
    /// SQL never sees a registration as it stood before a change of this batch.
    states: foldhash::HashMap<i64, StateChange>,
    audit: Vec<NewAuditRow>,
    tokens: Vec<PersonalTokenRow>,
    outbox: Vec<NewOutboxRow>,
}

/// Rows per insert statement: well under SQLite's and PostgreSQL's limits on parameters.
const ROWS_PER_INSERT: usize = 500;

impl Batch<'_> {
    fn write_deferred(&mut self) -> diesel::QueryResult<()> {
        self.write_states()?;
        let deferred = std::mem::take(&mut self.deferred);
        for rows in deferred.tokens.chunks(ROWS_PER_INSERT) {
            tokens::insert_personal(self.conn, rows)?;
        }
        for rows in deferred.audit.chunks(ROWS_PER_INSERT) {
            audit::insert(self.conn, rows)?;
        }
        for rows in deferred.outbox.chunks(ROWS_PER_INSERT) {
            outbox::insert(self.conn, rows)?;
        }
        Ok(())
    }

    /// Writes the registration states changed so far, in id order.
    fn write_states(&mut self) -> diesel::QueryResult<()> {
        if self.deferred.states.is_empty() {
            return Ok(());
        }
        let mut states: Vec<(i64, StateChange)> = self.deferred.states.drain().collect();
        states.sort_unstable_by_key(|(id, _)| *id);
        registrations::set_states(self.conn, &states)
    }

    /// The connection, for a statement that reads or writes registrations: the states
    /// this batch changed are written first.
    fn registrations(&mut self) -> diesel::QueryResult<&mut DbConnection> {
        self.write_states()?;
        Ok(self.conn)
    }

    /// Looks up the registrations of the batch's personal links in one query. In a rush
    /// nearly every command is a click on a link, and on PostgreSQL a query per link is a
    /// round trip the writer waits for.
    fn look_up_links(&mut self, jobs: &[Job]) -> diesel::QueryResult<()> {
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
        for (link, row) in tokens::registration_rows_of(self.registrations()?, &links)? {
            self.link_owners.insert(link, Some(row.id));
            self.rows.insert(row.id, row);
        }
        Ok(())
    }

    /// The registration a personal link belongs to, as it stands in this transaction.
    fn registration_of_link(
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
                let Some(row) = tokens::registration_row_of(self.registrations()?, token)? else {
                    return Ok(None);
                };
                Ok(Some(self.rows.entry(row.id).or_insert(row).clone()))
            }
        }
    }

    /// A registration as it stands in this transaction.
    fn row(&mut self, id: i64) -> diesel::QueryResult<Option<RegistrationRow>> {
        if let Some(row) = self.rows.get(&id) {
            return Ok(Some(row.clone()));
        }
        let row = registrations::by_id(self.registrations()?, id)?;
        if let Some(row) = &row {
            self.rows.insert(id, row.clone());
        }
        Ok(row)
    }

    fn set_state(&mut self, id: i64, change: &StateChange) -> diesel::QueryResult<()> {
        if let Some(row) = self.rows.get_mut(&id) {
            row.apply(change);
        }
        self.deferred.states.insert(id, change.clone());
        Ok(())
    }

    fn set_person(
        &mut self,
        id: i64,
        person: &PersonChange,
        state: &StateChange,
    ) -> diesel::QueryResult<()> {
        registrations::set_person(self.registrations()?, id, person, state)?;
        self.rows.remove(&id);
        Ok(())
    }

    fn insert_registration(
        &mut self,
        new: &NewRegistrationRow,
    ) -> diesel::QueryResult<RegistrationRow> {
        let row = registrations::insert(self.registrations()?, new)?;
        self.rows.insert(row.id, row.clone());
        Ok(row)
    }

    fn insert_registration_unless_known(
        &mut self,
        new: &NewRegistrationRow,
    ) -> diesel::QueryResult<Option<RegistrationRow>> {
        let row = registrations::insert_unless_known(self.registrations()?, new)?;
        if let Some(row) = &row {
            self.rows.insert(row.id, row.clone());
        }
        Ok(row)
    }

    /// The event with this slug. Once an event is locked in this transaction its cached
    /// row is current, so later commands for it need no query.
    fn event_by_slug(&mut self, slug: &str) -> diesel::QueryResult<Option<EventRow>> {
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

    fn apply(&mut self, command: &Command) -> diesel::QueryResult<Decided> {
        match command {
            Command::CreateEvent(settings) => self.create_event(settings, "organizer"),
            Command::CreateEventBy { settings, actor } => self.create_event(settings, actor),
            Command::UpdateEvent { slug, patch, actor } => self.update_event(slug, patch, actor),
            Command::Invite {
                slug,
                invitees,
                hold_until,
                actor,
            } => self.invite(slug, invitees, *hold_until, actor),
            Command::Revoke { id, actor } => {
                self.organizer_action(*id, actor, |ledger, now| ledger.revoke(*id, now))
            }
            Command::Promote { id, actor } => {
                self.organizer_action(*id, actor, |ledger, now| ledger.promote_now(*id, now))
            }
            Command::SetHold { id, until, actor } => {
                self.organizer_action(*id, actor, |ledger, now| ledger.set_hold(*id, *until, now))
            }
            Command::SetPriority {
                id,
                priority,
                actor,
            } => self.organizer_action(*id, actor, |ledger, now| {
                ledger.set_priority(*id, *priority, now)
            }),
            Command::Resend { id, actor } => self.resend(*id, actor),
            Command::Message {
                slug,
                group,
                subject,
                body,
                actor,
            } => self.message(slug, *group, subject, body, actor),
            Command::Join { slug, join } => self.join(slug, join),
            Command::Personal { token, action } => self.personal(token, *action),
            Command::Settle { event_id } => {
                if events::by_id(self.conn, *event_id).is_err() {
                    return Ok(Err(EngineError::NotFound("event")));
                }
                self.load(*event_id)?;
                Ok(Ok(Outcome::Done))
            }
        }
    }

    /// Bumps the version of every changed event so other instances reload their ledgers;
    /// returns the changed events with their new versions.
    fn finish(&mut self) -> diesel::QueryResult<Vec<(i64, i64)>> {
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
    fn load(&mut self, event_id: i64) -> diesel::QueryResult<()> {
        let mut rebuilt = false;
        if self.locked.insert(event_id) {
            let row = events::lock(self.conn, event_id)?;
            let fresh =
                matches!(self.cache.get(&event_id), Some(c) if c.event.version == row.version);
            if !fresh {
                let entries = registrations::active(self.registrations()?, event_id)?
                    .iter()
                    .map(entry_of)
                    .collect::<Vec<_>>();
                let ledger = Ledger::new(rules_of(&row), entries);
                self.cache.insert(event_id, Cached::new(row, ledger));
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
        self.flush(event_id, "system")
    }

    fn cached(&mut self, event_id: i64) -> &mut Cached {
        self.cache.get_mut(&event_id).expect("event loaded")
    }

    /// Writes what the ledger decided: registration states, audit rows and emails.
    fn flush(&mut self, event_id: i64, actor: &str) -> diesel::QueryResult<()> {
        let cached = self.cached(event_id);
        if !cached.ledger.has_changes() {
            return Ok(());
        }
        let (happenings, changed) = cached.take_changes();
        let at = DbTime::of(self.now);
        for entry in &changed {
            self.set_state(entry.id, &state_change(entry, at))?;
        }
        let audit_rows: Vec<NewAuditRow> = happenings
            .iter()
            .map(|h| NewAuditRow {
                event_id,
                registration_id: Some(h.registration_id),
                at,
                actor: if h.by_system {
                    "system".into()
                } else {
                    actor.to_owned()
                },
                from_status: h.from.map(|s| s.as_str().to_owned()),
                to_status: Some(h.to.as_str().to_owned()),
                note: h.note.clone(),
            })
            .collect();
        self.deferred.audit.extend(audit_rows);
        for happening in &happenings {
            if let Some(kind) = self.mail_kind(event_id, happening) {
                self.send(event_id, happening.registration_id, &kind)?;
            }
        }
        self.dirty.insert(event_id);
        Ok(())
    }

    fn mail_kind(&mut self, event_id: i64, happening: &Happening) -> Option<MailKind> {
        Some(match happening.notice.as_ref()? {
            Notice::Invitation { mode, until } => MailKind::Invitation {
                mode: *mode,
                until: *until,
            },
            Notice::Confirmation { mode } => MailKind::Confirmation { mode: *mode },
            Notice::WaitingListPlace => MailKind::WaitingListPlace {
                position: self
                    .cached(event_id)
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
        })
    }

    /// Puts an email with a fresh personal link into the outbox.
    fn send(
        &mut self,
        event_id: i64,
        registration_id: i64,
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
        // Only the subject now; the mail worker writes the rest when it delivers.
        let subject = crate::mail::subject(kind, &EventFacts::of(event));
        self.deferred.outbox.push(NewOutboxRow {
            event_id: Some(event_id),
            registration_id: Some(registration_id),
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
        });
        self.emails += 1;
        Ok(())
    }

    fn audit_plain(
        &mut self,
        event_id: i64,
        registration_id: Option<i64>,
        actor: &str,
        from: Option<&str>,
        to: Option<&str>,
        note: &str,
    ) -> diesel::QueryResult<()> {
        self.deferred.audit.push(NewAuditRow {
            event_id,
            registration_id,
            at: DbTime::of(self.now),
            actor: actor.to_owned(),
            from_status: from.map(str::to_owned),
            to_status: to.map(str::to_owned),
            note: note.to_owned(),
        });
        Ok(())
    }

    // ----- events ----------------------------------------------------------------------

    fn create_event(
        &mut self,
        settings: &EventSettings,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        if events::by_slug(self.conn, settings.slug.as_str())?.is_some() {
            return Ok(Err(EngineError::field(
                "slug",
                "is already used by another event",
            )));
        }
        let at = to_db_time(self.now);
        let row = events::insert(self.conn, &new_event_row(settings, at))?;
        self.audit_plain(
            row.id,
            None,
            actor,
            None,
            None,
            &format!("event created in phase {}", row.phase),
        )?;
        Ok(Ok(Outcome::Event(Box::new(row))))
    }

    fn update_event(
        &mut self,
        slug: &str,
        patch: &EventPatch,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        let Some(current) = events::by_slug(self.conn, slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        if let Some(new_slug) = &patch.slug {
            if new_slug.as_str() != slug && events::by_slug(self.conn, new_slug.as_str())?.is_some()
            {
                return Ok(Err(EngineError::field(
                    "slug",
                    "is already used by another event",
                )));
            }
        }
        self.load(current.id)?;
        let before = self.cached(current.id).event.clone();
        let after = match patched(&before, patch, self.now) {
            Ok(row) => row,
            Err(errors) => return Ok(Err(EngineError::Invalid(errors))),
        };
        events::update(self.conn, &after)?;
        let note = describe_changes(&before, &after);
        let now = self.now;
        let cached = self.cached(current.id);
        cached.event = after.clone();
        cached.ledger_mut().set_rules(rules_of(&after), now);
        self.audit_plain(current.id, None, actor, None, None, &note)?;
        self.flush(current.id, actor)?;
        self.dirty.insert(current.id);
        Ok(Ok(Outcome::Event(Box::new(after))))
    }

    // ----- organizer actions on registrations ----------------------------------------

    fn invite(
        &mut self,
        slug: &str,
        invitees: &[Invitee],
        hold_until: Option<DateTime<Utc>>,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.load(event.id)?;
        let now = self.now;
        let window = Duration::days(i64::from(event.invitation_window_days));
        let until = hold_until.unwrap_or(now + window);
        if until <= now {
            return Ok(Err(EngineError::field(
                "hold_until",
                "must be in the future",
            )));
        }
        let default_mode = if event.in_person_capacity > 0 {
            Mode::InPerson
        } else {
            Mode::Virtual
        };

        // Everything is checked before anything is written: all or nothing.
        let mut errors = FieldErrors::new();
        let mut existing = Vec::with_capacity(invitees.len());
        let addresses: Vec<&str> = invitees.iter().map(|i| i.email.as_str()).collect();
        let mut known: HashMap<String, RegistrationRow> =
            registrations::by_emails(self.registrations()?, event.id, &addresses)?
                .into_iter()
                .map(|row| (row.email.clone(), row))
                .collect();
        for (i, invitee) in invitees.iter().enumerate() {
            let row = known.remove(invitee.email.as_str());
            if let Some(row) = &row {
                if !parse_status(&row.status).is_ended() {
                    errors
                        .entry(format!("invitees[{i}].email"))
                        .or_default()
                        .push(format!(
                            "{} is already registered for this event",
                            invitee.email.as_str()
                        ));
                }
            }
            existing.push(row);
        }
        if !errors.is_empty() {
            return Ok(Err(EngineError::Invalid(errors)));
        }
        let ledger = &self.cached(event.id).ledger;
        for mode in Mode::ALL {
            let wanted = invitees
                .iter()
                .filter(|i| i.mode.unwrap_or(default_mode) == *mode)
                .count();
            if let Some(free) = ledger.seats(*mode).free {
                if wanted > free as usize {
                    return Ok(Err(EngineError::Conflict(format!(
                        "only {free} {} seat(s) are free for {wanted} invitation(s)",
                        mode.as_str()
                    ))));
                }
            }
        }

        let at = DbTime::of(now);
        let mut ids = Vec::with_capacity(invitees.len());
        for (invitee, row) in invitees.iter().zip(existing) {
            let mode = invitee.mode.unwrap_or(default_mode);
            let (id, from) = match row {
                Some(row) => {
                    self.set_person(
                        row.id,
                        &PersonChange {
                            name: invitee.name.as_str().to_owned(),
                            affiliation: row.affiliation.clone(),
                            preference: Preference::from(mode).as_str().to_owned(),
                        },
                        &StateChange {
                            mode: Some(mode.as_str().to_owned()),
                            hold_until: Some(DbTime::of(until)),
                            ..StateChange::without_seat(Status::Invited.as_str(), at)
                        },
                    )?;
                    (row.id, Some(parse_status(&row.status)))
                }
                None => {
                    let row = self.insert_registration(&NewRegistrationRow {
                        event_id: event.id,
                        email: invitee.email.as_str().to_owned(),
                        name: invitee.name.as_str().to_owned(),
                        affiliation: None,
                        preference: Preference::from(mode).as_str().to_owned(),
                        status: Status::Invited.as_str().to_owned(),
                        created_at: at,
                        updated_at: at,
                    })?;
                    (row.id, None)
                }
            };
            let invited = self
                .cached(event.id)
                .ledger_mut()
                .invite(id, from, mode, until, now);
            debug_assert!(invited.is_ok(), "seats were counted above");
            if let Err(refusal) = invited {
                // Counted above, so this cannot happen; refuse rather than half-invite.
                return Err(diesel::result::Error::QueryBuilderError(
                    refusal.to_string().into(),
                ));
            }
            ids.push(id);
        }
        self.flush(event.id, actor)?;
        Ok(Ok(Outcome::Registrations(ids)))
    }

    fn organizer_action(
        &mut self,
        id: i64,
        actor: &str,
        decide: impl FnOnce(&mut Ledger, DateTime<Utc>) -> Result<(), Refusal>,
    ) -> diesel::QueryResult<Decided> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        self.load(row.event_id)?;
        let now = self.now;
        let result = decide(self.cached(row.event_id).ledger_mut(), now);
        self.conclude(&row, result, actor)
    }

    fn resend(&mut self, id: i64, actor: &str) -> diesel::QueryResult<Decided> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        self.load(row.event_id)?;
        let entry = self.cached(row.event_id).ledger.entry(id).cloned();
        let kind = match entry {
            Some(Entry {
                status: Status::Invited,
                mode: Some(mode),
                hold_until: Some(until),
                ..
            }) => MailKind::Invitation { mode, until },
            Some(Entry {
                status: Status::Offered,
                mode: Some(mode),
                hold_until: Some(until),
                ..
            }) => MailKind::SeatOffer { mode, until },
            _ => {
                return Ok(Err(EngineError::Conflict(
                    "only an open invitation or offer can be sent again".into(),
                )))
            }
        };
        self.send(row.event_id, id, &kind)?;
        let status = row.status.clone();
        self.audit_plain(
            row.event_id,
            Some(id),
            actor,
            Some(&status),
            Some(&status),
            "sent again",
        )?;
        Ok(Ok(Outcome::Registration(id)))
    }

    fn message(
        &mut self,
        slug: &str,
        group: Group,
        subject: &str,
        body: &str,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.load(event.id)?;
        let mut ids: Vec<i64> = self
            .cached(event.id)
            .ledger
            .entries()
            .filter(|e| group.includes(e))
            .map(|e| e.id)
            .collect();
        ids.sort_unstable();
        let at = DbTime::of(self.now);
        let title = self.cache[&event.id].event.title.clone();
        for &id in &ids {
            let Some(person) = self.row(id)? else {
                continue;
            };
            let link_id = self.link_ids.next(self.conn)?;
            let token = tokens::new_personal(link_id, id, at);
            let link = format!("{}/r/{}", self.public_url, token.token);
            self.deferred.tokens.push(token.row);
            let mail =
                crate::mail::message::organizer_message(&title, &person.name, subject, body, &link);
            self.deferred.outbox.push(NewOutboxRow {
                event_id: Some(event.id),
                registration_id: Some(id),
                kind: mail.kind.to_owned(),
                recipient: person.email,
                subject: mail.subject,
                body_text: Some(mail.text),
                body_html: Some(mail.html),
                calendar: None,
                status: "pending".into(),
                next_attempt_at: at,
                created_at: at,
                details: None,
                link: None,
            });
            self.emails += 1;
        }
        self.audit_plain(
            event.id,
            None,
            actor,
            None,
            None,
            &format!(
                "message {subject:?} sent to {} ({})",
                ids.len(),
                group.as_str()
            ),
        )?;
        Ok(Ok(Outcome::Registrations(ids)))
    }

    /// Writes a decision, or explains a refusal in the words of the registration's state.
    fn conclude(
        &mut self,
        row: &RegistrationRow,
        result: Result<(), Refusal>,
        actor: &str,
    ) -> diesel::QueryResult<Decided> {
        match result {
            Ok(()) => {
                self.flush(row.event_id, actor)?;
                Ok(Ok(Outcome::Registration(row.id)))
            }
            Err(Refusal::NotActive) => {
                let status = self
                    .row(row.id)?
                    .map(|r| parse_status(&r.status))
                    .unwrap_or(Status::Cancelled);
                let message = match status {
                    Status::Expired => "the deadline to answer has passed",
                    Status::PendingEmail => "the email address is not confirmed yet",
                    _ => "this registration has ended",
                };
                Ok(Err(EngineError::Conflict(message.into())))
            }
            Err(refusal) => Ok(Err(EngineError::Conflict(refusal.to_string()))),
        }
    }

    // ----- participants --------------------------------------------------------------

    fn join(&mut self, slug: &str, join: &Join) -> diesel::QueryResult<Decided> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        let phase = parse_phase(&event.phase);
        if phase == Phase::Draft {
            return Ok(Err(EngineError::Conflict(
                "registration for this event has not opened".into(),
            )));
        }
        if !phase.accepts_entries() {
            return Ok(Err(EngineError::Conflict(
                "registration for this event is closed".into(),
            )));
        }
        if self.now >= from_db_time(event.starts_at) {
            return Ok(Err(EngineError::Conflict(
                "the event has already started".into(),
            )));
        }
        self.load(event.id)?;
        let at = DbTime::of(self.now);
        // Inserted unless the address is known: the unique index decides, so a new address
        // (nearly every join in a rush) costs one statement and no lookup.
        let inserted = self.insert_registration_unless_known(&NewRegistrationRow {
            event_id: event.id,
            email: join.email.as_str().to_owned(),
            name: join.name.as_str().to_owned(),
            affiliation: join.affiliation.clone(),
            preference: join.preference.as_str().to_owned(),
            status: Status::PendingEmail.as_str().to_owned(),
            created_at: at,
            updated_at: at,
        })?;
        if let Some(row) = inserted {
            self.audit_plain(
                event.id,
                Some(row.id),
                "participant",
                None,
                Some("pending_email"),
                "joined; address to be confirmed",
            )?;
            self.send(event.id, row.id, &MailKind::ConfirmAddress)?;
            return Ok(Ok(Outcome::Done));
        }
        let existing =
            registrations::by_email(self.registrations()?, event.id, join.email.as_str())?;
        match existing {
            // Gone since the insert found it: only another instance erasing it could do that.
            None => return Ok(Err(EngineError::Unavailable)),
            Some(row) if parse_status(&row.status).is_ended() => {
                self.set_person(
                    row.id,
                    &PersonChange {
                        name: join.name.as_str().to_owned(),
                        affiliation: join.affiliation.clone(),
                        preference: join.preference.as_str().to_owned(),
                    },
                    &StateChange::without_seat(Status::PendingEmail.as_str(), at),
                )?;
                self.audit_plain(
                    event.id,
                    Some(row.id),
                    "participant",
                    Some(&row.status),
                    Some("pending_email"),
                    "joined again; address to be confirmed",
                )?;
                self.send(event.id, row.id, &MailKind::ConfirmAddress)?;
            }
            // A known address gets its link again, and the answer is the same as for a new
            // one, so the form does not reveal who registered.
            Some(row) if row.status == Status::PendingEmail.as_str() => {
                self.send(event.id, row.id, &MailKind::ConfirmAddress)?;
            }
            Some(row) => self.send(event.id, row.id, &MailKind::LinkAgain)?,
        }
        Ok(Ok(Outcome::Done))
    }

    fn personal(&mut self, token: &str, action: PersonalAction) -> diesel::QueryResult<Decided> {
        let Some(row) = self.registration_of_link(token)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        let id = row.id;
        self.load(row.event_id)?;
        let now = self.now;
        let pending = row.status == Status::PendingEmail.as_str();
        let preference = parse_preference(&row.preference);
        let cached = self.cached(row.event_id);
        let result = match action {
            PersonalAction::ConfirmEmail if pending => {
                cached.ledger_mut().place(id, preference, now)
            }
            // Confirming twice (a second click on the link) changes nothing.
            PersonalAction::ConfirmEmail => return self.personal_view(row.event_id, id),
            PersonalAction::Accept(mode) => cached.ledger_mut().accept(id, mode, now),
            PersonalAction::Decline => cached.ledger_mut().decline(id, now),
            PersonalAction::Cancel if pending => {
                self.end_pending(
                    &row,
                    Status::Cancelled,
                    "participant",
                    "cancelled before confirming",
                )?;
                return self.personal_view(row.event_id, id);
            }
            PersonalAction::Cancel => cached.ledger_mut().cancel(id, now),
            PersonalAction::Switch(mode) => cached.ledger_mut().switch(id, mode, now),
            PersonalAction::WaitFor(mode) => cached.ledger_mut().wait_for(id, mode, now),
            PersonalAction::LeaveWait => cached.ledger_mut().leave_wait(id, now),
            PersonalAction::Erase => return self.erase(&row),
        };
        match self.conclude(&row, result, "participant")? {
            Ok(_) => self.personal_view(row.event_id, id),
            refused => Ok(refused),
        }
    }

    fn personal_view(&mut self, event_id: i64, id: i64) -> diesel::QueryResult<Decided> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        let cached = self.cached(event_id);
        Ok(Ok(Outcome::Personal(Box::new(PersonalView {
            event_slug: cached.event.slug.clone(),
            registration: reads::registration_in(&cached.ledger, row),
        }))))
    }

    fn end_pending(
        &mut self,
        row: &RegistrationRow,
        to: Status,
        actor: &str,
        note: &str,
    ) -> diesel::QueryResult<()> {
        let at = DbTime::of(self.now);
        self.set_state(row.id, &StateChange::without_seat(to.as_str(), at))?;
        self.audit_plain(
            row.event_id,
            Some(row.id),
            actor,
            Some(&row.status),
            Some(to.as_str()),
            note,
        )
    }

    /// Cancels whatever the person holds, then removes their personal data: name, address,
    /// affiliation, links and undelivered emails. The audit log keeps only the bare states.
    fn erase(&mut self, row: &RegistrationRow) -> diesel::QueryResult<Decided> {
        let status = parse_status(&row.status);
        if status == Status::PendingEmail {
            self.end_pending(
                row,
                Status::Cancelled,
                "participant",
                "cancelled; data erased",
            )?;
        } else if !status.is_ended() {
            let now = self.now;
            let cancelled = self.cached(row.event_id).ledger_mut().cancel(row.id, now);
            if cancelled.is_ok() {
                self.flush(row.event_id, "participant")?;
            }
        }
        let at = to_db_time(self.now);
        // The links and emails to drop may still be waiting to be written.
        self.write_deferred()?;
        registrations::erase_person(self.registrations()?, row.id, at)?;
        self.rows.remove(&row.id);
        tokens::forget_personal(self.conn, row.id)?;
        for owner in self.link_owners.values_mut() {
            if *owner == Some(row.id) {
                *owner = None;
            }
        }
        outbox::drop_pending_for(self.conn, row.id)?;
        self.audit_plain(
            row.event_id,
            Some(row.id),
            "participant",
            None,
            None,
            "personal data erased",
        )?;
        Ok(Ok(Outcome::Done))
    }
}

// ----- conversions between rows and the domain ------------------------------------------

pub fn parse_status(text: &str) -> Status {
    text.parse().unwrap_or(Status::Cancelled)
}

pub fn parse_phase(text: &str) -> Phase {
    text.parse().unwrap_or(Phase::Draft)
}

pub fn parse_preference(text: &str) -> Preference {
    text.parse().unwrap_or(Preference::Either)
}

pub fn parse_mode(text: Option<&str>) -> Option<Mode> {
    text.and_then(|t| t.parse().ok())
}

pub fn rules_of(row: &EventRow) -> EventRules {
    EventRules {
        phase: parse_phase(&row.phase),
        in_person_capacity: row.in_person_capacity.max(0) as u32,
        virtual_capacity: row.virtual_capacity.map(|c| c.max(0) as u32),
        offer_window: Duration::hours(i64::from(row.offer_window_hours)),
        auto_confirm: row.auto_confirm,
        starts_at: from_db_time(row.starts_at),
    }
}

pub fn entry_of(row: &RegistrationRow) -> Entry {
    Entry {
        id: row.id,
        status: parse_status(&row.status),
        mode: parse_mode(row.mode.as_deref()),
        preference: parse_preference(&row.preference),
        hold_until: row.hold_until.map(from_db_time),
        priority: row.priority,
        line_since: row.line_since.map(from_db_time),
        wait_for: parse_mode(row.wait_for.as_deref()),
        wait_offered_until: row.wait_offered_until.map(from_db_time),
    }
}

fn state_change(entry: &Entry, at: DbTime) -> StateChange {
    StateChange {
        status: entry.status.as_str().to_owned(),
        mode: entry.mode.map(|m| m.as_str().to_owned()),
        hold_until: entry.hold_until.map(DbTime::of),
        priority: entry.priority,
        line_since: entry.line_since.map(DbTime::of),
        wait_for: entry.wait_for.map(|m| m.as_str().to_owned()),
        wait_offered_until: entry.wait_offered_until.map(DbTime::of),
        updated_at: at,
    }
}

fn new_event_row(s: &EventSettings, at: chrono::NaiveDateTime) -> NewEventRow {
    NewEventRow {
        slug: s.slug.as_str().to_owned(),
        title: s.title.clone(),
        description: s.description.clone(),
        starts_at: to_db_time(s.starts_at),
        ends_at: to_db_time(s.ends_at),
        timezone: s.timezone.name().to_owned(),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        in_person_capacity: s.in_person_capacity as i32,
        virtual_capacity: s.virtual_capacity.map(|c| c as i32),
        phase: s.phase.as_str().to_owned(),
        offer_window_hours: s.offer_window_hours as i32,
        invitation_window_days: s.invitation_window_days as i32,
        auto_confirm: s.auto_confirm,
        version: 0,
        created_at: at,
        updated_at: at,
    }
}

/// The event with a patch applied, or the fields that make the result invalid.
fn patched(
    row: &EventRow,
    patch: &EventPatch,
    now: DateTime<Utc>,
) -> Result<EventRow, FieldErrors> {
    let mut next = row.clone();
    if let Some(v) = &patch.slug {
        next.slug = v.as_str().to_owned();
    }
    if let Some(v) = &patch.title {
        next.title = v.clone();
    }
    if let Some(v) = &patch.description {
        next.description = v.clone();
    }
    if let Some(v) = patch.starts_at {
        next.starts_at = to_db_time(v);
    }
    if let Some(v) = patch.ends_at {
        next.ends_at = to_db_time(v);
    }
    if let Some(v) = patch.timezone {
        next.timezone = v.name().to_owned();
    }
    if let Some(v) = &patch.venue {
        next.venue = v.clone();
    }
    if let Some(v) = &patch.meeting_url {
        next.meeting_url = v.clone();
    }
    if let Some(v) = patch.in_person_capacity {
        next.in_person_capacity = v as i32;
    }
    if let Some(v) = patch.virtual_capacity {
        next.virtual_capacity = v.map(|c| c as i32);
    }
    if let Some(v) = patch.phase {
        next.phase = v.as_str().to_owned();
    }
    if let Some(v) = patch.offer_window_hours {
        next.offer_window_hours = v as i32;
    }
    if let Some(v) = patch.invitation_window_days {
        next.invitation_window_days = v as i32;
    }
    if let Some(v) = patch.auto_confirm {
        next.auto_confirm = v;
    }
    next.updated_at = to_db_time(now);
    if next.ends_at <= next.starts_at {
        let field = if patch.ends_at.is_some() {
            "ends_at"
        } else {
            "starts_at"
        };
        return Err(FieldErrors::from([(
            field.to_owned(),
            vec!["the event must end after it starts".to_owned()],
        )]));
    }
    Ok(next)
}

fn describe_changes(before: &EventRow, after: &EventRow) -> String {
    let mut changed = Vec::new();
    macro_rules! compare {
        ($($field:ident),+) => {$(
            if before.$field != after.$field {
                changed.push(format!("{} {:?} -> {:?}", stringify!($field), before.$field, after.$field));
            }
        )+};
    }
    compare!(
        slug,
        title,
        starts_at,
        ends_at,
        timezone,
        venue,
        meeting_url,
        in_person_capacity,
        virtual_capacity,
        phase,
        offer_window_hours,
        invitation_window_days,
        auto_confirm
    );
    if before.description != after.description {
        changed.push("description".into());
    }
    if changed.is_empty() {
        "event saved without changes".into()
    } else {
        format!("event updated: {}", changed.join(", "))
    }
}

#[cfg(test)]
mod tests;
