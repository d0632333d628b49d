// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of slots/slots.c and slots/slots_file.c: finding a slot, the
 * table as JSON both ways, and a slots file answering requests as the
 * kernel would.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../slots/profile.h"
#include "../../slots/slots_file.h"
#include "../../slots/slots_json.h"
#include "../lib/tap.h"

#define MiB (1ULL << 20)

static char tmp[] = "/tmp/test_slots.XXXXXX";
static char slots_path[64];

/* alpha runs in 0; bravo loaded; charlie away; one crashed, one reserved. */
static void sample_table(struct ks_slot_table *t)
{
	static const struct kexec_slot_info used[] = {
		{ .slot = 0,
		  .state = KEXEC_SLOT_RUNNING,
		  .kind = KEXEC_SLOT_RESIDENT,
		  .hotkey = '0',
		  .mem_size = 0,
		  .times_entered = 1,
		  .last_entered_ns = 1700000000000000000ULL,
		  .name = "alpha" },
		{ .slot = 1,
		  .state = KEXEC_SLOT_LOADED,
		  .kind = KEXEC_SLOT_RESIDENT,
		  .hotkey = '1',
		  .flags = KEXEC_SLOT_VERIFIED,
		  .mem_size = 160 * MiB + 65536,
		  .name = "bravo" },
		{ .slot = 2,
		  .state = KEXEC_SLOT_SUSPENDED,
		  .kind = KEXEC_SLOT_SWAP,
		  .mem_size = 128 * MiB + 65536,
		  .times_entered = 3,
		  .last_entered_ns = 1700000000123456789ULL,
		  .last_switch_ns = 1234567,
		  .name = "charlie" },
		{ .slot = 3,
		  .state = KEXEC_SLOT_CRASHED,
		  .kind = KEXEC_SLOT_RESIDENT,
		  .hotkey = '3',
		  .mem_size = 64 * MiB,
		  .times_entered = 1,
		  .last_entered_ns = 1,
		  .name = "delta" },
		{ .slot = 4,
		  .state = KEXEC_SLOT_RESERVED,
		  .kind = KEXEC_SLOT_RESIDENT,
		  .mem_size = 64 * MiB,
		  .name = "echo" },
	};
	unsigned int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < KEXEC_SLOTS_MAX; i++)
		t->slot[i].slot = i;
	for (i = 0; i < sizeof(used) / sizeof(used[0]); i++)
		t->slot[i] = used[i];
	/* An empty slot's leftover name is no name to find it by. */
	strcpy(t->slot[6].name, "ghost");
}

static int same_slot(const struct kexec_slot_info *a,
		     const struct kexec_slot_info *b)
{
	return a->slot == b->slot && a->state == b->state &&
	       a->kind == b->kind && a->hotkey == b->hotkey &&
	       a->mem_size == b->mem_size &&
	       a->times_entered == b->times_entered &&
	       a->last_entered_ns == b->last_entered_ns &&
	       a->last_switch_ns == b->last_switch_ns && a->flags == b->flags &&
	       !strcmp(a->name, b->name);
}

static int same_table(const struct ks_slot_table *a,
		      const struct ks_slot_table *b)
{
	unsigned int i;

	for (i = 0; i < KEXEC_SLOTS_MAX; i++)
		if (!same_slot(&a->slot[i], &b->slot[i]))
			return 0;
	return a->self == b->self;
}

static void test_names(void)
{
	ok(!strcmp(ks_slot_state_name(KEXEC_SLOT_EMPTY), "empty") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_RESERVED),
			   "reserved") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_LOADED), "loaded") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_RUNNING), "running") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_SUSPENDED),
			   "suspended") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_CRASHED), "crashed") &&
		   !strcmp(ks_slot_state_name(KEXEC_SLOT_EXITED), "exited"),
	   "state names");
	ok(!strcmp(ks_slot_state_name(KEXEC_SLOT_EXITED + 1), "?"),
	   "an unknown state is '?'");
	ok(!strcmp(ks_slot_kind_name(KEXEC_SLOT_RESIDENT), "resident") &&
		   !strcmp(ks_slot_kind_name(KEXEC_SLOT_SWAP), "swap") &&
		   !strcmp(ks_slot_kind_name(2), "?"),
	   "kind names");
}

