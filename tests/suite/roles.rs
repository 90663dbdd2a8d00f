//! Roles (SPEC.md, "The team"): a `check_in` helper, signed in or with an API token,
//! reaches the check-in page and the participant lists only; every other organizer route
//! answers 403 and changes nothing. The table below is every route of the server, all
//! methods; a test counts the routes `src/web` registers against it, so a new one cannot
//! be left out. Also: the team page (invitations by email, roles, the last owner) and
//! `registrar token create --role`.

use std::process::Command;

use reqwest::blocking::Client;
use reqwest::redirect::Policy;
use reqwest::Method;
use serde_json::json;

use crate::common::{Db, Server, BIN};
use crate::dashboard::Organizer;

/// Who may use a route: anyone (public pages, participants' links, signing in), a
/// dashboard session, or an organizer API token.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anyone,
    Session,
    Token,
}

/// Every route as registered in `src/web`, with its method.
const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/healthz", Who::Anyone),
    ("GET", "/readyz", Who::Anyone),
    ("GET", "/metrics", Who::Anyone),
    ("GET", "/", Who::Anyone),
    ("GET", "/language", Who::Anyone),
    ("GET", "/events/{slug}", Who::Anyone),
    ("GET", "/events/{slug}/join", Who::Anyone),
    ("POST", "/events/{slug}/join", Who::Anyone),
    ("GET", "/r/{token}", Who::Anyone),
    ("GET", "/r/{token}/calendar.ics", Who::Anyone),
    ("GET", "/r/{token}/{action}", Who::Anyone),
    ("POST", "/r/{token}/{action}", Who::Anyone),
    ("GET", "/privacy", Who::Anyone),
    ("GET", "/static/{file}", Who::Anyone),
    ("GET", "/newsletter", Who::Anyone),
    ("POST", "/newsletter", Who::Anyone),
    ("GET", "/newsletter/confirm/{token}", Who::Anyone),
    ("GET", "/newsletter/unsubscribe/{token}", Who::Anyone),
    ("POST", "/newsletter/unsubscribe/{token}", Who::Anyone),
    ("GET", "/static/organizer.css", Who::Anyone),
    ("GET", "/calendar/{secret}.ics", Who::Anyone),
    ("GET", "/events.ics", Who::Anyone),
    ("GET", "/series/{slug}.ics", Who::Anyone),
    ("GET", "/series/{slug}", Who::Anyone),
    ("GET", "/organizer/login", Who::Anyone),
    ("POST", "/organizer/login", Who::Anyone),
    ("GET", "/organizer/welcome/{token}", Who::Anyone),
    ("POST", "/organizer/welcome/{token}", Who::Anyone),
    ("POST", "/organizer/logout", Who::Session),
    ("GET", "/organizer", Who::Session),
    ("GET", "/organizer/", Who::Session),
    ("GET", "/organizer/events/new", Who::Session),
    ("POST", "/organizer/events", Who::Session),
    ("GET", "/organizer/events/{slug}", Who::Session),
    ("GET", "/organizer/events/{slug}/edit", Who::Session),
    ("POST", "/organizer/events/{slug}/edit", Who::Session),
    ("POST", "/organizer/events/{slug}/phase", Who::Session),
    ("GET", "/organizer/events/{slug}/capacity", Who::Session),
    ("POST", "/organizer/events/{slug}/capacity", Who::Session),
    ("GET", "/organizer/events/{slug}/invitations", Who::Session),
    (
        "POST",
        "/organizer/events/{slug}/invitations/preview",
        Who::Session,
    ),
    (
        "POST",
        "/organizer/events/{slug}/invitations/send",
        Who::Session,
    ),
    (
        "GET",
        "/organizer/events/{slug}/registrations",
        Who::Session,
    ),
    ("GET", "/organizer/events/{slug}/line", Who::Session),
    ("GET", "/organizer/events/{slug}/check-in", Who::Session),
    ("GET", "/organizer/check-in/{id}", Who::Session),
    ("POST", "/organizer/check-in/{id}", Who::Session),
    ("POST", "/organizer/check-in/{id}/undo", Who::Session),
    ("GET", "/organizer/team", Who::Session),
    ("POST", "/organizer/team/invite", Who::Session),
    ("POST", "/organizer/team/{id}/role", Who::Session),
    ("POST", "/organizer/team/{id}/remove", Who::Session),
    (
        "POST",
        "/organizer/registrations/{id}/{action}",
        Who::Session,
    ),
    ("GET", "/organizer/events/{slug}/export.csv", Who::Session),
    ("GET", "/organizer/events/{slug}/calendar.ics", Who::Session),
    ("GET", "/organizer/calendar.ics", Who::Session),
    ("GET", "/organizer/calendar", Who::Session),
    ("POST", "/organizer/calendar/link", Who::Session),
    ("POST", "/organizer/calendar/link/revoke", Who::Session),
    ("GET", "/organizer/events/{slug}/message", Who::Session),
    (
        "POST",
        "/organizer/events/{slug}/message/preview",
        Who::Session,
    ),
    ("POST", "/organizer/events/{slug}/message", Who::Session),
    ("GET", "/organizer/events/{slug}/audit", Who::Session),
    ("GET", "/organizer/events/{slug}/programme", Who::Session),
    ("POST", "/organizer/events/{slug}/programme", Who::Session),
    ("GET", "/organizer/events/{slug}/questions", Who::Session),
    ("POST", "/organizer/events/{slug}/questions", Who::Session),
    ("GET", "/organizer/events/{slug}/groups", Who::Session),
    (
        "GET",
        "/organizer/events/{slug}/representation",
        Who::Session,
    ),
    ("GET", "/organizer/outbox", Who::Session),
    ("POST", "/organizer/outbox/{id}/retry", Who::Session),
    ("GET", "/organizer/outbox/sends/{id}", Who::Session),
    ("GET", "/organizer/newsletter", Who::Session),
    ("GET", "/organizer/newsletter/write", Who::Session),
    ("POST", "/organizer/newsletter/preview", Who::Session),
    ("POST", "/organizer/newsletter/test", Who::Session),
    ("POST", "/organizer/newsletter/confirm", Who::Session),
    ("POST", "/organizer/newsletter/send", Who::Session),
    ("GET", "/organizer/newsletter/issues/{id}", Who::Session),
    (
        "POST",
        "/organizer/newsletter/issues/{id}/retry/{email}",
        Who::Session,
    ),
    ("GET", "/organizer/newsletter/subscribers", Who::Session),
    ("GET", "/organizer/newsletter/subscribers.csv", Who::Session),
    (
        "POST",
        "/organizer/newsletter/subscribers/import",
        Who::Session,
    ),
    ("GET", "/organizer/site", Who::Session),
    ("POST", "/organizer/site", Who::Session),
    ("GET", "/organizer/tokens", Who::Session),
    ("POST", "/organizer/tokens", Who::Session),
    ("POST", "/organizer/tokens/{id}/revoke", Who::Session),
    ("GET", "/api/v1/openapi.json", Who::Anyone),
    ("GET", "/api/v1/events", Who::Anyone),
    ("POST", "/api/v1/events", Who::Token),
    ("GET", "/api/v1/site", Who::Anyone),
    ("PATCH", "/api/v1/site", Who::Token),
    ("GET", "/api/v1/events/{slug}", Who::Anyone),
    ("PATCH", "/api/v1/events/{slug}", Who::Token),
    ("POST", "/api/v1/events/{slug}/invitations", Who::Token),
    ("GET", "/api/v1/events/{slug}/registrations", Who::Token),
    ("GET", "/api/v1/events/{slug}/audit", Who::Token),
    ("GET", "/api/v1/events/{slug}/representation", Who::Token),
    ("POST", "/api/v1/newsletter/subscribers", Who::Anyone),
    ("GET", "/api/v1/newsletter/subscribers", Who::Token),
    ("POST", "/api/v1/newsletter/issues", Who::Token),
    ("GET", "/api/v1/newsletter/issues/{id}", Who::Token),
    ("GET", "/api/v1/events/{slug}/export.csv", Who::Token),
    ("POST", "/api/v1/events/{slug}/entries", Who::Anyone),
    ("POST", "/api/v1/events/{slug}/duplicate", Who::Token),
    ("POST", "/api/v1/events/{slug}/messages", Who::Token),
    ("POST", "/api/v1/events/{slug}/messages/preview", Who::Token),
    ("POST", "/api/v1/registrations/{id}/revoke", Who::Token),
    ("POST", "/api/v1/registrations/{id}/promote", Who::Token),
    ("POST", "/api/v1/registrations/{id}/resend", Who::Token),
    ("POST", "/api/v1/registrations/{id}/move", Who::Token),
    ("POST", "/api/v1/registrations/{id}/hold", Who::Token),
    ("POST", "/api/v1/registrations/{id}/check-in", Who::Token),
    ("DELETE", "/api/v1/registrations/{id}/check-in", Who::Token),
    ("GET", "/api/v1/outbox", Who::Token),
    ("POST", "/api/v1/outbox/{id}/retry", Who::Token),
    ("GET", "/api/v1/tokens", Who::Token),
    ("POST", "/api/v1/tokens", Who::Token),
    ("POST", "/api/v1/tokens/{id}/revoke", Who::Token),
    ("GET", "/api/v1/me/{token}", Who::Anyone),
    ("DELETE", "/api/v1/me/{token}", Who::Anyone),
    ("POST", "/api/v1/me/{token}/confirm-email", Who::Anyone),
    ("POST", "/api/v1/me/{token}/accept", Who::Anyone),
    ("POST", "/api/v1/me/{token}/decline", Who::Anyone),
    ("POST", "/api/v1/me/{token}/cancel", Who::Anyone),
    ("POST", "/api/v1/me/{token}/switch", Who::Anyone),
    ("POST", "/api/v1/me/{token}/wait-for", Who::Anyone),
    ("DELETE", "/api/v1/me/{token}/wait-for", Who::Anyone),
    ("POST", "/api/v1/me/{token}/attend-virtually", Who::Anyone),
    ("POST", "/api/v1/me/{token}/reconfirm", Who::Anyone),
];

