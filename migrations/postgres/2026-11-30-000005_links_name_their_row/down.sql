-- Links made since the up migration cannot be kept in the old shape: they stop working.
DELETE FROM personal_tokens WHERE token_hash IS NULL;
DROP INDEX personal_tokens_by_token_hash;
ALTER TABLE personal_tokens DROP CONSTRAINT personal_tokens_one_hash;
ALTER TABLE personal_tokens DROP COLUMN secret_hash;
ALTER TABLE personal_tokens DROP COLUMN id;
ALTER TABLE personal_tokens ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE personal_tokens ADD PRIMARY KEY (token_hash);
