//! What the dashboard does, through the API (API.md: "everything a person can do in the web
//! pages can also be done here"): resending an invitation, moving a waiting entry, messages
//! to a group, the outbox, duplicating an event and API tokens. Each route is tried as an
//! organizer, without a token, on an unknown id and with bad input, and every refusal
//! leaves things as they were.

use std::time::Duration;

use crate::common::{Db, Server};
use reqwest::Method;
use serde_json::{json, Value};

/// The id of the only registration of `email` in the event.
fn id_of(server: &Server, slug: &str, email: &str) -> i64 {
    server
        .registrations(slug, "")
        .iter()
        .find(|r| r["email"] == email)
        .and_then(|r| r["id"].as_i64())
        .expect("a registration")
}

/// The addresses waiting in line, in line order.
fn line(server: &Server, slug: &str) -> Vec<String> {
    server
        .registrations(slug, "?status=waitlisted")
        .iter()
        .map(|r| r["email"].as_str().unwrap().to_owned())
        .collect()
}

/// The fields a 422 names.
fn fields(body: &Value) -> Vec<String> {
    body["error"]["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

fn an_open_invitation_is_sent_again_with_a_fresh_link(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(0), "invite_only");
    let first = server.invite("ws", "ada@example.org", "in_person");
    let (waiting, _) = server.join("ws", "bob@example.org", "in_person");
    let id = id_of(&server, "ws", "ada@example.org");
    let path = format!("/api/v1/registrations/{id}/resend");

    let (status, body) = server.post(&path, json!({}));
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error"]["code"], "unauthorized");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.emails_to("ada@example.org").len(), 1, "nothing sent");

    let (status, body) = server.organizer(Method::POST, &path, json!({}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], id);
    assert_eq!(body["status"], "invited");
    let mails = server.wait_for_email("ada@example.org", 2);
    assert!(mails[1].subject.contains("invited"), "{}", mails[1].subject);
    let second = mails[1].token.clone().expect("a personal link");
    assert_ne!(second, first, "a fresh link");
    assert_eq!(server.me(&second)["status"], "invited");
    let (_, audit) = server.organizer_get("/api/v1/events/ws/audit");
    assert!(audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["registration_id"] == id && e["note"] == "sent again"));

    for unknown in ["999999", "abc"] {
        let (status, body) = server.organizer(
            Method::POST,
            &format!("/api/v1/registrations/{unknown}/resend"),
            json!({}),
        );
        assert_eq!(status, 404, "{unknown}: {body}");
        assert_eq!(body["error"]["code"], "not_found");
    }
    let bob = id_of(&server, "ws", "bob@example.org");
    let (status, body) = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{bob}/resend"),
        json!({}),
    );
    assert_eq!(status, 409, "only an invitation or offer: {body}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.emails_to("bob@example.org").len(), 2, "nothing sent");
    assert_eq!(server.me(&waiting)["status"], "waitlisted");
}

fn a_waiting_entry_moves_up_and_down_in_its_line(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "invite_only");
    for who in ["a", "b", "c"] {
        server.join("ws", &format!("{who}@example.org"), "in_person");
    }
    let invited = server.invite("ws", "ada@example.org", "in_person");
    let c = id_of(&server, "ws", "c@example.org");
    let a = id_of(&server, "ws", "a@example.org");
    let path = |id: i64| format!("/api/v1/registrations/{id}/move");
    let order = |list: &[&str]| -> Vec<String> {
        list.iter().map(|w| format!("{w}@example.org")).collect()
    };

    let (status, body) = server.organizer(Method::POST, &path(c), json!({"direction": "up"}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "waitlisted");
    assert_eq!(body["position"], 1, "ahead of those who joined before");
    assert_eq!(line(&server, "ws"), order(&["c", "a", "b"]));
    let (status, _) = server.organizer(Method::POST, &path(a), json!({"direction": "down"}));
    assert_eq!(status, 200);
    assert_eq!(line(&server, "ws"), order(&["c", "b", "a"]));
    let (status, body) = server.organizer(Method::POST, &path(c), json!({"direction": "down"}));
    assert_eq!(status, 200);
    assert_eq!(
        body["position"], 2,
        "back among those of its priority, by time"
    );
    assert_eq!(line(&server, "ws"), order(&["b", "c", "a"]));

    let before = line(&server, "ws");
    let (status, _) = server.post(&path(a), json!({"direction": "up"}));
    assert_eq!(status, 401);
    for bad in [
        json!({"direction": "sideways"}),
        json!({"direction": 1}),
        json!({}),
    ] {
        let (status, body) = server.organizer(Method::POST, &path(a), bad.clone());
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(fields(&body), ["direction"], "{body}");
    }
    for unknown in ["999999", "abc"] {
        let (status, _) = server.organizer(
            Method::POST,
            &format!("/api/v1/registrations/{unknown}/move"),
            json!({"direction": "up"}),
        );
        assert_eq!(status, 404, "{unknown}");
    }
    let ada = id_of(&server, "ws", "ada@example.org");
    let (status, body) = server.organizer(Method::POST, &path(ada), json!({"direction": "up"}));
    assert_eq!(status, 409, "an invitation waits in no line: {body}");
    assert_eq!(line(&server, "ws"), before, "nothing moved");
    assert_eq!(server.me(&invited)["status"], "invited");
}

