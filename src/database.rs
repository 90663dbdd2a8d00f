//! The pool of connections that pages and the API read through and the services write
//! through: the web layer's one door to the database, so no handler names a connection
//! or writes SQL. Registration changes do not pass here; they go to the engine.

use actix_web::web;

use crate::engine::EngineError;
use crate::store::{self, DbConnection, Pool};

#[derive(Clone)]
pub struct Database {
    pool: Pool,
}

impl Database {
    pub fn new(pool: Pool) -> Database {
        Database { pool }
    }

    /// Runs `work` on a pooled connection, off the async threads (a connection is never
    /// held across an `.await`).
    pub async fn run<T, E>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, EngineError>
    where
        T: Send + 'static,
        E: Into<EngineError> + Send + 'static,
    {
        let pool = self.pool.clone();
        match web::block(move || {
            let mut conn = pool.get().map_err(EngineError::from)?;
            work(&mut conn).map_err(Into::into)
        })
        .await
        {
            Ok(result) => result,
            Err(error) => Err(EngineError::Internal(anyhow::anyhow!(
                "a database task did not finish: {error}"
            ))),
        }
    }

    /// Whether the database answers and every migration has been applied.
    pub async fn ready(&self) -> bool {
        self.run(|conn| Ok::<_, EngineError>(store::migrations_current(conn)))
            .await
            .unwrap_or(false)
    }
}
