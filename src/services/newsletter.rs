//! The "stay updated" list: sign-ups with double opt-in, confirming, unsubscribing, and
//! issues sent to confirmed subscribers. Each change and the email reporting it are
//! written in one transaction; the mail worker delivers the email.

use chrono::Utc;

use crate::domain::{Email, FieldErrors, Language, SendId, SendKind, MESSAGE_MAX, SUBJECT_MAX};
use crate::mail::{compose_newsletter, NewsletterMail};
use crate::store::outbox::NewOutboxRow;
use crate::store::sends::{self, NewSendRow};
use crate::store::{self, newsletter, outbox, to_db_time, DbConnection, DbTime};

pub use crate::store::newsletter::{IssueRow as Issue, SubscriberRow as Subscriber};
pub use crate::store::sends::Delivery;

/// How a subscriber stands (pending, confirmed or unsubscribed), and since when.
pub fn status_of(s: &Subscriber) -> (&'static str, chrono::DateTime<Utc>) {
    match (s.unsubscribed_at, s.confirmed_at) {
        (Some(at), _) => ("unsubscribed", at.and_utc()),
        (None, Some(at)) => ("confirmed", at.and_utc()),
        (None, None) => ("pending", s.created_at.and_utc()),
    }
}

/// Every subscriber, the newest first.
pub fn subscribers(conn: &mut DbConnection) -> store::QueryResult<Vec<Subscriber>> {
    newsletter::all(conn)
}

/// The most confirmation requests one address gets in a day.
const REQUESTS_A_DAY: i64 = 3;

/// The outbox kind of a confirmation request.
const CONFIRM_KIND: &str = "newsletter_confirm";

/// Signs an address up in `language` (or finds it) and sends it a confirmation link. A
/// known address gets a link again, so the answer does not reveal who is on the list.
/// False when the address had its requests for the day already and nothing was queued.
pub fn subscribe(
    conn: &mut DbConnection,
    email: &Email,
    language: Language,
    public_url: &str,
    unconfirmed_days: u32,
) -> store::QueryResult<bool> {
    store::in_transaction(conn, |conn| {
        request_confirmation(conn, email, language, public_url, unconfirmed_days)
    })
}

/// [`subscribe`] on the connection's open transaction.
fn request_confirmation(
    conn: &mut DbConnection,
    email: &Email,
    language: Language,
    public_url: &str,
    unconfirmed_days: u32,
) -> store::QueryResult<bool> {
    let now = to_db_time(Utc::now());
    let subscriber = newsletter::find_or_add(conn, email.as_str(), language, now)?;
    let token = newsletter::mint_token(conn, subscriber.id, now)?;
    let link = format!("{public_url}/newsletter/confirm/{token}");
    // As for entries: a stranger typing someone's address gets them at most a few
    // requests a day, and the same answer.
    let since = now - chrono::Duration::days(1);
    if outbox::sent_to_address_since(conn, &subscriber.email, &[CONFIRM_KIND], since)?
        >= REQUESTS_A_DAY
    {
        return Ok(false);
    }
    let mail = NewsletterMail::Confirm { unconfirmed_days };
    enqueue(conn, &subscriber.email, subscriber.language, &mail, &link)?;
    Ok(true)
}

/// Confirms the subscriber of this link; false for a link that matches none.
pub fn confirm(conn: &mut DbConnection, token: &str) -> store::QueryResult<bool> {
    store::in_transaction(conn, |conn| {
        let Some(subscriber) = newsletter::by_token(conn, token)? else {
            return Ok(false);
        };
        newsletter::confirm(conn, subscriber.id, to_db_time(Utc::now()))?;
        Ok(true)
    })
}

/// Whether this link names someone on the list; reads only, for the page that asks.
pub fn is_subscribed(conn: &mut DbConnection, token: &str) -> store::QueryResult<bool> {
    Ok(newsletter::by_token(conn, token)?.is_some())
}

/// Removes the subscriber of this link and, if they had confirmed, says goodbye by email;
/// false for a link that matches none.
pub fn unsubscribe(
    conn: &mut DbConnection,
    token: &str,
    public_url: &str,
) -> store::QueryResult<bool> {
    store::in_transaction(conn, |conn| {
        let Some(subscriber) = newsletter::by_token(conn, token)? else {
            return Ok(false);
        };
        newsletter::unsubscribe(conn, subscriber.id, to_db_time(Utc::now()))?;
        if subscriber.confirmed_at.is_some() {
            let link = format!("{public_url}/newsletter");
            enqueue(
                conn,
                &subscriber.email,
                subscriber.language,
                &NewsletterMail::Unsubscribed,
                &link,
            )?;
        }
        Ok(true)
    })
}

