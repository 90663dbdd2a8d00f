-- The dashboard's table of registrations reads one page of an event in the order people
-- registered; without this index every page sorted all of the event's rows first.
CREATE INDEX registrations_by_event ON registrations (event_id, id);
