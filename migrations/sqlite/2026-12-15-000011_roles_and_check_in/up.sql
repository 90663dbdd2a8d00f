-- What each organizer and API token may do: `owner` (everything, the team too),
-- `organizer` (everything on events), `check_in` (the door and the participant list).
-- Everyone who could sign in before roles existed could do everything: they are owners.
ALTER TABLE organizers ADD COLUMN role TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE api_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'owner';
-- When a confirmed participant arrived at the door; NULL until then (or after an undo).
ALTER TABLE registrations ADD COLUMN checked_in_at TIMESTAMP;
