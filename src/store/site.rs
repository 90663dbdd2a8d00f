//! The site's identity: one row, absent until organizers first save it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::site_identity;
use super::{DbConnection, QueryResult};
use crate::domain::SiteIdentity;
use crate::on_backend;

#[derive(Queryable, Selectable)]
#[diesel(table_name = site_identity)]
struct SiteRow {
    name: String,
    controller: String,
    contact: String,
    processors: String,
    footer: String,
}

/// The stored identity, or the default one before any was saved.
pub fn load(conn: &mut DbConnection) -> QueryResult<SiteIdentity> {
    let row: Option<SiteRow> = on_backend!(conn, |c| site_identity::table
        .find(1_i64)
        .select(SiteRow::as_select())
        .get_result(c)
        .optional())?;
    Ok(row.map_or_else(SiteIdentity::default, |r| SiteIdentity {
        name: r.name,
        controller: r.controller,
        contact: r.contact,
        processors: r
            .processors
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        footer: r.footer,
    }))
}

pub fn save(conn: &mut DbConnection, site: &SiteIdentity, now: NaiveDateTime) -> QueryResult<()> {
    let processors = site.processors.join("\n");
    let values = || {
        (
            site_identity::id.eq(1_i64),
            site_identity::name.eq(&site.name),
            site_identity::controller.eq(&site.controller),
            site_identity::contact.eq(&site.contact),
            site_identity::processors.eq(processors.as_str()),
            site_identity::footer.eq(&site.footer),
            site_identity::updated_at.eq(now),
        )
    };
    on_backend!(conn, |c| diesel::insert_into(site_identity::table)
        .values(values())
        .on_conflict(site_identity::id)
        .do_update()
        .set(values())
        .execute(c))?;
    Ok(())
}
