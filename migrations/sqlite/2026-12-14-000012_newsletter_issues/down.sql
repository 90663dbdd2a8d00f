ALTER TABLE newsletter_subscribers DROP COLUMN unsubscribed_at;
DROP TABLE newsletter_issues;
DELETE FROM sends WHERE event_id IS NULL;
CREATE TABLE sends_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    emails INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO sends_old SELECT id, event_id, kind, actor, emails, created_at FROM sends;
DROP TABLE sends;
ALTER TABLE sends_old RENAME TO sends;
