//! The site's identity: read for every page (through [`SiteCache`]) and saved from the
//! dashboard or the API.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::domain::SiteIdentity;
use crate::store::{self, to_db_time, DbConnection};

pub fn load(conn: &mut DbConnection) -> store::QueryResult<SiteIdentity> {
    store::site::load(conn)
}

pub fn save(conn: &mut DbConnection, site: &SiteIdentity) -> store::QueryResult<()> {
    store::site::save(conn, site, to_db_time(Utc::now()))
}

/// How long a copy of the identity is used before it is read again, so that a change
/// saved on another instance shows within this time.
pub const FRESH_FOR: Duration = Duration::from_secs(10);

/// The identity every page is drawn with, read from the database at most every
/// [`FRESH_FOR`] and at once after a save on this instance.
pub struct SiteCache {
    held: RwLock<(Arc<SiteIdentity>, Instant)>,
}

impl SiteCache {
    pub fn new(site: SiteIdentity) -> SiteCache {
        SiteCache {
            held: RwLock::new((Arc::new(site), Instant::now())),
        }
    }

    /// The copy held, and whether it is due to be read again.
    pub fn current(&self) -> (Arc<SiteIdentity>, bool) {
        let held = self.held.read().unwrap_or_else(|e| e.into_inner());
        (held.0.clone(), held.1.elapsed() >= FRESH_FOR)
    }

    pub fn replace(&self, site: SiteIdentity) {
        *self.held.write().unwrap_or_else(|e| e.into_inner()) = (Arc::new(site), Instant::now());
    }
}