/// What a check-in helper may use (API.md: read events and registrations, and check-in;
/// the dashboard's check-in page and participant lists). Every other organizer route of
/// the table is refused.
const HELPER_ROUTES: &[(&str, &str)] = &[
    ("POST", "/organizer/logout"),
    ("GET", "/organizer"),
    ("GET", "/organizer/"),
    ("GET", "/organizer/events/{slug}/registrations"),
    ("GET", "/organizer/events/{slug}/check-in"),
    ("GET", "/organizer/check-in/{id}"),
    ("POST", "/organizer/check-in/{id}"),
    ("POST", "/organizer/check-in/{id}/undo"),
    ("POST", "/api/v1/registrations/{id}/check-in"),
    ("DELETE", "/api/v1/registrations/{id}/check-in"),
    ("GET", "/api/v1/events/{slug}/registrations"),
];

/// The table lists as many routes as `src/web` registers, every method counted.
#[test]
fn the_table_holds_every_route_of_every_method() {
    let registered = crate::common::routes_registered(&["get", "post", "patch", "put", "delete"]);
    assert_eq!(
        registered,
        ROUTES.len(),
        "src/web registers {registered} routes; add the new ones to ROUTES"
    );
    for (method, path) in HELPER_ROUTES {
        assert!(
            ROUTES.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} is in no route of the table"
        );
    }
}

fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = page.find(marker).expect("a form with a CSRF token");
    let rest = &page[at + marker.len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// A new API token with a role, made with the command line.
fn token_with_role(db: &Db, role: &str) -> String {
    let output = Command::new(BIN)
        .args(["token", "create", "--name", "helper", "--role", role])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains(&format!("({role})")), "{stdout}");
    stdout.lines().last().unwrap().trim().to_owned()
}

/// An owner invites `email` with `role` from the team page; the invitee sets a password
/// from the emailed one-time link and is signed in.
pub(crate) fn invited_member(
    server: &Server,
    owner: &Organizer,
    email: &str,
    role: &str,
) -> Organizer {
    let (status, to, body) = owner.post(
        "/organizer/team/invite",
        &[("email", email), ("role", role)],
    );
    assert_eq!(
        (status, to.as_str()),
        (303, "/organizer/team?done=invited"),
        "{body}"
    );
    let mail = server.wait_for_email(email, 1).pop().unwrap();
    let at = mail
        .text
        .find("/organizer/welcome/")
        .expect("a one-time link");
    let link: String = mail.text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    let http = browser();
    let password = "a long door password";
    let response = http
        .post(server.url(&link))
        .form(&[("password", password), ("repeat", password)])
        .send()
        .unwrap();
    assert_eq!(response.status(), 303, "{}", response.text().unwrap());
    let home = http.get(server.url("/organizer")).send().unwrap();
    assert_eq!(home.status(), 200);
    let page = home.text().unwrap();
    assert!(page.contains(email), "{page}");
    Organizer {
        http,
        base: server.base.clone(),
        csrf: csrf_of(&page),
    }
}

