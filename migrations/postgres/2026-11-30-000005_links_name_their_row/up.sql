-- A personal link names its row: it is the row's id and a random secret, and only the
-- secret's SHA-256 is kept (`secret_hash`). New rows then go at the end of the table.
-- Before, each new link went to a random place in an index of hashes, and a rush rewrote
-- a page of that index for nearly every email it sent.
--
-- Links sent before this keep working: their rows keep the SHA-256 of the whole link
-- (`token_hash`), found through an index that holds only those rows.
ALTER TABLE personal_tokens DROP CONSTRAINT personal_tokens_pkey;
ALTER TABLE personal_tokens ADD COLUMN id BIGSERIAL PRIMARY KEY;
ALTER TABLE personal_tokens ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE personal_tokens ADD COLUMN secret_hash TEXT;
ALTER TABLE personal_tokens ADD CONSTRAINT personal_tokens_one_hash
    CHECK ((secret_hash IS NULL) <> (token_hash IS NULL));
CREATE UNIQUE INDEX personal_tokens_by_token_hash ON personal_tokens (token_hash)
    WHERE token_hash IS NOT NULL;
