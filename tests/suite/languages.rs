//! Languages: pages follow the reader's `Accept-Language`, a choice made in the footer
//! (kept in a cookie) wins over it, and anything the site does not speak reads in English.

use crate::common::{Db, Server};

/// A page's status, `Vary` header and text, asked for with these headers and no cookie
/// jar (the server's client has none either).
fn page(server: &Server, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut request = client.get(server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().unwrap();
    let status = response.status().as_u16();
    let vary = response
        .headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    (status, vary, response.text().unwrap())
}

fn pages_follow_accept_language(db: &Db) {
    let server = Server::start(db);
    server.create_event("idiomas", 10, None, "open");

    for path in ["/", "/events/idiomas"] {
        let (status, vary, es) = page(&server, path, &[("Accept-Language", "es-ES,es;q=0.9")]);
        assert_eq!(status, 200, "{path}");
        assert!(es.contains("<html lang=\"es\">"), "{path}: {es}");
        assert!(es.contains("Aviso de privacidad"), "{path}: {es}");
        assert!(vary.contains("Accept-Language"), "{path}: {vary}");
        // The event page is kept rendered for a moment: one copy per language.
        let (_, _, en) = page(&server, path, &[("Accept-Language", "en")]);
        assert!(en.contains("<html lang=\"en\">"), "{path}: {en}");
        assert!(en.contains("Privacy notice"), "{path}: {en}");
        // Event content stays as written.
        assert_eq!(
            es.contains("Event idiomas"),
            en.contains("Event idiomas"),
            "{path}"
        );
    }
}

fn an_unknown_language_reads_in_english(db: &Db) {
    let server = Server::start(db);
    for headers in [
        vec![("Accept-Language", "fr-CH, de;q=0.8")],
        vec![("Accept-Language", "%%% not a header")],
        vec![("Cookie", "lang=xx")],
        vec![],
    ] {
        let (status, _, text) = page(&server, "/", &headers);
        assert_eq!(status, 200);
        assert!(text.contains("<html lang=\"en\">"), "{headers:?}");
        assert!(text.contains("Privacy notice"), "{headers:?}");
    }
}

fn the_choice_in_the_footer_is_kept_and_wins_over_the_header(db: &Db) {
    let server = Server::start(db);
    server.create_event("choice", 10, None, "open");

    let (_, _, en) = page(&server, "/events/choice", &[]);
    assert!(
        en.contains("href=\"/language?to=es&amp;back=%2Fevents%2Fchoice\""),
        "{en}"
    );
    assert!(en.contains("lang=\"es\""), "{en}");

    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client
        .get(server.url("/language?to=es&back=%2Fevents%2Fchoice"))
        .send()
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/events/choice");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=es;"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");

    // The cookie wins over the header, both ways.
    let (_, _, es) = page(
        &server,
        "/events/choice",
        &[("Accept-Language", "en"), ("Cookie", "lang=es")],
    );
    assert!(es.contains("<html lang=\"es\">"), "{es}");
    assert!(es.contains("aria-current=\"true\">Español</a>"), "{es}");
    let (_, _, en) = page(
        &server,
        "/",
        &[("Accept-Language", "es"), ("Cookie", "lang=en")],
    );
    assert!(en.contains("<html lang=\"en\">"), "{en}");
}

fn the_choice_returns_only_to_a_page_of_this_site(db: &Db) {
    let server = Server::start(db);
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for back in [
        "https%3A%2F%2Fevil.example%2F",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
        "",
    ] {
        let response = client
            .get(server.url(&format!("/language?to=en&back={back}")))
            .send()
            .unwrap();
        assert_eq!(response.status(), 303, "{back}");
        assert_eq!(response.headers()["location"], "/", "{back}");
    }

    // A language the site does not speak is refused, and no cookie is set.
    let response = client
        .get(server.url("/language?to=fr&back=%2F"))
        .send()
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.headers().get("set-cookie").is_none());
    assert!(response.text().unwrap().contains("must be one of: en, es"));
}

on_both_databases!(
    pages_follow_accept_language,
    an_unknown_language_reads_in_english,
    the_choice_in_the_footer_is_kept_and_wins_over_the_header,
    the_choice_returns_only_to_a_page_of_this_site,
);
