-- account.sql -- staff accounts, sessions and sign-in throttling
-- (store/account.c).

-- name: account_insert
INSERT INTO account (name, display_name, role, pw_hash, created_at,
    updated_at)
VALUES (:name, :display_name, :role, :pw_hash, :now, :now);

-- name: account_by_name
SELECT id, name, display_name, role, pw_hash, disabled
  FROM account
 WHERE name = :name;

-- name: account_set_login
UPDATE account SET last_login_at = :now WHERE id = :id;

-- name: session_insert
INSERT INTO session (token_hash, account_id, csrf, created_at, expires_at,
    last_seen_at)
VALUES (:token_hash, :account_id, :csrf, :now, :expires_at, :now);

-- name: session_get
-- A live session of an account that is not disabled: not past its
-- absolute end, and used since :idle_since.
SELECT a.id, a.name, a.display_name, a.role, s.csrf, s.expires_at,
       s.last_seen_at
  FROM session s JOIN account a ON a.id = s.account_id
 WHERE s.token_hash = :token_hash AND s.expires_at > :now
   AND s.last_seen_at > :idle_since AND a.disabled = 0;

-- name: session_touch
UPDATE session SET last_seen_at = :now WHERE token_hash = :token_hash;

-- name: session_delete
-- Signing out ends the session at once but keeps its row (and so its
-- form token) until it is pruned: a form sent from another tab after
-- that can still prove it came from our own page.
UPDATE session SET expires_at = min(expires_at, :now)
 WHERE token_hash = :token_hash;

-- name: session_csrf_owner
-- The account whose session (live, or ended since :since) issued the
-- form token :csrf.
SELECT account_id FROM session
 WHERE csrf = :csrf AND min(expires_at, last_seen_at + :idle) > :since;

-- name: session_prune
-- Sessions that ended (absolute end or idle) before :before.
DELETE FROM session WHERE min(expires_at, last_seen_at + :idle) <= :before;

-- name: login_attempt_insert
INSERT INTO login_attempt (key, at) VALUES (:key, :now);

-- name: login_attempt_recent
-- Failures for key since :since, and the time of the latest.
SELECT count(*), coalesce(max(at), 0)
  FROM login_attempt
 WHERE key = :key AND at > :since;

-- name: login_attempt_clear
DELETE FROM login_attempt WHERE key = :key;

-- name: login_attempt_prune
DELETE FROM login_attempt WHERE at <= :before;
