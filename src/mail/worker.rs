//! Delivers the outbox: claims due emails a few dozen at a time (a conditional update, so
//! several instances never take the same one), sends them over SMTP or writes them as
//! `.eml` files, oldest first. A failure concerns one email, never the others:
//! - refused for good (a 5xx reply about it) or impossible to write (an address the mailer
//!   cannot take): marked `failed` at once, with the reason, and never tried again;
//! - refused for now (a 4xx reply): it waits its own backoff, growing with its attempts,
//!   while the round goes on with the next email;
//! - the mail server unreachable, or refusing every email (authentication, TLS): the email
//!   waits its own backoff and the round stops, as the rest would fail the same way; each
//!   email is then tried again when its own backoff ends.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::Utc;
use diesel::OptionalExtension;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::response::{Category, Code, Severity};
use lettre::transport::smtp::PoolConfig;
use lettre::{Address, Message, SmtpTransport, Transport as _};

use crate::domain::{Email, EventId, Mode, Part, RegistrationId};
use crate::mail::calendar::{self, method_of};
use crate::mail::qr;
use crate::mail::{compose, CalendarStamp, EventFacts, MailKind};
use crate::store::events::EventRow;
use crate::store::{self, audit, events, outbox, outbox::OutboxRow, registrations, Pool};

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
                // One connection, kept open between emails (and closed after a minute
                // unused): the worker sends one email at a time, and a new connection per
                // email (TCP, EHLO, perhaps TLS and AUTH) cost more than the email itself.
                let transport = SmtpTransport::from_url(url)
                    .with_context(|| format!("REGISTRAR_SMTP_URL {url:?} is not a valid SMTP URL"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .pool_config(PoolConfig::new().max_size(1))
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
                std::fs::rename(&partial, eml_path(dir, id))?;
            }
        }
        Ok(())
    }
}

/// The file an email of the outbox is written to when no mail server is configured.
pub fn eml_path(dir: &std::path::Path, id: i64) -> PathBuf {
    dir.join(format!("{id:010}.eml"))
}

/// Removes the files of these emails from the outbox folder, if any were written: they
/// hold names and personal links of people whose data is erased.
pub fn remove_eml_files(dir: Option<&std::path::Path>, ids: &[i64]) {
    let Some(dir) = dir else { return };
    for &id in ids {
        match std::fs::remove_file(eml_path(dir, id)) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                tracing::warn!(outbox_id = id, %error, "could not remove an erased email's file")
            }
        }
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
    /// The least time between two emails (`REGISTRAR_MAIL_RATE`); None: no limit.
    pub pace: Option<Duration>,
    /// When the last email went out, for the pace.
    pub last_sent: std::cell::Cell<Option<Instant>>,
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

/// After a round that found the mail server unreachable, the next one starts no sooner
/// than this, whatever wakes the worker: while the server is away, a rush of new emails
/// would otherwise be a rush of connection attempts (and of claims written to the database).
const REST_WHILE_AWAY: Duration = Duration::from_secs(1);

