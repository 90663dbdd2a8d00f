//! The shelf of published ledgers: the writer puts each ledger it commits here, readers
//! take the version they read from the database. Both the engine and the reads use it,
//! so it belongs to neither.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use crate::domain::{EventId, Ledger};

/// Ledgers by event id, each with the event version it reflects. Rebuilding a ledger
/// reads every active registration of the event; with thousands of them that cost would
/// fall on every page view and every answer of a registration rush. The writer shares
/// each new ledger just before its transaction commits and keeps the previous one, so a
/// reader finds the version it reads from the database whether it reads just before or
/// just after the commit.
static PUBLISHED: LazyLock<RwLock<HashMap<EventId, Versions>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// The newest ledgers of one event, newest last.
type Versions = Vec<(i64, Arc<Ledger>)>;

/// Shares the ledger of an event as of `version` with every reader.
pub fn publish(event_id: EventId, version: i64, ledger: Arc<Ledger>) {
    let mut published = PUBLISHED.write().unwrap_or_else(|e| e.into_inner());
    let versions = published.entry(event_id).or_default();
    if versions.iter().any(|(v, _)| *v == version) {
        return;
    }
    versions.push((version, ledger));
    versions.sort_by_key(|(v, _)| *v);
    if versions.len() > 2 {
        versions.remove(0);
    }
}

/// Drops every ledger but the newest of each event. The older one serves only readers that
/// read the event's version just before a commit; called once the writer has been idle for
/// a while, it frees a copy of each event's ledger that no reader needs any more.
pub fn retire_superseded() {
    let mut published = PUBLISHED.write().unwrap_or_else(|e| e.into_inner());
    for versions in published.values_mut() {
        let superseded = versions.len().saturating_sub(1);
        versions.drain(..superseded);
    }
}

/// Takes back a ledger shared before a commit that then failed.
pub fn withdraw(event_id: EventId, version: i64) {
    let mut published = PUBLISHED.write().unwrap_or_else(|e| e.into_inner());
    if let Some(versions) = published.get_mut(&event_id) {
        versions.retain(|(v, _)| *v != version);
    }
}

/// The newest version of an event this process has committed or is committing, if any.
pub fn newest_published(event_id: EventId) -> Option<i64> {
    let published = PUBLISHED.read().unwrap_or_else(|e| e.into_inner());
    published.get(&event_id)?.last().map(|(v, _)| *v)
}

pub fn published(event_id: EventId, version: i64) -> Option<Arc<Ledger>> {
    let published = PUBLISHED.read().unwrap_or_else(|e| e.into_inner());
    published
        .get(&event_id)?
        .iter()
        .find(|(v, _)| *v == version)
        .map(|(_, ledger)| Arc::clone(ledger))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventRules, Phase};
    use chrono::Utc;

    fn empty_ledger() -> Arc<Ledger> {
        let rules = EventRules {
            phase: Phase::Open,
            virtual_phase: None,
            in_person_capacity: 10,
            virtual_capacity: None,
            offer_window: chrono::Duration::hours(48),
            auto_confirm: false,
            starts_at: Utc::now() + chrono::Duration::days(7),
        };
        Arc::new(Ledger::new(rules, []))
    }

    #[test]
    fn retiring_keeps_only_the_newest_ledger_of_each_event() {
        // Ids no other test publishes: the published ledgers are shared by the process.
        let (busy, quiet) = (EventId(-7_001), EventId(-7_002));
        let (old, new, only) = (empty_ledger(), empty_ledger(), empty_ledger());
        publish(busy, 4, Arc::clone(&old));
        publish(busy, 5, Arc::clone(&new));
        publish(quiet, 1, Arc::clone(&only));
        assert!(
            published(busy, 4).is_some(),
            "a reader may still ask for version 4"
        );

        retire_superseded();

        assert!(published(busy, 4).is_none());
        assert!(Arc::ptr_eq(&published(busy, 5).unwrap(), &new));
        assert!(Arc::ptr_eq(&published(quiet, 1).unwrap(), &only));
        assert_eq!(newest_published(busy), Some(5));
        assert_eq!(Arc::strong_count(&old), 1, "the retired copy is freed");
    }
}
