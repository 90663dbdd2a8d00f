// Invariant 6 of SPEC.md through the real server, route family by route family of API.md:
// bad input is refused with the contract's status, code and error shape, a 422 names each
// bad field, and nothing changes: not the events, their registrations, their audit logs,
// the published list, nor the emails sent.

use std::time::{Duration, Instant};

use crate::common::{Db, Server};
use chrono::{SecondsFormat, Utc};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde_json::{json, Value};

// ----- sending anything ---------------------------------------------------------------

enum Body {
    Empty,
    Json(Value),
    Raw(Vec<u8>),
}

/// Sends a request with the `Authorization` header given (none for `None`) and returns the
/// status with the body as JSON (or as a JSON string when it is not JSON).
fn send(
    server: &Server,
    method: Method,
    path: &str,
    auth: Option<&str>,
    body: Body,
) -> (u16, Value) {
    let mut request = server.http.request(method, server.url(path));
    if let Some(value) = auth {
        request = request.header(AUTHORIZATION, value);
    }
    request = match body {
        Body::Empty => request,
        Body::Json(value) => request.json(&value),
        Body::Raw(bytes) => request.header(CONTENT_TYPE, "application/json").body(bytes),
    };
    let response = request
        .send()
        .unwrap_or_else(|e| panic!("{path}: the request failed: {e}"));
    let status = response.status().as_u16();
    let text = response.text().unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn bearer(server: &Server) -> String {
    format!("Bearer {}", server.token)
}

fn as_organizer(server: &Server, method: Method, path: &str, body: Value) -> (u16, Value) {
    send(
        server,
        method,
        path,
        Some(&bearer(server)),
        Body::Json(body),
    )
}

fn anyone(server: &Server, method: Method, path: &str, body: Value) -> (u16, Value) {
    send(server, method, path, None, Body::Json(body))
}

/// `Authorization` headers that do not prove an organizer, with what each is.
fn bad_auths(server: &Server) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("no Authorization header", None),
        (
            "an unknown token",
            Some("Bearer not-a-token-of-this-server".to_owned()),
        ),
        ("an empty bearer token", Some("Bearer ".to_owned())),
        (
            "a token with one character more",
            Some(format!("Bearer {}x", server.token)),
        ),
        (
            "the token without the Bearer scheme",
            Some(server.token.clone()),
        ),
        (
            "basic authentication",
            Some("Basic b3JnYW5pemVyOnNlY3JldA==".to_owned()),
        ),
    ]
}

/// Bodies that are not JSON at all.
const NOT_JSON: &[&str] = &[
    "{",
    "this is not JSON",
    "email=ada%40example.org&name=Ada",
    "{\"mode\": \"virtual\",}",
    "{'mode': 'virtual'}",
    "{\"mode\": \"virtual\"} and more",
];

/// A JSON body one byte over the 1 MiB limit.
fn oversized() -> Vec<u8> {
    let filler = "x".repeat(1024 * 1024);
    format!("{{\"filler\": \"{filler}\"}}").into_bytes()
}

// ----- values and bodies --------------------------------------------------------------

fn at(offset: chrono::Duration) -> String {
    (Utc::now() + offset).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `base` with the keys of `changes` set (a JSON object merged into another).
fn with(base: &Value, changes: Value) -> Value {
    let mut merged = base.clone();
    for (key, value) in changes.as_object().expect("changes are an object") {
        merged[key] = value.clone();
    }
    merged
}

fn without(base: &Value, key: &str) -> Value {
    let mut trimmed = base.clone();
    trimmed.as_object_mut().expect("an object").remove(key);
    trimmed
}

/// A body for `POST /api/v1/events` that is valid in every field (checked at the end of the
/// event test), published so that creating it would show in the list.
fn new_event(slug: &str) -> Value {
    json!({
        "slug": slug,
        "title": "A new event",
        "description": "What it is about.",
        "starts_at": at(chrono::Duration::days(40)),
        "ends_at": at(chrono::Duration::days(40) + chrono::Duration::hours(3)),
        "timezone": "Europe/Amsterdam",
        "venue": "Room 2",
        "meeting_url": "https://meet.example.org/new",
        "in_person_capacity": 10,
        "virtual_capacity": 20,
        "phase": "open",
        "offer_window_hours": 24,
        "invitation_window_days": 7,
        "auto_confirm": false,
    })
}

fn registration_id(server: &Server, slug: &str, email: &str) -> i64 {
    server
        .registrations(slug, "")
        .iter()
        .find(|r| r["email"] == email)
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no registration of {email} for {slug}"))
}

/// Joins without confirming the address; returns the link token of the confirmation email.
fn join_unconfirmed(server: &Server, slug: &str, email: &str) -> String {
    let (status, body) = anyone(
        server,
        Method::POST,
        &format!("/api/v1/events/{slug}/entries"),
        json!({"email": email, "name": "Pending Person", "preference": "either", "consent": true}),
    );
    assert_eq!(status, 202, "{body}");
    server
        .wait_for_email(email, 1)
        .last()
        .unwrap()
        .token
        .clone()
        .expect("a link in the email")
}

// ----- snapshot and compare -----------------------------------------------------------

/// Everything a request could change, as organizers see it through the API.
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    published: Value,
    events: Vec<EventSnapshot>,
    emails: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct EventSnapshot {
    slug: String,
    event: Value,
    registrations: Value,
    audit: Value,
}

fn organizer_read(server: &Server, path: &str) -> Value {
    let (status, body) = send(
        server,
        Method::GET,
        path,
        Some(&bearer(server)),
        Body::Empty,
    );
    assert_eq!(status, 200, "reading {path}: {body}");
    body
}

fn snapshot(server: &Server, slugs: &[&str]) -> Snapshot {
    Snapshot {
        published: organizer_read(server, "/api/v1/events"),
        events: slugs
            .iter()
            .map(|slug| EventSnapshot {
                slug: (*slug).to_owned(),
                event: organizer_read(server, &format!("/api/v1/events/{slug}")),
                registrations: organizer_read(
                    server,
                    &format!("/api/v1/events/{slug}/registrations"),
                ),
                audit: organizer_read(server, &format!("/api/v1/events/{slug}/audit")),
            })
            .collect(),
        emails: server.emails().len(),
    }
}

fn assert_same(case: &str, before: &Snapshot, after: &Snapshot) {
    assert_eq!(after.emails, before.emails, "{case}: an email was sent");
    assert_eq!(
        after.published, before.published,
        "{case}: the published events changed"
    );
    for (was, is) in before.events.iter().zip(&after.events) {
        let slug = &was.slug;
        assert_eq!(is.event, was.event, "{case}: the event {slug} changed");
        assert_eq!(
            is.registrations, was.registrations,
            "{case}: the registrations of {slug} changed"
        );
        assert_eq!(
            is.audit, was.audit,
            "{case}: the audit log of {slug} changed"
        );
    }
}

/// Waits until the outbox folder stops growing (the mail worker has caught up).
fn quiet(server: &Server) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut count = server.emails().len();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = server.emails().len();
        if now == count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the outbox never stopped growing"
        );
        count = now;
    }
}

