-- An event as an episode of a webinar series: its series (a slug, no table of its own:
-- a series is the events that name it), its code ("S07E02"), its speakers (a JSON list
-- of {"name", "affiliation", "url"}, shown in order) and the link to its recording.
ALTER TABLE events ADD COLUMN series TEXT;
ALTER TABLE events ADD COLUMN code TEXT;
ALTER TABLE events ADD COLUMN speakers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN recording_url TEXT;
CREATE INDEX events_by_series ON events (series, starts_at) WHERE series IS NOT NULL;

-- A series' name and words for its page; a series named by events but not here is shown
-- by its slug.
CREATE TABLE series (
    slug TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
