-- A personal link names its row: it is the row's id and a random secret, and only the
-- secret's SHA-256 is kept (`secret_hash`). New rows then go at the end of the table.
-- Before, each new link went to a random place in an index of hashes, and a rush rewrote
-- a page of that index for nearly every email it sent.
--
-- Links sent before this keep working: their rows keep the SHA-256 of the whole link
-- (`token_hash`), found through an index that holds only those rows.
CREATE TABLE personal_tokens_by_id (
    id INTEGER PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    secret_hash TEXT,
    token_hash TEXT,
    created_at TIMESTAMP NOT NULL,
    CHECK ((secret_hash IS NULL) <> (token_hash IS NULL))
);
INSERT INTO personal_tokens_by_id (registration_id, token_hash, created_at)
    SELECT registration_id, token_hash, created_at FROM personal_tokens ORDER BY rowid;
DROP TABLE personal_tokens;
ALTER TABLE personal_tokens_by_id RENAME TO personal_tokens;
CREATE INDEX personal_tokens_by_registration ON personal_tokens (registration_id);
CREATE UNIQUE INDEX personal_tokens_by_token_hash ON personal_tokens (token_hash)
    WHERE token_hash IS NOT NULL;
