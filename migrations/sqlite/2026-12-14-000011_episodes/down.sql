DROP TABLE series;
DROP INDEX events_by_series;
ALTER TABLE events DROP COLUMN recording_url;
ALTER TABLE events DROP COLUMN speakers;
ALTER TABLE events DROP COLUMN code;
ALTER TABLE events DROP COLUMN series;
