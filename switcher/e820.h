/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory maps: choosing the memory a loaded system gets, and writing the
 * e820 map it boots with. Pure functions on tables, so they are unit-tested.
 */
#ifndef KSWITCH_E820_H
#define KSWITCH_E820_H

#include <stdint.h>
#include <asm/bootparam.h>

#ifndef E820_TYPE_RAM
#define E820_TYPE_RAM 1
#define E820_TYPE_RESERVED 2
#endif

struct ks_range {
	uint64_t start;
	uint64_t end; /* exclusive */
};

struct ks_memmap {
	struct boot_e820_entry entry[E820_MAX_ENTRIES_ZEROPAGE];
	unsigned int nr;
};

/*
 * Pick @size bytes of RAM in @map, aligned to @align, below @limit and at
 * or above @floor, overlapping none of @avoid: the highest such place.
 * Returns 0 and sets *@base, or -ENOMEM.
 */
int e820_pick_region(const struct ks_memmap *map, const struct ks_range *avoid,
		     unsigned int nr_avoid, uint64_t size, uint64_t align,
		     uint64_t floor, uint64_t limit, uint64_t *base);

/*
 * The map a loaded system boots with: @own's entries, with RAM only where
 * @ram says; the rest of @own's RAM, which belongs to other systems, shows
 * as reserved. Returns 0, or -E2BIG if it does not fit.
 */
int e820_for_peer(const struct ks_memmap *own, const struct ks_range *ram,
		  unsigned int nr_ram, struct ks_memmap *out);

/* Bytes of RAM in @map. */
uint64_t e820_ram_size(const struct ks_memmap *map);

#endif /* KSWITCH_E820_H */
