//! Registration questions (SPEC.md, "The workshop's own shape"): per event, of kind text,
//! choice or choices, required or not; answered on joining and on accepting an
//! invitation, shown and exported per registration, erased with the person, and kept
//! when the question changes. Bad questions and bad answers are 422s naming the field
//! that change nothing.

use serde_json::{json, Value};

use crate::common::{Db, Server};

fn questions() -> Value {
    json!([
        {"key": "stage", "label": "Career stage", "kind": "choice",
         "options": ["PhD student", "Postdoc", "Faculty"], "required": true, "summarize": true},
        {"key": "topics", "label": "Topics", "kind": "choices",
         "options": ["Skin", "Eyes", "Lungs"], "required": false, "summarize": false},
        {"key": "diet", "label": "Dietary needs", "kind": "text", "required": false, "summarize": false},
    ])
}

fn entry(server: &Server, email: &str, answers: Value) -> (u16, Value) {
    server.post(
        "/api/v1/events/ws/entries",
        json!({"email": email, "name": "Someone", "preference": "virtual", "consent": true,
               "answers": answers}),
    )
}

fn field_names(body: &Value) -> Vec<String> {
    body["error"]["fields"]
        .as_object()
        .unwrap_or_else(|| panic!("fields named: {body}"))
        .keys()
        .cloned()
        .collect()
}

fn bad_questions_are_refused_naming_questions_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    db.wait_for_the_outbox();
    let before = db.snapshot();
    for bad in [
        json!([{"key": "group", "label": "Group", "kind": "choice", "required": false, "summarize": true}]),
        json!([{"key": "Bad Key", "label": "Bad", "kind": "text", "required": false, "summarize": false}]),
        json!([{"key": "a", "label": "A", "kind": "text", "required": false, "summarize": false},
               {"key": "a", "label": "Again", "kind": "text", "required": false, "summarize": false}]),
        json!([{"key": "a", "label": "", "kind": "text", "required": false, "summarize": false}]),
    ] {
        let (status, body) = server.organizer(
            reqwest::Method::PATCH,
            "/api/v1/events/ws",
            json!({"questions": bad}),
        );
        assert_eq!(status, 422, "{body}");
        assert_eq!(field_names(&body), ["questions"], "{body}");
    }
    let (status, body) = server.organizer(
        reqwest::Method::PATCH,
        "/api/v1/events/ws",
        json!({"questions": [{"key": "a", "label": "A", "kind": "essay", "required": false, "summarize": false}]}),
    );
    assert_eq!(status, 422, "an unknown kind: {body}");
    assert_eq!(db.snapshot(), before, "nothing changed");
}

fn bad_answers_are_refused_naming_each_key_and_change_nothing(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    server.patch_event("ws", json!({"questions": questions()}));
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let (status, body) = entry(&server, "a@example.org", json!({}));
    assert_eq!(status, 422, "{body}");
    assert_eq!(field_names(&body), ["answers.stage"], "a required answer");
    let (status, body) = entry(
        &server,
        "a@example.org",
        json!({"stage": "Postdoc", "colour": "blue"}),
    );
    assert_eq!(status, 422);
    assert_eq!(field_names(&body), ["answers.colour"], "an unknown key");
    let (status, body) = entry(
        &server,
        "a@example.org",
        json!({"stage": "Professor", "topics": ["Skin", "Bones"]}),
    );
    assert_eq!(status, 422);
    assert_eq!(
        field_names(&body),
        ["answers.stage", "answers.topics"],
        "values outside the options"
    );
    let (status, body) = server.post(
        "/api/v1/events/ws/entries",
        json!({"email": "not an address", "name": "", "preference": "virtual", "consent": true,
               "answers": {"stage": "Professor"}}),
    );
    assert_eq!(status, 422);
    assert_eq!(
        field_names(&body),
        ["answers.stage", "email", "name"],
        "named at once"
    );
    assert_eq!(db.snapshot(), before, "nothing changed");
}

