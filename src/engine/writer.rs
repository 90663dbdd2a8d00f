//! The writer thread: takes commands off the queue in batches of up to [`MAX_BATCH`],
//! applies each batch in one transaction, shares the ledgers it committed, and answers
//! every command once its batch has committed. A batch that fails on the database is
//! retried command by command, so one bad command fails alone.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::Arc;
use std::thread;
use std::time::Duration as StdDuration;

use chrono::{SubsecRound, Utc};

use super::batch::{Batch, Deferred};
use super::cache::CommittedEvent;
use super::{EngineError, Job};
use crate::domain::EventId;
use crate::published;
use crate::store::{self, tokens, ConnectionManager, DbConnection};

/// How long the writer waits for a command before it counts as idle and lets go of ledgers
/// kept for reads that started before its last commit.
const IDLE: StdDuration = StdDuration::from_secs(1);

/// The most commands applied in one transaction.
const MAX_BATCH: usize = 512;

pub(super) struct Writer {
    pub(super) manager: ConnectionManager,
    pub(super) conn: Option<DbConnection>,
    pub(super) cache: HashMap<EventId, CommittedEvent>,
    pub(super) public_url: String,
    pub(super) mail_wake: SyncSender<()>,
    /// The outbox folder, where emails are files when no mail server is configured.
    pub(super) outbox_dir: Option<std::path::PathBuf>,
}

impl Writer {
    pub(super) fn run(mut self, queue: Receiver<Job>) {
        loop {
            // Idle for a while: let go of ledgers kept for reads begun before the last commit.
            let next = queue.recv_timeout(IDLE).or_else(|_| {
                published::retire_superseded();
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

    pub(super) fn connect(&mut self) -> Result<(), EngineError> {
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

    pub(super) fn process(&mut self, jobs: Vec<Job>) {
        // To the microsecond, as PostgreSQL keeps times: every deadline the ledger keeps
        // is then the one stored, and the ledger shared with readers the one a restart
        // reads back.
        let now = Utc::now().trunc_subsecs(6);
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
        let mut shared: Vec<(EventId, i64)> = Vec::new();
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
                erased_emails: Vec::new(),
                requests_sent: HashMap::new(),
                answers: foldhash::HashMap::default(),
            };
            batch.look_up_links(&jobs)?;
            batch.count_requests(&jobs)?;
            let mut outcomes = Vec::with_capacity(jobs.len());
            for job in &jobs {
                outcomes.push(batch.apply(&job.command)?);
            }
            batch.write_deferred()?;
            let changed = batch.finish()?;
            for &(id, version) in &changed {
                published::publish(id, version, Arc::clone(&batch.cache[&id].ledger));
            }
            shared.extend_from_slice(&changed);
            Ok::<_, diesel::result::Error>((outcomes, batch.emails, batch.erased_emails))
        });
        if result.is_err() {
            for (id, version) in shared.drain(..) {
                published::withdraw(id, version);
            }
        }
        match result {
            Ok((outcomes, emails, erased_emails)) => {
                tracing::debug!(commands = outcomes.len(), emails, "batch committed");
                // Only once the erasure is committed: files of emails that are gone.
                crate::mail::worker::remove_eml_files(self.outbox_dir.as_deref(), &erased_emails);
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
