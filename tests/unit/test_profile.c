// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of slots/profile.c: sizes, slot profiles (kswitch.conf(5)),
 * what a malformed one is told, and a directory of them.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../slots/profile.h"
#include "../lib/tap.h"

#define MiB (1ULL << 20)
/* Room for a directory of KS_PATH_LEN and a file name in it. */
#define PATH_SIZE (2 * KS_PATH_LEN)
#define NAME_RULE "1-31 of A-Z a-z 0-9 . _ - not starting with a digit or -"
#define KEYS \
	"(keys: name, kernel, initrd, cmdline, memory, kind, slot, hotkey, efi)"

static char tmp[] = "/tmp/test_profile.XXXXXX";

/* Write @text to @name under the test directory; its path in @path. */
static void write_file(const char *name, const char *text, char *path)
{
	FILE *f;

	snprintf(path, PATH_SIZE, "%s/%s", tmp, name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static int read_text(const char *name, const char *text, struct ks_profile *p,
		     struct ks_profile_error *err)
{
	char path[PATH_SIZE];

	write_file(name, text, path);
	return ks_profile_read(path, p, err);
}

static const char *const bad_sizes[] = {
	"", "0", "0M", "12Q", "M", "1MB", "-1", "+1", " 1M", "1 M",
};
/* Sizes, but more than any x86_64 machine can address (2^52). */
static const char *const too_large_sizes[] = {
	"4194305G",
	"4503599627370497",
	"17179869184G",
	"18446744073709551615",
	"18446744073709551616",
	"99999999999999999999999K",
};

static void test_parse_size(void)
{
	uint64_t size = 0;
	unsigned int i;

	ok(!ks_parse_size("256M", &size) && size == 256 * MiB, "256M");
	ok(!ks_parse_size("1G", &size) && size == 1024 * MiB, "1G");
	ok(!ks_parse_size("1g", &size) && size == 1024 * MiB, "1g");
	ok(!ks_parse_size("65536K", &size) && size == 64 * MiB, "65536K");
	ok(!ks_parse_size("65536k", &size) && size == 64 * MiB, "65536k");
	ok(!ks_parse_size("4096", &size) && size == 4096, "plain bytes");
	ok(!ks_parse_size("4503599627370496", &size) && size == 1ULL << 52,
	   "the largest size: 2^52 bytes");
	ok(!ks_parse_size("4194304G", &size) && size == 1ULL << 52,
	   "the largest size in G");
	for (i = 0; i < ARRAY_SIZE(bad_sizes); i++)
		ok(ks_parse_size(bad_sizes[i], &size) == -EINVAL,
		   "'%s' is no size: -EINVAL", bad_sizes[i]);
	/* Added to, they would wrap (issue 18): none may get further. */
	for (i = 0; i < ARRAY_SIZE(too_large_sizes); i++) {
		size = 0;
		ok(ks_parse_size(too_large_sizes[i], &size) == -ERANGE && !size,
		   "'%s' is too large: -ERANGE", too_large_sizes[i]);
	}
}

static void test_good_profile(void)
{
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	ret = read_text("good.conf",
			"# bravo: the demo's resident system\n"
			"name    = bravo\n"
			"  kernel\t=  /boot/bzImage  \n"
			"initrd=/boot/bravo.cpio.gz\r\n"
			"cmdline = console=ttyS0  quiet loglevel=3\n"
			"memory  = 160M\n"
			"kind    = swap\n"
			"slot    = 1\n"
			"hotkey  = 7\n"
			"efi     = no\n",
			&p, &err);
	ok(!ret, "a good profile reads (%d: %s)", ret, err.problem);
	ok(!strcmp(p.name, "bravo"), "name");
	ok(!strcmp(p.kernel, "/boot/bzImage"), "kernel, blanks trimmed");
	ok(!strcmp(p.initrd, "/boot/bravo.cpio.gz"), "initrd, CR trimmed");
	ok(!strcmp(p.cmdline, "console=ttyS0  quiet loglevel=3"),
	   "cmdline literally, '=' and inner blanks kept");
	ok(p.mem_size == 160 * MiB, "memory");
	ok(p.kind == KEXEC_SLOT_SWAP, "kind");
	ok(p.slot == 1, "slot");
	ok(p.hotkey == '7', "hotkey as its character");
	ok(p.no_efi, "efi = no");
	ok(!strcmp(p.file, err.file) && strstr(p.file, "/good.conf"),
	   "file: where it was read from");

	ret = read_text("none.conf", "kernel = /k\nhotkey = none\n", &p, &err);
	ok(!ret && p.hotkey == '-', "hotkey = none is '-'");
}

static void test_defaults(void)
{
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	ret = read_text("delta.conf", "kernel = /boot/bzImage\n", &p, &err);
	ok(!ret, "a kernel = line is all a profile needs");
	ok(!strcmp(p.name, "delta"), "name: the file's, without .conf");
	ok(!p.initrd[0] && !p.cmdline[0], "no initrd, no cmdline");
	ok(p.mem_size == KS_PROFILE_MEM_DEFAULT, "memory: 256M");
	ok(p.kind == KEXEC_SLOT_RESIDENT, "kind: resident");
	ok(!p.slot, "slot: the first empty");
	ok(!p.hotkey, "hotkey: the slot's digit");
	ok(!p.no_efi, "efi: yes, under UEFI");

	ret = read_text("echo.conf",
			"\n  # a comment after blanks\n\t\n"
			"# name = ignored\n"
			"kernel = /k # not a comment\n"
			"cmdline =\n",
			&p, &err);
	ok(!ret && !strcmp(p.name, "echo"),
	   "comment and blank lines are skipped");
	ok(!strcmp(p.kernel, "/k # not a comment"),
	   "'#' after a value is part of it");
	ok(!p.cmdline[0], "an empty cmdline");
}

struct bad_case {
	const char *text;
	unsigned int line;
	const char *problem;
};

static const struct bad_case bad_cases[] = {
	{ "kernel = /k\nmemroy = 1G\n", 2, "unknown key 'memroy' " KEYS },
	{ "Kernel = /k\n", 1, "unknown key 'Kernel' " KEYS },
	{ "kernel = /k\nmemory = 12Q\n", 2,
	  "memory '12Q' is not a size (write it like 256M or 1G)" },
	{ "memory = 0\n", 1,
	  "memory '0' is not a size (write it like 256M or 1G)" },
	{ "kind = fast\n", 1, "kind 'fast' is not resident or swap" },
	{ "efi = off\n", 1, "efi 'off' is not yes or no" },
	{ "hotkey = 12\n", 1, "hotkey '12' is not one digit 0-9 or none" },
	{ "hotkey = a\n", 1, "hotkey 'a' is not one digit 0-9 or none" },
	{ "slot = 9\n", 1, "slot '9' is not 1 to 8" },
	{ "slot = 0\n", 1, "slot '0' is not 1 to 8" },
	{ "slot = 01\n", 1, "slot '01' is not 1 to 8" },
	{ "kernel = /k\n\njust words\n", 3,
	  "no '=' in the line (write key = value)" },
	{ "memory = 1G\n\n# c\nmemory = 2G\n", 4,
	  "'memory' given twice (first on line 1)" },
	{ "name = bravo\n", 0, "no kernel = line; a profile needs one" },
	{ "", 0, "no kernel = line; a profile needs one" },
	{ "kernel = vmlinuz\n", 1, "kernel 'vmlinuz' is not an absolute path" },
	{ "kernel = /k\ninitrd = boot/x.gz\n", 2,
	  "initrd 'boot/x.gz' is not an absolute path" },
	{ "kernel = /k\nname = 1st\n", 2, "name '1st' is not " NAME_RULE },
	{ "kernel = /k\nname = a b\n", 2, "name 'a b' is not " NAME_RULE },
	{ "kernel = /k\nname =\n", 2, "name '' is not " NAME_RULE },
	/* Never taken for an option: 'kswitch -rf' would be one. */
	{ "kernel = /k\nname = -rf\n", 2, "name '-rf' is not " NAME_RULE },
	{ "kernel = /k\nname = -\n", 2, "name '-' is not " NAME_RULE },
	{ "kernel = /k\nmemory = 18446744073709551615\n", 2,
	  "memory '18446744073709551615' is more than a machine can have "
	  "(at most 4194304G)" },
	{ "memory = 5000000G\n", 1,
	  "memory '5000000G' is more than a machine can have "
	  "(at most 4194304G)" },
	{ "kernel = /k\nname = "
	  "abcdefghijklmnopqrstuvwxyz012345\n",
	  2, "value too long (at most 31 bytes)" },
};

static void test_bad_cases(void)
{
	struct ks_profile_error err;
	struct ks_profile p;
	unsigned int i;
	int ret, passed;

	for (i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];

		ret = read_text("bad.conf", c->text, &p, &err);
		passed = ret == -EINVAL && err.line == c->line &&
			 !strcmp(err.problem, c->problem) &&
			 strstr(err.file, "/bad.conf");
		ok(passed, "bad.conf:%u: %s", c->line, c->problem);
		if (!passed)
			printf("# got %d, line %u: %s\n", ret, err.line,
			       err.problem);
	}
}

/* A value one byte longer than its field. */
static void test_too_long(const char *key, size_t field, const char *first)
{
	char text[2048], *value;
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	/* On line 2 either way; a profile needs a kernel = line. */
	value = text + sprintf(text, "%s\n%s = %s",
			       strcmp(key, "kernel") ? "kernel = /k" : "#", key,
			       first);
	memset(value, 'x', field - strlen(first));
	strcpy(value + field - strlen(first), "\n");
	ret = read_text("long.conf", text, &p, &err);
	ok(ret == -EINVAL && err.line == 2 &&
		   !strncmp(err.problem, "value too long", 14),
	   "%s of %zu bytes: %s", key, field, err.problem);

	/* One shorter fits. */
	strcpy(value + field - strlen(first) - 1, "\n");
	ret = read_text("long.conf", text, &p, &err);
	ok(!ret, "%s of %zu bytes fits", key, field - 1);
}

static void test_file_problems(void)
{
	char path[PATH_SIZE];
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	ret = read_text("2fast.conf", "kernel = /k\n", &p, &err);
	ok(ret == -EINVAL && err.line == 0 &&
		   !strncmp(err.problem, "name '2fast' (from the file name)",
			    33),
	   "a file name that is no name: %s", err.problem);
	ret = read_text("2fast.conf", "kernel = /k\nname = fast\n", &p, &err);
	ok(!ret && !strcmp(p.name, "fast"), "unless a name = line names it");
	ret = read_text("-rf.conf", "kernel = /k\n", &p, &err);
	ok(ret == -EINVAL && err.line == 0 &&
		   !strncmp(err.problem, "name '-rf' (from the file name)", 31),
	   "nor one that starts with '-': %s", err.problem);

	sprintf(path, "%s/missing.conf", tmp);
	ret = ks_profile_read(path, &p, &err);
	ok(ret == -ENOENT && err.line == 0 &&
		   !strcmp(err.problem, strerror(ENOENT)) &&
		   !strcmp(err.file, path),
	   "a missing file: -ENOENT, line 0, '%s'", err.problem);
}

/* Write @size bytes of @text, NULs and all, to @name. */
static void write_bytes(const char *name, const char *text, size_t size,
			char *path)
{
	FILE *f;

	snprintf(path, PATH_SIZE, "%s/%s", tmp, name);
	f = fopen(path, "w");
	if (!f || fwrite(text, 1, size, f) != size || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void test_nul(void)
{
	static const char text[] = "kernel = /k\ncmdline = quiet\0 init=/x\n";
	char path[PATH_SIZE];
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	/* The NUL cut the value short without a word (issue 18). */
	write_bytes("nul.conf", text, sizeof(text) - 1, path);
	ret = ks_profile_read(path, &p, &err);
	ok(ret == -EINVAL && err.line == 2 &&
		   !strcmp(err.problem,
			   "a NUL byte in the line; a profile is text"),
	   "a NUL in a line is refused on its line (%d, line %u: %s)", ret,
	   err.line, err.problem);
}

static void test_too_large(void)
{
	char path[PATH_SIZE], *text;
	size_t size = 64 * 1024 + 1;
	struct ks_profile_error err;
	struct ks_profile p;
	int ret;

	/* A good profile, padded with comments past 64 KiB. */
	text = malloc(size);
	memset(text, '#', size);
	memcpy(text, "kernel = /k\n", 12);
	text[size - 1] = '\n';
	write_bytes("big.conf", text, size, path);
	ret = ks_profile_read(path, &p, &err);
	ok(ret == -EFBIG && err.line == 0 &&
		   !strcmp(err.problem,
			   "larger than 64 KiB; a profile is a few lines"),
	   "a profile over 64 KiB: -EFBIG, line 0 (%d: %s)", ret, err.problem);
	write_bytes("big.conf", text, size - 1, path);
	ok(!ks_profile_read(path, &p, &err), "64 KiB is not too large");
	free(text);
}

struct read_args {
	const char *path;
	struct ks_profile_error *err;
};

static int read_profile(void *arg)
{
	struct read_args *a = arg;
	struct ks_profile p;

	return ks_profile_read(a->path, &p, a->err);
}

/* ks_profile_read() of @path, which must not block (tap_in_child()). */
static int read_in_child(const char *path, struct ks_profile_error *err)
{
	struct read_args a = { path, err };

	return tap_in_child(read_profile, &a, err, sizeof(*err));
}

static void test_not_regular(void)
{
	static const char *const problem =
		"not a regular file (a FIFO, a device or a directory)";
	struct ks_profile_error err;
	char path[PATH_SIZE];
	int ret;

	snprintf(path, sizeof(path), "%s/fifo.conf", tmp);
	if (mkfifo(path, 0644)) {
		perror(path);
		exit(1);
	}
	ret = read_in_child(path, &err);
	ok(ret == -ESPIPE && err.line == 0 && !strcmp(err.problem, problem),
	   "a FIFO is refused at once: -ESPIPE (%d: %s)", ret,
	   ret < 1000 ? err.problem : "blocked");
	unlink(path);
	ret = read_in_child("/dev/zero", &err);
	ok(ret == -ESPIPE && !strcmp(err.problem, problem),
	   "so is a device (%d)", ret);
	ret = read_in_child(tmp, &err);
	ok(ret == -ESPIPE && !strcmp(err.problem, problem),
	   "and a directory (%d)", ret);
}

static void make_dir(const char *name, char *path)
{
	snprintf(path, PATH_SIZE, "%s/%s", tmp, name);
	if (mkdir(path, 0755)) {
		perror(path);
		exit(1);
	}
}

static void test_dir(void)
{
	struct ks_profile_set set;
	char dir[KS_PATH_LEN], path[PATH_SIZE];
	int ret;

	make_dir("slots.d", dir);
	write_file("slots.d/charlie.conf",
		   "kernel = /k\nkind = swap\nslot = 2\n", path);
	write_file("slots.d/bravo.conf", "kernel = /k\nmemory = lots\n", path);
	write_file("slots.d/alpha.conf", "kernel = /k\nslot = 1\n", path);
	write_file("slots.d/README", "not a profile\n", path);
	write_file("slots.d/alpha.conf.orig", "not a profile\n", path);
	make_dir("slots.d/sub.conf", path);

	ret = ks_profiles_read_dir(dir, &set);
	ok(!ret, "a directory with a malformed profile reads");
	ok(set.nr == 2 && !strcmp(set.profile[0].name, "alpha") &&
		   !strcmp(set.profile[1].name, "charlie"),
	   "the good profiles load, in file name order");
	ok(set.nr_errors == 1 && strstr(set.error[0].file, "/bravo.conf") &&
		   set.error[0].line == 2 &&
		   !strncmp(set.error[0].problem, "memory 'lots'", 13),
	   "the malformed one is described");
	ok(ks_profile_find(&set, "charlie") == &set.profile[1],
	   "find a profile by name");
	ok(!ks_profile_find(&set, "bravo"), "the malformed one is not found");
	ks_profiles_free(&set);
	ok(!set.nr && !set.profile && !set.nr_errors && !set.error,
	   "free empties the set");

	sprintf(dir, "%s/nowhere", tmp);
	ret = ks_profiles_read_dir(dir, &set);
	ok(!ret && !set.nr && !set.nr_errors,
	   "a missing directory is an empty set");
	ks_profiles_free(&set);
}

static void test_dir_unreadable(void)
{
	struct ks_profile_set set;
	char dir[KS_PATH_LEN], path[PATH_SIZE];
	int ret;

	make_dir("dangling.d", dir);
	sprintf(path, "%s/gone.conf", dir);
	if (symlink("/nonexistent/gone.conf", path)) {
		perror(path);
		exit(1);
	}
	write_file("dangling.d/ok.conf", "kernel = /k\n", path);
	ret = ks_profiles_read_dir(dir, &set);
	ok(!ret && set.nr == 1 && set.nr_errors == 1 &&
		   set.error[0].line == 0 &&
		   !strcmp(set.error[0].problem, strerror(ENOENT)),
	   "a file that cannot be read: line 0, '%s'",
	   set.nr_errors ? set.error[0].problem : "");
	ks_profiles_free(&set);
}

static const struct ks_profile_error *error_of(const struct ks_profile_set *set,
					       const char *file)
{
	unsigned int i;

	for (i = 0; i < set->nr_errors; i++)
		if (strstr(set->error[i].file, file))
			return &set->error[i];
	return NULL;
}

static void check_taken(const struct ks_profile_set *set, const char *file,
			unsigned int line, const char *problem)
{
	const struct ks_profile_error *err = error_of(set, file);
	int passed = err && err->line == line && !strcmp(err->problem, problem);

	ok(passed, "%s:%u: %s", file + 1, line, problem);
	if (!passed)
		printf("# got line %u: %s\n", err ? err->line : 0,
		       err ? err->problem : "no error");
}

static void test_dir_duplicates(void)
{
	struct ks_profile_set set;
	char dir[KS_PATH_LEN], path[PATH_SIZE];

	make_dir("dup.d", dir);
	write_file("dup.d/a.conf",
		   "name = alpha\nkernel = /k\nslot = 1\nhotkey = 1\n", path);
	write_file("dup.d/b.conf", "kernel = /k\nname = alpha\n", path);
	write_file("dup.d/c.conf", "kernel = /k\nslot = 1\n", path);
	write_file("dup.d/d.conf", "kernel = /k\n\nhotkey = 1\n", path);
	write_file("dup.d/e.conf", "kernel = /k\nslot = 3\n", path);
	write_file("dup.d/f.conf", "kernel = /k\nhotkey = 3\n", path);
	write_file("dup.d/g.conf", "kernel = /k\nhotkey = none\nslot = 4\n",
		   path);
	write_file("dup.d/h.conf", "kernel = /k\nhotkey = none\n", path);
	write_file("dup.d/i.conf", "kernel = /k\n", path);
	write_file("dup.d/j.conf", "kernel = /k\n", path);

	ks_profiles_read_dir(dir, &set);
	check_taken(&set, "/b.conf", 2, "name 'alpha' is also taken by a.conf");
	check_taken(&set, "/c.conf", 2, "slot 1 is also taken by a.conf");
	check_taken(&set, "/d.conf", 3, "hotkey 1 is also taken by a.conf");
	check_taken(&set, "/f.conf", 2, "hotkey 3 is also taken by e.conf");
	ok(set.nr == 6 && set.nr_errors == 4,
	   "the other 6 load; 'none' twice is no clash (%u loaded, %u refused)",
	   set.nr, set.nr_errors);
	ks_profiles_free(&set);
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

int main(void)
{
	if (!mkdtemp(tmp)) {
		perror(tmp);
		return 1;
	}
	/* One result a table entry, 60 others. */
	tap_plan(ARRAY_SIZE(bad_sizes) + ARRAY_SIZE(too_large_sizes) +
		 ARRAY_SIZE(bad_cases) + 60);
	test_parse_size();
	test_good_profile();
	test_defaults();
	test_bad_cases();
	test_too_long("kernel", KS_PATH_LEN, "/");
	test_too_long("initrd", KS_PATH_LEN, "/");
	test_too_long("cmdline", KS_CMDLINE_LEN, "");
	test_file_problems();
	test_nul();
	test_too_large();
	test_not_regular();
	test_dir();
	test_dir_unreadable();
	test_dir_duplicates();
	nftw(tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return tap_done();
}
