//! Telling people what changed (SPEC.md, "After the seat"): when an event's time, venue,
//! meeting link or programme changes, each confirmed participant and each holder of an
//! open invitation or offer whom the change concerns gets one email saying what, queued
//! in the transaction of the change.

use super::batch::Batch;
use crate::domain::notices::{changes, recipients, worth_telling, Change, Recipient, Schedule};
use crate::domain::{EventId, Part, RegistrationId};
use crate::mail::MailKind;
use crate::store::events::EventRow;

/// What of an event's row and programme its people are told about.
pub(super) fn schedule_of<'a>(row: &'a EventRow, parts: &'a [Part]) -> Schedule<'a> {
    Schedule {
        starts_at: row.starts_at.utc(),
        ends_at: row.ends_at.utc(),
        venue: &row.venue,
        meeting_url: row.meeting_url.as_deref(),
        parts,
    }
}

impl Batch<'_> {
    /// Who is to be told of the change from `before` to `after` (nobody for a draft or
    /// an event that has ended), read from the ledger as it stood before the change, so
    /// that a seat handed on by the change itself is told by its own email.
    pub(super) fn who_is_told(
        &mut self,
        event_id: EventId,
        before: (&EventRow, &[Part]),
        after: Schedule<'_>,
    ) -> Vec<Recipient> {
        let (row, parts) = before;
        if !worth_telling(row.phase, row.ends_at.utc(), self.now) {
            return Vec::new();
        }
        let found: Vec<Change> = changes(&schedule_of(row, parts), &after);
        if found.is_empty() {
            return Vec::new();
        }
        let now = self.now;
        recipients(self.committed(event_id).ledger.entries(), &found, now)
    }

    /// Queues one email per person told, with a fresh personal link; their audit row
    /// names how many.
    pub(super) fn tell(
        &mut self,
        event_id: EventId,
        told: &[Recipient],
        actor: &str,
    ) -> diesel::QueryResult<()> {
        if told.is_empty() {
            return Ok(());
        }
        for recipient in told {
            let kind = MailKind::EventChanged {
                mode: recipient.mode,
                confirmed: recipient.confirmed,
                changes: recipient.changes.clone(),
            };
            self.send(event_id, RegistrationId(recipient.registration_id), &kind)?;
        }
        let confirmed = told.iter().filter(|r| r.confirmed).count();
        self.audit_note(
            event_id,
            None,
            actor,
            None,
            None,
            &format!(
                "change notice sent to {confirmed} confirmed and {} invited",
                told.len() - confirmed
            ),
        )
    }
}