/// Writes a newsletter email to the outbox on the connection's open transaction.
fn enqueue(
    conn: &mut DbConnection,
    recipient: &str,
    language: Language,
    mail: &NewsletterMail<'_>,
    link: &str,
) -> store::QueryResult<()> {
    let to = Recipient {
        email: recipient,
        language,
    };
    let row = outbox_row(&to, mail, link, None, to_db_time(Utc::now()));
    outbox::insert(conn, &[row])
}

/// Whom a newsletter email goes to, and the language it is framed in.
struct Recipient<'a> {
    email: &'a str,
    language: Language,
}

/// The outbox row of one newsletter email, written out in full. An issue's own text is
/// as the organizer wrote it; the words around it are in the recipient's language.
fn outbox_row(
    to: &Recipient<'_>,
    mail: &NewsletterMail<'_>,
    link: &str,
    send_id: Option<SendId>,
    now: chrono::NaiveDateTime,
) -> NewOutboxRow {
    let composed = crate::i18n::in_language(to.language, || compose_newsletter(mail, link));
    NewOutboxRow {
        event_id: None,
        registration_id: None,
        kind: composed.kind.to_owned(),
        recipient: to.email.to_owned(),
        subject: composed.subject,
        body_text: Some(composed.text),
        body_html: Some(composed.html),
        calendar: None,
        status: "pending".into(),
        next_attempt_at: DbTime(now),
        created_at: DbTime(now),
        details: None,
        link: None,
        send_id,
        language: to.language,
    }
}

/// Outbox rows written in one statement on PostgreSQL, which takes at most 65,535
/// parameters in a statement (an outbox row binds 14).
const ROWS_PER_INSERT: usize = 1000;

/// An issue as queued: its id and how many emails it queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueQueued {
    pub id: i64,
    pub recipients: usize,
}

/// Records an issue and puts it into the outbox in the same transaction: one email per
/// confirmed subscriber (or to `test_to` alone), each with its own unsubscribe link (the
/// mail worker also puts it in the `List-Unsubscribe` header). Its emails form one send,
/// so the outbox worker's retry and exactly-once rules apply and its delivery is followed
/// like any other.
pub fn send_issue(
    conn: &mut DbConnection,
    public_url: &str,
    subject: &str,
    body: &str,
    test_to: Option<&Email>,
    actor: &str,
) -> store::QueryResult<IssueQueued> {
    store::in_transaction(conn, |conn| {
        let now = to_db_time(Utc::now());
        let recipients: Vec<(String, Option<i64>, Language)> = match test_to {
            Some(email) => {
                let known = newsletter::by_email(conn, email.as_str())?
                    .filter(|s| s.unsubscribed_at.is_none());
                let language = known.as_ref().map(|s| s.language).unwrap_or_default();
                vec![(email.as_str().to_owned(), known.map(|s| s.id), language)]
            }
            None => newsletter::confirmed(conn)?
                .into_iter()
                .map(|s| (s.email, Some(s.id), s.language))
                .collect(),
        };
        let send_id = sends::insert(
            conn,
            &NewSendRow {
                event_id: None,
                kind: SendKind::Newsletter,
                actor: actor.to_owned(),
                emails: i32::try_from(recipients.len()).unwrap_or(i32::MAX),
                created_at: DbTime(now),
            },
        )?;
        let id = newsletter::insert_issue(
            conn,
            subject,
            body,
            test_to.map(Email::as_str),
            send_id,
            now,
        )?;
        let mail = NewsletterMail::Issue { subject, body };
        let mut rows = Vec::with_capacity(recipients.len());
        for (email, subscriber, language) in &recipients {
            // A test to an address not on the list links to the sign-up page instead.
            let link = match subscriber {
                Some(id) => {
                    let token = newsletter::mint_token(conn, *id, now)?;
                    format!("{public_url}/newsletter/unsubscribe/{token}")
                }
                None => format!("{public_url}/newsletter"),
            };
            let to = Recipient {
                email,
                language: *language,
            };
            rows.push(outbox_row(&to, &mail, &link, Some(send_id), now));
        }
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            outbox::insert(conn, chunk)?;
        }
        Ok(IssueQueued {
            id,
            recipients: recipients.len(),
        })
    })
}

