//! Organizer accounts: passwords (argon2), one-time links to set one, the sessions'
//! shared key and their end, organizer API tokens and calendar feed links (each stored
//! hashed, shown once).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine as _;
use chrono::{Duration, Utc};

use crate::domain::{normalise_email, Email, Role};
use crate::reads::{ApiToken, CalendarFeed};
pub use crate::store::organizers::OrganizerRow as Organizer;
pub use crate::store::organizers::TeamChange;
use crate::store::{calendar_feeds, organizers, tokens, DbConnection, QueryResult};

/// How long a link to set a password works.
pub const LINK_DAYS: i64 = 3;
pub const MIN_PASSWORD: usize = 10;
pub const MAX_PASSWORD: usize = 1000;
pub const TOKEN_NAME_MAX: usize = 100;

/// A new random secret (128 bits, URL-safe), for CSRF tokens and the like.
pub fn new_secret() -> String {
    tokens::generate()
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    tokens::same(a, b)
}

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash checked when the address is unknown, so an unknown address takes as long to
/// refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("not a password anyone has").unwrap_or_default())
}

/// The key that encrypts session cookies, shared by every instance and made on first use.
pub fn session_key(
    conn: &mut DbConnection,
    make: impl FnOnce() -> Vec<u8>,
) -> anyhow::Result<Vec<u8>> {
    let encoded = organizers::secret(conn, "session_key", || {
        base64::engine::general_purpose::STANDARD.encode(make())
    })?;
    Ok(base64::engine::general_purpose::STANDARD.decode(encoded)?)
}

pub fn organizer(conn: &mut DbConnection, id: i64) -> QueryResult<Option<Organizer>> {
    organizers::by_id(conn, id)
}

/// The organizer with this address and password, if both are right.
pub fn check_password(
    conn: &mut DbConnection,
    email: &str,
    password: &str,
) -> QueryResult<Option<Organizer>> {
    let organizer = organizers::by_email(conn, &normalise_email(email))?;
    let hash = organizer
        .as_ref()
        .and_then(|o| o.password_hash.clone())
        .unwrap_or_else(|| decoy_hash().to_owned());
    let ok = verify(password, &hash)
        && organizer
            .as_ref()
            .is_some_and(|o| o.password_hash.is_some());
    Ok(organizer.filter(|_| ok))
}

/// Ends every session of an organizer issued before now.
pub fn end_sessions(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    organizers::end_sessions(conn, id, Utc::now().naive_utc())
}

/// The organizer a live one-time link belongs to.
pub fn link_owner(conn: &mut DbConnection, token: &str) -> QueryResult<Option<Organizer>> {
    organizers::link_owner(conn, token, Utc::now().naive_utc())
}

/// What setting a password from a link came to.
pub enum PasswordSet {
    /// Set; the organizer's id.
    Set(i64),
    /// The link works but the password does not do: the address and why.
    Refused { email: String, problem: String },
    /// The link is unknown, used or expired.
    DeadLink,
}

/// Why a new password cannot be taken, if it cannot.
pub fn password_problem(password: &str, repeat: &str) -> Option<String> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        Some(format!(
            "The password must have at least {MIN_PASSWORD} characters."
        ))
    } else if length > MAX_PASSWORD {
        Some(format!(
            "The password must have at most {MAX_PASSWORD} characters."
        ))
    } else if password != repeat {
        Some("The two passwords are not the same.".to_owned())
    } else {
        None
    }
}

/// Uses up a one-time link to set a password; every earlier session ends.
pub fn set_password(
    conn: &mut DbConnection,
    token: &str,
    password: &str,
    repeat: &str,
) -> anyhow::Result<PasswordSet> {
    let now = Utc::now().naive_utc();
    let Some(organizer) = organizers::link_owner(conn, token, now)? else {
        return Ok(PasswordSet::DeadLink);
    };
    if let Some(problem) = password_problem(password, repeat) {
        return Ok(PasswordSet::Refused {
            email: organizer.email,
            problem,
        });
    }
    let hash = hash_password(password)?;
    Ok(
        match organizers::set_password_with_link(conn, token, &hash, now)? {
            Some(id) => PasswordSet::Set(id),
            None => PasswordSet::DeadLink,
        },
    )
}

