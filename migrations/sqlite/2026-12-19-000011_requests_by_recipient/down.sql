DROP INDEX outbox_requests_by_recipient;
CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at);
