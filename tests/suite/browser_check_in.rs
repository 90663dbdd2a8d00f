//! The door and the team in a real browser (headless Chromium through chromedriver): an
//! owner invites a check-in helper from the team page, finds a participant on the
//! check-in page as they type, checks them in and undoes it; the participant's page shows
//! the QR code. Every page gets the axe-core checks at 1280 px and 360 px and must not
//! scroll sideways on the phone; with `REGISTRAR_SCREENSHOTS=docs/screenshots` each is
//! saved there (`organizer-team.png`, `organizer-check-in-phone.png`, ...).
//!
//! Ignored unless asked for (`--include-ignored`): it needs chromium, chromedriver and
//! `npm ci`, and fails saying so when they are missing.

use std::time::{Duration, Instant};

use crate::browser::{start, workshop};
use crate::common::{Db, Server};
use crate::dashboard::organizer_link;

const PASSWORD: &str = "correct horse battery staple";

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn browser_an_owner_invites_a_helper_and_checks_people_in_from_a_phone() {
    let (_turn, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "in-the-picture", 20, Some(50), "open");
    let (ada, _) = server.join("in-the-picture", "ada@example.org", "in_person");
    server.join("in-the-picture", "grace@example.org", "in_person");
    server.invite("in-the-picture", "alan@example.org", "in_person");
    let open = |path: &str| browser.goto(&server.url(path));

    open(&organizer_link(&db, "owner@example.org"));
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", PASSWORD);
    browser.press("Set password and sign in");

    // The team: an address at no domain is refused next to the field, kept.
    open("/organizer/team");
    browser.check_dashboard_page("team");
    browser.fill("#field-email", "door@127.0.0.1");
    browser.set_value("#field-role", "check_in");
    browser.press("Send the invitation");
    assert!(browser.has("#invite-problem"), "{}", browser.page_text());
    assert_eq!(browser.value("#field-email"), "door@127.0.0.1");
    browser.check_dashboard_page("team-error");
    browser.fill("#field-email", "door@example.org");
    browser.set_value("#field-role", "check_in");
    browser.press("Send the invitation");
    assert!(browser.page_text().contains("door@example.org"));
    browser.check_dashboard_page("team-invited");
    assert!(server
        .wait_for_email("door@example.org", 1)
        .iter()
        .any(|m| m.text.contains("/organizer/welcome/")));

    // The check-in page on a phone: results as one types.
    browser.resize((360, 780));
    open("/organizer/events/in-the-picture/check-in");
    assert!(browser
        .text("#check-in-counts")
        .contains("0 arrived of 2 expected"));
    browser.check_dashboard_page("check-in");
    browser.resize((360, 780));
    browser.type_into("#field-q", "ada");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.has("button.arrive") {
        assert!(Instant::now() < deadline, "no results as one types");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!browser.page_text().contains("grace@example.org"));
    browser.check_dashboard_page("check-in-found");
    browser.resize((360, 780));
    browser.follow("button.arrive");
    assert!(browser
        .text("#check-in-counts")
        .contains("1 arrived of 2 expected"));
    assert!(browser.page_text().contains("Checked in."));
    browser.check_dashboard_page("check-in-arrived");
    browser.press("Undo arrival of Person ada@example.org");
    assert!(browser
        .text("#check-in-counts")
        .contains("0 arrived of 2 expected"));

    // Someone without a seat is found, and says so.
    browser.fill("#field-q", "alan");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.page_text().contains("No seat") {
        assert!(Instant::now() < deadline, "{}", browser.page_text());
        std::thread::sleep(Duration::from_millis(50));
    }

    // The participant's page shows the code to bring.
    open(&format!("/r/{ada}"));
    assert!(browser.has(".check-in-code svg"));
    browser.check_page("personal-check-in-code");
}
