ALTER TABLE registrations DROP COLUMN checked_in_at;
ALTER TABLE api_tokens DROP COLUMN role;
ALTER TABLE organizers DROP COLUMN role;
