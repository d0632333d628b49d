/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entry stub of a loaded kernel (jump_entry.S): its bytes, and the
 * quads kswitch fills in before loading it.
 */
#ifndef KSWITCH_JUMP_ENTRY_H
#define KSWITCH_JUMP_ENTRY_H

extern const char ks_entry_start[], ks_entry_end[];
/* Physical addresses, written into the copy of the stub being loaded. */
extern const char ks_entry_boot_params[], ks_entry_kernel[], ks_entry_hex[];

#endif /* KSWITCH_JUMP_ENTRY_H */