fn answers_are_shown_exported_kept_when_a_question_changes_and_erased_with_the_person(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    server.patch_event("ws", json!({"questions": questions()}));
    let (status, _) = entry(
        &server,
        "ada@example.org",
        json!({"stage": "Postdoc", "topics": ["Eyes", "Skin"], "diet": "No nuts"}),
    );
    assert_eq!(status, 202);
    let token = server.wait_for_email("ada@example.org", 1)[0]
        .token
        .clone()
        .unwrap();
    let (status, me) = server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["answers"]["stage"], "Postdoc", "{me}");
    assert_eq!(me["answers"]["topics"], json!(["Eyes", "Skin"]));
    let listed = server.registrations("ws", "");
    assert_eq!(listed[0]["answers"]["diet"], "No nuts", "{listed:?}");

    let (status, csv) = {
        let response = server
            .http
            .get(server.url("/api/v1/events/ws/export.csv"))
            .bearer_auth(&server.token)
            .send()
            .unwrap();
        (response.status().as_u16(), response.text().unwrap())
    };
    assert_eq!(status, 200);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",stage,topics,diet"), "{header}");
    assert!(csv.contains("Postdoc,Eyes; Skin,No nuts"), "{csv}");

    // Changing a question (and removing another) keeps the answers given.
    server.patch_event(
        "ws",
        json!({"questions": [{"key": "stage", "label": "Your career stage", "kind": "choice",
            "options": ["PhD student", "Faculty"], "required": true, "summarize": true}]}),
    );
    assert_eq!(server.me(&token)["answers"]["stage"], "Postdoc");
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM answers"), 4);

    let (status, body) = server.delete(&format!("/api/v1/me/{token}"));
    assert!(status < 300, "{status} {body}");
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM answers"),
        0,
        "erased with the person"
    );
}

fn accepting_an_invitation_takes_the_answers_required_there_too(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "invite_only");
    server.patch_event("ws", json!({"questions": questions()}));
    let token = server.invite("ws", "guest@example.org", "in_person");
    db.wait_for_the_outbox();
    let before = db.snapshot();
    let (status, body) = server.post(&format!("/api/v1/me/{token}/accept"), json!({}));
    assert_eq!(status, 422, "{body}");
    assert_eq!(field_names(&body), ["answers.stage"]);
    let (status, body) = server.post(
        &format!("/api/v1/me/{token}/accept"),
        json!({"answers": {"stage": "Dean"}}),
    );
    assert_eq!(status, 422, "{body}");
    assert_eq!(db.snapshot(), before, "nothing changed");
    let (status, me) = server.post(
        &format!("/api/v1/me/{token}/accept"),
        json!({"answers": {"stage": "Faculty"}}),
    );
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
    assert_eq!(me["answers"]["stage"], "Faculty");
}

fn the_join_form_asks_the_questions_with_errors_next_to_them_and_values_kept(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "open");
    server.patch_event("ws", json!({"questions": questions()}));
    let page = reqwest::blocking::get(server.url("/events/ws"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains("Career stage") && page.contains("answer-topics-1"),
        "{page}"
    );
    let response = server
        .http
        .post(server.url("/events/ws/join"))
        .form(&[
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("preference", "virtual"),
            ("consent", "yes"),
            ("answer-topics-1", "Eyes"),
            ("answer-diet", "No <nuts>"),
        ])
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().unwrap();
    assert!(page.contains("Career stage is required."), "{page}");
    assert!(
        page.contains("href=\"#answer-stage-0\""),
        "the summary links to it"
    );
    assert!(page.contains("No &lt;nuts&gt;</textarea>"), "{page}");
    assert!(page.contains("value=\"Eyes\" checked"), "{page}");
    let response = server
        .http
        .post(server.url("/events/ws/join"))
        .form(&[
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("preference", "virtual"),
            ("consent", "yes"),
            ("answer-stage", "Postdoc"),
            ("answer-topics-1", "Eyes"),
        ])
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM answers WHERE value IN ('Postdoc', 'Eyes')"),
        2
    );
}

