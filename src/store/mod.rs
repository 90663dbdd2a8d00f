//! Storage with diesel on SQLite or PostgreSQL, chosen by the database URL. Every query is
//! written once and compiled for both backends by `on_backend!`; transactions begin only in
//! `in_transaction`.
//!
//! Lookups by a unique key use `get_result`, not `first`: `first` adds `LIMIT ?`, and SQLite
//! prepares a statement whose limit is a bound parameter again on every execution, which
//! cost the writer a third of its time in a registration rush.

pub mod answers;
pub mod audit;
pub mod backup;
pub mod calendar_feeds;
pub mod check_in;
pub mod columns;
pub mod convert;
pub mod dashboard;
pub mod events;
pub mod newsletter;
pub mod organizers;
pub mod outbox;
pub mod programme;
pub mod registrations;
pub mod reminders;
pub mod retention;
pub mod schema;
pub mod sends;
pub mod series;
pub mod site;
pub mod stats;
pub mod tokens;

use std::marker::PhantomData;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to whichever database the configuration names.
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// Runs the same diesel code on the concrete connection of either backend, so each query
/// gets the full API of its backend (RETURNING, FOR UPDATE) while being written once.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::store::DbConnection::Postgres($c) => $body,
            $crate::store::DbConnection::Sqlite($c) => $body,
        }
    };
}

/// A statement whose SQL text is the same on every run, named by `Marker` so that diesel
/// keeps one prepared copy per connection by type. diesel builds the text of a derived
/// insert afresh on every run (a row's `None` may leave its column to the DEFAULT) and
/// then finds the prepared copy by that text, and a rush runs three or four inserts per
/// confirmation.
///
/// Only for statements whose text cannot vary: one row at a time, `None` written as NULL
/// (`treat_none_as_default_value = false`), and one marker per text.
pub struct Kept<Marker, Q> {
    query: Q,
    marker: PhantomData<fn() -> Marker>,
}

impl<Marker, Q> Kept<Marker, Q> {
    pub fn new(query: Q) -> Self {
        Kept {
            query,
            marker: PhantomData,
        }
    }
}

impl<Q> Kept<(), Q> {
    /// The insert of one row, named by the row's type.
    pub fn row<Row: 'static>(_row: &Row, query: Q) -> Kept<Row, Q> {
        Kept::new(query)
    }
}

impl<Marker: 'static, Q> QueryId for Kept<Marker, Q> {
    type QueryId = Marker;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<Marker, Q, DB> QueryFragment<DB> for Kept<Marker, Q>
where
    DB: diesel::backend::Backend,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.query.walk_ast(pass)
    }
}

impl<Marker, Q: Query> Query for Kept<Marker, Q> {
    type SqlType = Q::SqlType;
}

impl<Marker, Q, Conn> diesel::RunQueryDsl<Conn> for Kept<Marker, Q> {}

/// Inserts many rows of one table. On PostgreSQL in one statement, since each statement is
/// a round trip. On SQLite one prepared statement per row, kept and run again: a
/// statement of hundreds of rows is parsed afresh every time (it never matches a kept
/// one), which cost more than running the kept one per row, and it needs a journal of
/// its own in case a later row fails.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        use diesel::RunQueryDsl as _;
        match $conn {
            $crate::store::DbConnection::Postgres(c) => diesel::insert_into($table)
                .values($rows)
                .execute(c)
                .map(|_| ()),
            $crate::store::DbConnection::Sqlite(c) => $rows.iter().try_for_each(|row| {
                $crate::store::Kept::row(row, diesel::insert_into($table).values(row))
                    .execute(c)
                    .map(|_| ())
            }),
        }
    }};
}
pub(crate) use insert_rows;

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type QueryResult<T> = diesel::QueryResult<T>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Opens connections itself (rather than diesel's derived `establish`) so the real error of
/// a failed connection reaches the log, and so every SQLite connection gets its PRAGMAs.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: String,
    backend: Backend,
}

