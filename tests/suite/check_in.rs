//! Check-in at the door (SPEC.md, "After the seat"; API.md, check-in): a confirmed
//! registration is marked as arrived once, an arrival can be undone, anyone without a
//! seat is refused with nothing changed; the QR code of a seat in the room, in the
//! confirmation email and on the personal page, opens a check-in link that only a
//! signed-in organizer can use; attendance is counted on the overview and exported.

use reqwest::redirect::Policy;
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

fn check_in(server: &Server, method: Method, id: &Value) -> (u16, Value) {
    server.organizer(
        method,
        &format!("/api/v1/registrations/{id}/check-in"),
        json!(null),
    )
}

fn id_of(server: &Server, slug: &str, email: &str) -> Value {
    server
        .registrations(slug, "")
        .into_iter()
        .find(|r| r["email"] == email)
        .unwrap()["id"]
        .clone()
}

fn a_confirmed_participant_is_checked_in_once_and_anyone_without_a_seat_is_refused(db: &Db) {
    let server = Server::start(db);
    server.create_event("door", 1, Some(5), "open");
    let (token, _) = server.join("door", "ada@example.org", "in_person");
    server.join("door", "line@example.org", "in_person");
    server.invite("door", "inv@example.org", "virtual");
    let ada = id_of(&server, "door", "ada@example.org");

    let (status, first) = check_in(&server, Method::POST, &ada);
    assert_eq!(status, 200, "{first}");
    let at = first["checked_in_at"].as_str().unwrap().to_owned();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (status, again) = check_in(&server, Method::POST, &ada);
    assert_eq!(
        (status, again["checked_in_at"].as_str()),
        (200, Some(at.as_str()))
    );
    assert_eq!(
        server.me(&token)["checked_in_at"].as_str(),
        Some(at.as_str())
    );

    // The CSV has the column, and the time.
    let (status, csv) = server.organizer_get("/api/v1/events/door/export.csv");
    assert_eq!(status, 200);
    let csv = csv.as_str().unwrap().to_owned();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",checked_in_at,language"),
        "{csv}"
    );
    let row = csv.lines().find(|l| l.contains("ada@example.org")).unwrap();
    assert!(!row.ends_with(",,en"), "{row}");

    // No seat: waiting in line, or invited and not yet answered. Refused, nothing changed.
    db.wait_for_the_outbox();
    let before = db.snapshot();
    for email in ["line@example.org", "inv@example.org"] {
        let id = id_of(&server, "door", email);
        let (status, body) = check_in(&server, Method::POST, &id);
        assert_eq!(status, 409, "{email}: {body}");
        assert_eq!(body["error"]["code"], "conflict", "{body}");
    }
    let (status, _) = check_in(&server, Method::POST, &json!(999_999));
    assert_eq!(status, 404);
    assert_eq!(before, db.snapshot(), "a refused check-in changed nothing");

    let (status, undone) = check_in(&server, Method::DELETE, &ada);
    assert_eq!(
        (status, undone["checked_in_at"].clone()),
        (200, Value::Null)
    );
}

