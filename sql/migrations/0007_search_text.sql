-- 0007_search_text.sql -- search reads what a reader sees.
--
-- The index of 0002 held body_md, the Markdown source: raw HTML that
-- cmark drops on render (<div>secret</div>, an <img> with onerror) and
-- link targets it removes (javascript:) were found and shown in
-- snippets.  Now the body is indexed from body_text: the plain text of
-- the rendered body (headings, paragraphs, list items, code, link texts,
-- image alt texts; no raw HTML, no link target), made by the program
-- from body_md with cmark (render/md.c, md_plain()) and stored on
-- article and topic.
--
-- body_text is NULL while it is owed: SQL cannot run cmark, so a write
-- that changes body_md without body_text (the sqlite3 tool, a script,
-- an older program) sets it to NULL by trigger, and the body is then
-- indexed as empty -- never as its source -- until the program fills
-- it in (store/search_text.c): before every commit of its own (so a
-- save in the staff area is indexed in the same transaction), at start
-- before the workers fork, and in the master when it sees a write from
-- elsewhere.  The partial indexes find the owed rows at no cost when
-- there are none.
--
-- Here every row is owed: the index is rebuilt with title and lead and
-- an empty body, and the master fills the bodies in at its next start,
-- a few hundred rows a transaction, so a stop half-way loses nothing
-- and the next start goes on where it stopped.
ALTER TABLE article ADD COLUMN body_text TEXT;
ALTER TABLE topic ADD COLUMN body_text TEXT;
CREATE INDEX article_text_owed ON article (id) WHERE body_text IS NULL;
CREATE INDEX topic_text_owed ON topic (id) WHERE body_text IS NULL;

-- A body_md written without its text makes the text owed.
CREATE TRIGGER article_text_stale AFTER UPDATE OF body_md ON article
WHEN new.body_md IS NOT old.body_md AND new.body_text IS old.body_text
 AND new.body_text IS NOT NULL BEGIN
	UPDATE article SET body_text = NULL WHERE id = new.id;
END;
CREATE TRIGGER topic_text_stale AFTER UPDATE OF body_md ON topic
WHEN new.body_md IS NOT old.body_md AND new.body_text IS old.body_text
 AND new.body_text IS NOT NULL BEGIN
	UPDATE topic SET body_text = NULL WHERE id = new.id;
END;

DROP TRIGGER search_article_insert;
DROP TRIGGER search_article_update;
DROP TRIGGER search_topic_insert;
DROP TRIGGER search_topic_update;

CREATE TRIGGER search_article_insert AFTER INSERT ON article BEGIN
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2, new.title, new.lead,
		    coalesce(new.body_text, ''));
END;
CREATE TRIGGER search_article_update
	AFTER UPDATE OF id, title, lead, body_text ON article BEGIN
	DELETE FROM search WHERE rowid = old.id * 2;
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2, new.title, new.lead,
		    coalesce(new.body_text, ''));
END;
CREATE TRIGGER search_topic_insert AFTER INSERT ON topic BEGIN
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2 + 1, new.name, new.lead,
		    coalesce(new.body_text, ''));
END;
CREATE TRIGGER search_topic_update
	AFTER UPDATE OF id, name, lead, body_text ON topic BEGIN
	DELETE FROM search WHERE rowid = old.id * 2 + 1;
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2 + 1, new.name, new.lead,
		    coalesce(new.body_text, ''));
END;

-- The index again, without any source text (the delete triggers of
-- 0002 name the table and carry over).
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5 (
	title, lead, body,
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3 4 5 6 7 8 9 10'
);
INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2, title, lead, '' FROM article;
INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2 + 1, name, lead, '' FROM topic;
INSERT INTO search (search, rank) VALUES ('automerge', 0);