impl ConnectionManager {
    pub fn new(url: &str) -> Self {
        ConnectionManager {
            url: url.to_owned(),
            backend: Backend::of(url),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn establish(&self) -> Result<DbConnection, diesel::ConnectionError> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url).map(DbConnection::Postgres),
            Backend::Sqlite => {
                let path = self.url.strip_prefix("sqlite://").unwrap_or(&self.url);
                let mut conn = SqliteConnection::establish(path)?;
                // One PRAGMA per call: a batch stops quietly after the first on some versions.
                for pragma in [
                    "PRAGMA busy_timeout = 10000",
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = FULL",
                    "PRAGMA foreign_keys = ON",
                    // Checkpoints run on their own thread (see `spawn_checkpointer`), not in
                    // the commit that happens to fill the log: that was the writer's.
                    "PRAGMA wal_autocheckpoint = 0",
                    // Half the default page cache: a reader's queries touch few pages, and
                    // every pooled connection keeps its own copy.
                    "PRAGMA cache_size = -1024",
                ] {
                    conn.batch_execute(pragma)
                        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                }
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

/// How often the SQLite log is copied back into the database file.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// On SQLite, copies the write-ahead log back into the database file in the background,
/// so no committing request pays for it. A passive checkpoint never blocks a writer.
pub fn spawn_checkpointer(manager: &ConnectionManager) {
    if manager.backend() != Backend::Sqlite {
        return;
    }
    let manager = manager.clone();
    std::thread::Builder::new()
        .name("registrar-checkpoint".into())
        .spawn(move || {
            let mut conn = None;
            loop {
                std::thread::sleep(CHECKPOINT_EVERY);
                if conn.is_none() {
                    conn = manager.establish().ok();
                }
                if let Some(DbConnection::Sqlite(c)) = conn.as_mut() {
                    if let Err(error) = c.batch_execute("PRAGMA wal_checkpoint(PASSIVE)") {
                        tracing::warn!(%error, "checkpoint of the SQLite log failed");
                        conn = None;
                    }
                }
            }
        })
        .expect("spawning the checkpoint thread");
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConnection, diesel::ConnectionError> {
        self.establish()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), diesel::ConnectionError> {
        on_backend!(conn, |c| c.batch_execute("SELECT 1"))
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

pub fn pool(url: &str, size: u32) -> Result<Pool, r2d2::Error> {
    // A connection to a server can break (a restart, the network); one to a local file
    // cannot, and testing it cost every read a statement parsed anew.
    let remote = Backend::of(url) == Backend::Postgres;
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .test_on_check_out(remote)
        .connection_timeout(Duration::from_secs(5))
        .build(ConnectionManager::new(url))
}

/// The mail worker's own connection, whose commits do not wait until they are on disk.
/// Its bookkeeping (claims, "sent" marks) does not need to: a power cut that lost a mark
/// would send that email again, while waiting for the disk on every email would slow down
/// the commits that acknowledge registrations. A crash of this process loses nothing
/// either way.
///
/// On PostgreSQL its statements are planned for the ids they are given, every time. A
/// prepared statement otherwise settles on a generic plan after five runs, and the mail
/// worker's first runs come when registration opens and the tables are nearly empty: the
/// names of a claim's people were then looked up by reading the whole table of
/// registrations, for good (until the next `ANALYZE`), though the primary key finds them
/// at once. Planning afresh costs little for the few statements of a claim.
pub fn mail_pool(url: &str) -> Result<Pool, r2d2::Error> {
    r2d2::Pool::builder()
        .max_size(1)
        .min_idle(Some(1))
        .test_on_check_out(true)
        .connection_timeout(Duration::from_secs(5))
        .connection_customizer(Box::new(MailWorkerSettings))
        .build(ConnectionManager::new(url))
}

#[derive(Debug)]
struct MailWorkerSettings;

impl r2d2::CustomizeConnection<DbConnection, diesel::ConnectionError> for MailWorkerSettings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::ConnectionError> {
        match conn {
            DbConnection::Sqlite(c) => c.batch_execute("PRAGMA synchronous = NORMAL"),
            DbConnection::Postgres(c) => c.batch_execute(
                "SET synchronous_commit = off; SET plan_cache_mode = force_custom_plan",
            ),
        }
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }
}

/// Applies the migrations that have not run yet.
pub fn migrate(conn: &mut DbConnection) -> anyhow::Result<()> {
    let result = match conn {
        DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| anyhow::anyhow!("applying migrations: {e}"))
}

/// Whether every migration embedded in this binary has been applied.
pub fn migrations_current(conn: &mut DbConnection) -> bool {
    match conn {
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    }
    .map(|pending| !pending)
    .unwrap_or(false)
}

/// The writer's connection keeps more of the database in memory than a reader's: every
/// confirmation looks up a random personal link and updates a random registration, and
/// with the default cache most of those lookups read the file again; this one holds what
/// a rush of 10,000 people touches.
///
/// Its statement journals stay in memory too. A statement that changes many rows keeps
/// the pages it changes in a journal, in case it fails halfway; past 64 KiB SQLite moves
/// that journal into a temporary file created for the purpose, which the writer then
/// waits for. A journal holds no more than the pages one statement changes.
pub fn writer_settings(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(c) => {
            c.batch_execute("PRAGMA cache_size = -8192")?;
            c.batch_execute("PRAGMA temp_store = MEMORY")
        }
        DbConnection::Postgres(_) => Ok(()),
    }
}

/// Runs `work` in one write transaction. SQLite takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails on the
/// lock upgrade, which `busy_timeout` does not cover.
pub fn in_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    // Through diesel's transaction manager, so that diesel's own nested transactions (a
    // batch insert on SQLite) become savepoints inside this one.
    let begin = match conn {
        DbConnection::Postgres(_) => "BEGIN",
        DbConnection::Sqlite(_) => "BEGIN IMMEDIATE",
    };
    on_backend!(conn, |c| AnsiTransactionManager::begin_transaction_sql(
        c, begin
    ))?;
    match work(conn) {
        Ok(value) => match on_backend!(conn, |c| AnsiTransactionManager::commit_transaction(c)) {
            Ok(()) => Ok(value),
            Err(e) => {
                let _ = on_backend!(conn, |c| AnsiTransactionManager::rollback_transaction(c));
                Err(e.into())
            }
        },
        Err(e) => {
            let _ = on_backend!(conn, |c| AnsiTransactionManager::rollback_transaction(c));
            Err(e)
        }
    }
}

/// Whether an error means the database is out of reach (restart, network) rather than a
/// fault of the request.
pub fn is_unavailable(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => true,
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            let message = info.message();
            message.contains("database is locked")
                || message.contains("terminating connection")
                || message.contains("server closed the connection")
                || message.contains("connection")
        }
        Error::BrokenTransactionManager => true,
        _ => false,
    }
}

