DROP TABLE newsletter_tokens;
DROP TABLE newsletter_subscribers;
