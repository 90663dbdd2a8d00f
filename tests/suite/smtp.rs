// Delivery through a real SMTP server on loopback (`mailin-embedded`): what participants
// receive, how the outbox waits out a mail server that is down, and that a delivered email
// is never sent again (SPEC.md, "Emails" and invariant 5).

use std::collections::HashSet;
use std::time::{Duration, Instant};

use base64::Engine as _;
use diesel::{Connection, RunQueryDsl};
use serde_json::{json, Value};

use crate::common::smtp::{free_port, smtp_url, MailServer};
use crate::common::{Db, Server};

impl MailServer {
    fn messages(&self) -> Vec<Received> {
        self.received
            .lock()
            .unwrap()
            .iter()
            .map(|raw| Received::parse(raw))
            .collect()
    }

    /// Waits until `count` messages in all have arrived and returns every message.
    fn wait_for_count(&self, count: usize, limit: Duration) -> Vec<Received> {
        let deadline = Instant::now() + limit;
        loop {
            let messages = self.messages();
            if messages.len() >= count {
                return messages;
            }
            assert!(
                Instant::now() < deadline,
                "only {} of {count} emails arrived within {limit:?}: {:?}",
                messages.len(),
                messages
                    .iter()
                    .map(|m| (&m.to, &m.subject))
                    .collect::<Vec<_>>()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until `address` has `count` messages and returns the last one.
    fn wait_for(&self, address: &str, count: usize) -> Received {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut found: Vec<_> = self
                .messages()
                .into_iter()
                .filter(|m| m.to == address)
                .collect();
            if found.len() >= count {
                return found.swap_remove(count - 1);
            }
            assert!(
                Instant::now() < deadline,
                "{address} got {} of {count} emails",
                found.len()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A received message taken apart: headers, and the decoded leaf parts of its MIME tree.
#[derive(Debug, Clone)]
struct Received {
    to: String,
    subject: String,
    message_id: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
struct Part {
    content_type: String,
    disposition: String,
    body: String,
}

impl Received {
    fn parse(raw: &str) -> Received {
        let raw = raw.replace("\r\n", "\n");
        let (headers, _) = split_entity(&raw);
        let header = |name: &str| header(&headers, name);
        let to = header("to");
        let to = to
            .rsplit_once('<')
            .map(|(_, a)| a.trim_end_matches('>').to_owned())
            .unwrap_or(to);
        let mut parts = Vec::new();
        leaf_parts(&raw, &mut parts);
        Received {
            to,
            subject: header("subject"),
            message_id: header("message-id"),
            parts,
        }
    }

    /// The outbox row id in the Message-ID `<outbox-{id}-{created}@host>`.
    fn outbox_id(&self) -> i64 {
        self.message_id
            .strip_prefix("<outbox-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("Message-ID {:?} names no outbox row", self.message_id))
    }

    fn part(&self, content_type: &str) -> &Part {
        self.parts
            .iter()
            .find(|p| p.content_type.starts_with(content_type))
            .unwrap_or_else(|| {
                panic!(
                    "{:?} has no {content_type} part: {:?}",
                    self.subject, self.parts
                )
            })
    }

    fn has_part(&self, content_type: &str) -> bool {
        self.parts
            .iter()
            .any(|p| p.content_type.starts_with(content_type))
    }

    /// The token of the personal link `{base}/r/{token}` in the plain-text part, after
    /// checking that the HTML part links to the same address.
    fn personal_token(&self, base: &str) -> String {
        let prefix = format!("{base}/r/");
        let text = &self.part("text/plain").body;
        let start = text.find(&prefix).unwrap_or_else(|| {
            panic!(
                "{:?}: no personal link {prefix}… in the text:\n{text}",
                self.subject
            )
        }) + prefix.len();
        let token: String = text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(
            token.len() >= 22,
            "{:?}: a personal token of at least 128 bits, got {token:?}",
            self.subject
        );
        let html = &self.part("text/html").body;
        assert!(
            html.contains(&format!("href=\"{prefix}{token}\"")),
            "{:?}: the HTML part links to {prefix}{token}:\n{html}",
            self.subject
        );
        token
    }
}

/// Splits an entity (with `\n` line ends) into its unfolded headers, names in lower case,
/// and its body.
fn split_entity(entity: &str) -> (Vec<(String, String)>, &str) {
    let (head, body) = entity.split_once("\n\n").unwrap_or((entity, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    (headers, body)
}

fn header(headers: &[(String, String)], name: &str) -> String {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Collects the leaf parts of a MIME entity, decoding their transfer encoding.
fn leaf_parts(entity: &str, parts: &mut Vec<Part>) {
    let (headers, body) = split_entity(entity);
    let content_type = header(&headers, "content-type");
    if content_type.to_ascii_lowercase().starts_with("multipart/") {
        let boundary = content_type
            .split(';')
            .find_map(|param| param.trim().strip_prefix("boundary="))
            .map(|b| b.trim_matches('"').to_owned())
            .unwrap_or_else(|| panic!("multipart without a boundary: {content_type}"));
        let delimiter = format!("--{boundary}");
        let mut current: Option<Vec<&str>> = None;
        for line in body.split('\n') {
            let line_end = line.trim_end();
            if line_end == delimiter || line_end == format!("{delimiter}--") {
                if let Some(lines) = current.take() {
                    leaf_parts(&lines.join("\n"), parts);
                }
                if line_end == delimiter {
                    current = Some(Vec::new());
                } else {
                    break;
                }
            } else if let Some(lines) = current.as_mut() {
                lines.push(line);
            }
        }
        return;
    }
    let body = match header(&headers, "content-transfer-encoding")
        .to_ascii_lowercase()
        .as_str()
    {
        "quoted-printable" => decode_quoted_printable(body),
        "base64" => {
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact)
                .expect("base64 part");
            if content_type.to_ascii_lowercase().starts_with("image/") {
                // The check-in code of a seat in the room: its size is all a test reads.
                format!("({} bytes)", bytes.len())
            } else {
                String::from_utf8(bytes).expect("a UTF-8 part")
            }
        }
        _ => body.to_owned(),
    };
    parts.push(Part {
        content_type: content_type.to_ascii_lowercase(),
        disposition: header(&headers, "content-disposition"),
        body,
    });
}

/// Quoted-printable: soft line breaks removed, `=XX` turned back into bytes.
fn decode_quoted_printable(body: &str) -> String {
    let joined = body.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if let Some(byte) = joined
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("a UTF-8 part")
}

/// Joins the public line; the confirm-your-address email follows.
fn join(server: &Server, slug: &str, email: &str, preference: &str) {
    let (status, body) = server.post(
        &format!("/api/v1/events/{slug}/entries"),
        json!({"email": email, "name": format!("Person {email}"), "preference": preference, "consent": true}),
    );
    assert_eq!(status, 202, "joining as {email}: {body}");
}

fn personal_action(server: &Server, token: &str, action: &str, body: Value) -> Value {
    let (status, answer) = server.post(&format!("/api/v1/me/{token}/{action}"), body);
    assert_eq!(status, 200, "{action}: {answer}");
    answer
}

/// Asserts that no message arrived twice.
fn assert_once(messages: &[Received]) {
    let mut seen = HashSet::new();
    for message in messages {
        assert!(
            seen.insert(&message.message_id),
            "{} arrived twice",
            message.message_id
        );
    }
}

/// Asserts that no message arrived twice and that they arrived in order of creation (as
/// they do while no delivery fails).
fn assert_once_and_in_order(messages: &[Received]) {
    assert_once(messages);
    let ids: Vec<i64> = messages.iter().map(Received::outbox_id).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "emails arrived out of order of creation: outbox ids {ids:?}"
    );
}

#[derive(diesel::QueryableByName, Debug)]
struct OutboxState {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    recipient: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    status: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    last_error: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    keeps_body: bool,
}

/// The outbox as the database has it: which rows are delivered and which still hold a body
/// or a personal link.
fn outbox_state(db: &Db) -> Vec<OutboxState> {
    let query = diesel::sql_query(
        "SELECT id, recipient, status, attempts, last_error, \
         (body_text IS NOT NULL OR link IS NOT NULL) AS keeps_body FROM outbox ORDER BY id",
    );
    if db.is_postgres() {
        query
            .load(&mut diesel::PgConnection::establish(&db.url).unwrap())
            .unwrap()
    } else {
        query
            .load(&mut diesel::SqliteConnection::establish(&db.url).unwrap())
            .unwrap()
    }
}

fn execute(db: &Db, statement: &str) -> usize {
    let query = diesel::sql_query(statement);
    if db.is_postgres() {
        query
            .execute(&mut diesel::PgConnection::establish(&db.url).unwrap())
            .unwrap()
    } else {
        query
            .execute(&mut diesel::SqliteConnection::establish(&db.url).unwrap())
            .unwrap()
    }
}

/// The outbox row of the one email to `address`.
fn outbox_row_to(db: &Db, address: &str) -> OutboxState {
    let mut rows: Vec<OutboxState> = outbox_state(db)
        .into_iter()
        .filter(|row| row.recipient == address)
        .collect();
    assert_eq!(rows.len(), 1, "one email to {address}: {rows:?}");
    rows.remove(0)
}

/// Waits until the outbox row of the email to `address` is in `status`.
fn wait_for_status(db: &Db, address: &str, status: &str) -> OutboxState {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let row = outbox_row_to(db, address);
        if row.status == status {
            return row;
        }
        assert!(
            Instant::now() < deadline,
            "the email to {address} is not {status}: {row:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Invites everyone in `people` in one call, in that order, so their invitations are
/// queued in that order.
fn invite_all(server: &Server, slug: &str, people: &[&str]) {
    let invitees: Vec<Value> = people
        .iter()
        .map(
            |email| json!({"email": email, "name": format!("Person {email}"), "mode": "in_person"}),
        )
        .collect();
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        &format!("/api/v1/events/{slug}/invitations"),
        json!({ "invitees": invitees }),
    );
    assert_eq!(status, 201, "{body}");
}

fn every_participant_email_arrives_with_text_html_and_the_personal_link(db: &Db) {
    let mail = MailServer::start();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let slug = "smtp-all";
    let title = "Event smtp-all";
    server.create_event(slug, 2, Some(5), "open");

    // An invitation.
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        &format!("/api/v1/events/{slug}/invitations"),
        json!({"invitees": [{"email": "alice@example.org", "name": "Alice", "mode": "in_person"}]}),
    );
    assert_eq!(status, 201, "{body}");
    let invitation = mail.wait_for("alice@example.org", 1);

    // Someone joins the line, confirms the address and gets the last seat in the room.
    join(&server, slug, "bob@example.org", "in_person");
    let confirm_bob = mail.wait_for("bob@example.org", 1);
    let me = personal_action(
        &server,
        &confirm_bob.personal_token(&server.base),
        "confirm-email",
        json!({}),
    );
    assert_eq!(me["status"], "confirmed", "{me}");
    let seat_bob = mail.wait_for("bob@example.org", 2);

    // Someone else joins once the room is full and waits in line.
    join(&server, slug, "carol@example.org", "in_person");
    let confirm_carol = mail.wait_for("carol@example.org", 1);
    let me = personal_action(
        &server,
        &confirm_carol.personal_token(&server.base),
        "confirm-email",
        json!({}),
    );
    assert_eq!(me["status"], "waitlisted", "{me}");
    let line_carol = mail.wait_for("carol@example.org", 2);

    // The invitee accepts.
    let me = personal_action(
        &server,
        &invitation.personal_token(&server.base),
        "accept",
        json!({"mode": "in_person"}),
    );
    assert_eq!(me["status"], "confirmed", "{me}");
    let seat_alice = mail.wait_for("alice@example.org", 2);

    let subjects = [
        (
            &invitation,
            format!("You are invited to {title}: please answer by "),
        ),
        (
            &confirm_bob,
            format!("Please confirm your address for {title}"),
        ),
        (&seat_bob, format!("You have a seat at {title}")),
        (
            &confirm_carol,
            format!("Please confirm your address for {title}"),
        ),
        (
            &line_carol,
            format!("You are on the waiting list for {title}"),
        ),
        (&seat_alice, format!("You have a seat at {title}")),
    ];
    for (message, subject) in subjects {
        assert!(
            message.subject.starts_with(&subject),
            "subject {:?}, expected {subject:?}",
            message.subject
        );
        assert!(
            message.has_part("text/plain") && message.has_part("text/html"),
            "{:?}",
            message.parts
        );
        // The link is personal: it opens the recipient's own registration.
        let token = message.personal_token(&server.base);
        let me = server.me(&token);
        assert_eq!(
            me["email"],
            message.to.as_str(),
            "the link in {:?} opens someone else's page",
            message.subject
        );
        assert!(
            message.part("text/plain").body.contains(title),
            "{:?}",
            message.subject
        );
        assert!(
            message.part("text/html").body.contains(title),
            "{:?}",
            message.subject
        );
    }
    assert!(
        invitation.part("text/plain").body.contains("until "),
        "the invitation names its deadline"
    );
    assert!(line_carol
        .part("text/plain")
        .body
        .contains("Your place in line is 1."));

    for confirmation in [&seat_bob, &seat_alice] {
        let calendar = confirmation.part("text/calendar");
        assert!(
            calendar.disposition.starts_with("attachment"),
            "{calendar:?}"
        );
        assert!(calendar.disposition.contains(".ics"), "{calendar:?}");
        let ics = calendar.body.replace("\r\n", "\n").replace("\n ", "");
        assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
        assert!(ics.contains(&format!("SUMMARY:{title}")), "{ics}");
        assert!(ics.contains("DTSTART:"), "{ics}");
        assert!(ics.contains("LOCATION:Room 1"), "{ics}");
    }
    for other in [&invitation, &confirm_bob, &confirm_carol, &line_carol] {
        assert!(
            !other.has_part("text/calendar"),
            "{:?} carries no calendar file",
            other.subject
        );
    }

    let all = mail.messages();
    assert_eq!(
        all.len(),
        6,
        "{:?}",
        all.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_once_and_in_order(&all);
}

/// The mail server away for two minutes while people keep joining: more emails than the
/// worker claims at once, the oldest retried for the whole outage and the newest only
/// briefly, each on its own backoff; all delivered once it is back, once each.
fn emails_wait_through_minutes_without_a_mail_server(db: &Db) {
    let port = free_port();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", smtp_url(port).as_str())]);
    let slug = "smtp-long-outage";
    server.create_event(slug, 100, Some(100), "open");

    let people: Vec<String> = (1..=75)
        .map(|i| format!("late{i:02}@example.org"))
        .collect();
    for (minute, group) in people.chunks(25).enumerate() {
        if minute > 0 {
            std::thread::sleep(Duration::from_secs(60));
        }
        for email in group {
            join(&server, slug, email, "either");
        }
    }
    std::thread::sleep(Duration::from_secs(2));
    let outbox = outbox_state(db);
    assert_eq!(outbox.len(), people.len());
    assert!(
        outbox.iter().all(|row| row.status == "pending"),
        "nothing can be delivered yet"
    );

    assert!(
        outbox[0].attempts >= 3,
        "the oldest email was tried again and again: {:?}",
        outbox[0]
    );

    let mail = MailServer::start_on(port);
    // Each email waits at most its longest backoff (a minute) once the server is back.
    mail.wait_for_count(people.len(), Duration::from_secs(150));
    // Time for a duplicate to show up, if one were coming.
    std::thread::sleep(Duration::from_secs(3));
    let arrived = mail.messages();
    assert_eq!(arrived.len(), people.len());
    assert_once(&arrived);
    let mut recipients: Vec<&str> = arrived.iter().map(|m| m.to.as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        people.iter().map(String::as_str).collect::<Vec<_>>()
    );
    for message in &arrived {
        assert!(
            message.subject.starts_with("Please confirm your address"),
            "{:?}",
            message.subject
        );
        message.personal_token(&server.base);
    }
    assert!(outbox_state(db).iter().all(|row| row.status == "sent"));
}

fn a_delivered_email_is_not_sent_again_after_a_restart(db: &Db) {
    let mail = MailServer::start();
    let env = [("REGISTRAR_SMTP_URL", mail.url())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut server = Server::start_with(db, &env);
    let slug = "smtp-restart";
    server.create_event(slug, 10, Some(10), "open");
    for i in 1..=3 {
        let email = format!("person{i}@example.org");
        join(&server, slug, &email, "in_person");
        let token = mail.wait_for(&email, 1).personal_token(&server.base);
        personal_action(&server, &token, "confirm-email", json!({}));
    }
    mail.wait_for_count(6, Duration::from_secs(30));

    // Delivered means recorded as sent, with the body (and the personal link) dropped.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let rows = outbox_state(db);
        if rows.len() == 6 && rows.iter().all(|row| row.status == "sent") {
            assert!(
                rows.iter().all(|row| !row.keeps_body),
                "a delivered row keeps its body: {rows:?}"
            );
            let delivered: Vec<i64> = mail.messages().iter().map(Received::outbox_id).collect();
            assert_eq!(delivered, rows.iter().map(|row| row.id).collect::<Vec<_>>());
            break;
        }
        assert!(
            Instant::now() < deadline,
            "deliveries not recorded: {rows:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let token = server.token.clone();
    server.kill();
    let server = Server::launch(db, token, &env);
    std::thread::sleep(Duration::from_secs(4));
    let after_restart = mail.messages();
    assert_eq!(
        after_restart.len(),
        6,
        "emails were sent again after the restart"
    );
    assert_once_and_in_order(&after_restart);

    // The new instance does deliver: a new email goes out, and only that one.
    join(&server, slug, "person4@example.org", "in_person");
    mail.wait_for("person4@example.org", 1);
    std::thread::sleep(Duration::from_secs(2));
    let all = mail.messages();
    assert_eq!(
        all.len(),
        7,
        "{:?}",
        all.iter().map(|m| (&m.to, &m.subject)).collect::<Vec<_>>()
    );
    assert_once_and_in_order(&all);
}

/// A recipient the mail server refuses for good (550): that email is marked failed at the
/// first refusal, with the server's answer, and never tried again; every other email,
/// older or newer, arrives.
fn a_recipient_refused_for_good_is_marked_failed_and_every_other_email_arrives(db: &Db) {
    let mail = MailServer::start();
    for refused in ["gone1@example.org", "gone2@example.org"] {
        mail.refuse(refused, 550);
    }
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let slug = "smtp-refused";
    server.create_event(slug, 20, Some(20), "open");
    let people = [
        "gone1@example.org",
        "one@example.org",
        "two@example.org",
        "gone2@example.org",
        "three@example.org",
        "four@example.org",
    ];
    invite_all(&server, slug, &people);

    let arrived = mail.wait_for_count(4, Duration::from_secs(30));
    for refused in ["gone1@example.org", "gone2@example.org"] {
        let row = wait_for_status(db, refused, "failed");
        assert_eq!(row.attempts, 1, "{row:?}");
        let error = row.last_error.clone().unwrap_or_default();
        assert!(
            error.contains("550"),
            "the server's answer is kept: {row:?}"
        );
        assert!(!row.keeps_body, "a failed email drops its link: {row:?}");
    }
    // Longer than the first backoff: a retry would show by now.
    std::thread::sleep(Duration::from_secs(4));
    for refused in ["gone1@example.org", "gone2@example.org"] {
        assert_eq!(
            mail.attempts_for(refused).len(),
            1,
            "{refused} was tried again"
        );
    }
    let arrived_now = mail.messages();
    assert_eq!(arrived_now.len(), 4, "{arrived:?}");
    assert_once_and_in_order(&arrived_now);
    let recipients: Vec<&str> = arrived_now.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(
        recipients,
        [
            "one@example.org",
            "two@example.org",
            "three@example.org",
            "four@example.org"
        ]
    );
    for row in outbox_state(db) {
        let expected = if row.recipient.starts_with("gone") {
            "failed"
        } else {
            "sent"
        };
        assert_eq!(row.status, expected, "{row:?}");
    }

    // A newer email still goes out after the failures.
    invite_all(&server, slug, &["five@example.org"]);
    mail.wait_for("five@example.org", 1);
}

/// A recipient refused for now (451) is tried again after a pause that grows with each
/// attempt, while every other email arrives; once the server takes it, it arrives once.
fn a_recipient_refused_for_now_is_retried_with_backoff_while_the_others_arrive(db: &Db) {
    let mail = MailServer::start();
    let busy = "busy@example.org";
    mail.refuse(busy, 451);
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let slug = "smtp-busy";
    server.create_event(slug, 20, Some(20), "open");
    let others = [
        "one@example.org",
        "two@example.org",
        "three@example.org",
        "four@example.org",
    ];
    let mut people = vec![busy];
    people.extend(others);
    invite_all(&server, slug, &people);

    // The oldest email is refused again and again; the others do not wait for it.
    mail.wait_for_count(others.len(), Duration::from_secs(30));
    let deadline = Instant::now() + Duration::from_secs(60);
    while mail.attempts_for(busy).len() < 3 {
        assert!(
            Instant::now() < deadline,
            "{busy} was not tried three times"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The worker records the third attempt just after the server saw it.
    let mut row = outbox_row_to(db, busy);
    while row.attempts < 3 {
        assert!(Instant::now() < deadline, "{row:?}");
        std::thread::sleep(Duration::from_millis(50));
        row = outbox_row_to(db, busy);
    }
    assert_eq!(row.status, "pending", "{row:?}");
    assert!(
        row.last_error
            .as_deref()
            .unwrap_or_default()
            .contains("451"),
        "{row:?}"
    );
    // Each retry waits at least its backoff (2 s, then 4 s), measured where the server
    // saw the attempts.
    let attempts = mail.attempts_for(busy);
    let tolerance = Duration::from_millis(50);
    assert!(
        attempts[1] - attempts[0] + tolerance >= Duration::from_secs(2),
        "{:?}",
        attempts[1] - attempts[0]
    );
    assert!(
        attempts[2] - attempts[1] + tolerance >= Duration::from_secs(4),
        "{:?}",
        attempts[2] - attempts[1]
    );

    mail.accept(busy);
    mail.wait_for(busy, 1);
    wait_for_status(db, busy, "sent");
    std::thread::sleep(Duration::from_secs(2));
    let arrived = mail.messages();
    assert_eq!(arrived.len(), people.len());
    assert_once(&arrived);
    let recipients: Vec<&str> = arrived.iter().map(|m| m.to.as_str()).collect();
    let mut expected = others.to_vec();
    expected.push(busy);
    assert_eq!(recipients, expected, "the refused email came last");
}

/// The join refuses an address at an IP address (422 naming `email`); an email queued for
/// such an address before (one the mailer cannot build) fails alone, and the others arrive.
fn an_address_the_mailer_cannot_take_is_refused_and_fails_alone_in_the_outbox(db: &Db) {
    let port = free_port();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", smtp_url(port).as_str())]);
    let slug = "smtp-unbuildable";
    server.create_event(slug, 20, Some(20), "open");
    for address in ["p@[127.0.0.1]", "p@127.0.0.1"] {
        let (status, body) = server.post(
            &format!("/api/v1/events/{slug}/entries"),
            json!({"email": address, "name": "Probe", "preference": "in_person", "consent": true}),
        );
        assert_eq!(status, 422, "{address}: {body}");
        assert!(
            body["error"]["fields"]["email"].is_array(),
            "{address}: {body}"
        );
    }
    assert!(outbox_state(db).is_empty(), "a refused join queues nothing");

    // An email queued under the old rule: the oldest one, to an IP literal.
    let people = ["one@example.org", "two@example.org", "three@example.org"];
    for email in people {
        join(&server, slug, email, "in_person");
    }
    let first = outbox_row_to(db, people[0]).id;
    assert_eq!(
        execute(
            db,
            &format!("UPDATE outbox SET recipient = 'p@[127.0.0.1]' WHERE id = {first}")
        ),
        1
    );
    let mail = MailServer::start_on(port);
    mail.wait_for_count(2, Duration::from_secs(60));
    let row = wait_for_status(db, "p@[127.0.0.1]", "failed");
    assert!(
        row.last_error
            .as_deref()
            .unwrap_or_default()
            .contains("not an IP address"),
        "{row:?}"
    );
    assert!(mail.attempts_for("p@[127.0.0.1]").is_empty());
    let recipients: HashSet<String> = mail.messages().into_iter().map(|m| m.to).collect();
    assert_eq!(
        recipients,
        HashSet::from(["two@example.org".to_owned(), "three@example.org".to_owned()])
    );
}

/// The worker keeps its connection to the mail server open between emails: a bulk
/// invitation goes out in one SMTP session, not one per email.
fn emails_in_a_row_share_one_smtp_connection(db: &Db) {
    let mail = MailServer::start();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let slug = "smtp-pool";
    server.create_event(slug, 20, Some(20), "open");
    let people: Vec<String> = (1..=10).map(|i| format!("p{i}@example.org")).collect();
    invite_all(
        &server,
        slug,
        &people.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let arrived = mail.wait_for_count(people.len(), Duration::from_secs(30));
    assert_once_and_in_order(&arrived);
    assert_eq!(
        mail.sessions(),
        1,
        "one session for {} emails",
        people.len()
    );
}

/// The properties of a calendar file, unfolded, in order: (name, value), parameters left
/// out of the name.
fn ics_properties(ics: &str) -> Vec<(String, String)> {
    ics.replace("\r\n", "\n")
        .replace("\n ", "")
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| {
            let name = name.split(';').next().unwrap_or(name);
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn ics_value(properties: &[(String, String)], name: &str) -> Option<String> {
    properties
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// What a calendar part says: its MIME method and its file's METHOD, UID, SEQUENCE,
/// STATUS and LOCATION.
#[derive(Debug)]
struct CalendarFile {
    mime: String,
    method: Option<String>,
    uid: String,
    sequence: u32,
    status: Option<String>,
    location: Option<String>,
}

impl CalendarFile {
    fn of_text(mime: &str, ics: &str) -> CalendarFile {
        let properties = ics_properties(ics);
        CalendarFile {
            mime: mime.to_owned(),
            method: ics_value(&properties, "METHOD"),
            uid: ics_value(&properties, "UID").unwrap_or_else(|| panic!("no UID in {ics}")),
            sequence: ics_value(&properties, "SEQUENCE")
                .unwrap_or_else(|| panic!("no SEQUENCE in {ics}"))
                .parse()
                .expect("a number"),
            status: ics_value(&properties, "STATUS"),
            location: ics_value(&properties, "LOCATION"),
        }
    }

    fn of(message: &Received) -> CalendarFile {
        let part = message.part("text/calendar");
        CalendarFile::of_text(&part.content_type, &part.body)
    }
}

/// A participant's calendar entry keeps one UID in every email and on the personal page;
/// its SEQUENCE rises with each change (a mode switch, a change of the event), and the
/// cancellation email takes the entry back with METHOD:CANCEL.
fn calendar_files_keep_one_uid_and_raise_the_sequence_with_each_change(db: &Db) {
    let mail = MailServer::start();
    let server = Server::start_with(db, &[("REGISTRAR_SMTP_URL", mail.url().as_str())]);
    let slug = "smtp-calendar";
    server.create_event(slug, 2, Some(5), "open");
    let ada = "ada@example.org";
    join(&server, slug, ada, "in_person");
    let token = mail.wait_for(ada, 1).personal_token(&server.base);
    let me = personal_action(&server, &token, "confirm-email", json!({}));
    assert_eq!(me["status"], "confirmed", "{me}");
    let seat = CalendarFile::of(&mail.wait_for(ada, 2));
    assert_eq!(seat.method.as_deref(), Some("PUBLISH"), "{seat:?}");
    assert!(seat.mime.contains("method=publish"), "{seat:?}");
    assert!(seat.uid.starts_with("registration-"), "{seat:?}");
    assert_eq!(seat.location.as_deref(), Some("Room 1"));

    let me = personal_action(&server, &token, "switch", json!({"mode": "virtual"}));
    assert_eq!(me["mode"], "virtual", "{me}");
    let moved = CalendarFile::of(&mail.wait_for(ada, 3));
    assert_eq!(moved.method.as_deref(), Some("PUBLISH"), "{moved:?}");
    assert_eq!(moved.uid, seat.uid, "one entry per registration");
    assert!(moved.sequence > seat.sequence, "{seat:?} then {moved:?}");
    assert_eq!(
        moved.location.as_deref(),
        Some("https://meet.example.org/room")
    );

    // The personal page offers the same entry, as a plain file.
    let download = |server: &Server| {
        let response = server
            .http
            .get(server.url(&format!("/r/{token}/calendar.ics")))
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
        let mime = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        CalendarFile::of_text(&mime, &response.text().unwrap())
    };
    let page = download(&server);
    assert_eq!(page.uid, seat.uid, "{page:?}");
    assert_eq!(page.method, None, "{page:?}");
    assert!(page.sequence >= moved.sequence, "{moved:?} then {page:?}");
    server.patch_event(slug, json!({"venue": "Room 2"}));
    let after_patch = download(&server);
    assert!(
        after_patch.sequence > page.sequence,
        "a change of the event raises it: {page:?} then {after_patch:?}"
    );

    let me = personal_action(&server, &token, "cancel", json!({}));
    assert_eq!(me["status"], "cancelled", "{me}");
    let cancelled = mail.wait_for(ada, 4);
    assert!(
        cancelled.subject.contains("cancelled"),
        "{:?}",
        cancelled.subject
    );
    let cancel = CalendarFile::of(&cancelled);
    assert_eq!(cancel.method.as_deref(), Some("CANCEL"), "{cancel:?}");
    assert!(cancel.mime.contains("method=cancel"), "{cancel:?}");
    assert_eq!(cancel.status.as_deref(), Some("CANCELLED"), "{cancel:?}");
    assert_eq!(cancel.uid, seat.uid);
    assert!(
        cancel.sequence > after_patch.sequence,
        "{after_patch:?} then {cancel:?}"
    );
}

on_both_databases!(
    every_participant_email_arrives_with_text_html_and_the_personal_link,
    emails_wait_through_minutes_without_a_mail_server,
    a_delivered_email_is_not_sent_again_after_a_restart,
    a_recipient_refused_for_good_is_marked_failed_and_every_other_email_arrives,
    a_recipient_refused_for_now_is_retried_with_backoff_while_the_others_arrive,
    an_address_the_mailer_cannot_take_is_refused_and_fails_alone_in_the_outbox,
    emails_in_a_row_share_one_smtp_connection,
    calendar_files_keep_one_uid_and_raise_the_sequence_with_each_change,
);
