//! Kill -9 while requests are in flight, restart: every change that was acknowledged is
//! there and the invariants hold (SPEC.md invariant 4).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::common::under_load::{
    act_in_turn, assert_acknowledged_are_kept, keep_joining, quick_client,
};
use crate::common::{assert_invariants, Db, Server};
use serde_json::json;

fn every_acknowledged_change_survives_a_killed_server(db: &Db) {
    let mut server = Server::start(db);
    server.create_event("ws", 10, Some(0), "open");
    // Tokens made before the crash, to confirm while it happens.
    let mut people = Vec::new();
    for i in 0..30 {
        server.post("/api/v1/events/ws/entries", json!({"email": format!("early{i}@example.org"), "name": "Early", "preference": "in_person", "consent": true}));
        people.push(format!("early{i}@example.org"));
    }
    let tokens: Vec<String> = people
        .iter()
        .map(|p| server.wait_for_email(p, 1)[0].token.clone().unwrap())
        .collect();

    let joined = Mutex::new(Vec::new());
    let confirmed = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    let client = quick_client();
    let base = server.base.clone();
    std::thread::scope(|scope| {
        for worker in 0..4 {
            let (client, base, joined, stop) = (&client, &base, &joined, &stop);
            scope
                .spawn(move || keep_joining(client, base, "ws", worker, "in_person", stop, joined));
        }
        let (client, base, confirmed, tokens) = (&client, &base, &confirmed, &tokens);
        scope.spawn(move || {
            act_in_turn(
                client,
                base,
                tokens,
                "confirm-email",
                Duration::from_millis(20),
                confirmed,
            )
        });
        std::thread::sleep(Duration::from_millis(300));
        server.kill();
        stop.store(true, Ordering::SeqCst);
    });

    let joined = joined.into_inner().unwrap();
    let confirmed = confirmed.into_inner().unwrap();
    assert!(
        !joined.is_empty() && !confirmed.is_empty(),
        "the crash came before any request finished"
    );

    let server = Server::launch(db, server.token.clone(), &[]);
    assert_acknowledged_are_kept(&server, "ws", &joined, &confirmed);
    assert_invariants(&server, "ws");
    let placed = server
        .registrations("ws", "")
        .iter()
        .filter(|r| r["status"] != "pending_email")
        .count()
        .min(10);
    assert_eq!(
        server.seats("ws")["in_person"]["held"],
        placed as u64,
        "every placed person up to the capacity holds a seat"
    );
}

on_both_databases!(every_acknowledged_change_survives_a_killed_server);
