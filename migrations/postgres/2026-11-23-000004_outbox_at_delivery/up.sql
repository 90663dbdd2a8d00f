-- The mail worker takes pending emails in order of creation: with this index it reads
-- them straight off, instead of stepping over every delivered email to find them.
CREATE INDEX outbox_pending_in_order ON outbox (status, id);
DROP INDEX outbox_due;

-- A participant email is written out when it is delivered, from what it is about
-- (`details`, JSON) and the personal link it carries (`link`, dropped once delivered),
-- rather than stored whole in the transaction that decided it.
ALTER TABLE outbox ADD COLUMN details TEXT;
ALTER TABLE outbox ADD COLUMN link TEXT;
