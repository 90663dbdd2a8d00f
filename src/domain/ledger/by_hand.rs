//! What organizers do to one entry by hand: promote it out of order, move its deadline
//! or its place in line.

use chrono::{DateTime, Utc};

use super::{not_allowed, Ledger, Reason, Refusal};
use crate::domain::{Mode, Status};

impl Ledger {
    /// An organizer offers a free seat to a waiting entry out of line order (any phase).
    pub fn promote_now(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        if now >= self.rules.starts_at {
            return Err(Refusal::Started);
        }
        let entry = self.active(id)?;
        if !entry.in_line() {
            return not_allowed(Reason::PromoteNeedsLine);
        }
        let mode = Mode::ALL
            .iter()
            .copied()
            .find(|&m| entry.accepts(m) && self.has_free(m));
        let Some(mode) = mode else {
            let wanted = Mode::ALL.iter().copied().find(|&m| entry.accepts(m));
            return Err(Refusal::NoSeat(wanted.unwrap_or(Mode::InPerson)));
        };
        self.give_seat(id, mode, now, false);
        self.promote(now);
        Ok(())
    }

    /// Moves the deadline of an invitation or offer, or of a confirmed participant's
    /// waiting offer or pending reconfirmation (any future time).
    pub fn set_hold(
        &mut self,
        id: i64,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if until <= now {
            return not_allowed(Reason::DeadlinePast);
        }
        let mut entry = self.active(id)?.clone();
        match entry.status {
            Status::Invited | Status::Offered => entry.hold_until = Some(until),
            Status::Confirmed if entry.wait_offered_until.is_some() => {
                entry.wait_offered_until = Some(until)
            }
            Status::Confirmed if entry.reconfirm_by.is_some() => entry.reconfirm_by = Some(until),
            _ => return not_allowed(Reason::NoDeadline),
        }
        let status = entry.status;
        self.put(entry);
        self.record(
            id,
            Some(status),
            status,
            &format!("deadline set to {}", until.to_rfc3339()),
            false,
        );
        Ok(())
    }

    /// An organizer moves an entry `by` places of priority up (positive) or down
    /// (negative), from the priority it has now.
    pub fn move_in_line(&mut self, id: i64, by: i32, now: DateTime<Utc>) -> Result<(), Refusal> {
        let priority = self.active(id)?.priority;
        self.set_priority(id, priority.saturating_add(by), now)
    }

    /// An organizer moves an entry up (higher) or down (lower) in its line.
    pub fn set_priority(
        &mut self,
        id: i64,
        priority: i32,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        if !entry.in_line() {
            return not_allowed(Reason::PriorityNeedsLine);
        }
        entry.priority = priority;
        let status = entry.status;
        self.put(entry);
        self.record(
            id,
            Some(status),
            status,
            &format!("priority set to {priority}"),
            false,
        );
        self.promote(now);
        Ok(())
    }
}
