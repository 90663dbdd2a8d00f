-- The team's own audit log: who invited whom, changed whose role, removed whom. Not an
-- event's, so not in audit_entries; the member is named by address, as they may be gone.
CREATE TABLE team_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    member TEXT NOT NULL,
    note TEXT NOT NULL
);
