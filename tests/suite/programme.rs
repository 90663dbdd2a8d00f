//! The programme (SPEC.md, "The workshop's own shape"): parts with times, a description
//! and `streamed`, within the event; shown on the event page and the personal page;
//! each participant's calendar file holds one entry per part they attend, and the
//! confirmation says which parts are streamed; edited in the dashboard and the API.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

/// The event's start as the API returns it.
fn start_of(event: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(event["starts_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// Two parts: a streamed talk in the first hour, group work in the room after it.
fn two_parts(start: DateTime<Utc>) -> Value {
    json!([
        {"title": "Opening talk", "starts_at": start.to_rfc3339(),
         "ends_at": (start + Duration::hours(1)).to_rfc3339(), "streamed": true,
         "description": "Why <datasets> matter."},
        {"title": "Project groups", "starts_at": (start + Duration::hours(1)).to_rfc3339(),
         "ends_at": (start + Duration::hours(4)).to_rfc3339(), "streamed": false},
    ])
}

fn page(server: &Server, path: &str) -> String {
    reqwest::blocking::get(server.url(path))
        .unwrap()
        .text()
        .unwrap()
}

fn the_programme_is_saved_in_order_and_shown_in_the_event_time_zone(db: &Db) {
    let server = Server::start(db);
    let event = server.create_event("ws", 2, Some(10), "open");
    let start = start_of(&event);
    let event = server.patch_event("ws", json!({"programme": two_parts(start)}));
    let parts = event["programme"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{event}");
    assert_eq!(parts[0]["title"], "Opening talk");
    assert_eq!(parts[0]["streamed"], true);
    assert_eq!(parts[1]["description"], "");
    let zone = DateTime::parse_from_rfc3339(parts[0]["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        zone.offset(),
        start
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .fixed_offset()
            .offset(),
        "in the event's time zone"
    );
    let html = page(&server, "/events/ws");
    assert!(html.contains("Programme"), "{html}");
    assert!(html.contains("Opening talk") && html.contains("Project groups"));
    assert!(html.contains("Streamed") && html.contains("In the room only"));
    assert!(
        html.contains("Why &lt;datasets&gt; matter."),
        "descriptions are escaped"
    );
    assert!(
        html.contains("data-local-start"),
        "the script adds the visitor's time"
    );
    // Moving the event away from its parts is refused, naming the programme.
    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/ws",
        json!({"starts_at": (start + Duration::hours(2)).to_rfc3339()}),
    );
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["programme"].is_array(), "{body}");
    // A duplicate at another date takes its programme along.
    let later = start + Duration::days(7);
    let (status, copy) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/ws/duplicate",
        json!({"slug": "ws-2", "starts_at": later.to_rfc3339(),
               "ends_at": (later + Duration::hours(8)).to_rfc3339()}),
    );
    assert_eq!(status, 201, "{copy}");
    let first =
        DateTime::parse_from_rfc3339(copy["programme"][0]["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(first.with_timezone(&Utc), later);
}

fn a_bad_programme_is_refused_naming_the_field_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    let event = server.create_event("ws", 2, Some(10), "open");
    let start = start_of(&event);
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let outside = json!([{"title": "Before the event", "starts_at": (start - Duration::hours(2)).to_rfc3339(),
        "ends_at": (start - Duration::hours(1)).to_rfc3339(), "streamed": false}]);
    let backwards = json!([{"title": "Backwards", "starts_at": (start + Duration::hours(2)).to_rfc3339(),
        "ends_at": (start + Duration::hours(1)).to_rfc3339(), "streamed": true}]);
    let untitled = json!([{"title": " ", "starts_at": start.to_rfc3339(),
        "ends_at": (start + Duration::hours(1)).to_rfc3339(), "streamed": true}]);
    for programme in [outside, backwards, untitled] {
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"programme": programme}),
        );
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            body["error"]["fields"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["programme"],
            "{body}"
        );
    }
    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/ws",
        json!({"programme": [{"title": "x", "starts_at": start.to_rfc3339(),
            "ends_at": start.to_rfc3339(), "streamed": true, "room": "2"}]}),
    );
    assert_eq!(status, 422, "an unknown field of a part: {body}");
    assert_eq!(db.snapshot(), before, "nothing changed");
    // A new event with a part outside it is not created either.
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events",
        json!({"slug": "other", "title": "Other", "starts_at": start.to_rfc3339(),
            "ends_at": (start + Duration::hours(1)).to_rfc3339(), "timezone": "Europe/Amsterdam",
            "in_person_capacity": 3, "programme": two_parts(start)}),
    );
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["programme"].is_array(), "{body}");
    assert_eq!(db.snapshot(), before, "nothing changed");
}

fn each_participant_gets_an_entry_per_part_they_attend_and_hears_which_are_streamed(db: &Db) {
    let server = Server::start(db);
    let event = server.create_event("ws", 2, Some(10), "open");
    server.patch_event("ws", json!({"programme": two_parts(start_of(&event))}));

    let (online, _) = server.join("ws", "online@example.org", "virtual");
    let (room, _) = server.join("ws", "room@example.org", "in_person");
    let confirmation = server.wait_for_email("online@example.org", 2);
    let text = &confirmation.last().unwrap().text;
    assert!(text.contains("Opening talk (streamed)"), "{text}");
    assert!(!text.contains("Project groups"), "{text}");
    let in_room = server.wait_for_email("room@example.org", 2);
    assert!(in_room.last().unwrap().text.contains("Project groups"));

    let ics = |token: &str| page(&server, &format!("/r/{token}/calendar.ics"));
    let online_file = ics(&online);
    assert_eq!(
        online_file.matches("BEGIN:VEVENT").count(),
        1,
        "{online_file}"
    );
    assert!(online_file.contains("Opening talk"));
    assert!(online_file.contains("https://meet.example.org/room"));
    let room_file = ics(&room);
    assert_eq!(room_file.matches("BEGIN:VEVENT").count(), 2, "{room_file}");
    assert!(room_file.contains("Room 1"));

    let personal = page(&server, &format!("/r/{online}"));
    assert!(
        personal.contains("You can follow this online"),
        "{personal}"
    );
    assert!(personal.contains("Not streamed: in the room only"));
}

