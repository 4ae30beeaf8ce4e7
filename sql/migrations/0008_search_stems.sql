-- 0008_search_stems.sql -- search finds a word's other forms.
--
-- Two more index columns hold the distinct Swedish stems of a row's
-- words (store/search_stem.c): stems_head those of the title and lead,
-- stems_body those of the body text.  A search word matches its own
-- form (as a prefix) in title, lead and body, or its stem in these, so
-- "kvinna" finds kvinnan, kvinnor and kvinnorna; pressrum_rank weighs a
-- stem match below a match of the form typed.  The stems are made by the
-- program, as body_text is (migrations/0007): stored on the row, owed
-- (body_text NULL) after a write from outside it that changes the title,
-- lead or body, and filled in by the program (store/search_text.c).
-- The tokenizer stays unicode61 with remove_diacritics 0, so the sqlite3
-- tool and scripts can still write articles and the index follows.
--
-- search_word: the words of the index (folded to lower case, four to
-- forty bytes, letters only) with the number of texts they were filled
-- in from, for "Menade du ...?" (store/search_vocab.c); rev is the word
-- backwards, so a misspelt first letter is found too.  Filled with the
-- stems; a word is never taken out (a suggestion is only shown when it
-- finds public hits).
--
-- Every row is made owed here and the index rebuilt from titles and
-- leads; the master fills in texts and stems at its next start, a few
-- hundred rows a transaction (a restart goes on where it stopped).
CREATE TABLE search_word (
	word	TEXT PRIMARY KEY,
	rev	TEXT NOT NULL,
	n	INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX search_word_rev ON search_word (rev);

ALTER TABLE article ADD COLUMN stems_head TEXT;
ALTER TABLE article ADD COLUMN stems_body TEXT;
ALTER TABLE topic ADD COLUMN stems_head TEXT;
ALTER TABLE topic ADD COLUMN stems_body TEXT;

DROP TRIGGER article_text_stale;
DROP TRIGGER topic_text_stale;
DROP TRIGGER search_article_insert;
DROP TRIGGER search_article_update;
DROP TRIGGER search_article_delete;
DROP TRIGGER search_topic_insert;
DROP TRIGGER search_topic_update;
DROP TRIGGER search_topic_delete;
DROP TABLE search;

UPDATE article SET body_text = NULL;
UPDATE topic SET body_text = NULL;

CREATE VIRTUAL TABLE search USING fts5 (
	title, lead, body, stems_head, stems_body,
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3 4 5 6 7 8 9 10'
);
INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
	SELECT id * 2, title, lead, '', '', '' FROM article;
INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
	SELECT id * 2 + 1, name, lead, '', '', '' FROM topic;
INSERT INTO search (search, rank) VALUES ('automerge', 0);

-- A title, lead or body written without its text makes text and stems
-- owed.
CREATE TRIGGER article_text_stale
	AFTER UPDATE OF title, lead, body_md ON article
WHEN new.body_text IS old.body_text AND new.body_text IS NOT NULL
 AND (new.title IS NOT old.title OR new.lead IS NOT old.lead
  OR new.body_md IS NOT old.body_md) BEGIN
	UPDATE article SET body_text = NULL, stems_head = NULL,
	    stems_body = NULL WHERE id = new.id;
END;
CREATE TRIGGER topic_text_stale
	AFTER UPDATE OF name, lead, body_md ON topic
WHEN new.body_text IS old.body_text AND new.body_text IS NOT NULL
 AND (new.name IS NOT old.name OR new.lead IS NOT old.lead
  OR new.body_md IS NOT old.body_md) BEGIN
	UPDATE topic SET body_text = NULL, stems_head = NULL,
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
CREATE TRIGGER search_topic_insert AFTER INSERT ON topic BEGIN
	INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
		VALUES (new.id * 2 + 1, new.name, new.lead,
		    coalesce(new.body_text, ''), coalesce(new.stems_head, ''),
		    coalesce(new.stems_body, ''));
END;
CREATE TRIGGER search_topic_update
	AFTER UPDATE OF id, name, lead, body_text, stems_head, stems_body
	ON topic BEGIN
	DELETE FROM search WHERE rowid = old.id * 2 + 1;
	INSERT INTO search (rowid, title, lead, body, stems_head, stems_body)
		VALUES (new.id * 2 + 1, new.name, new.lead,
		    coalesce(new.body_text, ''), coalesce(new.stems_head, ''),
		    coalesce(new.stems_body, ''));
END;
CREATE TRIGGER search_topic_delete AFTER DELETE ON topic BEGIN
	DELETE FROM search WHERE rowid = old.id * 2 + 1;
END;
