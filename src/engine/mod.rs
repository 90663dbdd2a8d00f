//! Commands in, decisions applied. One writer thread takes commands from a queue and
//! applies them in batches: each batch is one database transaction in which every command
//! loads the state it needs (locking the event row), lets the domain decide, and writes the
//! registrations, audit rows and outgoing emails. Every command is acknowledged only after
//! its batch has committed, so an acknowledged change is durable, and many commands share
//! one commit (and one fsync) under load. A command refused by the domain writes nothing
//! and fails alone; a database failure retries each command of the batch on its own.

mod apply;
mod batch;
mod cache;
mod events;
mod organizer;
mod participant;
mod writer;

use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc::{self, Sender, SyncSender};
use std::thread;

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use crate::domain::{
    EventId, EventPatch, EventSettings, FieldErrors, Group, Invitee, Join, PersonalAction,
    RegistrationId,
};
use crate::reads;
use crate::store::events::EventRow;
use crate::store::{self, ConnectionManager};
use writer::{Job, Writer};

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

impl From<anyhow::Error> for EngineError {
    fn from(error: anyhow::Error) -> Self {
        EngineError::Internal(error)
    }
}

impl From<r2d2::Error> for EngineError {
    fn from(_: r2d2::Error) -> Self {
        EngineError::Unavailable
    }
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
        id: RegistrationId,
        actor: String,
    },
    Promote {
        id: RegistrationId,
        actor: String,
    },
    SetHold {
        id: RegistrationId,
        until: DateTime<Utc>,
        actor: String,
    },
    /// Moves a waiting entry up (`by: 1`) or down (`by: -1`) in its line, from its
    /// priority as it stands when the command is applied, so two quick clicks move it
    /// twice.
    MoveInLine {
        id: RegistrationId,
        by: i32,
        actor: String,
    },
    /// Sends an open invitation or offer again, with a fresh personal link.
    Resend {
        id: RegistrationId,
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
        event_id: EventId,
    },
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Event(Box<EventRow>),
    Registrations(Vec<RegistrationId>),
    Registration(RegistrationId),
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

/// The handle the web layer and background jobs use to submit commands.
#[derive(Clone)]
pub struct Engine {
    jobs: Sender<Job>,
}

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

#[cfg(test)]
mod tests;
