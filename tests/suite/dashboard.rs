//! The organizer dashboard through the real server, as a browser without JavaScript uses
//! it: forms, cookies and redirects. Sign-in, sessions, CSRF, refusals, invitations,
//! the waiting line, capacity and exports; the calendar feed by secret link in
//! `calendar_feed`.

mod calendar_feed;

use std::process::Command;

use crate::common::{Db, Server, BIN};
use reqwest::blocking::{Client, Response};
use reqwest::header::{AUTHORIZATION, COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

/// A one-time link to set a password, from `registrar organizer add`, as a path.
pub(crate) fn organizer_link(db: &Db, email: &str) -> String {
    let output = Command::new(BIN)
        .args(["organizer", "add", email])
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running registrar organizer add");
    assert!(
        output.status.success(),
        "organizer add failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout.lines().last().unwrap().trim();
    let at = link.find("/organizer/welcome/").expect("a welcome link");
    link[at..].to_owned()
}

fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The CSRF token of the first form on a page.
fn csrf_of(page: &str) -> String {
    let at = page
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    let rest = &page[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

fn location(response: &Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// A browser signed in as a new organizer, with the page it landed on.
pub(crate) struct Organizer {
    pub(crate) http: Client,
    pub(crate) base: String,
    pub(crate) csrf: String,
}

impl Organizer {
    pub(crate) fn sign_up(server: &Server, db: &Db, email: &str) -> Organizer {
        let http = browser();
        let link = organizer_link(db, email);
        let page = http.get(server.url(&link)).send().unwrap();
        assert_eq!(page.status(), 200);
        let response = http
            .post(server.url(&link))
            .form(&[("password", PASSWORD), ("repeat", PASSWORD)])
            .send()
            .unwrap();
        assert_eq!(response.status(), 303, "{}", response.text().unwrap());
        assert_eq!(location(&response), "/organizer");
        let mut organizer = Organizer {
            http,
            base: server.base.clone(),
            csrf: String::new(),
        };
        let home = organizer.get("/organizer");
        assert_eq!(home.0, 200);
        assert!(
            home.1.contains(email),
            "the dashboard names who is signed in"
        );
        organizer.csrf = csrf_of(&home.1);
        organizer
    }

    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .unwrap();
        (response.status().as_u16(), response.text().unwrap())
    }

    /// Posts a form with the session's CSRF token; returns the status and where it leads.
    pub(crate) fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .form(&form)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        let to = location(&response);
        (status, to, response.text().unwrap())
    }

    pub(crate) fn create_event(
        &self,
        slug: &str,
        in_person: &str,
        virtual_seats: &str,
        phase: &str,
    ) {
        let starts = chrono::Utc::now() + chrono::Duration::days(30);
        let ends = starts + chrono::Duration::hours(8);
        let local = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let (status, to, body) = self.post(
            "/organizer/events",
            &[
                ("title", &format!("Workshop {slug}")),
                ("slug", slug),
                ("description", "A day on datasets."),
                ("timezone", "Europe/Amsterdam"),
                ("starts_at", &local(starts)),
                ("ends_at", &local(ends)),
                ("venue", "Room 1"),
                ("meeting_url", "https://meet.example.org/room"),
                ("in_person_capacity", in_person),
                ("virtual_capacity", virtual_seats),
                ("offer_window_hours", "48"),
                ("invitation_window_days", "14"),
                ("phase", phase),
            ],
        );
        assert_eq!(status, 303, "{body}");
        assert_eq!(to, format!("/organizer/events/{slug}?done=created"));
    }

    /// Pastes a list, checks the preview, and returns the preview page.
    pub(crate) fn preview(&self, slug: &str, list: &str) -> String {
        let form = reqwest::blocking::multipart::Form::new()
            .text("csrf", self.csrf.clone())
            .text("list", list.to_owned());
        let response = self
            .http
            .post(format!(
                "{}/organizer/events/{slug}/invitations/preview",
                self.base
            ))
            .multipart(form)
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
        response.text().unwrap()
    }
}

fn signing_in_with_the_link_of_organizer_add_and_signing_out(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let (status, to, _) = organizer.post("/organizer/logout", &[]);
    assert_eq!(status, 303);
    assert_eq!(to, "/organizer/login");
    let (status, _) = organizer.get("/organizer");
    assert_eq!(status, 303, "signed out");

    // Sign in again with the password, through the sign-in form and its token.
    let (status, page) = organizer.get("/organizer/login");
    assert_eq!(status, 200);
    let token = csrf_of(&page);
    let wrong = organizer
        .http
        .post(server.url("/organizer/login"))
        .form(&[
            ("email", "ada@example.org"),
            ("password", "not the password"),
            ("csrf", &token),
        ])
        .send()
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let page = wrong.text().unwrap();
    let right = organizer
        .http
        .post(server.url("/organizer/login"))
        .form(&[
            ("email", "ADA@example.org "),
            ("password", PASSWORD),
            ("csrf", &csrf_of(&page)),
        ])
        .send()
        .unwrap();
    assert_eq!(right.status(), 303);
    assert_eq!(organizer.get("/organizer").0, 200);

    // The link worked once.
    let link = organizer_link(db, "ada@example.org");
    let used = organizer_link(db, "bob@example.org");
    assert_eq!(organizer.get(&link).0, 200, "a new link works");
    let http = browser();
    http.post(server.url(&used))
        .form(&[("password", PASSWORD), ("repeat", PASSWORD)])
        .send()
        .unwrap();
    let again = http.get(server.url(&used)).send().unwrap();
    assert_eq!(again.status(), 404, "a used link does not work again");
}

fn signing_out_ends_every_copy_of_the_session(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    // A copy of the session cookie, as someone who stole it would hold it.
    let http = browser();
    let link = organizer_link(db, "eve@example.org");
    let response = http
        .post(server.url(&link))
        .form(&[("password", PASSWORD), ("repeat", PASSWORD)])
        .send()
        .unwrap();
    let cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("registrar_session="))
        .expect("a session cookie");
    let plain = Client::builder().redirect(Policy::none()).build().unwrap();
    let with_copy = |path: &str| {
        plain
            .get(server.url(path))
            .header(COOKIE, &cookie)
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(with_copy("/organizer"), 200);
    let home = http
        .get(server.url("/organizer"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let signed_out = http
        .post(server.url("/organizer/logout"))
        .form(&[("csrf", csrf_of(&home))])
        .send()
        .unwrap();
    assert_eq!(signed_out.status(), 303);
    assert_eq!(with_copy("/organizer"), 303, "the copy no longer works");
    assert_eq!(
        organizer.get("/organizer").0,
        200,
        "other organizers stay in"
    );
}

/// A session in use is renewed (at most once a minute), so only an unused one runs out;
/// the idle limit itself is a unit test of the session.
fn a_session_in_use_is_renewed(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let renews = |organizer: &Organizer| {
        let response = organizer
            .http
            .get(format!("{}/organizer", organizer.base))
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
        response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("registrar_session="))
    };
    assert!(!renews(&organizer), "not renewed within the first minute");
    std::thread::sleep(std::time::Duration::from_secs(61));
    assert!(renews(&organizer), "renewed after a minute");
    assert!(!renews(&organizer), "and not again at once");
    assert_eq!(
        organizer.post("/organizer/logout", &[]).0,
        303,
        "the renewed session keeps its CSRF token"
    );
}

fn repeated_failed_sign_ins_are_rate_limited(db: &Db) {
    let server = Server::start_with(db, &[("REGISTRAR_RATE_LIMITS", "on")]);
    organizer_link(db, "ada@example.org");
    let http = browser();
    let mut statuses = Vec::new();
    for _ in 0..15 {
        let page = http
            .get(server.url("/organizer/login"))
            .send()
            .unwrap()
            .text()
            .unwrap();
        let response = http
            .post(server.url("/organizer/login"))
            .form(&[
                ("email", "ada@example.org"),
                ("password", "guess"),
                ("csrf", &csrf_of(&page)),
            ])
            .send()
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses[0], 401);
    assert_eq!(*statuses.last().unwrap(), 429, "{statuses:?}");
}

/// Every dashboard route, with a real event and registration behind it.
fn dashboard_routes(slug: &str, id: &str) -> (Vec<String>, Vec<String>) {
    let gets = [
        "/organizer",
        "/organizer/",
        "/organizer/events/new",
        "/organizer/events/{slug}",
        "/organizer/events/{slug}?phase=open",
        "/organizer/events/{slug}/edit",
        "/organizer/events/{slug}/capacity?in_person=5",
        "/organizer/events/{slug}/invitations",
        "/organizer/events/{slug}/registrations",
        "/organizer/events/{slug}/line",
        "/organizer/events/{slug}/export.csv",
        "/organizer/events/{slug}/calendar.ics",
        "/organizer/events/{slug}/audit",
        "/organizer/events/{slug}/message",
        "/organizer/calendar.ics",
        "/organizer/calendar",
        "/organizer/outbox",
        "/organizer/tokens",
    ];
    let posts = [
        "/organizer/logout",
        "/organizer/events",
        "/organizer/events/{slug}/edit",
        "/organizer/events/{slug}/phase",
        "/organizer/events/{slug}/capacity",
        "/organizer/events/{slug}/invitations/preview",
        "/organizer/events/{slug}/invitations/send",
        "/organizer/registrations/{id}/resend",
        "/organizer/registrations/{id}/hold",
        "/organizer/registrations/{id}/revoke",
        "/organizer/registrations/{id}/promote",
        "/organizer/registrations/{id}/up",
        "/organizer/registrations/{id}/down",
        "/organizer/registrations/{id}/remove",
        "/organizer/events/{slug}/message/preview",
        "/organizer/events/{slug}/message",
        "/organizer/outbox/1/retry",
        "/organizer/tokens",
        "/organizer/tokens/1/revoke",
        "/organizer/calendar/link",
        "/organizer/calendar/link/revoke",
    ];
    let fill = |p: &&str| p.replace("{slug}", slug).replace("{id}", id);
    (
        gets.iter().map(fill).collect(),
        posts.iter().map(fill).collect(),
    )
}

fn every_dashboard_route_refuses_a_visitor_who_is_not_signed_in(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 1, Some(10), "invite_only");
    let participant = server.invite("ws", "ada@example.org", "in_person");
    let id = server.registrations("ws", "")[0]["id"].to_string();
    let (gets, posts) = dashboard_routes("ws", &id);
    let plain = Client::builder().redirect(Policy::none()).build().unwrap();
    let credentials = [
        None,
        Some(format!("Bearer {participant}")),
        Some(format!("Bearer {}", server.token)),
    ];
    for credential in &credentials {
        for path in &gets {
            let mut request = plain.get(server.url(path));
            if let Some(c) = credential {
                request = request.header(AUTHORIZATION, c);
            }
            let response = request.send().unwrap();
            assert_eq!(response.status(), 303, "GET {path} with {credential:?}");
            assert_eq!(location(&response), "/organizer/login");
        }
        for path in &posts {
            let mut request = plain.post(server.url(path)).form(&[
                ("phase", "open"),
                ("in_person", "50"),
                ("name", "x"),
            ]);
            if let Some(c) = credential {
                request = request.header(AUTHORIZATION, c);
            }
            let response = request.send().unwrap();
            assert_eq!(response.status(), 303, "POST {path} with {credential:?}");
            assert_eq!(location(&response), "/organizer/login");
        }
        // A participant's link as a cookie is no session either.
        let response = plain
            .get(server.url("/organizer"))
            .header(COOKIE, format!("registrar_session={participant}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), 303);
    }
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(event["phase"], "invite_only", "nothing changed");
    assert_eq!(event["in_person_capacity"], 1);
    assert_eq!(server.me(&participant)["status"], "invited");
}

fn a_form_without_or_with_a_wrong_csrf_token_changes_nothing(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "1", "10", "invite_only");
    let participant = server.invite("ws", "bob@example.org", "in_person");
    let id = server.registrations("ws", "")[0]["id"].to_string();
    let (_, posts) = dashboard_routes("ws", &id);
    for token in [None, Some("wrong-token-wrong-token-1")] {
        for path in &posts {
            let mut form = vec![
                ("phase", "open"),
                ("in_person", "50"),
                ("virtual", "50"),
                ("name", "stolen"),
                ("title", "Renamed"),
                ("slug", "other"),
                ("group", "everyone"),
                ("subject", "Hello"),
                ("body", "Hello all"),
            ];
            if let Some(token) = token {
                form.push(("csrf", token));
            }
            let response = organizer
                .http
                .post(server.url(path))
                .form(&form)
                .send()
                .unwrap();
            let status = response.status().as_u16();
            assert!(
                status == 403 || status == 400,
                "POST {path} with token {token:?} answered {status}"
            );
        }
    }
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(event["phase"], "invite_only");
    assert_eq!(event["title"], "Workshop ws");
    assert_eq!(event["in_person_capacity"], 1);
    assert_eq!(server.organizer_get("/api/v1/events/other").0, 404);
    assert_eq!(server.me(&participant)["status"], "invited");
    assert_eq!(organizer.get("/organizer").0, 200, "still signed in");
    let tokens = organizer.get("/organizer/tokens").1;
    assert!(!tokens.contains("stolen"), "no token was made");
    assert_eq!(
        server.emails_to("bob@example.org").len(),
        1,
        "no message was sent"
    );
}

fn an_event_form_names_each_bad_field(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let (status, _, page) = organizer.post(
        "/organizer/events",
        &[
            ("title", ""),
            ("slug", "Bad Slug"),
            ("timezone", "Mars/Olympus"),
            ("starts_at", "2030-01-01T10:00"),
            ("ends_at", "2030-01-01T09:00"),
            ("in_person_capacity", "-3"),
            ("virtual_capacity", ""),
            ("offer_window_hours", "48"),
            ("invitation_window_days", "14"),
            ("phase", "draft"),
        ],
    );
    assert_eq!(status, 422);
    for field in ["title", "slug", "timezone", "in_person_capacity"] {
        assert!(
            page.contains(&format!("id=\"field-{field}-error\"")),
            "{field} is named next to the field"
        );
    }
    assert!(
        page.contains("value=\"Bad Slug\""),
        "what was typed is kept"
    );
    assert_eq!(server.get("/api/v1/events").1["events"], json!([]));
}

fn invitations_from_a_pasted_list_are_previewed_then_sent(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "3", "10", "invite_only");
    server.invite("ws", "known@example.org", "virtual");
    let list = "Grace Hopper <grace@example.org>\n\
                alan@example.org, Alan Turing, virtual\n\
                this line has no address\n\
                known@example.org, Known Person\n\
                GRACE@example.org, Grace again\n";
    let preview = organizer.preview("ws", list);
    assert!(
        preview.contains(
            "<strong>2</strong> valid, <strong>2</strong> duplicate, <strong>1</strong> invalid"
        ),
        "{preview}"
    );
    assert!(preview.contains("already registered (invited)"));
    assert!(preview.contains("In person</strong>: 2 of 3 seats free after these 1"));
    assert!(
        server.emails_to("grace@example.org").is_empty(),
        "nothing is sent by a preview"
    );
    let (status, to, body) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", list), ("hold_until", "")],
    );
    assert_eq!(status, 303, "{body}");
    assert!(to.starts_with("/organizer/events/ws/invitations?send="));
    let grace = server.wait_for_email("grace@example.org", 1);
    assert!(grace[0].subject.contains("invited"), "{}", grace[0].subject);
    server.wait_for_email("alan@example.org", 1);
    let invited = server.registrations("ws", "?status=invited");
    assert_eq!(invited.len(), 3);
    let alan = invited
        .iter()
        .find(|r| r["email"] == "alan@example.org")
        .unwrap();
    assert_eq!(alan["mode"], "virtual");

    // The invitations page shows each invitation; an accepted one changes state.
    let token = grace[0].token.clone().unwrap();
    let (status, _) = server.post(
        &format!("/api/v1/me/{token}/accept"),
        json!({"mode": "in_person"}),
    );
    assert_eq!(status, 200);
    let page = organizer.get("/organizer/events/ws/invitations").1;
    assert!(page.contains("grace@example.org"));
    assert!(
        page.contains("status-confirmed"),
        "the accepted invitation shows as confirmed"
    );
    let audit = organizer.get("/organizer/events/ws/audit").1;
    assert!(
        audit.contains("organizer ada@example.org"),
        "the audit log names the organizer"
    );
    assert!(audit.contains("participant"));
}

fn a_deadline_is_changed_and_an_invitation_resent_and_revoked(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "2", "10", "invite_only");
    server.invite("ws", "bob@example.org", "in_person");
    let id = server.registrations("ws", "")[0]["id"].as_i64().unwrap();
    let deadline = (chrono::Utc::now() + chrono::Duration::days(3))
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let (status, _, body) = organizer.post(
        &format!("/organizer/registrations/{id}/hold"),
        &[("hold_until", &deadline)],
    );
    assert_eq!(status, 303, "{body}");
    let hold = server.registrations("ws", "")[0]["hold_until"].clone();
    let hold = chrono::DateTime::parse_from_rfc3339(hold.as_str().unwrap()).unwrap();
    assert!(
        (hold.with_timezone(&chrono::Utc) - (chrono::Utc::now() + chrono::Duration::days(3)))
            .num_minutes()
            .abs()
            <= 2
    );

    let (status, _, _) = organizer.post(&format!("/organizer/registrations/{id}/resend"), &[]);
    assert_eq!(status, 303);
    let emails = server.wait_for_email("bob@example.org", 2);
    assert!(emails[1].subject.contains("invited"));
    let page = organizer.get("/organizer/events/ws/invitations").1;
    assert!(
        page.contains("2 / 2") || page.contains("2 / 1"),
        "two invitation emails are counted"
    );

    let (status, _, _) = organizer.post(&format!("/organizer/registrations/{id}/revoke"), &[]);
    assert_eq!(status, 303);
    assert_eq!(server.registrations("ws", "")[0]["status"], "revoked");
}

fn the_waiting_line_is_reordered_promoted_and_trimmed(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "1", "0", "invite_only");
    server.join("ws", "first@example.org", "in_person");
    server.join("ws", "second@example.org", "in_person");
    server.join("ws", "third@example.org", "in_person");
    let line = server.registrations("ws", "?status=waitlisted");
    let id_of = |email: &str| {
        line.iter().find(|r| r["email"] == email).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let page = organizer.get("/organizer/events/ws/line").1;
    let order = |page: &str| {
        let a = page.find("first@example.org").unwrap();
        let b = page.find("second@example.org").unwrap_or(usize::MAX);
        let c = page.find("third@example.org").unwrap();
        (a, b, c)
    };
    let (a, b, c) = order(&page);
    assert!(a < b && b < c);

    let (status, _, _) = organizer.post(
        &format!("/organizer/registrations/{}/up", id_of("third@example.org")),
        &[],
    );
    assert_eq!(status, 303);
    let waiting = server.registrations("ws", "?status=waitlisted");
    assert_eq!(
        waiting[0]["email"], "third@example.org",
        "moved up to the front"
    );
    assert_eq!(waiting[0]["position"], 1);

    let (status, _, _) = organizer.post(
        &format!(
            "/organizer/registrations/{}/remove",
            id_of("second@example.org")
        ),
        &[],
    );
    assert_eq!(status, 303);
    let (status, _, _) = organizer.post(
        &format!(
            "/organizer/registrations/{}/promote",
            id_of("first@example.org")
        ),
        &[],
    );
    assert_eq!(status, 303);
    let all = server.registrations("ws", "");
    let status_of =
        |email: &str| all.iter().find(|r| r["email"] == email).unwrap()["status"].clone();
    assert_eq!(
        status_of("first@example.org"),
        "offered",
        "promoted out of order"
    );
    assert_eq!(status_of("second@example.org"), "revoked");
    assert_eq!(status_of("third@example.org"), "waitlisted");
    crate::common::assert_invariants(&server, "ws");
}

fn raising_capacity_previews_and_then_offers_the_seat(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "0", "0", "open");
    server.join("ws", "wait@example.org", "in_person");
    let preview = organizer
        .get("/organizer/events/ws/capacity?in_person=1&virtual=0")
        .1;
    assert!(preview.contains("Person wait@example.org"), "{preview}");
    assert!(preview.contains("offered an in-person seat"), "{preview}");
    assert_eq!(
        server.registrations("ws", "")[0]["status"],
        "waitlisted",
        "a preview changes nothing"
    );
    let (status, _, body) = organizer.post(
        "/organizer/events/ws/capacity",
        &[("in_person", "1"), ("virtual", "0")],
    );
    assert_eq!(status, 303, "{body}");
    assert_eq!(server.registrations("ws", "")[0]["status"], "offered");
    let offer = server.wait_for_email("wait@example.org", 3);
    assert!(
        offer
            .last()
            .unwrap()
            .subject
            .to_lowercase()
            .contains("seat"),
        "{}",
        offer.last().unwrap().subject
    );
}

