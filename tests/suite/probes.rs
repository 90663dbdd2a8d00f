//! What a hostile probe of the release binary found, each kept from coming back: unknown
//! JSON fields, a dead token with a bad body, HEAD, a hand-made `consent=no`, names that
//! show as nothing, the slug `new`, deadlines past the calendar's years, oversized forms,
//! caches keeping personal answers, and the forms used to fill a stranger's inbox. Each refusal changes nothing stored.

use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{Db, Server};

fn refused_naming(answer: &(u16, Value), status: u16, field: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert!(
        answer.1["error"]["fields"].get(field).is_some(),
        "the answer names {field}: {}",
        answer.1
    );
}

fn unknown_fields_are_refused_naming_them_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let before = db.snapshot();
    let patch = server.organizer(
        Method::PATCH,
        "/api/v1/events/workshop",
        json!({"capcity": 10}),
    );
    refused_naming(&patch, 422, "capcity");
    assert_eq!(
        patch.1["error"]["fields"]["capcity"][0],
        "is not a field of this request"
    );
    let join = server.post(
        "/api/v1/events/workshop/entries",
        json!({"email": "a@example.org", "name": "A", "preference": "either",
               "consent": true, "admin": true}),
    );
    refused_naming(&join, 422, "admin");
    let invite = server.organizer(
        Method::POST,
        "/api/v1/events/workshop/invitations",
        json!({"invitees": [{"email": "b@example.org", "name": "B", "mode": "in_person",
                              "seats": 3}]}),
    );
    assert_eq!(invite.0, 422, "{}", invite.1);
    let fields = invite.1["error"]["fields"].as_object().unwrap();
    assert!(
        fields.keys().any(|k| k.ends_with("seats")),
        "the nested field is named: {fields:?}"
    );
    assert_eq!(db.snapshot(), before, "nothing stored or changed");
}

fn a_dead_token_is_refused_before_its_body_is_read(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    db.execute("UPDATE api_tokens SET revoked_at = {days_ago:0}");
    let before = db.snapshot();
    for token in [server.token.as_str(), "not-a-token-at-all"] {
        for body in [
            b"{not json".to_vec(),
            br#"{"capcity": 10}"#.to_vec(),
            br#"{"in_person_capacity": -1}"#.to_vec(),
            vec![b' '; 2 * 1024 * 1024],
        ] {
            let response = server
                .http
                .patch(server.url("/api/v1/events/workshop"))
                .bearer_auth(token)
                .header(CONTENT_TYPE, "application/json")
                .body(body)
                .send()
                .unwrap();
            assert_eq!(response.status(), 401, "authenticated first, always");
        }
    }
    assert_eq!(db.snapshot(), before);
}

fn head_is_answered_like_get_without_a_body(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let (token, _) = server.join("workshop", "ada@example.org", "in_person");
    for path in [
        "/".to_owned(),
        "/events/workshop".to_owned(),
        format!("/r/{token}"),
        "/api/v1/events/workshop".to_owned(),
    ] {
        let get = server.http.get(server.url(&path)).send().unwrap();
        let head = server.http.head(server.url(&path)).send().unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        assert_eq!(
            head.headers().get(CONTENT_TYPE),
            get.headers().get(CONTENT_TYPE),
            "HEAD {path}"
        );
        assert!(head.bytes().unwrap().is_empty(), "HEAD {path} has no body");
    }
}

fn consent_is_only_an_explicit_yes(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let before = db.snapshot();
    for consent in ["no", "off", "false", ""] {
        let join = server
            .http
            .post(server.url("/events/workshop/join"))
            .form(&[
                ("email", "ada@example.org"),
                ("name", "Ada"),
                ("preference", "either"),
                ("consent", consent),
            ])
            .send()
            .unwrap();
        assert_eq!(join.status(), 422, "consent={consent:?} is no consent");
        assert!(join.text().unwrap().contains("field-consent-error"));
        let news = server
            .http
            .post(server.url("/newsletter"))
            .form(&[("email", "ada@example.org"), ("consent", consent)])
            .send()
            .unwrap();
        assert_eq!(news.status(), 422, "consent={consent:?} is no consent");
    }
    assert_eq!(db.snapshot(), before);
    let yes = server
        .http
        .post(server.url("/events/workshop/join"))
        .form(&[
            ("email", "ada@example.org"),
            ("name", "Ada"),
            ("preference", "either"),
            ("consent", "yes"),
        ])
        .send()
        .unwrap();
    assert_eq!(yes.status(), 200);
}

fn names_that_show_as_nothing_or_reorder_text_are_refused(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let before = db.snapshot();
    for name in [
        "\u{200B}\u{200D}",
        "\u{FEFF}",
        "Ada\u{202E}gnp.exe",
        "\u{2067}Ada",
    ] {
        let join = server.post(
            "/api/v1/events/workshop/entries",
            json!({"email": "a@example.org", "name": name, "preference": "either",
                   "consent": true}),
        );
        refused_naming(&join, 422, "name");
        let invite = server.organizer(
            Method::POST,
            "/api/v1/events/workshop/invitations",
            json!({"invitees": [{"email": "b@example.org", "name": name, "mode": "virtual"}]}),
        );
        assert_eq!(invite.0, 422, "{name:?}: {}", invite.1);
    }
    assert_eq!(db.snapshot(), before);
}

