//! The ledger readers share is the one the database holds: after random batches of joins,
//! answers, organizer actions and changes of capacity, the ledger the writer published
//! for the committed version equals one built afresh from the stored registrations, as
//! a restarted server would build it; and the organizer API's list, written out a part at
//! a time, names the same registrations in the same order as the whole list read at once.

use std::cell::RefCell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::*;
use crate::domain::{EventPatch, Ledger, Mode};
use crate::published;
use crate::store::convert::{entry_of, rules_of};
use crate::store::DbConnection;

/// People an event's steps choose among; few, so that steps meet the same people.
const PEOPLE: usize = 6;

#[derive(Debug, Clone)]
enum Step {
    Join(usize, Preference),
    Act(usize, PersonalAction),
    Invite(usize, Option<Mode>),
    Promote(usize),
    Revoke(usize),
    Move(usize, i32),
    /// A new deadline, this many hours ahead, for an invitation or offer.
    Hold(usize, i64),
    Seats(Mode, u32),
}

fn a_mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::InPerson), Just(Mode::Virtual)]
}

fn an_action() -> impl Strategy<Value = PersonalAction> {
    prop_oneof![
        2 => Just(PersonalAction::ConfirmEmail),
        3 => proptest::option::of(a_mode()).prop_map(PersonalAction::Accept),
        1 => Just(PersonalAction::Decline),
        1 => Just(PersonalAction::Cancel),
        1 => a_mode().prop_map(PersonalAction::Switch),
        1 => a_mode().prop_map(PersonalAction::WaitFor),
        1 => Just(PersonalAction::LeaveWait),
        1 => Just(PersonalAction::AttendVirtually),
        1 => Just(PersonalAction::Erase),
    ]
}

fn a_step() -> impl Strategy<Value = Step> {
    let person = 0..PEOPLE;
    let preference = prop_oneof![
        Just(Preference::InPerson),
        Just(Preference::Virtual),
        Just(Preference::Either),
    ];
    prop_oneof![
        4 => (person.clone(), preference).prop_map(|(p, pref)| Step::Join(p, pref)),
        6 => (person.clone(), an_action()).prop_map(|(p, a)| Step::Act(p, a)),
        1 => (person.clone(), proptest::option::of(a_mode())).prop_map(|(p, m)| Step::Invite(p, m)),
        1 => person.clone().prop_map(Step::Promote),
        1 => person.clone().prop_map(Step::Revoke),
        3 => (person.clone(), prop_oneof![Just(1), Just(-1)]).prop_map(|(p, by)| Step::Move(p, by)),
        1 => (person, 1..200i64).prop_map(|(p, h)| Step::Hold(p, h)),
        1 => (a_mode(), 0..4u32).prop_map(|(m, n)| Step::Seats(m, n)),
    ]
}

/// Batches of steps, each batch applied in one transaction as commands that queue up
/// together are.
fn some_batches() -> impl Strategy<Value = Vec<Vec<Step>>> {
    proptest::collection::vec(proptest::collection::vec(a_step(), 1..5), 8..32)
}

/// An address of its own per event: a few requests a day to one address are all it gets.
fn address(slug: &str, person: usize) -> String {
    format!("person{person}.{slug}@example.org")
}

fn event_row(writer: &mut Writer, slug: &str) -> EventRow {
    let conn = writer.conn.as_mut().expect("connected");
    events::by_slug(conn, slug)
        .expect("a query")
        .expect("the event")
}

fn registration_of(
    writer: &mut Writer,
    event: &EventRow,
    person: usize,
) -> Option<RegistrationRow> {
    let conn = writer.conn.as_mut().expect("connected");
    registrations::by_email(conn, event.id, &address(&event.slug, person)).expect("a query")
}

/// The personal token of the newest email to a registration, if it was sent one.
fn newest_token(writer: &mut Writer, registration: &RegistrationRow) -> Option<String> {
    let conn = writer.conn.as_mut().expect("connected");
    let link: Option<Option<String>> = crate::on_backend!(conn, |c| outbox::table
        .filter(outbox::registration_id.eq(registration.id))
        .order(outbox::id.desc())
        .select(outbox::link)
        .first(c)
        .optional())
    .expect("a query");
    Some(link??.rsplit_once("/r/")?.1.to_owned())
}

/// The command a step stands for, or none when it names someone it cannot reach (no
/// registration, or no link yet).
fn command_of(writer: &mut Writer, slug: &str, step: &Step) -> Option<Command> {
    let event = event_row(writer, slug);
    let actor = || "organizer".to_owned();
    let registered = |writer: &mut Writer, person: usize| registration_of(writer, &event, person);
    Some(match step {
        Step::Join(person, preference) => Command::Join {
            slug: slug.to_owned(),
            join: Join {
                email: Email::parse(&address(slug, *person)).expect("an address"),
                name: PersonName::parse("Someone").expect("a name"),
                affiliation: None,
                preference: *preference,
                answers: Default::default(),
                language: Default::default(),
            },
        },
        Step::Act(person, action) => {
            let registration = registered(writer, *person)?;
            let token = newest_token(writer, &registration)?;
            // Nothing but confirming the address is open to someone who has not yet, and
            // the steps are more use on people past it.
            let action = match registration.status {
                Status::PendingEmail => PersonalAction::ConfirmEmail,
                _ => *action,
            };
            personal(&token, action)
        }
        Step::Invite(person, mode) => Command::Invite {
            slug: slug.to_owned(),
            invitees: vec![Invitee {
                email: Email::parse(&address(slug, *person)).expect("an address"),
                name: PersonName::parse("Someone").expect("a name"),
                affiliation: None,
                mode: *mode,
                language: None,
            }],
            hold_until: None,
            actor: actor(),
        },
        Step::Promote(person) => Command::Promote {
            id: registered(writer, *person)?.id,
            actor: actor(),
        },
        Step::Revoke(person) => Command::Revoke {
            id: registered(writer, *person)?.id,
            actor: actor(),
        },
        Step::Move(person, by) => Command::MoveInLine {
            id: registered(writer, *person)?.id,
            by: *by,
            actor: actor(),
        },
        Step::Hold(person, hours) => Command::SetHold {
            id: registered(writer, *person)?.id,
            until: Utc::now() + Duration::hours(*hours),
            actor: actor(),
        },
        Step::Seats(mode, seats) => Command::UpdateEvent {
            slug: slug.to_owned(),
            patch: match mode {
                Mode::InPerson => EventPatch {
                    in_person_capacity: Some(*seats),
                    ..Default::default()
                },
                Mode::Virtual => EventPatch {
                    virtual_capacity: Some(Some(*seats)),
                    ..Default::default()
                },
            },
            actor: actor(),
        },
    })
}

