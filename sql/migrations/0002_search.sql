-- 0002_search.sql -- the search index, and the site's change stamp.
--
-- Both are kept current by triggers, so every write path (the staff
-- area, the CLI, a hand-run sqlite3) keeps them right with no code.
--
-- search: an FTS5 index over the title, lead and body of every article
-- and topic.  Its rowid says what a row is: article id * 2 for an
-- article, topic id * 2 + 1 for a topic.  Drafts and scheduled articles
-- are indexed too; whether a hit is public is decided when the index is
-- read, by joining the article (status and publish_at against now), so a
-- scheduled article is found from its publish time on without any write.
-- The tokenizer is unicode61 with remove_diacritics 0: case-insensitive
-- (Ä = ä), but å, ä and ö stay letters of their own, as they are in
-- Swedish ("har" is not "här", "for" is not "för").  Prefix indexes for
-- two and three characters make short prefix queries cheap.
--
-- site_change: one row holding the last time anything a public page
-- shows was written (articles and their topics, experts and links,
-- topics, contacts, notices, settings).  HTTP Last-Modified is built
-- from it (store_last_change).  A new table whose rows public pages show
-- needs the same three triggers.

CREATE VIRTUAL TABLE search USING fts5 (
	title, lead, body,
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3'
);

INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2, title, lead, body_md FROM article;
INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2 + 1, name, lead, body_md FROM topic;

CREATE TRIGGER search_article_insert AFTER INSERT ON article BEGIN
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2, new.title, new.lead, new.body_md);
END;
CREATE TRIGGER search_article_update
	AFTER UPDATE OF id, title, lead, body_md ON article BEGIN
	DELETE FROM search WHERE rowid = old.id * 2;
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2, new.title, new.lead, new.body_md);
END;
CREATE TRIGGER search_article_delete AFTER DELETE ON article BEGIN
	DELETE FROM search WHERE rowid = old.id * 2;
END;

CREATE TRIGGER search_topic_insert AFTER INSERT ON topic BEGIN
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2 + 1, new.name, new.lead, new.body_md);
END;
CREATE TRIGGER search_topic_update
	AFTER UPDATE OF id, name, lead, body_md ON topic BEGIN
	DELETE FROM search WHERE rowid = old.id * 2 + 1;
	INSERT INTO search (rowid, title, lead, body)
		VALUES (new.id * 2 + 1, new.name, new.lead, new.body_md);
END;
CREATE TRIGGER search_topic_delete AFTER DELETE ON topic BEGIN
	DELETE FROM search WHERE rowid = old.id * 2 + 1;
END;

CREATE TABLE site_change (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	at		INTEGER NOT NULL
) STRICT;
INSERT INTO site_change (id, at) VALUES (1, unixepoch());

-- The stamp only moves forward: max() keeps it monotonic should the
-- system clock step back.
CREATE TRIGGER change_article_i AFTER INSERT ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_u AFTER UPDATE ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_d AFTER DELETE ON article BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_topic_i AFTER INSERT ON article_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_topic_u AFTER UPDATE ON article_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_topic_d AFTER DELETE ON article_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_expert_i AFTER INSERT ON article_expert BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_expert_u AFTER UPDATE ON article_expert BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_expert_d AFTER DELETE ON article_expert BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_link_i AFTER INSERT ON article_link BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_link_u AFTER UPDATE ON article_link BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_article_link_d AFTER DELETE ON article_link BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_topic_i AFTER INSERT ON topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_topic_u AFTER UPDATE ON topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_topic_d AFTER DELETE ON topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_i AFTER INSERT ON contact BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_u AFTER UPDATE ON contact BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_d AFTER DELETE ON contact BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_topic_i AFTER INSERT ON contact_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_topic_u AFTER UPDATE ON contact_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_contact_topic_d AFTER DELETE ON contact_topic BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_notice_i AFTER INSERT ON notice BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_notice_u AFTER UPDATE ON notice BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_notice_d AFTER DELETE ON notice BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_setting_i AFTER INSERT ON setting BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_setting_u AFTER UPDATE ON setting BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_setting_d AFTER DELETE ON setting BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
