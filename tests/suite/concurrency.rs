//! Many people at once: no overbooking, no duplicate or missing places in line, on both
//! databases and with two server instances sharing one PostgreSQL.

use std::collections::HashMap;
use std::sync::{Arc, Barrier};

use crate::common::{assert_invariants, Db, Server};
use serde_json::{json, Value};

const PEOPLE: usize = 200;
const SEATS: u32 = 20;

/// Everyone joins (in parallel), then the tokens are read from the emails.
fn join_everyone(server: &Server, slug: &str) -> Vec<String> {
    join_everyone_as(server, slug, |_| "in_person")
}

/// Everyone joins (in parallel) with the preference given for their number, then the
/// tokens are read from the emails.
fn join_everyone_as(
    server: &Server,
    slug: &str,
    preference: impl Fn(usize) -> &'static str + Sync,
) -> Vec<String> {
    let people: Vec<usize> = (0..PEOPLE).collect();
    let preference = &preference;
    std::thread::scope(|scope| {
        for chunk in people.chunks(PEOPLE / 8) {
            scope.spawn(move || {
                for i in chunk {
                    let (status, body) = server.post(
                        &format!("/api/v1/events/{slug}/entries"),
                        json!({"email": format!("person{i}@example.org"), "name": format!("Person {i}"), "preference": preference(*i), "consent": true}),
                    );
                    assert_eq!(status, 202, "{body}");
                }
            });
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let tokens: HashMap<String, String> = server
            .emails()
            .into_iter()
            .map(|m| (m.to, m.token.unwrap()))
            .collect();
        if tokens.len() == PEOPLE {
            return (0..PEOPLE)
                .map(|i| tokens[&format!("person{i}@example.org")].clone())
                .collect();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "only {} of {PEOPLE} emails arrived",
            tokens.len()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Runs `act(0)` to `act(count - 1)` on threads of their own, released at the same moment.
fn at_once(count: usize, act: impl Fn(usize) + Sync) {
    let barrier = Barrier::new(count);
    std::thread::scope(|scope| {
        for i in 0..count {
            let (barrier, act) = (&barrier, &act);
            scope.spawn(move || {
                barrier.wait();
                act(i);
            });
        }
    });
}

/// Every person confirms at the same moment, spread over the given servers.
fn confirm_at_once(servers: &[&Server], tokens: &[String]) {
    at_once(tokens.len(), |i| {
        let server = servers[i % servers.len()];
        let (status, body) = server.post(
            &format!("/api/v1/me/{}/confirm-email", tokens[i]),
            json!({}),
        );
        assert_eq!(status, 200, "{body}");
    });
}

fn assert_exactly_twenty_held_and_the_rest_in_line(server: &Server, slug: &str) {
    let seats = server.seats(slug);
    assert_eq!(seats["in_person"]["held"], SEATS, "{seats}");
    assert_eq!(
        server.registrations(slug, "?status=confirmed").len(),
        SEATS as usize
    );
    let waiting = server.registrations(slug, "?status=waitlisted");
    assert_eq!(waiting.len(), PEOPLE - SEATS as usize);
    let mut positions: Vec<u64> = waiting
        .iter()
        .map(|r| r["position"].as_u64().unwrap())
        .collect();
    positions.sort_unstable();
    assert_eq!(
        positions,
        (1..=(PEOPLE as u64 - SEATS as u64)).collect::<Vec<_>>(),
        "no gap or repeat"
    );
    assert_invariants(server, slug);
}

fn two_hundred_people_confirming_at_once_get_twenty_seats_and_places_1_to_180(db: &Db) {
    let server = Server::start(db);
    server.create_event("rush", SEATS, Some(0), "open");
    let tokens = join_everyone(&server, "rush");
    confirm_at_once(&[&server], &tokens);
    assert_exactly_twenty_held_and_the_rest_in_line(&server, "rush");
}

/// The room by invitation while the stream is open: half of everyone confirming at once
/// wants the room and waits for it, however many of its seats are free; the other half
/// wants the stream, whose free seats go at once, and no more than it has.
fn with_the_room_by_invitation_and_the_stream_open_only_the_stream_fills_at_once(db: &Db) {
    let server = Server::start(db);
    server.create_event("rush", SEATS, Some(SEATS), "invite_only");
    server.patch_event("rush", json!({"virtual_phase": "open"}));
    let preference = |i: usize| {
        if i.is_multiple_of(2) {
            "in_person"
        } else {
            "virtual"
        }
    };
    let tokens = join_everyone_as(&server, "rush", preference);
    confirm_at_once(&[&server], &tokens);
    let seats = server.seats("rush");
    assert_eq!(seats["in_person"]["held"], 0, "{seats}");
    assert_eq!(seats["in_person"]["waiting"], PEOPLE as u64 / 2, "{seats}");
    assert_eq!(seats["virtual"]["held"], SEATS, "{seats}");
    let confirmed = server.registrations("rush", "?status=confirmed");
    assert_eq!(confirmed.len(), SEATS as usize);
    assert!(
        confirmed.iter().all(|r| r["mode"] == "virtual"),
        "{confirmed:?}"
    );
    let waiting = server.registrations("rush", "?status=waitlisted");
    assert_eq!(waiting.len(), PEOPLE - SEATS as usize);
    assert_invariants(&server, "rush");

    // Opening the room hands its seats to the first in its line, all in one change.
    server.patch_event("rush", json!({"phase": "open"}));
    let offered = server.registrations("rush", "?status=offered");
    assert_eq!(offered.len(), SEATS as usize);
    assert!(offered.iter().all(|r| r["mode"] == "in_person"));
    assert_invariants(&server, "rush");
}

/// Everyone waiting for the room asks for one of the stream's free seats at the same
/// moment: exactly as many get one as there are, each keeping their place in the room's
/// line, and everyone else is told no seat is free.
fn everyone_waiting_for_the_room_attending_virtually_at_once_gets_the_free_seats_only(db: &Db) {
    let server = Server::start(db);
    server.create_event("rush", SEATS, Some(SEATS), "invite_only");
    server.patch_event("rush", json!({"virtual_phase": "open"}));
    let tokens = join_everyone(&server, "rush");
    confirm_at_once(&[&server], &tokens);
    let granted = std::sync::atomic::AtomicUsize::new(0);
    at_once(tokens.len(), |i| {
        let (status, body) = server.post(
            &format!("/api/v1/me/{}/attend-virtually", tokens[i]),
            json!({}),
        );
        match status {
            200 => {
                assert_eq!(body["mode"], "virtual", "{body}");
                assert_eq!(body["waiting_for"]["mode"], "in_person", "{body}");
                granted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            409 => {}
            _ => panic!("{status} {body}"),
        }
    });
    assert_eq!(granted.into_inner(), SEATS as usize);
    let seats = server.seats("rush");
    assert_eq!(seats["virtual"]["held"], SEATS, "{seats}");
    assert_eq!(seats["in_person"]["waiting"], PEOPLE as u64, "{seats}");
    // Each keeps a place of their own in the room's line (the waitlisted ones are numbered
    // 1..n among themselves by `assert_invariants`).
    let mut places: Vec<u64> = server
        .registrations("rush", "?status=confirmed")
        .iter()
        .map(|r| r["waiting_for"]["position"].as_u64().unwrap())
        .collect();
    places.sort_unstable();
    places.dedup();
    assert_eq!(places.len(), SEATS as usize, "{places:?}");
    assert_invariants(&server, "rush");
}

/// The writer looks up the personal links of everyone clicking at once together. Links
/// that match no one, and people erasing themselves while also confirming, must still get
/// the answers they would get alone.
fn links_clicked_at_once_with_unknown_ones_and_erasures_answer_each_alone(db: &Db) {
    let server = Server::start(db);
    server.create_event("rush", SEATS, Some(0), "open");
    let tokens = join_everyone(&server, "rush");
    let (confirming, erasing) = tokens.split_at(PEOPLE / 2);
    let unknown: Vec<String> = (0..PEOPLE / 4).map(|i| format!("{i:0>22}")).collect();
    let barrier = Arc::new(Barrier::new(
        confirming.len() + 2 * erasing.len() + unknown.len(),
    ));
    let server = &server;
    let confirm =
        move |token: &str| server.post(&format!("/api/v1/me/{token}/confirm-email"), json!({}));
    std::thread::scope(|scope| {
        for token in confirming {
            let barrier = barrier.clone();
            scope.spawn(move || {
                barrier.wait();
                let (status, body) = confirm(token);
                assert_eq!(status, 200, "{body}");
            });
        }
        for token in &unknown {
            let barrier = barrier.clone();
            scope.spawn(move || {
                barrier.wait();
                let (status, body) = confirm(token);
                assert_eq!(status, 404, "{body}");
            });
        }
        for token in erasing {
            let erase_barrier = barrier.clone();
            scope.spawn(move || {
                erase_barrier.wait();
                let (status, body) = server.delete(&format!("/api/v1/me/{token}"));
                assert_eq!(status, 204, "{body}");
            });
            let confirm_barrier = barrier.clone();
            scope.spawn(move || {
                confirm_barrier.wait();
                // Before the erasure it confirms; after it the link no longer exists, and never
                // shows the cancelled, erased registration.
                let (status, body) = confirm(token);
                match status {
                    200 => assert_ne!(body["status"], "cancelled", "{body}"),
                    404 => {}
                    _ => panic!("{status} {body}"),
                }
            });
        }
    });
    for token in erasing {
        assert_eq!(server.get(&format!("/api/v1/me/{token}")).0, 404);
    }
    let seats = server.seats("rush");
    assert_eq!(seats["in_person"]["held"], SEATS, "{seats}");
    let waiting = server.registrations("rush", "?status=waitlisted");
    assert_eq!(waiting.len(), confirming.len() - SEATS as usize);
    let mut positions: Vec<u64> = waiting
        .iter()
        .map(|r| r["position"].as_u64().unwrap())
        .collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=waiting.len() as u64).collect::<Vec<_>>());
    assert_invariants(server, "rush");
}

/// Seats freed and places given up at the same moment. The writer keeps a batch's new
/// states until a statement needs them or the batch ends, so this checks that the
/// database ends as the ledger decided: a server started afresh rebuilds its ledger from
/// the database alone and must show the very same statuses and places.
fn cancellations_at_once_leave_the_database_as_the_ledger_decided(db: &Db) {
    let mut server = Server::start(db);
    server.create_event("rush", SEATS, Some(0), "open");
    let tokens = join_everyone(&server, "rush");
    confirm_at_once(&[&server], &tokens);
    let mut holders = Vec::new();
    let mut line = Vec::new();
    for token in &tokens {
        let me = server.me(token);
        match me["status"].as_str() {
            Some("confirmed") => holders.push(token.clone()),
            Some("waitlisted") => line.push((me["position"].as_u64().unwrap(), token.clone())),
            _ => panic!("{me}"),
        }
    }
    line.sort();
    let line: Vec<String> = line.into_iter().map(|(_, token)| token).collect();
    // Everyone holding a seat leaves, and with them the first in line, who are the ones
    // their seats go to, some further back, and the last in line; a few erase themselves.
    let seats = SEATS as usize;
    let leaving: Vec<&String> = holders
        .iter()
        .chain(&line[..seats])
        .chain(&line[2 * seats..3 * seats])
        .chain(&line[line.len() - seats..])
        .collect();
    let erasing = &line[3 * seats..3 * seats + 10];
    at_once(leaving.len() + erasing.len(), |i| match leaving.get(i) {
        Some(token) => {
            let (status, body) = server.post(&format!("/api/v1/me/{token}/cancel"), json!({}));
            assert_eq!(status, 200, "{body}");
            assert_eq!(body["status"], "cancelled", "{body}");
        }
        None => {
            let token = &erasing[i - leaving.len()];
            let (status, body) = server.delete(&format!("/api/v1/me/{token}"));
            assert_eq!(status, 204, "{body}");
        }
    });
    assert_invariants(&server, "rush");
    let standing = |server: &Server| -> Vec<(String, String, Value)> {
        let mut all: Vec<(String, String, Value)> = server
            .registrations("rush", "")
            .into_iter()
            .map(|r| {
                let email = r["email"].as_str().unwrap().to_owned();
                (
                    email,
                    r["status"].as_str().unwrap().to_owned(),
                    r["position"].clone(),
                )
            })
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    let before = standing(&server);
    let offered = before.iter().filter(|r| r.1 == "offered").count();
    assert_eq!(
        offered, seats,
        "every freed seat is offered to the next in line"
    );
    server.kill();
    let server = Server::launch(db, server.token.clone(), &[]);
    assert_eq!(standing(&server), before);
    assert_invariants(&server, "rush");
}

on_both_databases!(
    two_hundred_people_confirming_at_once_get_twenty_seats_and_places_1_to_180,
    links_clicked_at_once_with_unknown_ones_and_erasures_answer_each_alone,
    cancellations_at_once_leave_the_database_as_the_ledger_decided,
    with_the_room_by_invitation_and_the_stream_open_only_the_stream_fills_at_once,
    everyone_waiting_for_the_room_attending_virtually_at_once_gets_the_free_seats_only,
);

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn two_instances_on_one_postgresql_never_overbook() {
    let db = Db::postgres();
    let first = Server::start(&db);
    let second = Server::launch(&db, first.token.clone(), &[]);
    first.create_event("rush", SEATS, Some(0), "open");
    let tokens = join_everyone(&first, "rush");
    confirm_at_once(&[&first, &second], &tokens);
    assert_exactly_twenty_held_and_the_rest_in_line(&first, "rush");
    assert_exactly_twenty_held_and_the_rest_in_line(&second, "rush");

    // Both instances now free seats at once: each freed seat goes to exactly one person.
    let confirmed = first.registrations("rush", "?status=confirmed");
    let leaving: Vec<_> = confirmed
        .iter()
        .take(10)
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    std::thread::scope(|scope| {
        for (i, id) in leaving.iter().enumerate() {
            let server = if i % 2 == 0 { &first } else { &second };
            scope.spawn(move || {
                let (status, body) = server.organizer(
                    reqwest::Method::POST,
                    &format!("/api/v1/registrations/{id}/revoke"),
                    json!({}),
                );
                assert_eq!(status, 200, "{body}");
            });
        }
    });
    let seats = first.seats("rush");
    assert_eq!(seats["in_person"]["held"], SEATS, "{seats}");
    assert_eq!(first.registrations("rush", "?status=offered").len(), 10);
    assert_invariants(&first, "rush");
}
