//! The languages of emails and of event content: a person's emails are framed in the
//! language they joined in (or the one chosen for their invitation, else the event's,
//! else English) and say so in `Content-Language`; an event may name the language its
//! content is written in, which its pages declare on that content.

use serde_json::{json, Value};

use crate::common::smtp::MailServer;
use crate::common::{parse_email, Db, Server};
use crate::dashboard::Organizer;

/// A server that delivers to `mail`.
fn delivering_to(db: &Db, mail: &MailServer) -> Server {
    Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())])
}

/// The value of a header of the message itself (not of one of its parts).
fn header(raw: &str, name: &str) -> Option<String> {
    let raw = raw.replace("\r\n", "\n");
    let head = raw
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .replace("\n ", " ");
    head.lines()
        .find_map(|line| line.strip_prefix(&format!("{name}: ")))
        .map(|value| value.trim().to_owned())
}

/// The language every email `address` received says it is in, after `count` arrived.
fn content_languages(mail: &MailServer, address: &str, count: usize) -> Vec<String> {
    mail.wait_for_raw(address, count)
        .iter()
        .map(|raw| header(raw, "Content-Language").unwrap_or_else(|| panic!("{raw}")))
        .collect()
}

/// The registration of `email` for the event, as the organizer API lists it.
fn registration(server: &Server, slug: &str, email: &str) -> Value {
    server
        .registrations(slug, "")
        .into_iter()
        .find(|r| r["email"] == email)
        .unwrap_or_else(|| panic!("{email} is registered for {slug}"))
}

/// How many outbox rows to `email` are framed in `language`.
fn outbox_rows_in(db: &Db, email: &str, language: &str) -> i64 {
    db.count(&format!(
        "SELECT COUNT(*) AS n FROM outbox WHERE recipient = '{email}' AND language = '{language}'"
    ))
}

