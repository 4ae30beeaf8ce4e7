-- account_admin.sql -- managing staff accounts (store/account_admin.c).
-- The audit JSON never holds a password or its hash.

-- name: account_admin_list
SELECT id, name, display_name, role, disabled, coalesce(last_login_at, 0)
  FROM account
 ORDER BY name COLLATE sv, id;

-- name: account_admin_get
SELECT id, name, display_name, role, disabled, coalesce(last_login_at, 0)
  FROM account
 WHERE id = :id;

-- name: account_admin_json
SELECT json_object(
	'användarnamn', name,
	'namn', display_name,
	'roll', role,
	'avstängt', json(CASE disabled WHEN 1 THEN 'true' ELSE 'false' END))
  FROM account
 WHERE id = :id;

-- name: account_admin_update
UPDATE account
   SET display_name = :display_name, role = :role, disabled = :disabled,
       updated_at = :now
 WHERE id = :id;

-- name: account_admin_set_password
UPDATE account SET pw_hash = :pw_hash, updated_at = :now WHERE id = :id;

-- name: account_admin_end_sessions
DELETE FROM session WHERE account_id = :id;

-- name: account_admin_other_roles
-- The roles of the active accounts other than :id: the last one whose
-- role has the admin right (util/role.c) may not be demoted or disabled.
SELECT role FROM account
 WHERE disabled = 0 AND id <> :id;
