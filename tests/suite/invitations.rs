//! Invitations keep what the organizer knows of each person: the affiliation, given
//! through the API, a pasted list or a spreadsheet's CSV file, ends up in the
//! registrations and the exports. A spreadsheet's file is read as spreadsheets write it,
//! and the preview says which column was read as what.

use reqwest::blocking::multipart::{Form, Part};
use reqwest::Method;
use serde_json::json;

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

/// Uploads a file (and a pasted list) to the preview; the status and the page.
fn upload(organizer: &Organizer, slug: &str, file: &[u8], pasted: &str) -> (u16, String) {
    let part = Part::bytes(file.to_vec())
        .file_name("invitees.csv")
        .mime_str("text/csv")
        .unwrap();
    let form = Form::new()
        .text("csrf", organizer.csrf.clone())
        .text("list", pasted.to_owned())
        .part("file", part);
    let response = organizer
        .http
        .post(format!(
            "{}/organizer/events/{slug}/invitations/preview",
            organizer.base
        ))
        .multipart(form)
        .send()
        .unwrap();
    (response.status().as_u16(), response.text().unwrap())
}

/// The list the preview would send, as its hidden field holds it.
fn list_of(preview: &str) -> String {
    let start = preview.find("name=\"list\" aria-hidden=\"true\"").unwrap();
    let start = start + preview[start..].find('>').unwrap() + 1;
    let end = start + preview[start..].find("</textarea>").unwrap();
    preview[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn an_invitee_s_affiliation_is_kept_and_exported(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(5), "invite_only");
    let (status, body) = server.organizer(
        Method::POST,
        "/api/v1/events/ws/invitations",
        json!({"invitees": [
            {"email": "ada@example.org", "name": "Ada Lovelace", "affiliation": "IT University of Copenhagen"},
            {"email": "bob@example.org", "name": "Bob", "affiliation": "  "},
            {"email": "cy@example.org", "name": "Cy", "mode": "virtual"}
        ]}),
    );
    assert_eq!(status, 201, "{body}");
    let made = body["registrations"].as_array().unwrap();
    assert_eq!(made[0]["affiliation"], "IT University of Copenhagen");
    assert_eq!(
        made[1]["affiliation"],
        serde_json::Value::Null,
        "blank is none"
    );
    assert_eq!(made[2]["affiliation"], serde_json::Value::Null);
    let listed = server.registrations("ws", "?status=invited");
    let ada = listed
        .iter()
        .find(|r| r["email"] == "ada@example.org")
        .unwrap();
    assert_eq!(ada["affiliation"], "IT University of Copenhagen");
    let csv = server
        .http
        .get(server.url("/api/v1/events/ws/export.csv?status=invited"))
        .bearer_auth(&server.token)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        csv.contains(",Ada Lovelace,ada@example.org,IT University of Copenhagen,invited,"),
        "{csv}"
    );
}

fn a_bad_affiliation_is_named_and_nobody_is_invited(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(5), "invite_only");
    for (affiliation, why) in [
        (json!("x".repeat(201)), "at most 200"),
        (json!("ITU\u{7}"), "control"),
        (json!(7), "string"),
    ] {
        let (status, body) = server.organizer(
            Method::POST,
            "/api/v1/events/ws/invitations",
            json!({"invitees": [
                {"email": "ada@example.org", "name": "Ada"},
                {"email": "bob@example.org", "name": "Bob", "affiliation": affiliation}
            ]}),
        );
        assert_eq!(status, 422, "{body}");
        let fields = &body["error"]["fields"];
        let message = fields["invitees[1].affiliation"].to_string();
        assert!(message.contains(why), "{body}");
    }
    assert!(
        server.registrations("ws", "").is_empty(),
        "nothing was made"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(server.emails().is_empty(), "nothing was sent");
}