/// Makes (or finds) an organizer, with `role` when new, and a one-time link to set their
/// password.
pub fn invite_organizer(
    conn: &mut DbConnection,
    email: &str,
    role: Role,
    public_url: &str,
) -> anyhow::Result<String> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("the address {email:?} {e}"))?;
    let now = Utc::now().naive_utc();
    let id = organizers::ensure(conn, email.as_str(), role, now)?;
    let token = organizers::mint_link(conn, id, now + Duration::days(LINK_DAYS))?;
    Ok(format!("{public_url}/organizer/welcome/{token}"))
}

/// The team: every organizer, by address.
pub fn team(conn: &mut DbConnection) -> QueryResult<Vec<Organizer>> {
    organizers::all(conn)
}

/// Gives a member of the team another role, or removes them (`None`); never the last
/// owner. The team's log names `actor`.
pub fn change_member(
    conn: &mut DbConnection,
    id: i64,
    role: Option<Role>,
    actor: &str,
) -> QueryResult<TeamChange> {
    organizers::change_member(conn, id, role, actor)
}

/// How many organizers can sign in (have set a password).
pub fn organizers_signed_up(conn: &mut DbConnection) -> QueryResult<i64> {
    organizers::count_signed_up(conn)
}

/// A token's name as given, trimmed; or what is wrong with it ("must be …").
pub fn token_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > TOKEN_NAME_MAX {
        Err(format!("must be 1 to {TOKEN_NAME_MAX} characters"))
    } else {
        Ok(name.to_owned())
    }
}

/// A new API token: its row, and the token in the clear (the only time it is known).
pub struct NewApiToken {
    pub row: ApiToken,
    pub token: String,
}

/// Makes a named organizer API token with a role and returns it in the clear, once.
pub fn create_api_token(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
) -> QueryResult<NewApiToken> {
    let (row, token) = tokens::create_api_token(conn, name, role, Utc::now().naive_utc())?;
    Ok(NewApiToken { row, token })
}

pub fn api_tokens(conn: &mut DbConnection) -> QueryResult<Vec<ApiToken>> {
    crate::store::dashboard::api_tokens(conn)
}

/// What revoking an API token came to.
pub enum TokenRevoked {
    /// Revoked now; the token as it stands.
    Now(ApiToken),
    /// It was revoked before: nothing changed.
    Already(ApiToken),
    Unknown,
}

/// Revokes a live API token.
pub fn revoke_api_token(conn: &mut DbConnection, id: i64) -> QueryResult<TokenRevoked> {
    let revoked = crate::store::dashboard::revoke_api_token(conn, id, Utc::now().naive_utc())?;
    Ok(match crate::store::dashboard::api_token(conn, id)? {
        Some(row) if revoked => TokenRevoked::Now(row),
        Some(row) => TokenRevoked::Already(row),
        None => TokenRevoked::Unknown,
    })
}

/// The id, name and role of the live API token with this value.
pub fn live_api_token(
    conn: &mut DbConnection,
    token: &str,
) -> QueryResult<Option<(i64, String, Role)>> {
    tokens::live_api_token(conn, token)
}

/// The organizer's live link to the calendar feed (the secret itself is not kept).
pub fn calendar_feed(
    conn: &mut DbConnection,
    organizer_id: i64,
) -> QueryResult<Option<CalendarFeed>> {
    calendar_feeds::live_of(conn, organizer_id)
}

/// A new secret link to the calendar feed, which revokes the organizer's earlier one; the
/// secret is returned in the clear, once.
pub fn create_calendar_feed(conn: &mut DbConnection, organizer_id: i64) -> QueryResult<String> {
    calendar_feeds::replace(conn, organizer_id, Utc::now().naive_utc())
}

/// Revokes the organizer's link to the calendar feed; false when none was live.
pub fn revoke_calendar_feed(conn: &mut DbConnection, organizer_id: i64) -> QueryResult<bool> {
    calendar_feeds::revoke(conn, organizer_id, Utc::now().naive_utc())
}

/// The organizer whose live calendar feed link has this secret.
pub fn calendar_feed_owner(conn: &mut DbConnection, secret: &str) -> QueryResult<Option<i64>> {
    calendar_feeds::owner(conn, secret)
}
