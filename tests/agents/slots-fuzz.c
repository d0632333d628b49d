// SPDX-License-Identifier: GPL-2.0
/*
 * slots-fuzz: random requests to /dev/kexec_slots for a while, to shake the
 * kernel's argument checking. Runs in slot 0 as root.
 *
 *   slots-fuzz SECONDS [SEED]
 *
 * Each request is RESERVE, LOAD, UNLOAD, INFO, SELF, SWITCH or an unknown
 * command, with arguments drawn from values that matter to the checks
 * (slot numbers around the limits, sizes around 0, page and block sizes
 * and the machine's memory, segment lists that fit the slot's ranges or
 * miss them, bad user pointers) and plain random bits. SWITCH only goes to
 * slots that cannot be entered: a slot loaded with random segments would
 * jump into garbage, which is the loader's to prevent, not the kernel's.
 *
 * The kernel must refuse what is wrong with an errno and never crash; the
 * scenario fails on any WARN, BUG or lockdep report on the console. A load
 * it accepts must have its entry and segments in the slot's ranges. At the
 * end every slot is unloaded, and slot 0's free memory must be back where
 * it started, within 1%: nothing leaked.
 *
 * Prints TAP (tests/lib/tap.h); exits 0 if all passed, 1 if not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/kexec.h>
#include <linux/kexec_slots.h>

#include "../lib/tap.h"

#define MIB (1ULL << 20)
#define MAX_SEGMENTS 24

static int dev;
static uint64_t rng_state;
static unsigned long requests, refused, accepted;
/* Loads accepted that the oracle says should have been refused. */
static unsigned long wrongly_accepted;
/* Per command (its _IOC_NR, 0 for the unknown ones): made, accepted. */
static unsigned long made[7], taken[7];
static const char *const names[7] = { "unknown", "reserve", "load", "unload",
				      "switch",	 "info",    "self" };
static char *buffer; /* readable source for segments */
static size_t buffer_size;
static void *unmapped; /* a page no pointer may be read from */

