-- 0009_editorial.sql -- change notes, withdrawal, review before
-- publishing, the staff search's index and the byline.
--
-- noted_at: when the article last had an update with a note for
-- readers; the public "Uppdaterad" shows it and nothing else, so a
-- minor change (a typo) never moves it.  Articles saved before this
-- keep the "Uppdaterad" they showed (a save over ten minutes after
-- publishing counted as an update).
ALTER TABLE article ADD COLUMN noted_at INTEGER;
UPDATE article SET noted_at = updated_at
 WHERE publish_at IS NOT NULL AND updated_at > publish_at + 600;

-- byline 1: the article shows its author's display name ("Av ...").
ALTER TABLE article ADD COLUMN byline INTEGER NOT NULL DEFAULT 0
	CHECK (byline IN (0, 1));

-- Notes for readers ("Rättelse: ..."), every one kept, shown under the
-- article's dates and in its Atom entry.
CREATE TABLE article_note (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	at		INTEGER NOT NULL,
	text		TEXT NOT NULL,
	account_id	INTEGER REFERENCES account (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX article_note_article ON article_note (article_id, at);

-- A withdrawn article: status 'unpublished' with a row here.  Its URL
-- answers 410 with the explanation, or 301 to replacement_id while
-- that article is public.  Publishing the article again ends it.
CREATE TABLE article_withdrawal (
	article_id	INTEGER PRIMARY KEY
			REFERENCES article (id) ON DELETE CASCADE,
	at		INTEGER NOT NULL,
	explanation	TEXT NOT NULL DEFAULT '',
	replacement_id	INTEGER REFERENCES article (id) ON DELETE SET NULL,
	account_id	INTEGER REFERENCES account (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX article_withdrawal_replacement
	ON article_withdrawal (replacement_id);

CREATE TRIGGER withdrawal_ends AFTER UPDATE OF status ON article
WHEN NEW.status = 'published' AND OLD.status <> 'published' BEGIN
	DELETE FROM article_withdrawal WHERE article_id = NEW.id;
END;

-- Public pages show notes and withdrawals: the change stamp of 0002.
CREATE TRIGGER change_article_note_i AFTER INSERT ON article_note BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_note_u AFTER UPDATE ON article_note BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_note_d AFTER DELETE ON article_note BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_withdrawal_i AFTER INSERT ON article_withdrawal BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_withdrawal_u AFTER UPDATE ON article_withdrawal BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_withdrawal_d AFTER DELETE ON article_withdrawal BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;

-- Second pair of eyes (setting review_required = '1'): a redaktor's
-- article waits here for another redaktor or an admin.  state
-- 'pending' (sent at `version`; publish_at NULL: publish when
-- approved) or 'returned' (with the reviewer's comment).  Publishing
-- the article ends it.
CREATE TABLE article_review (
	article_id	INTEGER PRIMARY KEY
			REFERENCES article (id) ON DELETE CASCADE,
	version		INTEGER NOT NULL,
	state		TEXT NOT NULL CHECK (state IN ('pending', 'returned')),
	publish_at	INTEGER,
	sent_by		INTEGER REFERENCES account (id) ON DELETE SET NULL,
	sent_at		INTEGER NOT NULL,
	comment		TEXT NOT NULL DEFAULT '',
	decided_by	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	decided_at	INTEGER
) STRICT;
CREATE INDEX article_review_state ON article_review (state, sent_at);

CREATE TRIGGER review_ends AFTER UPDATE OF status ON article
WHEN NEW.status = 'published' AND OLD.status <> 'published' BEGIN
	DELETE FROM article_review WHERE article_id = NEW.id;
END;

-- The staff article list: newest change first under any filter, and
-- its counts, from the index alone (at 100,000 articles a count over
-- the table read every row's first page).
CREATE INDEX article_staff
	ON article (updated_at DESC, id DESC, status, kind, author_id, publish_at);
CREATE INDEX article_staff_published ON article (publish_at, id);
