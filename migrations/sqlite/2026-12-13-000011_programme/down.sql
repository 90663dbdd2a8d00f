DROP TABLE programme_parts;
