-- journalist.sql -- the press list the press officers keep
-- (store/journalist.c): journalists with their outlet, address and
-- topics (none: every press release).

-- name: journalist_list
SELECT j.id, j.name, j.outlet, j.email,
       coalesce((SELECT group_concat(name, ', ') FROM (
           SELECT t.name FROM journalist_topic jt
             JOIN topic t ON t.id = jt.topic_id
            WHERE jt.journalist_id = j.id ORDER BY t.name)), '')
  FROM journalist j
 ORDER BY j.name COLLATE NOCASE, j.id;

-- name: journalist_get
SELECT id, name, outlet, email FROM journalist WHERE id = :id;

-- name: journalist_topic_ids
SELECT topic_id FROM journalist_topic WHERE journalist_id = :id
 ORDER BY topic_id;

-- name: journalist_insert
INSERT INTO journalist (name, outlet, email, created_at, unsub_token)
VALUES (:name, :outlet, :email, :now, :unsub_token);

-- name: journalist_update
UPDATE journalist SET name = :name, outlet = :outlet, email = :email
 WHERE id = :id;

-- name: journalist_topics_clear
DELETE FROM journalist_topic WHERE journalist_id = :id;

-- name: journalist_topic_add
INSERT OR IGNORE INTO journalist_topic (journalist_id, topic_id)
SELECT :id, id FROM topic WHERE id = :topic_id;

-- name: journalist_delete
DELETE FROM journalist WHERE id = :id;

-- name: journalist_count
SELECT count(*) FROM journalist;