fn code_for(status: u16) -> &'static str {
    match status {
        400 => "malformed_body",
        401 => "unauthorized",
        404 => "not_found",
        409 => "conflict",
        413 => "payload_too_large",
        422 => "validation_failed",
        other => panic!("{other} is not a refusal of API.md"),
    }
}

/// Asserts the status, the error shape `{"error": {"code", "message", "fields"?}}` with the
/// code of the status, and for a 422 that `fields` (and the message) names exactly `fields`.
fn assert_error(case: &str, answer: &(u16, Value), status: u16, fields: &[&str]) {
    let (got, body) = answer;
    assert_eq!(*got, status, "{case}: expected {status}, got {got}: {body}");
    let outer = body
        .as_object()
        .unwrap_or_else(|| panic!("{case}: the answer is not a JSON object: {body}"));
    assert_eq!(
        outer.keys().collect::<Vec<_>>(),
        ["error"],
        "{case}: {body}"
    );
    let error = body["error"]
        .as_object()
        .unwrap_or_else(|| panic!("{case}: `error` is not an object: {body}"));
    for key in error.keys() {
        assert!(
            ["code", "message", "fields"].contains(&key.as_str()),
            "{case}: unexpected `error.{key}`: {body}"
        );
    }
    assert_eq!(
        error.get("code"),
        Some(&json!(code_for(status))),
        "{case}: {body}"
    );
    let message = error
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default();
    assert!(
        !message.trim().is_empty(),
        "{case}: the error has no message: {body}"
    );
    if status == 422 {
        let named = error
            .get("fields")
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("{case}: a 422 without `fields`: {body}"));
        let mut names: Vec<&str> = named.keys().map(String::as_str).collect();
        names.sort_unstable();
        let mut expected = fields.to_vec();
        expected.sort_unstable();
        assert_eq!(
            names, expected,
            "{case}: `fields` should name exactly the bad fields: {body}"
        );
        for (field, messages) in named {
            let messages = messages
                .as_array()
                .unwrap_or_else(|| panic!("{case}: fields.{field} is not a list: {body}"));
            assert!(
                !messages.is_empty()
                    && messages
                        .iter()
                        .all(|m| m.as_str().is_some_and(|m| !m.trim().is_empty())),
                "{case}: fields.{field} does not say what is wrong: {body}"
            );
            assert!(
                message.contains(field.as_str()),
                "{case}: the message does not name {field}: {body}"
            );
        }
    } else {
        assert!(fields.is_empty(), "{case}: only a 422 names fields");
        assert!(
            error.get("fields").is_none(),
            "{case}: only a 422 has `fields`: {body}"
        );
    }
}

/// Holds a snapshot of some events and checks every refusal against it.
struct Unchanged<'a> {
    server: &'a Server,
    slugs: Vec<&'a str>,
    before: Snapshot,
    refusals: usize,
}

impl<'a> Unchanged<'a> {
    fn watch(server: &'a Server, slugs: &[&'a str]) -> Self {
        quiet(server);
        let before = snapshot(server, slugs);
        Unchanged {
            server,
            slugs: slugs.to_vec(),
            before,
            refusals: 0,
        }
    }

    /// Asserts a refusal of the contract and that it changed nothing.
    fn refused(&mut self, case: &str, answer: (u16, Value), status: u16, fields: &[&str]) {
        assert_error(case, &answer, status, fields);
        assert_same(case, &self.before, &snapshot(self.server, &self.slugs));
        self.refusals += 1;
    }

    /// Every non-JSON body is a 400 and an oversized one a 413.
    fn refuses_unreadable_bodies(&mut self, method: Method, path: &str, auth: Option<&str>) {
        for text in NOT_JSON {
            let answer = send(
                self.server,
                method.clone(),
                path,
                auth,
                Body::Raw(text.as_bytes().to_vec()),
            );
            self.refused(
                &format!("{method} {path} with the body {text:?}"),
                answer,
                400,
                &[],
            );
        }
        let answer = send(
            self.server,
            method.clone(),
            path,
            auth,
            Body::Raw(vec![b'{', 0xff, 0xfe, b'}']),
        );
        self.refused(
            &format!("{method} {path} with a body that is not UTF-8"),
            answer,
            400,
            &[],
        );
        let answer = send(
            self.server,
            method.clone(),
            path,
            auth,
            Body::Raw(oversized()),
        );
        self.refused(
            &format!("{method} {path} with a body over 1 MiB"),
            answer,
            413,
            &[],
        );
    }

    /// Every `Authorization` that is not an organizer's token is a 401.
    fn refuses_strangers(&mut self, method: Method, path: &str, body: Option<Value>) {
        for (what, auth) in bad_auths(self.server) {
            let body = body.clone().map_or(Body::Empty, Body::Json);
            let answer = send(self.server, method.clone(), path, auth.as_deref(), body);
            self.refused(&format!("{method} {path} with {what}"), answer, 401, &[]);
        }
    }

    /// Waits for emails a refusal might still have queued, compares once more and returns
    /// how many refusals were checked.
    fn finish(self) -> usize {
        std::thread::sleep(Duration::from_millis(500));
        assert_same(
            "after all refusals",
            &self.before,
            &snapshot(self.server, &self.slugs),
        );
        self.refusals
    }
}

