//! Requests that keep going while a server is killed under them, and what they were told:
//! the kill -9 tests check afterwards that every acknowledged change is there.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use reqwest::blocking::Client;
use serde_json::json;

use super::Server;

/// A client that gives up soon on a server that is gone.
pub fn quick_client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// Joins the event `slug` with fresh addresses (`late{worker}-{i}@example.org`) until
/// `stop` is set or an answer is not 202; every acknowledged address goes into `joined`.
pub fn keep_joining(
    client: &Client,
    base: &str,
    slug: &str,
    worker: usize,
    preference: &str,
    stop: &AtomicBool,
    joined: &Mutex<Vec<String>>,
) {
    for i in 0.. {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let email = format!("late{worker}-{i}@example.org");
        let answer = client
            .post(format!("{base}/api/v1/events/{slug}/entries"))
            .json(
                &json!({"email": email, "name": "Late", "preference": preference, "consent": true}),
            )
            .send();
        match answer {
            Ok(r) if r.status() == 202 => joined.lock().unwrap().push(email),
            _ => break,
        }
    }
}

/// Takes the personal `action` for each token in turn, `pause` apart, until an answer is
/// not 200; every acknowledged token goes into `done`.
pub fn act_in_turn(
    client: &Client,
    base: &str,
    tokens: &[String],
    action: &str,
    pause: Duration,
    done: &Mutex<Vec<String>>,
) {
    for token in tokens {
        let answer = client
            .post(format!("{base}/api/v1/me/{token}/{action}"))
            .json(&json!({}))
            .send();
        match answer {
            Ok(r) if r.status() == 200 => done.lock().unwrap().push(token.clone()),
            _ => break,
        }
        std::thread::sleep(pause);
    }
}

/// Every acknowledged address has its registration, and every acknowledged confirmation
/// left its registration past `pending_email`.
pub fn assert_acknowledged_are_kept(
    server: &Server,
    slug: &str,
    joined: &[String],
    confirmed: &[String],
) {
    let all = server.registrations(slug, "");
    for email in joined {
        assert!(
            all.iter().any(|r| r["email"] == *email),
            "acknowledged entry {email} was lost"
        );
    }
    for token in confirmed {
        let me = server.me(token);
        assert_ne!(
            me["status"], "pending_email",
            "an acknowledged confirmation was lost: {me}"
        );
    }
}
