//! The writer's batches, applied directly: commands that arrive together share one
//! transaction, and each must see what the ones before it decided. Over HTTP which
//! commands share a batch is up to timing; here it is fixed.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use chrono::{Duration, SubsecRound};

use super::*;
use crate::domain::{Email, PersonName, Phase, Preference, Slug, Status};
use crate::store::registrations::RegistrationRow;
use crate::store::schema::outbox;
use crate::store::{events, registrations};

/// A fresh database: SQLite in a temporary folder, or one made on the PostgreSQL server of
/// `TEST_DATABASE_URL`, dropped again at the end.
enum TestDb {
    /// Kept so the folder lives as long as the database.
    Sqlite {
        _folder: tempfile::TempDir,
    },
    Postgres {
        admin: String,
        name: String,
    },
}

impl TestDb {
    fn sqlite() -> (TestDb, String) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = dir.path().join("registrar.db").display().to_string();
        (TestDb::Sqlite { _folder: dir }, url)
    }

    /// Only for tests marked as needing the server: without it they fail, never pass unrun.
    fn postgres() -> (TestDb, String) {
        let admin = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
            panic!(
                "this test needs TEST_DATABASE_URL, a PostgreSQL server to make its database on \
                 (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)"
            )
        });
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let name = format!(
            "registrar_engine_{}_{}",
            std::process::id(),
            MADE.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let mut conn = PgConnection::establish(&admin).expect("connecting to TEST_DATABASE_URL");
        for statement in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            conn.batch_execute(&statement)
                .expect("creating a test database");
        }
        let base = admin
            .rsplit_once('/')
            .map_or(admin.as_str(), |(base, _)| base);
        let url = format!("{base}/{name}");
        (TestDb::Postgres { admin, name }, url)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin, name } = self {
            if let Ok(mut conn) = PgConnection::establish(admin) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

fn writer_on(url: &str) -> Writer {
    let manager = ConnectionManager::new(url);
    let mut conn = manager.establish().expect("a connection");
    store::migrate(&mut conn).expect("migrations");
    let (mail_wake, _) = mpsc::sync_channel(1);
    Writer {
        manager,
        conn: None,
        cache: HashMap::new(),
        public_url: "http://registrar.test".into(),
        mail_wake,
        outbox_dir: None,
    }
}

/// Applies the commands in one batch, as the writer does with commands that queue up
/// together, and returns their outcomes in order.
fn together(writer: &mut Writer, commands: Vec<Command>) -> Vec<Result<Outcome, EngineError>> {
    let (jobs, answers): (Vec<Job>, Vec<_>) = commands
        .into_iter()
        .map(|command| {
            let (reply, answer) = oneshot::channel();
            (Job { command, reply }, answer)
        })
        .unzip();
    writer.process(jobs);
    answers
        .into_iter()
        .map(|mut answer| answer.try_recv().expect("every command is answered"))
        .collect()
}

fn alone(writer: &mut Writer, command: Command) -> Outcome {
    together(writer, vec![command])
        .pop()
        .expect("one outcome")
        .expect("the command succeeds")
}

fn join(email: &str) -> Command {
    Command::Join {
        slug: "ws".into(),
        join: Join {
            email: Email::parse(email).expect("an address"),
            name: PersonName::parse("Someone").expect("a name"),
            affiliation: None,
            preference: Preference::InPerson,
            answers: Default::default(),
            language: Default::default(),
        },
    }
}

fn personal(token: &str, action: PersonalAction) -> Command {
    Command::Personal {
        token: token.to_owned(),
        action,
    }
}

fn registration(writer: &mut Writer, email: &str) -> RegistrationRow {
    let conn = writer.conn.as_mut().expect("connected");
    let event = events::by_slug(conn, "ws")
        .expect("a query")
        .expect("the event");
    registrations::by_email(conn, event.id, email)
        .expect("a query")
        .expect("a registration")
}

/// The personal link in the newest email to this person.
fn link_of(writer: &mut Writer, email: &str) -> String {
    let id = registration(writer, email).id;
    let conn = writer.conn.as_mut().expect("connected");
    let link: Option<String> = crate::on_backend!(conn, |c| outbox::table
        .filter(outbox::registration_id.eq(id))
        .order(outbox::id.desc())
        .select(outbox::link)
        .first(c))
    .expect("an email");
    let link = link.expect("a personal link");
    link.rsplit_once("/r/").expect("a link").1.to_owned()
}

/// Creates an open event "ws" with `seats` in-person seats and no virtual ones.
fn open_workshop(seats: u32) -> Command {
    open_event("ws", seats, 0)
}

/// Creates an open event with seats in the room and virtual ones.
fn open_event(slug: &str, seats: u32, virtual_seats: u32) -> Command {
    // As an API client sends it: to the second, which both databases keep exactly.
    let start = (Utc::now() + Duration::days(30)).trunc_subsecs(0);
    Command::CreateEvent {
        settings: EventSettings {
            slug: Slug::parse(slug).expect("a slug"),
            title: "Workshop".into(),
            description: String::new(),
            starts_at: start,
            ends_at: start + Duration::hours(8),
            timezone: chrono_tz::Europe::Amsterdam,
            venue: "Room 1".into(),
            meeting_url: None,
            in_person_capacity: seats,
            virtual_capacity: Some(virtual_seats),
            phase: Phase::Open,
            virtual_phase: None,
            offer_window_hours: 48,
            invitation_window_days: 14,
            auto_confirm: false,
            programme: Default::default(),
            questions: Default::default(),
            reminder_hours_before: Default::default(),
            reconfirm: None,
            episode: Default::default(),
            language: None,
        },
        actor: "organizer".into(),
    }
}

/// Someone leaves and joins again in one batch. The cancellation is kept back to be
/// written with the batch's other states, so the join must not read the registration as
/// still waiting, and the kept-back state must not overwrite the fresh start afterwards.
fn leaving_and_joining_again_in_one_batch_starts_afresh(url: &str) {
    let mut writer = writer_on(url);
    alone(&mut writer, open_workshop(1));
    for outcome in together(
        &mut writer,
        vec![join("a@example.org"), join("b@example.org")],
    ) {
        outcome.expect("a join");
    }
    let (a, b) = (
        link_of(&mut writer, "a@example.org"),
        link_of(&mut writer, "b@example.org"),
    );
    alone(&mut writer, personal(&a, PersonalAction::ConfirmEmail));
    alone(&mut writer, personal(&b, PersonalAction::ConfirmEmail));
    assert_eq!(
        registration(&mut writer, "b@example.org").status,
        Status::Waitlisted
    );

    let outcomes = together(
        &mut writer,
        vec![personal(&b, PersonalAction::Cancel), join("b@example.org")],
    );
    assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    assert_eq!(
        registration(&mut writer, "b@example.org").status,
        Status::PendingEmail
    );
    assert_eq!(
        registration(&mut writer, "a@example.org").status,
        Status::Confirmed
    );
}

#[test]
fn leaving_and_joining_again_in_one_batch_starts_afresh_on_sqlite() {
    let (_db, url) = TestDb::sqlite();
    leaving_and_joining_again_in_one_batch_starts_afresh(&url);
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn leaving_and_joining_again_in_one_batch_starts_afresh_on_postgres() {
    let (_db, url) = TestDb::postgres();
    leaving_and_joining_again_in_one_batch_starts_afresh(&url);
}

/// Two clicks on "move up" that arrive together move the entry up twice: each move is
/// decided from the priority the entry has when it is applied.
fn two_moves_up_in_one_batch_move_twice(url: &str) {
    let mut writer = writer_on(url);
    alone(&mut writer, open_workshop(0));
    alone(&mut writer, join("a@example.org"));
    let a = link_of(&mut writer, "a@example.org");
    alone(&mut writer, personal(&a, PersonalAction::ConfirmEmail));
    let id = registration(&mut writer, "a@example.org").id;
    let up = || Command::MoveInLine {
        id,
        by: 1,
        actor: "organizer".into(),
    };
    let outcomes = together(&mut writer, vec![up(), up()]);
    assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    assert_eq!(registration(&mut writer, "a@example.org").priority, 2);
}

#[test]
fn two_moves_up_in_one_batch_move_twice_on_sqlite() {
    let (_db, url) = TestDb::sqlite();
    two_moves_up_in_one_batch_move_twice(&url);
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn two_moves_up_in_one_batch_move_twice_on_postgres() {
    let (_db, url) = TestDb::postgres();
    two_moves_up_in_one_batch_move_twice(&url);
}

mod shared_ledger;

/// Requests for a confirmation to one address are counted across the batches and inside
/// one: the batch counts what was sent before it once for all its joins, then adds what
/// it queues itself.
fn one_address_gets_at_most_the_daily_requests_whatever_the_batches(url: &str) {
    let mut writer = writer_on(url);
    alone(&mut writer, open_workshop(1));
    let batches = [
        vec![
            join("a@example.org"),
            join("a@example.org"),
            join("b@example.org"),
        ],
        vec![
            join("a@example.org"),
            join("a@example.org"),
            join("c@example.org"),
        ],
        vec![join("a@example.org")],
        vec![join("a@example.org"), join("b@example.org")],
    ];
    for batch in batches {
        for outcome in together(&mut writer, batch) {
            outcome.expect("a join is answered alike, sent or not");
        }
    }
    let since = (chrono::Utc::now() - chrono::Duration::days(1)).naive_utc();
    let conn = writer.conn.as_mut().expect("connected");
    let sent = |conn: &mut store::DbConnection, address: &str| {
        store::outbox::sent_to_address_since(conn, address, &batch::REQUEST_KINDS, since)
            .expect("a count")
    };
    assert_eq!(sent(conn, "a@example.org"), participant::REQUESTS_A_DAY);
    assert_eq!(sent(conn, "b@example.org"), 2);
    assert_eq!(sent(conn, "c@example.org"), 1);
}

#[test]
fn one_address_gets_at_most_the_daily_requests_whatever_the_batches_on_sqlite() {
    let (_db, url) = TestDb::sqlite();
    one_address_gets_at_most_the_daily_requests_whatever_the_batches(&url);
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn one_address_gets_at_most_the_daily_requests_whatever_the_batches_on_postgres() {
    let (_db, url) = TestDb::postgres();
    one_address_gets_at_most_the_daily_requests_whatever_the_batches(&url);
}

fn join_answering(email: &str, stage: Option<&str>) -> Command {
    let Command::Join { slug, mut join } = join(email) else {
        unreachable!("join makes a join")
    };
    join.answers = Answers::stored(
        stage
            .map(|stage| ("stage".to_owned(), vec![stage.to_owned()]))
            .into_iter()
            .collect(),
    );
    Command::Join { slug, join }
}

fn stage_in(outcome: &Result<Outcome, EngineError>) -> Option<String> {
    match outcome {
        Ok(Outcome::Personal(view)) => view
            .answers
            .iter()
            .find(|(key, _)| *key == "stage")
            .map(|(_, values)| values.join(",")),
        other => panic!("a personal view, not {other:?}"),
    }
}

/// Clicks on links that arrive together each get their own person's answers, read for
/// the whole batch at once, and answers changed earlier in the same batch are read anew.
fn each_click_in_a_batch_answers_with_its_own_answers(url: &str) {
    let mut writer = writer_on(url);
    alone(&mut writer, open_workshop(1));
    for outcome in together(
        &mut writer,
        vec![
            join_answering("a@example.org", Some("Postdoc")),
            join_answering("b@example.org", Some("Faculty")),
            join_answering("c@example.org", None),
        ],
    ) {
        outcome.expect("a join");
    }
    let links: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|name| link_of(&mut writer, &format!("{name}@example.org")))
        .collect();
    let confirmed = together(
        &mut writer,
        links
            .iter()
            .map(|link| personal(link, PersonalAction::ConfirmEmail))
            .collect(),
    );
    let stages: Vec<Option<String>> = confirmed.iter().map(stage_in).collect();
    assert_eq!(
        stages,
        [Some("Postdoc".to_owned()), Some("Faculty".to_owned()), None]
    );

    // c leaves, then joins again with an answer and clicks an old link in the same batch.
    alone(&mut writer, personal(&links[2], PersonalAction::Cancel));
    let outcomes = together(
        &mut writer,
        vec![
            personal(&links[0], PersonalAction::ConfirmEmail),
            join_answering("c@example.org", Some("PhD student")),
            personal(&links[2], PersonalAction::ConfirmEmail),
        ],
    );
    assert_eq!(stage_in(&outcomes[0]).as_deref(), Some("Postdoc"));
    outcomes[1].as_ref().expect("the join");
    assert_eq!(stage_in(&outcomes[2]).as_deref(), Some("PhD student"));
}

#[test]
fn each_click_in_a_batch_answers_with_its_own_answers_on_sqlite() {
    let (_db, url) = TestDb::sqlite();
    each_click_in_a_batch_answers_with_its_own_answers(&url);
}

#[test]
#[ignore = "needs TEST_DATABASE_URL (PostgreSQL)"]
fn each_click_in_a_batch_answers_with_its_own_answers_on_postgres() {
    let (_db, url) = TestDb::postgres();
    each_click_in_a_batch_answers_with_its_own_answers(&url);
}