pub fn to_db_time(at: DateTime<Utc>) -> NaiveDateTime {
    at.naive_utc()
}

pub fn from_db_time(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// A time as the writer binds it. On SQLite a time is stored as text, which diesel writes
/// with chrono's `format("%F %T%.f")`: that parses the format string anew for every value,
/// and the writer binds about six a confirmation. This writes the very same text directly. On PostgreSQL a time is
/// bound as diesel binds it. Rows hold times as this type too, and give them in UTC
/// ([`DbTime::utc`]).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Timestamp)]
pub struct DbTime(pub NaiveDateTime);

impl DbTime {
    pub fn of(at: DateTime<Utc>) -> DbTime {
        DbTime(to_db_time(at))
    }

    /// The time it names, in UTC.
    pub fn utc(self) -> DateTime<Utc> {
        from_db_time(self.0)
    }

    /// The text diesel's `format("%F %T%.f")` gives: fractional seconds left out when
    /// zero, else in 3, 6 or 9 digits, as few as hold them exactly.
    pub fn sqlite_text(&self) -> String {
        use chrono::{Datelike, Timelike};
        let (date, time) = (self.0.date(), self.0.time());
        let nanos = time.nanosecond();
        // Years of other than four digits, and leap seconds, as chrono writes them.
        if !(0..=9999).contains(&date.year()) || nanos >= 1_000_000_000 {
            return self.0.format("%F %T%.f").to_string();
        }
        let mut text = String::with_capacity(29);
        push_digits(&mut text, date.year() as u32, 4);
        for (separator, value) in [
            ('-', date.month()),
            ('-', date.day()),
            (' ', time.hour()),
            (':', time.minute()),
            (':', time.second()),
        ] {
            text.push(separator);
            push_digits(&mut text, value, 2);
        }
        if nanos != 0 {
            text.push('.');
            if nanos % 1_000_000 == 0 {
                push_digits(&mut text, nanos / 1_000_000, 3);
            } else if nanos % 1_000 == 0 {
                push_digits(&mut text, nanos / 1_000, 6);
            } else {
                push_digits(&mut text, nanos, 9);
            }
        }
        text
    }
}

/// `value` in `width` decimal digits, zeros in front.
fn push_digits(text: &mut String, value: u32, width: usize) {
    let mut buffer = [b'0'; 10];
    let mut rest = value;
    for slot in buffer[..width].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    text.push_str(std::str::from_utf8(&buffer[..width]).expect("ASCII digits"));
}

impl diesel::serialize::ToSql<diesel::sql_types::Timestamp, diesel::sqlite::Sqlite> for DbTime {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
    ) -> diesel::serialize::Result {
        out.set_value(self.sqlite_text());
        Ok(diesel::serialize::IsNull::No)
    }
}

