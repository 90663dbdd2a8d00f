ALTER TABLE events DROP COLUMN virtual_phase;
