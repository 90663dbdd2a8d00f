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
mod check_in;
mod events;
mod notices;
mod organizer;
mod participant;
mod reminders;
mod writer;

use std::collections::{BTreeMap, HashMap};
use std::sync::mpsc::{self, Sender, SyncSender};
use std::thread;

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use crate::domain::{
    Answers, EventId, EventPatch, EventSettings, FieldErrors, GroupMessage, Invitee, Join,
    PersonalAction, Refusal, RegistrationId, SendId,
};
use crate::reads;
use crate::store::events::EventRow;
use crate::store::{self, ConnectionManager};
use writer::Writer;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{0}")]
    Conflict(Refusal),
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

/// What the writer is asked to do; callers use the typed methods of [`Engine`].
#[derive(Debug, Clone)]
enum Command {
    /// Creates an event, naming who did in the audit log.
    CreateEvent {
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
    /// Marks a confirmed participant as arrived at the door (`arrived: false` undoes it).
    CheckIn {
        id: RegistrationId,
        arrived: bool,
        actor: String,
    },
    /// An organizer's message to a group of an event's participants, through the outbox.
    Message {
        slug: String,
        message: GroupMessage,
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
    /// A personal action (accepting) that also gives answers to the event's questions,
    /// stored with it when it succeeds.
    PersonalAnswered {
        token: String,
        action: PersonalAction,
        answers: Answers,
    },
    Settle {
        event_id: EventId,
    },
    /// Queues the reminders an event's people are owed now; `answer_hours` before a
    /// deadline for invitations and offers.
    SendReminders {
        event_id: EventId,
        answer_hours: u32,
    },
    /// Erases the entries whose address was not confirmed since `before`.
    EraseUnconfirmed {
        before: DateTime<Utc>,
    },
}

#[derive(Debug, Clone)]
enum Outcome {
    Event(Box<EventRow>),
    Sent(Sent),
    Registration(RegistrationId),
    /// A person's registration right after their own action, so the answer needs no read.
    Personal(Box<PersonalView>),
    Done,
}

/// What a command that writes to many people did: the registrations it wrote to, in the
/// order given, and the send that follows their emails (none when it queued none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub registrations: Vec<RegistrationId>,
    pub send: Option<SendId>,
}

/// A registration as its owner sees it, with the event it belongs to.
#[derive(Debug, Clone)]
pub struct PersonalView {
    /// The event as the writer committed it, so its questions come from the readers'
    /// cache of an event's content rather than from another read.
    pub event: crate::store::events::EventRow,
    pub registration: reads::RegistrationState,
    /// The person's answers as the same transaction left them: the writer reads those of
    /// a whole batch at once, where an answer read after the commit cost every click on a
    /// link another round trip.
    pub answers: Answers,
}

/// A command on the writer's queue, with where its outcome goes.
struct Job {
    command: Command,
    reply: oneshot::Sender<Result<Outcome, EngineError>>,
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
        outbox_dir: Option<std::path::PathBuf>,
    ) -> Engine {
        let (jobs, queue) = mpsc::channel::<Job>();
        let writer = Writer {
            manager,
            conn: None,
            cache: HashMap::new(),
            public_url,
            mail_wake,
            outbox_dir,
        };
        thread::Builder::new()
            .name("registrar-writer".into())
            .spawn(move || writer.run(queue))
            .expect("spawning the writer thread");
        Engine { jobs }
    }

