//! Test helpers: a database per test (a SQLite file, or a fresh PostgreSQL database when
//! `TEST_DATABASE_URL` is set), the real `registrar` binary started on a free port, a small
//! HTTP client, and the emails it wrote to its outbox folder.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
pub mod smtp;
pub mod under_load;

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::Connection;
use serde_json::{json, Value};

/// A database for one test; PostgreSQL ones are dropped at the end.
pub struct Db {
    pub url: String,
    pub dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Db {
    pub fn sqlite() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = dir.path().join("registrar.db").display().to_string();
        Db {
            url,
            dir,
            postgres: None,
        }
    }

    /// A fresh database on the server of `TEST_DATABASE_URL`. The tests that call this are
    /// ignored by default; run without the variable, they fail rather than pass unrun.
    pub fn postgres() -> Db {
        let admin = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
            panic!(
                "this test needs TEST_DATABASE_URL, a PostgreSQL server to make its database on \
                 (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)"
            )
        });
        let name = format!(
            "registrar_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            rand_suffix()
        );
        let mut conn =
            diesel::PgConnection::establish(&admin).expect("connecting to TEST_DATABASE_URL");
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("creating a test database");
        let base = admin
            .rsplit_once('/')
            .map(|(base, _)| base)
            .unwrap_or(&admin);
        let url = format!("{base}/{name}");
        Db {
            url,
            dir: tempfile::tempdir().expect("temp dir"),
            postgres: Some((admin, name)),
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.postgres.is_some()
    }

    /// Runs SQL on the database directly, as time passing or a broken row would change
    /// it; `{days_ago:N}` stands for the time N days ago in the backend's own words.
    pub fn execute(&self, sql: &str) {
        let sql = self.with_times(sql);
        if self.is_postgres() {
            let mut conn = diesel::PgConnection::establish(&self.url).expect("connecting");
            conn.batch_execute(&sql).expect("the SQL runs");
        } else {
            let mut conn = diesel::SqliteConnection::establish(&self.url).expect("connecting");
            // The server may hold the write lock for a moment: wait for it, as it waits.
            conn.batch_execute("PRAGMA busy_timeout = 10000")
                .expect("setting busy_timeout");
            conn.batch_execute(&sql).expect("the SQL runs");
        }
    }

    /// Waits until the mail worker has no email left to send, so a snapshot taken next
    /// shows what a request did rather than the worker's progress.
    pub fn wait_for_the_outbox(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'") > 0 {
            assert!(std::time::Instant::now() < deadline, "emails still pending");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// The number the SQL counts (`SELECT COUNT(*) AS n …`).
    pub fn count(&self, sql: &str) -> i64 {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let query = diesel::sql_query(self.with_times(sql));
        let found: Count = if self.is_postgres() {
            let mut conn = diesel::PgConnection::establish(&self.url).expect("connecting");
            query.get_result(&mut conn).expect("the count")
        } else {
            let mut conn = diesel::SqliteConnection::establish(&self.url).expect("connecting");
            query.get_result(&mut conn).expect("the count")
        };
        found.n
    }

    /// Every row of every table, as text, in a stable order: two snapshots are equal
    /// exactly when nothing was stored, changed or deleted in between.
    pub fn snapshot(&self) -> Vec<String> {
        let tables = if self.is_postgres() {
            "SELECT table_name AS r FROM information_schema.tables \
             WHERE table_schema = 'public' ORDER BY 1"
        } else {
            "SELECT name AS r FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        };
        let mut rows = Vec::new();
        for table in self.texts(tables) {
            let query = if self.is_postgres() {
                format!("SELECT t::text AS r FROM {table} t ORDER BY 1")
            } else {
                let columns = self.texts(&format!(
                    "SELECT name AS r FROM pragma_table_info('{table}') ORDER BY cid"
                ));
                let row = columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || ',' || ");
                format!("SELECT {row} AS r FROM \"{table}\" ORDER BY 1")
            };
            rows.extend(
                self.texts(&query)
                    .into_iter()
                    .map(|r| format!("{table}: {r}")),
            );
        }
        rows
    }

    /// The one text column `r` of each row the SQL selects.
    fn texts(&self, sql: &str) -> Vec<String> {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct Text {
            #[diesel(sql_type = diesel::sql_types::Text)]
            r: String,
        }
        let query = diesel::sql_query(sql);
        let found: Vec<Text> = if self.is_postgres() {
            let mut conn = diesel::PgConnection::establish(&self.url).expect("connecting");
            query.load(&mut conn).expect("the rows")
        } else {
            let mut conn = diesel::SqliteConnection::establish(&self.url).expect("connecting");
            query.load(&mut conn).expect("the rows")
        };
        found.into_iter().map(|t| t.r).collect()
    }

    fn with_times(&self, sql: &str) -> String {
        let mut sql = sql.to_owned();
        while let Some(start) = sql.find("{days_ago:") {
            let end = start + sql[start..].find('}').expect("a closing brace");
            let days: i64 = sql[start + 10..end].parse().expect("a number of days");
            let time = if self.is_postgres() {
                format!("(now() AT TIME ZONE 'UTC' - interval '{days} days')")
            } else {
                format!("datetime('now', '-{days} days')")
            };
            sql.replace_range(start..=end, &time);
        }
        sql
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres {
            if let Ok(mut conn) = diesel::PgConnection::establish(admin) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// Generates one test per database from a function taking `&Db`; the PostgreSQL ones are
/// ignored unless asked for, so a machine without the server reports them as not run.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(&$crate::common::Db::sqlite()) } )+
        }
        mod postgres {
            $(
                #[test]
                #[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
                fn $name() { super::$name(&$crate::common::Db::postgres()) }
            )+
        }
    };
}

pub const BIN: &str = env!("CARGO_BIN_EXE_registrar");

/// Makes an organizer API token with the command line, as an organizer would.
pub fn api_token(db: &Db) -> String {
    let output = Command::new(BIN)
        .args(["token", "create", "--name", "tests"])
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running registrar token create");
    assert!(
        output.status.success(),
        "token create failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned()
}

pub struct Server {
    child: Child,
    pub base: String,
    pub token: String,
    pub outbox: PathBuf,
    pub http: reqwest::blocking::Client,
}

impl Server {
    pub fn start(db: &Db) -> Server {
        Server::start_with(db, &[])
    }

    pub fn start_with(db: &Db, env: &[(&str, &str)]) -> Server {
        let token = api_token(db);
        Server::launch(db, token, env)
    }

    /// Starts another instance on the same database with the same token.
    pub fn launch(db: &Db, token: String, env: &[(&str, &str)]) -> Server {
        let outbox = db.dir.path().join("outbox");
        let mut command = Command::new(BIN);
        command
            .env("DATABASE_URL", &db.url)
            .env("REGISTRAR_BIND", "127.0.0.1:0")
            .env("REGISTRAR_OUTBOX_DIR", &outbox)
            .env("REGISTRAR_DEMO", "false")
            .env("REGISTRAR_SWEEP_SECONDS", "1")
            .env("REGISTRAR_RATE_LIMITS", "off")
            .env("RUST_LOG", "warn")
            .env_remove("REGISTRAR_SMTP_URL")
            .env_remove("REGISTRAR_PUBLIC_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("starting registrar");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("registrar exited before listening")
                .unwrap();
            if let Some(address) = line.strip_prefix("registrar listening on ") {
                break address.trim().to_owned();
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        Server {
            child,
            base,
            token,
            outbox,
            http,
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn send(&self, request: reqwest::blocking::RequestBuilder) -> (u16, Value) {
        let response = request.send().expect("request failed");
        let status = response.status().as_u16();
        let text = response.text().unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, body)
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.http.get(self.url(path)))
    }

    pub fn organizer_get(&self, path: &str) -> (u16, Value) {
        self.send(self.http.get(self.url(path)).bearer_auth(&self.token))
    }

    pub fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.http.post(self.url(path)).json(&body))
    }

    pub fn delete(&self, path: &str) -> (u16, Value) {
        self.send(self.http.delete(self.url(path)))
    }

    pub fn organizer(&self, method: reqwest::Method, path: &str, body: Value) -> (u16, Value) {
        self.send(
            self.http
                .request(method, self.url(path))
                .bearer_auth(&self.token)
                .json(&body),
        )
    }

    /// Creates an event that starts in 30 days.
    pub fn create_event(
        &self,
        slug: &str,
        in_person: u32,
        virtual_capacity: Option<u32>,
        phase: &str,
    ) -> Value {
        let starts = chrono::Utc::now() + chrono::Duration::days(30);
        let (status, body) = self.organizer(
            reqwest::Method::POST,
            "/api/v1/events",
            json!({
                "slug": slug,
                "title": format!("Event {slug}"),
                "starts_at": starts.to_rfc3339(),
                "ends_at": (starts + chrono::Duration::hours(8)).to_rfc3339(),
                "timezone": "Europe/Amsterdam",
                "venue": "Room 1",
                "meeting_url": "https://meet.example.org/room",
                "in_person_capacity": in_person,
                "virtual_capacity": virtual_capacity,
                "phase": phase,
            }),
        );
        assert_eq!(status, 201, "creating the event: {body}");
        body
    }

    pub fn patch_event(&self, slug: &str, body: Value) -> Value {
        let (status, answer) = self.organizer(
            reqwest::Method::PATCH,
            &format!("/api/v1/events/{slug}"),
            body,
        );
        assert_eq!(status, 200, "patching the event: {answer}");
        answer
    }

    pub fn registrations(&self, slug: &str, query: &str) -> Vec<Value> {
        let (status, body) =
            self.organizer_get(&format!("/api/v1/events/{slug}/registrations{query}"));
        assert_eq!(status, 200, "{body}");
        body["registrations"].as_array().unwrap().clone()
    }

    pub fn seats(&self, slug: &str) -> Value {
        let (status, body) = self.get(&format!("/api/v1/events/{slug}"));
        assert_eq!(status, 200, "{body}");
        body["seats"].clone()
    }

    /// Joins the public line; the address is left unconfirmed.
    pub fn enter(&self, slug: &str, email: &str, preference: &str) {
        let (status, body) = self.post(
            &format!("/api/v1/events/{slug}/entries"),
            json!({"email": email, "name": format!("Person {email}"), "preference": preference, "consent": true}),
        );
        assert_eq!(status, 202, "{body}");
    }

    /// Joins the public line and confirms the address with the link from the email.
    pub fn join(&self, slug: &str, email: &str, preference: &str) -> (String, Value) {
        self.enter(slug, email, preference);
        let token = self
            .wait_for_email(email, 1)
            .last()
            .unwrap()
            .token
            .clone()
            .unwrap();
        let (status, me) = self.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
        assert_eq!(status, 200, "{me}");
        (token, me)
    }

    pub fn invite(&self, slug: &str, email: &str, mode: &str) -> String {
        let (status, body) = self.organizer(
            reqwest::Method::POST,
            &format!("/api/v1/events/{slug}/invitations"),
            json!({"invitees": [{"email": email, "name": "Invitee", "mode": mode}]}),
        );
        assert_eq!(status, 201, "{body}");
        self.wait_for_email(email, 1)
            .last()
            .unwrap()
            .token
            .clone()
            .unwrap()
    }

    pub fn me(&self, token: &str) -> Value {
        let (status, body) = self.get(&format!("/api/v1/me/{token}"));
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Every email written to the outbox folder so far, oldest first.
    pub fn emails(&self) -> Vec<Email> {
        read_outbox(&self.outbox)
    }

    pub fn emails_to(&self, address: &str) -> Vec<Email> {
        self.emails()
            .into_iter()
            .filter(|e| e.to == address)
            .collect()
    }

    /// Waits until `address` has at least `count` emails and returns them.
    pub fn wait_for_email(&self, address: &str, count: usize) -> Vec<Email> {
        wait_for_emails(address, count, || self.emails_to(address))
    }
}

/// Looks at `found` until it holds at least `count` emails to `address` (30 s at most).
pub fn wait_for_emails<T>(
    address: &str,
    count: usize,
    mut found: impl FnMut() -> Vec<T>,
) -> Vec<T> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = found();
        if found.len() >= count {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "{address} got {} of {count} emails",
            found.len()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Debug, Clone)]
pub struct Email {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub message_id: String,
    /// The decoded message (quoted-printable soft breaks removed).
    pub text: String,
    pub token: Option<String>,
}

pub fn read_outbox(dir: &std::path::Path) -> Vec<Email> {
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect(),
        Err(_) => return Vec::new(),
    };
    files.sort();
    files
        .iter()
        .map(|path| {
            parse_email(
                &path.display().to_string(),
                &std::fs::read_to_string(path).unwrap(),
            )
        })
        .collect()
}

pub fn parse_email(file: &str, raw: &str) -> Email {
    let unfolded = raw.replace("\r\n", "\n");
    let header_end = unfolded.find("\n\n").unwrap_or(unfolded.len());
    let headers = unfolded[..header_end].replace("\n ", " ");
    let header = |name: &str| {
        headers
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let text = unfolded.replace("=\n", "").replace("=3D", "=");
    let token = text.split("/r/").nth(1).map(|rest| {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
    });
    let to = header("To");
    let to = to
        .rsplit_once('<')
        .map(|(_, a)| a.trim_end_matches('>').to_owned())
        .unwrap_or(to);
    Email {
        file: file.to_owned(),
        to,
        subject: header("Subject"),
        message_id: header("Message-ID"),
        text,
        token,
    }
}

/// Checks invariants 1-3 of SPEC.md on what the API shows for an event: no mode holds more
/// seats than it has, no seat is free while someone waits for it (in a mode whose phase is
/// open or closed),
/// and the waiting line is numbered 1..n without gaps or repeats.
pub fn assert_invariants(server: &Server, slug: &str) {
    let (status, event) = server.organizer_get(&format!("/api/v1/events/{slug}"));
    assert_eq!(status, 200, "{event}");
    for mode in ["in_person", "virtual"] {
        let seats = &event["seats"][mode];
        if let Some(capacity) = seats["capacity"].as_u64() {
            assert!(
                seats["held"].as_u64().unwrap() <= capacity,
                "{mode} overbooked: {seats}"
            );
            // Each mode's own phase: the event's, or the virtual seats' when they have one.
            if matches!(seats["phase"].as_str(), Some("open" | "closed"))
                && seats["free"].as_u64().unwrap() > 0
            {
                assert_eq!(
                    seats["waiting"], 0,
                    "{mode} has a free seat while people wait: {seats}"
                );
            }
        }
    }
    let waiting = server.registrations(slug, "?status=waitlisted");
    let positions: Vec<u64> = waiting
        .iter()
        .map(|r| {
            r["position"]
                .as_u64()
                .expect("a waitlisted entry has a position")
        })
        .collect();
    let expected: Vec<u64> = (1..=waiting.len() as u64).collect();
    assert_eq!(positions, expected, "positions must be 1..n in line order");
}

/// How many routes of these methods `src/web` registers (`web::get()` and the like), so that
/// a table of routes in a test can be checked for completeness.
pub fn routes_registered(methods: &[&str]) -> usize {
    fn count(dir: &std::path::Path, methods: &[&str]) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .map(|path| {
                if path.is_dir() {
                    count(&path, methods)
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    methods
                        .iter()
                        .map(|m| text.matches(&format!("web::{m}()")).count())
                        .sum()
                }
            })
            .sum()
    }
    count(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"),
        methods,
    )
}
