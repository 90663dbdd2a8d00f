//! Organizer accounts, their one-time links to set a password, and the secrets every
//! instance shares (the session cookie key). Link tokens are stored only as hashes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{organizer_links, organizers, secrets};
use super::{tokens, DbConnection, QueryResult};
use crate::domain::Role;
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organizers)]
pub struct OrganizerRow {
    pub id: i64,
    pub email: String,
    pub password_hash: Option<String>,
    pub sessions_valid_after: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub role: Role,
}

/// How many organizers can sign in (have set a password).
pub fn count_signed_up(conn: &mut DbConnection) -> QueryResult<i64> {
    on_backend!(conn, |c| organizers::table
        .filter(organizers::password_hash.is_not_null())
        .count()
        .get_result(c))
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<OrganizerRow>> {
    on_backend!(conn, |c| organizers::table
        .find(id)
        .select(OrganizerRow::as_select())
        .get_result(c)
        .optional())
}

pub fn by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<OrganizerRow>> {
    on_backend!(conn, |c| organizers::table
        .filter(organizers::email.eq(email))
        .select(OrganizerRow::as_select())
        .get_result(c)
        .optional())
}

/// The organizer with this address, made with `role` when new (one already there keeps
/// the role they have).
pub fn ensure(
    conn: &mut DbConnection,
    email: &str,
    role: Role,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    if let Some(row) = by_email(conn, email)? {
        return Ok(row.id);
    }
    on_backend!(conn, |c| diesel::insert_into(organizers::table)
        .values((
            organizers::email.eq(email),
            organizers::sessions_valid_after.eq(now),
            organizers::created_at.eq(now),
            organizers::role.eq(role),
        ))
        .returning(organizers::id)
        .get_result(c))
}

/// A new one-time link token for an organizer to set their password; returned in the
/// clear this once.
pub fn mint_link(
    conn: &mut DbConnection,
    organizer_id: i64,
    expires_at: NaiveDateTime,
) -> QueryResult<String> {
    let token = tokens::generate();
    on_backend!(conn, |c| diesel::insert_into(organizer_links::table)
        .values((
            organizer_links::token_hash.eq(tokens::hash(&token)),
            organizer_links::organizer_id.eq(organizer_id),
            organizer_links::expires_at.eq(expires_at),
        ))
        .execute(c))?;
    Ok(token)
}

/// The organizer a link belongs to, while it is unused and unexpired.
pub fn link_owner(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<OrganizerRow>> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let owner: Option<i64> = on_backend!(conn, |c| organizer_links::table
        .find(tokens::hash(token))
        .filter(organizer_links::used_at.is_null())
        .filter(organizer_links::expires_at.gt(now))
        .select(organizer_links::organizer_id)
        .get_result(c)
        .optional())?;
    match owner {
        Some(id) => by_id(conn, id),
        None => Ok(None),
    }
}

/// Uses a link up and sets the password, in one transaction so a link works once even
/// when two requests race. Signing in anew is required afterwards on every device.
pub fn set_password_with_link(
    conn: &mut DbConnection,
    token: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    super::in_transaction(conn, |conn| {
        let Some(owner) = link_owner(conn, token, now)? else {
            return Ok(None);
        };
        let used = on_backend!(conn, |c| diesel::update(
            organizer_links::table
                .find(tokens::hash(token))
                .filter(organizer_links::used_at.is_null())
        )
        .set(organizer_links::used_at.eq(now))
        .execute(c))?;
        if used != 1 {
            return Ok(None);
        }
        on_backend!(conn, |c| diesel::update(organizers::table.find(owner.id))
            .set((
                organizers::password_hash.eq(password_hash),
                organizers::sessions_valid_after.eq(now),
            ))
            .execute(c))?;
        Ok(Some(owner.id))
    })
}

/// Ends every session of an organizer issued before `now`.
pub fn end_sessions(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::update(organizers::table.find(id))
        .set(organizers::sessions_valid_after.eq(now))
        .execute(c))
    .map(|_| ())
}

/// A named secret, made with `make` the first time any instance asks. When two instances
/// race, the second insert fails on the primary key and both read the winner's value.
pub fn secret(
    conn: &mut DbConnection,
    name: &str,
    make: impl FnOnce() -> String,
) -> QueryResult<String> {
    let read = |conn: &mut DbConnection| -> QueryResult<Option<String>> {
        on_backend!(conn, |c| secrets::table
            .find(name)
            .select(secrets::value)
            .get_result(c)
            .optional())
    };
    if let Some(value) = read(conn)? {
        return Ok(value);
    }
    let value = make();
    let inserted = on_backend!(conn, |c| diesel::insert_into(secrets::table)
        .values((secrets::name.eq(name), secrets::value.eq(&value)))
        .execute(c));
    match inserted {
        Ok(_) => Ok(value),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => read(conn)?.ok_or(diesel::result::Error::NotFound),
        Err(error) => Err(error),
    }
}

/// Every organizer, by address.
pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<OrganizerRow>> {
    on_backend!(conn, |c| organizers::table
        .order(organizers::email.asc())
        .select(OrganizerRow::as_select())
        .load(c))
}

/// What a change to the team came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamChange {
    Done,
    /// Refused: it would leave the team without an owner.
    LastOwner,
    Unknown,
}

/// Gives an organizer another role (`Some`) or removes them (`None`), unless that leaves
/// no owner (a removed organizer's links and calendar feed go with them). The owners' rows are locked first, so two owners demoting each other at once
/// cannot both succeed.
pub fn change_member(
    conn: &mut DbConnection,
    id: i64,
    role: Option<Role>,
    actor: &str,
) -> QueryResult<TeamChange> {
    super::in_transaction(conn, |conn| {
        let owners: Vec<i64> = match conn {
            DbConnection::Postgres(c) => organizers::table
                .filter(organizers::role.eq(Role::Owner))
                .select(organizers::id)
                .for_update()
                .load(c)?,
            DbConnection::Sqlite(c) => organizers::table
                .filter(organizers::role.eq(Role::Owner))
                .select(organizers::id)
                .load(c)?,
        };
        let Some(member) = by_id(conn, id)? else {
            return Ok(TeamChange::Unknown);
        };
        let stays_owner = role == Some(Role::Owner);
        if member.role == Role::Owner && !stays_owner && owners.len() <= 1 {
            return Ok(TeamChange::LastOwner);
        }
        let note = match role {
            // Every request reads the role afresh: a session held takes the new one at once.
            Some(role) => {
                on_backend!(conn, |c| diesel::update(organizers::table.find(id))
                    .set(organizers::role.eq(role))
                    .execute(c))?;
                (role != member.role)
                    .then(|| format!("role changed from {} to {role}", member.role))
            }
            None => {
                on_backend!(conn, |c| diesel::delete(organizers::table.find(id))
                    .execute(c))?;
                Some(format!("removed from the team (was {})", member.role))
            }
        };
        if let Some(note) = note {
            let now = chrono::Utc::now().naive_utc();
            super::audit::team_change(conn, now, actor, &member.email, &note)?;
        }
        Ok(TeamChange::Done)
    })
}