    /// Submits a command and waits for its committed outcome.
    async fn submit(&self, command: Command) -> Result<Outcome, EngineError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { command, reply })
            .map_err(|_| EngineError::Unavailable)?;
        answer.await.map_err(|_| EngineError::Unavailable)?
    }

    pub async fn create_event(
        &self,
        settings: EventSettings,
        actor: String,
    ) -> Result<EventRow, EngineError> {
        match self
            .submit(Command::CreateEvent { settings, actor })
            .await?
        {
            Outcome::Event(row) => Ok(*row),
            other => Err(unexpected("an event", &other)),
        }
    }

    /// Changes an event's settings; a capacity raise or an opening phase hands freed seats
    /// on in the same transaction.
    pub async fn update_event(
        &self,
        slug: String,
        patch: EventPatch,
        actor: String,
    ) -> Result<EventRow, EngineError> {
        match self
            .submit(Command::UpdateEvent { slug, patch, actor })
            .await?
        {
            Outcome::Event(row) => Ok(*row),
            other => Err(unexpected("an event", &other)),
        }
    }

    /// Invites everyone or nobody; the registrations made, in the order given, and the
    /// send of their invitations.
    pub async fn invite(
        &self,
        slug: String,
        invitees: Vec<Invitee>,
        hold_until: Option<DateTime<Utc>>,
        actor: String,
    ) -> Result<Sent, EngineError> {
        let command = Command::Invite {
            slug,
            invitees,
            hold_until,
            actor,
        };
        match self.submit(command).await? {
            Outcome::Sent(sent) => Ok(sent),
            other => Err(unexpected("registrations", &other)),
        }
    }

    /// An organizer's action on one registration.
    pub async fn act_on(
        &self,
        id: RegistrationId,
        action: OrganizerAction,
        actor: String,
    ) -> Result<RegistrationId, EngineError> {
        let command = match action {
            OrganizerAction::Revoke => Command::Revoke { id, actor },
            OrganizerAction::Promote => Command::Promote { id, actor },
            OrganizerAction::SetHold(until) => Command::SetHold { id, until, actor },
            OrganizerAction::MoveInLine(by) => Command::MoveInLine { id, by, actor },
            OrganizerAction::Resend => Command::Resend { id, actor },
            OrganizerAction::CheckIn => Command::CheckIn {
                id,
                arrived: true,
                actor,
            },
            OrganizerAction::UndoCheckIn => Command::CheckIn {
                id,
                arrived: false,
                actor,
            },
        };
        match self.submit(command).await? {
            Outcome::Registration(id) => Ok(id),
            other => Err(unexpected("a registration", &other)),
        }
    }

    /// Writes to a group of an event's participants; the registrations written to and
    /// the send of the emails.
    pub async fn message(
        &self,
        slug: String,
        message: GroupMessage,
        actor: String,
    ) -> Result<Sent, EngineError> {
        match self
            .submit(Command::Message {
                slug,
                message,
                actor,
            })
            .await?
        {
            Outcome::Sent(sent) => Ok(sent),
            other => Err(unexpected("registrations", &other)),
        }
    }

    /// Someone joins the line; the answer is the same whether the address is new or known.
    pub async fn join(&self, slug: String, join: Join) -> Result<(), EngineError> {
        self.submit(Command::Join { slug, join }).await.map(|_| ())
    }

    /// A person's action from their personal link; their registration right after it.
    pub async fn personal(
        &self,
        token: String,
        action: PersonalAction,
    ) -> Result<PersonalView, EngineError> {
        match self.submit(Command::Personal { token, action }).await? {
            Outcome::Personal(view) => Ok(*view),
            other => Err(unexpected("a registration", &other)),
        }
    }

    /// A person's action that also answers the event's questions (accepting).
    pub async fn personal_answered(
        &self,
        token: String,
        action: PersonalAction,
        answers: Answers,
    ) -> Result<PersonalView, EngineError> {
        let command = Command::PersonalAnswered {
            token,
            action,
            answers,
        };
        match self.submit(command).await? {
            Outcome::Personal(view) => Ok(*view),
            other => Err(unexpected("a registration", &other)),
        }
    }

    /// Cancels a person's registration and erases their data.
    pub async fn erase(&self, token: String) -> Result<(), EngineError> {
        let action = PersonalAction::Erase;
        self.submit(Command::Personal { token, action })
            .await
            .map(|_| ())
    }

    /// Expires the event's lapsed holds and hands their seats on.
    pub async fn settle(&self, event_id: EventId) -> Result<(), EngineError> {
        self.submit(Command::Settle { event_id }).await.map(|_| ())
    }

    /// Queues the reminders the people of an event are owed now and have not had: before
    /// the event, and `answer_hours` before an invitation's or offer's deadline.
    pub async fn send_reminders(
        &self,
        event_id: EventId,
        answer_hours: u32,
    ) -> Result<(), EngineError> {
        self.submit(Command::SendReminders {
            event_id,
            answer_hours,
        })
        .await
        .map(|_| ())
    }

    /// Erases the entries whose address was not confirmed since `before`: their rows,
    /// links, emails and audit rows; how many.
    pub async fn erase_unconfirmed(&self, before: DateTime<Utc>) -> Result<usize, EngineError> {
        match self.submit(Command::EraseUnconfirmed { before }).await? {
            Outcome::Sent(erased) => Ok(erased.registrations.len()),
            other => Err(unexpected("registrations", &other)),
        }
    }

    /// Asks for [`Engine::settle`] without waiting (a reader saw a lapsed hold).
    pub fn nudge_settle(&self, event_id: EventId) {
        let (reply, _) = oneshot::channel();
        let command = Command::Settle { event_id };
        let _ = self.jobs.send(Job { command, reply });
    }
}

/// An organizer's action on one registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganizerAction {
    Revoke,
    Promote,
    /// A new deadline for an invitation or offer.
    SetHold(DateTime<Utc>),
    /// Up (positive) or down (negative) in the line.
    MoveInLine(i32),
    /// The open invitation or offer again, with a fresh link.
    Resend,
    /// Arrived at the door (a confirmed registration only; the first time is kept).
    CheckIn,
    /// The arrival undone.
    UndoCheckIn,
}

/// A command answered with an outcome of another kind: a fault of the engine.
fn unexpected(wanted: &str, got: &Outcome) -> EngineError {
    EngineError::Internal(anyhow::anyhow!(
        "the engine answered {got:?} where {wanted} was due"
    ))
}

#[cfg(test)]
mod tests;
