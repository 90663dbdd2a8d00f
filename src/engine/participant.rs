//! Use cases of participants: joining the line, every action of the personal link, and
//! erasing one's own data.

use super::batch::{Batch, CommandResult, REQUEST_KINDS};
use super::{EngineError, Outcome, PersonalAction, PersonalView, Sent};
use crate::domain::{EventId, Join, RegistrationId, Status};
use crate::mail::MailKind;
use crate::reads;
use crate::store::registrations::{NewRegistrationRow, PersonChange, RegistrationRow, StateChange};
use crate::store::{answers, outbox, registrations, tokens, DbTime};

/// The most confirmation requests and links sent again to one person in a day.
pub(super) const REQUESTS_A_DAY: i64 = 3;

impl Batch<'_> {
    pub(super) fn join(&mut self, slug: &str, join: &Join) -> diesel::QueryResult<CommandResult> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.lock_and_settle(event.id)?;
        let now = self.now;
        if let Err(refusal) = self
            .committed(event.id)
            .ledger
            .admits_entries(join.preference, now)
        {
            return Ok(Err(EngineError::Conflict(refusal)));
        }
        let at = DbTime::of(self.now);
        // Inserted unless the address is known: the unique index decides, so a new address
        // (nearly every join in a rush) costs one statement and no lookup.
        let inserted = self.insert_registration_unless_known(&NewRegistrationRow {
            event_id: event.id,
            email: join.email.as_str().to_owned(),
            name: join.name.as_str().to_owned(),
            affiliation: join.affiliation.clone(),
            preference: join.preference,
            status: Status::PendingEmail,
            created_at: at,
            updated_at: at,
            language: join.language,
        })?;
        if let Some(row) = inserted {
            answers::insert(self.conn, row.id, &join.answers)?;
            self.audit_note(
                event.id,
                Some(row.id),
                "participant",
                None,
                Some(Status::PendingEmail),
                "joined; address to be confirmed",
            )?;
            self.send_unless_sent_lately(event.id, row.id, &MailKind::ConfirmAddress)?;
            return Ok(Ok(Outcome::Done));
        }
        let existing = registrations::by_email(
            self.conn_with_states_written()?,
            event.id,
            join.email.as_str(),
        )?;
        match existing {
            // Gone since the insert found it: only another instance erasing it could do that.
            None => return Ok(Err(EngineError::Unavailable)),
            Some(row) if row.status.is_ended() => {
                self.set_person(
                    row.id,
                    &PersonChange {
                        name: join.name.as_str().to_owned(),
                        affiliation: join.affiliation.clone(),
                        preference: join.preference,
                        language: join.language,
                    },
                    &StateChange::without_seat(Status::PendingEmail, at),
                )?;
                self.save_answers(row.id, &join.answers)?;
                self.audit_note(
                    event.id,
                    Some(row.id),
                    "participant",
                    Some(row.status),
                    Some(Status::PendingEmail),
                    "joined again; address to be confirmed",
                )?;
                self.send_unless_sent_lately(event.id, row.id, &MailKind::ConfirmAddress)?;
            }
            // A known address gets its link again, and the answer is the same as for a new
            // one, so the form does not reveal who registered.
            Some(row) if row.status == Status::PendingEmail => {
                self.send_unless_sent_lately(event.id, row.id, &MailKind::ConfirmAddress)?;
            }
            Some(row) => self.send_unless_sent_lately(event.id, row.id, &MailKind::LinkAgain)?,
        }
        Ok(Ok(Outcome::Done))
    }

    /// Sends a confirmation request or a person's link again, unless [`REQUESTS_A_DAY`]
    /// went to their address in the last day (for any event): anyone may type anyone's
    /// address into the form, and it must not become a way to fill a stranger's inbox. The
    /// answer to the join stays the same either way.
    fn send_unless_sent_lately(
        &mut self,
        event_id: EventId,
        id: RegistrationId,
        kind: &MailKind,
    ) -> diesel::QueryResult<()> {
        let Some(row) = self.row(id)? else {
            return Ok(());
        };
        let since = self.now - chrono::Duration::days(1);
        let queued_now = self
            .deferred
            .outbox
            .iter()
            .filter(|queued| {
                queued.recipient == row.email && REQUEST_KINDS.contains(&queued.kind.as_str())
            })
            .count() as i64;
        let sent = match self.requests_sent.get(&row.email) {
            Some(&counted) => counted,
            None => crate::store::outbox::sent_to_address_since(
                self.conn,
                &row.email,
                &REQUEST_KINDS,
                since.naive_utc(),
            )?,
        };
        if sent + queued_now >= REQUESTS_A_DAY {
            return Ok(());
        }
        self.send(event_id, id, kind)
    }

    pub(super) fn personal(
        &mut self,
        token: &str,
        action: PersonalAction,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(row) = self.registration_of_link(token)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        let id = row.id;
        self.lock_and_settle(row.event_id)?;
        let now = self.now;
        let pending = row.status == Status::PendingEmail;
        let preference = row.preference;
        let cached = self.committed(row.event_id);
        let result = match action {
            PersonalAction::ConfirmEmail if pending => {
                cached.ledger_mut().place(id.0, preference, now)
            }
            // Confirming twice (a second click on the link) changes nothing.
            PersonalAction::ConfirmEmail => return self.personal_view(row.event_id, id),
            PersonalAction::Accept(mode) => cached.ledger_mut().accept(id.0, mode, now),
            PersonalAction::Decline => cached.ledger_mut().decline(id.0, now),
            PersonalAction::Cancel if pending => {
                self.end_pending(
                    &row,
                    Status::Cancelled,
                    "participant",
                    "cancelled before confirming",
                )?;
                return self.personal_view(row.event_id, id);
            }
            PersonalAction::Cancel => cached.ledger_mut().cancel(id.0, now),
            PersonalAction::Switch(mode) => cached.ledger_mut().switch(id.0, mode, now),
            PersonalAction::WaitFor(mode) => cached.ledger_mut().wait_for(id.0, mode, now),
            PersonalAction::LeaveWait => cached.ledger_mut().leave_wait(id.0, now),
            PersonalAction::AttendVirtually => cached.ledger_mut().attend_virtually(id.0, now),
            PersonalAction::Reconfirm => cached.ledger_mut().reconfirm(id.0, now),
            PersonalAction::Erase => return self.erase(&row),
        };
        match self.conclude(&row, result, "participant")? {
            Ok(_) => self.personal_view(row.event_id, id),
            refused => Ok(refused),
        }
    }

    pub(super) fn personal_view(
        &mut self,
        event_id: EventId,
        id: RegistrationId,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        let answers = self.answers_of(id)?;
        let cached = self.committed(event_id);
        Ok(Ok(Outcome::Personal(Box::new(PersonalView {
            event: cached.event.clone(),
            registration: reads::registration_in(&cached.ledger, row),
            answers,
        }))))
    }

    pub(super) fn end_pending(
        &mut self,
        row: &RegistrationRow,
        to: Status,
        actor: &str,
        note: &str,
    ) -> diesel::QueryResult<()> {
        let at = DbTime::of(self.now);
        self.set_state(row.id, &StateChange::without_seat(to, at))?;
        self.audit_note(
            row.event_id,
            Some(row.id),
            actor,
            Some(row.status),
            Some(to),
            note,
        )
    }

    /// Cancels whatever the person holds, then removes their personal data: name, address,
    /// affiliation, links and undelivered emails. The audit log keeps only the bare states.
    pub(super) fn erase(&mut self, row: &RegistrationRow) -> diesel::QueryResult<CommandResult> {
        let status = row.status;
        if status == Status::PendingEmail {
            self.end_pending(
                row,
                Status::Cancelled,
                "participant",
                "cancelled; data erased",
            )?;
        } else if !status.is_ended() {
            let now = self.now;
            let cancelled = self
                .committed(row.event_id)
                .ledger_mut()
                .cancel(row.id.0, now);
            if cancelled.is_ok() {
                self.record_decisions(row.event_id, "participant")?;
            }
        }
        let at = DbTime::of(self.now);
        // The links and emails to drop may still be waiting to be written.
        self.write_deferred()?;
        registrations::erase_person(self.conn_with_states_written()?, row.id, at)?;
        self.rows.remove(&row.id);
        self.answers.remove(&row.id);
        tokens::forget_personal(self.conn, row.id)?;
        for owner in self.link_owners.values_mut() {
            if *owner == Some(row.id) {
                *owner = None;
            }
        }
        let emails = outbox::ids_for(self.conn, &[row.id.0])?;
        self.erased_emails.extend(emails);
        outbox::drop_pending_for(self.conn, row.id.0)?;
        self.audit_note(
            row.event_id,
            Some(row.id),
            "participant",
            None,
            None,
            "personal data erased",
        )?;
        Ok(Ok(Outcome::Done))
    }

    /// Erases every entry whose address was not confirmed since `before`, as if it had
    /// never been made: its row, links, emails and audit rows (the confirmation email
    /// promised as much). Each event is locked first, so a confirmation in flight on
    /// another instance either lands before (and the entry is kept) or finds it gone.
    pub(super) fn erase_unconfirmed(
        &mut self,
        before: chrono::DateTime<chrono::Utc>,
    ) -> diesel::QueryResult<CommandResult> {
        let candidates = registrations::unconfirmed_before(
            self.conn_with_states_written()?,
            DbTime::of(before),
        )?;
        let mut events: Vec<EventId> = candidates.iter().map(|(_, event)| *event).collect();
        events.sort_unstable();
        events.dedup();
        for event in events {
            self.lock_and_settle(event)?;
        }
        let mut ids = Vec::with_capacity(candidates.len());
        for (id, _) in candidates {
            // Read again under the locks: the entry may have been confirmed meanwhile.
            match self.row(id)? {
                Some(row)
                    if row.status == Status::PendingEmail
                        && row.updated_at < DbTime::of(before) =>
                {
                    ids.push(id);
                    // A new version: what readers counted of the event no longer holds.
                    self.dirty.insert(row.event_id);
                }
                _ => {}
            }
        }
        if ids.is_empty() {
            return Ok(Ok(Outcome::Sent(Sent {
                registrations: ids,
                send: None,
            })));
        }
        // Rows kept back for this batch are written first, so none is written afterwards.
        self.write_deferred()?;
        let raw: Vec<i64> = ids.iter().map(|id| id.0).collect();
        self.erased_emails.extend(outbox::ids_for(self.conn, &raw)?);
        outbox::delete_for(self.conn, &raw)?;
        tokens::forget_personal_of(self.conn, &ids)?;
        crate::store::audit::delete_for(self.conn, &ids)?;
        registrations::delete(self.conn, &ids)?;
        for id in &ids {
            self.rows.remove(id);
            self.answers.remove(id);
        }
        for owner in self.link_owners.values_mut() {
            if owner.is_some_and(|id| ids.contains(&id)) {
                *owner = None;
            }
        }
        Ok(Ok(Outcome::Sent(Sent {
            registrations: ids,
            send: None,
        })))
    }
}
