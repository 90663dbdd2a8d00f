//! Telling people what changed, in a real browser (headless Chromium through
//! chromedriver): an organizer moves the workshop to another venue, sees who will be told
//! and the email they get, and saves. The preview gets the axe-core checks at 1280 px and
//! 360 px and must not scroll sideways on the phone; with
//! `REGISTRAR_SCREENSHOTS=docs/screenshots` it is saved there (`organizer-change-notice.png`).
//!
//! Ignored unless asked for (`--include-ignored`): it needs chromium, chromedriver and
//! `npm ci`, and fails saying so when they are missing.

use crate::browser::{start, workshop};
use crate::common::{Db, Server};
use crate::dashboard::organizer_link;

const PASSWORD: &str = "correct horse battery staple";

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn browser_a_new_venue_is_previewed_then_told() {
    let (_turn, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "in-the-picture", 20, Some(50), "open");
    server.join("in-the-picture", "ada@example.org", "in_person");
    server.join("in-the-picture", "grace@example.org", "virtual");
    server.invite("in-the-picture", "alan@example.org", "in_person");
    let open = |path: &str| browser.goto(&server.url(path));

    open(&organizer_link(&db, "owner@example.org"));
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", PASSWORD);
    browser.press("Set password and sign in");

    open("/organizer/events/in-the-picture/edit");
    browser.fill("#field-venue", "Lab 42, Science Park 904, Amsterdam");
    browser.press("Save");
    let text = browser.page_text();
    assert!(
        text.contains("1 confirmed participant and 1 invitee"),
        "{text}"
    );
    assert!(
        text.contains("Venue: Science Park 904, Amsterdam → Lab 42"),
        "{text}"
    );
    browser.check_dashboard_page("change-notice");

    browser.press("Save and tell them");
    let text = browser.page_text();
    assert!(text.contains("being told by email"), "{text}");
    db.wait_for_the_outbox();
    assert!(server
        .emails_to("ada@example.org")
        .iter()
        .any(|m| m.subject.contains("has changed: venue")));
    assert!(!server
        .emails_to("grace@example.org")
        .iter()
        .any(|m| m.subject.contains("has changed")));
}
