//! What a person does with their registration: accept, decline, leave (or be revoked),
//! switch mode, wait for the other mode or stop waiting, and attend virtually while
//! waiting for the room.

use chrono::{DateTime, Utc};

use super::{not_allowed, Ledger, Notice, Reason, Refusal};
use crate::domain::{Mode, Phase, Status};

impl Ledger {
    /// Accepts an invitation (in the invited mode, or the other one when a seat of it is
    /// free) or an offer (in the offered mode only).
    pub fn accept(
        &mut self,
        id: i64,
        mode: Option<Mode>,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        let from = entry.status;
        match entry.status {
            Status::Invited => {
                let held = entry.mode.expect("an invitation holds a mode");
                let wanted = mode.unwrap_or(held);
                if wanted != held && !self.has_free(wanted) {
                    return Err(Refusal::NoSeat(wanted));
                }
                entry.status = Status::Confirmed;
                entry.mode = Some(wanted);
                entry.hold_until = None;
                self.put(entry);
                self.record(
                    id,
                    Some(from),
                    Status::Confirmed,
                    "accepted the invitation",
                    false,
                )
                .with(Notice::Confirmation { mode: wanted });
            }
            Status::Offered => {
                let offered = entry.mode.expect("an offer holds a mode");
                if mode.is_some_and(|m| m != offered) {
                    return not_allowed(Reason::OfferIsFor(offered));
                }
                entry.status = Status::Confirmed;
                entry.hold_until = None;
                self.put(entry);
                self.record(
                    id,
                    Some(from),
                    Status::Confirmed,
                    "accepted the offer",
                    false,
                )
                .with(Notice::Confirmation { mode: offered });
            }
            Status::Confirmed if entry.wait_offered_until.is_some() => {
                let offered = entry.wait_for.expect("a waiting offer has a mode");
                if mode.is_some_and(|m| m != offered) {
                    return not_allowed(Reason::OfferIsFor(offered));
                }
                entry.mode = Some(offered);
                entry.wait_for = None;
                entry.wait_offered_until = None;
                entry.line_since = None;
                self.put(entry);
                self.record(
                    id,
                    Some(from),
                    Status::Confirmed,
                    "accepted the offer of the other mode",
                    false,
                )
                .with(Notice::ModeChanged { mode: offered });
            }
            Status::Confirmed => return not_allowed(Reason::AlreadyConfirmed),
            _ => return not_allowed(Reason::NothingOffered),
        }
        self.promote(now);
        Ok(())
    }

    /// Declines an invitation or offer; a confirmed participant declining an offer of the
    /// other mode keeps the seat they have.
    pub fn decline(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        let from = entry.status;
        match entry.status {
            Status::Invited | Status::Offered => {
                entry.status = Status::Declined;
                entry.hold_until = None;
                self.put(entry);
                self.record(id, Some(from), Status::Declined, "declined", false);
            }
            Status::Confirmed if entry.wait_offered_until.is_some() => {
                entry.wait_for = None;
                entry.wait_offered_until = None;
                entry.line_since = None;
                self.put(entry);
                self.record(
                    id,
                    Some(from),
                    from,
                    "declined the offer of the other mode",
                    false,
                );
            }
            _ => return not_allowed(Reason::NothingToDecline),
        }
        self.promote(now);
        Ok(())
    }

    /// Leaves the event: a held seat or a place in line is given up.
    pub fn cancel(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.end(
            id,
            Status::Cancelled,
            "cancelled",
            Some(Notice::Cancellation),
        )?;
        self.promote(now);
        Ok(())
    }

    /// An organizer ends the registration, whatever its state.
    pub fn revoke(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.end(
            id,
            Status::Revoked,
            "revoked by an organizer",
            Some(Notice::Cancellation),
        )?;
        self.promote(now);
        Ok(())
    }

    /// A confirmed participant moves to a free seat of the other mode.
    /// Whether confirmed participant `id` may move to a free seat of `mode` at once: only
    /// while that mode's phase hands free seats on and nobody else waits for one (which
    /// can happen once the event has started, when nothing is handed on), so the move
    /// jumps no line. While the organizers give those seats by hand (`invite_only`), the
    /// participant can wait for one instead.
    pub fn may_switch_to(&self, id: i64, mode: Mode) -> Result<(), Refusal> {
        if !self.rules.phase_of(mode).promotes() {
            return not_allowed(Reason::GivenByOrganizers(mode));
        }
        if !self.has_free(mode) {
            return Err(Refusal::NoSeat(mode));
        }
        let itself = self
            .entries
            .get(&id)
            .is_some_and(|e| e.in_line() && e.accepts(mode));
        if self.seats(mode).waiting > u32::from(itself) {
            return not_allowed(Reason::OthersWaiting(mode));
        }
        Ok(())
    }

