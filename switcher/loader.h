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

/* Where a loaded system lives, for the user's information. */
struct ks_load_plan {
	uint64_t base; /* its main RAM: [base, base + mem_size) */
	uint64_t mem_size;
	uint64_t low_base; /* its RAM below 1 MiB, for the trampoline */
	uint64_t low_size;
	uint64_t entry;
};

/*
 * Load the system of @req as this system's ::preserve_context image.
 * Returns 0, or -ENOENT (a file is missing), -ENOEXEC or -EBADMSG (the
 * kernel is no bzImage or is cut short), -ENOMEM (not enough free memory
 * to back it), -E2BIG (command line too long), -EPERM, or another -errno.
 */
int ks_load_system(const struct ks_load_request *req,
		   struct ks_load_plan *plan);

/*
 * Load the image that jumps back to the system that entered this one at
 * @entry (the value of kexec_jump_back_entry= on the command line).
 */
int ks_load_jump_back(uint64_t entry);

/* The kexec_jump_back_entry= of this system's command line, or 0. */
uint64_t ks_jump_back_entry(void);

#endif /* KSWITCH_LOADER_H */
