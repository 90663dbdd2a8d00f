-- An event's registration questions, in the organizer's order; options is a JSON list.
CREATE TABLE questions (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_key TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    options TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    summarize BOOLEAN NOT NULL,
    PRIMARY KEY (event_id, position)
);
-- One row per answered value (a question of several choices has a row per choice), kept
-- by question key so that changing a question keeps the answers given to it.
CREATE TABLE answers (
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_key, value)
);
