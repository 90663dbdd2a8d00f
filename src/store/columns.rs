//! The domain's values as column types: each is written and read as the text (or number)
//! the database holds, so rows carry `Status`, `Mode`, `Phase`, `Preference`, time zones
//! and ids as types. A value the database holds that the domain does not know (a corrupt
//! row) is an error when read, never a guess. The impls live here so that the domain
//! itself knows nothing of diesel.

use std::io::Write;

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::Sqlite;

use crate::domain::{
    EventId, Language, Mode, Phase, Preference, RegistrationId, ReminderHours, Role, SendId,
    SendKind, Speaker, Status, TimeZoneName,
};

/// Text columns of the domain's text enums (and the time zone): the proxy types tell
/// diesel's derives to implement `AsExpression` and `Queryable` for the domain type itself.
macro_rules! text_columns {
    ($($proxy:ident => $ty:ty),+ $(,)?) => {$(
        #[derive(diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(foreign_derive, sql_type = Text)]
        #[allow(dead_code)]
        struct $proxy($ty);

        impl ToSql<Text, Sqlite> for $ty {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.as_column_text());
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, Pg> for $ty {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.as_column_text().as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, Sqlite> for $ty {
            fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, Sqlite>>::from_sql(bytes)?;
                <$ty as ColumnText>::from_column_text(&text)
            }
        }

        impl FromSql<Text, Pg> for $ty {
            fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let text = std::str::from_utf8(bytes.as_bytes())?;
                <$ty as ColumnText>::from_column_text(text)
            }
        }
    )+};
}

/// How a value is spelled in its text column.
trait ColumnText: Sized {
    fn as_column_text(&self) -> &'static str;
    fn from_column_text(text: &str) -> deserialize::Result<Self>;
}

macro_rules! text_enum_columns {
    ($($ty:ty),+) => {$(
        impl ColumnText for $ty {
            fn as_column_text(&self) -> &'static str {
                self.as_str()
            }

            fn from_column_text(text: &str) -> deserialize::Result<Self> {
                text.parse().map_err(|_| {
                    format!("{text:?} is not a {} the database should hold", stringify!($ty)).into()
                })
            }
        }
    )+};
}

text_enum_columns!(Status, Mode, Phase, Preference, SendKind, Role);

impl ColumnText for TimeZoneName {
    fn as_column_text(&self) -> &'static str {
        self.0.name()
    }

    fn from_column_text(text: &str) -> deserialize::Result<Self> {
        TimeZoneName::parse(text)
            .map_err(|_| format!("{text:?} is not a time zone the database should hold").into())
    }
}

impl ColumnText for Language {
    fn as_column_text(&self) -> &'static str {
        self.tag()
    }

    fn from_column_text(text: &str) -> deserialize::Result<Self> {
        Language::from_tag(text)
            .ok_or_else(|| format!("{text:?} is not a language the database should hold").into())
    }
}

text_columns!(
    StatusColumn => Status,
    ModeColumn => Mode,
    PhaseColumn => Phase,
    PreferenceColumn => Preference,
    TimeZoneColumn => TimeZoneName,
    SendKindColumn => SendKind,
    RoleColumn => Role,
    LanguageColumn => Language,
);

/// The reminder hours of an event, spelled as the dashboard shows them ("24, 2").
#[derive(diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(foreign_derive, sql_type = Text)]
#[allow(dead_code)]
struct ReminderHoursColumn(ReminderHours);

impl ToSql<Text, Sqlite> for ReminderHours {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.to_string());
        Ok(IsNull::No)
    }
}

impl ToSql<Text, Pg> for ReminderHours {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.to_string().as_bytes())?;
        Ok(IsNull::No)
    }
}

fn reminder_hours_of(text: &str) -> deserialize::Result<ReminderHours> {
    text.parse()
        .map_err(|_| format!("{text:?} is not reminder hours the database should hold").into())
}

impl FromSql<Text, Sqlite> for ReminderHours {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        reminder_hours_of(&<String as FromSql<Text, Sqlite>>::from_sql(bytes)?)
    }
}

impl FromSql<Text, Pg> for ReminderHours {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        reminder_hours_of(std::str::from_utf8(bytes.as_bytes())?)
    }
}

/// An episode's speakers, in their order, as the JSON list their text column holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = Text)]
pub struct Speakers(pub Vec<Speaker>);

impl Speakers {
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).expect("speakers serialize")
    }

    fn from_json(text: &str) -> deserialize::Result<Self> {
        serde_json::from_str(text)
            .map(Speakers)
            .map_err(|e| format!("{text:?} is not a list of speakers: {e}").into())
    }
}

impl ToSql<Text, Sqlite> for Speakers {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.to_json());
        Ok(IsNull::No)
    }
}

impl ToSql<Text, Pg> for Speakers {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.to_json().as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<Text, Sqlite> for Speakers {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Sqlite>>::from_sql(bytes)?;
        Speakers::from_json(&text)
    }
}

impl FromSql<Text, Pg> for Speakers {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        Speakers::from_json(std::str::from_utf8(bytes.as_bytes())?)
    }
}

/// Id columns: the number, typed by what it names.
macro_rules! id_columns {
    ($($proxy:ident => $ty:ident),+ $(,)?) => {$(
        #[derive(diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(foreign_derive, sql_type = BigInt)]
        #[allow(dead_code)]
        struct $proxy($ty);

        impl<DB: Backend> ToSql<BigInt, DB> for $ty
        where
            i64: ToSql<BigInt, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.0.to_sql(out)
            }
        }

        impl<DB: Backend> FromSql<BigInt, DB> for $ty
        where
            i64: FromSql<BigInt, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                i64::from_sql(bytes).map($ty)
            }
        }
    )+};
}

id_columns!(
    EventIdColumn => EventId,
    RegistrationIdColumn => RegistrationId,
    SendIdColumn => SendId,
);

#[cfg(test)]
mod tests {
    use diesel::sql_types::{Nullable, Text};
    use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

    use super::*;

    #[derive(QueryableByName)]
    struct Read {
        #[diesel(sql_type = Text)]
        status: Status,
        #[diesel(sql_type = Nullable<Text>)]
        mode: Option<Mode>,
    }

    #[test]
    fn a_value_reads_back_as_the_domain_value_written() {
        let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
        let read: Read = diesel::sql_query("SELECT ? AS status, ? AS mode")
            .bind::<Text, _>(Status::Waitlisted)
            .bind::<Nullable<Text>, _>(Some(Mode::Virtual))
            .get_result(&mut conn)
            .expect("read back");
        assert_eq!(read.status, Status::Waitlisted);
        assert_eq!(read.mode, Some(Mode::Virtual));
    }

    #[test]
    fn a_corrupt_value_is_an_error_not_a_guess() {
        let mut conn = SqliteConnection::establish(":memory:").expect("in memory");
        let read = diesel::sql_query("SELECT 'confirmd' AS status, NULL AS mode")
            .get_result::<Read>(&mut conn);
        let error = read.err().expect("a corrupt status is refused").to_string();
        assert!(error.contains("confirmd"), "{error}");
    }
}
