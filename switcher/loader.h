/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading another system to jump to, with its memory planned by kswitch:
 * the user names a kernel, an initrd, a command line and a size, never an
 * address.
 */
#ifndef KSWITCH_LOADER_H
#define KSWITCH_LOADER_H

#include <linux/kexec_slots.h>
#include <stdint.h>

#include "e820.h"

/*
 * What to load is a struct ks_profile (profile.h), from a profile file or
 * from 'kswitch load' named in full: the one request carried from parsing
 * to the system call, as kexec-tools carries its struct kexec_info. The
 * loader reads its kernel, initrd, cmdline and mem_size; a slot load also
 * its kind, name and hotkey.
 */
struct ks_profile;

#define KS_MAX_RANGES 8

/* Where a loaded system lives. */
struct ks_load_plan {
	struct ks_range ram[KS_MAX_RANGES]; /* its RAM; ram[0]: below 1 MiB */
	unsigned int nr_ram;
	unsigned int main; /* the range with its kernel, setup, initrd */
	uint64_t entry;
};

/*
 * The planner: pure functions of what the loader has read and found out,
 * so that they are tested, and fuzzed, apart from the kernel.
 */

/* What the planner knows of this system. */
struct ks_plan_input {
	const struct ks_memmap *own; /* its memory map, sorted by address */
	const struct ks_range *avoid; /* its kernel image: keep clear of it */
	unsigned int nr_avoid;
	uint64_t available; /* bytes it can spare (MemAvailable) */
};

/*
 * Bytes of the main region that a kernel needing @kernel_mem to boot, the
 * setup pages and an initrd of @initrd_size take: 0, or -EOVERFLOW.
 */
int ks_plan_image_size(uint64_t kernel_mem, uint64_t initrd_size,
		       uint64_t *size);

/*
 * Plan the memory of a system of @mem_size bytes whose kernel, setup and
 * initrd take @image of them (ks_plan_image_size()): its low window and a main
 * region in @in->own's RAM. Returns 0, -EOVERFLOW (@mem_size is too small
 * for @image) or -ENOMEM (not enough memory to back it, or no room).
 */
int ks_plan_memory(const struct ks_plan_input *in, uint64_t mem_size,
		   uint64_t image, struct ks_load_plan *plan);

/*
 * The ranges the kernel reserved for a slot (@res) as a plan: the largest
 * holds the image. Returns 0, -EOVERFLOW (too small for @image) or -EIO
 * (ranges that are no ranges).
 */
int ks_plan_from_reserve(const struct kexec_slot_reserve *res, uint64_t image,
			 struct ks_load_plan *plan);

/*
 * The least memory, in whole MiB, that ks_loader_load_peer() and
 * ks_loader_load_slot() accept for the kernel and initrd of @p (its
 * mem_size is not read): what -EOVERFLOW from them says was too little.
 * Returns 0, or the errno reading or parsing the files gives.
 */
int ks_loader_min_mem(const struct ks_profile *p, uint64_t *bytes);

/*
 * Load the system of @p as this system's ::preserve_context image.
 * Returns 0, or -ENOENT (a file is missing), -ENOEXEC or -EBADMSG (the
 * kernel is no bzImage or is cut short), -ENOMEM (not enough free memory
 * to back it), -EOVERFLOW (its memory is too small for its kernel and
 * initrd), -E2BIG (command line too long), -EPERM, or another -errno.
 */
int ks_loader_load_peer(const struct ks_profile *p, struct ks_load_plan *plan);

/*
 * Load the image that jumps back to the system that entered this one at
 * @entry (the value of kexec_jump_back_entry= on the command line).
 */
int ks_loader_load_jump_back(uint64_t entry);

/*
 * Load the system of @p into memory slot @slot, of its kind, with its name
 * and hotkey (ks_profile_hotkey()): the kernel sets the memory aside, and
 * the system gets exactly that as RAM. Returns 0, the errors of
 * ks_loader_load_peer(), -EBUSY (the slot is in use), -EINVAL (no such
 * slot, or a kind or hotkey the kernel does not take), -EEXIST (another
 * slot has the hotkey), -EOPNOTSUPP (not from slot 0), -ENODEV (a kernel
 * without slots), or -EPROTONOSUPPORT (@p's kernel has no slot support of
 * its own and would never switch back: no XLF_KEXEC_SLOTS in its header).
 */
int ks_loader_load_slot(unsigned int slot, const struct ks_profile *p,
			struct ks_load_plan *plan);

/* The kexec_jump_back_entry= of this system's command line, or 0. */
uint64_t ks_loader_jump_back_entry(void);

#endif /* KSWITCH_LOADER_H */
