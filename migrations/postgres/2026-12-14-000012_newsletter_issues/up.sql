-- A newsletter issue is a send too (kind 'newsletter'), with no event: its emails name the
-- send, so the outbox worker delivers them like any other and the dashboard follows them.
ALTER TABLE sends ALTER COLUMN event_id DROP NOT NULL;

-- What an issue said, and to whom it went: every confirmed subscriber, or the one test
-- address.
CREATE TABLE newsletter_issues (
    id BIGSERIAL PRIMARY KEY,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    test_to TEXT,
    send_id BIGINT NOT NULL REFERENCES sends(id),
    created_at TIMESTAMP NOT NULL
);

-- An address that unsubscribed stays known as such (without links), so importing an old
-- list never signs it up again; signing up on the form starts afresh.
ALTER TABLE newsletter_subscribers ADD COLUMN unsubscribed_at TIMESTAMP;