static const char *const missing_slots[] = {
	"9",	 "10",	   "99999999999999999999",
	"01x",	 "-1",	   "+1",
	" 1",	 "",	   "ghost",
	"Bravo", "bravo ",
};

static void test_lookup(void)
{
	struct ks_slot_table t;
	unsigned int slot = 99, i;

	sample_table(&t);
	ok(!ks_slot_lookup(&t, "0", &slot) && slot == 0, "'0' is slot 0");
	ok(!ks_slot_lookup(&t, "8", &slot) && slot == 8,
	   "'8' is slot 8, empty or not");
	ok(!ks_slot_lookup(&t, "02", &slot) && slot == 2, "'02' is slot 2");
	ok(!ks_slot_lookup(&t, "bravo", &slot) && slot == 1,
	   "'bravo' is slot 1");
	ok(!ks_slot_lookup(&t, "delta", &slot) && slot == 3,
	   "a crashed slot is found by name");
	for (i = 0; i < ARRAY_SIZE(missing_slots); i++)
		ok(ks_slot_lookup(&t, missing_slots[i], &slot) == -ENOENT,
		   "'%s' is no slot: -ENOENT", missing_slots[i]);
}

/* The table as JSON, in a malloc()ed string. */
static char *to_json(const struct ks_slot_table *t)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f || ks_slot_table_write_json(t, f) || fclose(f)) {
		perror("open_memstream");
		exit(1);
	}
	return text;
}

static int from_json(const char *text, struct ks_slot_table *t)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int ret;

	if (!f) {
		perror("fmemopen");
		exit(1);
	}
	ret = ks_slot_table_read_json(f, t);
	fclose(f);
	return ret;
}

static void test_json_round_trip(void)
{
	static const char prefix[] =
		"{\"self\": 2, \"slots\": [\n  {\"slot\": 0, ";
	struct ks_slot_table t, back;
	char *text, *again, *line;
	unsigned int lines = 0;

	/*
	 * The kernel takes any name, so the writer escapes control
	 * characters; the reader refuses them (test_json_malformed()).
	 */
	sample_table(&t);
	strcpy(t.slot[1].name, "q\"b\\s/\n\t\x01\x1f\xc3\xa9");
	text = to_json(&t);
	ok(strstr(text,
		  "\"name\": \"q\\\"b\\\\s/\\n\\t\\u0001\\u001f\xc3\xa9\"") !=
		   NULL,
	   "quotes, backslash and control characters escaped");
	free(text);

	strcpy(t.slot[1].name, "q\"b\\s/\xc3\xa9");
	t.self = 2;
	text = to_json(&t);
	ok(!strncmp(text, prefix, strlen(prefix)),
	   "the table is an object of self and slots");
	ok(strstr(text, "\"kind\": \"swap\", \"mem_bytes\": 134283264, "
			"\"hotkey\": null, \"verified\": false, "
			"\"entered\": 3, "
			"\"last_entered_ns\": 1700000000123456789, "
			"\"last_switch_ns\": 1234567}") != NULL,
	   "numbers as integers, no hotkey as null");
	ok(strstr(text, "\"hotkey\": \"1\"") != NULL, "a hotkey as a string");
	ok(strstr(text, "\"hotkey\": \"1\", \"verified\": true") != NULL,
	   "a verified slot as true");
	for (line = text; (line = strchr(line, '\n')); line++)
		lines++;
	ok(lines == KEXEC_SLOTS_MAX + 2, "one slot a line (%u lines)", lines);

	memset(&back, 0xaa, sizeof(back));
	ok(!from_json(text, &back), "it reads back");
	ok(same_table(&t, &back), "to the same table");
	again = to_json(&back);
	ok(!strcmp(text, again), "and writes the same JSON again");
	free(again);
	free(text);
}

