//! Reminders (SPEC.md, "After the seat"): before the event to each confirmed participant,
//! and before an answer is due to invitees and people offered a seat; each sent once, also
//! after a restart and with two instances on one database.

use std::time::Duration;

use chrono::Utc;
use serde_json::json;

use crate::common::{Db, Email, Server};

fn reminders_to(server: &Server, address: &str, subject_starts: &str) -> Vec<Email> {
    server
        .emails_to(address)
        .into_iter()
        .filter(|e| e.subject.starts_with(subject_starts))
        .collect()
}

/// Waits until `address` has a reminder whose subject starts so, then a few sweeps more.
fn wait_for_reminder(server: &Server, address: &str, subject_starts: &str) -> Vec<Email> {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while reminders_to(server, address, subject_starts).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "{address} had no reminder {subject_starts:?}: {:?}",
            server
                .emails_to(address)
                .iter()
                .map(|e| &e.subject)
                .collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The sweeper runs every second in tests: three more chances to send it twice.
    std::thread::sleep(Duration::from_secs(3));
    reminders_to(server, address, subject_starts)
}

/// An event starting in 30 days whose reminder moment (31 days before) has passed.
fn event_with_a_passed_reminder(server: &Server, slug: &str) {
    server.create_event(slug, 2, Some(10), "open");
    let event = server.patch_event(slug, json!({"reminder_hours_before": [744]}));
    assert_eq!(event["reminder_hours_before"], json!([744]), "{event}");
}

fn a_confirmed_participant_is_reminded_once_also_after_a_restart(db: &Db) {
    let mut server = Server::start(db);
    server.create_event("ws", 1, Some(10), "open");
    let (status, event) = server.organizer_get("/api/v1/events/ws");
    assert_eq!(status, 200);
    assert_eq!(
        event["reminder_hours_before"],
        json!([24]),
        "the default: {event}"
    );
    let (token, _) = server.join("ws", "stream@example.org", "virtual");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "waiting@example.org", "in_person");
    server.enter("ws", "pending@example.org", "virtual");
    // A moment 24 hours before a start 30 days away has not come: nothing yet.
    std::thread::sleep(Duration::from_secs(2));
    assert!(reminders_to(&server, "stream@example.org", "Reminder").is_empty());

    // Set after its moment, a reminder goes out at once.
    server.patch_event("ws", json!({"reminder_hours_before": [744, 24]}));
    let sent = wait_for_reminder(&server, "stream@example.org", "Reminder");
    assert_eq!(sent.len(), 1, "one reminder");
    let text = &sent[0].text;
    assert!(
        text.contains("https://meet.example.org/room"),
        "the meeting link: {text}"
    );
    assert!(
        text.contains("(Europe/Amsterdam)"),
        "the time in the event's zone: {text}"
    );
    assert!(text.contains("/r/"), "the personal link: {text}");
    let room = wait_for_reminder(&server, "room@example.org", "Reminder");
    assert_eq!(room.len(), 1);
    assert!(
        room[0].text.contains("Room 1"),
        "the venue: {}",
        room[0].text
    );
    assert!(reminders_to(&server, "waiting@example.org", "Reminder").is_empty());
    assert!(reminders_to(&server, "pending@example.org", "Reminder").is_empty());
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM reminders"),
        2,
        "one record per reminder sent"
    );

    // A restart sends none again.
    server.kill();
    let server = Server::launch(db, server.token.clone(), &[]);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        reminders_to(&server, "stream@example.org", "Reminder").len(),
        1
    );
    assert_eq!(server.me(&token)["status"], "confirmed");
}

fn two_instances_remind_each_person_once(db: &Db) {
    let first = Server::start(db);
    let second = Server::launch(db, first.token.clone(), &[]);
    first.create_event("ws", 0, None, "open");
    let people: Vec<String> = (0..12).map(|i| format!("p{i}@example.org")).collect();
    for person in &people {
        first.join("ws", person, "virtual");
    }
    first.patch_event("ws", json!({"reminder_hours_before": [744]}));
    for person in &people {
        let sent = wait_for_reminder(&second, person, "Reminder");
        assert_eq!(sent.len(), 1, "{person}: one reminder from two instances");
    }
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM reminders"), 12);
}

