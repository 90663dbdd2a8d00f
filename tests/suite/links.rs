//! Personal links: a link names its row and carries a secret, links sent before links
//! named their row keep working after the upgrade, and a link with any part changed opens
//! nothing.

use crate::common::{Db, Server};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use diesel::Connection;
use diesel_migrations::{FileBasedMigrations, MigrationHarness};
use serde_json::json;
use sha2::{Digest, Sha256};

/// A link as emails carried them before links named their row: 22 characters, random
/// through and through, stored as the SHA-256 of the whole link.
const OLD_LINK: &str = "Xq3vN0b7kTz-Lw9_pR2sYa";

/// The schema as it stood before links named their row, with one person who joined then
/// and has not confirmed yet, holding `OLD_LINK`.
fn database_from_before(db: &Db) {
    let backend = if db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let migrations = FileBasedMigrations::from_path(format!(
        "{}/migrations/{backend}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the migrations folder");
    // Joined yesterday: an entry unconfirmed for longer is erased at start-up.
    let joined = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();
    let seed = format!(
        "INSERT INTO events (slug, title, starts_at, ends_at, timezone, in_person_capacity,
             phase, offer_window_hours, invitation_window_days, auto_confirm, created_at,
             updated_at)
         VALUES ('before', 'Before', '2099-01-01 09:00:00', '2099-01-01 17:00:00',
             'Europe/Amsterdam', 10, 'open', 48, 14, FALSE, '{joined}', '{joined}');
         INSERT INTO registrations (event_id, email, name, preference, status, created_at,
             updated_at)
         VALUES (1, 'early@example.org', 'Early Bird', 'in_person', 'pending_email',
             '{joined}', '{joined}');
         INSERT INTO personal_tokens (token_hash, registration_id, created_at)
         VALUES ('{:x}', 1, '{joined}');",
        Sha256::digest(OLD_LINK.as_bytes())
    );
    if db.is_postgres() {
        let mut conn = diesel::PgConnection::establish(&db.url).unwrap();
        migrate_and_seed(&mut conn, migrations, &seed);
    } else {
        let mut conn = diesel::SqliteConnection::establish(&db.url).unwrap();
        migrate_and_seed(&mut conn, migrations, &seed);
    }
}

/// Runs the migrations up to the last one before links named their row, then `seed`.
fn migrate_and_seed<C>(conn: &mut C, migrations: FileBasedMigrations, seed: &str)
where
    C: Connection + MigrationHarness<C::Backend>,
{
    let before = 4;
    for _ in 0..before {
        conn.run_next_migration(migrations.clone()).unwrap();
    }
    conn.batch_execute(seed).unwrap();
}

fn links_sent_before_the_upgrade_still_work(db: &Db) {
    database_from_before(db);
    let server = Server::start(db);

    let me = server.me(OLD_LINK);
    assert_eq!(me["email"], "early@example.org", "{me}");
    assert_eq!(me["status"], "pending_email", "{me}");
    let (status, me) = server.post(&format!("/api/v1/me/{OLD_LINK}/confirm-email"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed", "{me}");

    // The confirmation carries a link of the new kind, which works too.
    let emails = server.wait_for_email("early@example.org", 1);
    let new_link = emails.last().unwrap().token.clone().unwrap();
    assert_eq!(new_link.len(), 32, "{new_link}");
    assert_eq!(server.me(&new_link)["status"], "confirmed");
    assert_eq!(server.me(OLD_LINK)["status"], "confirmed");
}

/// `link` with the character at `at` replaced by another one of the alphabet.
fn changed_at(link: &str, at: usize) -> String {
    let mut bytes = link.as_bytes().to_vec();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

fn a_link_with_any_part_changed_opens_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("links", 10, None, "open");
    server.enter("links", "first@example.org", "in_person");
    server.enter("links", "second@example.org", "in_person");
    let first = server.wait_for_email("first@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    let second = server.wait_for_email("second@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    assert_eq!(first.len(), 32, "{first}");

    // A link is its row's id (8 bytes) and the secret (16 bytes), in base64.
    let decode = |link: &str| URL_SAFE_NO_PAD.decode(link).unwrap();
    let (first_bytes, second_bytes) = (decode(&first), decode(&second));
    let second_row_first_secret = [&second_bytes[..8], &first_bytes[8..]].concat();
    let forged = [
        changed_at(&first, 5),
        changed_at(&first, 20),
        changed_at(&first, 31),
        URL_SAFE_NO_PAD.encode(second_row_first_secret),
    ];
    for link in &forged {
        let (status, body) = server.get(&format!("/api/v1/me/{link}"));
        assert_eq!(status, 404, "{link}: {body}");
        let (status, body) = server.post(&format!("/api/v1/me/{link}/confirm-email"), json!({}));
        assert_eq!(status, 404, "{link}: {body}");
    }
    for person in server.registrations("links", "") {
        assert_eq!(person["status"], "pending_email", "{person}");
    }

    // The links themselves still work, each for its own person.
    assert_eq!(server.me(&first)["email"], "first@example.org");
    assert_eq!(server.me(&second)["email"], "second@example.org");
}

on_both_databases!(
    links_sent_before_the_upgrade_still_work,
    a_link_with_any_part_changed_opens_nothing,
);
