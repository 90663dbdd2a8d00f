-- Who runs the site, set in the dashboard: one row, read by every page and the privacy
-- notice. `processors` holds one service per line.
CREATE TABLE site_identity (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    controller TEXT NOT NULL,
    contact TEXT NOT NULL,
    processors TEXT NOT NULL,
    footer TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
