//! Reconfirmation (SPEC.md, "After the seat"): some days before the event each confirmed
//! in-person participant is asked "are you still coming?"; answering keeps the seat, no
//! answer by the deadline ends the registration as expired and hands the seat on. Each is
//! asked once, also after a restart and with two instances on one database.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::common::{Db, Email, Server};
use crate::dashboard::Organizer;

const ASKED: &str = "Are you still coming";

fn questions_to(server: &Server, address: &str) -> Vec<Email> {
    server
        .emails_to(address)
        .into_iter()
        .filter(|e| e.subject.starts_with(ASKED))
        .collect()
}

/// Waits until `address` was asked, then a few sweeps more, and returns the questions.
fn wait_to_be_asked(server: &Server, address: &str) -> Vec<Email> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while questions_to(server, address).is_empty() {
        assert!(Instant::now() < deadline, "{address} was never asked");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The sweeper runs every second in tests: three more chances to ask twice.
    std::thread::sleep(Duration::from_secs(3));
    questions_to(server, address)
}

fn wait_for_status(server: &Server, token: &str, status: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let me = server.me(token);
        if me["status"] == status {
            return me;
        }
        assert!(Instant::now() < deadline, "never {status}: {me}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn registration_id(server: &Server, slug: &str, email: &str) -> i64 {
    server
        .registrations(slug, "")
        .iter()
        .find(|r| r["email"] == email)
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("{email} is registered"))
}

/// Turns reconfirmation on for an event starting in 30 days, asking 31 days before: the
/// moment has passed, so everyone is asked at once.
fn ask_now(server: &Server, slug: &str) {
    let event = server.patch_event(
        slug,
        json!({"reconfirm": {"days_before": 31, "window_hours": 48}}),
    );
    assert_eq!(
        event["reconfirm"],
        json!({"days_before": 31, "window_hours": 48}),
        "{event}"
    );
}

fn answering_keeps_the_seat_and_silence_hands_it_on(db: &Db) {
    let mut server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    let (status, event) = server.organizer_get("/api/v1/events/ws");
    assert_eq!(status, 200);
    assert_eq!(event["reconfirm"], json!(null), "off by default: {event}");
    let (coming, _) = server.join("ws", "coming@example.org", "in_person");
    let (silent, _) = server.join("ws", "silent@example.org", "in_person");
    let (next, _) = server.join("ws", "next@example.org", "in_person");
    server.join("ws", "stream@example.org", "virtual");
    assert_eq!(server.me(&next)["status"], "waitlisted");
    assert_eq!(server.me(&coming)["reconfirm_by"], json!(null));

    ask_now(&server, "ws");
    let asked = wait_to_be_asked(&server, "coming@example.org");
    assert_eq!(asked.len(), 1, "asked once");
    assert!(
        asked[0].text.contains("/r/"),
        "the personal link: {}",
        asked[0].text
    );
    assert!(
        asked[0].text.contains("(Europe/Amsterdam)"),
        "the deadline in the event's zone: {}",
        asked[0].text
    );
    assert_eq!(wait_to_be_asked(&server, "silent@example.org").len(), 1);
    assert!(
        questions_to(&server, "next@example.org").is_empty(),
        "waiting: not asked"
    );
    assert!(
        questions_to(&server, "stream@example.org").is_empty(),
        "virtual: not asked"
    );

    let me = server.me(&coming);
    let by: DateTime<Utc> = me["reconfirm_by"]
        .as_str()
        .expect("a pending reconfirmation")
        .parse()
        .unwrap();
    let hours = (by - Utc::now()).num_minutes() as f64 / 60.0;
    assert!(
        (47.0..=48.0).contains(&hours),
        "48 hours to answer: {hours}"
    );
    let listed = server.registrations("ws", "?status=confirmed");
    assert!(
        listed
            .iter()
            .all(|r| r["reconfirm_by"].is_string() == (r["mode"] == "in_person")),
        "the registrations show it: {listed:?}"
    );

    // "Yes, I'm coming": the seat stays, with no deadline; a second answer is a 409.
    let (status, me) = server.post(&format!("/api/v1/me/{coming}/reconfirm"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
    assert_eq!(me["reconfirm_by"], json!(null));
    let (status, body) = server.post(&format!("/api/v1/me/{coming}/reconfirm"), json!({}));
    assert_eq!(status, 409, "nothing is asked any more: {body}");

    // The organizer moves the silent one's deadline to a moment from now, with the hold
    // route; once it passes the seat is gone, and the next in line is offered it.
    let id = registration_id(&server, "ws", "silent@example.org");
    let soon = Utc::now() + chrono::Duration::seconds(2);
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": soon.to_rfc3339()}),
    );
    assert_eq!(status, 200, "{body}");
    let moved: DateTime<Utc> = body["reconfirm_by"].as_str().unwrap().parse().unwrap();
    assert!((moved - soon).num_milliseconds().abs() < 1000, "{body}");
    wait_for_status(&server, &silent, "expired");
    let offered = wait_for_status(&server, &next, "offered");
    assert_eq!(offered["mode"], "in_person", "{offered}");
    let deadline = Instant::now() + Duration::from_secs(30);
    let gone = loop {
        let told = server
            .emails_to("silent@example.org")
            .into_iter()
            .find(|e| e.subject.contains("has gone to the next person"));
        if let Some(email) = told {
            break email;
        }
        assert!(
            Instant::now() < deadline,
            "never told that the seat went on"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        gone.text.contains("METHOD:CANCEL"),
        "the calendar entry is taken back"
    );
    let (status, body) = server.post(&format!("/api/v1/me/{silent}/reconfirm"), json!({}));
    assert_eq!(status, 409, "too late: {body}");

    // Each question is recorded once; a restart asks nobody again.
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM reminders WHERE kind = 'reconfirmation'"),
        2
    );
    server.kill();
    let server = Server::launch(db, server.token.clone(), &[]);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(questions_to(&server, "coming@example.org").len(), 1);
    assert_eq!(server.me(&coming)["status"], "confirmed");
    assert_eq!(server.me(&coming)["reconfirm_by"], json!(null));
}

fn a_lapsed_reconfirmation_never_blocks_anyone_before_the_sweep(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(10), "open");
    let (silent, _) = server.join("ws", "silent@example.org", "in_person");
    ask_now(&server, "ws");
    wait_to_be_asked(&server, "silent@example.org");
    let id = registration_id(&server, "ws", "silent@example.org");
    let soon = Utc::now() + chrono::Duration::milliseconds(1500);
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": soon.to_rfc3339()}),
    );
    assert_eq!(status, 200, "{body}");
    std::thread::sleep(Duration::from_millis(1600));
    // Whether or not a sweep has run, the seat is free for a newcomer at once.
    let (newcomer, me) = server.join("ws", "newcomer@example.org", "in_person");
    assert_eq!(me["status"], "confirmed", "{me}");
    assert_eq!(server.me(&silent)["status"], "expired");
    assert_eq!(server.seats("ws")["in_person"]["held"], 1);
    assert_eq!(server.me(&newcomer)["mode"], "in_person");
}