    pub fn switch(&mut self, id: i64, mode: Mode, now: DateTime<Utc>) -> Result<(), Refusal> {
        let entry = self.active(id)?.clone();
        if entry.status != Status::Confirmed {
            return not_allowed(Reason::SwitchNeedsSeat);
        }
        if entry.mode == Some(mode) {
            return not_allowed(Reason::AlreadyIn(mode));
        }
        if entry.wait_for == Some(mode) && entry.wait_offered_until.is_some() {
            return self.accept(id, Some(mode), now);
        }
        self.may_switch_to(id, mode)?;
        let mut moved = entry;
        moved.mode = Some(mode);
        if moved.wait_for == Some(mode) {
            moved.wait_for = None;
            moved.line_since = None;
        }
        self.put(moved);
        self.record(
            id,
            Some(Status::Confirmed),
            Status::Confirmed,
            "switched mode",
            false,
        )
        .with(Notice::ModeChanged { mode });
        self.promote(now);
        Ok(())
    }

    /// A confirmed participant keeps their seat and joins the line for the other mode.
    pub fn wait_for(&mut self, id: i64, mode: Mode, now: DateTime<Utc>) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        if entry.status != Status::Confirmed {
            return not_allowed(Reason::WaitNeedsSeat);
        }
        if entry.mode == Some(mode) {
            return not_allowed(Reason::AlreadyIn(mode));
        }
        if entry.wait_for.is_some() {
            return not_allowed(Reason::AlreadyWaiting);
        }
        entry.wait_for = Some(mode);
        entry.line_since = Some(now);
        self.put(entry);
        self.record(
            id,
            Some(Status::Confirmed),
            Status::Confirmed,
            &format!("waits for a seat {}", mode.label()),
            false,
        );
        self.promote(now);
        Ok(())
    }

    /// A confirmed participant stops waiting for the other mode (and gives back a seat of
    /// it that was offered).
    pub fn leave_wait(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        let mut entry = self.active(id)?.clone();
        if entry.status != Status::Confirmed || entry.wait_for.is_none() {
            return not_allowed(Reason::NotWaiting);
        }
        entry.wait_for = None;
        entry.wait_offered_until = None;
        entry.line_since = None;
        self.put(entry);
        self.record(
            id,
            Some(Status::Confirmed),
            Status::Confirmed,
            "stopped waiting for the other mode",
            false,
        );
        self.promote(now);
        Ok(())
    }

    /// Whether this entry may [`Ledger::attend_virtually`] now, and why not.
    pub fn may_attend_virtually(&self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        let entry = self.active(id)?;
        if entry.status != Status::Waitlisted || !entry.preference.accepts(Mode::InPerson) {
            return not_allowed(Reason::AttendVirtuallyNeedsLine);
        }
        if now >= self.rules.starts_at {
            return Err(Refusal::Started);
        }
        if self.rules.phase_of(Mode::Virtual) != Phase::Open {
            return not_allowed(Reason::VirtualNotOpen);
        }
        if !self.has_free(Mode::Virtual) {
            return Err(Refusal::NoSeat(Mode::Virtual));
        }
        Ok(())
    }

    /// A person waiting for an in-person seat takes a free virtual seat and keeps their
    /// place in the in-person line: they become a confirmed virtual participant waiting
    /// for the other mode, with the same priority and time of joining.
    pub fn attend_virtually(&mut self, id: i64, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.may_attend_virtually(id, now)?;
        let mut entry = self.entries[&id].clone();
        entry.status = Status::Confirmed;
        entry.mode = Some(Mode::Virtual);
        entry.wait_for = Some(Mode::InPerson);
        self.put(entry);
        self.record(
            id,
            Some(Status::Waitlisted),
            Status::Confirmed,
            "attends virtually while waiting for a seat in person",
            false,
        )
        .with(Notice::Confirmation {
            mode: Mode::Virtual,
        });
        self.promote(now);
        Ok(())
    }
}
