-- preview.sql -- embargo preview links (store/preview.c).  Only the
-- hash of a link's token is stored; each opening is logged.

-- name: preview_insert
INSERT INTO preview_link (token_hash, article_id, expires_at, created_by,
    created_at)
VALUES (:token_hash, :article_id, :expires_at, nullif(:account_id, 0),
    :now);

-- name: preview_list
SELECT p.id, p.expires_at, p.revoked, p.created_at,
       (SELECT count(*) FROM preview_open WHERE link_id = p.id),
       coalesce((SELECT max(at) FROM preview_open WHERE link_id = p.id), 0),
       coalesce(nullif(u.display_name, ''), u.name, '')
  FROM preview_link AS p
  LEFT JOIN account AS u ON u.id = p.created_by
 WHERE p.article_id = :article_id
 ORDER BY p.created_at DESC, p.id DESC;

-- name: preview_revoke
UPDATE preview_link SET revoked = 1
 WHERE id = :id AND article_id = :article_id AND revoked = 0;

-- name: preview_find
-- A link by token hash: id, article, expiry, revoked.
SELECT id, article_id, expires_at, revoked
  FROM preview_link WHERE token_hash = :token_hash;

-- name: preview_open_log
INSERT INTO preview_open (link_id, at) VALUES (:link_id, :now);