fn filled(path: &str, slug: &str, id: &str) -> String {
    path.replace("{slug}", slug)
        .replace("{id}", id)
        .replace("{email}", id)
        .replace("{action}", "revoke")
}

fn a_check_in_helper_reaches_only_the_door_and_the_list(db: &Db) {
    let server = Server::start(db);
    server.create_event("door", 5, Some(5), "open");
    server.join("door", "ada@example.org", "in_person");
    server.invite("door", "bob@example.org", "in_person");
    let id = server.registrations("door", "?status=confirmed")[0]["id"].to_string();
    let owner = Organizer::sign_up(&server, db, "owner@example.org");
    let helper = invited_member(&server, &owner, "door@example.org", "check_in");
    let token = token_with_role(db, "check_in");
    db.wait_for_the_outbox();
    let before = db.snapshot();

    let mut refused = 0;
    for (method, path, who) in ROUTES {
        let may = HELPER_ROUTES.contains(&(*method, *path));
        let address = filled(path, "door", &id);
        let status = match who {
            Who::Anyone => continue,
            // What a helper may post changes things on purpose: tested below.
            _ if may && *method != "GET" => continue,
            Who::Session => {
                let url = server.url(&address);
                let request = match *method {
                    "GET" => helper.http.get(url),
                    _ => helper
                        .http
                        .post(url)
                        .form(&[("csrf", helper.csrf.as_str())]),
                };
                request.send().unwrap().status().as_u16()
            }
            Who::Token => server
                .http
                .request(
                    Method::from_bytes(method.as_bytes()).unwrap(),
                    server.url(&address),
                )
                .bearer_auth(&token)
                .json(&json!({}))
                .send()
                .unwrap()
                .status()
                .as_u16(),
        };
        if may {
            assert_eq!(status, 200, "{method} {address} is open to a helper");
        } else {
            assert_eq!(
                status, 403,
                "{method} {address} answered {status} to a helper"
            );
            refused += 1;
        }
    }
    assert!(refused > 50, "only {refused} routes were tried");
    // A refused API request says why, in the contract's words.
    let (status, body) = {
        let response = server
            .http
            .patch(server.url("/api/v1/events/door"))
            .bearer_auth(&token)
            .json(&json!({"title": "Taken over"}))
            .send()
            .unwrap();
        (
            response.status().as_u16(),
            response.json::<serde_json::Value>().unwrap(),
        )
    };
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let page = helper.get("/organizer/events/door/edit").1;
    assert!(page.contains("Not open to your role"), "{page}");
    // The list a helper sees offers nothing they may not do.
    let list = helper.get("/organizer/events/door/registrations").1;
    assert!(
        list.contains("ada@example.org") && !list.contains(">Revoke<"),
        "{list}"
    );
    assert!(!list.contains("/organizer/outbox"), "{list}");
    db.wait_for_the_outbox();
    let after = db.snapshot();
    let changed: Vec<_> = after.iter().filter(|row| !before.contains(row)).collect();
    let gone: Vec<_> = before.iter().filter(|row| !after.contains(row)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "a helper changed rows:\nnew or changed: {changed:#?}\ngone: {gone:#?}"
    );

    // What a helper may do: check someone in, and undo it.
    let check_in = format!("/api/v1/registrations/{id}/check-in");
    let send = |method: Method| {
        let response = server
            .http
            .request(method, server.url(&check_in))
            .bearer_auth(&token)
            .send()
            .unwrap();
        (
            response.status().as_u16(),
            response.json::<serde_json::Value>().unwrap(),
        )
    };
    let (status, arrived) = send(Method::POST);
    assert_eq!(status, 200, "{arrived}");
    assert!(arrived["checked_in_at"].is_string(), "{arrived}");
    let (_, undone) = send(Method::DELETE);
    assert!(undone["checked_in_at"].is_null(), "{undone}");
    let audit = server.organizer_get("/api/v1/events/door/audit").1;
    let actors: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["note"] == "checked in")
        .filter_map(|e| e["actor"].as_str())
        .collect();
    assert_eq!(actors, ["organizer (API token \"helper\")"]);
}

