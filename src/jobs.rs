//! Background jobs that run beside the server: the sweeper, which has the writer expire
//! lapsed holds, and retention, which erases personal data of past events. Both are safe
//! with several instances on one database.

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;

use crate::domain::EventId;
use crate::engine::Engine;
use crate::mail::worker::remove_eml_files;
use crate::services::site;
use crate::store::{self, DbTime};

/// Expires lapsed holds every few seconds: finds the events that have one and asks the
/// writer to settle them. With several instances each may ask; the writer's lock on the
/// event row makes the second ask find nothing left to do.
pub fn spawn_sweeper(pool: store::Pool, engine: Engine, every: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            let pool = pool.clone();
            let due = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<EventId>> {
                let mut conn = pool.get()?;
                Ok(store::registrations::events_with_lapsed_holds(
                    &mut conn,
                    DbTime::of(Utc::now()),
                )?)
            })
            .await;
            match due {
                Ok(Ok(events)) => {
                    for event_id in events {
                        if let Err(error) = engine.settle(event_id).await {
                            tracing::warn!(event_id = event_id.0, %error, "sweeping lapsed holds failed");
                        }
                    }
                }
                Ok(Err(error)) => {
                    tracing::warn!(error = %format!("{error:#}"), "sweeper cannot read the database")
                }
                Err(error) => tracing::warn!(%error, "sweeper task failed"),
            }
        }
    });
}

/// Finds, every few seconds, the events whose people are owed a reminder they have not
/// had, and asks the writer to send them. The writer decides under the event's lock and
/// records each reminder with its email, so a second instance asking finds it sent.
pub fn spawn_reminders(pool: store::Pool, engine: Engine, every: Duration, answer_hours: u32) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            let pool = pool.clone();
            let due = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<EventId>> {
                let mut conn = pool.get()?;
                Ok(store::reminders::events_owing(
                    &mut conn,
                    Utc::now(),
                    answer_hours,
                )?)
            })
            .await;
            match due {
                Ok(Ok(events)) => {
                    for event_id in events {
                        if let Err(error) = engine.send_reminders(event_id, answer_hours).await {
                            tracing::warn!(event_id = event_id.0, %error, "sending reminders failed");
                        }
                    }
                }
                Ok(Err(error)) => {
                    tracing::warn!(error = %format!("{error:#}"), "reminders cannot read the database")
                }
                Err(error) => tracing::warn!(%error, "reminder task failed"),
            }
        }
    });
}

/// How often the sweeper looks for personal data due for erasure.
const RETENTION_EVERY: Duration = Duration::from_secs(600);

/// What retention keeps, and for how long.
#[derive(Debug, Clone)]
pub struct Retention {
    /// Personal data of events that ended this many days ago is erased.
    pub days: u32,
    /// Entries whose address was not confirmed for this many days are erased.
    pub unconfirmed_days: u32,
    /// Where emails are files, when no mail server is configured.
    pub outbox_dir: Option<PathBuf>,
}

/// Erases personal data past its time: at start, then every few minutes. Each event is
/// erased in one transaction that a second instance finds already done; unconfirmed
/// entries go through the engine, which locks their events.
pub fn spawn_retention(pool: store::Pool, engine: Engine, retention: Retention) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(RETENTION_EVERY);
        loop {
            ticks.tick().await;
            let before = Utc::now() - chrono::Duration::days(i64::from(retention.unconfirmed_days));
            match engine.erase_unconfirmed(before).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(
                    registrations = count,
                    "erased entries whose address was never confirmed"
                ),
                Err(error) => tracing::warn!(%error, "erasing unconfirmed entries failed"),
            }
            let pool = pool.clone();
            let retention = retention.clone();
            let erased = tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
                let mut conn = pool.get()?;
                let (sign_ups, emails) =
                    store::newsletter::erase_unconfirmed(&mut conn, before.naive_utc())?;
                remove_eml_files(retention.outbox_dir.as_deref(), &emails);
                if sign_ups + emails.len() > 0 {
                    tracing::info!(
                        sign_ups,
                        emails = emails.len(),
                        "erased newsletter sign-ups never confirmed and newsletter emails past the period"
                    );
                }
                let now = Utc::now();
                let cutoff = (now - chrono::Duration::days(i64::from(retention.days))).naive_utc();
                let mut erased = 0;
                for event_id in store::retention::events_to_erase(&mut conn, cutoff)? {
                    let done = store::retention::erase_event(
                        &mut conn,
                        event_id,
                        cutoff,
                        now.naive_utc(),
                    )?;
                    remove_eml_files(retention.outbox_dir.as_deref(), &done.emails);
                    tracing::info!(
                        event_id,
                        registrations = done.registrations,
                        "erased personal data past its retention period"
                    );
                    erased += done.registrations;
                }
                Ok(erased)
            })
            .await;
            match erased {
                Ok(Ok(_)) => {}
                Ok(Err(error)) => {
                    tracing::warn!(error = %format!("{error:#}"), "erasing data past its retention period failed")
                }
                Err(error) => tracing::warn!(%error, "retention task failed"),
            }
        }
    });
}

/// Reads the site's identity again every [`site::REFRESH_EVERY`], so a change saved on
/// another instance reaches this one's pages; a failed read keeps the copy held.
pub fn spawn_site_refresh(pool: store::Pool, cache: std::sync::Arc<site::SiteCache>) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(site::REFRESH_EVERY);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            let pool = pool.clone();
            let read = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                let mut conn = pool.get()?;
                Ok(site::load(&mut conn)?)
            })
            .await;
            match read {
                Ok(Ok(fresh)) => cache.replace(fresh),
                Ok(Err(error)) => {
                    tracing::warn!(error = %format!("{error:#}"), "cannot read the site's identity")
                }
                Err(error) => tracing::warn!(%error, "site refresh task failed"),
            }
        }
    });
}
