//! Bulk sends say what happened: after inviting or writing to many people the dashboard
//! says how many emails were queued (not that they were sent) and links to the delivery
//! of exactly those emails: waiting, delivered and failed, reloading itself without a
//! script while some wait.

use std::time::{Duration, Instant};

use diesel::Connection;
use diesel_migrations::{FileBasedMigrations, MigrationHarness};

use crate::common::smtp::MailServer;
use crate::common::{Db, Server};
use crate::dashboard::Organizer;

const REFRESH: &str = "http-equiv=\"refresh\"";

/// The number a send's page gives for `label` (Queued, Waiting, Delivered, Failed).
fn count(page: &str, label: &str) -> u32 {
    let key = format!("<dt>{label}</dt><dd>");
    let at = page
        .find(&key)
        .unwrap_or_else(|| panic!("no {label}: {page}"))
        + key.len();
    page[at..at + page[at..].find('<').unwrap()]
        .parse()
        .unwrap()
}

/// The send a redirect after a bulk send names.
fn send_of(location: &str) -> String {
    location
        .split_once("?send=")
        .unwrap_or_else(|| panic!("a redirect naming the send: {location}"))
        .1
        .to_owned()
}

/// Waits until the send's page satisfies `done`, and returns it.
fn page_when(organizer: &Organizer, send: &str, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, page) = organizer.get(&format!("/organizer/outbox/sends/{send}?refresh=on"));
        assert_eq!(status, 200, "{page}");
        if done(&page) {
            return page;
        }
        assert!(
            Instant::now() < deadline,
            "the send never got there: {page}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn invitations_say_how_many_emails_were_queued_and_follow_exactly_their_delivery(db: &Db) {
    let mail = MailServer::start();
    mail.refuse("gone@example.org", 550);
    mail.refuse("later@example.org", 451);
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "5", "5", "invite_only");
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/ws/invitations",
        serde_json::json!({"invitees": [{"email": "earlier@example.org", "name": "Earlier"}]}),
    );
    assert_eq!(status, 201, "{body}");
    let list = "ok@example.org, Ok\ngone@example.org, Gone\nlater@example.org, Later\n";
    organizer.preview("ws", list);
    let (status, to, body) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", list), ("hold_until", "")],
    );
    assert_eq!(status, 303, "{body}");
    assert!(
        to.starts_with("/organizer/events/ws/invitations?send="),
        "{to}"
    );
    let send = send_of(&to);

    let (_, page) = organizer.get(&to);
    assert!(
        page.contains("<strong>3 invitation emails queued</strong> for delivery."),
        "{page}"
    );
    assert!(!page.contains("were sent"), "nothing claims they were sent");
    assert!(page.contains(&format!(
        "href=\"/organizer/outbox/sends/{send}?refresh=on\""
    )));

    let page = page_when(&organizer, &send, |p| {
        count(p, "Delivered") == 1 && count(p, "Failed") == 1
    });
    assert_eq!(count(&page, "Queued"), 3);
    assert_eq!(count(&page, "Waiting"), 1, "{page}");
    assert!(page.contains(REFRESH), "it reloads itself while one waits");
    for address in ["ok@example.org", "gone@example.org", "later@example.org"] {
        assert!(page.contains(address), "{address}: {page}");
    }
    assert!(
        !page.contains("earlier@example.org"),
        "only the emails of this send"
    );
    assert!(page.contains("by organizer org@example.org"), "{page}");

    let (_, still) = organizer.get(&format!("/organizer/outbox/sends/{send}"));
    assert!(
        !still.contains(REFRESH),
        "without asking for it the page does not reload (WCAG 2.2.1)"
    );
    assert!(still.contains(&format!(
        "href=\"/organizer/outbox/sends/{send}?refresh=on\""
    )));

    mail.accept("later@example.org");
    let page = page_when(&organizer, &send, |p| count(p, "Waiting") == 0);
    assert_eq!(count(&page, "Delivered"), 2);
    assert_eq!(count(&page, "Failed"), 1);
    assert!(!page.contains(REFRESH), "nothing waits: no more reloading");
}

