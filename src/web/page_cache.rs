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

/// Keeps the page just rendered from `state` at `now`.
pub fn put(slug: &str, state: &EventState, now: DateTime<Utc>, body: Bytes) {
    if state.needs_settling {
        return;
    }
    let event = &state.event;
    let changes_at = [
        state.ledger.next_deadline(),
        Some(event.starts_at.utc()),
        Some(event.ends_at.utc()),
    ]
    .into_iter()
    .flatten()
    .filter(|at| *at > now)
    .min();
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
            event_id: event.id,
            version: event.version,
            made: Instant::now(),
            changes_at,
        },
    );
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::Duration as Span;

    use super::*;
    use crate::domain::{Entry, Ledger, Mode, Phase, Preference, Status, TimeZoneName};
    use crate::store::convert::rules_of;
    use crate::store::events::EventRow;
    use crate::store::DbTime;

    fn state(id: i64, now: DateTime<Utc>, hold_until: Option<DateTime<Utc>>) -> EventState {
        let event = EventRow {
            id: EventId(id),
            slug: format!("cached-{id}"),
            title: "Cached".into(),
            description: String::new(),
            starts_at: DbTime::of(now + Span::days(10)),
            ends_at: DbTime::of(now + Span::days(11)),
            timezone: TimeZoneName(chrono_tz::Europe::Amsterdam),
            venue: String::new(),
            meeting_url: None,
            in_person_capacity: 2,
            virtual_capacity: None,
            phase: Phase::Open,
            offer_window_hours: 48,
            invitation_window_days: 7,
            auto_confirm: false,
            version: 3,
            created_at: DbTime::of(now),
            updated_at: DbTime::of(now),
        };
        let held = hold_until.map(|until| Entry {
            id: 1,
            status: Status::Invited,
            mode: Some(Mode::InPerson),
            preference: Preference::InPerson,
            hold_until: Some(until),
            priority: 0,
            line_since: None,
            wait_for: None,
            wait_offered_until: None,
        });
        EventState {
            ledger: Arc::new(Ledger::new(rules_of(&event), held)),
            event,
            needs_settling: false,
        }
    }

    fn keep(id: i64, now: DateTime<Utc>, hold_until: Option<DateTime<Utc>>) -> String {
        let state = state(id, now, hold_until);
        put(&state.event.slug, &state, now, Bytes::from_static(b"page"));
        state.event.slug
    }

    #[test]
    fn a_page_is_served_again_until_its_event_changes_here() {
        let now = Utc::now();
        let slug = keep(9_101, now, None);
        assert_eq!(get(&slug, now).as_deref(), Some(&b"page"[..]));
        assert!(get("cached-unknown", now).is_none());

        // This process is committing version 4: the page of version 3 is not served.
        let ledger = state(9_101, now, None).ledger;
        crate::published::publish(EventId(9_101), 4, ledger);
        assert!(get(&slug, now).is_none());
        // The commit failed: version 3 is current again.
        crate::published::withdraw(EventId(9_101), 4);
        assert!(get(&slug, now).is_some());
    }

    #[test]
    fn a_page_is_not_served_once_the_clock_would_change_it() {
        let now = Utc::now();
        let slug = keep(9_102, now, Some(now + Span::seconds(30)));
        assert!(get(&slug, now + Span::seconds(29)).is_some());
        assert!(
            get(&slug, now + Span::seconds(30)).is_none(),
            "the hold lapsed"
        );

        let slug = keep(9_103, now, None);
        assert!(
            get(&slug, now + Span::days(10)).is_none(),
            "the event started"
        );
    }

    #[test]
    fn a_page_is_served_for_a_moment_only() {
        let now = Utc::now();
        let slug = keep(9_104, now, None);
        PAGES.lock().unwrap().get_mut(&slug).unwrap().made = Instant::now() - FRESH_FOR;
        assert!(get(&slug, now).is_none());
    }

    #[test]
    fn a_page_shown_before_a_lapsed_hold_is_written_down_is_not_kept() {
        let now = Utc::now();
        let mut unsettled = state(9_105, now, None);
        unsettled.needs_settling = true;
        put(
            &unsettled.event.slug,
            &unsettled,
            now,
            Bytes::from_static(b"page"),
        );
        assert!(get(&unsettled.event.slug, now).is_none());
    }
}
