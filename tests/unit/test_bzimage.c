// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of switcher/bzimage.c against the kernel this project builds,
 * and against damaged copies of it. usage: test_bzimage BZIMAGE
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../switcher/bzimage.h"
#include "../../switcher/kswitch.h"
#include "tap.h"

int main(int argc, char **argv)
{
	struct bzimage bz;
	size_t size;
	char *buf;

	if (argc != 2 || ks_read_file(argv[1], (void **)&buf, &size)) {
		printf("1..0 # SKIP no bzImage\n");
		return 4;
	}
	ok(!bzimage_parse(buf, size, &bz), "the built bzImage parses");
	ok(bz.kernel_size && bz.mem_size >= bz.kernel_size,
	   "it needs at least its own size to boot (%zu >= %zu)", bz.mem_size,
	   bz.kernel_size);
	ok(bz.alignment == 2 << 20, "it is 2 MiB aligned (0x%lx)",
	   bz.alignment);
	ok(bzimage_parse(buf, size - 4096, &bz) == -EBADMSG,
	   "cut short by a page: -EBADMSG");
	ok(bzimage_parse(buf, 0x200, &bz) == -ENOEXEC,
	   "only its boot sector: -ENOEXEC");
	buf[0x202] ^= 0xff; /* "HdrS" */
	ok(bzimage_parse(buf, size, &bz) == -ENOEXEC,
	   "without the HdrS magic: -ENOEXEC");
	free(buf);
	return tap_done();
}
