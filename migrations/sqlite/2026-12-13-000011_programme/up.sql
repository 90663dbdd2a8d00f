-- The parts of an event's programme, in the organizer's order; each lies within the
-- event's times (checked by the domain).
CREATE TABLE programme_parts (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    streamed BOOLEAN NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
);
