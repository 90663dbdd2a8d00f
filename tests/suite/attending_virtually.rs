//! Attend virtually while waiting for the room (SPEC.md, the workshop's own shape): a
//! person waiting for an in-person seat takes a free virtual seat while the virtual phase
//! is open and keeps their place in the room's line, through
//! `POST /api/v1/me/{token}/attend-virtually` and a button on the personal page.

use serde_json::json;

use crate::common::{assert_invariants, Db, Server};

fn stream_open_room_by_invitation(server: &Server, in_person: u32, virtual_seats: u32) {
    server.create_event("ws", in_person, Some(virtual_seats), "invite_only");
    server.patch_event("ws", json!({"virtual_phase": "open"}));
}

fn attend(server: &Server, token: &str) -> (u16, serde_json::Value) {
    server.post(&format!("/api/v1/me/{token}/attend-virtually"), json!({}))
}

fn a_person_waiting_for_the_room_attends_virtually_and_keeps_their_place(db: &Db) {
    let server = Server::start(db);
    stream_open_room_by_invitation(&server, 1, 5);
    let (first, _) = server.join("ws", "first@example.org", "in_person");
    let (second, me) = server.join("ws", "second@example.org", "in_person");
    assert_eq!(me["position"], 2, "{me}");

    let (status, me) = attend(&server, &second);
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed", "{me}");
    assert_eq!(me["mode"], "virtual");
    assert_eq!(me["waiting_for"]["mode"], "in_person");
    assert_eq!(
        me["waiting_for"]["position"], 2,
        "the same place in the room's line"
    );
    assert_eq!(server.me(&first)["position"], 1);
    let seats = server.seats("ws");
    assert_eq!(seats["virtual"]["held"], 1, "{seats}");
    assert_eq!(seats["in_person"]["waiting"], 2, "{seats}");
    // The confirmation of the virtual seat, with the meeting link.
    let emails = server.wait_for_email("second@example.org", 3);
    assert!(emails
        .last()
        .unwrap()
        .text
        .contains("https://meet.example.org/room"));
    assert_invariants(&server, "ws");

    // The room's seats go to its line in order once the room opens.
    server.patch_event("ws", json!({"phase": "open", "in_person_capacity": 2}));
    assert_eq!(server.me(&first)["status"], "offered");
    let me = server.me(&second);
    assert!(me["waiting_for"]["offered_until"].is_string(), "{me}");
    let (status, me) = server.post(
        &format!("/api/v1/me/{second}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["mode"], "in_person");
    assert_eq!(server.seats("ws")["virtual"]["held"], 0);
    assert_invariants(&server, "ws");
}

fn attending_virtually_when_it_does_not_apply_is_a_409_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(1), "invite_only");
    let (room, _) = server.join("ws", "room@example.org", "in_person");
    let refused = |token: &str, why: &str| {
        db.wait_for_the_outbox();
        let before = db.snapshot();
        let (status, body) = attend(&server, token);
        assert_eq!(status, 409, "{why}: {body}");
        assert_eq!(body["error"]["code"], "conflict", "{why}: {body}");
        assert_eq!(db.snapshot(), before, "{why}: a refusal changes nothing");
    };
    refused(&room, "the stream is by invitation too");
    server.patch_event("ws", json!({"virtual_phase": "closed"}));
    refused(&room, "the stream is closed");
    server.patch_event("ws", json!({"virtual_phase": "open"}));
    let (stream, me) = server.join("ws", "stream@example.org", "virtual");
    assert_eq!(me["status"], "confirmed");
    refused(&room, "no virtual seat is free");
    refused(&stream, "a confirmed participant");
    server.patch_event("ws", json!({"virtual_capacity": 3}));
    let (_, me) = server.join("ws", "later@example.org", "virtual");
    assert_eq!(me["status"], "confirmed", "{me}");
    let invited = server.invite("ws", "invited@example.org", "in_person");
    refused(&invited, "an invitation");
    let (status, _) = attend(&server, "0000000000000000000000");
    assert_eq!(status, 404);
    let (status, me) = attend(&server, &room);
    assert_eq!(status, 200, "it applies now: {me}");
    refused(&room, "twice");
}

fn the_personal_page_offers_to_attend_virtually_while_waiting(db: &Db) {
    let server = Server::start(db);
    stream_open_room_by_invitation(&server, 1, 2);
    let (token, _) = server.join("ws", "room@example.org", "in_person");
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = |path: &str| http.get(server.url(path)).send().unwrap().text().unwrap();
    let html = page(&format!("/r/{token}"));
    assert!(
        html.contains(&format!("action=\"/r/{token}/attend-virtually\"")),
        "{html}"
    );
    assert!(html.contains("Attend virtually while I wait"), "{html}");

    let response = http
        .post(server.url(&format!("/r/{token}/attend-virtually")))
        .form(&[("x", "")])
        .send()
        .unwrap();
    assert_eq!(response.status(), 303);
    let html = page(&format!("/r/{token}?done=attend-virtually"));
    assert!(
        html.contains("keep your place in line for a seat in person"),
        "{html}"
    );
    assert!(
        html.contains("You keep your seat and wait for a seat in person: number 1 in line"),
        "{html}"
    );
    assert!(!html.contains("Attend virtually while I wait"), "{html}");

    // Without a free virtual seat the button is not shown.
    let (other, _) = server.join("ws", "other@example.org", "in_person");
    server.patch_event("ws", json!({"virtual_capacity": 1}));
    assert!(!page(&format!("/r/{other}")).contains("Attend virtually while I wait"));
}

on_both_databases!(
    a_person_waiting_for_the_room_attends_virtually_and_keeps_their_place,
    attending_virtually_when_it_does_not_apply_is_a_409_and_changes_nothing,
    the_personal_page_offers_to_attend_virtually_while_waiting,
);
