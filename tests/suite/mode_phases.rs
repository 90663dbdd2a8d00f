//! A phase per mode (SPEC.md, "The workshop's own shape"): `virtual_phase` governs the
//! virtual seats, null follows `phase`, and every rule that reads a phase reads the phase
//! of the mode in question: placing a confirmed address, promotion, entries refused with
//! 409, the event page, the dashboard's controls with their preview, and the demo.

use serde_json::json;

use crate::common::{assert_invariants, Db, Server};
use crate::dashboard::Organizer;

fn page(server: &Server, path: &str) -> String {
    reqwest::blocking::get(server.url(path))
        .unwrap()
        .text()
        .unwrap()
}

fn the_stream_opens_while_the_room_stays_by_invitation(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(2), "invite_only");
    let event = server.patch_event("ws", json!({"virtual_phase": "open"}));
    assert_eq!(event["phase"], "invite_only");
    assert_eq!(event["virtual_phase"], "open");
    assert_eq!(event["seats"]["in_person"]["phase"], "invite_only");
    assert_eq!(event["seats"]["virtual"]["phase"], "open");

    let (_, stream) = server.join("ws", "stream@example.org", "virtual");
    assert_eq!(stream["status"], "confirmed", "{stream}");
    assert_eq!(stream["mode"], "virtual");
    let (_, room) = server.join("ws", "room@example.org", "in_person");
    assert_eq!(
        room["status"], "waitlisted",
        "the room is by invitation: {room}"
    );
    let (_, either) = server.join("ws", "either@example.org", "either");
    assert_eq!(either["mode"], "virtual", "{either}");
    assert_invariants(&server, "ws");

    // A freed virtual seat goes to the line by itself; a free room seat stays.
    server.patch_event("ws", json!({"virtual_capacity": 3}));
    let (_, late) = server.join("ws", "late@example.org", "virtual");
    assert_eq!(late["status"], "confirmed");
    let (_, next) = server.join("ws", "next@example.org", "virtual");
    assert_eq!(next["status"], "waitlisted");
    let (status, _) = server.post(
        &format!(
            "/api/v1/me/{}/cancel",
            server.emails_to("stream@example.org")[0]
                .token
                .clone()
                .unwrap()
        ),
        json!({}),
    );
    assert_eq!(status, 200);
    assert_eq!(server.registrations("ws", "?status=offered").len(), 1);
    assert_eq!(server.seats("ws")["in_person"]["free"], 2);
    assert_invariants(&server, "ws");

    // Null follows the event's phase again.
    let event = server.patch_event("ws", json!({"virtual_phase": null}));
    assert_eq!(event["virtual_phase"], serde_json::Value::Null);
    assert_eq!(event["seats"]["virtual"]["phase"], "invite_only");
}

fn an_entry_for_a_mode_whose_phase_is_closed_is_refused_with_409_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(2), "closed");
    server.patch_event("ws", json!({"virtual_phase": "open"}));
    let entry = |email: &str, preference: &str| {
        server.post(
            "/api/v1/events/ws/entries",
            json!({"email": email, "name": "Someone", "preference": preference, "consent": true}),
        )
    };
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let (status, body) = entry("room@example.org", "in_person");
    assert_eq!(status, 409, "the room is closed: {body}");
    assert_eq!(body["error"]["code"], "conflict", "{body}");
    assert_eq!(db.snapshot(), before, "a refused entry changes nothing");
    assert!(server.emails_to("room@example.org").is_empty());
    assert_eq!(entry("stream@example.org", "virtual").0, 202);
    assert_eq!(
        entry("either@example.org", "either").0,
        202,
        "one mode takes entries"
    );

    // The other way round: the room takes entries, the stream is closed.
    server.patch_event(
        "ws",
        json!({"phase": "invite_only", "virtual_phase": "closed"}),
    );
    let before = db.snapshot();
    assert_eq!(entry("late@example.org", "virtual").0, 409);
    assert_eq!(db.snapshot(), before);
    assert_eq!(entry("late@example.org", "in_person").0, 202);
    // Draft hides the whole event, whatever the virtual phase says.
    server.patch_event("ws", json!({"phase": "draft", "virtual_phase": "open"}));
    assert_eq!(entry("hidden@example.org", "virtual").0, 409);
}

fn an_unknown_virtual_phase_is_refused_naming_the_field_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(2), "invite_only");
    db.wait_for_the_outbox();
    let before = db.snapshot();
    for bad in [
        json!("draft"),
        json!("published"),
        json!("Open"),
        json!(1),
        json!(""),
    ] {
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"virtual_phase": bad, "title": "Changed"}),
        );
        assert_eq!(status, 422, "{bad}: {body}");
        assert!(
            body["error"]["fields"]["virtual_phase"].is_array(),
            "{bad}: {body}"
        );
        let starts = chrono::Utc::now() + chrono::Duration::days(30);
        let (status, body) = server.organizer(
            reqwest::Method::POST,
            "/api/v1/events",
            json!({
                "slug": "other", "title": "Other", "timezone": "Europe/Amsterdam",
                "starts_at": starts.to_rfc3339(),
                "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339(),
                "in_person_capacity": 1, "virtual_phase": bad,
            }),
        );
        assert_eq!(status, 422, "{bad}: {body}");
        assert!(
            body["error"]["fields"]["virtual_phase"].is_array(),
            "{body}"
        );
    }
    assert_eq!(db.snapshot(), before, "nothing changed");
    assert_eq!(server.get("/api/v1/events/other").0, 404);
}

