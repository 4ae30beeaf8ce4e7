-- editorial.sql -- change notes, the byline, withdrawal and review
-- (store/note.c, store/withdrawal.c, store/review.c; migrations/0009).
-- Writes run inside the page's transaction.

-- name: note_add
INSERT INTO article_note (article_id, at, text, account_id)
VALUES (:id, :at, :text, nullif(:account_id, 0));

-- name: note_mark
-- Only a noted update moves the public "Uppdaterad".
UPDATE article SET noted_at = :at WHERE id = :id;

-- name: note_list
-- Every note of an article, newest first.
SELECT at, text FROM article_note
 WHERE article_id = :id
 ORDER BY at DESC, id DESC;

-- name: article_extra
-- What the public page adds to an article: the time of its last noted
-- update (0: none), whether it has a byline and its author's display
-- name (never the login name).
SELECT coalesce(a.noted_at, 0), a.byline, coalesce(u.display_name, '')
  FROM article AS a
  LEFT JOIN account AS u ON u.id = a.author_id
 WHERE a.id = :id;

-- name: byline_set
UPDATE article SET byline = :byline WHERE id = :id AND byline <> :byline;

-- name: withdrawal_by_slug
-- A withdrawn article at :slug: its id, title, first publication, the
-- withdrawal's time and explanation, and the replacement's slug while
-- that article is public ('' otherwise).
SELECT a.id, a.title, coalesce(a.first_published_at, a.publish_at, 0),
       w.at, w.explanation, coalesce(r.slug, '')
  FROM article AS a
  JOIN article_withdrawal AS w ON w.article_id = a.id
  LEFT JOIN article AS r ON r.id = w.replacement_id
       AND r.status = 'publicerad' AND r.publish_at <= :now
       AND r.kind <> 'sida'
 WHERE a.slug = :slug AND a.status = 'avpublicerad';

-- name: withdrawal_get
SELECT w.at, w.explanation, coalesce(r.slug, ''),
       coalesce(nullif(u.display_name, ''), u.name, '')
  FROM article_withdrawal AS w
  LEFT JOIN article AS r ON r.id = w.replacement_id
  LEFT JOIN account AS u ON u.id = w.account_id
 WHERE w.article_id = :id;

-- name: withdraw
-- Take a public article down; stale (no row) when it was saved since
-- the page was loaded or is no longer public.
UPDATE article
   SET status = 'avpublicerad', updated_at = :now, version = version + 1
 WHERE id = :id AND version = :version AND status = 'publicerad'
   AND publish_at <= :now;

-- name: withdrawal_add
INSERT INTO article_withdrawal (article_id, at, explanation, replacement_id,
    account_id)
VALUES (:id, :now, :explanation, nullif(:replacement_id, 0),
    nullif(:account_id, 0))
ON CONFLICT (article_id) DO UPDATE
   SET at = excluded.at, explanation = excluded.explanation,
       replacement_id = excluded.replacement_id,
       account_id = excluded.account_id;

-- name: public_article_id
-- A public news item or press release by slug (a replacement).
SELECT id FROM article
 WHERE slug = :slug AND status = 'publicerad' AND publish_at <= :now
   AND kind <> 'sida';

-- name: review_get
SELECT r.version, r.state, coalesce(r.publish_at, 0),
       coalesce(r.sent_by, 0), r.sent_at, r.comment,
       coalesce(nullif(s.display_name, ''), s.name, ''),
       coalesce(nullif(d.display_name, ''), d.name, ''),
       coalesce(r.decided_at, 0)
  FROM article_review AS r
  LEFT JOIN account AS s ON s.id = r.sent_by
  LEFT JOIN account AS d ON d.id = r.decided_by
 WHERE r.article_id = :id;

-- name: review_send
INSERT INTO article_review (article_id, version, state, publish_at,
    sent_by, sent_at)
VALUES (:id, (SELECT version FROM article WHERE id = :id), 'vantar',
    nullif(:publish_at, 0), nullif(:account_id, 0), :now)
ON CONFLICT (article_id) DO UPDATE
   SET version = excluded.version, state = 'vantar',
       publish_at = excluded.publish_at, sent_by = excluded.sent_by,
       sent_at = excluded.sent_at, comment = '', decided_by = NULL,
       decided_at = NULL;

-- name: review_return
UPDATE article_review
   SET state = 'tillbaka', comment = :comment,
       decided_by = nullif(:account_id, 0), decided_at = :now
 WHERE article_id = :id AND state = 'vantar' AND version = :version;

-- name: review_publish
-- Publish the article as it was sent; stale when it changed since.
UPDATE article
   SET status = 'publicerad', publish_at = :publish_at, updated_at = :now,
       first_published_at = coalesce(first_published_at, :publish_at),
       version = version + 1
 WHERE id = :id AND version = :version AND status <> 'publicerad';

-- name: review_list
-- Articles waiting for review, oldest first.
SELECT r.article_id, a.title, a.kind, r.sent_at,
       coalesce(nullif(s.display_name, ''), s.name, ''),
       coalesce(r.publish_at, 0)
  FROM article_review AS r
  JOIN article AS a ON a.id = r.article_id
  LEFT JOIN account AS s ON s.id = r.sent_by
 WHERE r.state = 'vantar'
 ORDER BY r.sent_at, r.article_id;

-- name: review_base
-- The last published version of an article, which a review compares
-- with.
SELECT version FROM article_revision
 WHERE article_id = :id AND status = 'publicerad'
   AND publish_at <= saved_at
 ORDER BY version DESC LIMIT 1;

-- name: article_author
SELECT coalesce(author_id, 0) FROM article WHERE id = :id;
