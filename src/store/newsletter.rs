//! The "stay updated" list: subscribers (subscribed once their address is confirmed) and
//! the tokens of their links, stored as hashes like the personal links.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{newsletter_subscribers, newsletter_tokens};
use super::tokens::{generate, hash, looks_like_token};
use super::{DbConnection, QueryResult};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = newsletter_subscribers)]
pub struct SubscriberRow {
    pub id: i64,
    pub email: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<SubscriberRow>> {
    on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::email.eq(email))
        .select(SubscriberRow::as_select())
        .first(c)
        .optional())
}

/// The subscriber with this address, added (unconfirmed) if it is new.
pub fn find_or_add(
    conn: &mut DbConnection,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<SubscriberRow> {
    if let Some(row) = by_email(conn, email)? {
        return Ok(row);
    }
    on_backend!(conn, |c| diesel::insert_into(newsletter_subscribers::table)
        .values((
            newsletter_subscribers::email.eq(email),
            newsletter_subscribers::created_at.eq(now),
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

/// Removes the subscriber and every link of theirs.
pub fn remove(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        newsletter_tokens::table.filter(newsletter_tokens::subscriber_id.eq(id))
    )
    .execute(c))?;
    on_backend!(conn, |c| diesel::delete(
        newsletter_subscribers::table.find(id)
    )
    .execute(c))
    .map(|_| ())
}

/// The confirmed subscribers, the only ones a newsletter goes to.
pub fn confirmed(conn: &mut DbConnection) -> QueryResult<Vec<SubscriberRow>> {
    on_backend!(conn, |c| newsletter_subscribers::table
        .filter(newsletter_subscribers::confirmed_at.is_not_null())
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
