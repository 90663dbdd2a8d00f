ALTER TABLE newsletter_subscribers DROP COLUMN language;
ALTER TABLE outbox DROP COLUMN language;
ALTER TABLE events DROP COLUMN language;
ALTER TABLE registrations DROP COLUMN language;
