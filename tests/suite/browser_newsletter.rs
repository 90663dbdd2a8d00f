//! The newsletter in a real browser (headless Chromium through chromedriver): an event is
//! announced from its overview, the preview follows the text as one types, the issue goes
//! out after the confirmation step and its page shows the delivery; the newsletter page
//! and the subscribers. Every page gets the axe-core checks at 1280 px and 360 px and must
//! not scroll sideways on the phone; with `REGISTRAR_SCREENSHOTS=docs/screenshots` each is
//! saved there (`organizer-newsletter.png`, `organizer-newsletter-write.png`, ...).
//!
//! Ignored unless asked for (`--include-ignored`): it needs chromium, chromedriver and
//! `npm ci`, and fails saying so when they are missing.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::browser::{start, workshop};
use crate::common::{Db, Server};
use crate::dashboard::organizer_link;

const PASSWORD: &str = "correct horse battery staple";

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn browser_an_event_is_announced_in_the_newsletter() {
    let (_turn, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "in-the-picture", 20, Some(50), "open");
    server.patch_event(
        "in-the-picture",
        json!({"speakers": [
            {"name": "Ada Lovelace", "affiliation": "University College London"},
            {"name": "Grace Hopper", "affiliation": "Yale University"},
        ]}),
    );
    db.execute(
        "INSERT INTO newsletter_subscribers (email, confirmed_at, created_at, unsubscribed_at) VALUES \
         ('ada@example.org', '2026-01-01 10:00:00', '2026-01-01 09:00:00', NULL), \
         ('grace@example.org', '2026-01-02 10:00:00', '2026-01-02 09:00:00', NULL), \
         ('alan@example.org', '2026-01-03 10:00:00', '2026-01-03 09:00:00', NULL), \
         ('pending@example.org', NULL, '2026-01-04 09:00:00', NULL), \
         ('left@example.org', '2026-01-01 10:00:00', '2026-01-01 09:00:00', '2026-02-01 10:00:00')",
    );
    let open = |path: &str| browser.goto(&server.url(path));

    open(&organizer_link(&db, "owner@example.org"));
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", PASSWORD);
    browser.press("Set password and sign in");

    // From the event's overview, the form starts with the announcement.
    open("/organizer/events/in-the-picture");
    browser.follow("a[href='/organizer/newsletter/write?event=in-the-picture']");
    assert_eq!(
        browser.value("#field-subject"),
        "In the Picture: Medical Imaging Datasets"
    );
    assert!(browser
        .value("#field-body")
        .contains("- Ada Lovelace (University College London)"));
    browser.press("Preview");
    assert!(browser.text("#issue-preview").contains("Text part"));
    browser.check_dashboard_page("newsletter-write");

    // The preview follows the text as one types.
    browser.type_into("#field-body", "\n\nBring **your own** laptop.");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.text("#issue-preview pre.mail").contains("your own") {
        assert!(
            Instant::now() < deadline,
            "the preview did not follow the text"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    browser.press("Send to 3 confirmed subscribers…");
    assert!(browser
        .page_text()
        .contains("will go to 3 confirmed subscribers"));
    browser.check_dashboard_page("newsletter-confirm");
    browser.press("Yes, send to 3 subscribers");
    let issue = browser.url();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !browser.page_text().contains("Every email was delivered.") {
        assert!(Instant::now() < deadline, "{}", browser.page_text());
        std::thread::sleep(Duration::from_millis(200));
        browser.goto(issue.split('?').next().unwrap());
    }
    assert!(browser.has("progress"));
    browser.check_dashboard_page("newsletter-issue");

    open("/organizer/newsletter");
    assert!(browser
        .page_text()
        .contains("3 delivered, 0 waiting, 0 failed of 3"));
    browser.check_dashboard_page("newsletter");

    open("/organizer/newsletter/subscribers");
    assert!(browser.page_text().contains("5 addresses in all"));
    browser.check_dashboard_page("newsletter-subscribers");
}
