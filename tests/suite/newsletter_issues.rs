//! Newsletter issues through the real server: an issue reaches confirmed subscribers only,
//! once each, through the outbox; a test goes to one address; every issue carries the
//! one-click unsubscribe headers, whose POST unsubscribes and whose GET changes nothing;
//! Markdown with a script renders none in the email.

use serde_json::json;

use std::time::{Duration, Instant};

use crate::common::smtp::{free_port, smtp_url, MailServer};
use crate::common::{api_token, Db, Server};

fn link_token(text: &str, path: &str) -> String {
    text.split(path)
        .nth(1)
        .expect("a link")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Signs `email` up through the API and, if `confirm`, follows its confirmation link.
fn subscriber(server: &Server, email: &str, confirm: bool) {
    let (status, body) = server.post(
        "/api/v1/newsletter/subscribers",
        json!({"email": email, "consent": true}),
    );
    assert_eq!(status, 202, "{body}");
    let mail = &server.wait_for_email(email, 1)[0];
    if confirm {
        let token = link_token(&mail.text, "/newsletter/confirm/");
        let page = server
            .http
            .get(server.url(&format!("/newsletter/confirm/{token}")))
            .send()
            .unwrap();
        assert_eq!(page.status(), 200);
    }
}

fn issue_emails(server: &Server, subject: &str) -> Vec<crate::common::Email> {
    server
        .emails()
        .into_iter()
        .filter(|m| m.subject == subject)
        .collect()
}

fn wait_for_issue(server: &Server, id: i64, sent: i64) -> serde_json::Value {
    for _ in 0..200 {
        let (status, issue) = server.organizer_get(&format!("/api/v1/newsletter/issues/{id}"));
        assert_eq!(status, 200, "{issue}");
        if issue["sent"] == sent && issue["queued"] == 0 {
            return issue;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the issue was not delivered");
}

fn an_issue_reaches_confirmed_subscribers_only_once_each(db: &Db) {
    let server = Server::start(db);
    subscriber(&server, "ada@example.org", true);
    subscriber(&server, "grace@example.org", true);
    subscriber(&server, "pending@example.org", false);

    let (status, queued) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Next webinar", "body": "Our **next** webinar.\n\n<script>alert(1)</script>"}),
    );
    assert_eq!(status, 202, "{queued}");
    assert_eq!(queued["recipients"], 2);
    let issue = wait_for_issue(&server, queued["id"].as_i64().unwrap(), 2);
    assert_eq!(issue["subject"], "Next webinar");
    assert_eq!(issue["failed"], 0);

    let mails = issue_emails(&server, "Next webinar");
    let mut to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["ada@example.org", "grace@example.org"]);
    for mail in &mails {
        assert!(
            mail.text.contains("List-Unsubscribe: <http"),
            "{}",
            mail.text
        );
        assert!(mail
            .text
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(mail.text.contains("<strong>next</strong>"), "{}", mail.text);
        assert!(
            !mail.text.to_lowercase().contains("<script"),
            "{}",
            mail.text
        );
    }
    assert!(
        server.emails_to("pending@example.org").len() == 1,
        "only its confirmation request"
    );

    // A test goes to the one address, whoever it is.
    let (status, test) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Draft issue", "body": "Draft.", "test_to": "me@example.org"}),
    );
    assert_eq!(status, 202, "{test}");
    assert_eq!(test["recipients"], 1);
    wait_for_issue(&server, test["id"].as_i64().unwrap(), 1);
    let drafts = issue_emails(&server, "Draft issue");
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].to, "me@example.org");
}

fn a_bad_issue_is_refused_naming_its_fields_and_queues_nothing(db: &Db) {
    let server = Server::start(db);
    subscriber(&server, "ada@example.org", true);
    db.wait_for_the_outbox();
    let before = db.snapshot();
    for (body, fields) in [
        (json!({"subject": "", "body": ""}), vec!["subject", "body"]),
        (
            json!({"subject": "S", "body": "B", "test_to": "not an address"}),
            vec!["test_to"],
        ),
        (
            json!({"subject": "S", "body": "B", "to": "everyone"}),
            vec!["to"],
        ),
    ] {
        let (status, answer) =
            server.organizer(reqwest::Method::POST, "/api/v1/newsletter/issues", body);
        assert_eq!(status, 422, "{answer}");
        for field in fields {
            assert!(
                answer["error"]["fields"].get(field).is_some(),
                "{field}: {answer}"
            );
        }
    }
    assert_eq!(db.snapshot(), before);
}

fn one_click_post_unsubscribes_and_a_get_of_the_link_does_not(db: &Db) {
    let server = Server::start(db);
    subscriber(&server, "ada@example.org", true);
    let (_, queued) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Issue one", "body": "Hello."}),
    );
    wait_for_issue(&server, queued["id"].as_i64().unwrap(), 1);
    let mail = &issue_emails(&server, "Issue one")[0];
    let token = link_token(&mail.text, "/newsletter/unsubscribe/");

    let page = server
        .http
        .get(server.url(&format!("/newsletter/unsubscribe/{token}")))
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
    let (_, list) = server.organizer_get("/api/v1/newsletter/subscribers");
    assert_eq!(
        list["subscribers"][0]["status"], "confirmed",
        "a GET changes nothing"
    );

    let response = server
        .http
        .post(server.url(&format!("/newsletter/unsubscribe/{token}")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let (_, list) = server.organizer_get("/api/v1/newsletter/subscribers");
    assert_eq!(list["subscribers"][0]["status"], "unsubscribed");

    let (_, next) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Issue two", "body": "Hello again."}),
    );
    assert_eq!(next["recipients"], 0, "nobody left to send to");
}

