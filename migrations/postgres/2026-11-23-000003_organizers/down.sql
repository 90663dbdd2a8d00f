DROP INDEX registrations_by_event_created;
DROP TABLE secrets;
DROP TABLE organizer_links;
DROP TABLE organizers;
