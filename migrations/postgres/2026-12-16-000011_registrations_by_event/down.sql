DROP INDEX registrations_by_event;
