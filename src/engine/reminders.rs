//! Reminders before the event and before an answer is due: each queued with the record
//! that it was sent, in the batch's transaction, under the event's lock, so that no
//! instance and no restart sends one twice.

use super::batch::{Batch, CommandResult};
use super::{EngineError, Outcome};
use crate::domain::reminders::{answer_reminder_suits, due};
use crate::domain::{EventId, Phase, RegistrationId, ReminderKind};
use crate::mail::MailKind;
use crate::store::convert::reconfirmation_of;
use crate::store::reminders::{self, NewReminderRow};
use crate::store::{events, DbTime};

impl Batch<'_> {
    /// Queues the reminders the people of an event are owed now and not yet sent.
    pub(super) fn send_reminders(
        &mut self,
        event_id: EventId,
        answer_hours: u32,
    ) -> diesel::QueryResult<CommandResult> {
        if events::by_id(self.conn, event_id).is_err() {
            return Ok(Err(EngineError::NotFound("event")));
        }
        self.lock_and_settle(event_id)?;
        if self.cache[&event_id].event.phase == Phase::Draft {
            return Ok(Ok(Outcome::Done));
        }
        self.ask_reconfirmations(event_id)?;
        let cached = &self.cache[&event_id];
        let owed = due(
            cached.ledger.entries(),
            &cached.event.reminder_hours_before,
            cached.event.starts_at.utc(),
            answer_hours,
            self.now,
        );
        if owed.is_empty() {
            return Ok(Ok(Outcome::Done));
        }
        let sent = reminders::sent_for(self.conn, event_id)?;
        let mut records = Vec::new();
        for reminder in owed {
            let id = RegistrationId(reminder.registration_id);
            let key = DbTime::of(reminder.key);
            if sent.contains(&(id, reminder.kind, key)) {
                continue;
            }
            let kind = match (reminder.kind, reminder.deadline) {
                (ReminderKind::Event, _) => MailKind::Reminder {
                    mode: reminder.mode,
                },
                (ReminderKind::Answer, Some(until)) => {
                    let Some(row) = self.row(id)? else { continue };
                    if !answer_reminder_suits(until, answer_hours, row.updated_at.utc()) {
                        continue;
                    }
                    MailKind::AnswerReminder {
                        mode: reminder.mode,
                        until,
                    }
                }
                (ReminderKind::Answer, None) | (ReminderKind::Reconfirmation, _) => continue,
            };
            self.send(event_id, id, &kind)?;
            records.push(NewReminderRow {
                registration_id: id,
                kind: reminder.kind.as_str().to_owned(),
                due_at: key,
                event_id,
                sent_at: DbTime::of(self.now),
            });
        }
        reminders::insert(self.conn, &records)?;
        Ok(Ok(Outcome::Done))
    }

    /// Asks each confirmed in-person participant "are you still coming?" once the event's
    /// reconfirmation moment has come, recording each question (keyed by the start, so a
    /// moved event asks again) with its email in this transaction. Someone who gets a seat
    /// after the moment is asked at once, with the same window to answer.
    fn ask_reconfirmations(&mut self, event_id: EventId) -> diesel::QueryResult<()> {
        let event = &self.cache[&event_id].event;
        let Some(reconfirmation) = reconfirmation_of(event) else {
            return Ok(());
        };
        let starts_at = event.starts_at.utc();
        let Some(until) = reconfirmation.deadline_if_due(starts_at, self.now) else {
            return Ok(());
        };
        let key = DbTime::of(starts_at);
        let askable: Vec<i64> = {
            let ledger = &self.cache[&event_id].ledger;
            ledger
                .entries()
                .filter(|entry| ledger.may_ask_reconfirmation(entry.id))
                .map(|entry| entry.id)
                .collect()
        };
        if askable.is_empty() {
            return Ok(());
        }
        let sent = reminders::sent_for(self.conn, event_id)?;
        let mut records = Vec::new();
        for id in askable {
            let id = RegistrationId(id);
            if sent.contains(&(id, ReminderKind::Reconfirmation, key)) {
                continue;
            }
            let now = self.now;
            let asked = self
                .committed(event_id)
                .ledger_mut()
                .ask_reconfirmation(id.0, until, now);
            if asked.is_ok() {
                records.push(NewReminderRow {
                    registration_id: id,
                    kind: ReminderKind::Reconfirmation.as_str().to_owned(),
                    due_at: key,
                    event_id,
                    sent_at: DbTime::of(now),
                });
            }
        }
        self.record_decisions(event_id, "system")?;
        reminders::insert(self.conn, &records)
    }
}