fn the_qr_code_of_a_seat_in_the_room_opens_a_link_only_organizers_can_use(db: &Db) {
    let server = Server::start(db);
    server.create_event("door", 5, Some(5), "open");
    let (token, _) = server.join("door", "ada@example.org", "in_person");
    let (online, _) = server.join("door", "eve@example.org", "virtual");
    let ada = id_of(&server, "door", "ada@example.org");
    let link = format!("{}/organizer/check-in/{ada}", server.base);

    let mail = server
        .wait_for_email("ada@example.org", 2)
        .into_iter()
        .find(|m| m.subject.contains("You have a seat"))
        .expect("a confirmation");
    assert!(
        mail.text.contains(&format!("opens: {link}")),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains("Content-ID: <check-in-qr>"),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains("Content-Type: image/png"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("cid:check-in-qr"), "{}", mail.text);
    let online_mail = server.wait_for_email("eve@example.org", 2);
    assert!(online_mail.iter().all(|m| !m.text.contains("check-in-qr")));

    let page = server.get(&format!("/r/{token}")).1;
    let page = page.as_str().unwrap();
    assert!(
        page.contains("At the door") && page.contains("<svg"),
        "{page}"
    );
    let page = server.get(&format!("/r/{online}")).1;
    assert!(!page.as_str().unwrap().contains("<svg"));

    // Anyone else who opens it gets the sign-in page, and nothing changes.
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let stranger = reqwest::blocking::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let opened = stranger.get(&link).send().unwrap();
    assert_eq!(opened.status(), 303);
    assert_eq!(opened.headers()["location"], "/organizer/login");
    let posted = stranger.post(&link).form(&[("q", "")]).send().unwrap();
    assert_eq!(posted.status(), 303);
    assert_eq!(before, db.snapshot());

    // A signed-in organizer sees the person, and checks them in.
    let organizer = Organizer::sign_up(&server, db, "owner@example.org");
    let path = format!("/organizer/check-in/{ada}");
    let (status, page) = organizer.get(&path);
    assert_eq!(status, 200);
    assert!(page.contains("Arrived: Person ada@example.org"), "{page}");
    let (status, to, _) = organizer.post(&path, &[("q", "")]);
    assert_eq!((status, to), (303, format!("{path}?done=arrived")));
    let page = organizer.get(&format!("{path}?done=arrived")).1;
    assert!(
        page.contains("Checked in.") && page.contains("1 arrived of 1 expected"),
        "{page}"
    );
    assert!(page.contains("Undo arrival"), "{page}");
}

fn the_check_in_page_finds_people_and_counts_arrivals(db: &Db) {
    let server = Server::start(db);
    server.create_event("door", 5, Some(5), "open");
    server.join("door", "ada@example.org", "in_person");
    server.join("door", "grace@example.org", "in_person");
    server.invite("door", "inv@example.org", "in_person");
    let organizer = Organizer::sign_up(&server, db, "owner@example.org");
    let base = "/organizer/events/door/check-in";

    let (status, page) = organizer.get(base);
    assert_eq!(status, 200);
    assert!(page.contains("0 arrived of 2 expected"), "{page}");
    assert!(
        page.contains("method=\"get\""),
        "a plain form works without a script"
    );
    assert!(page.contains("/static/check-in.js"), "{page}");

    let (_, found) = organizer.get(&format!("{base}?q=ADA"));
    assert!(found.contains("Arrived: Person ada@example.org"), "{found}");
    assert!(!found.contains("grace@example.org"), "{found}");
    let (_, invited) = organizer.get(&format!("{base}?q=inv"));
    assert!(invited.contains("No seat"), "{invited}");
    assert!(!invited.contains("Arrived:"), "{invited}");

    let ada = id_of(&server, "door", "ada@example.org");
    let (status, to, _) = organizer.post(&format!("/organizer/check-in/{ada}"), &[("q", "ada")]);
    assert_eq!(
        (status, to.as_str()),
        (303, "/organizer/events/door/check-in?q=ada&done=arrived")
    );
    // The live search asks for the results alone.
    let (status, part) = organizer.get(&format!("{base}?q=ada&part=results"));
    assert_eq!(status, 200);
    assert!(!part.contains("<html"), "{part}");
    assert!(
        part.contains("1 arrived of 2 expected") && part.contains("Undo arrival"),
        "{part}"
    );
    let overview = organizer.get("/organizer/events/door").1;
    assert!(overview.contains("arrived of"), "{overview}");

    // An invitee has no seat: refused, nothing changed.
    let invitee = id_of(&server, "door", "inv@example.org");
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let (status, _, body) =
        organizer.post(&format!("/organizer/check-in/{invitee}"), &[("q", "inv")]);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("only a confirmed participant"), "{body}");
    assert_eq!(before, db.snapshot());

    let (status, _, _) =
        organizer.post(&format!("/organizer/check-in/{ada}/undo"), &[("q", "ada")]);
    assert_eq!(status, 303);
    assert!(organizer.get(base).1.contains("0 arrived of 2 expected"));
}

on_both_databases!(
    a_confirmed_participant_is_checked_in_once_and_anyone_without_a_seat_is_refused,
    the_qr_code_of_a_seat_in_the_room_opens_a_link_only_organizers_can_use,
    the_check_in_page_finds_people_and_counts_arrivals,
);