/* Slot @i as JSON with its keys reversed and odd whitespace. */
static void write_reversed_slot(FILE *f, unsigned int i)
{
	fprintf(f,
		"\t{ \"last_switch_ns\":0 ,\"last_entered_ns\" :\t0,\r\n"
		"\"entered\":0,\"verified\" : true,\"hotkey\":%s,"
		"\"mem_bytes\":%u,\"kind\":"
		"\"resident\",\"state\":\"%s\",\"name\":\"%s\",\"slot\":%u}",
		i ? "null" : "\"0\"", i ? 0 : 4096, i ? "empty" : "running",
		i ? "" : "\\u0041\\u00e9\\u20ac\\/", i);
}

static void test_json_any_order(void)
{
	struct ks_slot_table t;
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	unsigned int i;

	fputs("\n{ \"slots\" :[", f);
	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		fputs(i ? "," : "", f);
		write_reversed_slot(f, i);
	}
	fputs("\n] ,\"self\":0 }\n\n", f);
	fclose(f);
	ok(!from_json(text, &t), "any key order and whitespace reads");
	ok(!strcmp(t.slot[0].name, "A\xc3\xa9\xe2\x82\xac/"),
	   "\\u escapes become UTF-8");
	ok(t.slot[0].hotkey == '0' && t.slot[0].mem_size == 4096 &&
		   t.slot[0].flags == KEXEC_SLOT_VERIFIED &&
		   t.slot[0].state == KEXEC_SLOT_RUNNING && !t.slot[1].hotkey,
	   "values by key, not by place");
	free(text);
}

/* @text with its first @from replaced by @to. */
static char *replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *out;

	if (!at)
		return NULL;
	if (asprintf(&out, "%.*s%s%s", (int)(at - text), text, to,
		     at + strlen(from)) < 0)
		exit(1);
	return out;
}

static const struct {
	const char *from, *to, *what;
} malformed[] = {
	{ "{\"self\"", "", "no opening brace" },
	{ "]}\n", "]\n", "no closing brace" },
	{ "]}\n", "]}\n{}", "something after the table" },
	{ "]}\n", "]}\n]", "a stray bracket after the table" },
	{ "\"self\": 0", "\"self\": 0, \"self\": 0", "a key twice" },
	{ "\"self\": 0, ", "", "a key missing" },
	{ "\"self\": 0", "\"self\": 0, \"other\": 1", "an unknown key" },
	{ "\"self\": 0", "\"self\": 9", "self is no slot" },
	{ "\"self\": 0", "\"self\": -2", "a negative number" },
	{ "\"self\": 0", "\"self\": 02", "a number with a leading zero" },
	{ "\"self\": 0", "\"self\": 0.0", "a fraction" },
	{ "\"self\": 0", "\"self\": \"2\"", "a number as a string" },
	{ "\"state\": \"running\"", "\"state\": \"flying\"",
	  "an unknown state" },
	{ "\"kind\": \"swap\"", "\"kind\": \"fast\"", "an unknown kind" },
	{ "\"state\": \"running\"", "\"state\": \"?\"", "state '?'" },
	{ "\"mem_bytes\": 0", "\"mem_bytes\": 18446744073709551616",
	  "a number too big" },
	{ "\"hotkey\": \"0\"", "\"hotkey\": \"01\"", "a hotkey of two" },
	{ "\"hotkey\": \"0\"", "\"hotkey\": \"x\"", "a hotkey not a digit" },
	{ "\"hotkey\": \"0\"", "\"hotkey\": 0", "a hotkey as a number" },
	{ "\"hotkey\": null", "\"hotkey\": nul", "a misspelt null" },
	{ "\"alpha\"", "\"abcdefghijklmnopqrstuvwxyz012345\"",
	  "a name too long" },
	{ "\"alpha\"", "\"al\tpha\"", "a raw tab in a string" },
	{ "\"alpha\"", "\"al\\qpha\"", "an unknown escape" },
	{ "\"alpha\"", "\"al\\u00gpha\"", "a bad \\u escape" },
	{ "\"alpha\"", "\"al\\u0000pha\"", "a NUL in a string" },
	/* Control characters in a name would reach the terminal (issue 18). */
	{ "\"alpha\"", "\"al\\u001b[2Jpha\"", "an escape character in a name" },
	{ "\"alpha\"", "\"al\\npha\"", "a newline in a name" },
	{ "\"alpha\"", "\"al\\rpha\"", "a carriage return in a name" },
	{ "\"alpha\"", "\"al\x7fpha\"", "a raw DEL in a name" },
	{ "\"alpha\"", "\"al\\u007fpha\"", "an escaped DEL in a name" },
	{ "\"alpha\"", "\"al\\u009bpha\"", "a C1 control (CSI) in a name" },
	{ "\"alpha\"", "\"al\xc2\x9bpha\"", "a raw C1 control in a name" },
	{ "\"alpha\"", "\"alpha", "a string not closed" },
	{ "\"slot\": 1,", "\"slot\": 2,", "slots out of order" },
	{ "}\n]}", "},\n  {}\n]}", "an object too many" },
	{ "}\n]}", "},\n]}", "a trailing comma" },
	{ ", \"last_switch_ns\": 0}\n]}", "}\n]}", "the last slot short" },
	{ "\"slots\": [", "\"slots\": {", "slots not an array" },
	{ "\"slot\": 0,", "\"slot\": 0 ", "a comma missing" },
	{ "\"slot\": 0,", "\"slot\" 0,", "a colon missing" },
};