/// An event body starting in 30 days, with `more` fields added.
fn event_body(slug: &str, more: Value) -> Value {
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    let mut body = json!({
        "slug": slug,
        "title": format!("Taller {slug}"),
        "description": "Un día sobre conjuntos de datos.",
        "starts_at": starts.to_rfc3339(),
        "ends_at": (starts + chrono::Duration::hours(8)).to_rfc3339(),
        "timezone": "Europe/Madrid",
        "venue": "Sala 1",
        "in_person_capacity": 10,
        "phase": "open",
    });
    for (key, value) in more.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

fn create(server: &Server, body: Value) -> Value {
    let (status, event) = server.organizer(reqwest::Method::POST, "/api/v1/events", body);
    assert_eq!(status, 201, "{event}");
    event
}

fn joining_keeps_the_language_of_the_page_or_the_request_for_the_emails(db: &Db) {
    let mail = MailServer::start();
    let server = delivering_to(db, &mail);
    server.create_event("idiomas", 10, None, "open");

    // The form, read in Spanish (the footer's choice, kept in the cookie).
    let response = reqwest::blocking::Client::new()
        .post(server.url("/events/idiomas/join"))
        .header("Cookie", "lang=es")
        .form(&[
            ("email", "ana@example.org"),
            ("name", "Ana"),
            ("affiliation", ""),
            ("preference", "in_person"),
            ("consent", "yes"),
        ])
        .send()
        .unwrap();
    assert_eq!(response.status(), 200, "{}", response.text().unwrap());
    // The API, asked in Spanish by the browser's header, and in nothing in particular.
    for (email, accept) in [
        ("ben@example.org", "es-AR,es;q=0.9"),
        ("cy@example.org", ""),
    ] {
        let mut request = server
            .http
            .post(server.url("/api/v1/events/idiomas/entries"));
        if !accept.is_empty() {
            request = request.header("Accept-Language", accept);
        }
        let response = request
            .json(&json!({"email": email, "name": "Someone", "preference": "in_person", "consent": true}))
            .send()
            .unwrap();
        assert_eq!(response.status(), 202);
    }

    for (email, language) in [
        ("ana@example.org", "es"),
        ("ben@example.org", "es"),
        ("cy@example.org", "en"),
    ] {
        assert_eq!(
            registration(&server, "idiomas", email)["language"],
            language
        );
        assert_eq!(content_languages(&mail, email, 1), [language], "{email}");
        assert_eq!(outbox_rows_in(db, email, language), 1, "{email}");
        // The words too, not only the header (the text part is quoted-printable, so the
        // phrases stop before the first accent).
        let text = &parse_email("", &mail.wait_for_raw(email, 1)[0]).text;
        let (greeting, action) = match language {
            "es" => ("Hola:", "Confirmar mi direcci"),
            _ => ("Hello,", "Confirm my address"),
        };
        assert!(
            text.contains(greeting) && text.contains(action),
            "{email}: {text}"
        );
    }

    // Confirming the address brings the next email, in the same language, whatever the
    // language of the page the link is opened from.
    let token = parse_email("", &mail.wait_for_raw("ana@example.org", 1)[0])
        .token
        .unwrap();
    let (status, me) = server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(content_languages(&mail, "ana@example.org", 2), ["es", "es"]);
    assert_eq!(outbox_rows_in(db, "ana@example.org", "es"), 2);

    // The export names each person's language after the columns it had.
    let response = server
        .http
        .get(server.url("/api/v1/events/idiomas/export.csv"))
        .bearer_auth(&server.token)
        .send()
        .unwrap();
    let csv = response.text().unwrap();
    assert!(
        csv.starts_with(
            "id,name,email,affiliation,status,mode,preference,position,hold_until,registered_at,checked_in_at,language\r\n"
        ) || csv.starts_with(
            "id,name,email,affiliation,status,mode,preference,position,hold_until,registered_at,checked_in_at,language\n"
        ),
        "{csv}"
    );
    let ana = csv.lines().find(|l| l.contains("ana@example.org")).unwrap();
    assert!(ana.ends_with(",es"), "{ana}");
}

fn an_invitation_is_in_the_language_chosen_for_it_else_the_event_s_else_english(db: &Db) {
    let mail = MailServer::start();
    let server = delivering_to(db, &mail);
    let event = create(
        &server,
        event_body("espanol", json!({"phase": "invite_only", "language": "es"})),
    );
    assert_eq!(event["language"], "es");
    server.create_event("plain", 10, None, "invite_only");

    for (slug, invitees) in [
        (
            "espanol",
            json!([
                {"email": "dora@example.org", "name": "Dora", "language": "en"},
                {"email": "eva@example.org", "name": "Eva"},
            ]),
        ),
        (
            "plain",
            json!([
                {"email": "fay@example.org", "name": "Fay", "language": "es"},
                {"email": "gil@example.org", "name": "Gil"},
            ]),
        ),
    ] {
        let (status, body) = server.organizer(
            reqwest::Method::POST,
            &format!("/api/v1/events/{slug}/invitations"),
            json!({"invitees": invitees}),
        );
        assert_eq!(status, 201, "{body}");
    }
    for (slug, email, language) in [
        ("espanol", "dora@example.org", "en"),
        ("espanol", "eva@example.org", "es"),
        ("plain", "fay@example.org", "es"),
        ("plain", "gil@example.org", "en"),
    ] {
        assert_eq!(registration(&server, slug, email)["language"], language);
        assert_eq!(content_languages(&mail, email, 1), [language], "{email}");
        assert_eq!(outbox_rows_in(db, email, language), 1, "{email}");
        let text = &parse_email("", &mail.wait_for_raw(email, 1)[0]).text;
        let action = match language {
            "es" => "Responder a la invitaci",
            _ => "Answer the invitation",
        };
        assert!(text.contains(action), "{email}: {text}");
    }
}

fn a_language_the_site_does_not_speak_is_refused_everywhere_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    server.create_event("ws", 10, None, "invite_only");
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let refused = |status: u16, body: &Value, field: &str| {
        assert_eq!(status, 422, "{body}");
        assert!(
            body["error"]["fields"][field][0]
                .as_str()
                .is_some_and(|m| m.contains("en, es")),
            "{body}"
        );
    };

    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events",
        event_body("french", json!({"language": "fr"})),
    );
    refused(status, &body, "language");
    for bad in [json!("xx"), json!("")] {
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"language": bad, "title": "Changed"}),
        );
        refused(status, &body, "language");
    }
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/ws/duplicate",
        json!({"language": "de"}),
    );
    refused(status, &body, "language");
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/ws/invitations",
        json!({"invitees": [
            {"email": "ok@example.org", "name": "Ok"},
            {"email": "fr@example.org", "name": "Fr", "language": "fr"},
        ]}),
    );
    refused(status, &body, "invitees[1].language");

    // The dashboard: the language chosen for the invitations, and a row's own.
    let list = "hal@example.org, Hal\n";
    let (status, _, page) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", list), ("hold_until", ""), ("language", "fr")],
    );
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Nothing was sent"), "{page}");
    let preview = organizer.preview("ws", "email,name,language\nivy@example.org,Ivy,klingon\n");
    assert!(
        preview.contains("the language &quot;klingon&quot; must be one of: en, es"),
        "{preview}"
    );
    assert!(
        preview.contains("There is nobody valid to invite"),
        "{preview}"
    );
    let (status, _, page) = organizer.post(
        "/organizer/events/ws/edit",
        &[("title", "Changed"), ("slug", "ws"), ("language", "fr")],
    );
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("id=\"field-language-error\">must be one of: en, es"),
        "{page}"
    );

    assert_eq!(db.snapshot(), before, "a refused language changes nothing");
}