/// Confirmed subscribers written straight into the database (their sign-up is not what
/// these tests are about).
fn confirmed_subscribers(db: &Db, emails: &[&str]) {
    let rows: Vec<String> = emails
        .iter()
        .map(|email| format!("('{email}', '2026-01-01 10:00:00', '2026-01-01 09:00:00')"))
        .collect();
    db.execute(&format!(
        "INSERT INTO newsletter_subscribers (email, confirmed_at, created_at) VALUES {}",
        rows.join(", ")
    ));
}

fn sending_keeps_the_configured_rate(db: &Db) {
    let mail = MailServer::start();
    let url = mail.url();
    let server = Server::start_with(
        db,
        &[
            ("REGISTRAR_SMTP_URL", url.as_str()),
            ("REGISTRAR_MAIL_RATE", "120"),
        ],
    );
    let emails = [
        "r1@example.org",
        "r2@example.org",
        "r3@example.org",
        "r4@example.org",
    ];
    confirmed_subscribers(db, &emails);
    let (status, queued) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Paced", "body": "One at a time."}),
    );
    assert_eq!(status, 202, "{queued}");
    wait_for_issue(&server, queued["id"].as_i64().unwrap(), 4);
    let mut at: Vec<_> = emails
        .iter()
        .map(|e| {
            let attempts = mail.attempts_for(e);
            assert_eq!(attempts.len(), 1, "{e} once");
            attempts[0]
        })
        .collect();
    at.sort();
    // Over the whole issue, not gap by gap: on a busy machine one email can reach the
    // mail server late and the next on time, which shortens one gap without the sender
    // going faster. Unpaced, the four would arrive within milliseconds.
    let span = at[at.len() - 1] - at[0];
    assert!(
        span >= std::time::Duration::from_millis(1_400),
        "120 a minute is one every 500 ms, so four take 1.5 s, not {span:?}"
    );
}

/// The mail server is away when the issue is sent, comes back, and the server is killed
/// while the issue goes out; after the restart every subscriber has it, and only the email
/// on the wire at the kill may come again, as the same message.
fn an_issue_reaches_every_subscriber_through_an_outage_and_a_kill(db: &Db) {
    let port = free_port();
    let url = smtp_url(port);
    let env = [("REGISTRAR_SMTP_URL", url.as_str())];
    let emails: Vec<String> = (0..80)
        .map(|i| format!("reader{i:02}@example.org"))
        .collect();
    let refs: Vec<&str> = emails.iter().map(String::as_str).collect();
    // Written before the server starts (the token command has migrated the database).
    let token = api_token(db);
    confirmed_subscribers(db, &refs);
    let mut server = Server::launch(db, token, &env);
    let (status, queued) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        json!({"subject": "Through the outage", "body": "Hello."}),
    );
    assert_eq!(status, 202, "{queued}");
    assert_eq!(queued["recipients"], 80);
    // Tried while the mail server is away: nothing can go, everything waits.
    std::thread::sleep(Duration::from_secs(3));
    let mail = MailServer::start_on(port);
    let deadline = Instant::now() + Duration::from_secs(60);
    // Whole messages received, by recipient (an attempt cut off by the kill is none).
    let received = |mail: &MailServer| -> Vec<String> {
        mail.raw()
            .iter()
            .map(|raw| crate::common::parse_email("", raw).to)
            .collect()
    };
    while received(&mail).len() < 5 {
        assert!(
            Instant::now() < deadline,
            "no email arrived after the outage"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let token = server.token.clone();
    server.kill();
    let arrived_before_the_kill = received(&mail).len();
    let server = Server::launch(db, token, &env);
    let deadline = Instant::now() + Duration::from_secs(120);
    while received(&mail).len() < emails.len() {
        assert!(
            Instant::now() < deadline,
            "not every subscriber got the issue"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // Time for a duplicate to show up, if one were coming.
    std::thread::sleep(Duration::from_secs(3));
    // As for every email (tests/suite/faults.rs): only the one on the wire at the moment
    // of the kill may arrive again, with the same Message-ID, so mail programs show it once.
    let mut copies: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for raw in mail.raw() {
        let parsed = crate::common::parse_email("", &raw);
        copies.entry(parsed.to).or_default().push(parsed.message_id);
    }
    assert_eq!(
        copies.keys().cloned().collect::<Vec<_>>(),
        emails,
        "every subscriber got it"
    );
    let twice: Vec<_> = copies.iter().filter(|(_, ids)| ids.len() > 1).collect();
    assert!(
        twice.len() <= 1,
        "more than the email on the wire came twice: {twice:?}"
    );
    for (email, ids) in &twice {
        assert_eq!(ids.len(), 2, "{email}");
        assert_eq!(ids[0], ids[1], "a repeat is the same message");
    }
    assert!(
        arrived_before_the_kill < emails.len(),
        "the kill came mid-send"
    );
    let (_, issue) = server.organizer_get(&format!(
        "/api/v1/newsletter/issues/{}",
        queued["id"].as_i64().unwrap()
    ));
    assert_eq!(issue["sent"], 80, "{issue}");
}

crate::on_both_databases!(
    an_issue_reaches_every_subscriber_through_an_outage_and_a_kill,
    sending_keeps_the_configured_rate,
    an_issue_reaches_confirmed_subscribers_only_once_each,
    a_bad_issue_is_refused_naming_its_fields_and_queues_nothing,
    one_click_post_unsubscribes_and_a_get_of_the_link_does_not,
);
