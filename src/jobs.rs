//! Background jobs that run beside the server: the sweeper, which has the writer expire
//! lapsed holds, and retention, which erases personal data of past events. Both are safe
//! with several instances on one database.

use std::time::Duration;

use chrono::Utc;

use crate::domain::EventId;
use crate::engine::Engine;
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

/// How often the sweeper looks for events whose personal data is due for erasure.
const RETENTION_EVERY: Duration = Duration::from_secs(600);

/// Erases the personal data of events that ended more than `days` ago: at start, then
/// every few minutes. Each event is erased in one transaction that a second instance finds
/// already done.
pub fn spawn_retention(pool: store::Pool, days: u32) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(RETENTION_EVERY);
        loop {
            ticks.tick().await;
            let pool = pool.clone();
            let erased = tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
                let mut conn = pool.get()?;
                let now = Utc::now();
                let cutoff = now - chrono::Duration::days(i64::from(days));
                let mut erased = 0;
                for event_id in store::retention::events_to_erase(&mut conn, cutoff.naive_utc())? {
                    let count =
                        store::retention::erase_event(&mut conn, event_id, now.naive_utc())?;
                    tracing::info!(
                        event_id,
                        registrations = count,
                        "erased the personal data of an event past its retention period"
                    );
                    erased += count;
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
