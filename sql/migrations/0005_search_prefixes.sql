-- 0005_search_prefixes.sql -- prefix indexes for words of 2 to 10
-- letters.
--
-- Every search word is a prefix query ("budget"* also finds budgeten
-- and budgetpropositionen).  With indexes only for 2 and 3 letters,
-- FTS5 answered a longer prefix by merging the doclists of every term
-- that starts with it, in full, even for the 200 newest matches: about
-- 7 ms for a common word at 100,000 articles, and search_hits, the
-- count and each of the ten snippets did it again (125 ms a page).
-- With an index for the word's own length the doclist is read lazily,
-- newest first, and stops at the limit (0.1-0.5 ms).  The index grows
-- by about half; rebuilding it takes about 25 s at 100,000 articles.
-- The triggers of 0002 name the table and carry over unchanged.
--
-- automerge 0: a write no longer merges index segments itself (a publish
-- took 25-40 ms every 16th time and over 500 ms now and then at
-- 100,000 articles); a worker does that work a little at a time after
-- it has answered a request that wrote (search_merge,
-- store_after_write()).
DROP TABLE search;

CREATE VIRTUAL TABLE search USING fts5 (
	title, lead, body,
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3 4 5 6 7 8 9 10'
);

INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2, title, lead, body_md FROM article;
INSERT INTO search (rowid, title, lead, body)
	SELECT id * 2 + 1, name, lead, body_md FROM topic;

INSERT INTO search (search, rank) VALUES ('automerge', 0);