static void test_json_malformed(void)
{
	struct ks_slot_table t, before, out;
	unsigned int i, n;
	char *text, *bad;
	int ret;

	sample_table(&t);
	text = to_json(&t);
	ok(from_json("", &out) == -EBADMSG, "nothing: -EBADMSG");
	ok(from_json("[]", &out) == -EBADMSG, "an array: -EBADMSG");
	/* The table without its last slot: 8 slots. */
	bad = strdup(text);
	n = (unsigned int)(strrchr(bad, '{') - bad);
	strcpy(bad + n - 4, "\n]}\n");
	ok(from_json(bad, &out) == -EBADMSG, "a slot missing: -EBADMSG");
	free(bad);

	for (i = 0; i < ARRAY_SIZE(malformed); i++) {
		bad = replace(text, malformed[i].from, malformed[i].to);
		out = t;
		before = out;
		ret = bad ? from_json(bad, &out) : -1;
		ok(ret == -EBADMSG && same_table(&out, &before),
		   "%s: -EBADMSG, the table unchanged", malformed[i].what);
		free(bad);
	}
	free(text);
}

static void write_slots_file(const struct ks_slot_table *t)
{
	FILE *f = fopen(slots_path, "w");

	if (!f || ks_slot_table_write_json(t, f) || fclose(f)) {
		perror(slots_path);
		exit(1);
	}
}

static char *file_text(const char *path)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = fopen(path, "r");

	if (!f || getdelim(&text, &size, '\0', f) < 0) {
		perror(path);
		exit(1);
	}
	fclose(f);
	return text;
}

/* The slots file as it was before the request under test. */
static char *before;

static void remember_file(void)
{
	free(before);
	before = file_text(slots_path);
}

