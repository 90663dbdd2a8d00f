//! A series as its page and feed show it: its name, the next webinar and the past ones.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{event_state, EventState};
use crate::store::{events, series, DbConnection, QueryResult};

pub struct SeriesPage {
    pub slug: String,
    /// The series' name, or its slug when it was never named.
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Published episodes not over yet, soonest first.
    pub upcoming: Vec<EventState>,
    /// Episodes that ended, newest first.
    pub past: Vec<EventState>,
}

/// The series of this slug, if it is named or has a published episode.
pub fn series_page(
    conn: &mut DbConnection,
    slug: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<SeriesPage>> {
    let named = series::by_slug(conn, slug)?;
    let episodes = events::published_in_series(conn, slug)?;
    if named.is_none() && episodes.is_empty() {
        return Ok(None);
    }
    let states = episodes
        .into_iter()
        .map(|row| event_state(conn, row, now))
        .collect::<QueryResult<Vec<_>>>()?;
    let (mut past, upcoming): (Vec<_>, Vec<_>) = states
        .into_iter()
        .partition(|s| s.event.ends_at.utc() < now);
    past.reverse();
    let (title, description) = named
        .map(|row| (row.title, row.description))
        .unwrap_or_else(|| (slug.to_owned(), String::new()));
    Ok(Some(SeriesPage {
        slug: slug.to_owned(),
        title,
        description,
        upcoming,
        past,
    }))
}

/// The names of the named series, by slug.
pub fn series_names(conn: &mut DbConnection) -> QueryResult<HashMap<String, String>> {
    Ok(series::all(conn)?
        .into_iter()
        .map(|row| (row.slug, row.title))
        .collect())
}
