-- Organizers sign in to the dashboard with a password set from a one-time link.
CREATE TABLE organizers (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    -- Sessions issued before this moment are refused (signing out ends every copy).
    sessions_valid_after TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- One-time links to set a password, stored only as hashes.
CREATE TABLE organizer_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    organizer_id BIGINT NOT NULL REFERENCES organizers(id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX organizer_links_by_organizer ON organizer_links (organizer_id);

-- Secrets shared by every instance on this database, such as the session cookie key.
CREATE TABLE secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE INDEX registrations_by_event_created ON registrations (event_id, created_at);
