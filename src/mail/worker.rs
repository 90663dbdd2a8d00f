//! Delivers the outbox: claims due emails a few dozen at a time (a conditional update, so
//! several instances never take the same one), sends them over SMTP or writes them as `.eml` files,
//! and retries with backoff while the mail server is away. Emails go out in order of
//! creation: while the mail server is away the whole outbox waits, and the oldest email
//! stays first in line, so nothing overtakes it when the server is back.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport as _};

use crate::domain::{EventId, RegistrationId};
use crate::mail::{compose, EventFacts, MailKind};
use crate::store::events::EventRow;
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
                    .timeout(Some(SMTP_TIMEOUT))
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

    /// Whether delivering an email again only rewrites what the first delivery wrote: a
    /// file of the same name does, an SMTP server would pass a second copy on.
    fn repeats_in_place(&self) -> bool {
        matches!(self, Transport::Folder(_))
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
    /// Its own connection (`store::mail_pool`).
    pub pool: Pool,
    pub transport: Transport,
    pub from: Mailbox,
    /// The host part of Message-IDs.
    pub host: String,
    pub wake: Receiver<()>,
    pub stop: Arc<AtomicBool>,
}

/// The longest one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a claim lasts: after a crash, the emails it held wait this long before another
/// round takes them up.
const CLAIM: chrono::Duration = chrono::Duration::seconds(30);

/// An email is sent only while its claim has at least this long to run (more than one
/// SMTP conversation), so no claim lapses while its email is on the wire and another
/// instance never sends it too.
const CLAIM_MARGIN: chrono::Duration = chrono::Duration::seconds(15);

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
        let conn = &mut *self.pool.get()?;
        let mut delivered = Delivered::default();
        loop {
            let now = Utc::now().naive_utc();
            let until = now + CLAIM;
            let claimed = outbox::claim_due(conn, now, until, CLAIM_AT_ONCE)?;
            if claimed.is_empty() {
                return Ok(None);
            }
            let ids: Vec<i64> = claimed.iter().map(|row| row.id).collect();
            // The events and people of the whole claim in two reads, not two per email.
            let about = About::of(conn, &claimed)?;
            for (done, row) in claimed.into_iter().enumerate() {
                let rest = &ids[done + 1..];
                if self.stop.load(Ordering::SeqCst) {
                    delivered.mark(conn)?;
                    outbox::release(conn, &ids[done..], until)?;
                    return Ok(None);
                }
                if Utc::now().naive_utc() + CLAIM_MARGIN > until {
                    // A slow mail server used up the claim: claim the rest afresh.
                    delivered.mark(conn)?;
                    outbox::release(conn, &ids[done..], until)?;
                    break;
                }
                let mut row = row;
                let id = row.id;
                let message = about
                    .write_out(&mut row, &self.host)
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
                        crate::telemetry::metrics().emails_delivered.inc();
                        delivered.push(id, row.subject, now);
                        if !self.transport.repeats_in_place() || delivered.is_due() {
                            delivered.mark(conn)?;
                        }
                    }
                    Err(error) => {
                        delivered.mark(conn)?;
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
            delivered.mark(conn)?;
        }
    }
}

/// How long emails written to the outbox folder may wait to be marked sent.
const MARK_EVERY: Duration = Duration::from_millis(20);

/// Emails delivered and not yet marked sent. Each mark is a commit, and on SQLite every
/// commit of another connection empties the writer's page cache: with one commit per
/// email, the writer read its pages back from the file again and again while a rush's
/// emails went out. Emails written to the outbox folder are therefore marked together,
/// every [`MARK_EVERY`] and at the end of each claim: a crash repeats at most those not
/// marked yet, and a repeat rewrites the same file. Over SMTP a repeat would reach the
/// person twice, so each email is marked as soon as it is out, and a crash repeats at most
/// the email on the wire.
#[derive(Default)]
struct Delivered {
    marks: Vec<(i64, String, chrono::NaiveDateTime)>,
    since: Option<Instant>,
}

impl Delivered {
    fn push(&mut self, id: i64, subject: String, at: chrono::NaiveDateTime) {
        self.since.get_or_insert_with(Instant::now);
        self.marks.push((id, subject, at));
    }

    fn is_due(&self) -> bool {
        self.since
            .is_some_and(|since| since.elapsed() >= MARK_EVERY)
    }

    fn mark(&mut self, conn: &mut store::DbConnection) -> anyhow::Result<()> {
        if !self.marks.is_empty() {
            outbox::mark_sent_all(conn, &self.marks)?;
            self.marks.clear();
        }
        self.since = None;
        Ok(())
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

/// The events and people that a claim's emails are about, as they are now.
struct About {
    events: HashMap<i64, EventRow>,
    names: HashMap<i64, String>,
}

impl About {
    fn of(conn: &mut store::DbConnection, rows: &[OutboxRow]) -> anyhow::Result<About> {
        let to_write: Vec<&OutboxRow> = rows.iter().filter(|row| row.details.is_some()).collect();
        let mut events = HashMap::new();
        for event_id in to_write.iter().filter_map(|row| row.event_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(event_id) {
                slot.insert(events::by_id(conn, EventId(event_id))?);
            }
        }
        let ids: Vec<RegistrationId> = to_write
            .iter()
            .filter_map(|row| row.registration_id.map(RegistrationId))
            .collect();
        let names = registrations::names(conn, &ids)?
            .into_iter()
            .map(|(id, name)| (id.0, name))
            .collect();
        Ok(About { events, names })
    }

    /// Writes out the body of an email queued as what it is about; an email queued whole
    /// is left as it is.
    fn write_out(&self, row: &mut OutboxRow, host: &str) -> anyhow::Result<()> {
        let (Some(details), Some(link)) = (&row.details, &row.link) else {
            return Ok(());
        };
        if row.body_text.is_some() {
            return Ok(());
        }
        let kind: MailKind = serde_json::from_str(details)
            .with_context(|| format!("outbox email {} is about {details:?}", row.id))?;
        let (Some(event), Some(registration_id)) = (
            row.event_id.and_then(|id| self.events.get(&id)),
            row.registration_id,
        ) else {
            anyhow::bail!("outbox email {} names no event or registration", row.id);
        };
        let name = self
            .names
            .get(&registration_id)
            .with_context(|| format!("registration {registration_id} is gone"))?;
        let uid = format!("registration-{registration_id}@{host}");
        let mail = compose(&kind, &EventFacts::of(event), name, link, &uid);
        row.subject = mail.subject;
        row.body_text = Some(mail.text);
        row.body_html = Some(mail.html);
        row.calendar = mail.calendar;
        Ok(())
    }
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
            row.created_at.and_utc().timestamp()
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
