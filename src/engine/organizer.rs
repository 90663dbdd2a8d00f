//! Use cases of organizers on registrations: invitations (all or nothing), revoking,
//! promoting, deadlines, priorities, sending again, and messages to a group.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::batch::{Batch, CommandResult};
use super::{EngineError, Outcome, Sent};
use crate::domain::{
    Entry, FieldErrors, Group, Invitee, Ledger, Mode, Preference, Reason, Refusal, RegistrationId,
    SendKind, Status,
};
use crate::mail::MailKind;
use crate::store::outbox::NewOutboxRow;
use crate::store::registrations::{NewRegistrationRow, PersonChange, RegistrationRow, StateChange};
use crate::store::{registrations, tokens, DbTime};

impl Batch<'_> {
    pub(super) fn invite(
        &mut self,
        slug: &str,
        invitees: &[Invitee],
        hold_until: Option<DateTime<Utc>>,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.lock_and_settle(event.id)?;
        let now = self.now;
        let window = Duration::days(i64::from(event.invitation_window_days));
        let until = hold_until.unwrap_or(now + window);
        if until <= now {
            return Ok(Err(EngineError::field(
                "hold_until",
                "must be in the future",
            )));
        }
        let default_mode = if event.in_person_capacity > 0 {
            Mode::InPerson
        } else {
            Mode::Virtual
        };

        // Everything is checked before anything is written: all or nothing.
        let mut errors = FieldErrors::new();
        let mut existing = Vec::with_capacity(invitees.len());
        let addresses: Vec<&str> = invitees.iter().map(|i| i.email.as_str()).collect();
        let mut known: HashMap<String, RegistrationRow> =
            registrations::by_emails(self.conn_with_states_written()?, event.id, &addresses)?
                .into_iter()
                .map(|row| (row.email.clone(), row))
                .collect();
        for (i, invitee) in invitees.iter().enumerate() {
            let row = known.remove(invitee.email.as_str());
            if let Some(row) = &row {
                if !row.status.is_ended() {
                    errors
                        .entry(format!("invitees[{i}].email"))
                        .or_default()
                        .push(format!(
                            "{} is already registered for this event",
                            invitee.email.as_str()
                        ));
                }
            }
            existing.push(row);
        }
        if !errors.is_empty() {
            return Ok(Err(EngineError::Invalid(errors)));
        }
        let modes: Vec<Mode> = invitees
            .iter()
            .map(|i| i.mode.unwrap_or(default_mode))
            .collect();
        if let Err(refusal) = self.committed(event.id).ledger.has_seats_for(&modes) {
            return Ok(Err(EngineError::Conflict(refusal)));
        }

        let at = DbTime::of(now);
        let mut ids = Vec::with_capacity(invitees.len());
        let mut decided = Vec::with_capacity(invitees.len());
        for (invitee, row) in invitees.iter().zip(existing) {
            let mode = invitee.mode.unwrap_or(default_mode);
            let language = invitee.language.or(event.language).unwrap_or_default();
            let (id, from) = match row {
                Some(row) => {
                    self.set_person(
                        row.id,
                        &PersonChange {
                            name: invitee.name.as_str().to_owned(),
                            // Invited again without one: the affiliation they had stays.
                            affiliation: invitee
                                .affiliation
                                .clone()
                                .or_else(|| row.affiliation.clone()),
                            preference: Preference::from(mode),
                            language,
                        },
                        &StateChange {
                            mode: Some(mode),
                            hold_until: Some(DbTime::of(until)),
                            ..StateChange::without_seat(Status::Invited, at)
                        },
                    )?;
                    (row.id, Some(row.status))
                }
                None => {
                    let row = self.insert_registration(&NewRegistrationRow {
                        event_id: event.id,
                        email: invitee.email.as_str().to_owned(),
                        name: invitee.name.as_str().to_owned(),
                        affiliation: invitee.affiliation.clone(),
                        preference: Preference::from(mode),
                        status: Status::Invited,
                        created_at: at,
                        updated_at: at,
                        language,
                    })?;
                    (row.id, None)
                }
            };
            decided.push((id.0, from, mode));
            ids.push(id);
        }
        if let Err(refusal) = self
            .committed(event.id)
            .ledger_mut()
            .invite_all(&decided, until, now)
        {
            // The seats were counted before anything was written, so only a fault could
            // bring this; the whole transaction is rolled back rather than half-invite.
            tracing::error!(%refusal, "invitations refused after their seats were counted");
            return Err(diesel::result::Error::RollbackTransaction);
        }
        let from = self.deferred.outbox.len();
        self.record_decisions(event.id, actor)?;
        let send = self.record_send(event.id, SendKind::Invitations, actor, from)?;
        Ok(Ok(Outcome::Sent(Sent {
            registrations: ids,
            send,
        })))
    }

    pub(super) fn organizer_action(
        &mut self,
        id: RegistrationId,
        actor: &str,
        decide: impl FnOnce(&mut Ledger, DateTime<Utc>) -> Result<(), Refusal>,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        self.lock_and_settle(row.event_id)?;
        let now = self.now;
        let result = decide(self.committed(row.event_id).ledger_mut(), now);
        self.conclude(&row, result, actor)
    }

    pub(super) fn resend(
        &mut self,
        id: RegistrationId,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(row) = self.row(id)? else {
            return Ok(Err(EngineError::NotFound("registration")));
        };
        self.lock_and_settle(row.event_id)?;
        let entry = self.committed(row.event_id).ledger.entry(id.0).cloned();
        let kind = match entry {
            Some(Entry {
                status: Status::Invited,
                mode: Some(mode),
                hold_until: Some(until),
                ..
            }) => MailKind::Invitation { mode, until },
            Some(Entry {
                status: Status::Offered,
                mode: Some(mode),
                hold_until: Some(until),
                ..
            }) => MailKind::SeatOffer { mode, until },
            _ => {
                return Ok(Err(EngineError::Conflict(Refusal::NotAllowed(
                    Reason::NothingToSendAgain,
                ))))
            }
        };
        self.send(row.event_id, id, &kind)?;
        self.audit_note(
            row.event_id,
            Some(id),
            actor,
            Some(row.status),
            Some(row.status),
            "sent again",
        )?;
        Ok(Ok(Outcome::Registration(id)))
    }

    pub(super) fn message(
        &mut self,
        slug: &str,
        group: Group,
        subject: &str,
        body: &str,
        actor: &str,
    ) -> diesel::QueryResult<CommandResult> {
        let Some(event) = self.event_by_slug(slug)? else {
            return Ok(Err(EngineError::NotFound("event")));
        };
        self.lock_and_settle(event.id)?;
        let mut ids: Vec<RegistrationId> = self
            .committed(event.id)
            .ledger
            .entries()
            .filter(|e| group.includes(e))
            .map(|e| RegistrationId(e.id))
            .collect();
        ids.sort_unstable();
        let at = DbTime::of(self.now);
        let title = self.cache[&event.id].event.title.clone();
        let from = self.deferred.outbox.len();
        for &id in &ids {
            let Some(person) = self.row(id)? else {
                continue;
            };
            let link_id = self.link_ids.next(self.conn)?;
            let token = tokens::new_personal(link_id, id, at);
            let link = format!("{}/r/{}", self.public_url, token.token);
            self.deferred.tokens.push(token.row);
            // The organizer's words are as written; the words around them are in the
            // person's language.
            let mail = crate::i18n::in_language(person.language, || {
                crate::mail::message::organizer_message(&title, &person.name, subject, body, &link)
            });
            self.deferred.outbox.push(NewOutboxRow {
                event_id: Some(event.id.0),
                registration_id: Some(id.0),
                kind: mail.kind.to_owned(),
                recipient: person.email,
                subject: mail.subject,
                body_text: Some(mail.text),
                body_html: Some(mail.html),
                calendar: None,
                status: "pending".into(),
                next_attempt_at: at,
                created_at: at,
                details: None,
                link: None,
                send_id: None,
                language: person.language,
            });
            self.emails += 1;
        }
        let send = self.record_send(event.id, SendKind::Message, actor, from)?;
        self.audit_note(
            event.id,
            None,
            actor,
            None,
            None,
            &format!(
                "message {subject:?} sent to {} ({})",
                ids.len(),
                group.as_str()
            ),
        )?;
        Ok(Ok(Outcome::Sent(Sent {
            registrations: ids,
            send,
        })))
    }
}
