//! What the organizer dashboard reads beyond one event's ledger: a page of registrations
//! (filtered, searched, sorted in SQL so thousands of rows stay cheap), registrations by
//! day for the chart, emails per registration, the outbox, and API tokens.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox::OutboxRow;
use super::registrations::RegistrationRow;
use super::schema::{answers, api_tokens, outbox, registrations};
use super::{DbConnection, DbTime, QueryResult};
use crate::domain::{EventId, Mode, RegistrationId, Role, Status};
use crate::on_backend;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// The column a registration list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    Name,
    Email,
    Affiliation,
    Status,
    #[default]
    Registered,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Name,
        SortBy::Email,
        SortBy::Affiliation,
        SortBy::Status,
        SortBy::Registered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Email => "email",
            SortBy::Affiliation => "affiliation",
            SortBy::Status => "status",
            SortBy::Registered => "registered",
        }
    }

    pub fn parse(text: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// Which registrations of an event to list, and which page of them.
#[derive(Debug, Clone)]
pub struct RegistrationQuery {
    pub event_id: EventId,
    pub statuses: Vec<Status>,
    pub mode: Option<Mode>,
    /// Matched case-insensitively against name, email and affiliation.
    pub search: Option<String>,
    /// Only those who gave this answer (question key, value).
    pub answer: Option<(String, String)>,
    pub sort: SortBy,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
}

/// Escapes the LIKE wildcards of a search text, so `%` and `_` match themselves.
pub(super) fn like_pattern(search: &str) -> String {
    let mut pattern = String::from("%");
    for ch in search.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

macro_rules! filtered {
    ($q:expr) => {{
        let q: &RegistrationQuery = $q;
        let mut query = registrations::table
            .filter(registrations::event_id.eq(q.event_id))
            .into_boxed();
        if !q.statuses.is_empty() {
            query = query.filter(registrations::status.eq_any(q.statuses.clone()));
        }
        if let Some(mode) = &q.mode {
            query = query.filter(registrations::mode.eq(*mode));
        }
        if let Some((key, value)) = &q.answer {
            query = query.filter(diesel::dsl::exists(
                answers::table
                    .filter(answers::registration_id.eq(registrations::id))
                    .filter(answers::question_key.eq(key.clone()))
                    .filter(answers::value.eq(value.clone())),
            ));
        }
        if let Some(search) = &q.search {
            let pattern = like_pattern(search);
            query = query.filter(
                lower(registrations::name)
                    .like(pattern.clone())
                    .escape('\\')
                    .or(lower(registrations::email)
                        .like(pattern.clone())
                        .escape('\\'))
                    .or(lower(diesel::dsl::sql::<diesel::sql_types::Text>(
                        "COALESCE(affiliation, '')",
                    ))
                    .like(pattern)
                    .escape('\\')),
            );
        }
        query
    }};
}

/// How many registrations match a query, counted in SQL.
pub fn registration_count(conn: &mut DbConnection, q: &RegistrationQuery) -> QueryResult<i64> {
    on_backend!(conn, |c| filtered!(q).count().get_result(c))
}

/// One page of registrations, without counting how many match in all.
pub fn registration_page(
    conn: &mut DbConnection,
    q: &RegistrationQuery,
) -> QueryResult<Vec<RegistrationRow>> {
    let rows = on_backend!(conn, |c| {
        let query = filtered!(q);
        let query = match (q.sort, q.descending) {
            (SortBy::Name, false) => {
                query.order((lower(registrations::name).asc(), registrations::id.asc()))
            }
            (SortBy::Name, true) => {
                query.order((lower(registrations::name).desc(), registrations::id.desc()))
            }
            (SortBy::Email, false) => {
                query.order((registrations::email.asc(), registrations::id.asc()))
            }
            (SortBy::Email, true) => {
                query.order((registrations::email.desc(), registrations::id.desc()))
            }
            (SortBy::Affiliation, false) => {
                query.order((registrations::affiliation.asc(), registrations::id.asc()))
            }
            (SortBy::Affiliation, true) => {
                query.order((registrations::affiliation.desc(), registrations::id.desc()))
            }
            (SortBy::Status, false) => {
                query.order((registrations::status.asc(), registrations::id.asc()))
            }
            (SortBy::Status, true) => {
                query.order((registrations::status.desc(), registrations::id.desc()))
            }
            (SortBy::Registered, false) => query.order(registrations::id.asc()),
            (SortBy::Registered, true) => query.order(registrations::id.desc()),
        };
        query
            .offset(q.offset)
            .limit(q.limit)
            .select(RegistrationRow::as_select())
            .load(c)
    })?;
    Ok(rows)
}

/// Registrations of these ids (the waiting line, whose order the ledger knows).
pub fn registrations_by_ids(
    conn: &mut DbConnection,
    ids: &[RegistrationId],
) -> QueryResult<Vec<RegistrationRow>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::id.eq_any(ids))
        .select(RegistrationRow::as_select())
        .load(c))
}

