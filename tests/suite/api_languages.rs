//! The JSON API's error words follow the request's language (`Accept-Language`, or the
//! `lang` cookie a page's footer sets), English by default; codes, statuses and field
//! names stay the contract's whatever the language.

use crate::common::{Db, Server};
use serde_json::{json, Value};

/// Status, `Vary` header and JSON body of a request sent with these headers.
fn ask(
    server: &Server,
    method: reqwest::Method,
    path: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> (u16, String, Value) {
    let mut request = server
        .http
        .request(method, server.url(path))
        .bearer_auth(&server.token)
        .header("Content-Type", "application/json")
        .body(body.to_owned());
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
    (status, vary, response.json().unwrap())
}

fn post(server: &Server, path: &str, body: &str, headers: &[(&str, &str)]) -> (u16, String, Value) {
    ask(server, reqwest::Method::POST, path, body, headers)
}

/// The field names of an error answer and their messages.
fn fields(answer: &Value) -> Vec<(String, Vec<String>)> {
    answer["error"]["fields"]
        .as_object()
        .map(|fields| {
            fields
                .iter()
                .map(|(name, list)| {
                    let messages = list
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|m| m.as_str().unwrap().to_owned())
                        .collect();
                    (name.clone(), messages)
                })
                .collect()
        })
        .unwrap_or_default()
}

const SPANISH: &[(&str, &str)] = &[("Accept-Language", "es-AR,es;q=0.9,en;q=0.5")];

fn a_bad_entry_is_refused_in_the_readers_language(db: &Db) {
    let server = Server::start(db);
    server.create_event("palabras", 10, None, "open");
    let path = "/api/v1/events/palabras/entries";
    let bad = json!({"email": "nope", "name": "  ", "preference": "in_person", "consent": false})
        .to_string();

    let (status, vary, english) = post(&server, path, &bad, &[]);
    assert_eq!(status, 422, "{english}");
    assert_eq!(english["error"]["code"], "validation_failed");
    assert_eq!(
        english["error"]["message"],
        "validation failed: consent, email, name"
    );
    assert_eq!(
        fields(&english),
        [
            (
                "consent".to_owned(),
                vec!["you must agree to the privacy notice to join".to_owned()]
            ),
            (
                "email".to_owned(),
                vec!["is not a valid email address".to_owned()]
            ),
            ("name".to_owned(), vec!["is required".to_owned()]),
        ]
    );
    assert!(vary.contains("Accept-Language"), "{vary}");

    for headers in [SPANISH, &[("Cookie", "lang=es")]] {
        let (status, vary, spanish) = post(&server, path, &bad, headers);
        assert_eq!(status, 422, "{spanish}");
        assert_eq!(spanish["error"]["code"], "validation_failed");
        assert_eq!(
            spanish["error"]["message"],
            "la validación falló: consent, email, name"
        );
        assert_eq!(
            fields(&spanish),
            [
                (
                    "consent".to_owned(),
                    vec!["debe aceptar el aviso de privacidad para inscribirse".to_owned()]
                ),
                (
                    "email".to_owned(),
                    vec!["no es una dirección de correo válida".to_owned()]
                ),
                ("name".to_owned(), vec!["es obligatorio".to_owned()]),
            ]
        );
        assert!(
            vary.contains("Accept-Language") && vary.contains("Cookie"),
            "{vary}"
        );
    }

    // The body's own mistakes: a field it does not know, a value of no mode, no JSON.
    let unknown = json!({"email": "a@example.org", "name": "Ana", "preference": "in_person",
        "consent": true, "emial": "a@example.org"})
    .to_string();
    let (status, _, spanish) = post(&server, path, &unknown, SPANISH);
    assert_eq!(status, 422, "{spanish}");
    assert_eq!(
        fields(&spanish),
        [(
            "emial".to_owned(),
            vec!["no es un campo de esta solicitud".to_owned()]
        )]
    );
    let (_, _, english) = post(&server, path, &unknown, &[]);
    assert_eq!(
        fields(&english),
        [(
            "emial".to_owned(),
            vec!["is not a field of this request".to_owned()]
        )]
    );
    let no_mode = json!({"email": "a@example.org", "name": "Ana", "preference": "bus",
        "consent": true})
    .to_string();
    let (status, _, spanish) = post(&server, path, &no_mode, SPANISH);
    assert_eq!(status, 422, "{spanish}");
    let (name, messages) = &fields(&spanish)[0];
    assert_eq!(name, "preference");
    assert!(
        messages[0].starts_with("valor desconocido `bus`; se esperaba"),
        "{messages:?}"
    );
    let (status, _, spanish) = post(&server, path, "{not json", SPANISH);
    assert_eq!(status, 400, "{spanish}");
    assert_eq!(spanish["error"]["code"], "malformed_body");
    let message = spanish["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("el cuerpo no es JSON válido: "),
        "{message}"
    );

    // Refused in any language, nobody joined.
    assert!(server.registrations("palabras", "").is_empty());

    // The answer to a join that is taken is in the reader's language too.
    let good = |email: &str| {
        json!({"email": email, "name": "Ana", "preference": "in_person", "consent": true})
            .to_string()
    };
    let (status, _, spanish) = post(&server, path, &good("ana@example.org"), SPANISH);
    assert_eq!(status, 202, "{spanish}");
    assert!(
        spanish["message"]
            .as_str()
            .unwrap()
            .starts_with("Gracias. Revise su correo"),
        "{spanish}"
    );
    let (status, _, english) = post(&server, path, &good("ben@example.org"), &[]);
    assert_eq!(status, 202, "{english}");
    assert!(
        english["message"]
            .as_str()
            .unwrap()
            .starts_with("Thank you. Please check your inbox"),
        "{english}"
    );
}

