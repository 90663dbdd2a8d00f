//! Newcomers: invitations, and people placed once their address is confirmed.

use chrono::{DateTime, Utc};

use super::{not_allowed, Entry, Ledger, Notice, Reason, Refusal};
use crate::domain::{Mode, Phase, Preference, Status};

impl Ledger {
    /// Invites every one of these (id, previous status of a re-used registration, mode)
    /// until `until`, or none of them.
    pub fn invite_all(
        &mut self,
        invitees: &[(i64, Option<Status>, Mode)],
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let modes: Vec<Mode> = invitees.iter().map(|(_, _, mode)| *mode).collect();
        self.has_seats_for(&modes)?;
        let before = self.clone();
        for &(id, from, mode) in invitees {
            if let Err(refusal) = self.invite(id, from, mode, until, now) {
                *self = before;
                return Err(refusal);
            }
        }
        Ok(())
    }

    /// Adds an invitation holding a seat of `mode` until `until`. `from` is the previous
    /// status of a re-used (ended) registration.
    pub fn invite(
        &mut self,
        id: i64,
        from: Option<Status>,
        mode: Mode,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if until <= now {
            return not_allowed(Reason::DeadlinePast);
        }
        if !self.has_free(mode) {
            return Err(Refusal::NoSeat(mode));
        }
        let entry = Entry {
            id,
            status: Status::Invited,
            mode: Some(mode),
            preference: mode.into(),
            hold_until: Some(until),
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
        };
        self.put(entry);
        self.record(id, from, Status::Invited, "invited", false)
            .with(Notice::Invitation { mode, until });
        Ok(())
    }

    /// Places a person whose address was just confirmed: a seat at once when registration
    /// is open, one is free and nobody waits for it; otherwise the end of the line.
    pub fn place(
        &mut self,
        id: i64,
        preference: Preference,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if now >= self.rules.starts_at {
            return Err(Refusal::Started);
        }
        // A seat at once only of a mode whose phase is open.
        let direct = Mode::ALL.iter().copied().find(|&mode| {
            preference.accepts(mode)
                && self.rules.phase_of(mode) == Phase::Open
                && self.has_free(mode)
                && self.seats(mode).waiting == 0
        });
        let mut entry = Entry {
            id,
            status: Status::Waitlisted,
            mode: None,
            preference,
            hold_until: None,
            priority: 0,
            line_since: Some(now),
            wait_for: None,
            wait_offered_until: None,
            reconfirm_by: None,
        };
        if let Some(mode) = direct {
            entry.status = Status::Confirmed;
            entry.mode = Some(mode);
            entry.line_since = None;
            self.put(entry);
            self.record(
                id,
                Some(Status::PendingEmail),
                Status::Confirmed,
                "address confirmed; seat free",
                false,
            )
            .with(Notice::Confirmation { mode });
        } else {
            self.put(entry);
            self.record(
                id,
                Some(Status::PendingEmail),
                Status::Waitlisted,
                "address confirmed; joined the line",
                false,
            )
            .with(Notice::WaitingListPlace);
            self.promote(now);
        }
        Ok(())
    }
}