fn the_phase_change_says_what_it_will_do(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "3", "0", "invite_only");
    for n in 0..4 {
        server.join("ws", &format!("p{n}@example.org"), "in_person");
    }
    let page = organizer.get("/organizer/events/ws?phase=open").1;
    assert!(
        page.contains("will offer 3 free in-person seats to the first 3 people in line"),
        "{page}"
    );
    let (status, _, _) = organizer.post("/organizer/events/ws/phase", &[("phase", "open")]);
    assert_eq!(status, 303);
    assert_eq!(server.registrations("ws", "?status=offered").len(), 3);
    let overview = organizer.get("/organizer/events/ws").1;
    assert!(
        overview.contains("<strong>3</strong> answers still due"),
        "{overview}"
    );
    assert!(overview.contains("<svg"), "gauges and the chart are drawn");
}

fn the_registrations_table_filters_searches_and_pages(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "0", "0", "invite_only");
    for n in 0..55 {
        server.post(
            "/api/v1/events/ws/entries",
            json!({"email": format!("p{n:02}@example.org"), "name": format!("Person {n:02}"), "affiliation": if n == 7 { "Leiden University" } else { "Elsewhere" }, "preference": "either", "consent": true}),
        );
    }
    let page = organizer
        .get("/organizer/events/ws/registrations?sort=name")
        .1;
    assert!(page.contains("55 registrations match"));
    assert!(page.contains("Page 1 of 2"));
    assert!(page.contains("Person 00") && !page.contains("Person 54"));
    let page = organizer
        .get("/organizer/events/ws/registrations?sort=name&dir=desc")
        .1;
    assert!(page.contains("Person 54") && !page.contains("Person 00"));
    let page = organizer
        .get("/organizer/events/ws/registrations?q=leiden")
        .1;
    assert!(
        page.contains("1 registration match"),
        "search by affiliation"
    );
    assert!(page.contains("Person 07"));
    let page = organizer
        .get("/organizer/events/ws/registrations?status=confirmed")
        .1;
    assert!(page.contains("0 registrations match"));
    let page = organizer.get("/organizer/events/ws/registrations?q=%25").1;
    assert!(
        page.contains("0 registrations match"),
        "% is matched as itself"
    );
    // The counts of one version are kept; a change makes a new version, counted anew.
    let repeat = organizer
        .get("/organizer/events/ws/registrations?sort=name")
        .1;
    assert!(repeat.contains("55 registrations match"));
    server.enter("ws", "p55@example.org", "either");
    for (query, count) in [("?sort=name", 56), ("?status=pending_email", 56)] {
        let page = organizer
            .get(&format!("/organizer/events/ws/registrations{query}"))
            .1;
        assert!(
            page.contains(&format!("{count} registrations match")),
            "{query}"
        );
    }
}

