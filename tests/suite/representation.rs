//! Who is in the room (SPEC.md, "The workshop's own shape"): for questions marked
//! `summarize`, counts per answer of who is invited, waiting and confirmed, in the API
//! and a dashboard page; counts from 1 to 4 are never shown, and none can be worked out
//! from the totals shown beside them.

use serde_json::{json, Value};

use crate::common::{Db, Server};
use crate::dashboard::Organizer;

fn confirmed(server: &Server, email: &str, stage: &str) {
    let (status, body) = server.post(
        "/api/v1/events/ws/entries",
        json!({"email": email, "name": "Someone", "preference": "virtual", "consent": true,
               "answers": {"stage": stage}}),
    );
    assert_eq!(status, 202, "{body}");
    let token = server.wait_for_email(email, 1)[0].token.clone().unwrap();
    let (status, me) = server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["status"], "confirmed");
}

/// Every number in a JSON value.
fn numbers(value: &Value, found: &mut Vec<u64>) {
    match value {
        Value::Number(n) => found.extend(n.as_u64()),
        Value::Array(items) => items.iter().for_each(|v| numbers(v, found)),
        Value::Object(map) => map.values().for_each(|v| numbers(v, found)),
        _ => {}
    }
}

fn small_counts_are_never_shown_nor_derivable_from_the_totals(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, None, "open");
    server.patch_event(
        "ws",
        json!({"questions": [
            {"key": "stage", "label": "Career stage", "kind": "choice",
             "options": ["PhD", "Postdoc", "Faculty"], "required": false, "summarize": true},
            {"key": "diet", "label": "Diet", "kind": "text", "required": false, "summarize": false}]}),
    );
    for (stage, n) in [("PhD", 6), ("Postdoc", 4), ("Faculty", 5)] {
        for i in 0..n {
            confirmed(
                &server,
                &format!("{stage}-{i}@example.org").to_lowercase(),
                stage,
            );
        }
    }
    server.invite("ws", "guest@example.org", "in_person");

    let (status, body) = server.organizer_get("/api/v1/events/ws/representation");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["min_count"], 5);
    let questions = body["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 1, "only summarized questions: {body}");
    let mut found = Vec::new();
    numbers(&body["questions"], &mut found);
    assert!(
        found.iter().all(|n| *n == 0 || *n >= 5),
        "no count from 1 to 4: {body}"
    );
    let answers = questions[0]["answers"].as_array().unwrap();
    let by_value = |v: &str| answers.iter().find(|a| a["value"] == v).unwrap().clone();
    assert_eq!(by_value("PhD")["confirmed"], 6);
    assert_eq!(
        by_value("Postdoc")["confirmed"],
        Value::Null,
        "4 is withheld"
    );
    assert_eq!(by_value("Faculty")["confirmed"], 5);
    assert_eq!(questions[0]["total"]["confirmed"], 15);

    // The total less what is shown is what the withheld counts add up to: more than one
    // count, so the 4 is not given away.
    let column: Vec<&Value> = answers
        .iter()
        .map(|a| &a["confirmed"])
        .chain([&questions[0]["unanswered"]["confirmed"]])
        .collect();
    let withheld = column.iter().filter(|c| c.is_null()).count();
    assert!(withheld >= 2, "a second count is withheld: {column:?}");
    let shown: u64 = column.iter().filter_map(|c| c.as_u64()).sum();
    assert_eq!(
        15 - shown,
        4,
        "the rest is shared by {withheld} withheld counts"
    );
    // One invitee, who gave no answer: that column shows nothing small either.
    assert_eq!(questions[0]["total"]["invited"], Value::Null);
    assert_eq!(questions[0]["unanswered"]["invited"], Value::Null);

    let organizer = Organizer::sign_up(&server, db, "ada@example.org");
    let (status, page) = organizer.get("/organizer/events/ws/representation");
    assert_eq!(status, 200);
    assert!(
        page.contains("Career stage") && page.contains("<svg"),
        "{page}"
    );
    assert!(page.contains("not shown"));
    assert!(
        !page.contains(">4<"),
        "no 4 in the table or the chart: {page}"
    );
    assert!(!page.contains("Diet"), "only summarized questions");
}

fn an_event_without_summarized_questions_has_nothing_to_count(db: &Db) {
    let server = Server::start(db);
    server.create_event("ws", 2, None, "open");
    let (status, body) = server.organizer_get("/api/v1/events/ws/representation");
    assert_eq!(status, 200);
    assert_eq!(body, json!({"min_count": 5, "questions": []}));
    assert_eq!(server.get("/api/v1/events/ws/representation").0, 401);
}

on_both_databases!(
    small_counts_are_never_shown_nor_derivable_from_the_totals,
    an_event_without_summarized_questions_has_nothing_to_count,
);
