-- Only requests for a confirmation or a link are counted per address (see
-- 2026-12-11-000010_outbox_by_recipient), so only they need the index: the emails of a
-- rush (seats, places in line) then add no entry at a random place in it, which at
-- 100,000 people was a page written for nearly every confirmation. The queries that count
-- repeat this condition word for word, as a partial index requires.
DROP INDEX outbox_by_recipient;
CREATE INDEX outbox_requests_by_recipient ON outbox (recipient, created_at)
    WHERE kind IN ('confirm_address', 'personal_link', 'newsletter_confirm');
