/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading another system to jump to, with its memory planned by kswitch:
 * the user names a kernel, an initrd, a command line and a size, never an
 * address.
 */
#ifndef KSWITCH_LOADER_H
#define KSWITCH_LOADER_H

#include <stdint.h>

struct ks_load_request {
	const char *kernel;
	const char *initrd; /* may be NULL */
	const char *append; /* may be NULL */
	uint64_t mem_size; /* RAM the system gets */
};

#define KS_MAX_RANGES 8

/* Where a loaded system lives. */
struct ks_load_plan {
	struct ks_range ram[KS_MAX_RANGES]; /* its RAM; ram[0]: below 1 MiB */
	unsigned int nr_ram;
	unsigned int main; /* the range with its kernel, setup, initrd */
	uint64_t entry;
};

/*
 * Load the system of @req as this system's ::preserve_context image.
 * Returns 0, or -ENOENT (a file is missing), -ENOEXEC or -EBADMSG (the
 * kernel is no bzImage or is cut short), -ENOMEM (not enough free memory
 * to back it), -EOVERFLOW (its memory is too small for its kernel and
 * initrd), -E2BIG (command line too long), -EPERM, or another -errno.
 */
int ks_load_system(const struct ks_load_request *req,
		   struct ks_load_plan *plan);

/*
 * Load the image that jumps back to the system that entered this one at
 * @entry (the value of kexec_jump_back_entry= on the command line).
 */
int ks_load_jump_back(uint64_t entry);

/*
 * Load the system of @req into memory slot @slot, of @kind (enum
 * kexec_slot_kind), named @name, switched to by the hotkey chord with digit
 * @hotkey ('0'..'9', or 0 for none): the kernel sets the memory aside, and the
 * system gets exactly that as RAM. Returns 0, the errors of
 * ks_load_system(), -EBUSY (the slot is in use), -EINVAL (no such slot, or a
 * kind or hotkey the kernel does not take), -EEXIST (another slot has the
 * hotkey), -EOPNOTSUPP (not from slot 0) or -ENODEV (a kernel without
 * slots).
 */
int ks_load_slot(unsigned int slot, unsigned int kind, const char *name,
		 unsigned int hotkey, const struct ks_load_request *req,
		 struct ks_load_plan *plan);

/* The kexec_jump_back_entry= of this system's command line, or 0. */
uint64_t ks_jump_back_entry(void);

#endif /* KSWITCH_LOADER_H */
