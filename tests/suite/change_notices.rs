//! Telling people what changed (SPEC.md, "After the seat"): a change of an event's time,
//! venue, meeting link or programme emails each confirmed participant and each holder of
//! an open invitation or offer it concerns, once, with the calendar file updated; the
//! dashboard shows who is told before saving. Also: a cancelled registration's calendar
//! file takes the entry back, and the team's changes are logged naming who made them.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::common::{Db, Email, Server};
use crate::dashboard::Organizer;
use crate::roles::invited_member;

/// The emails to `address` that say the event changed, their arrows decoded.
fn notices_to(server: &Server, address: &str) -> Vec<Email> {
    server
        .emails_to(address)
        .into_iter()
        .filter(|e| e.subject.contains("has changed"))
        .map(|mut e| {
            e.text = e.text.replace("=E2=86=92", "→");
            e
        })
        .collect()
}

/// Waits until `address` has a change notice, then until the outbox is empty, and
/// returns every notice it has.
fn wait_for_notice(server: &Server, db: &Db, address: &str) -> Vec<Email> {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while notices_to(server, address).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "{address} was not told: {:?}",
            server
                .emails_to(address)
                .iter()
                .map(|e| &e.subject)
                .collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    db.wait_for_the_outbox();
    notices_to(server, address)
}

/// What a calendar file in an email or download says: METHOD, UID, SEQUENCE, STATUS.
#[derive(Debug)]
struct Calendar {
    method: Option<String>,
    uid: String,
    sequence: u32,
    status: Option<String>,
}

fn calendar_in(text: &str) -> Option<Calendar> {
    let start = text.find("BEGIN:VCALENDAR")?;
    let end = text[start..].find("END:VCALENDAR")? + start;
    let ics = text[start..end].replace("\r\n", "\n").replace("\n ", "");
    let value = |name: &str| {
        ics.lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(n, _)| n.split(';').next() == Some(name))
            .map(|(_, v)| v.trim().to_owned())
    };
    Some(Calendar {
        method: value("METHOD"),
        uid: value("UID").expect("a UID"),
        sequence: value("SEQUENCE")
            .expect("a SEQUENCE")
            .parse()
            .expect("a number"),
        status: value("STATUS"),
    })
}

