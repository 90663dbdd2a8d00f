//! "Are you still coming?": a confirmed in-person participant asked to reconfirm holds the
//! seat until `reconfirm_by`; answering keeps it, silence past the deadline releases it
//! (in [`Ledger::settle`], like any lapsed hold).

use chrono::{DateTime, Utc};

use super::{not_allowed, Ledger, Notice, Reason, Refusal};
use crate::domain::{Mode, Status};

impl Ledger {
    /// Whether this entry is one a reconfirmation would ask: confirmed in person and not
    /// asked already.
    pub fn may_ask_reconfirmation(&self, id: i64) -> bool {
        self.entries.get(&id).is_some_and(|entry| {
            entry.status == Status::Confirmed
                && entry.mode == Some(Mode::InPerson)
                && entry.reconfirm_by.is_none()
        })
    }

    /// Asks a confirmed in-person participant to reconfirm by `until`.
    pub fn ask_reconfirmation(
        &mut self,
        id: i64,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if now >= self.rules.starts_at {
            return Err(Refusal::Started);
        }
        if until <= now {
            return not_allowed(Reason::DeadlinePast);
        }
        if !self.may_ask_reconfirmation(self.active(id)?.id) {
            return not_allowed(Reason::ReconfirmNeedsSeat);
        }
        let mut entry = self.entries[&id].clone();
        entry.reconfirm_by = Some(until);
        self.put(entry);
        self.record(
            id,
            Some(Status::Confirmed),
            Status::Confirmed,
            "asked to reconfirm",
            true,
        )
        .with(Notice::ReconfirmationRequest { until });
        Ok(())
    }

    /// The participant answers "yes, I'm coming": the seat is theirs again with no deadline.
    pub fn reconfirm(&mut self, id: i64, _now: DateTime<Utc>) -> Result<(), Refusal> {
        let entry = self.active(id)?;
        if entry.reconfirm_by.is_none() {
            return not_allowed(Reason::NothingToReconfirm);
        }
        let mut entry = entry.clone();
        entry.reconfirm_by = None;
        self.put(entry);
        self.record(
            id,
            Some(Status::Confirmed),
            Status::Confirmed,
            "reconfirmed",
            false,
        );
        Ok(())
    }
}
