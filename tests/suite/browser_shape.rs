//! The pages of the workshop's own shape in Chromium: the programme on the event and the
//! personal page, the questions on the join form and the accept form (a refused answer
//! shown next to its question), and the dashboard's programme editor, questions editor with
//! its preview, groups and who is in the room. Each gets axe-core at 1280 px and at 360 px,
//! fits the phone, and is saved under docs/screenshots when asked for.

use serde_json::{json, Value};

use crate::browser::{start, workshop, Browser};
use crate::common::{Db, Server, BIN};

const PASSWORD: &str = "correct horse battery staple";

/// A streamed opening talk and the project groups in the room, on the workshop's day.
fn programme(server: &Server) -> Value {
    let event = server.get("/api/v1/events/ws").1;
    let start = chrono::DateTime::parse_from_rfc3339(event["starts_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let hours = chrono::Duration::hours;
    json!([
        {"title": "Opening talk: who is in our datasets?", "starts_at": start.to_rfc3339(),
         "ends_at": (start + hours(1)).to_rfc3339(), "streamed": true,
         "description": "Why representation in medical imaging datasets matters."},
        {"title": "Project groups", "starts_at": (start + hours(1)).to_rfc3339(),
         "ends_at": (start + hours(5)).to_rfc3339(), "streamed": false},
        {"title": "Closing panel", "starts_at": (start + hours(6)).to_rfc3339(),
         "ends_at": (start + hours(8)).to_rfc3339(), "streamed": true},
    ])
}

fn questions(required: bool) -> Value {
    json!([
        {"key": "stage", "label": "Career stage", "kind": "choice",
         "options": ["PhD student", "Postdoc", "Faculty", "Industry"], "required": required,
         "summarize": true},
        {"key": "group", "label": "Which project group would you like to join?", "kind": "choice",
         "options": ["Documentation", "Bias", "Skin tones"], "required": false, "summarize": false},
        {"key": "diet", "label": "Dietary needs", "kind": "text", "required": false,
         "summarize": false},
    ])
}

/// axe-core at 1280 px and at 360 px, then the checks and screenshots every participant
/// page gets (`NAME-desktop.png`, `NAME-phone.png`).
fn check_both_widths(browser: &Browser, name: &str) {
    browser.resize((360, 780));
    browser.assert_accessible(&format!("{name} at 360 px"));
    browser.resize((1280, 900));
    browser.check_page(name);
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn browser_the_programme_and_the_questions_on_the_participant_pages() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "invite_only");
    server.patch_event(
        "ws",
        json!({"virtual_phase": "open", "programme": programme(&server),
               "questions": questions(true)}),
    );

    browser.goto(&server.url("/events/ws"));
    let text = browser.page_text();
    assert!(
        text.contains("Opening talk: who is in our datasets?"),
        "{text}"
    );
    assert!(text.contains("Career stage"), "{text}");
    check_both_widths(&browser, "event-programme");

    browser.type_into("#field-name", "Ada Lovelace");
    browser.type_into("#field-email", "ada@example.org");
    browser.click("#pref-virtual");
    browser.click("#field-consent");
    browser.type_into("#field-answer-diet", "No nuts");
    browser.press("Send me a confirmation link");
    assert!(
        browser.has("#field-answer-stage-error"),
        "{}",
        browser.page_text()
    );
    assert_eq!(browser.value("#field-answer-diet"), "No nuts", "kept");
    check_both_widths(&browser, "join-questions-error");

    let token = server.invite("ws", "grace@example.org", "in_person");
    browser.goto(&server.url(&format!("/r/{token}")));
    assert!(browser.has("form.accept #answer-stage-0"));
    assert!(browser.page_text().contains("Project groups"));
    check_both_widths(&browser, "personal-accept-questions");
    browser.press("Accept in person");
    assert!(
        browser.has("#field-answer-stage-error"),
        "{}",
        browser.page_text()
    );
    check_both_widths(&browser, "personal-accept-error");
    browser.click("#answer-stage-2");
    browser.click("#answer-group-1");
    browser.press("Accept in person");
    assert!(browser
        .text(".notice.ok")
        .contains("your seat is confirmed"));
    assert_eq!(server.me(&token)["answers"]["stage"], "Faculty");
    check_both_widths(&browser, "personal-programme");
}

fn sign_in(browser: &Browser, server: &Server, db: &Db) {
    let output = std::process::Command::new(BIN)
        .args(["organizer", "add", "ada@example.org"])
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running registrar organizer add");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout.lines().last().unwrap().trim().to_owned();
    browser.goto(&server.url(&link[link.find("/organizer/welcome/").unwrap()..]));
    browser.fill("#field-password", PASSWORD);
    browser.fill("#field-repeat", PASSWORD);
    browser.press("Set password and sign in");
}

#[test]
#[ignore = "needs chromium, chromedriver and npm ci (axe-core)"]
fn browser_the_dashboard_pages_of_the_programme_questions_groups_and_the_room() {
    let (_guard, browser) = start();
    let db = Db::sqlite();
    let server = Server::start(&db);
    workshop(&server, "ws", 20, Some(50), "open");
    server.patch_event(
        "ws",
        json!({"programme": programme(&server), "questions": questions(false)}),
    );
    let people = [
        ("PhD student", "Bias"),
        ("PhD student", "Documentation"),
        ("PhD student", "Bias"),
        ("PhD student", "Skin tones"),
        ("PhD student", "Bias"),
        ("PhD student", "Documentation"),
        ("Postdoc", "Bias"),
        ("Postdoc", "Documentation"),
        ("Faculty", "Skin tones"),
    ];
    for (i, (stage, group)) in people.iter().enumerate() {
        let email = format!("p{i}@example.org");
        let (status, body) = server.post(
            "/api/v1/events/ws/entries",
            json!({"email": email, "name": format!("Participant {i}"), "preference": "in_person",
                   "consent": true, "answers": {"stage": stage, "group": group}}),
        );
        assert_eq!(status, 202, "{body}");
        let token = server.wait_for_email(&email, 1)[0].token.clone().unwrap();
        let (status, _) = server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
        assert_eq!(status, 200);
    }
    sign_in(&browser, &server, &db);
    let event = "/organizer/events/ws";

    browser.goto(&server.url(&format!("{event}/programme")));
    assert!(browser.page_text().contains("Closing panel"));
    browser.check_dashboard_page("programme");
    browser.goto(&server.url(&format!("{event}/questions")));
    assert!(browser.page_text().contains("Preview of the join form"));
    browser.check_dashboard_page("questions");
    browser.goto(&server.url(&format!("{event}/groups?question=group")));
    assert!(
        browser.page_text().contains("Bias (4)"),
        "{}",
        browser.page_text()
    );
    browser.check_dashboard_page("groups");
    browser.goto(&server.url(&format!("{event}/representation")));
    let text = browser.page_text();
    assert!(text.contains("fewer than 5"), "{text}");
    assert!(browser.has("svg"), "the bar chart");
    browser.check_dashboard_page("representation");
}