fn participants_export_as_csv_and_the_calendar_feed(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "5", "5", "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    let (status, csv) = organizer.get("/organizer/events/ws/export.csv");
    assert_eq!(status, 200);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,name,email,affiliation,status,mode,preference,position,hold_until,registered_at,checked_in_at,language")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains(",Person room@example.org,room@example.org,,confirmed,in_person,"));
    let (_, online) = organizer.get("/organizer/events/ws/export.csv?mode=virtual");
    assert_eq!(online.lines().count(), 2);
    assert!(online.contains("online@example.org"));
    let (status, feed) = organizer.get("/organizer/calendar.ics");
    assert_eq!(status, 200);
    assert!(feed.contains("BEGIN:VEVENT") && feed.contains("Workshop ws"));
}

fn api_tokens_are_shown_once_and_revoked(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let (status, _, page) = organizer.post("/organizer/tokens", &[("name", "scripts")]);
    assert_eq!(status, 200);
    let at = page.find("<code class=\"token\">").unwrap() + "<code class=\"token\">".len();
    let token = page[at..at + page[at..].find('<').unwrap()].to_owned();
    let call = |token: &str| {
        reqwest::blocking::Client::new()
            .get(server.url("/api/v1/events/nothing/registrations"))
            .bearer_auth(token)
            .send()
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(
        call(&token),
        404,
        "the token works (unknown event, not 401)"
    );
    let list = organizer.get("/organizer/tokens").1;
    assert!(!list.contains(&token), "shown only once");
    let id = {
        let at = list.find("/organizer/tokens/").unwrap() + "/organizer/tokens/".len();
        list[at..at + list[at..].find('/').unwrap()].to_owned()
    };
    let (status, _, _) = organizer.post(&format!("/organizer/tokens/{id}/revoke"), &[]);
    assert_eq!(status, 303);
    assert_eq!(call(&token), 401, "a revoked token no longer works");
    let (status, _, _) = organizer.post("/organizer/tokens/999999/revoke", &[]);
    assert_eq!(status, 404, "an unknown token is not reported revoked");
}

fn the_outbox_lists_every_email(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "2", "0", "invite_only");
    server.invite("ws", "bob@example.org", "in_person");
    let page = organizer.get("/organizer/outbox").1;
    assert!(page.contains("bob@example.org"));
    assert!(page.contains("invitation"));
    let (status, _, _) = organizer.post("/organizer/outbox/999999/retry", &[]);
    assert_eq!(status, 404, "an unknown email is not reported retried");
}

