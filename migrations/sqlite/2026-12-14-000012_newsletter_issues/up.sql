-- A newsletter issue is a send too (kind 'newsletter'), with no event: its emails name the
-- send, so the outbox worker delivers them like any other and the dashboard follows them.
-- SQLite cannot drop a NOT NULL, so the table is rebuilt (nothing references it).
CREATE TABLE sends_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT REFERENCES events(id),
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    emails INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO sends_new (id, event_id, kind, actor, emails, created_at)
    SELECT id, event_id, kind, actor, emails, created_at FROM sends;
DROP TABLE sends;
ALTER TABLE sends_new RENAME TO sends;

-- What an issue said, and to whom it went: every confirmed subscriber, or the one test
-- address.
CREATE TABLE newsletter_issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    test_to TEXT,
    send_id BIGINT NOT NULL REFERENCES sends(id),
    created_at TIMESTAMP NOT NULL
);

-- An address that unsubscribed stays known as such (without links), so importing an old
-- list never signs it up again; signing up on the form starts afresh.
ALTER TABLE newsletter_subscribers ADD COLUMN unsubscribed_at TIMESTAMP;