/// An issue with how its delivery stands.
pub fn issue(
    conn: &mut DbConnection,
    id: i64,
) -> store::QueryResult<Option<(newsletter::IssueRow, i32, sends::Delivery)>> {
    let Some(issue) = newsletter::issue(conn, id)? else {
        return Ok(None);
    };
    let queued = sends::by_id(conn, issue.send_id)?
        .map(|(send, _, _)| send.emails)
        .unwrap_or(0);
    let delivery = sends::delivery(conn, issue.send_id)?;
    Ok(Some((issue, queued, delivery)))
}

/// What an import did with the addresses of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    /// New or still unconfirmed addresses sent a confirmation request.
    pub requested: usize,
    /// Unconfirmed addresses that had their requests for the day already: none was sent.
    pub limited: usize,
    /// Confirmed addresses, left as they are.
    pub already: usize,
    /// Addresses that unsubscribed: not signed up again, as they chose.
    pub unsubscribed: usize,
}

/// Imports a list of addresses in one transaction. Each new or unconfirmed address gets a
/// confirmation request exactly as a sign-up does (and within the same daily cap), so it
/// receives no issue until it confirms; a confirmed one is left alone, and one that
/// unsubscribed is never signed up again.
pub fn import(
    conn: &mut DbConnection,
    addresses: &[Email],
    public_url: &str,
    unconfirmed_days: u32,
) -> store::QueryResult<Imported> {
    store::in_transaction(conn, |conn| {
        let mut done = Imported::default();
        for email in addresses {
            match newsletter::by_email(conn, email.as_str())? {
                Some(s) if s.unsubscribed_at.is_some() => done.unsubscribed += 1,
                Some(s) if s.confirmed_at.is_some() => done.already += 1,
                _ => {
                    // A list says nothing of its people's languages.
                    let language = Language::default();
                    if request_confirmation(conn, email, language, public_url, unconfirmed_days)? {
                        done.requested += 1;
                    } else {
                        done.limited += 1;
                    }
                }
            }
        }
        Ok(done)
    })
}

pub use crate::store::newsletter::StatusCounts;

/// How many subscribers are pending, confirmed and unsubscribed.
pub fn counts(conn: &mut DbConnection) -> store::QueryResult<StatusCounts> {
    newsletter::counts(conn)
}

/// A page of subscribers matching an address search, and how many match.
pub fn subscriber_page(
    conn: &mut DbConnection,
    search: &str,
    offset: i64,
    limit: i64,
) -> store::QueryResult<(Vec<Subscriber>, i64)> {
    newsletter::page(conn, search, offset, limit)
}

/// An issue as listed: the issue, how many emails it queued, and their delivery.
pub struct IssueSummary {
    pub issue: Issue,
    pub queued: i32,
    pub delivery: Delivery,
}

/// The latest issues, newest first, with their delivery.
pub fn issues(conn: &mut DbConnection) -> store::QueryResult<Vec<IssueSummary>> {
    newsletter::issues(conn)?
        .into_iter()
        .map(|issue| {
            let queued = sends::by_id(conn, issue.send_id)?
                .map(|(send, _, _)| send.emails)
                .unwrap_or(0);
            let delivery = sends::delivery(conn, issue.send_id)?;
            Ok(IssueSummary {
                issue,
                queued,
                delivery,
            })
        })
        .collect()
}

/// The emails of an issue that failed for good, in the order they were queued.
pub fn failed_emails(
    conn: &mut DbConnection,
    issue: &Issue,
) -> store::QueryResult<Vec<crate::store::outbox::OutboxRow>> {
    sends::failed_emails(conn, issue.send_id)
}

/// What "send again" did to a failed email of an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retried {
    Queued,
    /// No failed email of this issue has that id (delivered, retried already, or another's).
    NotFailed,
    /// The address unsubscribed (or was erased) since: nothing is sent to it.
    Gone,
}