fn a_refusal_is_in_the_readers_language(db: &Db) {
    let server = Server::start(db);
    server.create_event("cerrado", 10, None, "closed");
    let entry = json!({"email": "ana@example.org", "name": "Ana", "preference": "in_person",
        "consent": true})
    .to_string();
    let closed = "/api/v1/events/cerrado/entries";

    let (status, _, english) = post(&server, closed, &entry, &[]);
    assert_eq!(status, 409, "{english}");
    assert_eq!(english["error"]["code"], "conflict");
    assert_eq!(
        english["error"]["message"],
        "registration for this event is closed"
    );
    let (status, vary, spanish) = post(&server, closed, &entry, SPANISH);
    assert_eq!(status, 409, "{spanish}");
    assert_eq!(spanish["error"]["code"], "conflict");
    assert_eq!(
        spanish["error"]["message"],
        "la inscripción para este evento está cerrada"
    );
    assert!(vary.contains("Accept-Language"), "{vary}");
    assert!(server.registrations("cerrado", "").is_empty());

    // A full mode: more invitees than free seats, on an organizer route.
    server.create_event("lleno", 1, None, "invite_only");
    let invitations = json!({"invitees": [
        {"email": "uno@example.org", "name": "Uno", "mode": "in_person"},
        {"email": "dos@example.org", "name": "Dos", "mode": "in_person"},
    ]})
    .to_string();
    let path = "/api/v1/events/lleno/invitations";
    let (status, _, english) = post(&server, path, &invitations, &[]);
    assert_eq!(status, 409, "{english}");
    assert_eq!(
        english["error"]["message"],
        "only 1 in_person seat(s) are free for 2 invitation(s)"
    );
    let (status, _, spanish) = post(&server, path, &invitations, SPANISH);
    assert_eq!(status, 409, "{spanish}");
    assert_eq!(spanish["error"]["code"], "conflict");
    assert_eq!(
        spanish["error"]["message"],
        "plazas en persona libres: 1; invitaciones: 2"
    );
    assert!(server.registrations("lleno", "").is_empty());

    // Nothing at the address: the thing named in Spanish.
    let (status, _, spanish) = post(&server, "/api/v1/events/nada/entries", &entry, SPANISH);
    assert_eq!(status, 404, "{spanish}");
    assert_eq!(spanish["error"]["code"], "not_found");
    assert_eq!(spanish["error"]["message"], "no se encontró el evento");
    let (_, _, english) = post(&server, "/api/v1/events/nada/entries", &entry, &[]);
    assert_eq!(english["error"]["message"], "event not found");
}

fn a_personal_refusal_is_in_the_readers_language(db: &Db) {
    let server = Server::start(db);
    server.create_event("personal", 5, None, "open");
    let (token, _) = server.join("personal", "eva@example.org", "in_person");
    let path = format!("/api/v1/me/{token}/reconfirm");
    let (status, _, english) = post(&server, &path, "", &[]);
    assert_eq!(status, 409, "{english}");
    assert_eq!(
        english["error"]["message"],
        "nothing is waiting for a reconfirmation"
    );
    let (status, _, spanish) = post(&server, &path, "", SPANISH);
    assert_eq!(status, 409, "{spanish}");
    assert_eq!(
        spanish["error"]["message"],
        "no hay ninguna reconfirmación pendiente"
    );
    let (status, _, spanish) = post(
        &server,
        "/api/v1/me/no-such-token-at-all-here/cancel",
        "",
        SPANISH,
    );
    assert_eq!(status, 404, "{spanish}");
    assert_eq!(spanish["error"]["message"], "no se encontró la inscripción");
}

on_both_databases!(
    a_bad_entry_is_refused_in_the_readers_language,
    a_refusal_is_in_the_readers_language,
    a_personal_refusal_is_in_the_readers_language,
);
