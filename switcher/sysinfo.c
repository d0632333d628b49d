// SPDX-License-Identifier: GPL-2.0
/*
 * Facts about the running system. Every function returns 0 or -errno and
 * prints nothing: the commands decide what to tell the user.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "kswitch.h"

/* The guest builder writes the system's name here; see tools/mkguest.sh. */
#define SYSTEM_NAME_FILE "/etc/kswitch-system"

int ks_read_line(const char *path, char *buf, size_t size)
{
	FILE *f;
	int ret = 0;

	f = fopen(path, "re");
	if (!f)
		return -errno;
	if (!fgets(buf, (int)size, f))
		ret = ferror(f) ? -EIO : -ENODATA;
	fclose(f);
	if (!ret)
		buf[strcspn(buf, "\n")] = '\0';
	return ret;
}

int ks_system_name(char *buf, size_t size)
{
	struct utsname uts;

	if (!ks_read_line(SYSTEM_NAME_FILE, buf, size))
		return 0;
	if (uname(&uts))
		return -errno;
	snprintf(buf, size, "%s", uts.nodename);
	return 0;
}
