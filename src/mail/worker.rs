//! Delivers the outbox: claims due emails a few dozen at a time (a conditional update, so
//! several instances never take the same one), sends them over SMTP or writes them as `.eml` files,
//! and retries with backoff while the mail server is away. Emails go out in order of
//! creation: while the mail server is away the whole outbox waits, and the oldest email
//! stays first in line, so nothing overtakes it when the server is back.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport as _};

use crate::mail::{compose, EventFacts, MailKind};
use crate::store::{self, events, outbox, outbox::OutboxRow, registrations, Pool};

/// Where emails go.
pub enum Transport {
    Smtp(Box<SmtpTransport>),
    /// No mail server configured: each email becomes a file in this folder.
    Folder(PathBuf),
}

impl Transport {
    pub fn from_settings(smtp_url: Option<&str>, folder: PathBuf) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => {
                let transport = SmtpTransport::from_url(url)
                    .with_context(|| format!("REGISTRAR_SMTP_URL {url:?} is not a valid SMTP URL"))?
                    .timeout(Some(Duration::from_secs(10)))
                    .build();
                Ok(Transport::Smtp(Box::new(transport)))
            }
            None => {
                std::fs::create_dir_all(&folder)
                    .with_context(|| format!("creating the outbox folder {}", folder.display()))?;
                Ok(Transport::Folder(folder))
            }
        }
    }

    fn deliver(&self, id: i64, message: &Message) -> anyhow::Result<()> {
        match self {
            Transport::Smtp(smtp) => {
                smtp.send(message)?;
            }
            Transport::Folder(dir) => {
                // Written whole under a temporary name, then renamed: a reader never sees half.
                let partial = dir.join(format!(".{id:010}.eml.partial"));
                std::fs::write(&partial, message.formatted())?;
                std::fs::rename(&partial, dir.join(format!("{id:010}.eml")))?;
            }
        }
        Ok(())
    }
}

pub struct MailWorker {
    pub pool: Pool,
    pub transport: Transport,
    pub from: Mailbox,
    /// The host part of Message-IDs.
    pub host: String,
    pub wake: Receiver<()>,
    pub stop: Arc<AtomicBool>,
}

/// How long a claim lasts: longer than one SMTP conversation, so a crashed worker's email
/// is taken up again by the next one.
const CLAIM: chrono::Duration = chrono::Duration::seconds(120);

/// Emails claimed in one transaction: one commit for many emails in a rush, few enough
/// that another instance finds work too.
const CLAIM_AT_ONCE: i64 = 50;

impl MailWorker {
    pub fn run(self) {
        // Set while the mail server is away: no email goes out before then.
        let mut paused_until: Option<chrono::DateTime<Utc>> = None;
        while !self.stop.load(Ordering::SeqCst) {
            if paused_until.is_none_or(|until| Utc::now() >= until) {
                paused_until = self.deliver_due().unwrap_or_else(|error| {
                    tracing::warn!(error = %format!("{error:#}"), "mail delivery round failed");
                    None
                });
            }
            match self.wake.recv_timeout(Duration::from_millis(500)) {
                Ok(()) => while self.wake.try_recv().is_ok() {},
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(Duration::from_millis(500))
                }
            }
        }
    }

    /// Sends the due emails oldest first; returns when to try again if the mail server is
    /// away.
    fn deliver_due(&self) -> anyhow::Result<Option<chrono::DateTime<Utc>>> {
        let mut conn = self.pool.get()?;
        store::wait_for_disk(&mut conn, false)?;
        let delivered = self.deliver_due_on(&mut conn);
        store::wait_for_disk(&mut conn, true)?;
        delivered
    }

    fn deliver_due_on(
        &self,
        conn: &mut store::DbConnection,
    ) -> anyhow::Result<Option<chrono::DateTime<Utc>>> {
        loop {
            let now = Utc::now().naive_utc();
            let until = now + CLAIM;
            let claimed = outbox::claim_due(conn, now, until, CLAIM_AT_ONCE)?;
            if claimed.is_empty() {
                return Ok(None);
            }
            let ids: Vec<i64> = claimed.iter().map(|row| row.id).collect();
            for (done, row) in claimed.into_iter().enumerate() {
                let rest = &ids[done + 1..];
                if self.stop.load(Ordering::SeqCst) {
                    outbox::release(conn, &ids[done..], until)?;
                    return Ok(None);
                }
                let mut row = row;
                let id = row.id;
                let message = write_out(conn, &mut row, &self.host)
                    .and_then(|()| build_message(&row, &self.from, &self.host));
                let (sent, refused) = match message {
                    Ok(message) => {
                        let sent = self.transport.deliver(id, &message);
                        let refused = sent.as_ref().err().is_some_and(refused_for_good);
                        (sent, refused)
                    }
                    Err(error) => (Err(error), true),
                };
                let now = Utc::now().naive_utc();
                match sent {
                    Ok(()) => {
                        // Marked one by one: a crash repeats at most the email in flight.
                        outbox::mark_sent(conn, id, now)?;
                        crate::telemetry::metrics().emails_delivered.inc();
                    }
                    Err(error) => {
                        crate::telemetry::metrics().delivery_failures.inc();
                        let wait = backoff(row.attempts);
                        tracing::warn!(outbox_id = id, attempts = row.attempts + 1, retry_in_s = wait.num_seconds(), error = %format!("{error:#}"), "email not delivered; will retry");
                        outbox::release(conn, rest, until)?;
                        if refused {
                            // Only this email is at fault: it waits alone, the others go on.
                            outbox::mark_retry(conn, id, now + wait, &format!("{error:#}"))?;
                            return Ok(None);
                        }
                        // The mail server is away: this email stays due, first in line, and
                        // the whole worker waits, so no younger email overtakes it.
                        outbox::mark_retry(conn, id, now, &format!("{error:#}"))?;
                        return Ok(Some(Utc::now() + wait));
                    }
                }
            }
        }
    }
}

