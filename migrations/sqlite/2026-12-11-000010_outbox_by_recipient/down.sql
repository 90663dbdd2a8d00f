DROP INDEX outbox_by_recipient;
