//! Personal link tokens and organizer API tokens. Only a SHA-256 hash of a token's random
//! part is stored: that part is random (128 bits), so a fast hash suffices and a stolen
//! database yields no usable link.
//!
//! A personal link names the row that holds its hash: it is the row's id and a random
//! secret ([`personal_link`]), so new rows go at the end of their table instead of at a
//! random place in an index of hashes. The id says how many links were made before it,
//! and nothing more. Links made before that (22 characters, random through and through)
//! are still found by the hash of the whole token.

use std::collections::HashMap;

use base64::Engine as _;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::dashboard::ApiTokenRow;
use super::registrations::RegistrationRow;
use super::schema::{api_tokens, personal_tokens, registrations};
use super::{insert_rows, DbConnection, DbTime, QueryResult};
use crate::domain::{RegistrationId, Role};
use crate::on_backend;

/// A new random token: 16 bytes, URL-safe base64 without padding (22 characters).
pub fn generate() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a token in lowercase hex (see [`hex_sha256`]).
pub fn hash(token: &str) -> String {
    hex_sha256(token.as_bytes())
}

/// The SHA-256 of some bytes in lowercase hex, formatted in one go: a rush looks up and
/// makes thousands of links a second, and a `format!` per byte showed in the writer's
/// profile.
fn hex_sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Compares two secrets (or their hashes) in time that does not depend on where they
/// differ.
pub fn same(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Bytes of a personal link: the id of its row (8) and the secret (16).
const LINK_BYTES: usize = 24;
/// Characters of a personal link, URL-safe base64 of its bytes.
const LINK_CHARS: usize = 32;

/// The personal link of the row `id` with this secret, in URL-safe base64.
pub fn personal_link(id: i64, secret: &[u8; 16]) -> String {
    let mut bytes = [0u8; LINK_BYTES];
    bytes[..8].copy_from_slice(&id.to_be_bytes());
    bytes[8..].copy_from_slice(secret);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The row id and secret of a personal link; `None` for anything else, such as a link
/// made before links named their row.
fn parse_personal_link(token: &str) -> Option<(i64, [u8; 16])> {
    if token.len() != LINK_CHARS {
        return None;
    }
    let mut bytes = [0u8; LINK_BYTES];
    let written = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode_slice(token, &mut bytes)
        .ok()?;
    if written != LINK_BYTES {
        return None;
    }
    let id = i64::from_be_bytes(bytes[..8].try_into().expect("8 bytes"));
    let secret = bytes[8..].try_into().expect("16 bytes");
    Some((id, secret))
}

/// Whether a string could be a token at all; anything else is refused before a lookup.
pub fn looks_like_token(token: &str) -> bool {
    (22..=64).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A personal link token not yet written: the row to insert and the token in the clear
/// (the only time it is known).
pub struct NewPersonalToken {
    pub token: String,
    pub row: PersonalTokenRow,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = personal_tokens)]
pub struct PersonalTokenRow {
    pub id: i64,
    pub registration_id: RegistrationId,
    pub secret_hash: String,
    pub created_at: DbTime,
}

/// Makes a new personal link token for a registration, in the row `id` (from
/// [`LinkIds`]); `insert_personal` writes it.
pub fn new_personal(id: i64, registration_id: RegistrationId, now: DbTime) -> NewPersonalToken {
    let mut secret = [0u8; 16];
    rand::rng().fill_bytes(&mut secret);
    NewPersonalToken {
        row: PersonalTokenRow {
            id,
            registration_id,
            secret_hash: hex_sha256(&secret),
            created_at: now,
        },
        token: personal_link(id, &secret),
    }
}

/// Ids for new personal links, handed out before their rows are written, since a link
/// names its row and goes into its email in the same transaction. One `LinkIds` serves
/// one transaction.
#[derive(Default)]
pub struct LinkIds {
    /// SQLite: the last id handed out. The transaction holds the database's only write
    /// lock, so the ids above the highest row are free until it ends.
    last: Option<i64>,
    /// PostgreSQL, where other instances may write at the same time: ids taken from the
    /// table's sequence, some at a time, in the order they are handed out.
    reserved: std::collections::VecDeque<i64>,
}

/// Ids taken from PostgreSQL's sequence per round trip.
const IDS_PER_RESERVATION: i64 = 64;

#[derive(QueryableByName)]
struct ReservedId {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

impl LinkIds {
    pub fn next(&mut self, conn: &mut DbConnection) -> QueryResult<i64> {
        match conn {
            DbConnection::Sqlite(c) => {
                let last = match self.last {
                    Some(last) => last,
                    None => personal_tokens::table
                        .select(diesel::dsl::max(personal_tokens::id))
                        .first::<Option<i64>>(c)?
                        .unwrap_or(0),
                };
                self.last = Some(last + 1);
                Ok(last + 1)
            }
            DbConnection::Postgres(c) => {
                if self.reserved.is_empty() {
                    let ids: Vec<ReservedId> = diesel::sql_query(
                        "SELECT nextval(pg_get_serial_sequence('personal_tokens', 'id')) AS id \
                         FROM generate_series(1, $1)",
                    )
                    .bind::<diesel::sql_types::BigInt, _>(IDS_PER_RESERVATION)
                    .load(c)?;
                    self.reserved.extend(ids.into_iter().map(|row| row.id));
                }
                Ok(self.reserved.pop_front().expect("ids were reserved"))
            }
        }
    }
}

pub fn insert_personal(conn: &mut DbConnection, rows: &[PersonalTokenRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    insert_rows!(conn, personal_tokens::table, rows)
}

/// The registration a personal link belongs to, in one query.
pub fn registration_row_of(
    conn: &mut DbConnection,
    token: &str,
) -> QueryResult<Option<RegistrationRow>> {
    Ok(registration_rows_of(conn, &[token])?
        .pop()
        .map(|(_, row)| row))
}

/// The registrations these personal links belong to, by link, in a query for the links
/// that name their row and one for any made before. Links that match none are left out.
pub fn registration_rows_of(
    conn: &mut DbConnection,
    tokens: &[&str],
) -> QueryResult<Vec<(String, RegistrationRow)>> {
    let mut by_id: HashMap<i64, (&str, [u8; 16])> = HashMap::new();
    let mut by_hash: HashMap<String, &str> = HashMap::new();
    for &token in tokens.iter().filter(|token| looks_like_token(token)) {
        match parse_personal_link(token) {
            Some((id, secret)) => {
                by_id.insert(id, (token, secret));
            }
            None => {
                by_hash.insert(hash(token), token);
            }
        }
    }
    let mut found = Vec::with_capacity(tokens.len());
    if !by_id.is_empty() {
        let ids: Vec<i64> = by_id.keys().copied().collect();
        let rows: Vec<(i64, Option<String>, RegistrationRow)> =
            on_backend!(conn, |c| personal_tokens::table
                .inner_join(registrations::table)
                .filter(personal_tokens::id.eq_any(&ids))
                .select((
                    personal_tokens::id,
                    personal_tokens::secret_hash,
                    RegistrationRow::as_select()
                ))
                .load(c))?;
        for (id, stored, row) in rows {
            let (token, secret) = by_id[&id];
            if stored.is_some_and(|stored| same(&stored, &hex_sha256(&secret))) {
                found.push((token.to_owned(), row));
            }
        }
    }
    if !by_hash.is_empty() {
        let hashes: Vec<&String> = by_hash.keys().collect();
        let rows: Vec<(Option<String>, RegistrationRow)> =
            on_backend!(conn, |c| personal_tokens::table
                .inner_join(registrations::table)
                .filter(personal_tokens::token_hash.eq_any(&hashes))
                .select((personal_tokens::token_hash, RegistrationRow::as_select()))
                .load(c))?;
        for (stored, row) in rows {
            if let Some(token) = stored.and_then(|stored| by_hash.get(&stored)) {
                found.push(((*token).to_owned(), row));
            }
        }
    }
    Ok(found)
}

/// Deletes the personal links of these registrations.
pub fn forget_personal_of(
    conn: &mut DbConnection,
    registration_ids: &[RegistrationId],
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        personal_tokens::table.filter(personal_tokens::registration_id.eq_any(registration_ids))
    )
    .execute(c))
    .map(|_| ())
}

pub fn forget_personal(
    conn: &mut DbConnection,
    registration_id: RegistrationId,
) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        personal_tokens::table.filter(personal_tokens::registration_id.eq(registration_id))
    )
    .execute(c))
    .map(|_| ())
}