/// Whether the mail server refused this very email for good (a 5xx answer), rather than
/// being unreachable or busy.
fn refused_for_good(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<lettre::transport::smtp::Error>()
        .is_some_and(|error| error.is_permanent())
}

/// 2, 4, 8 … seconds, at most a minute apart, so a mail server back from an outage gets
/// its backlog soon.
fn backoff(attempts: i32) -> chrono::Duration {
    chrono::Duration::seconds(2i64.pow(attempts.clamp(0, 5) as u32 + 1).min(60))
}

/// Writes out the body of an email queued as what it is about, from the event and the
/// person as they are now; an email queued whole is left as it is.
pub fn write_out(
    conn: &mut store::DbConnection,
    row: &mut OutboxRow,
    host: &str,
) -> anyhow::Result<()> {
    let (Some(details), Some(link)) = (&row.details, &row.link) else {
        return Ok(());
    };
    if row.body_text.is_some() {
        return Ok(());
    }
    let kind: MailKind = serde_json::from_str(details)
        .with_context(|| format!("outbox email {} is about {details:?}", row.id))?;
    let (Some(event_id), Some(registration_id)) = (row.event_id, row.registration_id) else {
        anyhow::bail!("outbox email {} names no event or registration", row.id);
    };
    let event = events::by_id(conn, event_id)?;
    let person = registrations::by_id(conn, registration_id)?
        .with_context(|| format!("registration {registration_id} is gone"))?;
    let uid = format!("registration-{registration_id}@{host}");
    let mail = compose(&kind, &EventFacts::of(&event), &person.name, link, &uid);
    row.subject = mail.subject;
    row.body_text = Some(mail.text);
    row.body_html = Some(mail.html);
    row.calendar = mail.calendar;
    Ok(())
}

/// The email of an outbox row: plain text and HTML alternatives, the calendar file
/// attached when there is one, and a Message-ID fixed per row so a repeated delivery after
/// a crash is recognisable as the same message.
pub fn build_message(row: &OutboxRow, from: &Mailbox, host: &str) -> anyhow::Result<Message> {
    let to: Mailbox = row
        .recipient
        .parse()
        .with_context(|| format!("recipient {:?}", row.recipient))?;
    let text = row.body_text.clone().unwrap_or_default();
    let html = row.body_html.clone().unwrap_or_default();
    let alternative = MultiPart::alternative_plain_html(text, html);
    let body = match &row.calendar {
        Some(ics) => MultiPart::mixed().multipart(alternative).singlepart(
            Attachment::new("event.ics".to_owned()).body(
                ics.clone(),
                ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")?,
            ),
        ),
        None => alternative,
    };
    let mut builder = Message::builder();
    if let Some(link) = row
        .body_text
        .as_deref()
        .filter(|_| row.kind == "newsletter")
        .and_then(crate::mail::unsubscribe_link_of)
    {
        // RFC 2369 and RFC 8058: mail programs show an unsubscribe button that posts to it.
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{link}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let message = builder
        .from(from.clone())
        .to(to)
        .subject(&row.subject)
        .message_id(Some(format!(
            "<outbox-{}-{}@{host}>",
            row.id,
            store::from_db_time(row.created_at).timestamp()
        )))
        .multipart(body)?;
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0).num_seconds(), 2);
        assert_eq!(backoff(2).num_seconds(), 8);
        assert_eq!(backoff(30).num_seconds(), 60);
    }
}