impl From<DateTime<Utc>> for DbTime {
    fn from(at: DateTime<Utc>) -> Self {
        DbTime::of(at)
    }
}

/// Reads the text [`DbTime::sqlite_text`] writes, `YYYY-MM-DD HH:MM:SS` with an optional
/// fraction of 1 to 9 digits; none for any other text. diesel reads a time by trying
/// chrono's parser with one format string after another, each parsed anew: a page of 50
/// registrations reads some 300 times.
fn time_of_sqlite_text(text: &str) -> Option<NaiveDateTime> {
    let bytes = text.as_bytes();
    if bytes.len() < 19 || bytes.len() == 20 || bytes.len() > 29 {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes[range].iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b' '), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| bytes[at] != byte) {
        return None;
    }
    let nanos = match bytes.get(19) {
        None => 0,
        Some(b'.') => {
            let digits = bytes.len() - 20;
            number(20..bytes.len())? * 10u32.pow(9 - digits as u32)
        }
        Some(_) => return None,
    };
    let date =
        chrono::NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_nano_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        nanos,
    )?;
    Some(date.and_time(time))
}

impl diesel::deserialize::FromSql<diesel::sql_types::Timestamp, diesel::sqlite::Sqlite> for DbTime {
    fn from_sql(
        mut value: <diesel::sqlite::Sqlite as diesel::backend::Backend>::RawValue<'_>,
    ) -> diesel::deserialize::Result<Self> {
        match time_of_sqlite_text(value.read_text()) {
            Some(at) => Ok(DbTime(at)),
            // Text another program wrote, or a Julian day number: as diesel reads it.
            None => <NaiveDateTime as diesel::deserialize::FromSql<
                diesel::sql_types::Timestamp,
                diesel::sqlite::Sqlite,
            >>::from_sql(value)
            .map(DbTime),
        }
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Timestamp, diesel::pg::Pg> for DbTime {
    fn from_sql(
        bytes: <diesel::pg::Pg as diesel::backend::Backend>::RawValue<'_>,
    ) -> diesel::deserialize::Result<Self> {
        <NaiveDateTime as diesel::deserialize::FromSql<
            diesel::sql_types::Timestamp,
            diesel::pg::Pg,
        >>::from_sql(bytes)
        .map(DbTime)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Timestamp, diesel::pg::Pg> for DbTime {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
    ) -> diesel::serialize::Result {
        diesel::serialize::ToSql::<diesel::sql_types::Timestamp, diesel::pg::Pg>::to_sql(
            &self.0, out,
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDateTime};
    use diesel::sql_types::{Text, Timestamp};
    use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};
    use proptest::prelude::*;

    use super::DbTime;

    #[derive(QueryableByName)]
    struct Both {
        #[diesel(sql_type = Text)]
        by_diesel: String,
        #[diesel(sql_type = Text)]
        ours: String,
    }

    /// The text SQLite stores for a time bound by diesel, and for the same time bound as
    /// a `DbTime`.
    fn stored(conn: &mut SqliteConnection, at: NaiveDateTime) -> Both {
        diesel::sql_query("SELECT ? AS by_diesel, ? AS ours")
            .bind::<Timestamp, _>(at)
            .bind::<Timestamp, _>(DbTime(at))
            .get_result(conn)
            .expect("both bound")
    }

    /// Times with nanoseconds of every shape: none, whole milliseconds, whole
    /// microseconds, any.
    fn times() -> impl Strategy<Value = NaiveDateTime> {
        let nanos = prop_oneof![
            Just(0u32),
            (1u32..1000).prop_map(|ms| ms * 1_000_000),
            (1u32..1_000_000).prop_map(|us| us * 1_000),
            0u32..1_000_000_000,
        ];
        // From year -300 to year 12000, so the years chrono writes otherwise are in too.
        (-71_620_000_000i64..316_540_000_000, nanos).prop_map(|(seconds, nanos)| {
            DateTime::from_timestamp(seconds, nanos)
                .expect("in chrono's range")
                .naive_utc()
        })
    }

    #[derive(QueryableByName)]
    struct Read {
        #[diesel(sql_type = Timestamp)]
        by_diesel: NaiveDateTime,
        #[diesel(sql_type = Timestamp)]
        ours: DbTime,
    }

    /// A stored text read back by diesel and as a `DbTime`.
    fn read(conn: &mut SqliteConnection, text: &str) -> Option<Read> {
        diesel::sql_query("SELECT ? AS by_diesel, ? AS ours")
            .bind::<Text, _>(text)
            .bind::<Text, _>(text)
            .get_result(conn)
            .ok()
    }

    #[derive(QueryableByName)]
    struct Used {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        used: i32,
    }

    /// The settings `.cargo/config.toml` gives the bundled SQLite: a build without them
    /// still passes every other test, only slower.
    #[test]
    fn the_bundled_sqlite_prepares_a_statement_once_and_keeps_no_memory_statistics() {
        let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
        for option in ["ENABLE_QPSG", "DEFAULT_MEMSTATUS=0"] {
            let used: Used = diesel::sql_query("SELECT sqlite_compileoption_used(?) AS used")
                .bind::<Text, _>(option)
                .get_result(&mut conn)
                .expect("compile options are readable");
            assert_eq!(used.used, 1, "SQLite built without SQLITE_{option}");
        }
    }

    proptest! {
        #[test]
        fn a_time_is_stored_as_the_same_text_diesel_stores(at in times()) {
            let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
            let both = stored(&mut conn, at);
            prop_assert_eq!(both.ours, both.by_diesel);
        }

        #[test]
        fn a_stored_time_reads_back_as_diesel_reads_it(at in times()) {
            let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
            let text = DbTime(at).sqlite_text();
            let both = read(&mut conn, &text).expect("a time");
            prop_assert_eq!(both.ours.0, both.by_diesel);
            prop_assert_eq!(both.ours.0, at);
        }

        #[test]
        fn any_other_text_reads_as_diesel_reads_it(text in "[0-9 :.T-]{0,30}") {
            let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
            match read(&mut conn, &text) {
                Some(both) => prop_assert_eq!(both.ours.0, both.by_diesel),
                None => prop_assert!(super::time_of_sqlite_text(&text).is_none()),
            }
        }
    }

    #[test]
    fn texts_of_other_shapes_are_left_to_diesel() {
        for text in [
            "2026-11-30T09:05:07",
            "2026-11-30 09:05",
            "2026-11-30 09:05:07.",
            "2026-13-30 09:05:07",
            "2026-11-30 09:05:07.1234567890",
            "+2026-11-30 09:05:07",
        ] {
            assert_eq!(super::time_of_sqlite_text(text), None, "{text}");
        }
        assert_eq!(
            super::time_of_sqlite_text("2026-11-30 09:05:07.5").map(|at| at.to_string()),
            Some("2026-11-30 09:05:07.500".to_owned())
        );
    }

    #[test]
    fn fractions_take_three_six_or_nine_digits() {
        let at = |text: &str| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").expect("a time")
        };
        let text = |text: &str| DbTime(at(text)).sqlite_text();
        assert_eq!(text("2026-11-30 09:05:07"), "2026-11-30 09:05:07");
        assert_eq!(text("2026-11-30 09:05:07.120"), "2026-11-30 09:05:07.120");
        assert_eq!(
            text("2026-11-30 09:05:07.000120"),
            "2026-11-30 09:05:07.000120"
        );
        assert_eq!(
            text("0999-01-02 23:59:59.000000001"),
            "0999-01-02 23:59:59.000000001"
        );
    }
}