fn no_reminder_once_the_event_has_started(db: &Db) {
    let server = Server::start(db);
    server.create_event("now", 0, None, "open");
    server.patch_event("now", json!({"reminder_hours_before": []}));
    server.join("now", "late@example.org", "virtual");
    let starts = Utc::now() - chrono::Duration::hours(1);
    server.patch_event(
        "now",
        json!({
            "starts_at": starts.to_rfc3339(),
            "ends_at": (starts + chrono::Duration::hours(8)).to_rfc3339(),
            "reminder_hours_before": [24, 2],
        }),
    );
    std::thread::sleep(Duration::from_secs(3));
    assert!(reminders_to(&server, "late@example.org", "Reminder").is_empty());
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM reminders"), 0);
}

fn an_open_invitation_is_reminded_before_its_deadline(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(0), "invite_only");
    let until = Utc::now() + chrono::Duration::hours(10);
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/ws/invitations",
        json!({
            "invitees": [
                {"email": "old@example.org", "name": "Invited long ago", "mode": "in_person"},
                {"email": "new@example.org", "name": "Invited just now", "mode": "in_person"},
            ],
            "hold_until": until.to_rfc3339(),
        }),
    );
    assert_eq!(status, 201, "{body}");
    server.wait_for_email("new@example.org", 1);
    // A hold given just now with ten hours to answer gets no reminder at once...
    std::thread::sleep(Duration::from_secs(3));
    assert!(reminders_to(&server, "new@example.org", "Please answer").is_empty());
    // ...but one given two days ago does, once.
    db.execute(
        "UPDATE registrations SET updated_at = {days_ago:2} WHERE email = 'old@example.org'",
    );
    let sent = wait_for_reminder(&server, "old@example.org", "Please answer");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].text.contains("until"), "{}", sent[0].text);
    assert!(reminders_to(&server, "new@example.org", "Please answer").is_empty());
}

fn bad_reminder_hours_are_a_422_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(0), "open");
    for (bad, why) in [
        (json!([0]), "zero hours"),
        (json!([-1]), "negative hours"),
        (json!([8761]), "more than a year"),
        (json!([1, 2, 3, 4, 5, 6]), "more than five"),
        (json!(["soon"]), "not a number"),
        (json!(null), "null"),
    ] {
        db.wait_for_the_outbox();
        let before = db.snapshot();
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"reminder_hours_before": bad}),
        );
        assert_eq!(status, 422, "{why}: {body}");
        assert!(
            body.to_string().contains("reminder_hours_before"),
            "{why}: the field is named: {body}"
        );
        assert_eq!(db.snapshot(), before, "{why}: nothing changed");
    }
    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/ws",
        json!({"reminder_hours_before": []}),
    );
    assert_eq!(status, 200, "none at all is allowed: {body}");
    assert_eq!(body["reminder_hours_before"], json!([]));
}

fn reminder_records_are_erased_with_the_person(db: &Db) {
    let server = Server::start(db);
    event_with_a_passed_reminder(&server, "ws");
    let (token, _) = server.join("ws", "gone@example.org", "virtual");
    wait_for_reminder(&server, "gone@example.org", "Reminder");
    let (status, body) = server.delete(&format!("/api/v1/me/{token}"));
    assert_eq!(status, 204, "{body}");
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM reminders"), 0);
}

on_both_databases!(
    a_confirmed_participant_is_reminded_once_also_after_a_restart,
    two_instances_remind_each_person_once,
    no_reminder_once_the_event_has_started,
    an_open_invitation_is_reminded_before_its_deadline,
    bad_reminder_hours_are_a_422_and_change_nothing,
    reminder_records_are_erased_with_the_person,
);