// ----- events -------------------------------------------------------------------------

fn bad_event_input_is_refused_naming_the_field_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    server.create_event("other", 1, None, "invite_only");
    server.create_event("hidden", 1, None, "draft");
    server.invite("workshop", "ada@example.org", "in_person");
    let mut check = Unchanged::watch(&server, &["workshop", "other", "hidden"]);

    // POST /api/v1/events: each field missing, of the wrong type or out of its range.
    let base = new_event("fresh");
    let create = |body: Value| as_organizer(&server, Method::POST, "/api/v1/events", body);
    for field in [
        "slug",
        "title",
        "starts_at",
        "ends_at",
        "timezone",
        "in_person_capacity",
    ] {
        check.refused(
            &format!("a new event without {field}"),
            create(without(&base, field)),
            422,
            &[field],
        );
    }
    let starts = base["starts_at"].as_str().unwrap().to_owned();
    let an_hour_before = at(chrono::Duration::days(40) - chrono::Duration::hours(1));
    let bad_values = [
        ("slug", json!(42)),
        ("slug", json!(null)),
        ("slug", json!("Bad Slug")),
        ("slug", json!("")),
        ("slug", json!("-leading-dash")),
        ("slug", json!("trailing-dash-")),
        ("slug", json!("a/b")),
        ("slug", json!("café")),
        ("slug", json!("x".repeat(81))),
        ("slug", json!("workshop")),
        ("title", json!(42)),
        ("title", json!(null)),
        ("title", json!("")),
        ("title", json!("   ")),
        ("title", json!("x".repeat(201))),
        ("description", json!(["a", "list"])),
        ("description", json!("x".repeat(20_001))),
        ("starts_at", json!("tomorrow")),
        ("starts_at", json!(1_767_225_600)),
        ("starts_at", json!("2031-03-01T10:00:00")),
        ("starts_at", json!("2031-02-30T10:00:00+01:00")),
        ("ends_at", json!(an_hour_before)),
        ("ends_at", json!(starts)),
        ("ends_at", json!("the day after")),
        ("timezone", json!("Mars/Olympus_Mons")),
        ("timezone", json!("")),
        ("timezone", json!(1)),
        ("venue", json!({"room": 2})),
        ("venue", json!("x".repeat(501))),
        ("meeting_url", json!("not a url")),
        ("meeting_url", json!(5)),
        (
            "meeting_url",
            json!(format!("https://meet.example.org/{}", "x".repeat(2000))),
        ),
        ("in_person_capacity", json!(-1)),
        ("in_person_capacity", json!("ten")),
        ("in_person_capacity", json!(2.5)),
        ("in_person_capacity", json!(1_000_001)),
        ("in_person_capacity", json!(4_294_967_296_u64)),
        ("in_person_capacity", json!(null)),
        ("virtual_capacity", json!(-5)),
        ("virtual_capacity", json!("lots")),
        ("virtual_capacity", json!(1_000_001)),
        ("phase", json!("published")),
        ("phase", json!("Open")),
        ("phase", json!("")),
        ("phase", json!(1)),
        ("phase", json!(null)),
        ("offer_window_hours", json!(0)),
        ("offer_window_hours", json!(-1)),
        ("offer_window_hours", json!("48")),
        ("offer_window_hours", json!(8761)),
        ("offer_window_hours", json!(null)),
        ("invitation_window_days", json!(0)),
        ("invitation_window_days", json!(366)),
        ("invitation_window_days", json!(true)),
        ("auto_confirm", json!("yes")),
        ("auto_confirm", json!(1)),
        ("auto_confirm", json!(null)),
    ];
    for (field, value) in &bad_values {
        let case = format!("a new event with {field} = {}", short(value));
        check.refused(
            &case,
            create(with(&base, json!({ *field: value }))),
            422,
            &[field],
        );
    }
    // Every broken rule at once is named at once.
    let many = with(
        &base,
        json!({"slug": "Not A Slug", "title": " ", "timezone": "Mars/Olympus_Mons", "offer_window_hours": 0, "ends_at": an_hour_before}),
    );
    check.refused(
        "a new event with five bad fields",
        create(many),
        422,
        &["slug", "title", "timezone", "offer_window_hours", "ends_at"],
    );
    check.refuses_strangers(Method::POST, "/api/v1/events", Some(base.clone()));
    check.refuses_unreadable_bodies(Method::POST, "/api/v1/events", Some(&bearer(&server)));

    // PATCH /api/v1/events/{slug}: a valid change made invalid by one field changes nothing
    // at all (all or nothing).
    let change = json!({"title": "Renamed", "venue": "Room 3", "in_person_capacity": 3});
    let patch = |slug: &str, body: Value| {
        as_organizer(
            &server,
            Method::PATCH,
            &format!("/api/v1/events/{slug}"),
            body,
        )
    };
    let after_the_end = at(chrono::Duration::days(31));
    let before_the_start = at(chrono::Duration::days(29));
    let bad_changes = [
        ("slug", json!("Not Valid")),
        ("slug", json!("other")),
        ("slug", json!(5)),
        ("slug", json!(null)),
        ("title", json!("")),
        ("title", json!("  ")),
        ("title", json!(42)),
        ("title", json!(null)),
        ("description", json!(5)),
        ("description", json!("x".repeat(20_001))),
        ("description", json!(null)),
        ("starts_at", json!("soon")),
        ("starts_at", json!(after_the_end)),
        ("starts_at", json!(null)),
        ("ends_at", json!(before_the_start)),
        ("ends_at", json!("2031-03-01T18:00:00")),
        ("ends_at", json!(null)),
        ("timezone", json!("Atlantis/Capital")),
        ("timezone", json!(null)),
        ("venue", json!("x".repeat(501))),
        ("venue", json!(3)),
        ("venue", json!(null)),
        ("meeting_url", json!("not a url")),
        ("meeting_url", json!(7)),
        ("in_person_capacity", json!(-1)),
        ("in_person_capacity", json!("3")),
        ("in_person_capacity", json!(1_000_001)),
        ("in_person_capacity", json!(null)),
        ("virtual_capacity", json!(-1)),
        ("virtual_capacity", json!(1_000_001)),
        ("virtual_capacity", json!("x")),
        ("phase", json!("archived")),
        ("phase", json!("OPEN")),
        ("phase", json!(null)),
        ("offer_window_hours", json!(0)),
        ("offer_window_hours", json!(null)),
        ("invitation_window_days", json!(0)),
        ("invitation_window_days", json!(-3)),
        ("invitation_window_days", json!(null)),
        ("auto_confirm", json!("no")),
        ("auto_confirm", json!(null)),
    ];
    for (field, value) in &bad_changes {
        let case = format!("a change with {field} = {}", short(value));
        check.refused(
            &case,
            patch("workshop", with(&change, json!({ *field: value }))),
            422,
            &[field],
        );
    }
    let reversed = json!({"starts_at": at(chrono::Duration::days(50)), "ends_at": at(chrono::Duration::days(49))});
    check.refused(
        "a change that ends the event before it starts",
        patch("workshop", reversed),
        422,
        &["ends_at"],
    );
    let many = with(
        &change,
        json!({"slug": "Not Valid", "title": "", "timezone": "Atlantis/Capital", "offer_window_hours": 0}),
    );
    check.refused(
        "a change with four bad fields",
        patch("workshop", many),
        422,
        &["slug", "title", "timezone", "offer_window_hours"],
    );
    check.refused(
        "a change to an unknown event",
        patch("no-such-event", change.clone()),
        404,
        &[],
    );
    check.refuses_strangers(
        Method::PATCH,
        "/api/v1/events/workshop",
        Some(change.clone()),
    );
    check.refuses_unreadable_bodies(
        Method::PATCH,
        "/api/v1/events/workshop",
        Some(&bearer(&server)),
    );

    // GET: unknown events and routes, and a draft for the public.
    for path in [
        "/api/v1/events/no-such-event",
        "/api/v1/events/hidden",
        "/api/v1/no-such-route",
        "/api/v1/events/workshop/nothing-here",
    ] {
        let answer = send(&server, Method::GET, path, None, Body::Empty);
        check.refused(&format!("GET {path}"), answer, 404, &[]);
    }
    // Unknown routes and methods below a path parameter answer in the error shape too.
    for (method, path) in [
        (Method::GET, "/api/v1/me/no-such-token/nothing-here"),
        (Method::POST, "/api/v1/me/no-such-token"),
        (Method::PUT, "/api/v1/me/no-such-token/wait-for"),
        (Method::GET, "/api/v1/registrations/1/revoke"),
        (Method::POST, "/api/v1/registrations/1"),
        (Method::DELETE, "/api/v1/events/workshop/entries"),
        (Method::PUT, "/api/v1/events/workshop"),
    ] {
        let answer = send(&server, method.clone(), path, None, Body::Empty);
        check.refused(&format!("{method} {path}"), answer, 404, &[]);
    }
    let answer = send(
        &server,
        Method::GET,
        "/api/v1/events/no-such-event",
        Some(&bearer(&server)),
        Body::Empty,
    );
    check.refused("GET an unknown event as an organizer", answer, 404, &[]);
    let answer = send(
        &server,
        Method::GET,
        "/api/v1/events/hidden",
        Some("Bearer not-a-token-of-this-server"),
        Body::Empty,
    );
    check.refused("GET a draft with a wrong token", answer, 404, &[]);
    assert!(check.finish() >= 140);

    // The bodies the bad ones were made from are good: each refusal was for its own field.
    let (status, body) = create(base);
    assert_eq!(status, 201, "{body}");
    let (status, body) = patch("workshop", change);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["title"], "Renamed");
}

