/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A slot's system to a slot file and back (snapshot.h is the format),
 * through the kernel's KEXEC_SLOT_IOC_CORE, _READ and _RESTORE. Each
 * returns 0 or -errno.
 */
#ifndef KSWITCH_SLOT_SNAPSHOT_H
#define KSWITCH_SLOT_SNAPSHOT_H

#include <stdint.h>

#include "slots.h"
#include "snapshot.h"

/*
 * Write the system in @slot to @fd (policy.h says whether it may be);
 * *@entered: how often it had been entered.
 */
int ks_kernel_save_slot(unsigned int slot, int fd, uint64_t *entered);
/* Unload a saved @slot; -EAGAIN if it has run since it was written. */
int ks_kernel_unload_saved(unsigned int slot, uint64_t entered);
/*
 * Restore @file into @slot, with its hotkey unless another slot of @table
 * has it: *@hotkey is the one it got. -EPROTO: saved under another build
 * of slot 0's kernel; else the kernel's errno.
 */
int ks_kernel_restore_slot(unsigned int slot,
			   const struct ks_snapshot_file *file,
			   const struct ks_slot_table *table,
			   unsigned int *hotkey);

#endif /* KSWITCH_SLOT_SNAPSHOT_H */