fn a_message_to_a_group_is_previewed_then_sent_through_the_outbox(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(5), "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    server.join("ws", "waiting@example.org", "in_person");
    let message = json!({
        "group": "confirmed_in_person",
        "subject": "Room change",
        "body": "We moved to <b>room 2</b>.\n\nSee you there.",
    });

    let (status, preview) = server.organizer(
        Method::POST,
        "/api/v1/events/ws/messages/preview",
        message.clone(),
    );
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["group"], "confirmed_in_person");
    assert_eq!(preview["recipients"], 1);
    assert_eq!(preview["subject"], "Room change");
    let text = preview["text"].as_str().unwrap();
    assert!(text.contains("(name of the participant)"), "{text}");
    assert!(text.contains("See you there."), "{text}");
    let html = preview["html"].as_str().unwrap();
    assert!(
        html.contains("&lt;b&gt;room 2&lt;/b&gt;"),
        "escaped: {html}"
    );
    let (_, waiting) = server.organizer(
        Method::POST,
        "/api/v1/events/ws/messages/preview",
        json!({"group": "waiting", "subject": "S", "body": "B"}),
    );
    assert_eq!(waiting["recipients"], 1);
    let (_, everyone) = server.organizer(
        Method::POST,
        "/api/v1/events/ws/messages/preview",
        json!({"group": "everyone", "subject": "S", "body": "B"}),
    );
    assert_eq!(everyone["recipients"], 3);

    // Refused without a token, for an unknown event and with bad fields: nothing is sent.
    for path in [
        "/api/v1/events/ws/messages/preview",
        "/api/v1/events/ws/messages",
    ] {
        let (status, _) = server.post(path, message.clone());
        assert_eq!(status, 401, "{path}");
        let unknown = path.replace("/ws/", "/nothing/");
        let (status, body) = server.organizer(Method::POST, &unknown, message.clone());
        assert_eq!(status, 404, "{unknown}: {body}");
        let (status, body) = server.organizer(
            Method::POST,
            path,
            json!({"group": "nobody", "subject": " ", "body": ""}),
        );
        assert_eq!(status, 422, "{path}: {body}");
        assert_eq!(fields(&body), ["body", "group", "subject"]);
        let (status, body) = server.organizer(
            Method::POST,
            path,
            json!({"group": "everyone", "subject": "Two\nlines", "body": "x".repeat(20_001)}),
        );
        assert_eq!(status, 422, "{path}: {body}");
        assert_eq!(fields(&body), ["body", "subject"]);
        let (status, body) = server.organizer(Method::POST, path, json!({"group": "everyone"}));
        assert_eq!(status, 422, "{path}: {body}");
    }
    std::thread::sleep(Duration::from_millis(500));
    for person in ["room", "online", "waiting"] {
        assert_eq!(
            server.emails_to(&format!("{person}@example.org")).len(),
            2,
            "{person}: nothing sent by a preview or a refusal"
        );
    }

    let (status, sent) = server.organizer(Method::POST, "/api/v1/events/ws/messages", message);
    assert_eq!(status, 202, "{sent}");
    assert_eq!(
        sent,
        json!({"group": "confirmed_in_person", "recipients": 1})
    );
    let mails = server.wait_for_email("room@example.org", 3);
    assert_eq!(mails[2].subject, "Room change");
    assert!(mails[2].text.contains("See you there."));
    assert!(
        mails[2].token.is_some(),
        "the message carries the personal link"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(server.emails_to("online@example.org").len(), 2);
    assert_eq!(server.emails_to("waiting@example.org").len(), 2);
    let (_, audit) = server.organizer_get("/api/v1/events/ws/audit");
    assert!(audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["note"].as_str().unwrap().contains("Room change")));
}

