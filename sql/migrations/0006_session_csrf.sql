-- 0006_session_csrf.sql -- find the session that issued a form token
-- (a staff POST whose session has ended proves with it that the form
-- is one of our own pages; web/session.c).
CREATE INDEX session_csrf ON session (csrf);
