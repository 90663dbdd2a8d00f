//! The writer's copy of each event it has committed: the event row and the ledger it
//! shares with readers.

use std::sync::Arc;

use crate::domain::{Entry, Happening, Ledger};
use crate::store::events::EventRow;

/// An event as the writer last committed it. The ledger is the very one shared with
/// readers (see [`crate::published`]), so an event at rest is held once. A batch that
/// changes a ledger readers still hold gets a copy of its own; the ledger shares its
/// structure, so the copy costs a few pointers, not the event's size.
pub(super) struct CommittedEvent {
    pub(super) event: EventRow,
    pub(super) ledger: Arc<Ledger>,
}

impl CommittedEvent {
    pub(super) fn new(event: EventRow, ledger: Ledger) -> CommittedEvent {
        CommittedEvent {
            event,
            ledger: Arc::new(ledger),
        }
    }

    pub(super) fn ledger_mut(&mut self) -> &mut Ledger {
        Arc::make_mut(&mut self.ledger)
    }

    /// What the ledger decided since the last call (see [`Ledger::take_changes`]).
    pub(super) fn take_changes(&mut self) -> (Vec<Happening>, Vec<Entry>) {
        self.ledger_mut().take_changes()
    }
}