fn a_message_to_a_group_is_previewed_then_sent_through_the_outbox(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "1", "5", "open");
    server.join("ws", "room@example.org", "in_person");
    server.join("ws", "online@example.org", "virtual");
    server.join("ws", "waiting@example.org", "in_person");
    let form = organizer.get("/organizer/events/ws/message").1;
    assert!(form.contains("Confirmed, in person (1)"), "{form}");
    assert!(form.contains("Waiting list (1)"));
    let fields = [
        ("group", "confirmed_in_person"),
        ("subject", "Room change"),
        ("body", "We moved to <b>room 2</b>.\n\nSee you there."),
    ];
    let (status, _, preview) = organizer.post("/organizer/events/ws/message/preview", &fields);
    assert_eq!(status, 200);
    assert!(preview.contains("Send to 1 person"), "{preview}");
    assert!(preview.contains("&lt;b&gt;room 2&lt;/b&gt;"), "escaped");
    assert_eq!(
        server.emails_to("room@example.org").len(),
        2,
        "a preview sends nothing"
    );
    let (status, _, empty) = organizer.post(
        "/organizer/events/ws/message/preview",
        &[("group", "nobody"), ("subject", ""), ("body", "")],
    );
    assert_eq!(status, 422);
    assert!(empty.contains("field-subject-error") && empty.contains("field-body-error"));
    let (status, to, _) = organizer.post("/organizer/events/ws/message", &fields);
    assert_eq!(status, 303);
    assert!(to.starts_with("/organizer/events/ws/message?send="), "{to}");
    let mails = server.wait_for_email("room@example.org", 3);
    assert_eq!(mails[2].subject, "Room change");
    assert!(mails[2].text.contains("See you there."));
    assert!(
        mails[2].token.is_some(),
        "the message carries the personal link"
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        server.emails_to("online@example.org").len(),
        2,
        "other groups get nothing"
    );
    assert_eq!(server.emails_to("waiting@example.org").len(), 2);
    let audit = organizer.get("/organizer/events/ws/audit").1;
    assert!(audit.contains("Room change"));
    let outbox = organizer.get("/organizer/outbox").1;
    assert!(outbox.contains("organizer message"));
}