fn the_dashboard_invites_in_the_language_chosen_and_a_row_s_own_wins(db: &Db) {
    let mail = MailServer::start();
    let server = delivering_to(db, &mail);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "10", "0", "invite_only");
    let list = "email,name,language\nhal@example.org,Hal,en\nivy@example.org,Ivy,\n";
    let preview = organizer.preview("ws", list);
    assert!(preview.contains("name=\"language\""), "{preview}");
    assert!(
        preview.contains("English (the event names no language)"),
        "{preview}"
    );
    let (status, _, page) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", list), ("hold_until", ""), ("language", "es")],
    );
    assert_eq!(status, 303, "{page}");
    assert_eq!(
        registration(&server, "ws", "hal@example.org")["language"],
        "en"
    );
    assert_eq!(
        registration(&server, "ws", "ivy@example.org")["language"],
        "es"
    );
    assert_eq!(content_languages(&mail, "ivy@example.org", 1), ["es"]);

    // The event form offers the languages, and the invitations follow the one chosen.
    let (_, form) = organizer.get("/organizer/events/ws/edit");
    assert!(
        form.contains("<option value=\"es\" lang=\"es\">Español</option>"),
        "{form}"
    );
    server.patch_event("ws", json!({"language": "es"}));
    let (_, form) = organizer.get("/organizer/events/ws/edit");
    assert!(
        form.contains("<option value=\"es\" lang=\"es\" selected>Español</option>"),
        "{form}"
    );
    let preview = organizer.preview("ws", "jo@example.org, Jo\n");
    assert!(
        preview.contains("The event&#39;s language (Español)")
            || preview.contains("The event's language (Español)"),
        "{preview}"
    );
    let (status, _, page) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[
            ("list", "jo@example.org, Jo\n"),
            ("hold_until", ""),
            ("language", ""),
        ],
    );
    assert_eq!(status, 303, "{page}");
    assert_eq!(
        registration(&server, "ws", "jo@example.org")["language"],
        "es"
    );
}