/// When each registration of an event was made, for the chart of registrations over time.
pub fn registration_times(conn: &mut DbConnection, event_id: EventId) -> QueryResult<Vec<DbTime>> {
    on_backend!(conn, |c| registrations::table
        .filter(registrations::event_id.eq(event_id))
        .order(registrations::created_at.asc())
        .select(registrations::created_at)
        .load(c))
}

/// Emails of a kind made and delivered per registration of an event.
pub fn emails_per_registration(
    conn: &mut DbConnection,
    event_id: EventId,
    kind: &str,
) -> QueryResult<std::collections::HashMap<RegistrationId, (u32, u32)>> {
    let rows: Vec<(Option<i64>, String)> = on_backend!(conn, |c| outbox::table
        .filter(outbox::event_id.eq(event_id.0))
        .filter(outbox::kind.eq(kind))
        .select((outbox::registration_id, outbox::status))
        .load(c))?;
    let mut counts = std::collections::HashMap::new();
    for (id, status) in rows {
        if let Some(id) = id {
            let entry: &mut (u32, u32) = counts.entry(RegistrationId(id)).or_default();
            entry.0 += 1;
            if status == "sent" {
                entry.1 += 1;
            }
        }
    }
    Ok(counts)
}

/// A page of the outbox, newest first, and how many emails it holds in all.
pub fn outbox_page(
    conn: &mut DbConnection,
    status: Option<&str>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<OutboxRow>, i64)> {
    let total = on_backend!(conn, |c| {
        let mut query = outbox::table.into_boxed();
        if let Some(status) = status {
            query = query.filter(outbox::status.eq(status.to_owned()));
        }
        query.count().get_result(c)
    })?;
    let rows = on_backend!(conn, |c| {
        let mut query = outbox::table.into_boxed();
        if let Some(status) = status {
            query = query.filter(outbox::status.eq(status.to_owned()));
        }
        query
            .order(outbox::id.desc())
            .offset(offset)
            .limit(limit)
            .select(OutboxRow::as_select())
            .load(c)
    })?;
    Ok((rows, total))
}

/// One email of the outbox.
pub fn outbox_row(conn: &mut DbConnection, id: i64) -> QueryResult<Option<OutboxRow>> {
    on_backend!(conn, |c| outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .get_result(c)
        .optional())
}

/// Makes a pending email due at once; false when it was delivered meanwhile.
pub fn retry_now(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = on_backend!(conn, |c| diesel::update(
        outbox::table.find(id).filter(outbox::status.eq("pending"))
    )
    .set(outbox::next_attempt_at.eq(now))
    .execute(c))?;
    Ok(updated == 1)
}

#[derive(Debug, Clone, Queryable)]
pub struct ApiTokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: DbTime,
    pub revoked_at: Option<DbTime>,
    pub role: Role,
}

pub fn api_tokens(conn: &mut DbConnection) -> QueryResult<Vec<ApiTokenRow>> {
    on_backend!(conn, |c| api_tokens::table
        .order(api_tokens::id.desc())
        .select((
            api_tokens::id,
            api_tokens::name,
            api_tokens::created_at,
            api_tokens::revoked_at,
            api_tokens::role,
        ))
        .load(c))
}

/// One API token, revoked or not.
pub fn api_token(conn: &mut DbConnection, id: i64) -> QueryResult<Option<ApiTokenRow>> {
    on_backend!(conn, |c| api_tokens::table
        .find(id)
        .select((
            api_tokens::id,
            api_tokens::name,
            api_tokens::created_at,
            api_tokens::revoked_at,
            api_tokens::role,
        ))
        .get_result(c)
        .optional())
}

/// Revokes a live API token; false when there is none with this id.
pub fn revoke_api_token(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = on_backend!(conn, |c| diesel::update(
        api_tokens::table
            .find(id)
            .filter(api_tokens::revoked_at.is_null())
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(c))?;
    Ok(updated == 1)
}

/// Every event, drafts included, the latest start first.
pub fn all_events(conn: &mut DbConnection) -> QueryResult<Vec<super::events::EventRow>> {
    use super::schema::events;
    on_backend!(conn, |c| events::table
        .order((events::starts_at.desc(), events::id.desc()))
        .select(super::events::EventRow::as_select())
        .load(c))
}
