//! The state machine of SPEC.md through the real server and its JSON API, one test per rule;
//! the organizer routes that match the dashboard's pages are in `parity`.

mod parity;

use std::time::Duration;

use crate::common::{assert_invariants, Db, Server};
use reqwest::Method;
use serde_json::json;

fn an_invitation_accepted_in_person_confirms_the_seat_and_sends_a_calendar_file(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "invite_only");
    let token = server.invite("ws", "ada@example.org", "in_person");
    let me = server.me(&token);
    assert_eq!(me["status"], "invited");
    assert!(me["hold_until"].is_string());

    let (status, me) = server.post(
        &format!("/api/v1/me/{token}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
    assert_eq!(me["mode"], "in_person");
    assert_eq!(me["hold_until"], serde_json::Value::Null);

    let mails = server.wait_for_email("ada@example.org", 2);
    assert!(mails[0].subject.contains("invited"), "{}", mails[0].subject);
    assert!(
        mails[1].subject.starts_with("You have a seat at"),
        "{}",
        mails[1].subject
    );
    assert!(
        mails[1].text.contains("BEGIN:VCALENDAR"),
        "the confirmation carries an .ics file"
    );
    assert_eq!(server.seats("ws")["in_person"]["held"], 1);
    assert_invariants(&server, "ws");
}

fn accepting_an_invitation_virtually_frees_the_in_person_seat_for_the_line(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, None, "invite_only");
    let invitee = server.invite("ws", "ada@example.org", "in_person");
    let (waiting, me) = server.join("ws", "bob@example.org", "in_person");
    assert_eq!(me["status"], "waitlisted");
    assert_eq!(me["position"], 1);
    server.patch_event("ws", json!({"phase": "open"}));
    assert_eq!(
        server.me(&waiting)["status"],
        "waitlisted",
        "the invitation still holds the seat"
    );

    let (status, me) = server.post(
        &format!("/api/v1/me/{invitee}/accept"),
        json!({"mode": "virtual"}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["mode"], "virtual");
    let bob = server.me(&waiting);
    assert_eq!(
        bob["status"], "offered",
        "the freed seat goes to the next in line at once"
    );
    assert_eq!(bob["mode"], "in_person");
    assert!(bob["hold_until"].is_string());
    assert_invariants(&server, "ws");
}

fn the_waiting_list_offers_a_freed_seat_and_accepting_confirms_it(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let (first, me) = server.join("ws", "a@example.org", "in_person");
    assert_eq!(
        me["status"], "confirmed",
        "open, a seat free, nobody waiting: a seat at once"
    );
    let (second, me) = server.join("ws", "b@example.org", "in_person");
    assert_eq!(me["status"], "waitlisted");
    let (third, me) = server.join("ws", "c@example.org", "either");
    assert_eq!(me["position"], 2);
    assert_invariants(&server, "ws");

    let (status, _) = server.post(&format!("/api/v1/me/{first}/cancel"), json!({}));
    assert_eq!(status, 200);
    assert_eq!(server.me(&second)["status"], "offered");
    assert_eq!(
        server.me(&third)["position"],
        1,
        "the line moves up without gaps"
    );
    let offer = server.wait_for_email("b@example.org", 3);
    assert!(
        offer
            .last()
            .unwrap()
            .subject
            .starts_with("A seat is free for you until"),
        "{}",
        offer.last().unwrap().subject
    );

    let (status, me) = server.post(&format!("/api/v1/me/{second}/accept"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
    assert_invariants(&server, "ws");
}

fn declining_an_offer_passes_the_seat_to_the_next_in_line(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let (first, _) = server.join("ws", "a@example.org", "in_person");
    let (second, _) = server.join("ws", "b@example.org", "in_person");
    let (third, _) = server.join("ws", "c@example.org", "in_person");
    server.post(&format!("/api/v1/me/{first}/cancel"), json!({}));
    let (status, me) = server.post(&format!("/api/v1/me/{second}/decline"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "declined");
    assert_eq!(server.me(&third)["status"], "offered");
    assert_invariants(&server, "ws");
}

fn a_lapsed_offer_expires_and_goes_to_the_next_in_line(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let (first, _) = server.join("ws", "a@example.org", "in_person");
    let (second, _) = server.join("ws", "b@example.org", "in_person");
    let (third, _) = server.join("ws", "c@example.org", "in_person");
    server.post(&format!("/api/v1/me/{first}/cancel"), json!({}));
    let id = server.registrations("ws", "?status=offered")[0]["id"]
        .as_i64()
        .unwrap();
    let soon = chrono::Utc::now() + chrono::Duration::seconds(1);
    let (status, body) = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": soon.to_rfc3339()}),
    );
    assert_eq!(status, 200, "{body}");
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(server.me(&second)["status"], "expired");
    assert_eq!(server.me(&third)["status"], "offered");
    let (status, body) = server.post(&format!("/api/v1/me/{second}/accept"), json!({}));
    assert_eq!(status, 409, "accepting a lapsed offer: {body}");
    let lapsed = server.wait_for_email("b@example.org", 4);
    assert!(lapsed
        .iter()
        .any(|m| m.subject.contains("has gone to the next person")));
    assert_invariants(&server, "ws");
}

fn a_lapsed_hold_never_blocks_anyone_even_before_the_sweep(db: &Db) {
    let server = Server::start_with(db, &[("REGISTRAR_SWEEP_SECONDS", "3600")]);
    server.create_event("ws", 1, Some(0), "open");
    let invitee = server.invite("ws", "ada@example.org", "in_person");
    let (waiting, _) = server.join("ws", "b@example.org", "in_person");
    let id = server.registrations("ws", "?status=invited")[0]["id"]
        .as_i64()
        .unwrap();
    let soon = chrono::Utc::now() + chrono::Duration::seconds(1);
    server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{id}/hold"),
        json!({"hold_until": soon.to_rfc3339()}),
    );
    std::thread::sleep(Duration::from_millis(1500));
    // The next action on the event settles it first, whatever it is.
    let (status, _) = server.post(&format!("/api/v1/me/{invitee}/accept"), json!({}));
    assert_eq!(status, 409);
    assert_eq!(server.me(&waiting)["status"], "offered");
    assert_invariants(&server, "ws");
}

fn raising_capacity_offers_seats_in_line_order_and_lowering_bumps_nobody(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let (first, _) = server.join("ws", "a@example.org", "in_person");
    let mut waiting = Vec::new();
    for i in 0..4 {
        waiting.push(
            server
                .join("ws", &format!("w{i}@example.org"), "in_person")
                .0,
        );
    }
    let event = server.patch_event("ws", json!({"in_person_capacity": 3}));
    assert_eq!(event["seats"]["in_person"]["held"], 3);
    assert_eq!(server.me(&waiting[0])["status"], "offered");
    assert_eq!(server.me(&waiting[1])["status"], "offered");
    assert_eq!(server.me(&waiting[2])["position"], 1);
    let event = server.patch_event("ws", json!({"in_person_capacity": 0}));
    assert_eq!(
        event["seats"]["in_person"]["held"], 3,
        "lowering bumps nobody"
    );
    assert_eq!(server.me(&first)["status"], "confirmed");
    server.post(&format!("/api/v1/me/{first}/cancel"), json!({}));
    assert_eq!(
        server.me(&waiting[2])["status"],
        "waitlisted",
        "a lowered capacity gives no new seats"
    );
}

fn a_confirmed_participant_waits_for_the_other_mode_while_keeping_their_seat(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(5), "open");
    let (room, _) = server.join("ws", "a@example.org", "in_person");
    let (online, me) = server.join("ws", "b@example.org", "virtual");
    assert_eq!(me["status"], "confirmed");
    let (status, _) = server.post(
        &format!("/api/v1/me/{online}/switch"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 409, "no in-person seat is free");
    let (status, me) = server.post(
        &format!("/api/v1/me/{online}/wait-for"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
    assert_eq!(me["mode"], "virtual");
    assert_eq!(me["waiting_for"]["mode"], "in_person");
    assert_eq!(me["waiting_for"]["position"], 1);

    server.post(&format!("/api/v1/me/{room}/cancel"), json!({}));
    let me = server.me(&online);
    assert_eq!(
        me["mode"], "virtual",
        "the offer does not take the seat they have"
    );
    assert!(me["waiting_for"]["offered_until"].is_string(), "{me}");
    let (status, me) = server.post(
        &format!("/api/v1/me/{online}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["mode"], "in_person");
    assert_eq!(me["waiting_for"], serde_json::Value::Null);
    let seats = server.seats("ws");
    assert_eq!(seats["in_person"]["held"], 1);
    assert_eq!(
        seats["virtual"]["held"], 0,
        "the virtual seat they left is free again"
    );
    assert_invariants(&server, "ws");
}

fn the_same_address_twice_is_answered_like_a_new_one(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(0), "invite_only");
    let entry = json!({"email": "Ada@Example.org ", "name": "Ada", "preference": "in_person", "consent": true});
    let first = server.post("/api/v1/events/ws/entries", entry.clone());
    let again = server.post("/api/v1/events/ws/entries", json!({"email": "ada@example.org", "name": "Ada", "preference": "in_person", "consent": true}));
    assert_eq!(first, again, "no enumeration of known addresses");
    assert_eq!(first.0, 202);
    let registrations = server.registrations("ws", "");
    assert_eq!(
        registrations.len(),
        1,
        "one registration per address and event"
    );
    assert_eq!(registrations[0]["email"], "ada@example.org");
    assert_eq!(
        server.wait_for_email("ada@example.org", 2).len(),
        2,
        "the known address gets its link again"
    );
}

fn a_person_who_left_may_join_again_at_the_end_of_the_line(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 0, Some(0), "invite_only");
    let (first, _) = server.join("ws", "a@example.org", "either");
    server.join("ws", "b@example.org", "either");
    server.post(&format!("/api/v1/me/{first}/cancel"), json!({}));
    assert_eq!(server.me(&first)["status"], "cancelled");
    let (again, me) = server.join("ws", "a@example.org", "either");
    assert_eq!(me["status"], "waitlisted");
    assert_eq!(me["position"], 2);
    assert_eq!(server.me(&again)["email"], "a@example.org");
    assert_invariants(&server, "ws");
}

fn erasing_my_data_cancels_and_removes_the_person(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "open");
    let (token, _) = server.join("ws", "a@example.org", "in_person");
    let (next, _) = server.join("ws", "b@example.org", "in_person");
    let (status, _) = server.delete(&format!("/api/v1/me/{token}"));
    assert_eq!(status, 204);
    assert_eq!(
        server.get(&format!("/api/v1/me/{token}")).0,
        404,
        "the link no longer works"
    );
    let all = server.registrations("ws", "");
    assert!(
        all.iter()
            .all(|r| r["email"] != "a@example.org" && r["name"] != "Person a@example.org"),
        "{all:?}"
    );
    assert_eq!(server.me(&next)["status"], "offered", "the seat moved on");
}

fn organizers_revoke_and_promote_out_of_order(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(0), "invite_only");
    server.invite("ws", "ada@example.org", "in_person");
    let (first, _) = server.join("ws", "a@example.org", "in_person");
    let (second, _) = server.join("ws", "b@example.org", "in_person");
    let invited = server.registrations("ws", "?status=invited")[0]["id"]
        .as_i64()
        .unwrap();
    let (status, body) = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{invited}/revoke"),
        json!({}),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "revoked");
    assert_eq!(
        server.me(&first)["status"],
        "waitlisted",
        "invite_only: free seats stay with the organizers"
    );
    let second_id = server.registrations("ws", "?status=waitlisted")[1]["id"]
        .as_i64()
        .unwrap();
    let (status, body) = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{second_id}/promote"),
        json!({}),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(server.me(&second)["status"], "offered");
    let first_id = server.registrations("ws", "?status=waitlisted")[0]["id"]
        .as_i64()
        .unwrap();
    let (status, _) = server.organizer(
        Method::POST,
        &format!("/api/v1/registrations/{first_id}/promote"),
        json!({}),
    );
    assert_eq!(status, 409, "no seat is free");

    let (status, audit) = server.organizer_get("/api/v1/events/ws/audit");
    assert_eq!(status, 200);
    let entries = audit["entries"].as_array().unwrap();
    assert!(entries
        .iter()
        .any(|e| e["to"] == "revoked" && e["actor"] == "organizer (API token \"tests\")"));
    assert!(entries.iter().any(|e| e["from"] == "pending_email"
        && e["to"] == "waitlisted"
        && e["actor"] == "participant"));

    let csv = server
        .http
        .get(server.url("/api/v1/events/ws/export.csv"))
        .bearer_auth(&server.token)
        .send()
        .unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().unwrap();
    assert!(text.starts_with("id,name,email"));
    assert!(text.contains("b@example.org"));
}

fn drafts_are_hidden_from_the_public_and_meeting_links_from_non_organizers(db: &Db) {
    let server = Server::start(db);
    server.create_event("draft", 1, Some(1), "draft");
    server.create_event("open", 1, Some(1), "open");
    assert_eq!(server.get("/api/v1/events/draft").0, 404);
    let (_, list) = server.get("/api/v1/events");
    let slugs: Vec<_> = list["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].clone())
        .collect();
    assert_eq!(slugs, vec![json!("open")]);
    let (_, public) = server.get("/api/v1/events/open");
    assert!(public.get("meeting_url").is_none());
    let (_, organizer) = server.organizer_get("/api/v1/events/open");
    assert_eq!(organizer["meeting_url"], "https://meet.example.org/room");
}

fn the_pages_and_the_openapi_description_are_served(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 3, Some(3), "invite_only");
    let token = server.invite("ws", "ada@example.org", "in_person");
    for path in ["/", "/events/ws", "/privacy", &format!("/r/{token}")] {
        let response = server.http.get(server.url(path)).send().unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().unwrap().contains("<html"), "{path}");
    }
    assert_eq!(
        server
            .http
            .get(server.url("/nowhere"))
            .send()
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        server
            .http
            .get(server.url("/r/AAAAAAAAAAAAAAAAAAAAAA"))
            .send()
            .unwrap()
            .status(),
        404
    );
    let (status, spec) = server.get("/api/v1/openapi.json");
    assert_eq!(status, 200);
    assert!(spec["paths"]["/api/v1/events/{slug}/entries"]["post"].is_object());
    assert_eq!(server.get("/healthz").0, 200);
    assert_eq!(server.get("/readyz").0, 200);
}