static uint64_t rnd(void)
{
	/* xorshift64*: reproducible from the seed printed at the start */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static uint64_t below(uint64_t n)
{
	return n ? rnd() % n : 0;
}

static uint32_t any_slot(void)
{
	static const uint32_t edges[] = { 0,
					  1,
					  KEXEC_SLOTS_MAX - 1,
					  KEXEC_SLOTS_MAX,
					  KEXEC_SLOTS_MAX + 1,
					  0x7fffffff,
					  0xffffffff };

	if (below(4))
		return 1 + below(KEXEC_SLOTS_MAX - 1);
	if (below(2))
		return edges[below(sizeof(edges) / sizeof(edges[0]))];
	return rnd();
}

static uint64_t any_size(void)
{
	static const uint64_t edges[] = { 0,	   1,		4095,
					  4096,	   MIB,		4 * MIB - 1,
					  4 * MIB, 64 * MIB,	1ULL << 40,
					  ~0ULL,   ~0ULL - 4095 };

	switch (below(4)) {
	case 0:
		return edges[below(sizeof(edges) / sizeof(edges[0]))];
	case 1:
		return (1 + below(32)) * 4 * MIB;
	case 2:
		return below(256 * MIB);
	default:
		return rnd();
	}
}

/* A user pointer: good, NULL, unmapped, kernel or random. */
static uint64_t any_pointer(void *good)
{
	switch (below(8)) {
	case 0:
		return 0;
	case 1:
		return (uintptr_t)unmapped;
	case 2:
		return 0xffffffff81000000ULL;
	case 3:
		return rnd();
	default:
		return (uintptr_t)good;
	}
}

/* Make one request and count whether it was refused or accepted. */
static int request(unsigned long cmd, uint64_t arg)
{
	unsigned int nr = _IOC_NR(cmd) <= 6 ? _IOC_NR(cmd) : 0;
	int ret = ioctl(dev, cmd, (void *)(uintptr_t)arg);

	made[nr]++;
	if (ret) {
		refused++;
	} else {
		accepted++;
		taken[nr]++;
	}
	requests++;
	return ret;
}

/* Whether [start, start + size) lies in one of @info's ranges. */
static int in_ranges(const struct kexec_slot_info *info, uint64_t start,
		     uint64_t size)
{
	const struct kexec_slot_range *r;
	unsigned int i;

	for (i = 0; i < info->nr_ranges && i < KEXEC_SLOT_MAX_RANGES; i++) {
		r = &info->ranges[i];
		if (start >= r->start && size <= r->size &&
		    start - r->start <= r->size - size)
			return 1;
	}
	return 0;
}

/*
 * The oracle for a load the kernel accepted: its entry and every segment
 * that takes memory lie in the slot's ranges, and no segment has more to
 * copy than room. Returns the bad segment's index + 1, or 0.
 */
static unsigned int bad_segment(const struct kexec_slot_load *l,
				const struct kexec_segment *segs,
				const struct kexec_slot_info *info)
{
	unsigned int i;

	for (i = 0; i < l->nr_segments; i++)
		if (segs[i].bufsz > segs[i].memsz ||
		    (segs[i].memsz &&
		     !in_ranges(info, (uintptr_t)segs[i].mem, segs[i].memsz)))
			return i + 1;
	return 0;
}

static void check_accepted_load(const struct kexec_slot_load *l,
				const struct kexec_segment *segs,
				const struct kexec_slot_info *info)
{
	unsigned int bad = bad_segment(l, segs, info);

	if (!bad && in_ranges(info, l->entry, 1))
		return;
	if (wrongly_accepted++ < 5)
		tap_note("slot %u accepted a load outside its ranges: %s %#llx",
			 l->slot, bad ? "segment at" : "entry",
			 bad ? (unsigned long long)(uintptr_t)segs[bad - 1].mem
			     : (unsigned long long)l->entry);
}

static void fuzz_reserve(void)
{
	struct kexec_slot_reserve r;
	unsigned int i;

	for (i = 0; i < sizeof(r); i++)
		((unsigned char *)&r)[i] = below(4) ? 0 : rnd();
	r.slot = any_slot();
	r.kind = below(4) ? below(2) : rnd();
	r.mem_size = any_size();
	r.hotkey = below(2) ? '0' + below(10) : rnd();
	if (below(2))
		snprintf(r.name, sizeof(r.name), "fuzz%lu", requests);
	request(KEXEC_SLOT_IOC_RESERVE, any_pointer(&r));
}

/* Segments that mostly fall into @info's ranges, with random sources. */
static unsigned int make_segments(struct kexec_segment *segs,
				  const struct kexec_slot_info *info)
{
	unsigned int n = below(4) ? 1 + below(8) : below(MAX_SEGMENTS + 1);
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct kexec_slot_range *range = NULL;
		uint64_t mem, memsz;

		if (info->nr_ranges && info->nr_ranges <= KEXEC_SLOT_MAX_RANGES)
			range = &info->ranges[below(info->nr_ranges)];
		if (range && below(4)) {
			mem = range->start + below(range->size / 4096) * 4096;
			memsz = below(range->start + range->size - mem + 1);
			if (below(2))
				memsz &= ~4095ULL;
		} else {
			mem = below(2) ? any_size() : rnd();
			memsz = any_size();
		}
		segs[i].mem = (void *)(uintptr_t)mem;
		segs[i].memsz = memsz;
		segs[i].bufsz = below(2) ? 0 : below(buffer_size + 8192);
		segs[i].buf = (void *)(uintptr_t)any_pointer(buffer);
	}
	return n;
}

static void fuzz_load(void)
{
	struct kexec_segment segs[MAX_SEGMENTS];
	struct kexec_slot_info info = { .slot = any_slot() };
	struct kexec_slot_load l = { .slot = info.slot };
	uint64_t arg;

	if (ioctl(dev, KEXEC_SLOT_IOC_INFO, &info))
		memset(&info, 0, sizeof(info));
	l.nr_segments = make_segments(segs, &info);
	if (!below(8))
		l.nr_segments = below(2) ? rnd() : KEXEC_SEGMENT_MAX + 1;
	l.segments = any_pointer(segs);
	l.entry = info.nr_ranges && below(2)
			  ? info.ranges[0].start + below(info.ranges[0].size)
			  : rnd();
	arg = any_pointer(&l);
	if (!request(KEXEC_SLOT_IOC_LOAD, arg) && arg == (uintptr_t)&l &&
	    l.segments == (uintptr_t)segs)
		check_accepted_load(&l, segs, &info);
}

