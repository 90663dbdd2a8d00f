ALTER TABLE outbox DROP COLUMN link;
ALTER TABLE outbox DROP COLUMN details;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
DROP INDEX outbox_pending_in_order;