/* @ret is @err, and the file is as it was. */
static void check_refused(int ret, int err, const char *what)
{
	char *now = file_text(slots_path);

	ok(ret == err && !strcmp(before, now), "%s: %s, nothing changed", what,
	   strerror(-err));
	if (ret != err)
		printf("# got %d\n", ret);
	free(now);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

static void test_file_scan(struct ks_slot_source *src)
{
	struct ks_slot_table t, scanned;
	char missing[128];
	FILE *f;

	sample_table(&t);
	write_slots_file(&t);
	ok(!src->ops->scan(src->priv, &scanned) && same_table(&t, &scanned),
	   "scan reads the slots file");

	snprintf(missing, sizeof(missing), "%s/missing.json", tmp);
	ok(src->ops->scan(missing, &scanned) == -ENOENT,
	   "scan of a missing file: -ENOENT");
	f = fopen(missing, "w");
	fputs("{\"self\": 0}\n", f);
	fclose(f);
	ok(src->ops->scan(missing, &scanned) == -EBADMSG,
	   "scan of a malformed file: -EBADMSG");
	unlink(missing);
}

struct scan_args {
	struct ks_slot_source *src;
	char *path;
};

static int scan_path(void *arg)
{
	struct scan_args *a = arg;
	struct ks_slot_table t;

	return a->src->ops->scan(a->path, &t);
}

/* The scan of @path, which must not block (tap_in_child()). */
static int scan_in_child(struct ks_slot_source *src, char *path)
{
	struct scan_args a = { src, path };

	return tap_in_child(scan_path, &a, NULL, 0);
}

static void test_file_not_regular(struct ks_slot_source *src)
{
	char path[128], *text, *big;
	struct ks_slot_table t;
	size_t len, size = 64 * 1024 + 1;
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), "%s/fifo.json", tmp);
	if (mkfifo(path, 0644)) {
		perror(path);
		exit(1);
	}
	ret = scan_in_child(src, path);
	ok(ret == -ESPIPE, "scan of a FIFO: -ESPIPE at once (%d)", ret);
	unlink(path);
	ret = scan_in_child(src, "/dev/zero");
	ok(ret == -ESPIPE, "scan of a device: -ESPIPE (%d)", ret);
	ret = scan_in_child(src, tmp);
	ok(ret == -ESPIPE, "scan of a directory: -ESPIPE (%d)", ret);

	/* A good table, padded with blanks past 64 KiB. */
	sample_table(&t);
	text = to_json(&t);
	len = strlen(text);
	big = malloc(size);
	memset(big, ' ', size);
	memcpy(big, text, len);
	snprintf(path, sizeof(path), "%s/big.json", tmp);
	f = fopen(path, "w");
	fwrite(big, 1, size, f);
	fclose(f);
	ret = scan_in_child(src, path);
	ok(ret == -EFBIG, "scan of a file over 64 KiB: -EFBIG (%d)", ret);
	ok(!truncate(path, (off_t)size - 1) && !src->ops->scan(path, &t),
	   "64 KiB is not too large");
	unlink(path);
	free(big);
	free(text);
}

static void check_printable(const char *s, size_t size, const char *want)
{
	char buf[64];

	memset(buf, '#', sizeof(buf));
	ks_printable(s, buf, size);
	ok(!strcmp(buf, want), "printable in %zu bytes: '%s'", size, want);
}

static void test_printable(void)
{
	char buf[64];

	check_printable("alpha-1.x_y", 64, "alpha-1.x_y");
	check_printable("a\x1b[2Jb", 64, "a\\x1b[2Jb");
	check_printable("a\nb\tc\r", 64, "a\\x0ab\\x09c\\x0d");
	check_printable("\x7f\xc2\x9b\xc3\xa9", 64,
			"\\x7f\\xc2\\x9b\\xc3\\xa9");
	check_printable("a\\b", 64, "a\\\\b");
	check_printable("ab\x1b", 6, "ab");
	check_printable("ab\x1b", 7, "ab\\x1b");
	check_printable("abc", 3, "ab");
	check_printable("abc", 1, "");
	memset(buf, '#', sizeof(buf));
	ks_printable_mem("a\0\x1b[2Jb\n", 7, buf, sizeof(buf));
	ok(!strcmp(buf, "a\\x00\\x1b[2Jb"),
	   "printable_mem escapes NULs and stops at its length: '%s'", buf);

	ok(!ks_name_has_control("alpha") && !ks_name_has_control("") &&
		   !ks_name_has_control("caf\xc3\xa9") &&
		   !ks_name_has_control("nb\xc2\xa0sp"),
	   "names without control characters");
	ok(ks_name_has_control("a\tb") && ks_name_has_control("\x1b[2J") &&
		   ks_name_has_control("del\x7f") &&
		   ks_name_has_control("csi\xc2\x9b") &&
		   ks_name_has_control("nel\xc2\x85"),
	   "C0, DEL and C1 are control characters");
}

