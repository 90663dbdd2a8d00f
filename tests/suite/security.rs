//! Hostile clients: security headers on every kind of response, limits on header and body
//! size, slow clients cut off, cookies that scripts and other sites cannot use, and rate
//! limits on new entries and on guessing personal tokens (SPEC.md, "Security and privacy").
//! Nothing here depends on the database, so these run on SQLite only.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::{Db, Server};
use serde_json::json;

fn limited(db: &Db) -> Server {
    Server::start_with(db, &[("REGISTRAR_RATE_LIMITS", "on")])
}

fn assert_security_headers(server: &Server, path: &str) {
    let response = server.http.get(server.url(path)).send().unwrap();
    let headers = response.headers();
    let header = |name: &str| {
        headers
            .get(name)
            .unwrap_or_else(|| panic!("{path} has no {name} header"))
            .to_str()
            .unwrap()
            .to_owned()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
    assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
    assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
    assert_eq!(header("x-frame-options"), "DENY", "{path}");
    assert!(!header("x-request-id").is_empty(), "{path}");
}

#[test]
fn every_response_carries_the_security_headers() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    server.create_event("ws", 10, Some(10), "open");
    let (token, _) = server.join("ws", "ada@example.org", "in_person");
    for path in [
        "/",
        "/events/ws",
        "/privacy",
        &format!("/r/{token}"),
        "/r/no-such-token-at-all-here",
        "/api/v1/events",
        "/api/v1/events/ws",
        "/api/v1/openapi.json",
        &format!("/api/v1/me/{token}"),
        "/static/style.css",
        "/static/organizer.css",
        "/organizer/login",
        "/organizer",
        "/healthz",
        "/readyz",
        "/metrics",
        "/no/such/page",
    ] {
        assert_security_headers(&server, path);
    }
}

#[test]
fn cookies_are_http_only_same_site_and_secure_behind_https() {
    let db = Db::sqlite();
    let plain = Server::start(&db);
    let response = plain
        .http
        .get(plain.url("/organizer/login"))
        .send()
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite="), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "no Secure on plain http: {cookie}"
    );
    drop(plain);

    let secure = Server::launch(
        &db,
        String::new(),
        &[("REGISTRAR_PUBLIC_URL", "https://registrar.example.org")],
    );
    let response = secure
        .http
        .get(secure.url("/organizer/login"))
        .send()
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        response.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age="),
        "HSTS when the public URL is https"
    );
}

#[test]
fn oversized_headers_and_bodies_are_refused() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    let response = server
        .http
        .get(server.url("/api/v1/events"))
        .header("x-padding", "a".repeat(20 * 1024))
        .send()
        .unwrap();
    assert_eq!(response.status(), 431);

    server.create_event("ws", 10, Some(10), "open");
    let huge = "x".repeat(2 * 1024 * 1024);
    let (status, body) = server.post(
        "/api/v1/events/ws/entries",
        json!({"email": "a@example.org", "name": huge, "preference": "either", "consent": true}),
    );
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"]["code"], "payload_too_large");
}

/// Opens a raw connection, sends `start`, then sends nothing more; returns how long the
/// server took to answer or hang up.
fn time_until_cut_off(server: &Server, start: &str) -> (Duration, String) {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(start.as_bytes()).unwrap();
    let began = Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (
        began.elapsed(),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    let (waited, _) = time_until_cut_off(&server, "GET /api/v1/events HTTP/1.1\r\nHost: x\r\n");
    assert!(
        waited < Duration::from_secs(20),
        "held for {waited:?} by a client that never finished its headers"
    );
}

#[test]
fn a_client_that_sends_its_body_too_slowly_is_cut_off() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    server.create_event("ws", 10, Some(10), "open");
    let (waited, answer) = time_until_cut_off(
        &server,
        "POST /api/v1/events/ws/entries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"email\":",
    );
    assert!(
        waited < Duration::from_secs(30),
        "held for {waited:?} by a client that never finished its body"
    );
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "{answer}"
    );
    assert!(server.registrations("ws", "").is_empty());
}

