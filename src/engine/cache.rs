//! The writer's copy of each event it has committed: the event row and the ledger it
//! shares with readers, with spare ledgers to reuse.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::domain::{Entry, Happening, Ledger};
use crate::store::events::EventRow;

/// An event as the writer last committed it. The ledger is the very one shared with
/// readers (see [`crate::published`]), so an event at rest is held once, not once by the
/// writer and again for readers. A batch that changes a shared ledger needs a ledger of its
/// own: it takes a spare, an older ledger that readers have let go of, and brings it up
/// to date, which costs as much as the changes since. Only when no spare is free does it
/// copy the whole ledger, which took 7 % of the writer's profile samples in a rush of 10,000.
pub(super) struct Cached {
    pub(super) event: EventRow,
    pub(super) ledger: Arc<Ledger>,
    /// Ledgers this one superseded, oldest first, at most [`SPARES`].
    pub(super) spares: VecDeque<Spare>,
}

/// A superseded ledger and the final state of every registration changed since.
pub(super) struct Spare {
    pub(super) ledger: Arc<Ledger>,
    pub(super) changed: foldhash::HashMap<i64, Entry>,
}

/// Readers keep the two newest ledgers of an event (see [`crate::published`]), so the one
/// before those is the first that a batch may find free.
const SPARES: usize = 2;

impl Cached {
    pub(super) fn new(event: EventRow, ledger: Ledger) -> Cached {
        Cached {
            event,
            ledger: Arc::new(ledger),
            spares: VecDeque::new(),
        }
    }

    pub(super) fn ledger_mut(&mut self) -> &mut Ledger {
        if Arc::get_mut(&mut self.ledger).is_none() {
            self.take_spare();
        }
        Arc::get_mut(&mut self.ledger).expect("a ledger of the writer's own")
    }

    /// Replaces the shared ledger with one of the writer's own, equal to it, and keeps the
    /// shared one as a spare.
    pub(super) fn take_spare(&mut self) {
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
    pub(super) fn take_changes(&mut self) -> (Vec<Happening>, Vec<Entry>) {
        let (happenings, changed) = self.ledger_mut().take_changes();
        for spare in &mut self.spares {
            spare
                .changed
                .extend(changed.iter().map(|entry| (entry.id, entry.clone())));
        }
        (happenings, changed)
    }
}
