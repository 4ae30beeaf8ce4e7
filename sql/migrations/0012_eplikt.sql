-- 0012_eplikt.sql -- a document can be flagged a publication (a report,
-- a brochure, an annual report: what the law on legal deposit of
-- electronic material, SFS 2012:492, asks public bodies to deliver to
-- the National Library).  /eplikt.rss lists the flagged documents of
-- public articles for KB to fetch.
ALTER TABLE document ADD COLUMN publication INTEGER NOT NULL DEFAULT 0
	CHECK (publication IN (0, 1));