/// A short description of a JSON value for case names.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!(
            "{}… ({} characters)",
            text.chars().take(30).collect::<String>(),
            text.chars().count()
        )
    } else {
        text
    }
}

// ----- invitations --------------------------------------------------------------------

fn bad_invitations_are_refused_naming_the_invitee_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    // One in-person and one virtual seat left: one of each is held by an invitation.
    server.create_event("workshop", 2, Some(2), "invite_only");
    server.create_event("hidden", 5, None, "draft");
    server.invite("workshop", "known@example.org", "in_person");
    server.invite("workshop", "online@example.org", "virtual");
    join_unconfirmed(&server, "workshop", "pending@example.org");
    let mut check = Unchanged::watch(&server, &["workshop", "hidden"]);

    let path = "/api/v1/events/workshop/invitations";
    let invite = |body: Value| as_organizer(&server, Method::POST, path, body);
    let person = |email: &str| json!({"email": email, "name": "Grace Hopper", "mode": "in_person"});
    let good = json!({"invitees": [person("new@example.org")]});
    let two = |second: Value| json!({"invitees": [person("first@example.org"), second]});

    check.refused("no invitees field", invite(json!({})), 422, &["invitees"]);
    check.refused(
        "an empty body",
        send(
            &server,
            Method::POST,
            path,
            Some(&bearer(&server)),
            Body::Empty,
        ),
        422,
        &["invitees"],
    );
    for value in [
        json!(null),
        json!("new@example.org"),
        json!({"email": "new@example.org"}),
        json!([]),
    ] {
        check.refused(
            &format!("invitees = {value}"),
            invite(json!({"invitees": value})),
            422,
            &["invitees"],
        );
    }
    let crowd: Vec<Value> = (0..5001)
        .map(|i| person(&format!("p{i}@example.org")))
        .collect();
    check.refused(
        "5001 invitees",
        invite(json!({"invitees": crowd})),
        422,
        &["invitees"],
    );
    check.refused(
        "an invitee that is not an object",
        invite(json!({"invitees": ["new@example.org"]})),
        422,
        &["invitees[0]"],
    );

    let bad_people = [
        ("email", json!({"name": "No Address"}), "invitees[1].email"),
        (
            "name",
            json!({"email": "second@example.org"}),
            "invitees[1].name",
        ),
        (
            "email",
            json!({"email": "not-an-email", "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": "", "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": "a@", "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": 42, "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": null, "name": "X"}),
            "invitees[1].email",
        ),
        (
            "name",
            json!({"email": "second@example.org", "name": ""}),
            "invitees[1].name",
        ),
        (
            "name",
            json!({"email": "second@example.org", "name": "   "}),
            "invitees[1].name",
        ),
        (
            "name",
            json!({"email": "second@example.org", "name": "x".repeat(201)}),
            "invitees[1].name",
        ),
        (
            "name",
            json!({"email": "second@example.org", "name": "Bell\u{7}"}),
            "invitees[1].name",
        ),
        (
            "name",
            json!({"email": "second@example.org", "name": ["X"]}),
            "invitees[1].name",
        ),
        (
            "mode",
            json!({"email": "second@example.org", "name": "X", "mode": "hybrid"}),
            "invitees[1].mode",
        ),
        (
            "mode",
            json!({"email": "second@example.org", "name": "X", "mode": "either"}),
            "invitees[1].mode",
        ),
        (
            "mode",
            json!({"email": "second@example.org", "name": "X", "mode": 1}),
            "invitees[1].mode",
        ),
        // The same person twice, and people who are registered already.
        (
            "email",
            json!({"email": " FIRST@Example.org ", "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": "known@example.org", "name": "X"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": "Online@Example.ORG", "name": "X", "mode": "virtual"}),
            "invitees[1].email",
        ),
        (
            "email",
            json!({"email": "  pending@example.org", "name": "X"}),
            "invitees[1].email",
        ),
    ];
    for (what, second, field) in bad_people {
        let case = format!("a second invitee with a bad {what}: {}", short(&second));
        check.refused(&case, invite(two(second)), 422, &[field]);
    }
    check.refused(
        "an already registered address first",
        invite(json!({"invitees": [person("KNOWN@example.org"), person("new@example.org")]})),
        422,
        &["invitees[0].email"],
    );
    let bad_deadlines = [
        json!(at(-chrono::Duration::hours(1))),
        json!(at(-chrono::Duration::seconds(1))),
        json!("next week"),
        json!(1_767_225_600),
        json!("2031-03-01T10:00:00"),
    ];
    for hold_until in bad_deadlines {
        let case = format!("hold_until = {hold_until}");
        check.refused(
            &case,
            invite(with(&good, json!({"hold_until": hold_until}))),
            422,
            &["hold_until"],
        );
    }
    let many = json!({
        "invitees": [{"email": "nope", "name": "X"}, {"email": "fine@example.org", "name": ""}],
        "hold_until": at(-chrono::Duration::days(1)),
    });
    check.refused(
        "three bad fields at once",
        invite(many),
        422,
        &["invitees[0].email", "invitees[1].name", "hold_until"],
    );

    // All or nothing: fewer seats free in a mode than invitees for it.
    let virtual_person = |email: &str| json!({"email": email, "name": "Online", "mode": "virtual"});
    let too_many = [
        (
            "two in-person invitees for one seat",
            json!({"invitees": [person("a@example.org"), person("b@example.org")]}),
        ),
        (
            "two virtual invitees for one seat",
            json!({"invitees": [virtual_person("a@example.org"), virtual_person("b@example.org")]}),
        ),
        (
            "one in-person and two virtual invitees",
            json!({"invitees": [person("a@example.org"), virtual_person("b@example.org"), virtual_person("c@example.org")]}),
        ),
        (
            "two invitees in the default mode (in person)",
            json!({"invitees": [{"email": "a@example.org", "name": "A"}, {"email": "b@example.org", "name": "B"}]}),
        ),
    ];
    for (case, body) in too_many {
        check.refused(case, invite(body), 409, &[]);
    }
    let answer = as_organizer(
        &server,
        Method::POST,
        "/api/v1/events/no-such-event/invitations",
        good.clone(),
    );
    check.refused("invitations to an unknown event", answer, 404, &[]);
    check.refuses_strangers(Method::POST, path, Some(good.clone()));
    check.refuses_unreadable_bodies(Method::POST, path, Some(&bearer(&server)));
    assert!(check.finish() >= 50);

    let (status, body) = invite(good);
    assert_eq!(status, 201, "{body}");
}

// ----- organizer actions on registrations ---------------------------------------------

fn bad_organizer_actions_on_registrations_are_refused_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 1, Some(2), "invite_only");
    server.invite("workshop", "invited@example.org", "in_person");
    let confirmed = server.invite("workshop", "confirmed@example.org", "virtual");
    let (status, me) = anyone(
        &server,
        Method::POST,
        &format!("/api/v1/me/{confirmed}/accept"),
        json!({}),
    );
    assert_eq!(
        (status, me["status"].as_str()),
        (200, Some("confirmed")),
        "{me}"
    );
    server.invite("workshop", "gone@example.org", "virtual");
    let gone = registration_id(&server, "workshop", "gone@example.org");
    let (status, body) = as_organizer(
        &server,
        Method::POST,
        &format!("/api/v1/registrations/{gone}/revoke"),
        json!({}),
    );
    assert_eq!(status, 200, "{body}");
    let (_, me) = server.join("workshop", "waiting@example.org", "in_person");
    assert_eq!(me["status"], "waitlisted");
    let invited = registration_id(&server, "workshop", "invited@example.org");
    let confirmed = registration_id(&server, "workshop", "confirmed@example.org");
    let waiting = registration_id(&server, "workshop", "waiting@example.org");
    let mut check = Unchanged::watch(&server, &["workshop"]);
    let post = |path: &str, body: Value| as_organizer(&server, Method::POST, path, body);
    let next_week = json!({"hold_until": at(chrono::Duration::days(7))});

    // Unknown registrations, however the id is written.
    for id in ["999999", "0", "-1", "abc", "1.5", "99999999999999999999"] {
        for action in ["revoke", "promote", "hold"] {
            let path = format!("/api/v1/registrations/{id}/{action}");
            check.refused(
                &format!("{action} of registration {id}"),
                post(&path, next_week.clone()),
                404,
                &[],
            );
        }
    }
    // The state does not allow it.
    let conflicts = [
        (
            "revoking a revoked registration",
            format!("/api/v1/registrations/{gone}/revoke"),
        ),
        (
            "promoting with no in-person seat free",
            format!("/api/v1/registrations/{waiting}/promote"),
        ),
        (
            "promoting an invitee",
            format!("/api/v1/registrations/{invited}/promote"),
        ),
        (
            "promoting a confirmed participant",
            format!("/api/v1/registrations/{confirmed}/promote"),
        ),
        (
            "promoting a revoked registration",
            format!("/api/v1/registrations/{gone}/promote"),
        ),
        (
            "a deadline for a confirmed seat",
            format!("/api/v1/registrations/{confirmed}/hold"),
        ),
        (
            "a deadline for a place in line",
            format!("/api/v1/registrations/{waiting}/hold"),
        ),
        (
            "a deadline for a revoked registration",
            format!("/api/v1/registrations/{gone}/hold"),
        ),
    ];
    for (case, path) in conflicts {
        check.refused(case, post(&path, next_week.clone()), 409, &[]);
    }
    // Bad deadlines.
    let hold = format!("/api/v1/registrations/{invited}/hold");
    let bad_deadlines = [
        json!({}),
        json!({"hold_until": null}),
        json!({"hold_until": at(-chrono::Duration::hours(1))}),
        json!({"hold_until": at(-chrono::Duration::seconds(1))}),
        json!({"hold_until": "next week"}),
        json!({"hold_until": 1_767_225_600}),
        json!({"hold_until": "2031-03-01T10:00:00"}),
        json!({"hold_until": ["2031-03-01T10:00:00Z"]}),
    ];
    for body in bad_deadlines {
        check.refused(
            &format!("a deadline {body}"),
            post(&hold, body),
            422,
            &["hold_until"],
        );
    }
    // A misspelt field is named itself, not taken for a deadline left out.
    let misspelt = json!({"until": at(chrono::Duration::days(7))});
    check.refused(
        "a deadline {\"until\"}",
        post(&hold, misspelt),
        422,
        &["until"],
    );
    let answer = send(
        &server,
        Method::POST,
        &hold,
        Some(&bearer(&server)),
        Body::Empty,
    );
    check.refused("a deadline with no body", answer, 422, &["hold_until"]);
    check.refuses_unreadable_bodies(Method::POST, &hold, Some(&bearer(&server)));
    for action in ["revoke", "promote", "hold"] {
        check.refuses_strangers(
            Method::POST,
            &format!("/api/v1/registrations/{invited}/{action}"),
            Some(next_week.clone()),
        );
    }
    check.refuses_strangers(
        Method::POST,
        &format!("/api/v1/registrations/{waiting}/revoke"),
        None,
    );

    // Reading: filters with unknown values, unknown events, no token.
    for base in [
        "/api/v1/events/workshop/registrations",
        "/api/v1/events/workshop/export.csv",
    ] {
        let filters = [
            ("?status=bogus", vec!["status"]),
            ("?status=Confirmed", vec!["status"]),
            ("?status=waiting", vec!["status"]),
            ("?mode=hybrid", vec!["mode"]),
            ("?mode=either", vec!["mode"]),
            ("?status=bogus&mode=hybrid", vec!["mode", "status"]),
            ("?status=confirmed&status=waitlisted", vec!["status"]),
        ];
        for (query, fields) in filters {
            let answer = send(
                &server,
                Method::GET,
                &format!("{base}{query}"),
                Some(&bearer(&server)),
                Body::Empty,
            );
            check.refused(&format!("GET {base}{query}"), answer, 422, &fields);
        }
        check.refuses_strangers(Method::GET, base, None);
    }
    check.refuses_strangers(Method::GET, "/api/v1/events/workshop/audit", None);
    for route in ["registrations", "audit", "export.csv"] {
        let path = format!("/api/v1/events/no-such-event/{route}");
        let answer = send(
            &server,
            Method::GET,
            &path,
            Some(&bearer(&server)),
            Body::Empty,
        );
        check.refused(&format!("GET {path}"), answer, 404, &[]);
    }
    assert!(check.finish() >= 100);

    let (status, body) = post(&hold, next_week);
    assert_eq!(status, 200, "{body}");
}