impl MailWorker {
    pub fn run(self) {
        let mut rest_until: Option<Instant> = None;
        // While the mail server is away: since when. An outage is logged when it begins
        // and when it ends, not at every attempt.
        let mut away_since: Option<Instant> = None;
        while !self.stop.load(Ordering::SeqCst) {
            if rest_until.is_none_or(|until| Instant::now() >= until) {
                rest_until = match self.deliver_due() {
                    Ok(Round::Done { reached }) => {
                        if let Some(since) = away_since.filter(|_| reached) {
                            tracing::info!(
                                away_s = since.elapsed().as_secs(),
                                "the mail server takes emails again"
                            );
                            away_since = None;
                        }
                        None
                    }
                    Ok(Round::ServerAway(error)) => {
                        if away_since.is_none() {
                            tracing::warn!(%error, "the mail server is away; each email waits its own backoff");
                            away_since = Some(Instant::now());
                        }
                        Some(Instant::now() + REST_WHILE_AWAY)
                    }
                    Err(error) => {
                        tracing::warn!(error = %format!("{error:#}"), "mail delivery round failed");
                        None
                    }
                };
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

    /// Waits until the pace allows the next email (or the worker is asked to stop), in
    /// short naps so that stopping is never held up. The claim is checked after it.
    fn keep_pace(&self) {
        let (Some(pace), Some(last)) = (self.pace, self.last_sent.get()) else {
            self.last_sent.set(Some(Instant::now()));
            return;
        };
        let next = last + pace;
        while !self.stop.load(Ordering::SeqCst) {
            let now = Instant::now();
            if now >= next {
                break;
            }
            std::thread::sleep((next - now).min(Duration::from_millis(200)));
        }
        self.last_sent.set(Some(Instant::now()));
    }

    /// Sends the due emails, oldest first, until none is left or the mail server is away.
    fn deliver_due(&self) -> anyhow::Result<Round> {
        let conn = &mut *self.pool.get()?;
        let mut delivered = Delivered::default();
        // Whether the mail server (or the folder) answered this round.
        let mut reached = false;
        // Every email up to this id was claimed, or not yet due, in this round: the next
        // claim starts after it. A new round starts from the beginning again, for the
        // emails whose retry came due meanwhile.
        let mut after = 0;
        loop {
            let now = Utc::now().naive_utc();
            let until = now + CLAIM;
            let claimed = outbox::claim_due(conn, now, until, CLAIM_AT_ONCE, after)?;
            if claimed.is_empty() {
                return Ok(Round::Done { reached });
            }
            let ids: Vec<i64> = claimed.iter().map(|row| row.id).collect();
            after = ids.last().copied().unwrap_or(after);
            // The events and people of the whole claim in two reads, not two per email.
            let about = About::of(conn, &claimed)?;
            for (done, row) in claimed.into_iter().enumerate() {
                self.keep_pace();
                if self.stop.load(Ordering::SeqCst) {
                    delivered.mark(conn)?;
                    outbox::release(conn, &ids[done..], until)?;
                    return Ok(Round::Done { reached });
                }
                if Utc::now().naive_utc() + CLAIM_MARGIN > until {
                    // A slow mail server used up the claim: claim the rest afresh.
                    delivered.mark(conn)?;
                    outbox::release(conn, &ids[done..], until)?;
                    after = ids[done] - 1;
                    break;
                }
                let mut row = row;
                let id = row.id;
                let sent = about
                    .write_out(&mut row, &self.host, &self.from)
                    .and_then(|()| build_message(&row, &self.from, &self.host))
                    .map_err(|error| (Failure::Permanent, error))
                    .and_then(|message| {
                        self.transport
                            .deliver(id, &message)
                            .map_err(|error| (Failure::of(&error), error))
                    });
                let (failure, error) = match sent {
                    Ok(()) => {
                        reached = true;
                        crate::telemetry::metrics().emails_delivered.inc();
                        delivered.push(id, row.subject, Utc::now().naive_utc());
                        if !self.transport.repeats_in_place() || delivered.is_due() {
                            delivered.mark(conn)?;
                        }
                        continue;
                    }
                    Err(failed) => failed,
                };
                delivered.mark(conn)?;
                crate::telemetry::metrics().delivery_failures.inc();
                let error = format!("{error:#}");
                if failure == Failure::Permanent {
                    reached = true;
                    tracing::warn!(outbox_id = id, %error, "email refused for good; marked failed");
                    outbox::mark_failed(conn, id, &error)?;
                    continue;
                }
                let wait = backoff(row.attempts);
                let next = Utc::now().naive_utc() + wait;
                outbox::mark_retry(conn, id, next, &error)?;
                if failure == Failure::ServerAway {
                    tracing::debug!(outbox_id = id, attempts = row.attempts + 1, retry_in_s = wait.num_seconds(), %error, "email not delivered: the mail server is away");
                    outbox::release(conn, &ids[done + 1..], until)?;
                    return Ok(Round::ServerAway(error));
                }
                reached = true;
                tracing::warn!(outbox_id = id, attempts = row.attempts + 1, retry_in_s = wait.num_seconds(), %error, "email not delivered; will retry");
            }
            delivered.mark(conn)?;
        }
    }
}

/// How a delivery round ended.
enum Round {
    /// Nothing is due any more (or the worker is stopping); `reached`: the mail server
    /// answered at least once.
    Done { reached: bool },
    /// The mail server could not take any email (why); the rest of the claim was let go.
    ServerAway(String),
}

/// What a failed delivery says about the email, and about the ones after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// This email will never go out: marked failed.
    Permanent,
    /// This email cannot go now: it waits its backoff, the others go on.
    Deferred,
    /// No email can go now: this one waits its backoff, and the round stops.
    ServerAway,
}

impl Failure {
    fn of(error: &anyhow::Error) -> Failure {
        match error.downcast_ref::<lettre::transport::smtp::Error>() {
            // lettre refused to send this message as it is (e.g. a non-ASCII address to a
            // server without SMTPUTF8).
            Some(error) if error.is_client() => Failure::Permanent,
            Some(error) => Failure::of_reply(error.status()),
            // The outbox folder could not be written: no email can be.
            None => Failure::ServerAway,
        }
    }

    /// By the reply code: no reply (connection refused, timeout, TLS) and replies about
    /// the connection (421, 521) or authentication (530, 535, 538) concern every email,
    /// so a wrong password never turns the whole outbox into failed emails; any other
    /// 5xx refuses this email for good, any other 4xx for now.
    fn of_reply(code: Option<Code>) -> Failure {
        let Some(code) = code else {
            return Failure::ServerAway;
        };
        match (code.severity, code.category) {
            (_, Category::Connections | Category::Unspecified3) => Failure::ServerAway,
            (Severity::PermanentNegativeCompletion, _) => Failure::Permanent,
            _ => Failure::Deferred,
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

/// An email's wait before its next attempt: 2, 4, 8 … seconds, at most a minute, so a
/// mail server back from an outage gets its backlog soon.
fn backoff(attempts: i32) -> chrono::Duration {
    chrono::Duration::seconds(2i64.pow(attempts.clamp(0, 5) as u32 + 1).min(60))
}

/// The events and people that a claim's emails are about, as they are now.
struct About {
    events: HashMap<i64, EventRow>,
    /// The programme of each of those events.
    programmes: HashMap<i64, Vec<Part>>,
    names: HashMap<i64, String>,
    /// For each email that may carry a calendar file (by outbox id): the changes of its
    /// registration and event up to when it was queued, so its file's SEQUENCE says
    /// which change it reports however late it goes out.
    calendars: HashMap<i64, audit::CalendarChanges>,
}

impl About {
    fn of(conn: &mut store::DbConnection, rows: &[OutboxRow]) -> anyhow::Result<About> {
        let to_write: Vec<&OutboxRow> = rows.iter().filter(|row| row.details.is_some()).collect();
        let mut events = HashMap::new();
        let mut programmes = HashMap::new();
        for event_id in to_write.iter().filter_map(|row| row.event_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(event_id) {
                // An event that is gone fails its own emails (in `write_out`), not the round.
                if let Some(event) = events::by_id(conn, EventId(event_id)).optional()? {
                    slot.insert(event);
                    programmes.insert(event_id, store::programme::parts(conn, EventId(event_id))?);
                }
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
        let mut calendars = HashMap::new();
        for row in &to_write {
            let (Some(event_id), Some(registration_id), Some(details)) =
                (row.event_id, row.registration_id, &row.details)
            else {
                continue;
            };
            if serde_json::from_str::<MailKind>(details).is_ok_and(|kind| kind.carries_calendar()) {
                let changes =
                    audit::calendar_changes(conn, event_id, Some(registration_id), row.created_at)?;
                calendars.insert(row.id, changes);
            }
        }
        Ok(About {
            events,
            programmes,
            names,
            calendars,
        })
    }

    /// Writes out the body of an email queued as what it is about; an email queued whole
    /// is left as it is.
    fn write_out(&self, row: &mut OutboxRow, host: &str, from: &Mailbox) -> anyhow::Result<()> {
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
        let changes = self.calendars.get(&row.id);
        let address = from.email.to_string();
        let stamp = CalendarStamp {
            uid: calendar::registration_uid(registration_id, host),
            sequence: calendar::sequence(changes.map_or(0, |c| c.count)),
            had_seat: changes.is_some_and(|c| c.had_seat),
            organizer: (from.name.as_deref(), &address),
        };
        let programme = row
            .event_id
            .and_then(|id| self.programmes.get(&id))
            .map_or(&[][..], Vec::as_slice);
        let facts = EventFacts::of(event).with_programme(programme);
        let mut mail =
            crate::i18n::in_language(row.language, || compose(&kind, &facts, name, link, &stamp));
        // A seat in the room comes with the code to show at the door.
        let in_the_room = matches!(
            kind,
            MailKind::Confirmation {
                mode: Mode::InPerson
            } | MailKind::ModeChanged {
                mode: Mode::InPerson
            }
        );
        if let (true, Some((public_url, _))) = (in_the_room, link.rsplit_once("/r/")) {
            let check_in = format!("{public_url}{}", qr::check_in_path(registration_id));
            qr::add_to(&mut mail, &check_in);
        }
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
    // The rule the join applies, again: a row queued before that rule was tightened
    // fails here, alone, rather than reaching the mail server.
    let to = Email::parse(&row.recipient)
        .map_err(|error| anyhow::anyhow!("recipient {:?} {error}", row.recipient))?;
    let to = Mailbox::new(None, to.as_str().parse::<Address>()?);
    let text = row.body_text.clone().unwrap_or_default();
    let html = row.body_html.clone().unwrap_or_default();
    let alternative = MultiPart::alternative_plain_html(text, html);
    // The check-in code as an inline image the HTML names by Content-ID: mail programs
    // show that, where many block an image given as a data URI.
    let alternative = match row
        .body_text
        .as_deref()
        .and_then(qr::check_in_link_of)
        .and_then(qr::png_of)
    {
        Some(png) => MultiPart::related().multipart(alternative).singlepart(
            Attachment::new_inline(qr::CONTENT_ID.to_owned())
                .body(png, ContentType::parse("image/png")?),
        ),
        None => alternative,
    };
    let body = match &row.calendar {
        Some(ics) => MultiPart::mixed().multipart(alternative).singlepart(
            Attachment::new("event.ics".to_owned()).body(
                ics.clone(),
                // The method the file itself names (RFC 5545, 3.7.2).
                ContentType::parse(&format!(
                    "text/calendar; charset=utf-8; method={}",
                    method_of(ics).as_str()
                ))?,
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
    // RFC 3282: the language of the words around the organizer's own.
    builder = builder.raw_header(HeaderValue::new(
        HeaderName::new_from_ascii_str("Content-Language"),
        row.language.tag().to_owned(),
    ));
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

    use lettre::transport::smtp::response::Detail;

    /// The reply code `n` (e.g. 550) as lettre reads it.
    fn reply(n: u16) -> Option<Code> {
        let severity = match n / 100 {
            4 => Severity::TransientNegativeCompletion,
            _ => Severity::PermanentNegativeCompletion,
        };
        let category = [
            Category::Syntax,
            Category::Information,
            Category::Connections,
            Category::Unspecified3,
            Category::Unspecified4,
            Category::MailSystem,
        ][usize::from(n / 10 % 10)];
        let detail = [
            Detail::Zero,
            Detail::One,
            Detail::Two,
            Detail::Three,
            Detail::Four,
            Detail::Five,
            Detail::Six,
            Detail::Seven,
            Detail::Eight,
            Detail::Nine,
        ][usize::from(n % 10)];
        let code = Code::new(severity, category, detail);
        assert_eq!(code.to_string(), n.to_string());
        Some(code)
    }

    #[test]
    fn a_refusal_for_good_fails_only_that_email() {
        for code in [550, 551, 552, 553, 554, 501] {
            assert_eq!(Failure::of_reply(reply(code)), Failure::Permanent, "{code}");
        }
    }

    #[test]
    fn a_refusal_for_now_defers_only_that_email() {
        for code in [450, 451, 452, 454] {
            assert_eq!(Failure::of_reply(reply(code)), Failure::Deferred, "{code}");
        }
    }

    #[test]
    fn no_reply_or_a_refusal_of_the_connection_or_the_login_concerns_every_email() {
        assert_eq!(Failure::of_reply(None), Failure::ServerAway);
        for code in [421, 521, 530, 535, 538] {
            assert_eq!(
                Failure::of_reply(reply(code)),
                Failure::ServerAway,
                "{code}"
            );
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0).num_seconds(), 2);
        assert_eq!(backoff(2).num_seconds(), 8);
        assert_eq!(backoff(30).num_seconds(), 60);
    }

    #[test]
    fn a_spanish_issue_still_names_its_unsubscribe_link_in_the_header() {
        let spanish = crate::domain::Language::from_tag("es").unwrap();
        let mail = crate::i18n::in_language(spanish, || {
            crate::mail::compose_newsletter(
                &crate::mail::NewsletterMail::Issue {
                    subject: "Noticias",
                    body: "Hola.",
                },
                "http://x/newsletter/unsubscribe/tok",
            )
        });
        let now = Utc::now().naive_utc();
        let row = OutboxRow {
            id: 1,
            event_id: None,
            registration_id: None,
            kind: mail.kind.to_owned(),
            recipient: "ada@example.org".into(),
            subject: mail.subject,
            body_text: Some(mail.text),
            body_html: Some(mail.html),
            calendar: None,
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: now,
            claimed_until: None,
            sent_at: None,
            last_error: None,
            created_at: now,
            details: None,
            link: None,
            send_id: None,
            language: spanish,
        };
        let from: Mailbox = "registrar@example.org".parse().unwrap();
        let message = build_message(&row, &from, "example.org").unwrap();
        let headers = String::from_utf8(message.formatted()).unwrap();
        assert!(
            headers.contains("List-Unsubscribe: <http://x/newsletter/unsubscribe/tok>"),
            "{headers}"
        );
        assert!(headers.contains("Content-Language: es"), "{headers}");
    }
}