/// The outbox as the API lists it, with a query string.
fn outbox(server: &Server, query: &str) -> Value {
    let (status, body) = server.organizer_get(&format!("/api/v1/outbox{query}"));
    assert_eq!(status, 200, "{body}");
    body
}

fn the_outbox_lists_every_email_and_one_waiting_is_retried_now(db: &Db) {
    // No mail server answers: every email waits, retried on its own backoff.
    let away = [("REGISTRAR_SMTP_URL", "smtp://127.0.0.1:9")];
    let mut server = Server::start_with(db, &away);
    server.create_event("ws", 2, Some(0), "invite_only");
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/events/ws/invitations",
        json!({"invitees": [{"email": "ada@example.org", "name": "Ada"}]}),
    );
    assert_eq!(status, 201, "{body}");
    let listed = outbox(&server, "");
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["page"], 1);
    assert_eq!(listed["pages"], 1);
    let email = listed["emails"][0].clone();
    assert_eq!(email["recipient"], "ada@example.org");
    assert_eq!(email["kind"], "invitation");
    assert_eq!(email["status"], "pending");
    assert!(email["registration_id"].is_i64());
    assert!(
        email.get("body_text").is_none(),
        "no bodies or links: {email}"
    );
    let id = email["id"].as_i64().unwrap();
    let failed_once = || outbox(&server, "?status=pending")["emails"][0]["attempts"].as_u64();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while failed_once() == Some(0) {
        assert!(std::time::Instant::now() < deadline, "never tried");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (status, body) = server.post(&format!("/api/v1/outbox/{id}/retry"), json!({}));
    assert_eq!(status, 401, "{body}");

    let (status, retried) = server.organizer(
        Method::POST,
        &format!("/api/v1/outbox/{id}/retry"),
        json!({}),
    );
    assert_eq!(status, 200, "{retried}");
    assert_eq!(retried["id"], id);
    assert_eq!(retried["status"], "pending");
    let due: chrono::DateTime<chrono::Utc> = retried["next_attempt_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(due <= chrono::Utc::now(), "due at once: {retried}");
    for unknown in ["999999", "abc"] {
        let (status, body) = server.organizer(
            Method::POST,
            &format!("/api/v1/outbox/{unknown}/retry"),
            json!({}),
        );
        assert_eq!(status, 404, "{unknown}: {body}");
        assert_eq!(body["error"]["message"], "email not found");
    }
    for (query, field) in [
        ("?status=lost", "status"),
        ("?page=0", "page"),
        ("?page=two", "page"),
    ] {
        let (status, body) = server.organizer_get(&format!("/api/v1/outbox{query}"));
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(fields(&body), [field]);
    }
    assert_eq!(server.get("/api/v1/outbox").0, 401);
    assert_eq!(outbox(&server, "?status=sent")["total"], 0);

    // With the outbox folder instead, it goes out; a delivered email is not retried.
    server.kill();
    let server = Server::launch(db, server.token.clone(), &[]);
    server.wait_for_email("ada@example.org", 1);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while outbox(&server, "?status=sent")["total"] != 1 {
        assert!(std::time::Instant::now() < deadline, "never marked sent");
        std::thread::sleep(Duration::from_millis(100));
    }
    let sent = outbox(&server, "?status=sent")["emails"][0].clone();
    assert_eq!(sent["id"], id);
    assert!(sent["sent_at"].is_string() && sent["next_attempt_at"].is_null());
    let (status, body) = server.organizer(
        Method::POST,
        &format!("/api/v1/outbox/{id}/retry"),
        json!({}),
    );
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        outbox(&server, "?status=sent")["emails"][0],
        sent,
        "unchanged"
    );
    assert_eq!(outbox(&server, "?page=2")["emails"], json!([]));
}