fn the_event_page_shows_a_change_made_here_at_once(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, None, "open");
    let page = || {
        let response = server.http.get(server.url("/events/ws")).send().unwrap();
        (response.status().as_u16(), response.text().unwrap())
    };
    let (_, before) = page();
    assert!(before.contains("2 seats left"), "{before}");
    // Asked again within the moment the page is kept, right after each change.
    server.join("ws", "ada@example.org", "in_person");
    let (_, after_join) = page();
    assert!(after_join.contains("1 seat left"), "{after_join}");
    server.patch_event("ws", json!({"title": "Renamed workshop"}));
    let (_, renamed) = page();
    assert!(renamed.contains("Renamed workshop"), "{renamed}");
    server.patch_event("ws", json!({"phase": "draft"}));
    assert_eq!(page().0, 404, "a draft is hidden at once");
}

on_both_databases!(
    an_invitation_accepted_in_person_confirms_the_seat_and_sends_a_calendar_file,
    accepting_an_invitation_virtually_frees_the_in_person_seat_for_the_line,
    the_waiting_list_offers_a_freed_seat_and_accepting_confirms_it,
    declining_an_offer_passes_the_seat_to_the_next_in_line,
    a_lapsed_offer_expires_and_goes_to_the_next_in_line,
    a_lapsed_hold_never_blocks_anyone_even_before_the_sweep,
    raising_capacity_offers_seats_in_line_order_and_lowering_bumps_nobody,
    a_confirmed_participant_waits_for_the_other_mode_while_keeping_their_seat,
    the_same_address_twice_is_answered_like_a_new_one,
    a_person_who_left_may_join_again_at_the_end_of_the_line,
    erasing_my_data_cancels_and_removes_the_person,
    organizers_revoke_and_promote_out_of_order,
    drafts_are_hidden_from_the_public_and_meeting_links_from_non_organizers,
    the_pages_and_the_openapi_description_are_served,
    the_event_page_shows_a_change_made_here_at_once,
);