static void test_read_regular(void)
{
	char path[128], *text = NULL;
	size_t size = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/five", tmp);
	f = fopen(path, "w");
	fwrite("a\0bcd", 1, 5, f);
	fclose(f);
	ok(!ks_read_regular(path, 5, &text, &size) && size == 5 &&
		   !memcmp(text, "a\0bcd", 6),
	   "a file of its maximum reads whole, NUL-terminated");
	free(text);
	ok(ks_read_regular(path, 4, &text, &size) == -EFBIG,
	   "one byte more is -EFBIG");
	unlink(path);
	ok(ks_read_regular(path, 5, &text, &size) == -ENOENT,
	   "a missing file is -ENOENT");
	text = NULL;
	ok(!ks_read_regular("/proc/self/stat", 4096, &text, &size) && size &&
		   strlen(text) == size,
	   "a /proc file (st_size 0) reads whole");
	free(text);
	ok(ks_read_regular("/proc/self/stat", 4, &text, &size) == -EFBIG,
	   "and past its maximum is -EFBIG, though st_size said 0");
}

/* The loader reads a file and hands the kernel the same descriptor. */
static void test_read_fd(void)
{
	char path[128], moved[128], *text = NULL;
	size_t size = 0;
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "%s/kernel", tmp);
	snprintf(moved, sizeof(moved), "%s/kernel.old", tmp);
	f = fopen(path, "w");
	fputs("first", f);
	fclose(f);
	fd = ks_open_regular(path, 16);
	/* A new file takes the path after the open; the read keeps the old. */
	rename(path, moved);
	f = fopen(path, "w");
	fputs("second", f);
	fclose(f);
	ok(fd >= 0 && !ks_read_fd(fd, 16, &text, &size) && size == 5 &&
		   !strcmp(text, "first"),
	   "ks_read_fd() reads the file it was opened on, not its path's");
	free(text);
	ok(fd >= 0 && fcntl(fd, F_GETFD) >= 0,
	   "and leaves the descriptor open, for the kernel");
	ok(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 &&
		   ks_read_fd(fd, 4, &text, &size) == -EFBIG,
	   "past its maximum is -EFBIG");
	if (fd >= 0)
		close(fd);
	unlink(path);
	unlink(moved);
}

static void test_file_enter(struct ks_slot_source *src)
{
	struct ks_slot_table t;
	uint64_t start = now_ns();
	char tmp_path[128];

	sample_table(&t);
	write_slots_file(&t);
	remember_file();
	check_refused(src->ops->enter(src->priv, KEXEC_SLOTS_MAX), -EINVAL,
		      "enter slot 9");
	check_refused(src->ops->enter(src->priv, 0), -EALREADY,
		      "enter the slot that runs");
	check_refused(src->ops->enter(src->priv, 3), -EIO,
		      "enter a crashed slot");
	check_refused(src->ops->enter(src->priv, 4), -ENOENT,
		      "enter a reserved slot");
	check_refused(src->ops->enter(src->priv, 5), -ENOENT,
		      "enter an empty slot");

	ok(!src->ops->enter(src->priv, 1), "enter a loaded slot");
	src->ops->scan(src->priv, &t);
	ok(t.slot[1].times_entered == 1 && t.slot[1].last_entered_ns >= start &&
		   t.slot[1].last_entered_ns <= now_ns(),
	   "it counts the entry, and when");
	ok(t.slot[1].state == KEXEC_SLOT_SUSPENDED,
	   "a loaded slot is suspended after its first visit");
	ok(!src->ops->enter(src->priv, 2), "enter a suspended slot");
	src->ops->scan(src->priv, &t);
	ok(t.slot[2].times_entered == 4 &&
		   t.slot[2].state == KEXEC_SLOT_SUSPENDED &&
		   t.slot[0].state == KEXEC_SLOT_RUNNING && t.self == 0,
	   "it stays suspended, and self runs");
	snprintf(tmp_path, sizeof(tmp_path), "%s.tmp", slots_path);
	ok(access(tmp_path, F_OK), "no temporary file left behind");

	/* A count at its end stays there: it wrapped to 0 (issue 18). */
	t.slot[2].times_entered = UINT64_MAX;
	write_slots_file(&t);
	ok(!src->ops->enter(src->priv, 2),
	   "enter a slot entered 2^64 - 1 times");
	src->ops->scan(src->priv, &t);
	ok(t.slot[2].times_entered == UINT64_MAX,
	   "its count stays at 2^64 - 1");
}