fn an_event_is_duplicated_as_a_draft_with_its_settings(db: &Db) {
    let server = Server::start(db);
    let source = server.create_event("ws", 3, Some(20), "open");
    server.invite("ws", "ada@example.org", "in_person");

    let (status, copy) = server.organizer(Method::POST, "/api/v1/events/ws/duplicate", json!({}));
    assert_eq!(status, 201, "{copy}");
    assert_eq!(copy["slug"], "ws-copy");
    assert_eq!(copy["title"], "Event ws (copy)");
    assert_eq!(copy["phase"], "draft");
    for field in [
        "starts_at",
        "ends_at",
        "timezone",
        "venue",
        "meeting_url",
        "in_person_capacity",
        "virtual_capacity",
        "offer_window_hours",
        "invitation_window_days",
        "auto_confirm",
    ] {
        assert_eq!(copy[field], source[field], "{field}");
    }
    assert_eq!(copy["seats"]["in_person"]["held"], 0, "nobody registered");
    assert!(server.registrations("ws-copy", "").is_empty());
    assert_eq!(
        server.registrations("ws", "").len(),
        1,
        "the source keeps its own"
    );

    let starts = chrono::Utc::now() + chrono::Duration::days(400);
    let changes = json!({
        "slug": "ws-2028",
        "title": "The workshop, next year",
        "starts_at": starts.to_rfc3339(),
        "ends_at": (starts + chrono::Duration::hours(6)).to_rfc3339(),
    });
    let (status, next) =
        server.organizer(Method::POST, "/api/v1/events/ws/duplicate", changes.clone());
    assert_eq!(status, 201, "{next}");
    assert_eq!(next["slug"], "ws-2028");
    assert_eq!(next["title"], "The workshop, next year");
    assert_eq!(next["phase"], "draft");
    assert_eq!(next["in_person_capacity"], 3);
    let at = |v: &Value| {
        v.as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    assert_eq!(at(&next["starts_at"]).timestamp(), starts.timestamp());

    let (status, _) = server.post("/api/v1/events/ws/duplicate", json!({"slug": "sneaky"}));
    assert_eq!(status, 401);
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/events/nothing/duplicate",
        json!({"slug": "from-nothing"}),
    );
    assert_eq!(status, 404, "{body}");
    for (bad, named) in [
        (json!({}), vec!["slug"]),
        (changes, vec!["slug"]),
        (
            json!({"slug": "Not A Slug", "title": " "}),
            vec!["slug", "title"],
        ),
        (
            json!({"slug": "later", "ends_at": "2020-01-01T00:00:00Z"}),
            vec!["ends_at"],
        ),
        (
            json!({"slug": "later", "in_person_capacity": -1}),
            vec!["in_person_capacity"],
        ),
    ] {
        let (status, body) =
            server.organizer(Method::POST, "/api/v1/events/ws/duplicate", bad.clone());
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(fields(&body), named, "{body}");
    }
    for slug in ["sneaky", "from-nothing", "not-a-slug", "later"] {
        assert_eq!(
            server.organizer_get(&format!("/api/v1/events/{slug}")).0,
            404,
            "{slug} was not made"
        );
    }
}

