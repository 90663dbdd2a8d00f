-- The "stay updated" list: an address counts as subscribed only once confirmed (double
-- opt-in). Links carry tokens stored only as hashes; every email has its own token, so the
-- unsubscribe link of any email keeps working until the person unsubscribes.
CREATE TABLE newsletter_subscribers (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    confirmed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE newsletter_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    subscriber_id BIGINT NOT NULL REFERENCES newsletter_subscribers(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX newsletter_tokens_by_subscriber ON newsletter_tokens (subscriber_id);
