-- klarsprak.sql -- the klarspråk settings (store/klarsprak.c): the LIX
-- target (setting lix_target, "" for none) and the site's word list for
-- spelling (setting spell_words, one word a line).

-- name: klarsprak_json
-- The settings as the audit log keeps them.
SELECT json_object(
	'mål för LIX', coalesce((SELECT value FROM setting
	    WHERE key = 'lix_target'), ''),
	'ordlista', coalesce((SELECT value FROM setting
	    WHERE key = 'spell_words'), ''));
