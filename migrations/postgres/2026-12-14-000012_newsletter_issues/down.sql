ALTER TABLE newsletter_subscribers DROP COLUMN unsubscribed_at;
DROP TABLE newsletter_issues;
DELETE FROM sends WHERE event_id IS NULL;
ALTER TABLE sends ALTER COLUMN event_id SET NOT NULL;
