-- A send: the emails one organizer command queued at once (invitations, a message to a
-- group), so the dashboard can say how many were queued and follow their delivery.
CREATE TABLE sends (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    emails INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Like event_id and registration_id, no foreign key: erasure and retention delete a
-- send's emails on their own, and a send is never deleted.
ALTER TABLE outbox ADD COLUMN send_id BIGINT;
CREATE INDEX outbox_by_send ON outbox (send_id, status) WHERE send_id IS NOT NULL;