fn the_slug_new_is_reserved(db: &Db) {
    let server = Server::start(db);
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    let create = server.organizer(
        Method::POST,
        "/api/v1/events",
        json!({"slug": "new", "title": "New", "timezone": "UTC",
               "starts_at": starts.to_rfc3339(),
               "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339(),
               "in_person_capacity": 5}),
    );
    refused_naming(&create, 422, "slug");
    server.create_event("workshop", 2, Some(10), "open");
    let rename = server.organizer(
        Method::PATCH,
        "/api/v1/events/workshop",
        json!({"slug": "new"}),
    );
    refused_naming(&rename, 422, "slug");
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM events WHERE slug = 'new'"),
        0
    );
}

fn deadlines_past_the_calendar_years_are_refused(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "invite_only");
    server.invite("workshop", "ada@example.org", "in_person");
    let id = server.registrations("workshop", "")[0]["id"]
        .as_i64()
        .unwrap();
    let before = db.snapshot();
    let hold = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": "3000-01-01T00:00:00Z"}),
    );
    refused_naming(&hold, 422, "hold_until");
    let invite = server.organizer(
        Method::POST,
        "/api/v1/events/workshop/invitations",
        json!({"invitees": [{"email": "b@example.org", "name": "B", "mode": "virtual"}],
               "hold_until": "9999-12-31T23:59:59Z"}),
    );
    refused_naming(&invite, 422, "hold_until");
    assert_eq!(db.snapshot(), before);
}

fn a_form_larger_than_anyone_fills_in_is_a_413(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let before = db.snapshot();
    let long = "x".repeat(20 * 1024);
    let join = server
        .http
        .post(server.url("/events/workshop/join"))
        .form(&[
            ("email", "ada@example.org"),
            ("name", long.as_str()),
            ("preference", "either"),
            ("consent", "yes"),
        ])
        .send()
        .unwrap();
    assert_eq!(join.status(), 413);
    assert!(join.text().unwrap().contains("The form is too long"));
    assert_eq!(db.snapshot(), before);
}

fn answers_with_personal_data_are_kept_by_no_cache(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    let (token, _) = server.join("workshop", "ada@example.org", "in_person");
    let me = server
        .http
        .get(server.url(&format!("/api/v1/me/{token}")))
        .send()
        .unwrap();
    assert_eq!(me.headers().get(CACHE_CONTROL).unwrap(), "no-store");
    for path in [
        "/api/v1/events/workshop/registrations",
        "/api/v1/events/workshop/export.csv",
        "/api/v1/events/workshop/audit",
    ] {
        let answer = server
            .http
            .get(server.url(path))
            .bearer_auth(&server.token)
            .send()
            .unwrap();
        assert_eq!(answer.status(), 200, "{path}");
        assert_eq!(
            answer.headers().get(CACHE_CONTROL).unwrap(),
            "no-store",
            "{path}"
        );
    }
}

fn a_strangers_address_gets_few_requests_and_never_the_name_typed(db: &Db) {
    let server = Server::start(db);
    server.create_event("workshop", 2, Some(10), "open");
    server.create_event("webinar", 0, Some(100), "open");
    let victim = "victim@example.org";
    let mut answers = Vec::new();
    for slug in ["workshop", "webinar"] {
        for _ in 0..5 {
            answers.push(server.post(
                &format!("/api/v1/events/{slug}/entries"),
                json!({"email": victim, "name": "Click http://evil.example now",
                       "preference": "either", "consent": true}),
            ));
        }
    }
    assert!(
        answers.iter().all(|a| a == &answers[0]),
        "every join answered alike"
    );
    assert_eq!(answers[0].0, 202);
    for _ in 0..5 {
        let signed = server
            .http
            .post(server.url("/newsletter"))
            .form(&[("email", victim), ("consent", "yes")])
            .send()
            .unwrap();
        assert_eq!(signed.status(), 200);
    }
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let emails = server.emails_to(victim);
    let requests = emails
        .iter()
        .filter(|e| !e.subject.contains("subscription"))
        .count();
    let news = emails.len() - requests;
    let subjects: Vec<_> = emails.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(
        requests, 3,
        "at most 3 requests a day to one address: {subjects:?}"
    );
    assert_eq!(news, 3, "and at most 3 newsletter confirmations");
    for email in &emails {
        assert!(!email.text.contains("evil.example"), "{}", email.text);
        assert!(!email.text.contains("Click"), "{}", email.text);
    }
    assert!(emails[0].text.contains("Hello,"), "{}", emails[0].text);
    assert!(!emails[0].text.contains("Dear"), "greeted neutrally");
}

on_both_databases!(
    unknown_fields_are_refused_naming_them_and_change_nothing,
    a_dead_token_is_refused_before_its_body_is_read,
    head_is_answered_like_get_without_a_body,
    consent_is_only_an_explicit_yes,
    names_that_show_as_nothing_or_reorder_text_are_refused,
    the_slug_new_is_reserved,
    deadlines_past_the_calendar_years_are_refused,
    a_form_larger_than_anyone_fills_in_is_a_413,
    answers_with_personal_data_are_kept_by_no_cache,
    a_strangers_address_gets_few_requests_and_never_the_name_typed,
);
