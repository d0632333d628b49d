// SPDX-License-Identifier: GPL-2.0
/*
 * Memory maps of loaded systems.
 */
#include <errno.h>
#include <string.h>

#include "e820.h"

static uint64_t align_down(uint64_t x, uint64_t align)
{
	return x & ~(align - 1);
}

static int overlaps(uint64_t start, uint64_t end, const struct ks_range *r)
{
	return start < r->end && r->start < end;
}

/* The highest aligned base in [lo, hi) for @size bytes clear of @avoid. */
static int fit_in(uint64_t lo, uint64_t hi, const struct ks_range *avoid,
		  unsigned int nr_avoid, uint64_t size, uint64_t align,
		  uint64_t *base)
{
	uint64_t b;
	unsigned int i;

	if (hi < lo + size)
		return -ENOMEM;
	b = align_down(hi - size, align);
	while (b >= lo) {
		for (i = 0; i < nr_avoid; i++)
			if (overlaps(b, b + size, &avoid[i]))
				break;
		if (i == nr_avoid) {
			*base = b;
			return 0;
		}
		/* Try below the range in the way. */
		if (avoid[i].start < lo + size)
			return -ENOMEM;
		b = align_down(avoid[i].start - size, align);
	}
	return -ENOMEM;
}

int e820_pick_region(const struct ks_memmap *map, const struct ks_range *avoid,
		     unsigned int nr_avoid, uint64_t size, uint64_t align,
		     uint64_t floor, uint64_t limit, uint64_t *base)
{
	uint64_t best = 0, b, lo, hi;
	int found = 0;
	unsigned int i;

	for (i = 0; i < map->nr; i++) {
		const struct boot_e820_entry *e = &map->entry[i];

		if (e->type != E820_TYPE_RAM)
			continue;
		lo = e->addr < floor ? floor : e->addr;
		hi = e->addr + e->size > limit ? limit : e->addr + e->size;
		if (lo >= hi)
			continue;
		if (!fit_in(lo, hi, avoid, nr_avoid, size, align, &b) &&
		    (!found || b > best)) {
			best = b;
			found = 1;
		}
	}
	if (!found)
		return -ENOMEM;
	*base = best;
	return 0;
}

static int add_entry(struct ks_memmap *out, uint64_t addr, uint64_t size,
		     uint32_t type)
{
	struct boot_e820_entry *last =
		out->nr ? &out->entry[out->nr - 1] : NULL;

	if (!size)
		return 0;
	if (last && last->type == type && last->addr + last->size == addr) {
		last->size += size;
		return 0;
	}
	if (out->nr == E820_MAX_ENTRIES_ZEROPAGE)
		return -E2BIG;
	out->entry[out->nr].addr = addr;
	out->entry[out->nr].size = size;
	out->entry[out->nr].type = type;
	out->nr++;
	return 0;
}

/* Split one RAM entry of the own map at the peer's RAM ranges. */
static int split_ram(const struct boot_e820_entry *e,
		     const struct ks_range *ram, unsigned int nr_ram,
		     struct ks_memmap *out)
{
	uint64_t pos = e->addr, end = e->addr + e->size, next, stop;
	unsigned int i;
	int ret;

	while (pos < end) {
		/* Is pos inside a peer range? Then RAM up to its end. */
		for (i = 0; i < nr_ram; i++)
			if (ram[i].start <= pos && pos < ram[i].end)
				break;
		if (i < nr_ram) {
			stop = ram[i].end < end ? ram[i].end : end;
			ret = add_entry(out, pos, stop - pos, E820_TYPE_RAM);
		} else {
			next = end;
			for (i = 0; i < nr_ram; i++)
				if (ram[i].start > pos && ram[i].start < next)
					next = ram[i].start;
			stop = next;
			ret = add_entry(out, pos, stop - pos,
					E820_TYPE_RESERVED);
		}
		if (ret)
			return ret;
		pos = stop;
	}
	return 0;
}

int e820_for_peer(const struct ks_memmap *own, const struct ks_range *ram,
		  unsigned int nr_ram, struct ks_memmap *out)
{
	unsigned int i;
	int ret;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < own->nr; i++) {
		const struct boot_e820_entry *e = &own->entry[i];

		if (e->type == E820_TYPE_RAM)
			ret = split_ram(e, ram, nr_ram, out);
		else
			ret = add_entry(out, e->addr, e->size, e->type);
		if (ret)
			return ret;
	}
	return 0;
}

uint64_t e820_ram_size(const struct ks_memmap *map)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < map->nr; i++)
		if (map->entry[i].type == E820_TYPE_RAM)
			sum += map->entry[i].size;
	return sum;
}