static void init_profile(struct ks_profile *p, const char *name,
			 unsigned int slot, unsigned int hotkey)
{
	memset(p, 0, sizeof(*p));
	strcpy(p->name, name);
	strcpy(p->kernel, "/boot/bzImage");
	p->mem_size = 96 * MiB;
	p->kind = KEXEC_SLOT_SWAP;
	p->slot = slot;
	p->hotkey = hotkey;
}

static void test_file_load(struct ks_slot_source *src)
{
	struct ks_slot_table t;
	struct ks_profile p;
	unsigned int slot = 99, i;
	const struct kexec_slot_info *s;

	sample_table(&t);
	write_slots_file(&t);
	remember_file();
	init_profile(&p, "foxtrot", 0, 0);
	ok(!src->ops->load(src->priv, &p, &slot) && slot == 5,
	   "load into the first empty slot (%u)", slot);
	src->ops->scan(src->priv, &t);
	s = &t.slot[5];
	ok(s->state == KEXEC_SLOT_LOADED && s->kind == KEXEC_SLOT_SWAP &&
		   !strcmp(s->name, "foxtrot") && !s->times_entered,
	   "it is loaded, with the profile's kind and name");
	ok(s->mem_size == 96 * MiB + 65536, "memory: the low window too");
	ok(s->hotkey == '5', "hotkey: the slot's digit");

	init_profile(&p, "golf", 8, '-');
	ok(!src->ops->load(src->priv, &p, &slot) && slot == 8,
	   "load into the profile's slot");
	src->ops->scan(src->priv, &t);
	ok(!t.slot[8].hotkey, "hotkey none: no hotkey");
	init_profile(&p, "hotel", 0, '9');
	ok(!src->ops->load(src->priv, &p, &slot) && slot == 6,
	   "load the next one into slot 6");
	src->ops->scan(src->priv, &t);
	ok(t.slot[6].hotkey == '9', "hotkey: the profile's");
	ok(!strcmp(t.slot[6].name, "hotel"),
	   "an empty slot's leftover name is replaced");

	remember_file();
	init_profile(&p, "india", 1, 0);
	check_refused(src->ops->load(src->priv, &p, &slot), -EBUSY,
		      "load into a slot in use");
	init_profile(&p, "india", 7, '9');
	check_refused(src->ops->load(src->priv, &p, &slot), -EEXIST,
		      "load with a hotkey another slot has");
	init_profile(&p, "india", 1, '9');
	check_refused(
		src->ops->load(src->priv, &p, &slot), -EEXIST,
		"the hotkey is checked before the slot, as the kernel does");
	init_profile(&p, "india", 7, 'x');
	check_refused(src->ops->load(src->priv, &p, &slot), -EINVAL,
		      "load with a hotkey that is no digit");
	init_profile(&p, "india", 7, 0);
	p.mem_size = 0;
	check_refused(src->ops->load(src->priv, &p, &slot), -EINVAL,
		      "load with no memory");
	/* The low window added to it wrapped to 65535 bytes (issue 18). */
	init_profile(&p, "india", 7, 0);
	p.mem_size = UINT64_MAX;
	check_refused(src->ops->load(src->priv, &p, &slot), -ENOMEM,
		      "load of 2^64 - 1 bytes");
	init_profile(&p, "india", 7, 0);
	p.mem_size = (1ULL << 52) + 1;
	check_refused(src->ops->load(src->priv, &p, &slot), -ENOMEM,
		      "load of more than a machine can have");
	init_profile(&p, "india", 7, 0);
	p.kind = 2;
	check_refused(src->ops->load(src->priv, &p, &slot), -EINVAL,
		      "load of an unknown kind");
	init_profile(&p, "india", 0, 0);
	ok(!src->ops->load(src->priv, &p, &slot) && slot == 7,
	   "load the last empty slot");
	remember_file();
	for (i = 0; i < 2; i++)
		check_refused(src->ops->load(src->priv, &p, &slot), -ENOSPC,
			      "load with no empty slot");
}