fn start_of(event: &serde_json::Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(event["starts_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

fn moving_the_start_tells_each_confirmed_participant_and_open_invitee_once(db: &Db) {
    let server = Server::start(db);
    let event = server.create_event("ws", 2, Some(5), "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    server.invite("ws", "invited@example.org", "in_person");
    server.join("ws", "waiting@example.org", "in_person");
    let waiting = server.registrations("ws", "?status=waitlisted");
    assert_eq!(waiting.len(), 1, "the room is full: {waiting:?}");
    let seat = server.wait_for_email("room@example.org", 2);
    let before = calendar_in(&seat[1].text).expect("the confirmation's calendar file");

    let starts = start_of(&event) + chrono::Duration::hours(1);
    server.patch_event(
        "ws",
        json!({
            "starts_at": starts.to_rfc3339(),
            "ends_at": (starts + chrono::Duration::hours(8)).to_rfc3339(),
        }),
    );
    let told = wait_for_notice(&server, db, "room@example.org");
    assert_eq!(told.len(), 1, "one email each");
    let text = &told[0].text;
    assert!(told[0].subject.contains("time"), "{}", told[0].subject);
    assert!(text.contains("Starts: "), "{text}");
    assert!(text.contains("→"), "old and new: {text}");
    assert!(
        text.contains("(Europe/Amsterdam)"),
        "in the event's zone: {text}"
    );
    assert!(text.contains("/r/"), "the personal link: {text}");
    let after = calendar_in(text).expect("the updated calendar file");
    assert_eq!(after.uid, before.uid, "the same entry");
    assert!(
        after.sequence > before.sequence,
        "{before:?} then {after:?}"
    );
    assert_eq!(after.method.as_deref(), Some("PUBLISH"));

    assert_eq!(wait_for_notice(&server, db, "online@example.org").len(), 1);
    let invited = wait_for_notice(&server, db, "invited@example.org");
    assert_eq!(invited.len(), 1);
    assert!(
        invited[0].text.contains("accept or decline"),
        "{}",
        invited[0].text
    );
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        notices_to(&server, "waiting@example.org").is_empty(),
        "nobody in line is told"
    );
    let audit = server.organizer_get("/api/v1/events/ws/audit").1;
    assert!(
        audit
            .to_string()
            .contains("change notice sent to 2 confirmed and 1 invited"),
        "{audit}"
    );
}

fn a_venue_change_is_not_sent_to_virtual_participants(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(5), "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    server.patch_event("ws", json!({"venue": "Room 2"}));
    let told = wait_for_notice(&server, db, "room@example.org");
    assert!(
        told[0].text.contains("Venue: Room 1 → Room 2"),
        "{}",
        told[0].text
    );
    assert!(notices_to(&server, "online@example.org").is_empty());

    server.patch_event("ws", json!({"meeting_url": "https://meet.example.org/new"}));
    let online = wait_for_notice(&server, db, "online@example.org");
    assert_eq!(online.len(), 1);
    assert!(
        online[0].text.contains("https://meet.example.org/new"),
        "{}",
        online[0].text
    );
    assert_eq!(
        notices_to(&server, "room@example.org").len(),
        1,
        "the link is not news in the room"
    );
}

fn a_change_of_title_only_sends_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(5), "open");
    server.join("ws", "room@example.org", "in_person");
    db.wait_for_the_outbox();
    let emails = db.count("SELECT COUNT(*) AS n FROM outbox");
    server.patch_event(
        "ws",
        json!({"title": "A new name", "description": "Other words", "in_person_capacity": 3}),
    );
    std::thread::sleep(Duration::from_secs(1));
    db.wait_for_the_outbox();
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM outbox"), emails);

    // Nor is anyone told of a change to a draft, or to an event that has ended.
    server.create_event("hidden", 2, Some(5), "draft");
    server.invite("hidden", "early@example.org", "in_person");
    server.patch_event("hidden", json!({"venue": "Elsewhere"}));
    let past = Utc::now() - chrono::Duration::days(2);
    server.patch_event(
        "ws",
        json!({"starts_at": past.to_rfc3339(), "ends_at": (past + chrono::Duration::hours(1)).to_rfc3339()}),
    );
    server.patch_event("ws", json!({"venue": "After the fact"}));
    std::thread::sleep(Duration::from_secs(1));
    db.wait_for_the_outbox();
    assert!(notices_to(&server, "early@example.org").is_empty());
    assert_eq!(
        notices_to(&server, "room@example.org").len(),
        1,
        "told of the move into the past, not of the venue after it ended"
    );
}

/// The settings form's fields for the event `ws` as the API shows it, with `venue`.
fn settings_fields(event: &serde_json::Value, venue: &str) -> Vec<(String, String)> {
    let local = |field: &str| {
        DateTime::parse_from_rfc3339(event[field].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    [
        ("title", event["title"].as_str().unwrap().to_owned()),
        ("slug", "ws".to_owned()),
        ("description", String::new()),
        ("timezone", "Europe/Amsterdam".to_owned()),
        ("starts_at", local("starts_at")),
        ("ends_at", local("ends_at")),
        ("venue", venue.to_owned()),
        ("meeting_url", "https://meet.example.org/room".to_owned()),
        ("in_person_capacity", "2".to_owned()),
        ("virtual_capacity", "5".to_owned()),
        ("offer_window_hours", "48".to_owned()),
        ("invitation_window_days", "14".to_owned()),
        ("reminder_hours_before", "24".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn post(organizer: &Organizer, path: &str, fields: &[(String, String)]) -> (u16, String, String) {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    organizer.post(path, &borrowed)
}

fn the_dashboard_shows_who_is_told_and_changes_nothing_until_confirmed(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let event = server.create_event("ws", 2, Some(5), "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    db.wait_for_the_outbox();
    let before = db.snapshot();

    let mut fields = settings_fields(&event, "Room 2");
    let (status, _, page) = post(&organizer, "/organizer/events/ws/edit", &fields);
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("1 confirmed participant and 0 invitees"),
        "{page}"
    );
    assert!(page.contains("Venue: Room 1 → Room 2"), "{page}");
    assert!(page.contains("Save and tell them"), "{page}");
    assert!(
        page.contains("name=\"venue\" value=\"Room 2\""),
        "the values carried: {page}"
    );
    assert!(page.contains("name=\"csrf\""), "{page}");
    assert!(
        page.contains("Dear (their name)"),
        "the email as it reads: {page}"
    );
    assert_eq!(db.snapshot(), before, "a preview changes nothing");

    fields.push(("notice".into(), "edit".into()));
    let (status, _, form) = post(&organizer, "/organizer/events/ws/edit", &fields);
    assert_eq!(status, 200);
    assert!(
        form.contains("value=\"Room 2\""),
        "back to the form as typed: {form}"
    );
    assert_eq!(db.snapshot(), before, "going back changes nothing");

    fields.pop();
    fields.push(("notice".into(), "send".into()));
    let (status, to, body) = post(&organizer, "/organizer/events/ws/edit", &fields);
    assert_eq!(
        (status, to.as_str()),
        (303, "/organizer/events/ws?done=told"),
        "{body}"
    );
    let told = wait_for_notice(&server, db, "room@example.org");
    assert_eq!(told.len(), 1);
    assert!(notices_to(&server, "online@example.org").is_empty());
    assert_eq!(
        server.organizer_get("/api/v1/events/ws").1["venue"],
        "Room 2"
    );

    // A change nobody is told of saves at once, as before.
    let mut renamed = settings_fields(&server.organizer_get("/api/v1/events/ws").1, "Room 2");
    renamed[0].1 = "Renamed".into();
    let (status, to, _) = post(&organizer, "/organizer/events/ws/edit", &renamed);
    assert_eq!(
        (status, to.as_str()),
        (303, "/organizer/events/ws?done=saved")
    );

    // The programme page does the same: a streamed part added is news in the room and online.
    let start = start_of(&event);
    let local = |hours: i64| {
        (start + chrono::Duration::hours(hours))
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let mut parts: Vec<(String, String)> = vec![
        ("count".into(), "1".into()),
        ("action".into(), "save".into()),
        ("part-0-title".into(), "Keynote".into()),
        ("part-0-starts_at".into(), local(0)),
        ("part-0-ends_at".into(), local(1)),
        ("part-0-streamed".into(), "yes".into()),
    ];
    let (status, _, page) = post(&organizer, "/organizer/events/ws/programme", &parts);
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("2 confirmed participants and 0 invitees"),
        "{page}"
    );
    assert!(page.contains("Added to the programme: Keynote"), "{page}");
    parts.push(("notice".into(), "send".into()));
    let (status, to, _) = post(&organizer, "/organizer/events/ws/programme", &parts);
    assert_eq!(
        (status, to.as_str()),
        (303, "/organizer/events/ws/programme?done=told")
    );
    let online = wait_for_notice(&server, db, "online@example.org");
    assert!(online[0].text.contains("Keynote"), "{}", online[0].text);
    assert_eq!(notices_to(&server, "room@example.org").len(), 2);
}

fn a_cancelled_registrations_calendar_file_is_method_cancel(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(5), "open");
    let (token, _) = server.join("ws", "room@example.org", "in_person");
    let seat = server.wait_for_email("room@example.org", 2);
    let given = calendar_in(&seat[1].text).expect("a calendar file with the seat");
    let (status, me) = server.post(&format!("/api/v1/me/{token}/cancel"), json!({}));
    assert_eq!(status, 200, "{me}");
    let mails = server.wait_for_email("room@example.org", 3);
    let cancel = calendar_in(&mails[2].text).expect("the cancellation's calendar file");
    assert_eq!(cancel.method.as_deref(), Some("CANCEL"), "{cancel:?}");
    assert_eq!(cancel.status.as_deref(), Some("CANCELLED"));
    assert_eq!(cancel.uid, given.uid);

    let page = server
        .http
        .get(server.url(&format!("/r/{token}")))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("Remove it from your calendar"), "{page}");
    let download = server
        .http
        .get(server.url(&format!("/r/{token}/calendar.ics")))
        .send()
        .unwrap();
    assert_eq!(download.status(), 200);
    let file = calendar_in(&download.text().unwrap()).expect("a calendar file");
    assert_eq!(file.method.as_deref(), Some("CANCEL"), "{file:?}");
    assert_eq!(file.status.as_deref(), Some("CANCELLED"));
    assert_eq!(file.uid, given.uid);
    assert!(file.sequence > given.sequence, "{given:?} then {file:?}");

    // Someone who never had a seat has nothing to take back.
    server.create_event("full", 0, Some(0), "open");
    let (waiting, _) = server.join("full", "line@example.org", "either");
    let (status, _) = server.post(&format!("/api/v1/me/{waiting}/cancel"), json!({}));
    assert_eq!(status, 200);
    let response = server
        .http
        .get(server.url(&format!("/r/{waiting}/calendar.ics")))
        .send()
        .unwrap();
    assert_eq!(response.status(), 404);
}

fn team_changes_are_logged_naming_who_made_them(db: &Db) {
    let server = Server::start(db);
    let owner = Organizer::sign_up(&server, db, "owner@example.org");
    invited_member(&server, &owner, "colleague@example.org", "organizer");
    let them = db.count("SELECT id AS n FROM organizers WHERE email = 'colleague@example.org'");
    let (status, _, _) = owner.post(
        &format!("/organizer/team/{them}/role"),
        &[("role", "check_in")],
    );
    assert_eq!(status, 303);
    let (status, _, _) = owner.post(&format!("/organizer/team/{them}/remove"), &[]);
    assert_eq!(status, 303);
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM team_changes"), 3);
    assert_eq!(
        db.count(
            "SELECT COUNT(*) AS n FROM team_changes \
             WHERE actor = 'organizer owner@example.org' AND member = 'colleague@example.org'"
        ),
        3
    );
    let page = owner.get("/organizer/team").1;
    assert!(page.contains("Recent changes"), "{page}");
    for note in [
        "invited as organizer",
        "role changed from organizer to check_in",
        "removed from the team (was check_in)",
    ] {
        assert!(page.contains(note), "{note}: {page}");
    }
    assert!(page.contains("organizer owner@example.org"));
    // A refused change writes nothing.
    let me = db.count("SELECT id AS n FROM organizers WHERE email = 'owner@example.org'");
    let first = db.count("SELECT id AS n FROM organizers WHERE email = 'organizer@localhost'");
    owner.post(&format!("/organizer/team/{first}/remove"), &[]);
    let logged = db.count("SELECT COUNT(*) AS n FROM team_changes");
    let (status, _, _) = owner.post(&format!("/organizer/team/{me}/remove"), &[]);
    assert_eq!(status, 409);
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM team_changes"), logged);
}

on_both_databases!(
    moving_the_start_tells_each_confirmed_participant_and_open_invitee_once,
    a_venue_change_is_not_sent_to_virtual_participants,
    a_change_of_title_only_sends_nothing,
    the_dashboard_shows_who_is_told_and_changes_nothing_until_confirmed,
    a_cancelled_registrations_calendar_file_is_method_cancel,
    team_changes_are_logged_naming_who_made_them,
);
