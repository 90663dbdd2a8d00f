-- Hours before the start at which confirmed participants are reminded, as "24, 2"; empty:
-- no reminders.
ALTER TABLE events ADD COLUMN reminder_hours_before TEXT NOT NULL DEFAULT '24';

-- Every reminder sent, recorded in the transaction that queues its email: the key (a
-- person, a kind, the moment or deadline it was for) makes it go out once, whichever
-- instance sweeps and however often.
CREATE TABLE reminders (
    registration_id BIGINT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_at TIMESTAMP NOT NULL,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (registration_id, kind, due_at)
);
CREATE INDEX reminders_by_event ON reminders (event_id);
