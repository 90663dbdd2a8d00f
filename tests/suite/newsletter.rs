//! The "stay updated" list through the real server: double opt-in, no enumeration, and the
//! one-click unsubscribe of RFC 8058, on both databases.

use std::time::Duration;

use crate::common::{Db, Server};

fn post_form(server: &Server, path: &str, form: &[(&str, &str)]) -> (u16, String) {
    let response = server
        .http
        .post(server.url(path))
        .form(form)
        .send()
        .unwrap();
    (response.status().as_u16(), response.text().unwrap())
}

fn get(server: &Server, path: &str) -> (u16, String) {
    let response = server.http.get(server.url(path)).send().unwrap();
    (response.status().as_u16(), response.text().unwrap())
}

fn confirm_token(text: &str) -> String {
    text.split("/newsletter/confirm/")
        .nth(1)
        .expect("a confirmation link")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

fn signing_up_twice_answers_alike_and_only_the_link_subscribes(db: &Db) {
    let server = Server::start(db);
    let form = [("email", "Ada@Example.org "), ("consent", "yes")];
    let (status, first) = post_form(&server, "/newsletter", &form);
    assert_eq!(status, 200);
    let (status, second) = post_form(&server, "/newsletter", &form);
    assert_eq!(status, 200);
    assert_eq!(first, second, "a known address is answered like a new one");

    let mails = server.wait_for_email("ada@example.org", 2);
    assert!(mails[0].subject.contains("confirm your subscription"));
    assert!(
        mails[0]
            .text
            .contains("not confirmed within 30 days is deleted"),
        "the email states the period the privacy notice states"
    );
    let (status, page) = get(
        &server,
        &format!("/newsletter/confirm/{}", confirm_token(&mails[1].text)),
    );
    assert_eq!(status, 200);
    assert!(page.contains("You are subscribed"));
}

fn one_click_unsubscribes_and_the_links_stop_working(db: &Db) {
    let server = Server::start(db);
    post_form(
        &server,
        "/newsletter",
        &[("email", "ada@example.org"), ("consent", "yes")],
    );
    let token = confirm_token(&server.wait_for_email("ada@example.org", 1)[0].text);
    assert_eq!(get(&server, &format!("/newsletter/confirm/{token}")).0, 200);

    // What a mail program's unsubscribe button sends (RFC 8058).
    let response = server
        .http
        .post(server.url(&format!("/newsletter/unsubscribe/{token}")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let goodbye = &server.wait_for_email("ada@example.org", 2)[1];
    assert!(
        goodbye.subject.contains("unsubscribed"),
        "{}",
        goodbye.subject
    );
    assert_eq!(get(&server, &format!("/newsletter/confirm/{token}")).0, 404);
    assert_eq!(
        get(&server, &format!("/newsletter/unsubscribe/{token}")).0,
        404
    );
}

fn a_refused_sign_up_names_the_fields_and_stores_nothing(db: &Db) {
    let server = Server::start(db);
    let (status, page) = post_form(&server, "/newsletter", &[("email", "nope")]);
    assert_eq!(status, 422);
    assert!(page.contains("field-email-error"), "{page}");
    assert!(page.contains("field-consent-error"), "{page}");
    assert!(page.contains("value=\"nope\""), "what was typed is kept");
    let (status, _) = post_form(
        &server,
        "/newsletter",
        &[
            ("email", "bot@example.org"),
            ("consent", "yes"),
            ("website", "http://spam"),
        ],
    );
    assert_eq!(status, 200, "a bot gets the same answer as a person");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(server.emails().is_empty(), "and nobody is written to");
}

on_both_databases!(
    signing_up_twice_answers_alike_and_only_the_link_subscribes,
    one_click_unsubscribes_and_the_links_stop_working,
    a_refused_sign_up_names_the_fields_and_stores_nothing,
);