fn the_personal_page_asks_and_its_buttons_answer(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(10), "open");
    let (token, _) = server.join("ws", "coming@example.org", "in_person");
    ask_now(&server, "ws");
    wait_to_be_asked(&server, "coming@example.org");
    let page = reqwest::blocking::get(server.url(&format!("/r/{token}")))
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("Are you still coming?"), "{page}");
    assert!(
        page.contains(&format!("action=\"/r/{token}/reconfirm\"")),
        "{page}"
    );
    assert!(page.contains("No, free my seat"), "{page}");
    // A GET of the answer's address changes nothing (mail scanners follow links).
    reqwest::blocking::get(server.url(&format!("/r/{token}/reconfirm"))).unwrap();
    assert!(server.me(&token)["reconfirm_by"].is_string());

    let answered = reqwest::blocking::Client::new()
        .post(server.url(&format!("/r/{token}/reconfirm")))
        .form(&[("x", "")])
        .send()
        .unwrap();
    assert!(answered.status().is_success(), "{}", answered.status());
    let page = answered.text().unwrap();
    assert!(page.contains("your seat is kept"), "{page}");
    assert!(!page.contains("Are you still coming?"), "{page}");
    assert_eq!(server.me(&token)["reconfirm_by"], json!(null));
}

fn bad_reconfirmation_settings_are_a_422_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, None, "open");
    let (token, _) = server.join("ws", "a@example.org", "in_person");
    db.wait_for_the_outbox();
    for (bad, why) in [
        (json!({"days_before": 0, "window_hours": 2}), "no days"),
        (
            json!({"days_before": -3, "window_hours": 2}),
            "negative days",
        ),
        (json!({"days_before": 2, "window_hours": 0}), "no hours"),
        (
            json!({"days_before": 2, "window_hours": -1}),
            "negative hours",
        ),
        (
            json!({"days_before": 1, "window_hours": 24}),
            "due after the start",
        ),
        (
            json!({"days_before": 400, "window_hours": 2}),
            "too many days",
        ),
        (json!({"days_before": 2}), "hours missing"),
        (
            json!({"days_before": 2, "window_hours": 2, "why": 1}),
            "an unknown field",
        ),
        (json!("3 days"), "not an object"),
    ] {
        let before = db.snapshot();
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"reconfirm": bad}),
        );
        assert_eq!(status, 422, "{why}: {body}");
        assert!(
            body.to_string().contains("reconfirm"),
            "{why}: the field is named: {body}"
        );
        assert_eq!(db.snapshot(), before, "{why}: nothing changed");
    }
    // Nothing asked: answering is a 409 and changes nothing.
    let before = db.snapshot();
    let (status, body) = server.post(&format!("/api/v1/me/{token}/reconfirm"), json!({}));
    assert_eq!(status, 409, "{body}");
    assert_eq!(db.snapshot(), before);
    // null turns it off.
    ask_now(&server, "ws");
    let event = server.patch_event("ws", json!({"reconfirm": null}));
    assert_eq!(event["reconfirm"], json!(null));
}

