-- 0013_enums.sql -- the stored enums in one language: Swedish, as
-- article.kind ('nyhet', 'pressmeddelande', 'sida'), account.role,
-- subscriber.scope and frequency, outbox.kind and state already were.
--
--   article.status          'draft'   -> 'utkast'
--                           'published' -> 'publicerad'
--                           'unpublished' -> 'avpublicerad'
--   article_review.state    'pending' -> 'vantar'
--                           'returned' -> 'tillbaka'
--
-- The revisions and the audit log's before/after of articles say the
-- same words, so a diff of an old row and a new one shows no change
-- that never happened.
--
-- SQLite cannot alter a CHECK constraint, so article and article_review
-- are rebuilt by the twelve steps of "Making Other Kinds Of Table
-- Schema Changes" (sqlite.org/lang_altertable.html): the migration
-- runner (store.c) applies every migration with foreign keys off, in one
-- transaction, and runs PRAGMA foreign_key_check before it commits.
-- With foreign keys off, DROP TABLE deletes no child row (topics,
-- experts, links, revisions, notes, withdrawals, reviews, preview
-- links, documents, mail) and fires no trigger, so the search index and
-- the tallies are untouched; the children's REFERENCES article (id)
-- name the new table once it is renamed.  Every column, index and
-- trigger of article after 0001-0012 is made again below, with the new
-- words where they had the old ones; no other table's trigger or view
-- reads article.

CREATE TABLE article_new (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL DEFAULT 'nyhet'
			CHECK (kind IN ('nyhet', 'pressmeddelande', 'sida')),
	slug		TEXT NOT NULL UNIQUE,
	title		TEXT NOT NULL,
	lead		TEXT NOT NULL DEFAULT '',
	body_md		TEXT NOT NULL DEFAULT '',
	lang		TEXT NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
	status		TEXT NOT NULL DEFAULT 'utkast'
			CHECK (status IN ('utkast', 'publicerad', 'avpublicerad')),
	publish_at	INTEGER,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	first_published_at INTEGER,
	author_id	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL DEFAULT 1,
	body_text	TEXT,
	stems_head	TEXT,
	stems_body	TEXT,
	noted_at	INTEGER,
	byline		INTEGER NOT NULL DEFAULT 0 CHECK (byline IN (0, 1)),
	lead_media_id	INTEGER REFERENCES media (id) ON DELETE RESTRICT,
	CHECK (status <> 'publicerad' OR publish_at IS NOT NULL)
) STRICT;

INSERT INTO article_new (id, kind, slug, title, lead, body_md, lang, status,
    publish_at, created_at, updated_at, first_published_at, author_id,
    version, body_text, stems_head, stems_body, noted_at, byline,
    lead_media_id)
SELECT id, kind, slug, title, lead, body_md, lang,
    CASE status WHEN 'draft' THEN 'utkast'
        WHEN 'published' THEN 'publicerad'
        WHEN 'unpublished' THEN 'avpublicerad' END,
    publish_at, created_at, updated_at, first_published_at, author_id,
    version, body_text, stems_head, stems_body, noted_at, byline,
    lead_media_id
  FROM article;

DROP TABLE article;
ALTER TABLE article_new RENAME TO article;

-- Indexes (0001, 0003, 0007, 0009, 0011).
CREATE INDEX article_public ON article (status, publish_at DESC, id DESC, kind);
CREATE INDEX article_kind ON article (kind, status, publish_at DESC);
CREATE INDEX article_updated ON article (updated_at DESC);
CREATE INDEX article_text_owed ON article (id) WHERE body_text IS NULL;
CREATE INDEX article_staff
	ON article (updated_at DESC, id DESC, status, kind, author_id, publish_at);
CREATE INDEX article_staff_published ON article (publish_at, id);
CREATE INDEX article_lead_media ON article (lead_media_id)
	WHERE lead_media_id IS NOT NULL;

-- The site's change stamp (0002).
CREATE TRIGGER change_article_i AFTER INSERT ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_u AFTER UPDATE ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_d AFTER DELETE ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;

-- Published articles of each kind (0004).
CREATE TRIGGER tally_article_i AFTER INSERT ON article
WHEN NEW.status = 'publicerad' BEGIN
	INSERT INTO article_tally (kind, n) VALUES (NEW.kind, 1)
	    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tally_article_d AFTER DELETE ON article
WHEN OLD.status = 'publicerad' BEGIN
	UPDATE article_tally SET n = n - 1 WHERE kind = OLD.kind;
END;
CREATE TRIGGER tally_article_u_old AFTER UPDATE OF status, kind ON article
WHEN OLD.status = 'publicerad' BEGIN
	UPDATE article_tally SET n = n - 1 WHERE kind = OLD.kind;
