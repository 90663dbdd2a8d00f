-- The phase of the virtual seats, when it differs from the event's (which then governs
-- the in-person seats alone); NULL: the event's phase governs both modes.
ALTER TABLE events ADD COLUMN virtual_phase TEXT;
