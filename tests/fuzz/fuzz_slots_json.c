// clang-format off
/* fuzz-sources: slots/slots.c slots/slots_json.c slots/slots_file.c slots/profile.c */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The slots file (slots/slots.c's JSON reader, slots/slots_file.c's
 * source) on the fuzz bytes. The first 12 bytes are a request made of the
 * file afterwards; the rest is the file:
 *   u64 mem_size, u8 slot, u8 hotkey, u8 kind, u8 op (load, enter,
 *   unload, none), then the JSON.
 * A table the reader accepts must be one kswitch can print (no control
 * characters in its names) and write back to the same table; a request
 * the source accepts must leave a file that reads back, with no size in it
 * that wrapped.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile.h"
#include "slots_file.h"
#include "slots_json.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

#define PREFIX 12

static char path[64];

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

static void check_table(const struct ks_slot_table *t)
{
	unsigned int i;

	check(t->self < KEXEC_SLOTS_MAX);
	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		const struct kexec_slot_info *s = &t->slot[i];

		check(s->slot == i);
		check(memchr(s->name, '\0', sizeof(s->name)));
		check(!ks_name_has_control(s->name));
		check(!s->hotkey || (s->hotkey >= '0' && s->hotkey <= '9'));
		check(strcmp(ks_slot_state_name(s->state), "?") &&
		      strcmp(ks_slot_kind_name(s->kind), "?"));
	}
}

/* Written and read back, it is the same table, and the same text. */
static void check_round_trip(const struct ks_slot_table *t)
{
	struct ks_slot_table back;
	char *text = NULL, *again = NULL;
	size_t len = 0, len2 = 0;
	unsigned int i;
	FILE *f;

	f = open_memstream(&text, &len);
	check(f && !ks_slot_table_write_json(t, f));
	fclose(f);
	f = fmemopen(text, len, "r");
	check(f && !ks_slot_table_read_json(f, &back));
	fclose(f);
	check(back.self == t->self);
	for (i = 0; i < KEXEC_SLOTS_MAX; i++)
		check(same_slot(&back.slot[i], &t->slot[i]));
	f = open_memstream(&again, &len2);
	check(f && !ks_slot_table_write_json(&back, f));
	fclose(f);
	check(len == len2 && !memcmp(text, again, len));
	free(text);
	free(again);
}

static char dir[64];

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* In memory if it can be: a file is written and renamed each run. */
	snprintf(dir, sizeof(dir), "%s/fuzz_slots_json.XXXXXX",
		 access("/dev/shm", W_OK) ? "/tmp" : "/dev/shm");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof(path), "%s/slots.json", dir);
	atexit(remove_dir);
	return 0;
}

/*
 * A size from 8 bytes; the top two bits of the last one pick its range,
 * so that the edges (2^64, 2^52, powers of two) are met at once.
 */
static uint64_t size_of(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 6; i >= 0; i--)
		v = v << 8 | p[i];
	switch (p[7] >> 6) {
	case 0:
		return v | (uint64_t)(p[7] & 0x3f) << 56;
	case 1:
		return UINT64_MAX - (v & 0x3ffff);
	case 2:
		return 1ULL << (v % 64);
	default:
		return KS_MEM_MAX - 0x8000 + (v & 0xffff);
	}
}

/* The request of the prefix, made of the file as a source. */
static void request(const uint8_t *req, const struct ks_slot_table *before)
{
	struct ks_slot_source src;
	struct ks_slot_table after;
	struct ks_profile p;
	unsigned int slot = KEXEC_SLOTS_MAX;
	int ret;

	ks_slots_file_source(&src, path);
	memset(&p, 0, sizeof(p));
	strcpy(p.name, "fuzz");
	strcpy(p.kernel, "/k");
	p.mem_size = size_of(req);
	p.slot = req[8] % (KEXEC_SLOTS_MAX + 1);
	p.hotkey = req[9] % 3 ? '0' + req[9] % 10 : req[9] % 2 ? '-' : 0;
	p.kind = req[10] % 3;
	switch (req[11] % 4) {
	case 0:
		ret = src.ops->load(src.priv, &p, &slot);
		break;
	case 1:
		ret = src.ops->enter(src.priv, p.slot);
		break;
	case 2:
		ret = src.ops->unload(src.priv, p.slot);
		break;
	default:
		return;
	}
	if (ret)
		return;
	/* What a request wrote reads back, and says what was asked. */
	check(!src.ops->scan(src.priv, &after));
	check_table(&after);
	if (req[11] % 4 == 1)
		check(after.slot[p.slot].times_entered >=
		      before->slot[p.slot].times_entered);
	if (req[11] % 4 == 0) {
		check(slot < KEXEC_SLOTS_MAX && before->self == 0);
		check(after.slot[slot].state == KEXEC_SLOT_LOADED);
		/* With its low window, and no wrap. */
		check(after.slot[slot].mem_size > p.mem_size &&
		      after.slot[slot].mem_size - p.mem_size == 64 * 1024);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ks_slot_table t, scanned;
	struct ks_slot_source src;
	const uint8_t *json = data + PREFIX;
	size_t len = size - PREFIX;
	FILE *f;
	int ret, ret2;

	if (size < PREFIX)
		return 0;
	f = fmemopen((void *)json, len ? len : 1, "r");
	if (!f)
		return 0;
	/* fmemopen() of nothing: one byte of it, but none readable. */
	if (!len)
		fseek(f, 1, SEEK_SET);
	ret = ks_slot_table_read_json(f, &t);
	fclose(f);
	if (!ret) {
		check_table(&t);
		check_round_trip(&t);
	}

	/* The same bytes as a slots file: the same answer. */
	f = fopen(path, "w");
	check(f && fwrite(json, 1, len, f) == len && !fclose(f));
	ks_slots_file_source(&src, path);
	ret2 = src.ops->scan(src.priv, &scanned);
	check(ret2 == ret || (ret2 == -EFBIG && len > KS_SLOTS_FILE_MAX));
	if (!ret2)
		request(data, &scanned);
	return 0;
}