static void fuzz_unload(void)
{
	uint32_t slot = any_slot();

	request(KEXEC_SLOT_IOC_UNLOAD, any_pointer(&slot));
}

static void fuzz_info(void)
{
	struct kexec_slot_info info;

	memset(&info, 0xa5, sizeof(info));
	info.slot = any_slot();
	request(KEXEC_SLOT_IOC_INFO, any_pointer(&info));
	request(KEXEC_SLOT_IOC_SELF, any_pointer(&info.slot));
}

/* Only to slots that cannot be entered, or with a bad pointer. */
static void fuzz_switch(void)
{
	struct kexec_slot_info info = { .slot = any_slot() };
	uint32_t slot = info.slot;

	if (!ioctl(dev, KEXEC_SLOT_IOC_INFO, &info) &&
	    (info.state == KEXEC_SLOT_LOADED ||
	     info.state == KEXEC_SLOT_SUSPENDED))
		return;
	request(KEXEC_SLOT_IOC_SWITCH,
		below(2) ? (uintptr_t)&slot : (uintptr_t)unmapped);
}

/*
 * Commands of ours that do not exist, with random direction and size.
 * Not random command numbers at large: the VFS handles some of those
 * itself for any file (FIFREEZE freezes the file system).
 */
static void fuzz_unknown(void)
{
	unsigned long cmd = _IOC(below(4), KEXEC_SLOT_IOC_MAGIC, 7 + below(249),
				 below(1 << 14));

	request(cmd, any_pointer(buffer));
}

static void unload_all(void)
{
	uint32_t slot;

	for (slot = 1; slot < KEXEC_SLOTS_MAX; slot++)
		ioctl(dev, KEXEC_SLOT_IOC_UNLOAD, &slot);
}

/*
 * Free memory in kB: the buddy allocator's free pages and those on the
 * per-CPU free lists, which MemFree leaves out. Memory slots are freed a
 * page at a time, and tens of MiB of those pages can sit on the lists.
 */
static long mem_free_kb(void)
{
	char line[256];
	long pages = 0, n;
	FILE *f = fopen("/proc/zoneinfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, " nr_free_pages %ld", &n) == 1 ||
		    sscanf(line, " count: %ld", &n) == 1)
			pages += n;
	fclose(f);
	return pages * 4;
}

int main(int argc, char **argv)
{
	static void (*const actions[])(void) = {
		fuzz_reserve, fuzz_reserve, fuzz_load,
		fuzz_load,    fuzz_load,    fuzz_unload,
		fuzz_info,    fuzz_switch,  fuzz_unknown,
	};
	long before, after, seconds;
	unsigned int i;
	time_t end;

	if (argc < 2) {
		fprintf(stderr, "usage: slots-fuzz SECONDS [SEED]\n");
		return 2;
	}
	seconds = atol(argv[1]);
	rng_state = argc > 2 ? strtoull(argv[2], NULL, 0)
			     : (uint64_t)time(NULL) * 2654435761ULL + getpid();
	if (!rng_state)
		rng_state = 1;
	tap_plan(2);
	tap_note("seed %#llx, %ld s", (unsigned long long)rng_state, seconds);

	dev = open("/dev/kexec_slots", O_RDWR);
	buffer_size = 64 * 4096;
	buffer = mmap(NULL, buffer_size + 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (dev < 0 || buffer == MAP_FAILED)
		tap_bail_out("open /dev/kexec_slots and map a buffer");
	/* The page past the buffer is unmapped: reads running off fault. */
	unmapped = buffer + buffer_size;
	munmap(unmapped, 4096);
	memset(buffer, 0x5a, buffer_size);

	unload_all();
	before = mem_free_kb();
	end = time(NULL) + seconds;
	while (time(NULL) < end) {
		for (i = 0; i < 64; i++)
			actions[below(sizeof(actions) / sizeof(actions[0]))]();
	}
	ok(!wrongly_accepted,
	   "%lu requests, %lu refused, %lu accepted, no crash, %lu loads accepted wrongly",
	   requests, refused, accepted, wrongly_accepted);
	for (i = 0; i < 7; i++)
		tap_note("%s: %lu accepted of %lu", names[i], taken[i],
			 made[i]);

	unload_all();
	after = mem_free_kb();
	ok(before > 0 && after >= before - before / 100,
	   "free memory %ld kB before, %ld kB after all slots unloaded", before,
	   after);
	return tap_done();
}
