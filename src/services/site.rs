//! The site's identity: read for every page (through [`SiteCache`]) and saved from the
//! dashboard or the API.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::Utc;

use crate::domain::SiteIdentity;
use crate::store::{self, to_db_time, DbConnection};

pub fn load(conn: &mut DbConnection) -> store::QueryResult<SiteIdentity> {
    store::site::load(conn)
}

pub fn save(conn: &mut DbConnection, site: &SiteIdentity) -> store::QueryResult<()> {
    store::site::save(conn, site, to_db_time(Utc::now()))
}

/// How often each instance reads the identity again, so that a change saved on another
/// instance shows within this time.
pub const REFRESH_EVERY: Duration = Duration::from_secs(10);

/// The identity every page is drawn with: replaced at once by a save on this instance and
/// read again every [`REFRESH_EVERY`] by a background job, never on a request's path.
pub struct SiteCache {
    held: RwLock<Arc<SiteIdentity>>,
}

impl SiteCache {
    pub fn new(site: SiteIdentity) -> SiteCache {
        SiteCache {
            held: RwLock::new(Arc::new(site)),
        }
    }

    pub fn current(&self) -> Arc<SiteIdentity> {
        self.held.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn replace(&self, site: SiteIdentity) {
        *self.held.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(site);
    }
}
