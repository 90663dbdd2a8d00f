//! The dispatcher: each command to the use case that applies it.

use chrono::SubsecRound;

use super::batch::{Batch, CommandResult};
use super::{Command, EngineError, Outcome};
use crate::store::events;

impl Batch<'_> {
    pub(super) fn apply(&mut self, command: &Command) -> diesel::QueryResult<CommandResult> {
        match command {
            Command::CreateEvent { settings, actor } => self.create_event(settings, actor),
            Command::UpdateEvent { slug, patch, actor } => self.update_event(slug, patch, actor),
            Command::Invite {
                slug,
                invitees,
                hold_until,
                actor,
            } => {
                // Deadlines given are kept as precisely as the database stores them (see
                // `Writer::process`).
                let hold_until = hold_until.map(|at| at.trunc_subsecs(6));
                self.invite(slug, invitees, hold_until, actor)
            }
            Command::Revoke { id, actor } => {
                self.organizer_action(*id, actor, |ledger, now| ledger.revoke(id.0, now))
            }
            Command::Promote { id, actor } => {
                self.organizer_action(*id, actor, |ledger, now| ledger.promote_now(id.0, now))
            }
            Command::SetHold { id, until, actor } => {
                let until = until.trunc_subsecs(6);
                self.organizer_action(*id, actor, |ledger, now| ledger.set_hold(id.0, until, now))
            }
            Command::MoveInLine { id, by, actor } => {
                self.organizer_action(*id, actor, |ledger, now| {
                    ledger.move_in_line(id.0, *by, now)
                })
            }
            Command::Resend { id, actor } => self.resend(*id, actor),
            Command::CheckIn { id, arrived, actor } => self.check_in(*id, *arrived, actor),
            Command::Message {
                slug,
                message,
                actor,
            } => self.message(slug, message.group, &message.subject, &message.body, actor),
            Command::Join { slug, join } => self.join(slug, join),
            Command::Personal { token, action } => self.personal(token, *action),
            Command::PersonalAnswered {
                token,
                action,
                answers,
            } => {
                let mut done = self.personal(token, *action)?;
                if let Ok(Outcome::Personal(view)) = &mut done {
                    let id = view.registration.row.id;
                    self.save_answers(id, answers)?;
                    view.answers = self.answers_of(id)?;
                }
                Ok(done)
            }
            Command::EraseUnconfirmed { before } => self.erase_unconfirmed(*before),
            Command::SendReminders {
                event_id,
                answer_hours,
            } => self.send_reminders(*event_id, *answer_hours),
            Command::Settle { event_id } => {
                if events::by_id(self.conn, *event_id).is_err() {
                    return Ok(Err(EngineError::NotFound("event")));
                }
                self.lock_and_settle(*event_id)?;
                Ok(Ok(Outcome::Done))
            }
        }
    }
}
