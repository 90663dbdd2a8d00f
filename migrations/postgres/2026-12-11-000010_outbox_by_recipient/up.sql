-- Confirmation requests are counted per address before another goes out (at most a few
-- a day, whoever asks), so a stranger cannot fill someone's inbox through the forms.
CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at);
