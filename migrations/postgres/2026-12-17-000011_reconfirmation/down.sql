ALTER TABLE registrations DROP COLUMN reconfirm_by;
ALTER TABLE events DROP COLUMN reconfirm_window_hours;
ALTER TABLE events DROP COLUMN reconfirm_days_before;
