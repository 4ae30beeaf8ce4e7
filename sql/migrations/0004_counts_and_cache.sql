-- 0004_counts_and_cache.sql -- counts that do not walk the table, and a
-- change counter for the page cache.
--
-- article_tally: how many articles of each kind have status
-- 'published', kept by triggers.  The public count of a list without a
-- topic or year filter is this minus the few published articles whose
-- time has not come yet (an index range), so /nyheter no longer counts
-- 88,000 index entries per request at 100,000 articles.
CREATE TABLE article_tally (
	kind	TEXT PRIMARY KEY,
	n	INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO article_tally (kind, n)
SELECT kind, count(*) FROM article WHERE status = 'published' GROUP BY kind;

CREATE TRIGGER tally_article_i AFTER INSERT ON article
WHEN NEW.status = 'published' BEGIN
	INSERT INTO article_tally (kind, n) VALUES (NEW.kind, 1)
	    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tally_article_d AFTER DELETE ON article
WHEN OLD.status = 'published' BEGIN
	UPDATE article_tally SET n = n - 1 WHERE kind = OLD.kind;
END;
CREATE TRIGGER tally_article_u_old AFTER UPDATE OF status, kind ON article
WHEN OLD.status = 'published' BEGIN
	UPDATE article_tally SET n = n - 1 WHERE kind = OLD.kind;
END;
CREATE TRIGGER tally_article_u_new AFTER UPDATE OF status, kind ON article
WHEN NEW.status = 'published' BEGIN
	INSERT INTO article_tally (kind, n) VALUES (NEW.kind, 1)
	    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;

-- site_change.seq counts writes to what public pages show.  site_change.at
-- is in seconds, so two writes in one second share it; the page cache
-- (src/cache/) needs a value that differs after every write.  Every
-- trigger of 0002 updates `at`, and each such update bumps seq.
ALTER TABLE site_change ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER change_seq AFTER UPDATE OF at ON site_change BEGIN
	UPDATE site_change SET seq = seq + 1 WHERE id = NEW.id;
END;
