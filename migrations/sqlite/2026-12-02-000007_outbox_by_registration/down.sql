DROP INDEX outbox_by_registration;
