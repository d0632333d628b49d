// clang-format off
/* fuzz-sources: switcher/loader.c switcher/e820.c switcher/bzimage.c switcher/efi.c switcher/kexec_syscall.c switcher/jump_entry.S switcher/sysinfo.c slots/slots.c slots/snapshot.c slots/profile.c */
/* fuzz-libs: -lelf -lz */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The load memory planner (switcher/loader.c) fed what it would have read
 * from the running system, made of the fuzz bytes: this system's memory
 * map, its kernel image ranges, its free memory, the size asked for, the
 * kernel's and initrd's sizes, and the ranges the kernel reserved for a
 * slot. Whatever it accepts must be a plan that the loader can lay out
 * without a sum wrapping: the checks below abort on one that is not.
 *
 * Input: little-endian fields, zeros once the bytes run out:
 *   u8 nr_entries, then per entry u64 addr, u64 size, u8 type;
 *   u8 nr_avoid, then per range u64 start, u64 end;
 *   u64 available, u64 mem_size, u64 kernel_mem, u64 initrd_size;
 *   u8 nr_ranges, then per range u64 start, u64 size (the reservation).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

#define MiB (1ULL << 20)
/* The loader's constants, as the plans must show them. */
#define LOW_BASE 0x10000ULL
#define LOW_SIZE 0x10000ULL
#define MIN_FREE (16 * MiB)

typedef unsigned __int128 u128;

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

struct input {
	const uint8_t *p;
	size_t n;
};

static uint64_t take(struct input *in, unsigned int bytes)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < bytes && in->n; i++, in->p++, in->n--)
		v |= (uint64_t)*in->p << (8 * i);
	return v;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct boot_e820_entry *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void take_map(struct input *in, struct ks_memmap *map)
{
	unsigned int i;

	memset(map, 0, sizeof(*map));
	map->nr = (unsigned int)take(in, 1) % (E820_MAX_ENTRIES_ZEROPAGE + 1);
	for (i = 0; i < map->nr; i++) {
		map->entry[i].addr = take(in, 8);
		map->entry[i].size = take(in, 8);
		/* Mostly RAM, some reserved, some of other types. */
		map->entry[i].type = (uint32_t)take(in, 1) % 4 ?: 1;
	}
	/* As ks_own_boot_params() hands it over. */
	qsort(map->entry, map->nr, sizeof(map->entry[0]), cmp_entry);
}

/* [start, end) lies in one RAM entry of @map, end included. */
static int in_ram(const struct ks_memmap *map, uint64_t start, uint64_t end)
{
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		const struct boot_e820_entry *e = &map->entry[i];

		if (e->type == E820_TYPE_RAM && e->addr <= start &&
		    (u128)end <= (u128)e->addr + e->size)
			return 1;
	}
	return 0;
}

static void check_plan(const struct ks_plan_input *pi, uint64_t mem_size,
		       uint64_t image, uint64_t kernel_mem,
		       uint64_t initrd_size, const struct ks_load_plan *plan)
{
	const struct ks_range *r = &plan->ram[1];
	struct ks_memmap peer;
	unsigned int i;

	check(plan->nr_ram == 2 && plan->main == 1);
	check(plan->ram[0].start == LOW_BASE &&
	      plan->ram[0].end == LOW_BASE + LOW_SIZE);
	/* Exactly what was asked for, without wrapping. */
	check(r->start < r->end && r->end - r->start == mem_size);
	check(!(r->start % (2 * MiB)) && r->start >= 16 * MiB &&
	      r->end <= 4096 * MiB);
	check(in_ram(pi->own, r->start, r->end));
	for (i = 0; i < pi->nr_avoid; i++)
		check(r->end <= pi->avoid[i].start ||
		      pi->avoid[i].end <= r->start);
	/* Room for the image and what it needs to run, backed by ours. */
	check((u128)mem_size >= (u128)image + MIN_FREE);
	check((u128)pi->available >= (u128)mem_size + LOW_SIZE);
	/* The image as the loader lays it out (write_setup()) fits. */
	check((u128)kernel_mem + initrd_size + 4 * 4096 <= (u128)image);
	e820_for_peer(pi->own, plan->ram, plan->nr_ram, &peer);
}

static void check_reserve(const struct kexec_slot_reserve *res, uint64_t image,
			  const struct ks_load_plan *plan)
{
	const struct ks_range *main = &plan->ram[plan->main];
	unsigned int i;

	check(plan->nr_ram == res->nr_ranges && plan->main < plan->nr_ram);
	for (i = 0; i < plan->nr_ram; i++)
		check(plan->ram[i].start <= plan->ram[i].end &&
		      plan->ram[i].end - plan->ram[i].start ==
			      res->ranges[i].size);
	check((u128)main->end - main->start >= (u128)image + MIN_FREE / 2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	struct kexec_slot_reserve res;
	struct ks_range avoid[16];
	struct ks_plan_input pi;
	struct ks_load_plan plan;
	struct ks_memmap own;
	uint64_t mem_size, kernel_mem, initrd_size, image;
	unsigned int i;

	take_map(&in, &own);
	pi.own = &own;
	pi.avoid = avoid;
	pi.nr_avoid = (unsigned int)take(&in, 1) % 17;
	for (i = 0; i < pi.nr_avoid; i++) {
		avoid[i].start = take(&in, 8);
		avoid[i].end = take(&in, 8);
	}
	pi.available = take(&in, 8);
	mem_size = take(&in, 8);
	kernel_mem = take(&in, 8);
	initrd_size = take(&in, 8);

	if (ks_plan_image_size(kernel_mem, initrd_size, &image))
		return 0;
	memset(&plan, 0, sizeof(plan));
	if (!ks_plan_memory(&pi, mem_size, image, &plan))
		check_plan(&pi, mem_size, image, kernel_mem, initrd_size,
			   &plan);

	memset(&res, 0, sizeof(res));
	res.nr_ranges = (uint32_t)take(&in, 1) % (KEXEC_SLOT_MAX_RANGES + 2);
	for (i = 0; i < res.nr_ranges && i < KEXEC_SLOT_MAX_RANGES; i++) {
		res.ranges[i].start = take(&in, 8);
		res.ranges[i].size = take(&in, 8);
	}
	memset(&plan, 0, sizeof(plan));
	if (!ks_plan_from_reserve(&res, image, &plan))
		check_reserve(&res, image, &plan);
	return 0;
}