fn an_event_without_a_programme_keeps_one_calendar_entry(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    let (token, _) = server.join("ws", "a@example.org", "virtual");
    let file = page(&server, &format!("/r/{token}/calendar.ics"));
    assert_eq!(file.matches("BEGIN:VEVENT").count(), 1, "{file}");
    assert!(!page(&server, "/events/ws").contains("programme-title"));
}

fn the_dashboard_adds_reorders_and_removes_parts(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    server.create_event("ws", 2, Some(10), "open");
    let event = server.get("/api/v1/events/ws").1;
    // A minute in, since the form's times have no seconds and the event's start has.
    let local = |hours: i64| {
        (start_of(&event) + Duration::hours(hours) + Duration::minutes(1))
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let (status, form) = organizer.get("/organizer/events/ws/programme");
    assert_eq!(status, 200);
    assert!(form.contains("Add a part"), "{form}");

    let add = |count: &str,
               title: &str,
               from: i64,
               to: i64,
               streamed: bool,
               existing: &[(&str, String, String)]| {
        let mut fields: Vec<(String, String)> = vec![
            ("count".into(), count.into()),
            ("action".into(), "save".into()),
        ];
        for (i, (t, s, e)) in existing.iter().enumerate() {
            fields.push((format!("part-{i}-title"), t.to_string()));
            fields.push((format!("part-{i}-starts_at"), s.clone()));
            fields.push((format!("part-{i}-ends_at"), e.clone()));
        }
        let n = existing.len();
        fields.push((format!("part-{n}-title"), title.into()));
        fields.push((format!("part-{n}-starts_at"), local(from)));
        fields.push((format!("part-{n}-ends_at"), local(to)));
        if streamed {
            fields.push((format!("part-{n}-streamed"), "yes".into()));
        }
        let borrowed: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        organizer.post("/organizer/events/ws/programme", &borrowed)
    };
    let (status, to, _) = add("1", "Talks", 0, 1, true, &[]);
    assert_eq!(status, 303);
    assert!(to.ends_with("/programme?done=saved"), "{to}");
    let (status, _, _) = add("2", "Groups", 1, 3, false, &[("Talks", local(0), local(1))]);
    assert_eq!(status, 303);
    let titles = |server: &Server| {
        server.get("/api/v1/events/ws").1["programme"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&server), ["Talks", "Groups"]);

    // A part outside the event is refused next to its group, with what was typed kept.
    let (status, _, refused) = add(
        "2",
        "Too late",
        20,
        30,
        false,
        &[("Talks", local(0), local(1))],
    );
    assert_eq!(status, 422);
    assert!(refused.contains("must lie within the event"), "{refused}");
    assert!(refused.contains("value=\"Too late\""), "{refused}");
    assert_eq!(titles(&server), ["Talks", "Groups"]);

    // Move the second part up, then remove the first one.
    let form = |action: &str, parts: &[(&str, String, String)]| {
        let mut fields: Vec<(String, String)> = vec![
            ("count".into(), (parts.len() + 1).to_string()),
            ("action".into(), action.into()),
        ];
        for (i, (t, s, e)) in parts.iter().enumerate() {
            fields.push((format!("part-{i}-title"), t.to_string()));
            fields.push((format!("part-{i}-starts_at"), s.clone()));
            fields.push((format!("part-{i}-ends_at"), e.clone()));
        }
        let borrowed: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        organizer.post("/organizer/events/ws/programme", &borrowed)
    };
    let both = [
        ("Talks", local(0), local(1)),
        ("Groups", local(1), local(3)),
    ];
    let moved = form("up-1", &both);
    assert_eq!(moved.0, 303, "{}", moved.2);
    assert_eq!(titles(&server), ["Groups", "Talks"]);
    let swapped = [
        ("Groups", local(1), local(3)),
        ("Talks", local(0), local(1)),
    ];
    assert_eq!(form("remove-0", &swapped).0, 303);
    assert_eq!(titles(&server), ["Talks"]);
    let audit = organizer.get("/organizer/events/ws/audit").1;
    assert!(
        audit.contains("programme"),
        "the change is in the audit log"
    );
}

fn the_demo_workshop_has_a_programme_with_streamed_parts(db: &Db) {
    let server = Server::start_with(db, &[("REGISTRAR_DEMO", "true")]);
    let event = server.get("/api/v1/events/in-the-picture").1;
    let parts = event["programme"].as_array().unwrap();
    assert!(parts.len() >= 3, "{event}");
    assert!(parts.iter().any(|p| p["streamed"] == true));
    assert!(parts.iter().any(|p| p["streamed"] == false));
}

on_both_databases!(
    the_programme_is_saved_in_order_and_shown_in_the_event_time_zone,
    a_bad_programme_is_refused_naming_the_field_and_changes_nothing,
    each_participant_gets_an_entry_per_part_they_attend_and_hears_which_are_streamed,
    an_event_without_a_programme_keeps_one_calendar_entry,
    the_dashboard_adds_reorders_and_removes_parts,
    the_demo_workshop_has_a_programme_with_streamed_parts,
);
