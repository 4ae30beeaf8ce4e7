-- 0006_reserved.sql -- a placeholder so that this branch builds: number
-- 0006 belongs to another branch's migration.  When both are merged,
-- delete this file (the other 0006 takes its place).
SELECT 1;
