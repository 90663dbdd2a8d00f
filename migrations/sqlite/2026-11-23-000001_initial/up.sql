CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    timezone TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    meeting_url TEXT,
    in_person_capacity INTEGER NOT NULL,
    virtual_capacity INTEGER,
    phase TEXT NOT NULL,
    offer_window_hours INTEGER NOT NULL,
    invitation_window_days INTEGER NOT NULL,
    auto_confirm BOOLEAN NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT,
    preference TEXT NOT NULL,
    status TEXT NOT NULL,
    mode TEXT,
    hold_until TIMESTAMP,
    priority INTEGER NOT NULL DEFAULT 0,
    line_since TIMESTAMP,
    wait_for TEXT,
    wait_offered_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (event_id, email)
);
CREATE INDEX registrations_by_event_status ON registrations (event_id, status);
CREATE INDEX registrations_by_deadline ON registrations (hold_until) WHERE hold_until IS NOT NULL;
CREATE INDEX registrations_by_waiting_deadline ON registrations (wait_offered_until) WHERE wait_offered_until IS NOT NULL;

CREATE TABLE personal_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX personal_tokens_by_registration ON personal_tokens (registration_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events(id),
    registration_id BIGINT,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT NOT NULL
);
CREATE INDEX audit_entries_by_event ON audit_entries (event_id, id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT,
    registration_id BIGINT,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT,
    body_html TEXT,
    calendar TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
