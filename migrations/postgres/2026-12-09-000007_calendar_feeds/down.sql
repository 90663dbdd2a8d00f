DROP INDEX calendar_feeds_one_live;
DROP TABLE calendar_feeds;
