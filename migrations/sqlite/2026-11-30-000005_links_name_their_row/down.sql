-- Links made since the up migration cannot be kept in the old shape: they stop working.
CREATE TABLE personal_tokens_by_hash (
    token_hash TEXT PRIMARY KEY NOT NULL,
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO personal_tokens_by_hash (token_hash, registration_id, created_at)
    SELECT token_hash, registration_id, created_at FROM personal_tokens
    WHERE token_hash IS NOT NULL ORDER BY id;
DROP TABLE personal_tokens;
ALTER TABLE personal_tokens_by_hash RENAME TO personal_tokens;
CREATE INDEX personal_tokens_by_registration ON personal_tokens (registration_id);
