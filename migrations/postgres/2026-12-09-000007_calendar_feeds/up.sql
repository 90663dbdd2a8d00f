-- Secret links to an organizer's calendar feed, for calendar apps that cannot sign in,
-- stored only as hashes; at most one live link per organizer.
CREATE TABLE calendar_feeds (
    id BIGSERIAL PRIMARY KEY,
    organizer_id BIGINT NOT NULL REFERENCES organizers(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (organizer_id)
    WHERE revoked_at IS NULL;
