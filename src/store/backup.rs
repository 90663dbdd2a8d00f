//! Online backups of a SQLite database (`registrar backup PATH`).

use super::DbConnection;

/// A consistent copy of a SQLite database, taken while the server runs (`VACUUM INTO`
/// reads one snapshot, so writes going on meanwhile are either wholly in it or not at all).
pub fn backup_sqlite(conn: &mut DbConnection, path: &str) -> anyhow::Result<()> {
    let DbConnection::Sqlite(c) = conn else {
        anyhow::bail!(
            "registrar backup copies a SQLite database; back up PostgreSQL with pg_dump (see docs/deployment.md)"
        );
    };
    use diesel::connection::SimpleConnection;
    c.batch_execute(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
        .map_err(|e| anyhow::anyhow!("copying the database to {path}: {e}"))
}