static void test_file_unload(struct ks_slot_source *src)
{
	struct ks_slot_table t;
	struct ks_profile p;
	unsigned int slot;

	sample_table(&t);
	write_slots_file(&t);
	remember_file();
	check_refused(src->ops->unload(src->priv, 0), -EINVAL, "unload slot 0");
	check_refused(src->ops->unload(src->priv, KEXEC_SLOTS_MAX), -EINVAL,
		      "unload slot 9");
	check_refused(src->ops->unload(src->priv, 5), -ENOENT,
		      "unload an empty slot");
	ok(!src->ops->unload(src->priv, 2), "unload a suspended slot");
	src->ops->scan(src->priv, &t);
	ok(t.slot[2].slot == 2 && t.slot[2].state == KEXEC_SLOT_EMPTY &&
		   !t.slot[2].name[0] && !t.slot[2].mem_size &&
		   !t.slot[2].times_entered && !t.slot[2].hotkey,
	   "its record is cleared");

	/* Only slot 0 loads and unloads; any slot switches. */
	t.self = 1;
	t.slot[0].state = KEXEC_SLOT_SUSPENDED;
	t.slot[1].state = KEXEC_SLOT_RUNNING;
	write_slots_file(&t);
	remember_file();
	init_profile(&p, "juliett", 0, 0);
	check_refused(src->ops->load(src->priv, &p, &slot), -EOPNOTSUPP,
		      "load in slot 1");
	check_refused(src->ops->unload(src->priv, 4), -EOPNOTSUPP,
		      "unload in slot 1");
	check_refused(
		src->ops->unload(src->priv, 0), -EOPNOTSUPP,
		"unload slot 0 in slot 1: not slot 0's first, as the kernel");
	check_refused(src->ops->enter(src->priv, 1), -EALREADY,
		      "enter slot 1 in slot 1");
	ok(!src->ops->enter(src->priv, 0), "slot 0 can be entered from 1");
}

int main(void)
{
	struct ks_slot_source src;

	if (!mkdtemp(tmp)) {
		perror(tmp);
		return 1;
	}
	/* One result a table entry, 90 others. */
	tap_plan(ARRAY_SIZE(missing_slots) + ARRAY_SIZE(malformed) + 94);
	snprintf(slots_path, sizeof(slots_path), "%s/slots.json", tmp);
	test_names();
	test_lookup();
	test_json_round_trip();
	test_json_any_order();
	test_json_malformed();
	test_printable();
	test_read_regular();
	test_read_fd();
	ks_slots_file_source(&src, slots_path);
	test_file_scan(&src);
	test_file_not_regular(&src);
	test_file_enter(&src);
	test_file_load(&src);
	test_file_unload(&src);
	free(before);
	unlink(slots_path);
	rmdir(tmp);
	return tap_done();
}
