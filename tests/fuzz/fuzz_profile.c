// clang-format off
/* fuzz-sources: slots/profile.c slots/slots.c */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The profile parser (slots/profile.c) on the fuzz bytes as a profile
 * file, read as kswitch reads one: by path, through ks_read_regular(). The
 * bytes go to a memfd, a regular file at /proc/self/fd/N. The first half
 * and the second half are also read as a directory of two profiles, for
 * the checks between profiles. Whatever is accepted must be a profile
 * that can be loaded as it says; whatever is refused must say why in a
 * line that prints without a control character.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "profile.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

static int fds[2];
static char paths[2][64], dir[64];

/* Terminated within @size, as every string of a profile must be. */
static int terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static void check_profile(const struct ks_profile *p)
{
	check(terminated(p->name, sizeof(p->name)) &&
	      terminated(p->kernel, sizeof(p->kernel)) &&
	      terminated(p->initrd, sizeof(p->initrd)) &&
	      terminated(p->cmdline, sizeof(p->cmdline)));
	check(ks_profile_name_valid(p->name));
	check(p->kernel[0] == '/');
	check(!p->initrd[0] || p->initrd[0] == '/');
	/* A size no sum can wrap: the low window, a region's end. */
	check(p->mem_size && p->mem_size <= KS_MEM_MAX);
	check(p->kind == KEXEC_SLOT_RESIDENT || p->kind == KEXEC_SLOT_SWAP);
	check(p->slot < KEXEC_SLOTS_MAX);
	check(!p->hotkey || p->hotkey == KS_HOTKEY_NONE ||
	      (p->hotkey >= '0' && p->hotkey <= '9'));
}

static void check_error(const struct ks_profile_error *err)
{
	char line[KS_PATH_LEN + 192], shown[KS_PRINTABLE_SIZE(sizeof(line))];
	const char *c;

	check(terminated(err->problem, sizeof(err->problem)) &&
	      err->problem[0]);
	ks_profile_error_format(err, line, sizeof(line));
	for (c = ks_printable(line, shown, sizeof(shown)); *c; c++)
		check(*c >= 0x20 && *c < 0x7f);
}

static void fill(int fd, const uint8_t *data, size_t size)
{
	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
}

static void remove_dir(void)
{
	char link[80];
	int i;

	for (i = 0; i < 2; i++) {
		snprintf(link, sizeof(link), "%s/%c.conf", dir, 'a' + i);
		unlink(link);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char link[80];
	int i;

	(void)argc, (void)argv;
	snprintf(dir, sizeof(dir), "/tmp/fuzz_profile.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	for (i = 0; i < 2; i++) {
		fds[i] = memfd_create("profile", MFD_CLOEXEC);
		if (fds[i] < 0)
			abort();
		snprintf(paths[i], sizeof(paths[i]), "/proc/self/fd/%d",
			 fds[i]);
		/* The directory's profiles are the memfds, by symlink. */
		snprintf(link, sizeof(link), "%s/%c.conf", dir, 'a' + i);
		unlink(link);
		if (symlink(paths[i], link))
			abort();
	}
	atexit(remove_dir);
	return 0;
}

static void read_dir(void)
{
	struct ks_profile_set set;
	unsigned int i;

	if (ks_profiles_read_dir(dir, &set))
		return;
	check(set.nr + set.nr_errors == 2);
	for (i = 0; i < set.nr; i++)
		check_profile(&set.profile[i]);
	for (i = 0; i < set.nr_errors; i++)
		check_error(&set.error[i]);
	/* Two profiles never share a name, a slot or a hotkey digit. */
	if (set.nr == 2) {
		check(strcmp(set.profile[0].name, set.profile[1].name));
		check(!set.profile[0].slot ||
		      set.profile[0].slot != set.profile[1].slot);
	}
	ks_profiles_free(&set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ks_profile_error err;
	struct ks_profile p;
	char arg[64];
	uint64_t bytes;
	int ret;

	fill(fds[0], data, size);
	memset(&p, 0, sizeof(p));
	ret = ks_profile_read(paths[0], &p, &err);
	if (ret)
		check_error(&err);
	else
		check_profile(&p);

	/* The halves as a directory of two profiles. */
	fill(fds[0], data, size / 2);
	fill(fds[1], data + size / 2, size - size / 2);
	read_dir();

	/* The value parsers on the bytes as a string, as --mem gives them. */
	snprintf(arg, sizeof(arg), "%.*s", (int)(size < 63 ? size : 63),
		 (const char *)data);
	ret = ks_parse_size(arg, &bytes);
	check(ret == 0 || ret == -EINVAL || ret == -ERANGE);
	if (!ret)
		check(bytes && bytes <= KS_MEM_MAX);
	return 0;
}