fn two_instances_ask_each_participant_once(db: &Db) {
    let first = Server::start(db);
    let second = Server::launch(db, first.token.clone(), &[]);
    first.create_event("ws", 12, None, "open");
    let people: Vec<String> = (0..10).map(|i| format!("p{i}@example.org")).collect();
    for person in &people {
        first.join("ws", person, "in_person");
    }
    ask_now(&first, "ws");
    for person in &people {
        assert_eq!(
            wait_to_be_asked(&second, person).len(),
            1,
            "{person}: asked once by two instances"
        );
    }
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM reminders WHERE kind = 'reconfirmation'"),
        10
    );
}

fn the_dashboard_sets_it_and_refuses_a_window_past_the_start(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "2", "", "open");
    let form = organizer.get("/organizer/events/ws/edit").1;
    assert!(form.contains("name=\"reconfirm_days_before\""), "{form}");
    db.wait_for_the_outbox();
    let starts = Utc::now() + chrono::Duration::days(30);
    let local = |t: DateTime<Utc>| {
        t.with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let (starts_at, ends_at) = (local(starts), local(starts + chrono::Duration::hours(8)));
    let fields = |days: &'static str, hours: &'static str| -> Vec<(&'static str, String)> {
        vec![
            ("title", "Workshop ws".into()),
            ("slug", "ws".into()),
            ("timezone", "Europe/Amsterdam".into()),
            ("starts_at", starts_at.clone()),
            ("ends_at", ends_at.clone()),
            ("venue", "Room 1".into()),
            ("meeting_url", String::new()),
            ("in_person_capacity", "2".into()),
            ("virtual_capacity", String::new()),
            ("offer_window_hours", "48".into()),
            ("invitation_window_days", "14".into()),
            ("reminder_hours_before", "24".into()),
            ("reconfirm_days_before", days.into()),
            ("reconfirm_window_hours", hours.into()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        organizer.post("/organizer/events/ws/edit", &borrowed)
    };
    for (days, hours, why) in [
        ("1", "30", "due after the start"),
        ("3", "", "hours missing"),
        ("x", "4", "not a number"),
    ] {
        let before = db.snapshot();
        let (status, _, page) = post(fields(days, hours));
        assert_eq!(status, 422, "{why}: the form again");
        assert!(
            page.contains("field-error"),
            "{why}: the error is shown: {page}"
        );
        assert_eq!(db.snapshot(), before, "{why}: nothing changed");
    }
    let (status, to, body) = post(fields("7", "72"));
    assert_eq!(status, 303, "{body}");
    assert_eq!(to, "/organizer/events/ws?done=saved");
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(
        event["reconfirm"],
        json!({"days_before": 7, "window_hours": 72})
    );
    let form = organizer.get("/organizer/events/ws/edit").1;
    assert!(form.contains("value=\"72\""), "the form shows it: {form}");

    // Asked at once (31 days before a start 30 days away): the table shows the deadline,
    // and its form moves it.
    let (token, _) = server.join("ws", "room@example.org", "in_person");
    let (status, _, _) = post(fields("31", "72"));
    assert_eq!(status, 303);
    wait_to_be_asked(&server, "room@example.org");
    let table = organizer.get("/organizer/events/ws/registrations").1;
    assert!(table.contains("to reconfirm by"), "{table}");
    let id = registration_id(&server, "ws", "room@example.org");
    assert!(table.contains(&format!("action=\"/organizer/registrations/{id}/hold\"")));
    let later = local(Utc::now() + chrono::Duration::days(5));
    let (status, _, body) = organizer.post(
        &format!("/organizer/registrations/{id}/hold"),
        &[("hold_until", &later)],
    );
    assert_eq!(status, 303, "{body}");
    let by: DateTime<Utc> = server.me(&token)["reconfirm_by"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        local(by),
        later,
        "the new deadline, typed in the event's zone"
    );

    let (status, _, _) = post(fields("", ""));
    assert_eq!(status, 303);
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(event["reconfirm"], json!(null), "both empty: off");
}

on_both_databases!(
    the_dashboard_sets_it_and_refuses_a_window_past_the_start,
    answering_keeps_the_seat_and_silence_hands_it_on,
    a_lapsed_reconfirmation_never_blocks_anyone_before_the_sweep,
    the_personal_page_asks_and_its_buttons_answer,
    bad_reconfirmation_settings_are_a_422_and_change_nothing,
    two_instances_ask_each_participant_once,
);
