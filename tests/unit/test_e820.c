// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of switcher/e820.c: where a loaded system's memory goes and
 * the map it boots with.
 */
#include <errno.h>
#include <string.h>

#include "../../switcher/e820.h"
#include "../lib/tap.h"

#define MiB (1ULL << 20)

/* QEMU's pc machine with -m 1G, as SeaBIOS reports it. */
static const struct ks_memmap qemu_1g = {
	.nr = 5,
	.entry = {
		{ 0x0, 0x9fc00, E820_TYPE_RAM },
		{ 0x9fc00, 0x400, E820_TYPE_RESERVED },
		{ 0xf0000, 0x10000, E820_TYPE_RESERVED },
		{ 0x100000, 0x3fedd000, E820_TYPE_RAM },
		{ 0x3ffdd000, 0x23000, E820_TYPE_RESERVED },
	},
};

static void test_pick_highest(void)
{
	uint64_t base = 0;

	ok(!e820_pick_region(&qemu_1g, NULL, 0, 192 * MiB, 2 * MiB, 16 * MiB,
			     4096 * MiB, &base),
	   "192 MiB fit in 1 GiB");
	ok(base == 0x33e00000, "at the top of RAM, 2 MiB aligned (0x%llx)",
	   (unsigned long long)base);
}

static void test_pick_avoids_kernel(void)
{
	struct ks_range low_kernel = { 0x30000000, 0x36000000 };
	struct ks_range high_kernel = { 0x3a000000, 0x3f000000 };
	uint64_t base = 0;

	ok(!e820_pick_region(&qemu_1g, &low_kernel, 1, 64 * MiB, 2 * MiB,
			     16 * MiB, 4096 * MiB, &base) &&
		   base == 0x3be00000,
	   "above a kernel image with room above it (0x%llx)",
	   (unsigned long long)base);
	ok(!e820_pick_region(&qemu_1g, &high_kernel, 1, 192 * MiB, 2 * MiB,
			     16 * MiB, 4096 * MiB, &base) &&
		   base == 0x2e000000,
	   "below a kernel image without room above it (0x%llx)",
	   (unsigned long long)base);
}

static void test_pick_too_big(void)
{
	uint64_t base;

	ok(e820_pick_region(&qemu_1g, NULL, 0, 2048 * MiB, 2 * MiB, 16 * MiB,
			    4096 * MiB, &base) == -ENOMEM,
	   "2 GiB do not fit in 1 GiB: -ENOMEM");
}

static int is_entry(const struct boot_e820_entry *e, uint64_t addr,
		    uint64_t size, uint32_t type)
{
	return e->addr == addr && e->size == size && e->type == type;
}

static void test_peer_map(void)
{
	struct ks_range ram[2] = {
		{ 0x10000, 0x20000 },
		{ 0x33e00000, 0x3fe00000 },
	};
	struct ks_memmap out;

	ok(!e820_for_peer(&qemu_1g, ram, 2, &out), "peer map built");
	ok(e820_ram_size(&out) == 0x10000 + 192 * MiB,
	   "RAM is exactly the peer's ranges");
	ok(out.nr == 6, "6 entries after merging (%u)", out.nr);
	ok(is_entry(&out.entry[0], 0, 0x10000, E820_TYPE_RESERVED),
	   "the first 64 KiB belong to another system");
	ok(is_entry(&out.entry[1], 0x10000, 0x10000, E820_TYPE_RAM),
	   "the low window is RAM");
	ok(is_entry(&out.entry[4], 0x33e00000, 192 * MiB, E820_TYPE_RAM),
	   "the main region is RAM");
	ok(is_entry(&out.entry[5], 0x3fe00000, 0x200000, E820_TYPE_RESERVED),
	   "the rest of RAM and firmware's reservation merge");
}

int main(void)
{
	tap_plan(12);
	test_pick_highest();
	test_pick_avoids_kernel();
	test_pick_too_big();
	test_peer_map();
	return tap_done();
}
