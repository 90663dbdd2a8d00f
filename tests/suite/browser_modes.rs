//! The pages of a phase per mode and of attending virtually while waiting for the room,
//! in Chromium with the checks every page gets (axe-core, nothing scrolling sideways at
//! 320 px, screenshots when asked for).

use serde_json::json;

use crate::browser::{start, workshop};
use crate::common::{Db, Server};

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn a_person_waiting_for_the_room_attends_virtually_from_their_page() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");
    server.patch_event("ws", json!({"virtual_phase": "open"}));
    let (token, _) = server.join("ws", "carol@example.org", "in_person");

    browser.goto(&server.url("/events/ws"));
    let text = browser.page_text();
    assert!(text.contains("In person: By invitation"), "{text}");
    assert!(text.contains("Virtually: Open"), "{text}");
    browser.check_page("event-phase-per-mode");

    browser.goto(&server.url(&format!("/r/{token}")));
    assert!(browser.page_text().contains("A virtual seat is free"));
    browser.check_page("personal-attend-virtually");
    browser.press("Attend virtually while I wait");
    assert!(browser
        .text(".notice.ok")
        .contains("keep your place in line for a seat in person"));
    assert!(browser
        .text(".status-words")
        .contains("you attend virtually"));
    assert!(browser
        .page_text()
        .contains("wait for a seat in person: number 1 in line"));
    browser.check_page("personal-attending-virtually");
}
