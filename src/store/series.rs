//! Series: the name and words of a series' page. The episodes are the events naming it.

use diesel::prelude::*;

use super::schema::series;
use super::{DbConnection, QueryResult};
use crate::on_backend;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = series)]
pub struct SeriesRow {
    pub slug: String,
    pub title: String,
    pub description: String,
}

pub fn by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Option<SeriesRow>> {
    on_backend!(conn, |c| series::table
        .find(slug)
        .select(SeriesRow::as_select())
        .first(c)
        .optional())
}

pub fn all(conn: &mut DbConnection) -> QueryResult<Vec<SeriesRow>> {
    on_backend!(conn, |c| series::table
        .order(series::slug.asc())
        .select(SeriesRow::as_select())
        .load(c))
}

/// Names a series (or renames it).
pub fn save(conn: &mut DbConnection, row: &SeriesRow) -> QueryResult<()> {
    match conn {
        DbConnection::Postgres(c) => diesel::insert_into(series::table)
            .values(row)
            .on_conflict(series::slug)
            .do_update()
            .set((
                series::title.eq(&row.title),
                series::description.eq(&row.description),
            ))
            .execute(c),
        DbConnection::Sqlite(c) => diesel::insert_into(series::table)
            .values(row)
            .on_conflict(series::slug)
            .do_update()
            .set((
                series::title.eq(&row.title),
                series::description.eq(&row.description),
            ))
            .execute(c),
    }
    .map(|_| ())
}
