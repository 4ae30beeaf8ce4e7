/*
 * space.c -- how much room the disk holding the database has left, for
 * the warning on the staff start page (pages/admin.c): a full disk makes
 * every save fail (ST_FULL), so the staff should hear of it before.
 */
#include <errno.h>
#include <string.h>
#include <sys/statvfs.h>

#include "../util/log.h"
#include "store_int.h"

enum status
store_disk_space(struct store *db, uint64_t *avail, uint64_t *total)
{
	const char	*path = sqlite3_db_filename(db->db, "main");
	struct statvfs	 sv;

	if (path == NULL || *path == '\0')
		return ST_ERROR;	/* a temporary database: no disk */
	if (statvfs(path, &sv) == -1) {
		log_error("store: statvfs %s: %s", path, strerror(errno));
		return ST_ERROR;
	}
	*avail = (uint64_t)sv.f_bavail * sv.f_frsize;
	*total = (uint64_t)sv.f_blocks * sv.f_frsize;
	return ST_OK;
}
