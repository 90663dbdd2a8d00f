//! Running it for real: metrics, request logs, online backups of SQLite, and the erasure of
//! personal data after the retention period.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::common::{assert_invariants, Db, Server, BIN};
use serde_json::json;

fn metric(text: &str, name_and_labels: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name_and_labels))
        .and_then(|rest| rest.trim().parse().ok())
}

fn metrics_count_requests_registrations_and_the_outbox(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    server.join("ws", "ada@example.org", "in_person");
    server.join("ws", "bob@example.org", "in_person");
    server.get("/api/v1/events/ws");
    let response = server.http.get(server.url("/metrics")).send().unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = response.text().unwrap();
    assert!(
        metric(
            &text,
            "registrar_http_requests_total{method=\"GET\",route=\"/api/v1/events/{slug}\",status=\"200\"}"
        )
        .unwrap_or(0.0)
            >= 1.0,
        "{text}"
    );
    assert!(
        text.contains("registrar_http_request_duration_seconds_bucket"),
        "{text}"
    );
    // Routes are counted by pattern: a personal token never becomes a label.
    assert!(
        text.contains("route=\"/api/v1/me/{token}/confirm-email\""),
        "{text}"
    );
    assert_eq!(
        metric(&text, "registrar_registrations{state=\"confirmed\"}"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        metric(&text, "registrar_registrations{state=\"waitlisted\"}"),
        Some(1.0),
        "{text}"
    );
    assert!(
        metric(&text, "registrar_outbox_backlog").is_some(),
        "{text}"
    );
    assert!(
        metric(&text, "registrar_emails_delivered_total").unwrap_or(0.0) >= 2.0,
        "{text}"
    );
    assert_eq!(
        metric(&text, "registrar_email_delivery_failures_total"),
        Some(0.0)
    );
    assert_eq!(metric(&text, "registrar_database_up"), Some(1.0));
}

#[test]
fn each_request_is_one_json_log_line_with_its_request_id() {
    let db = Db::sqlite();
    let mut child = Command::new(BIN)
        .env("DATABASE_URL", &db.url)
        .env("REGISTRAR_BIND", "127.0.0.1:0")
        .env("REGISTRAR_OUTBOX_DIR", db.dir.path().join("outbox"))
        .env("REGISTRAR_DEMO", "false")
        .env("REGISTRAR_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("registrar exited").unwrap();
        if let Some(address) = line.strip_prefix("registrar listening on ") {
            break address.trim().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let response = reqwest::blocking::get(format!("{base}/r/some-secret-token-value-123")).unwrap();
    assert_eq!(response.status(), 404);
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let deadline = Instant::now() + Duration::from_secs(10);
    let line = loop {
        let line = receiver
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("no log line for the request");
        if line.contains(&id) {
            break line;
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    let entry: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
    assert_eq!(entry["fields"]["message"], "request", "{entry}");
    assert_eq!(entry["fields"]["status"], 404, "{entry}");
    assert_eq!(entry["span"]["id"], id, "{entry}");
    assert_eq!(entry["span"]["route"], "/r/{token}", "{entry}");
    assert!(
        !line.contains("some-secret-token-value"),
        "a personal token must not reach the log: {line}"
    );
}

fn backup(db_url: &str, path: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .args(["backup", &path.display().to_string()])
        .env("DATABASE_URL", db_url)
        .output()
        .unwrap()
}

#[test]
fn a_backup_taken_under_load_is_a_consistent_database() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    server.create_event("ws", 5, Some(0), "open");
    let joined = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    let restored = Db::sqlite();
    let copy = std::path::PathBuf::from(&restored.url);
    let before_backup = std::thread::scope(|scope| {
        for worker in 0..3 {
            let (server, joined, stop) = (&server, &joined, &stop);
            scope.spawn(move || {
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let email = format!("w{worker}-{i}@example.org");
                    let (status, _) = server.post(
                        "/api/v1/events/ws/entries",
                        json!({"email": email, "name": "W", "preference": "in_person", "consent": true}),
                    );
                    assert_eq!(status, 202);
                    joined.lock().unwrap().push(email);
                }
            });
        }
        std::thread::sleep(Duration::from_millis(500));
        let before = joined.lock().unwrap().clone();
        let output = backup(&db.url, &copy);
        std::thread::sleep(Duration::from_millis(200));
        stop.store(true, Ordering::SeqCst);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        before
    });
    assert!(!before_backup.is_empty());

    // A server on the copy finds everything acknowledged before the backup began.
    let server = Server::launch(&restored, server.token.clone(), &[]);
    let all = server.registrations("ws", "");
    for email in &before_backup {
        assert!(
            all.iter().any(|r| r["email"] == *email),
            "{email} is missing from the backup"
        );
    }
    assert_invariants(&server, "ws");

    // A backup never overwrites a file, and PostgreSQL has its own tools.
    let again = backup(&db.url, &copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let postgres = backup(
        "postgres://nobody@127.0.0.1:1/none",
        &db.dir.path().join("pg.db"),
    );
    assert!(!postgres.status.success());
}

fn personal_data_is_erased_after_the_retention_period(db: &Db) {
    let server = Server::start(db);
    server.create_event("old", 5, Some(5), "open");
    server.create_event("recent", 5, Some(5), "open");
    let (old_token, _) = server.join("old", "ada@example.org", "in_person");
    server.join("old", "bob@example.org", "virtual");
    let (recent_token, _) = server.join("recent", "cy@example.org", "in_person");
    let now = chrono::Utc::now();
    server.patch_event(
        "old",
        json!({"starts_at": (now - chrono::Duration::days(40)).to_rfc3339(),
               "ends_at": (now - chrono::Duration::days(39)).to_rfc3339()}),
    );
    server.patch_event(
        "recent",
        json!({"starts_at": (now - chrono::Duration::days(3)).to_rfc3339(),
               "ends_at": (now - chrono::Duration::days(2)).to_rfc3339()}),
    );
    let token = server.token.clone();
    drop(server);
    // Time passes: the registrations of the old event last changed when it was on.
    db.execute(
        "UPDATE registrations SET updated_at = {days_ago:40} \
         WHERE event_id = (SELECT id FROM events WHERE slug = 'old')",
    );

    let server = Server::launch(db, token, &[("REGISTRAR_RETENTION_DAYS", "30")]);
    let deadline = Instant::now() + Duration::from_secs(20);
    let old = loop {
        let old = server.registrations("old", "");
        if old.iter().all(|r| r["name"] == "(erased)") {
            break old;
        }
        assert!(Instant::now() < deadline, "not erased: {old:?}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(old.len(), 2, "the rows stay, so counts keep their shape");
    for row in &old {
        let email = row["email"].as_str().unwrap();
        assert!(email.ends_with("@erased.invalid"), "{email}");
        assert!(row["affiliation"].is_null());
    }
    let (status, _) = server.get(&format!("/api/v1/me/{old_token}"));
    assert_eq!(
        status, 404,
        "personal links of an erased event no longer work"
    );
    let (status, audit) = server.organizer_get("/api/v1/events/old/audit");
    assert_eq!(status, 200);
    let entries = audit["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["actor"] == "retention"), "{audit}");
    assert!(
        !audit.to_string().contains("ada@example.org"),
        "the audit log names no participant: {audit}"
    );

    // An event inside the retention period keeps everything.
    let recent = server.registrations("recent", "");
    assert_eq!(recent[0]["email"], "cy@example.org");
    assert_eq!(server.me(&recent_token)["email"], "cy@example.org");
}

/// An organizer who types a wrong year moves the event years into the past: the people who
/// registered minutes ago keep their data until a retention period after they last
/// changed anything.
fn moving_an_event_into_the_past_erases_nobody_who_registered_lately(db: &Db) {
    let server = Server::start(db);
    server.create_event("typo", 5, Some(5), "open");
    let (link, _) = server.join("typo", "ada@example.org", "in_person");
    let now = chrono::Utc::now();
    server.patch_event(
        "typo",
        json!({"starts_at": (now - chrono::Duration::days(2200)).to_rfc3339(),
               "ends_at": (now - chrono::Duration::days(2199)).to_rfc3339(),
               "confirm_past_retention": true}),
    );
    let token = server.token.clone();
    drop(server);
    let server = Server::launch(db, token, &[("REGISTRAR_RETENTION_DAYS", "30")]);
    // The retention job runs as the server starts: give it its turn.
    std::thread::sleep(Duration::from_secs(2));
    let rows = server.registrations("typo", "");
    assert_eq!(rows[0]["email"], "ada@example.org", "{rows:?}");
    assert_eq!(server.me(&link)["email"], "ada@example.org");
}

/// The confirmation email promises that an address not confirmed is deleted: after the
/// unconfirmed period the entry is gone from every table, with its email's file.
fn an_entry_never_confirmed_is_erased_from_every_table(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(5), "open");
    server.enter("ws", "ghost@example.org", "in_person");
    server.wait_for_email("ghost@example.org", 1);
    let (kept, _) = server.join("ws", "kept@example.org", "in_person");
    let files = || {
        std::fs::read_dir(&server.outbox)
            .unwrap()
            .filter_map(|f| f.ok())
            .filter(|f| {
                std::fs::read_to_string(f.path())
                    .is_ok_and(|text| text.contains("ghost@example.org"))
            })
            .count()
    };
    assert_eq!(files(), 1);
    let count_ghost = |table: &str, key: &str| {
        db.count(&format!(
            "SELECT COUNT(*) AS n FROM {table} WHERE {key} IN \
             (SELECT id FROM registrations WHERE email = 'ghost@example.org')"
        ))
    };
    assert_eq!(count_ghost("personal_tokens", "registration_id"), 1);
    assert_eq!(count_ghost("outbox", "registration_id"), 1);
    assert!(count_ghost("audit_entries", "registration_id") >= 1);
    let token = server.token.clone();
    let outbox = server.outbox.clone();
    drop(server);
    db.execute(
        "UPDATE registrations SET updated_at = {days_ago:31} WHERE email = 'ghost@example.org'",
    );

    let server = Server::launch(db, token, &[("REGISTRAR_UNCONFIRMED_DAYS", "30")]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while db.count("SELECT COUNT(*) AS n FROM registrations WHERE email = 'ghost@example.org'") > 0
    {
        assert!(
            Instant::now() < deadline,
            "the unconfirmed entry was not erased"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    for (table, column) in [("outbox", "recipient"), ("registrations", "email")] {
        assert_eq!(
            db.count(&format!(
                "SELECT COUNT(*) AS n FROM {table} WHERE {column} = 'ghost@example.org'"
            )),
            0,
            "{table}"
        );
    }
    assert_eq!(
        db.count(
            "SELECT COUNT(*) AS n FROM audit_entries WHERE registration_id IS NOT NULL \
             AND registration_id NOT IN (SELECT id FROM registrations)"
        ),
        0,
        "no audit row of a registration that is gone"
    );
    assert_eq!(
        db.count(
            "SELECT COUNT(*) AS n FROM personal_tokens \
             WHERE registration_id NOT IN (SELECT id FROM registrations)"
        ),
        0
    );
    let ghost_files = std::fs::read_dir(&outbox)
        .unwrap()
        .filter_map(|f| f.ok())
        .filter(|f| {
            std::fs::read_to_string(f.path()).is_ok_and(|text| text.contains("ghost@example.org"))
        })
        .count();
    assert_eq!(ghost_files, 0, "the email's file is removed");
    // A confirmed entry stays.
    assert_eq!(server.me(&kept)["email"], "kept@example.org");
}

fn a_newsletter_sign_up_never_confirmed_is_erased_with_its_emails(db: &Db) {
    let server = Server::start(db);
    for email in ["ghost@example.org", "kept@example.org"] {
        let response = server
            .http
            .post(server.url("/newsletter"))
            .form(&[("email", email), ("consent", "yes")])
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let link = server.wait_for_email("kept@example.org", 1)[0].text.clone();
    let token: String = link
        .split("/newsletter/confirm/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let confirmed = server
        .http
        .get(server.url(&format!("/newsletter/confirm/{token}")))
        .send()
        .unwrap();
    assert_eq!(confirmed.status(), 200);
    server.wait_for_email("ghost@example.org", 1);
    let (api_token, outbox) = (server.token.clone(), server.outbox.clone());
    drop(server);
    db.execute(
        "UPDATE newsletter_subscribers SET created_at = {days_ago:31};
         UPDATE newsletter_tokens SET created_at = {days_ago:31};
         UPDATE outbox SET created_at = {days_ago:31};",
    );

    let _server = Server::launch(db, api_token, &[("REGISTRAR_UNCONFIRMED_DAYS", "30")]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while db
        .count("SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE email = 'ghost@example.org'")
        > 0
    {
        assert!(
            Instant::now() < deadline,
            "the unconfirmed sign-up was not erased"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM newsletter_tokens WHERE subscriber_id NOT IN (SELECT id FROM newsletter_subscribers)"),
        0,
        "no link of a sign-up that is gone"
    );
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM outbox WHERE kind LIKE 'newsletter%'"),
        0,
        "newsletter emails older than the period are gone"
    );
    let files = std::fs::read_dir(&outbox)
        .unwrap()
        .filter_map(|f| f.ok())
        .filter(|f| {
            std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains("ghost@example.org"))
        })
        .count();
    assert_eq!(files, 0, "their files too");
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE email = 'kept@example.org' AND confirmed_at IS NOT NULL"),
        1,
        "a confirmed subscriber stays"
    );
}

/// Emails written to the outbox folder are marked sent together, not one by one: in the
/// end every one of them is marked, the last ones of each round too, with one file each.
fn every_email_written_to_the_folder_is_marked_sent(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let people = 120; // more than two claims' worth
    for i in 0..people {
        server.enter("ws", &format!("person{i}@example.org"), "either");
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let text = server
            .http
            .get(server.url("/metrics"))
            .send()
            .unwrap()
            .text()
            .unwrap();
        let backlog = metric(&text, "registrar_outbox_backlog");
        if server.emails().len() == people && backlog == Some(0.0) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{} emails written, backlog {backlog:?}",
            server.emails().len()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let files = std::fs::read_dir(&server.outbox).unwrap().count();
    assert_eq!(files, people, "one file per email");

    // Each row records the delivery of its own email, and keeps no body or link.
    let subjects: HashMap<i64, String> = server
        .emails()
        .into_iter()
        .map(|email| {
            let id = email.message_id["<outbox-".len()..]
                .split('-')
                .next()
                .and_then(|id| id.parse().ok())
                .expect("the outbox id in the Message-ID");
            (id, email.subject)
        })
        .collect();
    let rows: Vec<SentRow> = query(
        db,
        "SELECT id, status, subject, attempts, \
         CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END AS has_sent_at, \
         CASE WHEN body_text IS NULL AND link IS NULL AND claimed_until IS NULL \
         THEN 1 ELSE 0 END AS is_cleared \
         FROM outbox ORDER BY id",
    );
    assert_eq!(rows.len(), people);
    for row in rows {
        assert_eq!(row.status, "sent", "{row:?}");
        assert_eq!(Some(&row.subject), subjects.get(&row.id), "{row:?}");
        assert_eq!(row.attempts, 1, "{row:?}");
        assert_eq!((row.has_sent_at, row.is_cleared), (1, 1), "{row:?}");
    }
}

#[derive(Debug, diesel::QueryableByName)]
struct SentRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    status: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    subject: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    has_sent_at: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    is_cleared: i32,
}

/// The rows of a query on the server's database, through a connection of the mail
/// worker's pool.
fn query<T>(db: &Db, sql: &str) -> Vec<T>
where
    T: diesel::QueryableByName<diesel::pg::Pg>
        + diesel::QueryableByName<diesel::sqlite::Sqlite>
        + 'static,
{
    use diesel::RunQueryDsl;
    use registrar::store::{mail_pool, DbConnection};

    let pool = mail_pool(&db.url).expect("a pool");
    let mut conn = pool.get().expect("a connection");
    match &mut *conn {
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c),
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c),
    }
    .expect(sql)
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// The mail worker's connection commits without waiting for the disk, and on PostgreSQL
/// plans each statement for the ids it is given: a generic plan made while the tables
/// were nearly empty read the whole table of registrations for every claim of a rush.
fn the_mail_workers_connection_has_settings_of_its_own(db: &Db) {
    let setting = |sql: &str| -> String {
        let rows: Vec<Setting> = query(db, sql);
        rows.into_iter().next().expect("one row").value
    };
    if db.is_postgres() {
        let commit = setting("SELECT current_setting('synchronous_commit') AS value");
        assert_eq!(commit, "off");
        let plans = setting("SELECT current_setting('plan_cache_mode') AS value");
        assert_eq!(plans, "force_custom_plan");
    } else {
        // 1 is NORMAL: the log is synced at checkpoints, not at every commit.
        let sync = setting("SELECT CAST(synchronous AS TEXT) AS value FROM pragma_synchronous");
        assert_eq!(sync, "1");
    }
}

on_both_databases!(
    metrics_count_requests_registrations_and_the_outbox,
    personal_data_is_erased_after_the_retention_period,
    moving_an_event_into_the_past_erases_nobody_who_registered_lately,
    an_entry_never_confirmed_is_erased_from_every_table,
    a_newsletter_sign_up_never_confirmed_is_erased_with_its_emails,
    every_email_written_to_the_folder_is_marked_sent,
    the_mail_workers_connection_has_settings_of_its_own,
);
