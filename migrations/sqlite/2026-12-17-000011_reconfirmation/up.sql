-- Reconfirmation, off while null: confirmed in-person participants are asked this many
-- days before the start whether they are still coming, and answer within the window.
ALTER TABLE events ADD COLUMN reconfirm_days_before INTEGER;
ALTER TABLE events ADD COLUMN reconfirm_window_hours INTEGER;

-- The deadline of a pending reconfirmation: the seat is held until then, and released
-- to the line if nobody answered.
ALTER TABLE registrations ADD COLUMN reconfirm_by TIMESTAMP;
