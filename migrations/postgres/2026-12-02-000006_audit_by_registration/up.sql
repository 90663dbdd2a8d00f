-- The SEQUENCE of a calendar file counts the audit entries of its registration and of
-- its event (`store::audit::calendar_changes`): this index reads both counts directly
-- instead of every entry of the event.
CREATE INDEX audit_entries_by_registration ON audit_entries (event_id, registration_id);