fn a_message_to_a_group_says_how_many_emails_were_queued(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "5", "5", "open");
    server.join("ws", "one@example.org", "in_person");
    server.join("ws", "two@example.org", "in_person");
    let fields = [
        ("group", "confirmed_in_person"),
        ("subject", "Room change"),
        ("body", "We moved to room 2."),
    ];
    let (status, to, _) = organizer.post("/organizer/events/ws/message", &fields);
    assert_eq!(status, 303);
    assert!(to.starts_with("/organizer/events/ws/message?send="), "{to}");
    let send = send_of(&to);
    let (_, page) = organizer.get(&to);
    assert!(
        page.contains("<strong>2 message emails queued</strong> for delivery."),
        "{page}"
    );
    let page = page_when(&organizer, &send, |p| count(p, "Delivered") == 2);
    assert_eq!(count(&page, "Queued"), 2);
    assert!(page.contains("Room change"));
    assert_eq!(
        page.matches("one@example.org").count(),
        1,
        "the people's earlier emails are not part of it: {page}"
    );

    let (status, to, _) = organizer.post(
        "/organizer/events/ws/message",
        &[
            ("group", "waiting"),
            ("subject", "Hello"),
            ("body", "Anyone?"),
        ],
    );
    assert_eq!(status, 303);
    assert_eq!(to, "/organizer/events/ws/message?done=nobody");
    let (_, page) = organizer.get(&to);
    assert!(page.contains("Nobody is in that group: no email was queued."));
}

fn a_send_is_shown_only_for_its_own_event(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "5", "5", "invite_only");
    organizer.create_event("other", "5", "5", "invite_only");
    let (_, to, _) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", "a@example.org, A\n"), ("hold_until", "")],
    );
    let send = send_of(&to);
    let (_, elsewhere) = organizer.get(&format!("/organizer/events/other/invitations?send={send}"));
    assert!(!elsewhere.contains("queued"), "{elsewhere}");
    for junk in ["x", "-1", "99999", ""] {
        let (status, page) =
            organizer.get(&format!("/organizer/events/ws/invitations?send={junk}"));
        assert_eq!(status, 200, "{junk}");
        assert!(!page.contains("queued"), "{junk}");
    }
    for missing in ["99999", "x"] {
        let (status, _) = organizer.get(&format!("/organizer/outbox/sends/{missing}"));
        assert_eq!(status, 404, "{missing}");
    }
}

/// Every migration goes down and up again on an empty database, the sends one included.
fn the_migrations_go_down_and_up_again(db: &Db) {
    let backend = if db.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let migrations = FileBasedMigrations::from_path(format!(
        "{}/migrations/{backend}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    fn down_and_up<C>(conn: &mut C, migrations: FileBasedMigrations)
    where
        C: Connection + MigrationHarness<C::Backend>,
    {
        conn.run_pending_migrations(migrations.clone()).unwrap();
        conn.revert_all_migrations(migrations.clone()).unwrap();
        conn.run_pending_migrations(migrations).unwrap();
    }
    if db.is_postgres() {
        down_and_up(
            &mut diesel::PgConnection::establish(&db.url).unwrap(),
            migrations,
        );
    } else {
        down_and_up(
            &mut diesel::SqliteConnection::establish(&db.url).unwrap(),
            migrations,
        );
    }
    // The server starts on the result, with nothing left to apply.
    let server = Server::start(db);
    server.create_event("ws", 1, Some(1), "open");
}

on_both_databases!(
    invitations_say_how_many_emails_were_queued_and_follow_exactly_their_delivery,
    a_message_to_a_group_says_how_many_emails_were_queued,
    a_send_is_shown_only_for_its_own_event,
    the_migrations_go_down_and_up_again,
);
