DROP TABLE outbox; DROP TABLE audit_entries; DROP TABLE api_tokens; DROP TABLE personal_tokens; DROP TABLE registrations; DROP TABLE events;
