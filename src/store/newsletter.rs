//! The "stay updated" list: subscribers (subscribed once their address is confirmed) and
//! the tokens of their links, stored as hashes like the personal links.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::dashboard::like_pattern;
use super::schema::{newsletter_issues, newsletter_subscribers, newsletter_tokens};
use super::tokens::{generate, hash, looks_like_token};
use super::{DbConnection, QueryResult};
use crate::domain::{Language, SendId};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = newsletter_subscribers)]
pub struct SubscriberRow {
    pub id: i64,
    pub email: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// Set when the address unsubscribed; it gets nothing until it signs up again.
    pub unsubscribed_at: Option<NaiveDateTime>,
    /// The language they signed up in, which their emails are framed in.
    pub language: Language,
}

pub fn by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<SubscriberRow>> {
    on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::email.eq(email))
        .select(SubscriberRow::as_select())
        .first(c)
        .optional())
}

/// The subscriber with this address, added (unconfirmed, in `language`) if it is new. A
/// known address keeps its language, so a stranger typing it cannot change what its
/// owner reads.
pub fn find_or_add(
    conn: &mut DbConnection,
    email: &str,
    language: Language,
    now: NaiveDateTime,
) -> QueryResult<SubscriberRow> {
    if let Some(row) = by_email(conn, email)? {
        if row.unsubscribed_at.is_none() {
            return Ok(row);
        }
        // Signing up again after leaving starts afresh: confirmed only once more.
        return on_backend!(conn, |c| diesel::update(
            newsletter_subscribers::table.find(row.id)
        )
        .set((
            newsletter_subscribers::unsubscribed_at.eq(None::<NaiveDateTime>),
            newsletter_subscribers::confirmed_at.eq(None::<NaiveDateTime>),
            newsletter_subscribers::created_at.eq(now),
            newsletter_subscribers::language.eq(language),
        ))
        .returning(SubscriberRow::as_returning())
        .get_result(c));
    }
    on_backend!(conn, |c| diesel::insert_into(newsletter_subscribers::table)
        .values((
            newsletter_subscribers::email.eq(email),
            newsletter_subscribers::created_at.eq(now),
            newsletter_subscribers::language.eq(language),
        ))
        .returning(SubscriberRow::as_returning())
        .get_result(c))
}

/// A new link token for a subscriber, returned in the clear this once.
pub fn mint_token(
    conn: &mut DbConnection,
    subscriber_id: i64,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = generate();
    on_backend!(conn, |c| diesel::insert_into(newsletter_tokens::table)
        .values((
            newsletter_tokens::token_hash.eq(hash(&token)),
            newsletter_tokens::subscriber_id.eq(subscriber_id),
            newsletter_tokens::created_at.eq(now),
        ))
        .execute(c))?;
    Ok(token)
}

pub fn by_token(conn: &mut DbConnection, token: &str) -> QueryResult<Option<SubscriberRow>> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    on_backend!(conn, |c| newsletter_tokens::table
        .inner_join(newsletter_subscribers::table)
        .filter(newsletter_tokens::token_hash.eq(hash(token)))
        .select(SubscriberRow::as_select())
        .first(c)
        .optional())
}

/// Marks the address confirmed; confirming twice keeps the first time.
pub fn confirm(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(
        newsletter_subscribers::table
            .find(id)
            .filter(newsletter_subscribers::confirmed_at.is_null())
    )
    .set(newsletter_subscribers::confirmed_at.eq(now))
    .execute(c))
    .map(|_| ())
}

/// Marks the subscriber unsubscribed and removes every link of theirs; the address is
/// kept only so that importing an old list does not sign it up again.
pub fn unsubscribe(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        newsletter_tokens::table.filter(newsletter_tokens::subscriber_id.eq(id))
    )
    .execute(c))?;
    on_backend!(conn, |c| diesel::update(
        newsletter_subscribers::table.find(id)
    )
    .set(newsletter_subscribers::unsubscribed_at.eq(now))
    .execute(c))
    .map(|_| ())
}

/// Every subscriber, the newest first (the organizers' list).
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<SubscriberRow>> {
    on_backend!(conn, |c| newsletter_subscribers::table
        .order(newsletter_subscribers::id.desc())
        .select(SubscriberRow::as_select())
        .load(c))
}

/// The confirmed subscribers, the only ones a newsletter goes to.
pub fn confirmed(conn: &mut DbConnection) -> QueryResult<Vec<SubscriberRow>> {
    on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::confirmed_at.is_not_null())
        .filter(newsletter_subscribers::unsubscribed_at.is_null())
        .order(newsletter_subscribers::id.asc())
        .select(SubscriberRow::as_select())
        .load(c))
}