END;
CREATE TRIGGER tally_article_u_new AFTER UPDATE OF status, kind ON article
WHEN NEW.status = 'publicerad' BEGIN
	INSERT INTO article_tally (kind, n) VALUES (NEW.kind, 1)
	    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;

-- The search text and index (0008).
CREATE TRIGGER article_text_stale
	AFTER UPDATE OF title, lead, body_md ON article
WHEN new.body_text IS old.body_text AND new.body_text IS NOT NULL
 AND (new.title IS NOT old.title OR new.lead IS NOT old.lead
  OR new.body_md IS NOT old.body_md) BEGIN
	UPDATE article SET body_text = NULL, stems_head = NULL,
	    stems_body = NULL WHERE id = new.id;
END;
CREATE TRIGGER search_article_insert AFTER INSERT ON article BEGIN
	INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
		VALUES (new.id * 2, new.title, new.lead,
		    coalesce(new.body_text, ''), coalesce(new.stems_head, ''),
		    coalesce(new.stems_body, ''));
END;
CREATE TRIGGER search_article_update
	AFTER UPDATE OF id, title, lead, body_text, stems_head, stems_body
	ON article BEGIN
	DELETE FROM search WHERE rowid = old.id * 2;
	INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
		VALUES (new.id * 2, new.title, new.lead,
		    coalesce(new.body_text, ''), coalesce(new.stems_head, ''),
		    coalesce(new.stems_body, ''));
END;
CREATE TRIGGER search_article_delete AFTER DELETE ON article BEGIN
	DELETE FROM search WHERE rowid = old.id * 2;
END;

-- article_review (0009): 'vantar' (sent at `version`) or 'tillbaka'
-- (sent back with the reviewer's comment).  Rebuilt before review_ends
-- is made again, as that trigger names it.
CREATE TABLE article_review_new (
	article_id	INTEGER PRIMARY KEY
			REFERENCES article (id) ON DELETE CASCADE,
	version		INTEGER NOT NULL,
	state		TEXT NOT NULL CHECK (state IN ('vantar', 'tillbaka')),
	publish_at	INTEGER,
	sent_by		INTEGER REFERENCES account (id) ON DELETE SET NULL,
	sent_at		INTEGER NOT NULL,
	comment		TEXT NOT NULL DEFAULT '',
	decided_by	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	decided_at	INTEGER
) STRICT;
INSERT INTO article_review_new (article_id, version, state, publish_at,
    sent_by, sent_at, comment, decided_by, decided_at)
SELECT article_id, version,
    CASE state WHEN 'pending' THEN 'vantar' WHEN 'returned' THEN 'tillbaka'
    END, publish_at, sent_by, sent_at, comment, decided_by, decided_at
  FROM article_review;
DROP TABLE article_review;
ALTER TABLE article_review_new RENAME TO article_review;
CREATE INDEX article_review_state ON article_review (state, sent_at);

-- Publishing again ends a withdrawal and a review (0009).
CREATE TRIGGER withdrawal_ends AFTER UPDATE OF status ON article
WHEN NEW.status = 'publicerad' AND OLD.status <> 'publicerad' BEGIN
	DELETE FROM article_withdrawal WHERE article_id = NEW.id;
END;
CREATE TRIGGER review_ends AFTER UPDATE OF status ON article
WHEN NEW.status = 'publicerad' AND OLD.status <> 'publicerad' BEGIN
	DELETE FROM article_review WHERE article_id = NEW.id;
END;

-- What was stored with the old words.
UPDATE article_revision SET status = CASE status
    WHEN 'draft' THEN 'utkast'
    WHEN 'published' THEN 'publicerad'
    WHEN 'unpublished' THEN 'avpublicerad' ELSE status END;
UPDATE audit_log SET before_json = json_set(before_json, '$.status',
    CASE json_extract(before_json, '$.status')
        WHEN 'draft' THEN 'utkast'
        WHEN 'published' THEN 'publicerad'
        ELSE 'avpublicerad' END)
 WHERE object_type = 'article' AND json_valid(before_json)
   AND json_extract(before_json, '$.status')
       IN ('draft', 'published', 'unpublished');
UPDATE audit_log SET after_json = json_set(after_json, '$.status',
    CASE json_extract(after_json, '$.status')
        WHEN 'draft' THEN 'utkast'
        WHEN 'published' THEN 'publicerad'
        ELSE 'avpublicerad' END)
 WHERE object_type = 'article' AND json_valid(after_json)
   AND json_extract(after_json, '$.status')
       IN ('draft', 'published', 'unpublished');
