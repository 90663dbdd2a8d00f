//! PostgreSQL stopped and started again under load: requests during the outage get a 503
//! with a retry hint, never a 500, and the server recovers by itself. Stopping the database
//! server disturbs every other PostgreSQL test, so this is a test binary of its own, which
//! CI runs alone after the others (`cargo test --test pg_restart -- --ignored`).

mod common;

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::{assert_invariants, Db, Server};
use serde_json::json;

/// The local cluster's version (its folder under /etc/postgresql), when this machine can
/// stop and start it.
fn local_cluster() -> Option<String> {
    let versions: Vec<String> = std::fs::read_dir("/etc/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let found = Command::new("pg_ctlcluster").arg("--help").output().is_ok();
    match (versions.as_slice(), found) {
        ([version], true) => Some(version.clone()),
        _ => None,
    }
}

fn cluster(version: &str, action: &str) {
    let status = Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", version, "main", action])
        .status()
        .expect("running pg_ctlcluster");
    assert!(status.success(), "pg_ctlcluster {action} failed");
}

/// Starts the cluster again however the test ends, so later tests find it running.
struct Restart<'a>(&'a str);

impl Drop for Restart<'_> {
    fn drop(&mut self) {
        let _ = Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", self.0, "main", "start"])
            .status();
    }
}

#[derive(Debug)]
struct Answer {
    status: u16,
    retry_after: bool,
    code: String,
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL) and a local cluster that pg_ctlcluster can stop and start; run it alone"]
fn requests_during_a_database_restart_get_503_and_the_server_recovers_by_itself() {
    let db = Db::postgres();
    let version = local_cluster().unwrap_or_else(|| {
        panic!(
            "this test needs a single local PostgreSQL cluster (one folder in /etc/postgresql) \
             and pg_ctlcluster to stop and start it"
        )
    });
    let server = Server::start(&db);
    server.create_event("ws", 1000, None, "open");
    let answers = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let base = server.base.clone();
    let mut ready_during_outage = None;
    std::thread::scope(|scope| {
        for worker in 0..3 {
            let (client, base, answers, stop) = (&client, &base, &answers, &stop);
            scope.spawn(move || {
                for i in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let response = if worker == 0 {
                        client.get(format!("{base}/api/v1/events/ws")).send()
                    } else {
                        client
                            .post(format!("{base}/api/v1/events/ws/entries"))
                            .json(&json!({"email": format!("w{worker}-{i}@example.org"), "name": "W", "preference": "either", "consent": true}))
                            .send()
                    };
                    let response = response.expect("every request gets an answer");
                    let status = response.status().as_u16();
                    let retry_after = response.headers().contains_key("retry-after");
                    let body: serde_json::Value = response.json().unwrap_or_default();
                    answers.lock().unwrap().push(Answer {
                        status,
                        retry_after,
                        code: body["error"]["code"].as_str().unwrap_or_default().to_owned(),
                    });
                    std::thread::sleep(Duration::from_millis(20));
                }
            });
        }
        std::thread::sleep(Duration::from_secs(1));
        let _restart = Restart(&version);
        cluster(&version, "stop");
        std::thread::sleep(Duration::from_secs(2));
        ready_during_outage = Some(server.get("/readyz").0);
        std::thread::sleep(Duration::from_secs(2));
        cluster(&version, "start");
        // Back without a restart of registrar: new entries are taken again.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let (status, body) = server.post(
                "/api/v1/events/ws/entries",
                json!({"email": "after@example.org", "name": "After", "preference": "either", "consent": true}),
            );
            if status == 202 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "not recovered 30 s after the database came back: {status} {body}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_millis(500));
        stop.store(true, Ordering::SeqCst);
    });

    assert_eq!(ready_during_outage, Some(503), "/readyz during the outage");
    let answers = answers.into_inner().unwrap();
    let unavailable: Vec<&Answer> = answers.iter().filter(|a| a.status == 503).collect();
    assert!(
        !unavailable.is_empty(),
        "no request came during the outage: {answers:?}"
    );
    for answer in &answers {
        assert!(
            matches!(answer.status, 200 | 202 | 503),
            "unexpected answer during the restart: {answer:?}"
        );
    }
    for answer in unavailable {
        assert!(answer.retry_after, "a 503 without Retry-After: {answer:?}");
        assert_eq!(answer.code, "unavailable", "{answer:?}");
    }
    assert_eq!(server.get("/readyz").0, 200);
    assert_invariants(&server, "ws");
}
