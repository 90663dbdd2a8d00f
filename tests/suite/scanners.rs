//! Mail scanners at universities open every link of a message with a GET, before the
//! person reads it. So no GET changes anything stored, except the two that confirm an
//! address (`/r/{token}` of an unconfirmed entry, `/newsletter/confirm/{token}`). The
//! table below is every GET route of the server; a new one must be added to it.

use crate::common::{Db, Server};
use crate::dashboard::{organizer_link, Organizer};

/// Every GET route, as registered in `src/web`; the ones only a signed-in organizer or an
/// API token opens are marked so. `{slug}`, `{token}`, `{action}` and the others are
/// filled with real values, each of every kind the test makes.
const GET_ROUTES: &[(&str, Who)] = &[
    ("/healthz", Who::Anyone),
    ("/readyz", Who::Anyone),
    ("/metrics", Who::Anyone),
    ("/", Who::Anyone),
    ("/events/{slug}", Who::Anyone),
    ("/events/{slug}/join", Who::Anyone),
    ("/r/{token}", Who::Anyone),
    ("/r/{token}/calendar.ics", Who::Anyone),
    ("/r/{token}/{action}", Who::Anyone),
    ("/privacy", Who::Anyone),
    // Sets the language cookie of the one who opens it, and stores nothing.
    ("/language?to=es&back=%2F", Who::Anyone),
    ("/static/{file}", Who::Anyone),
    ("/newsletter", Who::Anyone),
    ("/newsletter/confirm/{newsletter}", Who::Anyone),
    ("/newsletter/unsubscribe/{newsletter}", Who::Anyone),
    ("/static/organizer.css", Who::Anyone),
    ("/organizer/login", Who::Anyone),
    ("/organizer/welcome/{welcome}", Who::Anyone),
    ("/organizer", Who::Organizer),
    ("/organizer/", Who::Organizer),
    ("/organizer/events/new", Who::Organizer),
    ("/organizer/events/{slug}", Who::Organizer),
    ("/organizer/events/{slug}/edit", Who::Organizer),
    ("/organizer/events/{slug}/programme", Who::Organizer),
    ("/organizer/events/{slug}/representation", Who::Organizer),
    ("/organizer/events/{slug}/questions", Who::Organizer),
    ("/organizer/events/{slug}/groups", Who::Organizer),
    ("/organizer/events/{slug}/capacity", Who::Organizer),
    ("/organizer/events/{slug}/invitations", Who::Organizer),
    ("/organizer/events/{slug}/registrations", Who::Organizer),
    ("/organizer/events/{slug}/line", Who::Organizer),
    ("/organizer/events/{slug}/check-in", Who::Organizer),
    ("/organizer/check-in/{id}", Who::Organizer),
    ("/organizer/team", Who::Organizer),
    ("/organizer/events/{slug}/export.csv", Who::Organizer),
    ("/organizer/events/{slug}/calendar.ics", Who::Organizer),
    ("/organizer/calendar.ics", Who::Organizer),
    ("/organizer/events/{slug}/message", Who::Organizer),
    ("/organizer/events/{slug}/audit", Who::Organizer),
    ("/organizer/outbox", Who::Organizer),
    ("/organizer/outbox/sends/{send}", Who::Organizer),
    ("/organizer/tokens", Who::Organizer),
    ("/organizer/site", Who::Organizer),
    ("/organizer/newsletter", Who::Organizer),
    ("/organizer/newsletter/write", Who::Organizer),
    ("/organizer/newsletter/issues/{issue}", Who::Organizer),
    ("/organizer/newsletter/subscribers", Who::Organizer),
    ("/organizer/newsletter/subscribers.csv", Who::Organizer),
    ("/organizer/calendar", Who::Organizer),
    ("/calendar/{feed}.ics", Who::Anyone),
    ("/events.ics", Who::Anyone),
    ("/series/{series}", Who::Anyone),
    ("/series/{series}.ics", Who::Anyone),
    ("/api/v1/openapi.json", Who::Anyone),
    ("/api/v1/events", Who::Anyone),
    ("/api/v1/site", Who::Anyone),
    ("/api/v1/events/{slug}", Who::Anyone),
    ("/api/v1/events/{slug}/registrations", Who::Token),
    ("/api/v1/events/{slug}/audit", Who::Token),
    ("/api/v1/events/{slug}/export.csv", Who::Token),
    ("/api/v1/events/{slug}/representation", Who::Token),
    ("/api/v1/me/{token}", Who::Anyone),
    ("/api/v1/outbox", Who::Token),
    ("/api/v1/tokens", Who::Token),
    ("/api/v1/newsletter/subscribers", Who::Token),
    ("/api/v1/newsletter/issues/{issue}", Who::Token),
];

#[derive(Clone, Copy, PartialEq)]
enum Who {
    Anyone,
    Organizer,
    Token,
}

/// The table lists as many GET routes as `src/web` registers, so none is left out.
#[test]
fn the_table_holds_every_get_route() {
    let registered = crate::common::routes_registered(&["get"]);
    assert_eq!(
        registered,
        GET_ROUTES.len(),
        "src/web registers {registered} GET routes; add the new ones to GET_ROUTES"
    );
}

/// Who is waiting for the scanner: one link of each kind a message can carry.
struct Links {
    slug: String,
    personal: Vec<String>,
    unconfirmed: String,
    newsletter: String,
    welcome: String,
}