fn api_tokens_are_listed_made_once_and_revoked(db: &Db) {
    let server = Server::start(db);
    let (status, list) = server.organizer_get("/api/v1/tokens");
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["tokens"].as_array().unwrap().len(), 1);
    assert_eq!(list["tokens"][0]["name"], "tests");
    assert!(list["tokens"][0]["revoked_at"].is_null());

    let (status, made) =
        server.organizer(Method::POST, "/api/v1/tokens", json!({"name": " scripts "}));
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["name"], "scripts");
    let token = made["token"].as_str().unwrap().to_owned();
    let id = made["id"].as_i64().unwrap();
    let with = |token: &str, method: Method, path: &str| {
        let response = server
            .http
            .request(method, server.url(path))
            .bearer_auth(token)
            .json(&json!({}))
            .send()
            .unwrap();
        response.status().as_u16()
    };
    assert_eq!(
        with(&token, Method::GET, "/api/v1/tokens"),
        200,
        "the new token works"
    );
    let (_, list) = server.organizer_get("/api/v1/tokens");
    let listed = list.to_string();
    assert!(
        !listed.contains(&token),
        "its value is shown only once: {listed}"
    );
    assert_eq!(list["tokens"][0]["id"], id, "newest first");

    let (status, body) = server.post(&format!("/api/v1/tokens/{id}/revoke"), json!({}));
    assert_eq!(status, 401, "{body}");
    assert_eq!(server.get("/api/v1/tokens").0, 401);
    assert_eq!(
        server.post("/api/v1/tokens", json!({"name": "mine"})).0,
        401
    );
    for bad in [
        json!({"name": "  "}),
        json!({"name": "x".repeat(101)}),
        json!({}),
        json!({"name": 7}),
    ] {
        let (status, body) = server.organizer(Method::POST, "/api/v1/tokens", bad.clone());
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(fields(&body), ["name"]);
    }
    for unknown in ["999999", "abc"] {
        let (status, body) = server.organizer(
            Method::POST,
            &format!("/api/v1/tokens/{unknown}/revoke"),
            json!({}),
        );
        assert_eq!(status, 404, "{unknown}: {body}");
        assert_eq!(body["error"]["message"], "token not found");
    }
    let (_, list) = server.organizer_get("/api/v1/tokens");
    assert_eq!(
        list["tokens"].as_array().unwrap().len(),
        2,
        "nothing else was made"
    );
    assert_eq!(
        with(&token, Method::GET, "/api/v1/tokens"),
        200,
        "nor revoked"
    );

    let (status, revoked) = server.organizer(
        Method::POST,
        &format!("/api/v1/tokens/{id}/revoke"),
        json!({}),
    );
    assert_eq!(status, 200, "{revoked}");
    assert!(revoked["revoked_at"].is_string());
    assert_eq!(
        with(&token, Method::GET, "/api/v1/tokens"),
        401,
        "revoked at once"
    );
    let (status, _) = server.organizer(
        Method::POST,
        &format!("/api/v1/tokens/{id}/revoke"),
        json!({}),
    );
    assert_eq!(status, 409, "revoked before");
    let (_, list) = server.organizer_get("/api/v1/tokens");
    assert_eq!(list["tokens"][0]["revoked_at"], revoked["revoked_at"]);
}

fn the_openapi_description_has_every_route_the_dashboard_has(db: &Db) {
    let server = Server::start(db);
    let (status, spec) = server.get("/api/v1/openapi.json");
    assert_eq!(status, 200);
    for (path, method) in [
        ("/api/v1/registrations/{id}/resend", "post"),
        ("/api/v1/registrations/{id}/move", "post"),
        ("/api/v1/events/{slug}/messages/preview", "post"),
        ("/api/v1/events/{slug}/messages", "post"),
        ("/api/v1/outbox", "get"),
        ("/api/v1/outbox/{id}/retry", "post"),
        ("/api/v1/events/{slug}/duplicate", "post"),
        ("/api/v1/tokens", "get"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/tokens/{id}/revoke", "post"),
    ] {
        let operation = &spec["paths"][path][method];
        assert!(operation.is_object(), "{method} {path}");
        assert!(operation["responses"]["401"].is_object(), "{method} {path}");
        assert!(operation["description"].is_string(), "{method} {path}");
    }
}

on_both_databases!(
    an_open_invitation_is_sent_again_with_a_fresh_link,
    a_waiting_entry_moves_up_and_down_in_its_line,
    a_message_to_a_group_is_previewed_then_sent_through_the_outbox,
    the_outbox_lists_every_email_and_one_waiting_is_retried_now,
    an_event_is_duplicated_as_a_draft_with_its_settings,
    api_tokens_are_listed_made_once_and_revoked,
    the_openapi_description_has_every_route_the_dashboard_has,
);