/// The ledger published for the event's committed version, and the writer's copy of it,
/// equal the one its stored registrations make; returns how many of the two there were
/// (a version the writer did not change, such as a new event's, is published by the first
/// reader instead).
fn compare_with_the_stored_ledger(writer: &mut Writer, slug: &str) -> usize {
    let event = event_row(writer, slug);
    let conn = writer.conn.as_mut().expect("connected");
    let stored = registrations::active(conn, event.id).expect("a query");
    let rebuilt = Ledger::new(rules_of(&event), stored.iter().map(entry_of));
    let mut compared = 0;
    if let Some(shared) = published::published(event.id, event.version) {
        assert_eq!(*shared, rebuilt, "the shared ledger of {slug}");
        compared += 1;
    }
    if let Some(cached) = writer.cache.get(&event.id) {
        if cached.event.version == event.version {
            assert_eq!(*cached.ledger, rebuilt, "the writer's ledger of {slug}");
            compared += 1;
        }
    }
    compared
}

/// The ids the organizer API's list writes out a part at a time are those of the whole
/// list read at once, in the same order, for every filter.
fn compare_the_listings(writer: &mut Writer, slug: &str) {
    let conn = writer.conn.as_mut().expect("connected");
    let state = crate::reads::event_by_slug(conn, slug, chrono::Utc::now())
        .expect("a query")
        .expect("the event");
    let statuses = std::iter::once(None).chain(Status::ALL.iter().copied().map(Some));
    for status in statuses {
        for mode in [None, Some(Mode::InPerson), Some(Mode::Virtual)] {
            let whole: Vec<_> = crate::reads::registrations_of(conn, &state, status, mode)
                .expect("a query")
                .into_iter()
                .map(|r| r.row.id)
                .collect();
            let listed = crate::reads::listed_ids(conn, &state, status, mode).expect("a query");
            assert_eq!(listed, whole, "{slug} listed with {status:?} and {mode:?}");
        }
    }
}

/// Makes the database's next event ids start at `first`. The shelf of published ledgers
/// is one per process, keyed by event id, and tests on other databases share the process:
/// ids of their own keep this test's ledgers apart from theirs.
fn number_events_from(writer: &mut Writer, first: i64) {
    writer.connect().expect("a connection");
    let statement = match writer.conn.as_mut().expect("connected") {
        DbConnection::Sqlite(_) => {
            format!(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('events', {})",
                first - 1
            )
        }
        DbConnection::Postgres(_) => format!("SELECT setval('events_id_seq', {})", first - 1),
    };
    let conn = writer.conn.as_mut().expect("connected");
    crate::on_backend!(conn, |c| c.batch_execute(&statement)).expect("numbering events");
}

fn random_batches_leave_the_shared_ledger_as_the_database_holds_it(
    url: &str,
    first_event_id: i64,
    cases: u32,
) {
    let writer = RefCell::new(writer_on(url));
    number_events_from(&mut writer.borrow_mut(), first_event_id);
    let events = std::cell::Cell::new(0);
    let published_compared = std::cell::Cell::new(0u64);
    let mut runner = TestRunner::new(Config {
        cases,
        // A failing case is shrunk on the same database, one new event per attempt.
        max_shrink_iters: 200,
        ..Config::default()
    });
    runner
        .run(&some_batches(), |batches| {
            let writer = &mut *writer.borrow_mut();
            events.set(events.get() + 1);
            let slug = format!("ev{}", events.get());
            alone(writer, open_event(&slug, 1, 1));
            let mut compared = 0;
            for batch in &batches {
                let commands: Vec<Command> = batch
                    .iter()
                    .filter_map(|step| command_of(writer, &slug, step))
                    .collect();
                // Refusals are answers like any other; what matters is what was kept.
                for outcome in together(writer, commands) {
                    if let Err(e @ (EngineError::Unavailable | EngineError::Internal(_))) = outcome
                    {
                        panic!("a batch failed: {e:?}");
                    }
                }
                compared += compare_with_the_stored_ledger(writer, &slug);
                compare_the_listings(writer, &slug);
            }
            published_compared.set(published_compared.get() + compared as u64);
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    assert!(
        published_compared.get() > u64::from(cases),
        "too few ledgers compared: {}",
        published_compared.get()
    );
}

#[test]
fn random_batches_leave_the_shared_ledger_as_the_database_holds_it_on_sqlite() {
    let (_db, url) = TestDb::sqlite();
    random_batches_leave_the_shared_ledger_as_the_database_holds_it(&url, 1_000_000, 48);
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn random_batches_leave_the_shared_ledger_as_the_database_holds_it_on_postgres() {
    let (_db, url) = TestDb::postgres();
    random_batches_leave_the_shared_ledger_as_the_database_holds_it(&url, 2_000_000, 24);
}