fn an_event_is_edited_in_its_time_zone_and_duplicated(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "2", "", "draft");
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(
        event["virtual_capacity"],
        serde_json::Value::Null,
        "empty is unlimited"
    );
    let form = organizer.get("/organizer/events/ws/edit").1;
    assert!(form.contains("value=\"Workshop ws\""));
    let (status, to, body) = organizer.post(
        "/organizer/events/ws/edit",
        &[
            ("title", "Renamed workshop"),
            ("slug", "ws"),
            ("timezone", "America/New_York"),
            ("starts_at", "2030-06-01T09:00"),
            ("ends_at", "2030-06-01T17:30"),
            ("venue", "Hall B"),
            ("meeting_url", ""),
            ("in_person_capacity", "4"),
            ("virtual_capacity", "0"),
            ("offer_window_hours", "24"),
            ("invitation_window_days", "7"),
            ("auto_confirm", "yes"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    assert_eq!(to, "/organizer/events/ws?done=saved");
    let event = server.organizer_get("/api/v1/events/ws").1;
    assert_eq!(event["title"], "Renamed workshop");
    assert_eq!(
        event["phase"], "draft",
        "the settings form leaves the phase alone"
    );
    let starts =
        chrono::DateTime::parse_from_rfc3339(event["starts_at"].as_str().unwrap()).unwrap();
    assert_eq!(
        starts.with_timezone(&chrono::Utc).to_rfc3339(),
        "2030-06-01T13:00:00+00:00",
        "09:00 in New York"
    );
    assert_eq!(event["auto_confirm"], true);
    assert_eq!(event["meeting_url"], serde_json::Value::Null);

    let copy = organizer.get("/organizer/events/new?from=ws").1;
    assert!(copy.contains("value=\"ws-copy\""));
    assert!(copy.contains("value=\"Renamed workshop (copy)\""));
    assert!(
        copy.contains("value=\"2030-06-01T09:00\""),
        "times stay in the event's zone"
    );
    let audit = organizer.get("/organizer/events/ws/audit").1;
    assert!(audit.contains("organizer ada@example.org"));
    assert!(audit.contains("event created in phase draft"));
}

fn an_uploaded_csv_file_is_previewed_like_a_pasted_list(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "5", "5", "invite_only");
    let file = reqwest::blocking::multipart::Part::bytes(
        "email,name,mode\r\nada@example.org,\"Lovelace, Ada\",in_person\r\nbob@example.org,Bob,online\r\nbad,Nobody,\r\n"
            .as_bytes()
            .to_vec(),
    )
    .file_name("invitees.csv")
    .mime_str("text/csv")
    .unwrap();
    let form = reqwest::blocking::multipart::Form::new()
        .text("csrf", organizer.csrf.clone())
        .text("list", "")
        .part("file", file);
    let response = organizer
        .http
        .post(server.url("/organizer/events/ws/invitations/preview"))
        .multipart(form)
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().unwrap();
    assert!(
        page.contains(
            "<strong>2</strong> valid, <strong>0</strong> duplicate, <strong>1</strong> invalid"
        ),
        "{page}"
    );
    assert!(page.contains("Lovelace, Ada"));
    assert!(page.contains("Send 2 invitations"));
}

on_both_databases!(
    signing_in_with_the_link_of_organizer_add_and_signing_out,
    signing_out_ends_every_copy_of_the_session,
    repeated_failed_sign_ins_are_rate_limited,
    every_dashboard_route_refuses_a_visitor_who_is_not_signed_in,
    a_form_without_or_with_a_wrong_csrf_token_changes_nothing,
    an_event_form_names_each_bad_field,
    invitations_from_a_pasted_list_are_previewed_then_sent,
    a_deadline_is_changed_and_an_invitation_resent_and_revoked,
    the_waiting_line_is_reordered_promoted_and_trimmed,
    raising_capacity_previews_and_then_offers_the_seat,
    the_phase_change_says_what_it_will_do,
    the_registrations_table_filters_searches_and_pages,
    participants_export_as_csv_and_the_calendar_feed,
    api_tokens_are_shown_once_and_revoked,
    the_outbox_lists_every_email,
    a_message_to_a_group_is_previewed_then_sent_through_the_outbox,
    an_event_is_edited_in_its_time_zone_and_duplicated,
    an_uploaded_csv_file_is_previewed_like_a_pasted_list,
    a_session_in_use_is_renewed,
);