fn the_event_s_language_is_kept_copied_and_declared_on_its_content(db: &Db) {
    let server = Server::start(db);
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    let event = create(
        &server,
        event_body(
            "s01e01",
            json!({
                "language": "es",
                "series": "charlas",
                "starts_at": starts.to_rfc3339(),
                "ends_at": (starts + chrono::Duration::hours(8)).to_rfc3339(),
                "programme": [{"title": "Apertura", "starts_at": starts.to_rfc3339(),
                    "ends_at": (starts + chrono::Duration::hours(1)).to_rfc3339(), "streamed": false}],
                "questions": [{"key": "dieta", "label": "Dieta", "kind": "text",
                    "required": false, "summarize": false}],
            }),
        ),
    );
    assert_eq!(event["language"], "es");
    let (_, listed) = server.get("/api/v1/events/s01e01");
    assert_eq!(listed["language"], "es");
    let (status, copy) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/s01e01/duplicate",
        json!({}),
    );
    assert_eq!(status, 201, "{copy}");
    assert_eq!(copy["language"], "es");
    let (_, other) = server.organizer_get("/api/v1/events/s01e01-copy");
    assert_eq!(other["language"], "es");

    let english = [("Accept-Language", "en")];
    let page = |path: &str| {
        let mut request = server.http.get(server.url(path));
        for (name, value) in english {
            request = request.header(name, value);
        }
        request.send().unwrap().text().unwrap()
    };
    let event_page = page("/events/s01e01");
    assert!(event_page.contains("<html lang=\"en\">"), "{event_page}");
    for content in [
        "<h1 lang=\"es\">Taller s01e01</h1>",
        "<span lang=\"es\">Sala 1</span>",
        "<div class=\"description\" lang=\"es\">",
        "<h3 lang=\"es\">Apertura</h3>",
        "<span lang=\"es\">Dieta</span>",
    ] {
        assert!(event_page.contains(content), "{content}: {event_page}");
    }
    let series = page("/series/charlas");
    assert!(series.contains("<h3 lang=\"es\">"), "{series}");
    let (token, _) = server.join("s01e01", "kim@example.org", "in_person");
    let personal = page(&format!("/r/{token}"));
    assert!(
        personal.contains("<h1 lang=\"es\">Taller s01e01</h1>"),
        "{personal}"
    );
    assert!(
        personal.contains("<h3 lang=\"es\">Apertura</h3>"),
        "{personal}"
    );

    // Named no more: the content is the page's.
    let cleared = server.patch_event("s01e01", json!({"language": null}));
    assert_eq!(cleared["language"], Value::Null);
    let event_page = page("/events/s01e01");
    assert!(
        event_page.contains("<h1>Taller s01e01</h1>"),
        "{event_page}"
    );
    assert!(!event_page.contains("lang=\"es\">Apertura"), "{event_page}");
}

fn newsletter_emails_are_framed_in_the_language_of_the_sign_up(db: &Db) {
    let mail = MailServer::start();
    let server = delivering_to(db, &mail);
    for (email, accept) in [("lu@example.org", "es"), ("mo@example.org", "en-GB")] {
        let response = server
            .http
            .post(server.url("/api/v1/newsletter/subscribers"))
            .header("Accept-Language", accept)
            .json(&json!({"email": email, "consent": true}))
            .send()
            .unwrap();
        assert_eq!(response.status(), 202);
    }
    let response = reqwest::blocking::Client::new()
        .post(server.url("/newsletter"))
        .header("Cookie", "lang=es")
        .form(&[("email", "ny@example.org"), ("consent", "yes")])
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    for (email, language) in [
        ("lu@example.org", "es"),
        ("mo@example.org", "en"),
        ("ny@example.org", "es"),
    ] {
        assert_eq!(
            db.count(&format!(
                "SELECT COUNT(*) AS n FROM newsletter_subscribers \
                 WHERE email = '{email}' AND language = '{language}'"
            )),
            1,
            "{email}"
        );
        assert_eq!(content_languages(&mail, email, 1), [language], "{email}");
    }
}

on_both_databases!(
    joining_keeps_the_language_of_the_page_or_the_request_for_the_emails,
    an_invitation_is_in_the_language_chosen_for_it_else_the_event_s_else_english,
    a_language_the_site_does_not_speak_is_refused_everywhere_and_changes_nothing,
    the_dashboard_invites_in_the_language_chosen_and_a_row_s_own_wins,
    the_event_s_language_is_kept_copied_and_declared_on_its_content,
    newsletter_emails_are_framed_in_the_language_of_the_sign_up,
);
