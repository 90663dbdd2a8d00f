//! The "stay updated" list: sign-ups with double opt-in, confirming, unsubscribing, and
//! issues sent to confirmed subscribers. Each change and the email reporting it are
//! written in one transaction; the mail worker delivers the email.

use chrono::Utc;

use crate::domain::Email;
use crate::mail::{compose_newsletter, NewsletterMail};
use crate::store::outbox::NewOutboxRow;
use crate::store::{self, newsletter, outbox, to_db_time, DbConnection, DbTime};

/// The most confirmation requests one address gets in a day.
const REQUESTS_A_DAY: i64 = 3;

/// The outbox kind of a confirmation request.
const CONFIRM_KIND: &str = "newsletter_confirm";

/// Signs an address up (or finds it) and sends it a confirmation link. A known address
/// gets a link again, so the answer does not reveal who is on the list.
pub fn subscribe(
    conn: &mut DbConnection,
    email: &Email,
    public_url: &str,
    unconfirmed_days: u32,
) -> store::QueryResult<()> {
    store::in_transaction(conn, |conn| {
        let now = to_db_time(Utc::now());
        let subscriber = newsletter::find_or_add(conn, email.as_str(), now)?;
        let token = newsletter::mint_token(conn, subscriber.id, now)?;
        let link = format!("{public_url}/newsletter/confirm/{token}");
        // As for entries: a stranger typing someone's address gets them at most a few
        // requests a day, and the same answer.
        let since = now - chrono::Duration::days(1);
        if outbox::sent_to_address_since(conn, &subscriber.email, &[CONFIRM_KIND], since)?
            >= REQUESTS_A_DAY
        {
            return Ok(());
        }
        let mail = NewsletterMail::Confirm { unconfirmed_days };
        enqueue(conn, &subscriber.email, &mail, &link)
    })
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
        newsletter::remove(conn, subscriber.id)?;
        if subscriber.confirmed_at.is_some() {
            let link = format!("{public_url}/newsletter");
            enqueue(
                conn,
                &subscriber.email,
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
    mail: &NewsletterMail<'_>,
    link: &str,
) -> store::QueryResult<()> {
    let now = to_db_time(Utc::now());
    let composed = compose_newsletter(mail, link);
    outbox::insert(
        conn,
        &[NewOutboxRow {
            event_id: None,
            registration_id: None,
            kind: composed.kind.to_owned(),
            recipient: recipient.to_owned(),
            subject: composed.subject,
            body_text: Some(composed.text),
            body_html: Some(composed.html),
            calendar: None,
            status: "pending".into(),
            next_attempt_at: DbTime(now),
            created_at: DbTime(now),
            details: None,
            link: None,
            send_id: None,
        }],
    )
}

/// Puts one issue of the newsletter into the outbox for every confirmed subscriber, each
/// with its own unsubscribe link (the mail worker also puts it in the
/// `List-Unsubscribe` header); for the organizers' pages. Returns how many were written.
pub fn send_issue(
    conn: &mut DbConnection,
    public_url: &str,
    subject: &str,
    body: &str,
) -> store::QueryResult<usize> {
    store::in_transaction(conn, |conn| {
        let now = to_db_time(Utc::now());
        let subscribers = newsletter::confirmed(conn)?;
        for subscriber in &subscribers {
            let token = newsletter::mint_token(conn, subscriber.id, now)?;
            let link = format!("{public_url}/newsletter/unsubscribe/{token}");
            enqueue(
                conn,
                &subscriber.email,
                &NewsletterMail::Issue { subject, body },
                &link,
            )?;
        }
        Ok(subscribers.len())
    })
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
        let confirmed = newsletter::find_or_add(&mut conn, "ada@example.org", now).unwrap();
        newsletter::confirm(&mut conn, confirmed.id, now).unwrap();
        newsletter::find_or_add(&mut conn, "unconfirmed@example.org", now).unwrap();

        let sent = send_issue(&mut conn, "http://x", "Next webinar", "On datasets.").unwrap();
        assert_eq!(sent, 1);
        let later = now + chrono::Duration::seconds(1);
        let claimed = outbox::claim_due(&mut conn, later, later, 10).unwrap();
        assert_eq!(claimed.len(), 1);
        let row = &claimed[0];
        assert_eq!(row.recipient, "ada@example.org");
        let from = "registrar <registrar@localhost>".parse().unwrap();
        let raw = String::from_utf8(build_message(row, &from, "x").unwrap().formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <http://x/newsletter/unsubscribe/"),
            "{raw}"
        );
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
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