/// Erases every sign-up whose address was not confirmed, with no link of it sent since
/// `before` (the privacy notice's period), their links, and every newsletter email older
/// than that. Returns the ids of the emails deleted, whose files go too.
pub fn erase_unconfirmed(
    conn: &mut DbConnection,
    before: NaiveDateTime,
) -> QueryResult<(usize, Vec<i64>)> {
    use super::schema::outbox;
    use diesel::dsl::{exists, not};
    super::in_transaction(conn, |conn| {
        let stale: Vec<i64> = on_backend!(conn, |c| newsletter_subscribers::table
            .filter(newsletter_subscribers::confirmed_at.is_null())
            .filter(newsletter_subscribers::created_at.lt(before))
            .filter(not(exists(
                newsletter_tokens::table
                    .filter(newsletter_tokens::subscriber_id.eq(newsletter_subscribers::id))
                    .filter(newsletter_tokens::created_at.ge(before)),
            )))
            .select(newsletter_subscribers::id)
            .load(c))?;
        on_backend!(conn, |c| diesel::delete(
            newsletter_tokens::table.filter(newsletter_tokens::subscriber_id.eq_any(&stale))
        )
        .execute(c))?;
        on_backend!(conn, |c| diesel::delete(
            newsletter_subscribers::table.filter(newsletter_subscribers::id.eq_any(&stale))
        )
        .execute(c))?;
        let old_emails = || {
            outbox::table
                .filter(outbox::registration_id.is_null())
                .filter(outbox::kind.like("newsletter%"))
                .filter(outbox::created_at.lt(before))
        };
        let emails: Vec<i64> = on_backend!(conn, |c| old_emails().select(outbox::id).load(c))?;
        on_backend!(conn, |c| diesel::delete(old_emails()).execute(c))?;
        Ok((stale.len(), emails))
    })
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = newsletter_issues)]
pub struct IssueRow {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub test_to: Option<String>,
    pub send_id: SendId,
    pub created_at: NaiveDateTime,
}

pub fn insert_issue(
    conn: &mut DbConnection,
    subject: &str,
    body: &str,
    test_to: Option<&str>,
    send_id: SendId,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    on_backend!(conn, |c| diesel::insert_into(newsletter_issues::table)
        .values((
            newsletter_issues::subject.eq(subject),
            newsletter_issues::body.eq(body),
            newsletter_issues::test_to.eq(test_to),
            newsletter_issues::send_id.eq(send_id),
            newsletter_issues::created_at.eq(now),
        ))
        .returning(newsletter_issues::id)
        .get_result(c))
}

pub fn issue(conn: &mut DbConnection, id: i64) -> QueryResult<Option<IssueRow>> {
    on_backend!(conn, |c| newsletter_issues::table
        .find(id)
        .select(IssueRow::as_select())
        .first(c)
        .optional())
}

/// The issues, newest first.
pub fn issues(conn: &mut DbConnection) -> QueryResult<Vec<IssueRow>> {
    on_backend!(conn, |c| newsletter_issues::table
        .order(newsletter_issues::id.desc())
        .limit(100)
        .select(IssueRow::as_select())
        .load(c))
}

/// How many subscribers stand at each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub pending: i64,
    pub confirmed: i64,
    pub unsubscribed: i64,
}

pub fn counts(conn: &mut DbConnection) -> QueryResult<StatusCounts> {
    let unsubscribed = on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::unsubscribed_at.is_not_null())
        .count()
        .get_result(c))?;
    let confirmed = on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::unsubscribed_at.is_null())
        .filter(newsletter_subscribers::confirmed_at.is_not_null())
        .count()
        .get_result(c))?;
    let pending = on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::unsubscribed_at.is_null())
        .filter(newsletter_subscribers::confirmed_at.is_null())
        .count()
        .get_result(c))?;
    Ok(StatusCounts {
        pending,
        confirmed,
        unsubscribed,
    })
}

/// A page of the subscribers whose address contains `search` (every one when it is
/// empty), the newest first, and how many match in all. Addresses are stored in lower
/// case, so the search ignores case.
pub fn page(
    conn: &mut DbConnection,
    search: &str,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<SubscriberRow>, i64)> {
    let pattern = like_pattern(search.trim());
    let total = on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::email.like(&pattern).escape('\\'))
        .count()
        .get_result(c))?;
    let rows = on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::email.like(&pattern).escape('\\'))
        .order(newsletter_subscribers::id.desc())
        .offset(offset)
        .limit(limit)
        .select(SubscriberRow::as_select())
        .load(c))?;
    Ok((rows, total))
}
