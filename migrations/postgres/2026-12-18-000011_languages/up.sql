-- The language a person's emails are written in: the one they joined in, or the one the
-- organizer chose for their invitation. Everyone registered before spoke English.
ALTER TABLE registrations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- The language an event's own content is written in, declared on its pages; null when
-- the organizer did not name one.
ALTER TABLE events ADD COLUMN language TEXT;

-- The language an email is framed in, kept with it until the worker writes it out and
-- named in its Content-Language header.
ALTER TABLE outbox ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- The language a subscriber signed up in; lists imported before knew of none.
ALTER TABLE newsletter_subscribers ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
