//! Arrivals at the door: a confirmed registration is checked in once (the first time is
//! kept), and an arrival can be undone. Anything without a seat is refused and nothing
//! is written.

use super::batch::{Batch, CommandResult};
use super::{EngineError, Outcome};
use crate::domain::{Reason, Refusal, RegistrationId, Status};
use crate::store::{check_in, DbTime};

impl Batch<'_> {
    pub(super) fn check_in(
        &mut self,
        id: RegistrationId,
        arrived: bool,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        self.lock_and_settle(row.event_id)?;
        let status = self
            .committed(row.event_id)
            .ledger
            .entry(id.0)
            .map_or(row.status, |entry| entry.status);
        if status != Status::Confirmed {
            return Ok(Err(EngineError::Conflict(Refusal::NotAllowed(
                Reason::CheckInNeedsSeat(status),
            ))));
        }
        let at = DbTime::of(self.now);
        let conn = self.conn_with_states_written()?;
        let changed = if arrived {
            check_in::arrive(conn, id, at)?
        } else {
            check_in::undo(conn, id)?
        };
        if changed {
            let note = if arrived {
                "checked in"
            } else {
                "check-in undone"
            };
            self.audit_note(row.event_id, Some(id), actor, None, None, note)?;
        }
        Ok(Ok(Outcome::Registration(id)))
    }
}