fn random_token(i: usize) -> String {
    format!("{:0>22}", format!("guess{i}x{}", std::process::id()))
}

#[test]
fn guessing_personal_tokens_is_rate_limited() {
    let db = Db::sqlite();
    let server = limited(&db);
    let mut statuses = Vec::new();
    for i in 0..40 {
        let (status, _) = server.get(&format!("/api/v1/me/{}", random_token(i)));
        statuses.push(status);
    }
    assert!(
        statuses[..30].iter().all(|s| *s == 404),
        "a generous burst for typos and stale links: {statuses:?}"
    );
    let response = server
        .http
        .get(server.url(&format!("/api/v1/me/{}", random_token(99))))
        .send()
        .unwrap();
    assert_eq!(response.status(), 429, "{statuses:?}");
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    let body: serde_json::Value = response.json().unwrap();
    assert_eq!(body["error"]["code"], "rate_limited", "{body}");

    // The personal pages answer with a page, and say so too.
    let page = server
        .http
        .get(server.url(&format!("/r/{}", random_token(100))))
        .send()
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.text().unwrap().contains("Too many requests"));
}

#[test]
fn a_refusal_for_too_many_requests_is_in_the_readers_language() {
    let db = Db::sqlite();
    let server = limited(&db);
    for i in 0..40 {
        server.get(&format!("/api/v1/me/{}", random_token(i)));
    }
    let refused = |path: &str, language: Option<&str>| {
        let mut request = server.http.get(server.url(path));
        if let Some(language) = language {
            request = request.header("Accept-Language", language);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 429, "{path}");
        let vary = response.headers()["vary"].to_str().unwrap().to_owned();
        assert!(vary.contains("Accept-Language"), "{path}: {vary}");
        response.text().unwrap()
    };
    let english: serde_json::Value =
        serde_json::from_str(&refused(&format!("/api/v1/me/{}", random_token(97)), None)).unwrap();
    let message = english["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("too many requests from your address; try again in "),
        "{message}"
    );
    let spanish: serde_json::Value = serde_json::from_str(&refused(
        &format!("/api/v1/me/{}", random_token(98)),
        Some("es"),
    ))
    .unwrap();
    assert_eq!(spanish["error"]["code"], "rate_limited", "{spanish}");
    let message = spanish["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("demasiadas solicitudes desde su dirección; inténtelo de nuevo en "),
        "{message}"
    );
    let page = refused(&format!("/r/{}", random_token(99)), Some("es"));
    assert!(page.contains("Demasiadas solicitudes"), "{page}");
}

#[test]
fn new_entries_are_rate_limited_per_client_with_a_generous_burst() {
    let db = Db::sqlite();
    let server = limited(&db);
    server.create_event("ws", 10, Some(10), "open");
    let mut accepted = 0;
    let mut refused = None;
    for i in 0..200 {
        let (status, body) = server.post(
            "/api/v1/events/ws/entries",
            json!({"email": format!("p{i}@example.org"), "name": "P", "preference": "either", "consent": true}),
        );
        match status {
            202 => accepted += 1,
            429 => {
                refused = Some(body);
                break;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert!(
        accepted >= 100,
        "a crowd behind one address gets in: {accepted}"
    );
    let body = refused.expect("a flood from one address is stopped");
    assert_eq!(body["error"]["code"], "rate_limited", "{body}");

    // The join form shares the allowance and answers with a page.
    let page = server
        .http
        .post(server.url("/events/ws/join"))
        .form(&[("email", "late@example.org"), ("name", "Late")])
        .send()
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
}

#[test]
fn with_rate_limits_off_nothing_is_limited() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    for i in 0..60 {
        let (status, _) = server.get(&format!("/api/v1/me/{}", random_token(i)));
        assert_eq!(status, 404);
    }
}