fn make_links(server: &Server, db: &Db) -> Links {
    let slug = "scanned";
    server.create_event(slug, 1, Some(10), "open");
    server.patch_event(slug, serde_json::json!({"series": "scanned-series"}));
    let (seated, _) = server.join(slug, "seated@example.org", "in_person");
    let (waiting, _) = server.join(slug, "waiting@example.org", "in_person");
    let (streamed, _) = server.join(slug, "streamed@example.org", "virtual");
    let invited = server.invite(slug, "invited@example.org", "virtual");
    server.enter(slug, "unconfirmed@example.org", "either");
    let unconfirmed = server
        .wait_for_email("unconfirmed@example.org", 1)
        .last()
        .unwrap()
        .token
        .clone()
        .unwrap();
    let form = [("email", "reader@example.org"), ("consent", "yes")];
    let response = server
        .http
        .post(server.url("/newsletter"))
        .form(&form)
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let mail = &server.wait_for_email("reader@example.org", 1)[0];
    let newsletter: String = mail.text.split("/newsletter/confirm/").nth(1).unwrap()[..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    // An issue (a test to one address), for the pages that show one.
    let (status, issue) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/newsletter/issues",
        serde_json::json!({"subject": "Scanned", "body": "Hello.", "test_to": "me@example.org"}),
    );
    assert_eq!(status, 202, "{issue}");
    Links {
        slug: slug.into(),
        personal: vec![seated, waiting, streamed, invited],
        unconfirmed,
        newsletter,
        welcome: organizer_link(db, "second@example.org"),
    }
}

/// Each address a pattern stands for, with every value of each placeholder.
fn addresses(pattern: &str, links: &Links) -> Vec<String> {
    let mut found = vec![pattern.replace("{slug}", &links.slug)];
    let fill = |found: Vec<String>, name: &str, values: &[String]| -> Vec<String> {
        found
            .into_iter()
            .flat_map(|address| {
                if address.contains(name) {
                    values.iter().map(|v| address.replace(name, v)).collect()
                } else {
                    vec![address]
                }
            })
            .collect()
    };
    found = fill(found, "{token}", &links.personal);
    let actions = ["decline", "cancel", "switch", "erase", "accept", "leave"].map(String::from);
    found = fill(found, "{action}", &actions);
    // The first registration: the check-in page of a person only shows them.
    found = fill(found, "{id}", &["1".into()]);
    found = fill(found, "{file}", &["app.js".into(), "site.css".into()]);
    // The invitation above queued the first send.
    found = fill(found, "{send}", &["1".into()]);
    // An unknown feed link: a scanner guessing one changes nothing either.
    found = fill(found, "{feed}", &["f".repeat(43)]);
    found = fill(found, "{issue}", &["1".into()]);
    found = fill(
        found,
        "{series}",
        &["scanned-series".into(), "no-such-series".into()],
    );
    found = fill(
        found,
        "{newsletter}",
        std::slice::from_ref(&links.newsletter),
    );
    let welcome = links.welcome.trim_start_matches("/organizer/welcome/");
    found = fill(found, "{welcome}", &[welcome.to_owned()]);
    found
}

fn a_mail_scanner_opening_every_link_changes_nothing(db: &Db) {
    let server = Server::start(db);
    let links = make_links(&server, db);
    let organizer = Organizer::sign_up(&server, db, "first@example.org");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let before = db.snapshot();

    let mut opened = 0;
    for (pattern, who) in GET_ROUTES {
        if pattern.starts_with("/newsletter/confirm/") {
            continue; // one of the two that confirm an address: below
        }
        for address in addresses(pattern, &links) {
            let status = match who {
                // A scanner has no session: the dashboard sends it to the sign-in page.
                Who::Anyone | Who::Organizer => server
                    .http
                    .get(server.url(&address))
                    .send()
                    .unwrap()
                    .status()
                    .as_u16(),
                Who::Token => server.organizer_get(&address).0,
            };
            assert!(status < 500, "GET {address} answered {status}");
            if *who == Who::Organizer {
                let (status, _) = organizer.get(&address);
                assert!(status < 400, "GET {address} signed in answered {status}");
            }
            let head = server.http.head(server.url(&address)).send().unwrap();
            assert!(head.status().as_u16() < 500, "HEAD {address}");
            opened += 1;
        }
    }
    assert!(opened > GET_ROUTES.len(), "every placeholder was filled");
    let after = db.snapshot();
    let changed: Vec<_> = after.iter().filter(|row| !before.contains(row)).collect();
    let gone: Vec<_> = before.iter().filter(|row| !after.contains(row)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "GETs changed stored rows:\nnew or changed: {changed:#?}\ngone: {gone:#?}"
    );

    // The two that may: opening them confirms the address, and nothing else.
    let entry = server
        .http
        .get(server.url(&format!("/r/{}", links.unconfirmed)))
        .send()
        .unwrap();
    assert!(entry.status().is_success(), "{}", entry.status());
    assert_ne!(server.me(&links.unconfirmed)["status"], "pending_email");
    let subscribed = server
        .http
        .get(server.url(&format!("/newsletter/confirm/{}", links.newsletter)))
        .send()
        .unwrap();
    assert_eq!(subscribed.status(), 200);
    assert!(subscribed.text().unwrap().contains("You are subscribed"));
    // The unsubscribe link only asks; the button posts.
    let asked = server
        .http
        .get(server.url(&format!("/newsletter/unsubscribe/{}", links.newsletter)))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(asked.contains("<form method=\"post\""), "{asked}");
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL"),
        1,
        "still subscribed after opening the unsubscribe link"
    );
}

on_both_databases!(a_mail_scanner_opening_every_link_changes_nothing);