/// Makes a named organizer API token: its row, and the token in the clear, once.
pub fn create_api_token(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
    now: NaiveDateTime,
) -> QueryResult<(ApiTokenRow, String)> {
    let token = generate();
    let row = on_backend!(conn, |c| diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(hash(&token)),
            api_tokens::created_at.eq(now),
            api_tokens::role.eq(role),
        ))
        .returning((
            api_tokens::id,
            api_tokens::name,
            api_tokens::created_at,
            api_tokens::revoked_at,
            api_tokens::role,
        ))
        .get_result(c))?;
    Ok((row, token))
}

/// The id, name and role of the live API token with this value.
pub fn live_api_token(
    conn: &mut DbConnection,
    token: &str,
) -> QueryResult<Option<(i64, String, Role)>> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    on_backend!(conn, |c| api_tokens::table
        .filter(api_tokens::token_hash.eq(hash(token)))
        .filter(api_tokens::revoked_at.is_null())
        .select((api_tokens::id, api_tokens::name, api_tokens::role))
        .get_result(c)
        .optional())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_the_lowercase_hex_sha256_that_stored_links_were_written_with() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_personal_link_gives_back_its_row_and_secret() {
        let secret = *b"sixteen secret b";
        for id in [1, 255, 256, 1 << 40, i64::MAX] {
            let link = personal_link(id, &secret);
            assert_eq!(link.len(), LINK_CHARS);
            assert!(looks_like_token(&link), "{link}");
            assert_eq!(parse_personal_link(&link), Some((id, secret)));
        }
    }

    #[test]
    fn older_tokens_and_other_strings_are_not_read_as_row_and_secret() {
        let older = generate();
        assert_eq!(older.len(), 22);
        assert_eq!(parse_personal_link(&older), None);
        let link = personal_link(7, b"sixteen secret b");
        for other in [
            &link[1..],
            &format!("{link}A"),
            &link.replace(&link[..1], "*"),
        ] {
            assert_eq!(parse_personal_link(other), None, "{other}");
        }
    }

    #[test]
    fn secrets_compare_equal_only_when_equal() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
        assert!(!same("", "a"));
    }
}
