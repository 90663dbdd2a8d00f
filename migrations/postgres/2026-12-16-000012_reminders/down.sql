DROP TABLE reminders;
ALTER TABLE events DROP COLUMN reminder_hours_before;