fn the_dashboard_edits_the_questions_with_a_preview_and_groups_the_confirmed_by_answer(db: &Db) {
    let server = Server::start(db);
    let organizer = crate::dashboard::Organizer::sign_up(&server, db, "ada@example.org");
    server.create_event("ws", 2, Some(10), "open");
    let (status, page) = organizer.get("/organizer/events/ws/questions");
    assert_eq!(status, 200);
    assert!(page.contains("Add a question"), "{page}");
    // A choice without options is refused next to its question, with what was typed kept.
    let (status, _, refused) = organizer.post(
        "/organizer/events/ws/questions",
        &[
            ("count", "1"),
            ("action", "save"),
            (
                "question-0-label",
                "Which project group would you like to join?",
            ),
            ("question-0-key", "group"),
            ("question-0-kind", "choice"),
            ("question-0-options", ""),
        ],
    );
    assert_eq!(status, 422);
    assert!(refused.contains("needs options"), "{refused}");
    assert!(refused.contains("value=\"Which project group would you like to join?\""));
    assert!(server.get("/api/v1/events/ws").1["questions"] == json!([]));
    let (status, to, _) = organizer.post(
        "/organizer/events/ws/questions",
        &[
            ("count", "1"),
            ("action", "save"),
            (
                "question-0-label",
                "Which project group would you like to join?",
            ),
            ("question-0-key", "group"),
            ("question-0-kind", "choice"),
            ("question-0-options", "Documentation\nBias"),
            ("question-0-summarize", "yes"),
        ],
    );
    assert_eq!(status, 303);
    assert!(to.ends_with("/questions?done=saved"));
    let (_, page) = organizer.get("/organizer/events/ws/questions");
    assert!(
        page.contains("Preview of the join form") && page.contains("answer-group-0"),
        "{page}"
    );
    let event = server.get("/api/v1/events/ws").1;
    assert_eq!(
        event["questions"][0]["options"],
        json!(["Documentation", "Bias"])
    );

    for (email, group) in [
        ("amy@example.org", "Bias"),
        ("bea@example.org", "Documentation"),
        ("cal@example.org", "Bias"),
    ] {
        let (status, _) = entry(&server, email, json!({"group": group}));
        assert_eq!(status, 202);
        let token = server.wait_for_email(email, 1)[0].token.clone().unwrap();
        server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    }
    let (status, groups) = organizer.get("/organizer/events/ws/groups?question=group");
    assert_eq!(status, 200);
    assert!(
        groups.contains("Bias (2)") && groups.contains("Documentation (1)"),
        "{groups}"
    );

    // The table of registrations shows each person's answer in their own row, and keeps
    // to those with an answer when filtered by it.
    let row_of = |table: &str, email: &str| -> Option<String> {
        table
            .split("<tr")
            .find(|row| row.contains(email))
            .map(str::to_owned)
    };
    let (status, table) = organizer.get("/organizer/events/ws/registrations");
    assert_eq!(status, 200);
    for (email, group, other) in [
        ("amy@example.org", "Bias", "Documentation"),
        ("bea@example.org", "Documentation", "Bias"),
        ("cal@example.org", "Bias", "Documentation"),
    ] {
        let row = row_of(&table, email).unwrap_or_else(|| panic!("{email}: {table}"));
        assert!(
            row.contains(group) && !row.contains(other),
            "{email}: {row}"
        );
    }
    let (status, table) = organizer.get("/organizer/events/ws/registrations?answer=group:Bias");
    assert_eq!(status, 200);
    assert!(
        row_of(&table, "amy@example.org").is_some() && row_of(&table, "cal@example.org").is_some()
    );
    assert!(row_of(&table, "bea@example.org").is_none(), "{table}");
}