fn the_last_owner_can_be_neither_removed_nor_demoted(db: &Db) {
    let server = Server::start(db);
    let owner = Organizer::sign_up(&server, db, "owner@example.org");
    let colleague = invited_member(&server, &owner, "colleague@example.org", "organizer");
    let team = owner.get("/organizer/team").1;
    assert!(team.contains("colleague@example.org"), "{team}");
    let id_of = |email: &str| {
        db.count(&format!(
            "SELECT id AS n FROM organizers WHERE email = '{email}'"
        ))
    };
    let (me, them) = (id_of("owner@example.org"), id_of("colleague@example.org"));
    // The server made a first owner of its own at start, who never signed up: gone.
    let (status, _, _) = owner.post(
        &format!("/organizer/team/{}/remove", id_of("organizer@localhost")),
        &[],
    );
    assert_eq!(status, 303);
    let before = db.snapshot();
    let (status, _, body) = owner.post(
        &format!("/organizer/team/{me}/role"),
        &[("role", "organizer")],
    );
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("needs an owner"), "{body}");
    let (status, _, _) = owner.post(&format!("/organizer/team/{me}/remove"), &[]);
    assert_eq!(status, 409);
    let (status, _, body) =
        owner.post(&format!("/organizer/team/{them}/role"), &[("role", "boss")]);
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("must be one of"), "{body}");
    assert_eq!(before, db.snapshot(), "a refused change changed nothing");
    // An organizer does not reach the team; once an owner, they do.
    assert_eq!(colleague.get("/organizer/team").0, 403);
    let (status, to, _) = owner.post(
        &format!("/organizer/team/{them}/role"),
        &[("role", "owner")],
    );
    assert_eq!((status, to.as_str()), (303, "/organizer/team?done=role"));
    assert_eq!(colleague.get("/organizer/team").0, 200);
    // With two owners, one may step down, and then be removed.
    let (status, _, _) = owner.post(
        &format!("/organizer/team/{me}/role"),
        &[("role", "organizer")],
    );
    assert_eq!(status, 303);
    let (status, _, _) = colleague.post(&format!("/organizer/team/{me}/remove"), &[]);
    assert_eq!(status, 303);
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM organizers"), 1);
    // A removed organizer's session ends with them.
    assert_eq!(owner.get("/organizer").0, 303);
}

fn a_role_that_does_not_exist_is_refused(db: &Db) {
    let output = Command::new(BIN)
        .args(["token", "create", "--name", "x", "--role", "boss"])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let server = Server::start(db);
    // The server makes its first organizer's link just after it starts listening.
    while db.count("SELECT COUNT(*) AS n FROM organizers") == 0 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = db.snapshot();
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/tokens",
        json!({"name": "x", "role": "boss"}),
    );
    assert_eq!(status, 422, "{body}");
    assert!(body["error"]["fields"]["role"].is_array(), "{body}");
    // A token made by the command line is an organizer's: it cannot make an owner's.
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/tokens",
        json!({"name": "x", "role": "owner"}),
    );
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    assert_eq!(before, db.snapshot());
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/tokens",
        json!({"name": "door", "role": "check_in"}),
    );
    assert_eq!(
        (status, body["role"].as_str()),
        (201, Some("check_in")),
        "{body}"
    );
}

on_both_databases!(
    a_check_in_helper_reaches_only_the_door_and_the_list,
    the_last_owner_can_be_neither_removed_nor_demoted,
    a_role_that_does_not_exist_is_refused,
);
