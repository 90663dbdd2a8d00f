//! The calendar feed for calendar apps, which cannot sign in: each organizer's secret link,
//! shown once, stored hashed, replaced or revoked from the dashboard, answering what the
//! signed-in feed answers and never standing in for a session.

use reqwest::blocking::Client;
use reqwest::header::{CONTENT_TYPE, SET_COOKIE};
use reqwest::redirect::Policy;
use sha2::{Digest, Sha256};

use super::{location, Organizer};
use crate::common::{Db, Server};

/// The link shown on the page right after making one.
fn link_on(page: &str) -> String {
    let start = "<code class=\"token\">";
    let at = page.find(start).expect("the new link is shown") + start.len();
    page[at..at + page[at..].find('<').unwrap()].to_owned()
}

/// A calendar without the lines that say when it was written.
fn content(ics: &str) -> Vec<&str> {
    ics.lines().filter(|l| !l.starts_with("DTSTAMP")).collect()
}

#[derive(diesel::QueryableByName)]
struct Stored {
    #[diesel(sql_type = diesel::sql_types::Text)]
    token_hash: String,
}

/// What the database keeps of the live links.
fn stored_links(db: &Db) -> Vec<String> {
    use diesel::{Connection, RunQueryDsl};
    let query = diesel::sql_query("SELECT token_hash FROM calendar_feeds WHERE revoked_at IS NULL");
    let rows: Vec<Stored> = if db.is_postgres() {
        query.load(&mut diesel::PgConnection::establish(&db.url).unwrap())
    } else {
        query.load(&mut diesel::SqliteConnection::establish(&db.url).unwrap())
    }
    .unwrap();
    rows.into_iter().map(|r| r.token_hash).collect()
}

/// A calendar app: no cookies, redirects not followed.
fn calendar_app() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

fn a_calendar_app_subscribes_by_a_secret_link_shown_once_and_revocable(db: &Db) {
    let server = Server::start(db);
    let ada = Organizer::sign_up(&server, db, "ada@example.org");
    ada.create_event("ws", "5", "5", "draft");
    let (status, page) = ada.get("/organizer/calendar");
    assert_eq!(status, 200);
    assert!(page.contains("You have no live link"), "{page}");
    assert!(stored_links(db).is_empty());

    let (status, _, made) = ada.post("/organizer/calendar/link", &[]);
    assert_eq!(status, 200, "{made}");
    let url = link_on(&made);
    let prefix = server.url("/calendar/");
    assert!(url.starts_with(&prefix) && url.ends_with(".ics"), "{url}");
    let secret = url[prefix.len()..url.len() - ".ics".len()].to_owned();
    assert!(secret.len() >= 22, "{secret}");

    let app = calendar_app();
    let response = app.get(&url).send().unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(
        response.headers().get(SET_COOKIE).is_none(),
        "no session is made or renewed"
    );
    let subscribed = response.text().unwrap();
    let (_, signed_in) = ada.get("/organizer/calendar.ics");
    assert_eq!(content(&subscribed), content(&signed_in), "the same feed");
    assert!(subscribed.contains("Workshop ws (draft)"), "{subscribed}");
    let dashboard = app.get(server.url("/organizer")).send().unwrap();
    assert_eq!(dashboard.status(), 303, "the link is no session");
    assert_eq!(location(&dashboard), "/organizer/login");

    let (_, again) = ada.get("/organizer/calendar");
    assert!(!again.contains(&secret), "shown only once");
    assert!(again.contains("is live"), "{again}");
    let hash = format!("{:x}", Sha256::digest(secret.as_bytes()));
    assert_eq!(stored_links(db), [hash], "only its hash is kept");

    // Each organizer has a link of their own.
    let bob = Organizer::sign_up(&server, db, "bob@example.org");
    let (_, _, bobs_page) = bob.post("/organizer/calendar/link", &[]);
    let bobs = link_on(&bobs_page);
    assert_eq!(stored_links(db).len(), 2);

    // A new link replaces the old one.
    let (status, _, remade) = ada.post("/organizer/calendar/link", &[]);
    assert_eq!(status, 200);
    let newer = link_on(&remade);
    assert_ne!(newer, url);
    assert_eq!(app.get(&url).send().unwrap().status(), 404, "replaced");
    assert_eq!(app.get(&newer).send().unwrap().status(), 200);
    assert_eq!(stored_links(db).len(), 2, "one live link each");

    let (status, to, _) = ada.post("/organizer/calendar/link/revoke", &[]);
    assert_eq!(status, 303);
    assert_eq!(to, "/organizer/calendar?done=revoked-feed");
    assert_eq!(app.get(&newer).send().unwrap().status(), 404, "revoked");
    assert_eq!(app.get(&bobs).send().unwrap().status(), 200, "not bob's");
    let (_, after) = ada.get("/organizer/calendar?done=revoked-feed");
    assert!(after.contains("The link was revoked") && after.contains("You have no live link"));
    let (status, _, _) = ada.post("/organizer/calendar/link/revoke", &[]);
    assert_eq!(status, 404, "nothing left to revoke");

    for path in [
        "/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics",
        "/calendar/not-a-link.ics",
        &format!("/calendar/{secret}"),
    ] {
        let response = app.get(server.url(path)).send().unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert!(response.headers().get(SET_COOKIE).is_none(), "{path}");
    }
}

fn making_or_revoking_a_link_needs_a_session_and_its_csrf_token(db: &Db) {
    let server = Server::start(db);
    let ada = Organizer::sign_up(&server, db, "ada@example.org");
    let (_, _, made) = ada.post("/organizer/calendar/link", &[]);
    let url = link_on(&made);
    let visitor = calendar_app();
    for path in [
        "/organizer/calendar/link",
        "/organizer/calendar/link/revoke",
    ] {
        let response = visitor.post(server.url(path)).send().unwrap();
        assert_eq!(response.status(), 303, "{path}");
        let forged = ada
            .http
            .post(server.url(path))
            .form(&[("csrf", "wrong-token-wrong-token-1")])
            .send()
            .unwrap();
        assert_eq!(forged.status(), 403, "{path}");
    }
    assert_eq!(
        visitor.get(&url).send().unwrap().status(),
        200,
        "still live"
    );
    assert_eq!(stored_links(db).len(), 1, "nothing was made");
}

/// An unknown link counts like an unknown personal link: guessing is stopped.
#[test]
fn guessing_calendar_feed_links_is_rate_limited() {
    let db = Db::sqlite();
    let server = Server::start_with(&db, &[("REGISTRAR_RATE_LIMITS", "on")]);
    let statuses: Vec<u16> = (0..40)
        .map(|i| {
            let guess = format!("{i:0>22}");
            server.get(&format!("/calendar/{guess}.ics")).0
        })
        .collect();
    assert!(statuses[..30].iter().all(|s| *s == 404), "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
}

on_both_databases!(
    a_calendar_app_subscribes_by_a_secret_link_shown_once_and_revocable,
    making_or_revoking_a_link_needs_a_session_and_its_csrf_token,
);
