-- audit.sql -- who did what to which thing, and when (store/audit.c).

-- name: audit_insert
INSERT INTO audit_log (at, account_id, action, object_type, object_id,
    summary, before_json, after_json)
VALUES (:at, :account_id, :action, :object_type, :object_id, :summary,
    :before_json, :after_json);

-- name: audit_list
-- Newest first, with the name of who did it.
SELECT l.id, l.at, coalesce(a.display_name, a.name, ''), l.action,
       l.object_type, coalesce(l.object_id, 0), l.summary,
       coalesce(l.before_json, ''), coalesce(l.after_json, '')
  FROM audit_log l LEFT JOIN account a ON a.id = l.account_id
 WHERE (:object_type IS NULL OR l.object_type = :object_type)
 ORDER BY l.at DESC, l.id DESC
 LIMIT :limit OFFSET :offset;

-- name: audit_count
SELECT count(*) FROM audit_log
 WHERE (:object_type IS NULL OR object_type = :object_type);
