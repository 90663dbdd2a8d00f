//! The site's identity, set by organizers: page titles end in its name, its footer line
//! shows under every public page, and the privacy notice names the controller, the
//! contact, the processors and the periods the server erases data after.

use reqwest::Method;
use serde_json::json;

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

fn page(server: &Server, path: &str) -> String {
    let response = server.http.get(server.url(path)).send().unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().unwrap()
}

fn organizers_set_the_site_identity_and_every_page_shows_it(db: &Db) {
    let server = Server::start_with(
        db,
        &[
            ("REGISTRAR_RETENTION_DAYS", "200"),
            ("REGISTRAR_UNCONFIRMED_DAYS", "14"),
        ],
    );
    server.create_event("workshop", 2, Some(10), "open");
    assert!(page(&server, "/").contains("· registrar</title>"));
    let privacy = page(&server, "/privacy");
    assert!(privacy.contains("The organizers of the events on this site are responsible"));
    assert!(
        privacy.contains("erased 200 days after the event has ended"),
        "{privacy}"
    );
    assert!(
        privacy.contains("not confirmed within 14 days"),
        "{privacy}"
    );

    let organizer = Organizer::sign_up(&server, db, "first@example.org");
    let (status, form) = organizer.get("/organizer/site");
    assert_eq!(status, 200);
    assert!(
        form.contains("value=\"registrar\""),
        "the form shows what is set"
    );
    let (status, to, _) = organizer.post(
        "/organizer/site",
        &[
            ("name", "In the Picture"),
            ("controller", "The organizers, IT University of Copenhagen"),
            ("contact", "privacy@example.org"),
            (
                "processors",
                "Mail: Example Mail\r\nVideo: Example Meetings",
            ),
            ("footer", "Organized at the IT University of Copenhagen."),
        ],
    );
    assert_eq!((status, to.as_str()), (303, "/organizer/site?done=site"));

    for path in ["/", "/events/workshop", "/newsletter"] {
        let html = page(&server, path);
        assert!(html.contains("· In the Picture</title>"), "{path}");
        assert!(
            html.contains("<p>Organized at the IT University of Copenhagen.</p>"),
            "{path}"
        );
    }
    let privacy = page(&server, "/privacy");
    assert!(privacy.contains(
        "Responsible for your data (its controller): The organizers, IT University of Copenhagen."
    ));
    assert!(privacy.contains("href=\"mailto:privacy@example.org\""));
    assert!(privacy.contains("<li>Mail: Example Mail</li><li>Video: Example Meetings</li>"));
    assert!(organizer
        .get("/organizer")
        .1
        .contains("· In the Picture dashboard</title>"));
    let (status, site) = server.get("/api/v1/site");
    assert_eq!(status, 200);
    assert_eq!(
        site["processors"],
        json!(["Mail: Example Mail", "Video: Example Meetings"])
    );
}

fn a_bad_site_identity_is_refused_naming_the_fields_and_changes_nothing(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "first@example.org");
    let before = db.snapshot();
    let (status, _, page) = organizer.post(
        "/organizer/site",
        &[
            ("name", "  "),
            ("controller", "Kept as typed"),
            ("footer", &"x".repeat(501)),
        ],
    );
    assert_eq!(status, 422);
    assert!(page.contains("field-name-error"), "{page}");
    assert!(page.contains("field-footer-error"), "{page}");
    assert!(
        page.contains("value=\"Kept as typed\""),
        "what was typed is kept"
    );

    let patch = |body| server.organizer(Method::PATCH, "/api/v1/site", body);
    for (body, field) in [
        (json!({"name": ""}), "name"),
        (json!({"nmae": "x"}), "nmae"),
        (json!({"contact": "a\u{0}b"}), "contact"),
        (json!({"processors": ["one\ntwo"]}), "processors"),
        (json!({"processors": "not a list"}), "processors"),
    ] {
        let (status, answer) = patch(body.clone());
        assert_eq!(status, 422, "{body}: {answer}");
        assert!(
            answer["error"]["fields"].get(field).is_some(),
            "{body}: {answer}"
        );
    }
    let anonymous = server
        .http
        .patch(server.url("/api/v1/site"))
        .json(&json!({"name": "Taken over"}))
        .send()
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(db.snapshot(), before, "nothing stored or changed");
}

fn a_change_on_one_instance_shows_on_the_others(db: &Db) {
    let first = Server::start(db);
    let second = Server::launch(db, first.token.clone(), &[]);
    let (status, site) = first.organizer(
        Method::PATCH,
        "/api/v1/site",
        json!({"name": "Datasets through the Looking-Glass"}),
    );
    assert_eq!(status, 200, "{site}");
    assert_eq!(site["name"], "Datasets through the Looking-Glass");
    assert_eq!(site["controller"], "", "fields not named keep their value");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if page(&second, "/").contains("· Datasets through the Looking-Glass</title>") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the other instance never showed the new name"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}

fn the_demo_workshop_holds_only_what_is_known_of_the_real_one(db: &Db) {
    let server = Server::start_with(db, &[("REGISTRAR_DEMO", "true")]);
    let (status, event) = server.get("/api/v1/events/in-the-picture");
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["venue"], "IT University of Copenhagen");
    assert_eq!(event["timezone"], "Europe/Copenhagen");
    assert_eq!(event["phase"], "invite_only");
    let description = event["description"].as_str().unwrap();
    assert!(description.contains("invited participants come first"));
    assert!(description.contains("virtual participation options"));
    assert!(page(&server, "/").contains("· In the Picture</title>"));
}

on_both_databases!(
    organizers_set_the_site_identity_and_every_page_shows_it,
    a_bad_site_identity_is_refused_naming_the_fields_and_changes_nothing,
    a_change_on_one_instance_shows_on_the_others,
    the_demo_workshop_holds_only_what_is_known_of_the_real_one,
);
