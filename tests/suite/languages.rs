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
        assert!(es.contains("Eventos"), "{path}: {es}");
        // The date with the month named in Spanish: "... de marzo de 2027, 09:00 a 17:00".
        assert!(es.contains(" de 20"), "{path}: {es}");
        assert!(es.contains("Abierta"), "{path}: {es}");
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

fn the_form_and_the_personal_page_speak_spanish(db: &Db) {
    let server = Server::start(db);
    server.create_event("formulario", 10, None, "open");
    let spanish = [("Accept-Language", "es")];
    let (_, _, event) = page(&server, "/events/formulario", &spanish);
    assert!(
        event.contains("Enviarme un enlace de confirmación"),
        "{event}"
    );
    assert!(event.contains("quedan 10 plazas"), "{event}");

    // A refused form says what is wrong in Spanish, naming the field.
    let client = reqwest::blocking::Client::new();
    let response = client
        .post(server.url("/events/formulario/join"))
        .header("Accept-Language", "es")
        .form(&[
            ("email", "nope"),
            ("name", "Ada"),
            ("preference", "in_person"),
        ])
        .send()
        .unwrap();
    assert_eq!(response.status(), 422);
    let refused = response.text().unwrap();
    assert!(
        refused.contains("Correo electrónico: debe tener la forma nombre@ejemplo.org."),
        "{refused}"
    );
    assert!(
        refused.contains("Por favor, corrija lo siguiente"),
        "{refused}"
    );

    let (token, _) = server.join("formulario", "ada@example.org", "in_person");
    let (status, _, personal) = page(&server, &format!("/r/{token}"), &spanish);
    assert_eq!(status, 200);
    assert!(personal.contains("<html lang=\"es\">"), "{personal}");
    assert!(personal.contains("Su inscripción"), "{personal}");
    assert!(personal.contains("Cancelar mi inscripción"), "{personal}");
    // The organizer dashboard stays in English.
    let (_, _, login) = page(&server, "/organizer/login", &spanish);
    assert!(login.contains("<html lang=\"en\">"), "{login}");
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
    let response = client
        .get(server.url("/language?to=xx&back=%2F"))
        .header("Accept-Language", "es")
        .send()
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().unwrap().contains("debe ser uno de: en, es"));
}

/// A join the event refuses is told in the reader's language, title and reason.
fn a_refused_join_is_told_in_the_readers_language(db: &Db) {
    let server = Server::start(db);
    server.create_event("cerrado", 10, None, "closed");
    let join = |cookie: &str| {
        let response = reqwest::blocking::Client::new()
            .post(server.url("/events/cerrado/join"))
            .header("Cookie", cookie)
            .form(&[
                ("email", "ana@example.org"),
                ("name", "Ana"),
                ("affiliation", ""),
                ("preference", "in_person"),
                ("consent", "yes"),
            ])
            .send()
            .unwrap();
        (response.status().as_u16(), response.text().unwrap())
    };
    let (status, spanish) = join("lang=es");
    assert_eq!(status, 409, "{spanish}");
    assert!(
        spanish.contains("La inscripción no es posible"),
        "{spanish}"
    );
    assert!(
        !spanish.contains("Registration is not possible"),
        "{spanish}"
    );
    let (status, english) = join("lang=en");
    assert_eq!(status, 409, "{english}");
    assert!(
        english.contains("Registration is not possible"),
        "{english}"
    );
    assert_eq!(
        server.registrations("cerrado", "").len(),
        0,
        "a refused join registers nobody"
    );
}

on_both_databases!(
    a_refused_join_is_told_in_the_readers_language,
    pages_follow_accept_language,
    an_unknown_language_reads_in_english,
    the_form_and_the_personal_page_speak_spanish,
    the_choice_in_the_footer_is_kept_and_wins_over_the_header,
    the_choice_returns_only_to_a_page_of_this_site,
);
