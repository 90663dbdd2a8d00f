DROP INDEX outbox_by_send;
ALTER TABLE outbox DROP COLUMN send_id;
DROP TABLE sends;