// ----- public entries -----------------------------------------------------------------

fn bad_entries_are_refused_naming_the_field_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 1, Some(1), "open");
    server.create_event("hidden", 5, None, "draft");
    server.create_event("finished", 5, None, "closed");
    let started = with(
        &new_event("started"),
        json!({"starts_at": at(-chrono::Duration::hours(1)), "ends_at": at(chrono::Duration::hours(5))}),
    );
    let (status, body) = as_organizer(&server, Method::POST, "/api/v1/events", started);
    assert_eq!(status, 201, "{body}");
    server.join("workshop", "ada@example.org", "either");
    let mut check = Unchanged::watch(&server, &["workshop", "hidden", "finished", "started"]);

    let path = "/api/v1/events/workshop/entries";
    let enter = |slug: &str, body: Value| {
        anyone(
            &server,
            Method::POST,
            &format!("/api/v1/events/{slug}/entries"),
            body,
        )
    };
    let base = json!({"email": "new@example.org", "name": "New Person", "affiliation": "University", "preference": "either", "consent": true});
    for field in ["email", "name", "preference", "consent"] {
        check.refused(
            &format!("an entry without {field}"),
            enter("workshop", without(&base, field)),
            422,
            &[field],
        );
    }
    let bad_values = [
        ("email", json!(42)),
        ("email", json!(null)),
        ("email", json!("")),
        ("email", json!("   ")),
        ("email", json!("not-an-email")),
        ("email", json!("a@")),
        ("email", json!("@example.org")),
        ("email", json!("two@@example.org")),
        ("email", json!("a b@example.org")),
        ("email", json!(format!("{}@example.org", "x".repeat(250)))),
        ("name", json!(["New"])),
        ("name", json!(null)),
        ("name", json!("")),
        ("name", json!("   ")),
        ("name", json!("x".repeat(201))),
        ("name", json!("Bell\u{7}")),
        ("affiliation", json!(5)),
        ("affiliation", json!("x".repeat(201))),
        ("affiliation", json!("Line\u{0}break")),
        ("preference", json!("maybe")),
        ("preference", json!("In_Person")),
        ("preference", json!("")),
        ("preference", json!(true)),
        ("preference", json!(null)),
        ("consent", json!(false)),
        ("consent", json!(null)),
        ("consent", json!("true")),
        ("consent", json!(1)),
    ];
    for (field, value) in &bad_values {
        let case = format!("an entry with {field} = {}", short(value));
        check.refused(
            &case,
            enter("workshop", with(&base, json!({ *field: value }))),
            422,
            &[field],
        );
    }
    let many = with(
        &base,
        json!({"email": "nope", "name": "", "affiliation": "x".repeat(201), "consent": false}),
    );
    check.refused(
        "an entry with four bad fields",
        enter("workshop", many),
        422,
        &["email", "name", "affiliation", "consent"],
    );
    check.refused(
        "an empty body",
        send(&server, Method::POST, path, None, Body::Empty),
        422,
        &["email"],
    );
    check.refused(
        "an entry for an unknown event",
        enter("no-such-event", base.clone()),
        404,
        &[],
    );
    check.refused(
        "an entry for a draft",
        enter("hidden", base.clone()),
        409,
        &[],
    );
    check.refused(
        "an entry for a closed event",
        enter("finished", base.clone()),
        409,
        &[],
    );
    check.refused(
        "an entry for an event that has started",
        enter("started", base.clone()),
        409,
        &[],
    );
    check.refuses_unreadable_bodies(Method::POST, path, None);
    assert!(check.finish() >= 45);

    let (status, body) = enter("workshop", base);
    assert_eq!(status, 202, "{body}");
}

