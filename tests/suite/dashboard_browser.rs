//! The organizer dashboard in a real browser (headless Chromium through chromedriver):
//! sign in, create an event, invite from a pasted list with one bad line, see the preview,
//! send, see the state change when an invitee accepts, raise capacity and see the offer go
//! out, write to a group, export the CSV. Every page on the way, forms with errors and
//! previews included, gets the axe-core checks (WCAG 2.x A and AA) at 1280 px and at 360 px,
//! and must not scroll sideways on the phone. With `REGISTRAR_SCREENSHOTS=docs/screenshots`
//! each page is also saved there (`organizer-NAME.png` as the README shows it, and
//! `organizer-NAME-phone.png`).
//!
//! Ignored unless asked for (`--include-ignored`): it needs chromium, chromedriver and
//! `npm ci`, and fails saying so when they are missing.

use std::process::Command;

use crate::browser::start;
use crate::common::{Db, Server, BIN};
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

fn organizer_link(db: &Db, email: &str) -> String {
    let output = Command::new(BIN)
        .args(["organizer", "add", email])
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running registrar organizer add");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout.lines().last().unwrap().trim().to_owned();
    link[link.find("/organizer/welcome/").unwrap()..].to_owned()
}

fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Amsterdam)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn path_of(url: &str) -> String {
    reqwest::Url::parse(url).unwrap().path().to_owned()
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn an_organizer_runs_a_registration_from_the_browser() {
    let (_turn, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    let link = organizer_link(&db, "ada@example.org");
    let event = "/organizer/events/in-the-picture";
    let open = |path: &str| browser.goto(&server.url(path));

    // Signing in before a password is set fails, with a message.
    open("/organizer/login");
    browser.check_dashboard_page("sign-in");
    browser.fill("#field-email", "ada@example.org");
    browser.fill("#field-password", "not the password");
    browser.press("Sign in");
    assert!(browser.has(".notice.bad"), "{}", browser.page_text());
    browser.check_dashboard_page("sign-in-error");

    // Set a password from the one-time link: two that differ are refused, then signed in.
    open(&link);
    browser.check_dashboard_page("welcome");
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", "another password entirely");
    browser.press("Set password and sign in");
    assert!(browser.has(".notice.bad"), "{}", browser.page_text());
    browser.check_dashboard_page("welcome-error");
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", PASSWORD);
    browser.press("Set password and sign in");
    assert_eq!(path_of(&browser.url()), "/organizer");
    assert!(browser.page_text().contains("ada@example.org"));
    browser.check_dashboard_page("events-none");

    // Create an event: first with the fields left wrong, then right.
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    open("/organizer/events/new");
    browser.check_dashboard_page("event-form-blank");
    browser.fill("#field-slug", "Not A Slug!");
    browser.press("Save");
    assert!(browser.has(".field-error"), "{}", browser.page_text());
    browser.check_dashboard_page("event-form-errors");
    browser.fill("#field-title", "In the Picture: Medical Imaging Datasets");
    browser.fill("#field-slug", "in-the-picture");
    browser.fill(
        "#field-description",
        "A one-day workshop on medical imaging datasets.",
    );
    browser.set_value("#field-starts_at", &local(starts));
    browser.set_value(
        "#field-ends_at",
        &local(starts + chrono::Duration::hours(8)),
    );
    browser.fill("#field-venue", "Science Park 904, Amsterdam");
    browser.fill(
        "#field-meeting_url",
        "https://meet.example.org/in-the-picture",
    );
    browser.fill("#field-in_person_capacity", "1");
    browser.fill("#field-virtual_capacity", "50");
    browser.set_value("#field-phase", "open");
    browser.check_dashboard_page("event-form");
    browser.press("Save");
    assert_eq!(path_of(&browser.url()), event);

    // Invite from a pasted list with one bad line: preview, then send.
    open(&format!("{event}/invitations"));
    browser.check_dashboard_page("invitations-none");
    browser.fill("#field-list", "this line is not an address\n");
    browser.follow("form[enctype] button[type=submit]");
    assert!(browser
        .page_text()
        .contains("There is nobody valid to invite"));
    browser.check_dashboard_page("invitations-preview-nobody");
    // A list with a header row: the preview says which column it read as what.
    browser.fill(
        "#field-list",
        "Institution;E-mail;Name;Notes\nIT University;grace@example.org;Grace Hopper;\n",
    );
    browser.follow("form[enctype] button[type=submit]");
    assert!(
        browser
            .text("ul.columns-read")
            .contains("“Institution” → affiliation"),
        "{}",
        browser.page_text()
    );
    browser.check_dashboard_page("invitations-preview-header");
    browser.fill(
        "#field-list",
        "Grace Hopper <grace@example.org>\nalan@example.org, Alan Turing, virtual\nthis line is not an address\n",
    );
    browser.follow("form[enctype] button[type=submit]");
    let preview = browser.page_text();
    assert!(
        preview.contains("2 valid, 0 duplicate, 1 invalid"),
        "{preview}"
    );
    browser.check_dashboard_page("invitations-preview");
    browser.press("Send 2 invitations");
    assert!(browser.has("p.notice.ok"), "{}", browser.page_text());
    let grace = server.wait_for_email("grace@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    server.wait_for_email("alan@example.org", 1);
    // The delivery of that send, once its emails have left the outbox.
    browser.follow("p.notice.ok a");
    assert!(
        browser
            .text("h1")
            .contains("Delivery of 2 invitation emails"),
        "{}",
        browser.page_text()
    );
    browser.check_dashboard_page("send");

    // Two people join through the API, as the public page would: the one in-person seat
    // is held by the invitation, so they wait in line.
    for email in ["wait1@example.org", "wait2@example.org"] {
        let (_, me) = server.join("in-the-picture", email, "in_person");
        assert_eq!(me["status"], "waitlisted");
    }

    // The invitee accepts; the dashboard shows the new state.
    let (status, _) = server.post(
        &format!("/api/v1/me/{grace}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200);
    open(&format!("{event}/invitations"));
    let page = browser.page_text();
    let row = page
        .lines()
        .find(|l| l.contains("grace@example.org"))
        .expect("grace is listed");
    assert!(row.contains("confirmed"), "{row}");
    browser.check_dashboard_page("invitations");

    // Raise capacity: a number that is not one is refused; the preview names who gets the
    // seat, then the offer goes out.
    open(&format!("{event}/capacity?in_person=many&virtual=50"));
    assert!(browser.has(".notice.bad"), "{}", browser.page_text());
    browser.check_dashboard_page("capacity-error");
    open(&format!("{event}/capacity"));
    browser.check_dashboard_page("capacity-form");
    browser.fill("#field-in_person", "2");
    browser.press("Preview");
    let preview = browser.page_text();
    assert!(preview.contains("wait1@example.org"), "{preview}");
    assert!(!preview.contains("wait2@example.org"), "{preview}");
    browser.check_dashboard_page("capacity");
    browser.press("Apply the new capacity");
    let offered = server.registrations("in-the-picture", "?status=offered");
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0]["email"], "wait1@example.org");
    let offer = server.wait_for_email("wait1@example.org", 3);
    assert!(
        offer[2].subject.to_lowercase().contains("seat"),
        "{}",
        offer[2].subject
    );

    // Changing the phase says what it will do before it does it.
    open(&format!("{event}?phase=closed"));
    let statement = browser.page_text();
    assert!(
        statement.contains("Closing registration stops new entries"),
        "{statement}"
    );
    browser.check_dashboard_page("phase");

    // The settings, and a change that is refused.
    open(&format!("{event}/edit"));
    browser.check_dashboard_page("settings");
    browser.fill("#field-in_person_capacity", "-3");
    browser.press("Save");
    assert!(browser.has(".field-error"), "{}", browser.page_text());
    browser.check_dashboard_page("settings-errors");

    // Writing to a group: nothing chosen is refused, then a preview of the email.
    open(&format!("{event}/message"));
    browser.check_dashboard_page("messages");
    browser.press("Preview");
    assert!(browser.has(".field-error"), "{}", browser.page_text());
    browser.check_dashboard_page("messages-errors");
    browser.click("input[name=group]");
    browser.fill("#field-subject", "Programme");
    browser.fill(
        "#field-body",
        "The programme is out.\n\nSee you in Amsterdam.",
    );
    browser.press("Preview");
    assert!(browser.text("h1").contains("Preview the message"));
    browser.check_dashboard_page("message-preview");

    // API tokens: a name of only spaces is refused; a token is shown once.
    open("/organizer/tokens");
    browser.check_dashboard_page("tokens-none");
    browser.fill("#field-name", "   ");
    browser.press("Create a token");
    assert!(browser.has(".notice.bad"), "{}", browser.page_text());
    browser.check_dashboard_page("tokens-error");
    browser.fill("#field-name", "Spreadsheet sync");
    browser.press("Create a token");
    assert!(browser.has("code.token"), "{}", browser.page_text());
    browser.check_dashboard_page("tokens");

    // The calendar feed: a secret link for calendar apps, shown once.
    open("/organizer/calendar");
    browser.check_dashboard_page("calendar-none");
    browser.press("Make a link");
    assert!(browser.has("code.token"), "{}", browser.page_text());
    browser.check_dashboard_page("calendar");

    // The site's identity: a name of only spaces is refused, then a name is saved.
    open("/organizer/site");
    browser.check_dashboard_page("site");
    browser.fill("#field-name", "   ");
    browser.press("Save");
    assert!(browser.has(".field-error"), "{}", browser.page_text());
    browser.check_dashboard_page("site-errors");
    browser.fill("#field-name", "In the Picture");
    browser.press("Save");
    assert!(browser.has(".notice.ok"), "{}", browser.page_text());

    // Every other page, with what the steps above left in it.
    for (path, name) in [
        (event.to_owned(), "overview"),
        (format!("{event}/registrations"), "registrations"),
        (format!("{event}/line"), "line"),
        (format!("{event}/audit"), "audit"),
        (
            "/organizer/events/new?from=in-the-picture".to_owned(),
            "duplicate",
        ),
        ("/organizer/outbox".to_owned(), "outbox"),
        ("/organizer".to_owned(), "events"),
    ] {
        open(&path);
        browser.check_dashboard_page(name);
    }

    // The CSV export with the browser's own session.
    let csv = reqwest::blocking::Client::new()
        .get(server.url(&format!("{event}/export.csv")))
        .header(reqwest::header::COOKIE, browser.cookie("registrar_session"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(csv.starts_with("id,name,email,affiliation,status,mode"));
    assert!(csv.contains("grace@example.org"), "{csv}");
}