fn the_accept_form_on_the_personal_page_asks_the_questions_as_the_api_does(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, Some(10), "invite_only");
    server.patch_event("ws", json!({"questions": questions()}));
    let token = server.invite("ws", "guest@example.org", "in_person");
    db.wait_for_the_outbox();
    let page = reqwest::blocking::get(server.url(&format!("/r/{token}")))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains(&format!("action=\"/r/{token}/accept\""))
            && page.contains("Career stage")
            && page.contains("answer-topics-1")
            && page.contains("field-answer-diet"),
        "the accept form shows the questions: {page}"
    );
    let before = db.snapshot();
    let accept = |fields: &[(&str, &str)]| {
        server
            .http
            .post(server.url(&format!("/r/{token}/accept")))
            .form(fields)
            .send()
            .unwrap()
    };
    // A required answer left out, with the other answers kept.
    let response = accept(&[
        ("mode", "in_person"),
        ("questions", "shown"),
        ("answer-topics-2", "Lungs"),
        ("answer-diet", "No <nuts>"),
    ]);
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().unwrap();
    assert!(page.contains("Career stage is required."), "{page}");
    assert!(
        page.contains("href=\"#answer-stage-0\""),
        "the summary links to it"
    );
    assert!(page.contains("No &lt;nuts&gt;</textarea>"), "{page}");
    assert!(page.contains("value=\"Lungs\" checked"), "{page}");
    // An answer outside the options.
    let response = accept(&[
        ("mode", "in_person"),
        ("questions", "shown"),
        ("answer-stage", "Dean"),
    ]);
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().unwrap();
    assert!(page.contains("id=\"field-answer-stage-error\""), "{page}");
    // A form without the questions cannot skip a required answer either.
    let response = accept(&[("mode", "in_person")]);
    assert_eq!(response.status().as_u16(), 422);
    assert_eq!(db.snapshot(), before, "nothing changed");

    let response = accept(&[
        ("mode", "in_person"),
        ("questions", "shown"),
        ("answer-stage", "Faculty"),
        ("answer-topics-0", "Skin"),
    ]);
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response
            .text()
            .unwrap()
            .contains("Done: your seat is confirmed."),
        "back on the personal page"
    );
    let me = server.me(&token);
    assert_eq!(me["status"], "confirmed");
    assert_eq!(me["answers"]["stage"], "Faculty");
    assert_eq!(me["answers"]["topics"], json!(["Skin"]));
}

fn retention_erases_the_answers(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 5, Some(5), "open");
    server.patch_event("ws", json!({"questions": questions()}));
    let (status, body) = entry(
        &server,
        "ada@example.org",
        json!({"stage": "Postdoc", "diet": "Vegan"}),
    );
    assert_eq!(status, 202, "{body}");
    db.wait_for_the_outbox();
    assert_eq!(db.count("SELECT COUNT(*) AS n FROM answers"), 2);
    let now = chrono::Utc::now();
    server.patch_event(
        "ws",
        json!({"starts_at": (now - chrono::Duration::days(40)).to_rfc3339(),
               "ends_at": (now - chrono::Duration::days(39)).to_rfc3339()}),
    );
    let token = server.token.clone();
    drop(server);
    db.execute(
        "UPDATE registrations SET updated_at = {days_ago:40} \
         WHERE event_id = (SELECT id FROM events WHERE slug = 'ws')",
    );

    let server = Server::launch(db, token, &[("REGISTRAR_RETENTION_DAYS", "30")]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while server
        .registrations("ws", "")
        .iter()
        .any(|r| r["name"] != "(erased)")
    {
        assert!(std::time::Instant::now() < deadline, "not erased");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        db.count("SELECT COUNT(*) AS n FROM answers"),
        0,
        "the answers go with the rest of the personal data"
    );
    let response = server
        .http
        .get(server.url("/api/v1/events/ws/export.csv"))
        .bearer_auth(&server.token)
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let export = response.text().unwrap();
    assert!(
        !export.contains("Postdoc") && !export.contains("Vegan"),
        "{export}"
    );
}

on_both_databases!(
    the_dashboard_edits_the_questions_with_a_preview_and_groups_the_confirmed_by_answer,
    bad_questions_are_refused_naming_questions_and_change_nothing,
    bad_answers_are_refused_naming_each_key_and_change_nothing,
    answers_are_shown_exported_kept_when_a_question_changes_and_erased_with_the_person,
    accepting_an_invitation_takes_the_answers_required_there_too,
    the_join_form_asks_the_questions_with_errors_next_to_them_and_values_kept,
    the_accept_form_on_the_personal_page_asks_the_questions_as_the_api_does,
    retention_erases_the_answers,
);