// ----- personal links -----------------------------------------------------------------

/// Sets the deadline of a hold two seconds ahead with the organizer route.
fn hold_briefly(server: &Server, id: i64) {
    let (status, body) = as_organizer(
        server,
        Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": (Utc::now() + chrono::Duration::seconds(2)).to_rfc3339()}),
    );
    assert_eq!(status, 200, "{body}");
}

/// Waits until the audit log of `slug` records that registration `id` expired.
fn wait_for_expiry(server: &Server, slug: &str, id: i64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let audit = organizer_read(server, &format!("/api/v1/events/{slug}/audit"));
        let expired = audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["registration_id"] == id && e["to"] == "expired");
        if expired {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "registration {id} never expired: {audit}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn bad_personal_actions_are_refused_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 1, Some(2), "invite_only");
    let confirmed = server.invite("workshop", "confirmed@example.org", "virtual");
    let (status, me) = anyone(
        &server,
        Method::POST,
        &format!("/api/v1/me/{confirmed}/accept"),
        json!({}),
    );
    assert_eq!(
        (status, me["status"].as_str()),
        (200, Some("confirmed")),
        "{me}"
    );
    let invited = server.invite("workshop", "invited@example.org", "in_person");
    let lapsed = server.invite("workshop", "lapsed@example.org", "virtual");
    let (waiting, me) = server.join("workshop", "waiting@example.org", "in_person");
    assert_eq!(me["status"], "waitlisted");
    let pending = join_unconfirmed(&server, "workshop", "pending@example.org");
    // An offer from the line that lapses: a seat appears, the first in line is offered it.
    server.create_event("offers", 0, Some(0), "open");
    let (offered, me) = server.join("offers", "line@example.org", "in_person");
    assert_eq!(me["status"], "waitlisted");
    server.patch_event("offers", json!({"in_person_capacity": 1}));
    assert_eq!(server.me(&offered)["status"], "offered");
    let lapsed_id = registration_id(&server, "workshop", "lapsed@example.org");
    let offered_id = registration_id(&server, "offers", "line@example.org");
    hold_briefly(&server, lapsed_id);
    hold_briefly(&server, offered_id);
    wait_for_expiry(&server, "workshop", lapsed_id);
    wait_for_expiry(&server, "offers", offered_id);
    let mut check = Unchanged::watch(&server, &["workshop", "offers"]);
    assert_eq!(server.me(&lapsed)["status"], "expired");
    assert_eq!(server.me(&offered)["status"], "expired");

    let me_path = |token: &str, action: &str| {
        if action.is_empty() {
            format!("/api/v1/me/{token}")
        } else {
            format!("/api/v1/me/{token}/{action}")
        }
    };
    let act = |token: &str, action: &str, body: Value| {
        anyone(&server, Method::POST, &me_path(token, action), body)
    };

    // Unknown personal tokens, on every route.
    let unknown = [
        "A".repeat(43),
        "nonsense".to_owned(),
        format!("{invited}x"),
        "%20".to_owned(),
    ];
    for token in &unknown {
        let routes = [
            (Method::GET, "", None),
            (Method::POST, "confirm-email", None),
            (Method::POST, "accept", Some(json!({"mode": "in_person"}))),
            (Method::POST, "decline", None),
            (Method::POST, "cancel", None),
            (Method::POST, "switch", Some(json!({"mode": "virtual"}))),
            (Method::POST, "wait-for", Some(json!({"mode": "virtual"}))),
            (Method::DELETE, "wait-for", None),
            (Method::DELETE, "", None),
        ];
        for (method, action, body) in routes {
            let path = me_path(token, action);
            let answer = send(
                &server,
                method.clone(),
                &path,
                None,
                body.map_or(Body::Empty, Body::Json),
            );
            check.refused(&format!("{method} {path}"), answer, 404, &[]);
        }
    }

    // Values that are not a mode.
    for (action, token) in [
        ("accept", &invited),
        ("switch", &confirmed),
        ("wait-for", &confirmed),
    ] {
        let mut bad_modes = vec![
            json!({"mode": "hybrid"}),
            json!({"mode": "either"}),
            json!({"mode": "In_Person"}),
            json!({"mode": 1}),
        ];
        if action != "accept" {
            // An invitation may be accepted in the mode it holds without naming it.
            bad_modes.extend([json!({}), json!({"mode": null})]);
        }
        for body in bad_modes {
            check.refused(
                &format!("{action} with {body}"),
                act(token, action, body),
                422,
                &["mode"],
            );
        }
        check.refused(
            &format!("{action} with a misspelt mode"),
            act(token, action, json!({"modus": "virtual"})),
            422,
            &["modus"],
        );
        check.refuses_unreadable_bodies(Method::POST, &me_path(token, action), None);
    }

    // The state does not allow it.
    let conflicts = [
        (
            "accepting a lapsed invitation",
            &lapsed,
            "accept",
            json!({}),
        ),
        (
            "accepting a lapsed invitation in its mode",
            &lapsed,
            "accept",
            json!({"mode": "virtual"}),
        ),
        ("accepting a lapsed offer", &offered, "accept", json!({})),
        (
            "accepting a lapsed offer in its mode",
            &offered,
            "accept",
            json!({"mode": "in_person"}),
        ),
        ("declining a lapsed offer", &offered, "decline", json!({})),
        (
            "cancelling a lapsed invitation",
            &lapsed,
            "cancel",
            json!({}),
        ),
        ("accepting a place in line", &waiting, "accept", json!({})),
        (
            "accepting before confirming the address",
            &pending,
            "accept",
            json!({}),
        ),
        (
            "accepting a confirmed seat",
            &confirmed,
            "accept",
            json!({}),
        ),
        (
            "accepting a confirmed seat in the other mode",
            &confirmed,
            "accept",
            json!({"mode": "in_person"}),
        ),
        (
            "declining a confirmed seat",
            &confirmed,
            "decline",
            json!({}),
        ),
        ("declining a place in line", &waiting, "decline", json!({})),
        (
            "switching to a full mode",
            &confirmed,
            "switch",
            json!({"mode": "in_person"}),
        ),
        (
            "switching to the mode held",
            &confirmed,
            "switch",
            json!({"mode": "virtual"}),
        ),
        (
            "switching an invitation",
            &invited,
            "switch",
            json!({"mode": "virtual"}),
        ),
        (
            "switching a place in line",
            &waiting,
            "switch",
            json!({"mode": "virtual"}),
        ),
        (
            "switching before confirming the address",
            &pending,
            "switch",
            json!({"mode": "virtual"}),
        ),
        (
            "waiting for the mode held",
            &confirmed,
            "wait-for",
            json!({"mode": "virtual"}),
        ),
        (
            "waiting for a mode from the line",
            &waiting,
            "wait-for",
            json!({"mode": "virtual"}),
        ),
        (
            "waiting for a mode from an invitation",
            &invited,
            "wait-for",
            json!({"mode": "virtual"}),
        ),
        (
            "waiting for a mode after a lapse",
            &lapsed,
            "wait-for",
            json!({"mode": "in_person"}),
        ),
    ];
    for (case, token, action, body) in conflicts {
        check.refused(case, act(token, action, body), 409, &[]);
    }
    for (case, token) in [
        ("not waiting", &confirmed),
        ("in line", &waiting),
        ("lapsed", &lapsed),
    ] {
        let answer = send(
            &server,
            Method::DELETE,
            &me_path(token, "wait-for"),
            None,
            Body::Empty,
        );
        check.refused(
            &format!("leaving a line for the other mode when {case}"),
            answer,
            409,
            &[],
        );
    }
    assert!(check.finish() >= 100);

    let (status, me) = act(&invited, "accept", json!({"mode": "in_person"}));
    assert_eq!(
        (status, me["status"].as_str()),
        (200, Some("confirmed")),
        "{me}"
    );
}

on_both_databases!(
    bad_event_input_is_refused_naming_the_field_and_changes_nothing,
    bad_invitations_are_refused_naming_the_invitee_and_change_nothing,
    bad_organizer_actions_on_registrations_are_refused_and_change_nothing,
    bad_entries_are_refused_naming_the_field_and_change_nothing,
    bad_personal_actions_are_refused_and_change_nothing,
);
