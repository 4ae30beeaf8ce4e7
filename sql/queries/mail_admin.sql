-- mail_admin.sql -- what the staff page /admin/epost counts (counts
-- only: never who opened anything).

-- name: mail_admin_articles
SELECT a.id, a.title,
       sum(o.state = 'skickad'), sum(o.state = 'ny'),
       sum(o.state = 'misslyckad'), coalesce(max(o.sent_at), 0),
       coalesce((SELECT last_error FROM outbox e
                  WHERE e.article_id = a.id AND e.last_error <> ''
                  ORDER BY e.id DESC LIMIT 1), '')
  FROM outbox o JOIN article a ON a.id = o.article_id
 GROUP BY a.id
 ORDER BY max(o.id) DESC
 LIMIT 50;

-- name: mail_admin_totals
SELECT count(*), coalesce(sum(scope = 'alla'), 0),
       coalesce(sum(scope = 'press'), 0), coalesce(sum(scope = 'amnen'), 0),
       coalesce(sum(frequency = 'dag'), 0)
  FROM subscriber WHERE confirmed_at IS NOT NULL;

-- name: mail_admin_topics
SELECT t.name, count(s.id)
  FROM topic t
  LEFT JOIN subscriber_topic st ON st.topic_id = t.id
  LEFT JOIN subscriber s ON s.id = st.subscriber_id
       AND s.confirmed_at IS NOT NULL
 GROUP BY t.id
 ORDER BY t.name;

-- name: outbox_retry_article
-- Not a mail whose address is forgotten (erased, or kept its time).
UPDATE outbox SET state = 'ny', attempts = 0, next_try_at = :now
 WHERE article_id = :article_id AND state = 'misslyckad'
   AND recipient <> '';