fn the_event_page_names_the_phase_of_each_mode(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(2), "closed");
    server.patch_event("ws", json!({"virtual_phase": "open"}));
    let html = page(&server, "/events/ws");
    assert!(
        html.contains("In person: </span><span class=\"badge closed\">Closed"),
        "{html}"
    );
    assert!(
        html.contains("Virtually: </span><span class=\"badge open\">Open"),
        "{html}"
    );
    // The form offers only the mode that takes entries.
    assert!(html.contains("id=\"pref-virtual\""), "{html}");
    assert!(!html.contains("id=\"pref-in_person\""), "{html}");
    assert!(!html.contains("Registration is closed"), "{html}");

    server.patch_event("ws", json!({"phase": "invite_only"}));
    let html = page(&server, "/events/ws");
    assert!(html.contains("id=\"pref-in_person\"") && html.contains("id=\"pref-either\""));
    assert!(
        html.contains("seats go to invited participants first"),
        "{html}"
    );
    assert!(html.contains("it is yours as soon as you confirm your email address"));

    server.patch_event("ws", json!({"virtual_phase": "closed", "phase": "closed"}));
    assert!(page(&server, "/events/ws").contains("Registration is closed"));
}

fn the_dashboard_previews_and_changes_the_phase_of_the_virtual_seats(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "1", "1", "invite_only");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "stream@example.org", "virtual");
    let overview = organizer.get("/organizer/events/ws").1;
    assert!(overview.contains("?virtual_phase=open"), "{overview}");

    let preview = organizer.get("/organizer/events/ws?virtual_phase=open").1;
    assert!(
        preview.contains(
            "Opening registration of the virtual seats lets newcomers take free seats when \
             nobody waits for them, and will offer 1 free virtual seat to the first person in line."
        ),
        "{preview}"
    );
    assert!(
        preview.contains("name=\"virtual_phase\" value=\"open\""),
        "{preview}"
    );
    assert!(
        server.registrations("ws", "?status=offered").is_empty(),
        "a preview changes nothing"
    );

    let (status, _, _) = organizer.post("/organizer/events/ws/phase", &[("virtual_phase", "open")]);
    assert_eq!(status, 303);
    let offered = server.registrations("ws", "?status=offered");
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0]["mode"], "virtual");
    let overview = organizer.get("/organizer/events/ws").1;
    assert!(
        overview.contains("Phase of the virtual seats: "),
        "{overview}"
    );

    // With the stream apart, the event's phase governs the room alone, and says so.
    let preview = organizer.get("/organizer/events/ws?phase=open").1;
    assert!(
        preview.contains("Opening registration in person lets newcomers take free seats when nobody waits for them, and will offer 1 free in-person seat"),
        "{preview}"
    );
    // A virtual phase of draft is no change the dashboard offers or makes.
    let (status, _, _) =
        organizer.post("/organizer/events/ws/phase", &[("virtual_phase", "draft")]);
    assert_eq!(status, 303);
    assert_eq!(server.get("/api/v1/events/ws").1["virtual_phase"], "open");
    let (status, _, _) = organizer.post("/organizer/events/ws/phase", &[("virtual_phase", "same")]);
    assert_eq!(status, 303);
    let event = server.get("/api/v1/events/ws").1;
    assert_eq!(event["virtual_phase"], serde_json::Value::Null);
}

fn the_event_form_sets_the_phase_of_the_virtual_seats(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let create = |slug: &str, virtual_phase: &str| {
        organizer.post(
            "/organizer/events",
            &[
                ("title", "Workshop"),
                ("slug", slug),
                ("timezone", "Europe/Amsterdam"),
                ("starts_at", "2030-01-01T09:00"),
                ("ends_at", "2030-01-01T17:00"),
                ("in_person_capacity", "10"),
                ("virtual_capacity", ""),
                ("offer_window_hours", "48"),
                ("invitation_window_days", "14"),
                ("phase", "invite_only"),
                ("virtual_phase", virtual_phase),
            ],
        )
    };
    let (status, _, page) = create("hidden", "draft");
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("draft is set on phase"), "{page}");
    assert_eq!(server.get("/api/v1/events/hidden").0, 404);
    assert_eq!(create("ws", "open").0, 303);
    let event = server.get("/api/v1/events/ws").1;
    assert_eq!(event["virtual_phase"], "open", "{event}");
    let edit = organizer.get("/organizer/events/ws/edit").1;
    assert!(
        !edit.contains("field-virtual_phase"),
        "phases change on the overview"
    );
}

fn the_demo_workshop_has_the_room_by_invitation_and_the_stream_open(db: &Db) {
    let server = Server::start_with(db, &[("REGISTRAR_DEMO", "true")]);
    let (status, event) = server.get("/api/v1/events/in-the-picture");
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["phase"], "invite_only");
    assert_eq!(event["virtual_phase"], "open");
    let (_, stream) = server.join("in-the-picture", "stream@example.org", "virtual");
    assert_eq!(stream["status"], "confirmed", "{stream}");
    let (_, room) = server.join("in-the-picture", "room@example.org", "in_person");
    assert_eq!(room["status"], "waitlisted", "{room}");
}

on_both_databases!(
    the_stream_opens_while_the_room_stays_by_invitation,
    an_entry_for_a_mode_whose_phase_is_closed_is_refused_with_409_and_changes_nothing,
    an_unknown_virtual_phase_is_refused_naming_the_field_and_changes_nothing,
    the_event_page_names_the_phase_of_each_mode,
    the_dashboard_previews_and_changes_the_phase_of_the_virtual_seats,
    the_event_form_sets_the_phase_of_the_virtual_seats,
    the_demo_workshop_has_the_room_by_invitation_and_the_stream_open,
);