fn a_spreadsheet_file_is_read_by_its_header_and_keeps_the_affiliations(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "5", "5", "invite_only");
    // As European Excel saves "CSV UTF-8": a byte-order mark, semicolons, Windows line
    // ends, a cell of two lines, the columns in its own order and case.
    let file = "\u{feff}Institution;E-MAIL;Name;Notes;Mode\r\n\
                IT University;ada@example.org;\"Ada\r\nLovelace\";vegetarian;in person\r\n\
                \"Lund; Sweden\";bob@example.org;Bob;;online\r\n\
                ;cy@example.org;Cy;;\r\n\
                ITU;not an address;Nobody;;\r\n";
    let (status, preview) = upload(&organizer, "ws", file.as_bytes(), "");
    assert_eq!(status, 200, "{preview}");
    assert!(
        preview.contains(
            "<strong>3</strong> valid, <strong>0</strong> duplicate, <strong>1</strong> invalid"
        ),
        "{preview}"
    );
    assert!(
        preview.contains("Read as CSV with semicolons between fields and a header row"),
        "{preview}"
    );
    for said in [
        "column 1 “Institution” → <strong>affiliation</strong>",
        "column 2 “E-MAIL” → <strong>email</strong>",
        "column 3 “Name” → <strong>name</strong>",
        "column 4 “Notes” → left out",
        "column 5 “Mode” → <strong>mode</strong>",
    ] {
        assert!(preview.contains(said), "{said}: {preview}");
    }
    assert!(
        preview.contains("Ada Lovelace"),
        "the two lines of a cell are one name"
    );
    assert!(preview.contains("<td>Lund; Sweden</td>"), "{preview}");
    assert!(preview.contains("Send 3 invitations"));

    let (status, to, body) = organizer.post(
        "/organizer/events/ws/invitations/send",
        &[("list", &list_of(&preview)), ("hold_until", "")],
    );
    assert_eq!(status, 303, "{body}");
    assert!(to.starts_with("/organizer/events/ws/invitations"), "{to}");
    let invited = server.registrations("ws", "?status=invited");
    let of = |email: &str| {
        invited
            .iter()
            .find(|r| r["email"] == email)
            .unwrap()
            .clone()
    };
    assert_eq!(invited.len(), 3);
    assert_eq!(of("ada@example.org")["name"], "Ada Lovelace");
    assert_eq!(of("ada@example.org")["affiliation"], "IT University");
    assert_eq!(of("ada@example.org")["mode"], "in_person");
    assert_eq!(of("bob@example.org")["affiliation"], "Lund; Sweden");
    assert_eq!(of("bob@example.org")["mode"], "virtual");
    assert_eq!(of("cy@example.org")["affiliation"], serde_json::Value::Null);
    let page = organizer.get("/organizer/events/ws/registrations").1;
    assert!(
        page.contains("IT University"),
        "the registrations table shows it"
    );
}

fn a_pasted_list_is_read_in_order_and_a_file_instead_of_it(db: &Db) {
    let server = Server::start(db);
    let organizer = Organizer::sign_up(&server, db, "org@example.org");
    organizer.create_event("ws", "5", "5", "invite_only");
    let preview = organizer.preview(
        "ws",
        "ada@example.org, \"Lovelace, Ada\", virtual, IT University\nGrace Hopper <grace@example.org>\n",
    );
    assert!(
        preview.contains("Read as CSV with commas between fields and no header row"),
        "{preview}"
    );
    assert!(preview.contains("<td>IT University</td>"), "{preview}");
    assert!(preview.contains("<strong>2</strong> valid"), "{preview}");

    let (status, page) = upload(
        &organizer,
        "ws",
        b"email\tname\nbob@example.org\tBob\n",
        "ada@example.org, Ada\n",
    );
    assert_eq!(status, 200);
    assert!(
        page.contains("The uploaded file was read; the pasted list was left out."),
        "{page}"
    );
    assert!(page.contains("tabs between fields"), "{page}");
    assert!(page.contains("bob@example.org") && !page.contains("<td>ada@example.org</td>"));
}

on_both_databases!(
    an_invitee_s_affiliation_is_kept_and_exported,
    a_bad_affiliation_is_named_and_nobody_is_invited,
    a_spreadsheet_file_is_read_by_its_header_and_keeps_the_affiliations,
    a_pasted_list_is_read_in_order_and_a_file_instead_of_it,
);
