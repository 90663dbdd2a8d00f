-- A person's emails are counted before another confirmation request goes to them (at
-- most a few a day), and found to be removed when they erase their data.
CREATE INDEX outbox_by_registration ON outbox (registration_id, created_at);
