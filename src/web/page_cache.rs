//! Public event pages, rendered once and served to everyone for a moment. In a rush every
//! visitor asks for the same page; without this each view took a thread, a connection, a
//! query and a render. A page is rendered again as soon as this process commits a change
//! to its event, when something on it would change with the clock (a hold lapsing, the
//! event starting or ending), and otherwise after `FRESH_FOR`, which bounds how long a
//! change made by another instance (or the command line) can go unseen.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};

use crate::domain::EventId;
use crate::reads::EventState;

const FRESH_FOR: Duration = Duration::from_secs(1);

/// Pages kept at most; an unknown slug is never kept, so this only bounds many real events.
const MOST_PAGES: usize = 1_000;

struct Page {
    body: Bytes,
    event_id: EventId,
    version: i64,
    made: Instant,
    /// When the clock alone would change what the page shows.
    changes_at: Option<DateTime<Utc>>,
}

static PAGES: LazyLock<Mutex<HashMap<String, Page>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The page of this slug as rendered a moment ago, if it is still what a render would give.
pub fn get(slug: &str, now: DateTime<Utc>) -> Option<Bytes> {
    let pages = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    let page = pages.get(slug)?;
    let current = page.made.elapsed() < FRESH_FOR
        && page.changes_at.is_none_or(|at| now < at)
        && crate::published::newest_published(page.event_id).is_none_or(|v| v == page.version);
    current.then(|| page.body.clone())
}

/// What the cache must know of the event a page shows.
#[derive(Debug, Clone, Copy)]
pub struct PageOf {
    pub event_id: EventId,
    pub version: i64,
    /// When the clock alone would change what the page shows.
    pub changes_at: Option<DateTime<Utc>>,
    /// A hold lapsed that the database does not show yet: the page is not kept.
    pub unsettled: bool,
}

impl PageOf {
    pub fn event(state: &EventState, now: DateTime<Utc>) -> PageOf {
        PageOf {
            event_id: state.event.id,
            version: state.event.version,
            changes_at: state.changes_by_clock_after(now),
            unsettled: state.needs_settling,
        }
    }
}

/// Keeps a page just rendered.
pub fn put(slug: &str, of: PageOf, body: Bytes) {
    if of.unsettled {
        return;
    }
    let mut pages = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    if pages.len() >= MOST_PAGES && !pages.contains_key(slug) {
        pages.retain(|_, page| page.made.elapsed() < FRESH_FOR);
        if pages.len() >= MOST_PAGES {
            return;
        }
    }
    pages.insert(
        slug.to_owned(),
        Page {
            body,
            event_id: of.event_id,
            version: of.version,
            made: Instant::now(),
            changes_at: of.changes_at,
        },
    );
}

#[cfg(test)]
mod tests {
    use chrono::Duration as Span;

    use super::*;

    fn keep(id: i64, changes_at: Option<DateTime<Utc>>) -> String {
        let slug = format!("cached-{id}");
        let of = PageOf {
            event_id: EventId(id),
            version: 3,
            changes_at,
            unsettled: false,
        };
        put(&slug, of, Bytes::from_static(b"page"));
        slug
    }

    #[test]
    fn a_page_is_served_again_until_its_event_changes_here() {
        let now = Utc::now();
        let slug = keep(9_101, None);
        assert_eq!(get(&slug, now).as_deref(), Some(&b"page"[..]));
        assert!(get("cached-unknown", now).is_none());

        // This process is committing version 4: the page of version 3 is not served.
        let rules = crate::domain::EventRules {
            phase: crate::domain::Phase::Open,
            virtual_phase: None,
            in_person_capacity: 1,
            virtual_capacity: None,
            offer_window: Span::hours(48),
            auto_confirm: false,
            starts_at: now + Span::days(10),
        };
        let ledger = std::sync::Arc::new(crate::domain::Ledger::new(rules, []));
        crate::published::publish(EventId(9_101), 4, ledger);
        assert!(get(&slug, now).is_none());
        // The commit failed: version 3 is current again.
        crate::published::withdraw(EventId(9_101), 4);
        assert!(get(&slug, now).is_some());
    }

    #[test]
    fn a_page_is_not_served_once_the_clock_would_change_it() {
        let now = Utc::now();
        let slug = keep(9_102, Some(now + Span::seconds(30)));
        assert!(get(&slug, now + Span::seconds(29)).is_some());
        assert!(
            get(&slug, now + Span::seconds(30)).is_none(),
            "a hold lapsed, or the event started"
        );
    }

    #[test]
    fn a_page_is_served_for_a_moment_only() {
        let now = Utc::now();
        let slug = keep(9_104, None);
        PAGES.lock().unwrap().get_mut(&slug).unwrap().made = Instant::now() - FRESH_FOR;
        assert!(get(&slug, now).is_none());
    }

    #[test]
    fn a_page_shown_before_a_lapsed_hold_is_written_down_is_not_kept() {
        let now = Utc::now();
        let of = PageOf {
            event_id: EventId(9_105),
            version: 3,
            changes_at: None,
            unsettled: true,
        };
        put("cached-9105", of, Bytes::from_static(b"page"));
        assert!(get("cached-9105", now).is_none());
    }
}
