//! Personal link tokens and organizer API tokens. Only a SHA-256 hash of a token is
//! stored: the tokens are random (128 bits), so a fast hash suffices and a stolen database
//! yields no usable link.

use std::collections::HashMap;

use base64::Engine as _;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::registrations::RegistrationRow;
use super::schema::{api_tokens, personal_tokens, registrations};
use super::{insert_rows, DbConnection, QueryResult};
use crate::on_backend;

/// A new random token: 16 bytes, URL-safe base64 without padding (22 characters).
pub fn generate() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 of a token in lowercase hex, formatted in one go: a rush looks up and
/// makes thousands of links a second, and a `format!` per byte took 3.75 % of the writer's
/// profile samples.
pub fn hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
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
    pub token_hash: String,
    pub registration_id: i64,
    pub created_at: NaiveDateTime,
}

/// Makes a new personal link token for a registration; `insert_personal` writes it.
pub fn new_personal(registration_id: i64, now: NaiveDateTime) -> NewPersonalToken {
    let token = generate();
    NewPersonalToken {
        row: PersonalTokenRow {
            token_hash: hash(&token),
            registration_id,
            created_at: now,
        },
        token,
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
    if !looks_like_token(token) {
        return Ok(None);
    }
    on_backend!(conn, |c| personal_tokens::table
        .inner_join(registrations::table)
        .filter(personal_tokens::token_hash.eq(hash(token)))
        .select(RegistrationRow::as_select())
        .get_result(c)
        .optional())
}

/// The registrations these personal links belong to, in one query, by link. Links that
/// match none are left out.
pub fn registration_rows_of(
    conn: &mut DbConnection,
    tokens: &[&str],
) -> QueryResult<Vec<(String, RegistrationRow)>> {
    let by_hash: HashMap<String, &str> = tokens
        .iter()
        .filter(|token| looks_like_token(token))
        .map(|token| (hash(token), *token))
        .collect();
    if by_hash.is_empty() {
        return Ok(Vec::new());
    }
    let hashes: Vec<&String> = by_hash.keys().collect();
    let found: Vec<(String, RegistrationRow)> = on_backend!(conn, |c| personal_tokens::table
        .inner_join(registrations::table)
        .filter(personal_tokens::token_hash.eq_any(&hashes))
        .select((personal_tokens::token_hash, RegistrationRow::as_select()))
        .load(c))?;
    Ok(found
        .into_iter()
        .map(|(hash, row)| (by_hash[&hash].to_owned(), row))
        .collect())
}

pub fn forget_personal(conn: &mut DbConnection, registration_id: i64) -> QueryResult<()> {
    on_backend!(conn, |c| diesel::delete(
        personal_tokens::table.filter(personal_tokens::registration_id.eq(registration_id))
    )
    .execute(c))
    .map(|_| ())
}

/// Makes a named organizer API token and returns it in the clear, once.
pub fn create_api_token(
    conn: &mut DbConnection,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = generate();
    on_backend!(conn, |c| diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::name.eq(name),
            api_tokens::token_hash.eq(hash(&token)),
            api_tokens::created_at.eq(now),
        ))
        .execute(c))?;
    Ok(token)
}

/// The id of the live API token with this value.
pub fn api_token_id(conn: &mut DbConnection, token: &str) -> QueryResult<Option<i64>> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    on_backend!(conn, |c| api_tokens::table
        .filter(api_tokens::token_hash.eq(hash(token)))
        .filter(api_tokens::revoked_at.is_null())
        .select(api_tokens::id)
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
}
