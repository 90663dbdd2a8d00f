//! The files organizers download: the participants CSV of the API and of the dashboard are
//! one file built once, and no cell of any CSV the server writes runs as a formula in a
//! spreadsheet, whatever people typed on the public form.

use std::path::Path;

use serde_json::json;

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example/\",\"click\")";

/// Joins the line with this name and affiliation and confirms the address.
fn join_as(server: &Server, email: &str, name: &str, affiliation: &str, preference: &str) {
    let (status, body) = server.post(
        "/api/v1/events/ws/entries",
        json!({"email": email, "name": name, "affiliation": affiliation,
               "preference": preference, "consent": true}),
    );
    assert_eq!(status, 202, "{body}");
    let token = server.wait_for_email(email, 1)[0].token.clone().unwrap();
    let (status, me) = server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    assert_eq!(status, 200, "{me}");
}

fn api_csv(server: &Server, query: &str) -> String {
    let response = server
        .http
        .get(server.url(&format!("/api/v1/events/ws/export.csv{query}")))
        .bearer_auth(&server.token)
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    response.text().unwrap()
}

/// The rows of a CSV file as a spreadsheet reads them, by the header's column names.
fn rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|record| {
            header
                .iter()
                .cloned()
                .zip(record.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn a_name_or_affiliation_typed_as_a_formula_is_exported_as_text(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(5), "open");
    join_as(
        &server,
        "evil@example.org",
        FORMULA,
        "@SUM(A1:A9)",
        "in_person",
    );
    join_as(&server, "plus@example.org", "+45 Plus", "-2+3", "virtual");
    join_as(
        &server,
        "ada@example.org",
        "Ada Lovelace",
        "IT University",
        "in_person",
    );
    let text = api_csv(&server, "");
    let rows = rows(&text);
    assert_eq!(rows.len(), 3, "{text}");
    for row in &rows {
        for cell in row.values() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula: {text}"
            );
        }
    }
    let of = |email: &str| rows.iter().find(|r| r["email"] == email).unwrap();
    assert_eq!(of("evil@example.org")["name"], format!("'{FORMULA}"));
    assert_eq!(of("evil@example.org")["affiliation"], "'@SUM(A1:A9)");
    assert_eq!(of("plus@example.org")["name"], "'+45 Plus");
    assert_eq!(of("plus@example.org")["affiliation"], "'-2+3");
    assert_eq!(
        of("ada@example.org")["name"],
        "Ada Lovelace",
        "plain text stays"
    );
    assert_eq!(of("ada@example.org")["affiliation"], "IT University");
}

fn the_dashboard_and_the_api_export_the_same_participants_file(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    organizer.create_event("ws", "5", "5", "open");
    join_as(
        &server,
        "evil@example.org",
        FORMULA,
        "@SUM(A1:A9)",
        "in_person",
    );
    join_as(&server, "online@example.org", "-Online", "", "virtual");
    join_as(
        &server,
        "bea@example.org",
        "Bea",
        "Lund University",
        "in_person",
    );
    server.enter("ws", "unconfirmed@example.org", "in_person");
    for (dashboard, api) in [
        ("", "?status=confirmed"),
        ("?mode=virtual", "?status=confirmed&mode=virtual"),
        ("?mode=in_person", "?status=confirmed&mode=in_person"),
    ] {
        let (status, file) = organizer.get(&format!("/organizer/events/ws/export.csv{dashboard}"));
        assert_eq!(status, 200);
        assert_eq!(
            file,
            api_csv(&server, api),
            "the same bytes for {dashboard:?}"
        );
    }
    let (_, all) = organizer.get("/organizer/events/ws/export.csv");
    let rows = rows(&all);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    assert_eq!(
        names,
        [&format!("'{FORMULA}"), "Bea", "'-Online"],
        "in person first, by name; the unconfirmed entry is left out"
    );
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|x| x == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_csv_file_is_written_through_the_one_safe_writer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let writer = root.join("src/services/export.rs");
    let elsewhere: Vec<String> = files
        .iter()
        .filter(|path| **path != writer)
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.contains("csv::Writer") || text.contains("WriterBuilder")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        elsewhere.is_empty(),
        "CSV written outside services::export, where no cell is made safe: {elsewhere:?}"
    );
}

/// The API's list of registrations is written out a few hundred at a time; one of more
/// than two such parts is still one JSON document with everyone once, in order, filtered.
fn a_long_list_of_registrations_comes_whole_and_in_order(db: &Db) {
    let server = Server::start(db);
    server.create_event("big", 10, None, "open");
    let invitees: Vec<_> = (0..1_234)
        .map(|n| json!({"email": format!("p{n:04}@example.org"), "name": format!("Person {n}"), "mode": "virtual"}))
        .collect();
    let (status, body) = server.organizer(
        reqwest::Method::POST,
        "/api/v1/events/big/invitations",
        json!({"invitees": invitees}),
    );
    assert_eq!(status, 201, "{body}");
    let everyone = server.registrations("big", "");
    let emails: Vec<&str> = everyone
        .iter()
        .map(|r| r["email"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (0..1_234).map(|n| format!("p{n:04}@example.org")).collect();
    assert_eq!(emails, expected, "everyone once, by registration");
    assert!(everyone
        .iter()
        .all(|r| r["status"] == "invited" && r["name"].is_string()));
    assert_eq!(server.registrations("big", "?status=invited").len(), 1_234);
    assert_eq!(server.registrations("big", "?mode=virtual").len(), 1_234);
    assert!(server.registrations("big", "?status=waitlisted").is_empty());
    assert!(server.registrations("big", "?mode=in_person").is_empty());
    let (status, body) = server.organizer_get("/api/v1/events/big/registrations?status=nonsense");
    assert_eq!(status, 422, "{body}");
}

on_both_databases!(
    a_long_list_of_registrations_comes_whole_and_in_order,
    a_name_or_affiliation_typed_as_a_formula_is_exported_as_text,
    the_dashboard_and_the_api_export_the_same_participants_file,
);