/// Queues a failed email of an issue again: its body went when it failed, so the email is
/// written anew (with a fresh unsubscribe link) in the same send, and the failed row gives
/// way to it in the same transaction, so the issue's counts stay whole.
pub fn retry_failed(
    conn: &mut DbConnection,
    public_url: &str,
    issue: &Issue,
    email_id: i64,
) -> store::QueryResult<Retried> {
    store::in_transaction(conn, |conn| {
        let Some(failed) = sends::failed_emails(conn, issue.send_id)?
            .into_iter()
            .find(|row| row.id == email_id)
        else {
            return Ok(Retried::NotFailed);
        };
        let now = to_db_time(Utc::now());
        let subscriber =
            newsletter::by_email(conn, &failed.recipient)?.filter(|s| s.unsubscribed_at.is_none());
        let link = match (&subscriber, issue.test_to.as_deref()) {
            (Some(s), _) if s.confirmed_at.is_some() || issue.test_to.is_some() => {
                let token = newsletter::mint_token(conn, s.id, now)?;
                format!("{public_url}/newsletter/unsubscribe/{token}")
            }
            (None, Some(to)) if to == failed.recipient => format!("{public_url}/newsletter"),
            _ => return Ok(Retried::Gone),
        };
        let mail = NewsletterMail::Issue {
            subject: &issue.subject,
            body: &issue.body,
        };
        if !outbox::delete_failed(conn, failed.id)? {
            return Ok(Retried::NotFailed);
        }
        let to = Recipient {
            email: &failed.recipient,
            language: failed.language,
        };
        let row = outbox_row(&to, &mail, &link, Some(issue.send_id), now);
        outbox::insert(conn, &[row])?;
        Ok(Retried::Queued)
    })
}

/// An issue's subject, body and test address, every bad field named.
pub fn issue_of(
    subject: &str,
    body: &str,
    test_to: Option<&str>,
) -> Result<(String, String, Option<Email>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let subject = subject.trim();
    if subject.is_empty()
        || subject.chars().count() > SUBJECT_MAX
        || subject.chars().any(char::is_control)
    {
        errors.insert(
            "subject".into(),
            vec![format!("must be one line of 1 to {SUBJECT_MAX} characters")],
        );
    }
    let body = body.replace("\r\n", "\n");
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MESSAGE_MAX {
        errors.insert(
            "body".into(),
            vec![format!("must be 1 to {MESSAGE_MAX} characters")],
        );
    }
    let test_to = match test_to.map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(raw) => match Email::parse(raw) {
            Ok(email) => Some(email),
            Err(e) => {
                errors.insert("test_to".into(), vec![e.0]);
                None
            }
        },
    };
    if errors.is_empty() {
        Ok((subject.to_owned(), body.to_owned(), test_to))
    } else {
        Err(errors)
    }
}

/// An issue as it will look, with a sample unsubscribe link.
pub fn preview(subject: &str, body: &str, public_url: &str) -> crate::mail::Composed {
    compose_newsletter(
        &NewsletterMail::Issue { subject, body },
        &format!("{public_url}/newsletter/unsubscribe/…"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::worker::build_message;

    #[test]
    fn an_issue_goes_to_confirmed_subscribers_only_with_a_list_unsubscribe_header() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("news.db").display().to_string();
        let mut conn = store::ConnectionManager::new(&url).establish().unwrap();
        store::migrate(&mut conn).unwrap();
        let now = to_db_time(Utc::now());
        let spanish = Language::from_tag("es").unwrap();
        let confirmed =
            newsletter::find_or_add(&mut conn, "ada@example.org", spanish, now).unwrap();
        newsletter::confirm(&mut conn, confirmed.id, now).unwrap();
        newsletter::find_or_add(&mut conn, "unconfirmed@example.org", spanish, now).unwrap();

        let sent = send_issue(
            &mut conn,
            "http://x",
            "Next webinar",
            "On datasets.",
            None,
            "tests",
        )
        .unwrap();
        assert_eq!(sent.recipients, 1);
        let later = now + chrono::Duration::seconds(1);
        let claimed = outbox::claim_due(&mut conn, later, later, 10, 0).unwrap();
        assert_eq!(claimed.len(), 1);
        let row = &claimed[0];
        assert_eq!(row.recipient, "ada@example.org");
        assert_eq!(row.language, spanish);
        let from = "registrar <registrar@localhost>".parse().unwrap();
        let raw = String::from_utf8(build_message(row, &from, "x").unwrap().formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <http://x/newsletter/unsubscribe/"),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(raw.contains("Content-Language: es\r\n"), "{raw}");
        let token = raw
            .split("/newsletter/unsubscribe/")
            .nth(1)
            .unwrap()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>();
        assert_eq!(
            newsletter::by_token(&mut conn, &token)
                .unwrap()
                .map(|s| s.id),
            Some(confirmed.id),
            "the link unsubscribes this very subscriber"
        );
    }
}
