/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slot table as JSON, the format of 'kswitch list --json' and of the
 * slots files (docs/kswitch.md):
 *   {"self": 0, "slots": [{"slot": 0, "name": "alpha", "state": "running",
 *     "kind": "resident", "mem_bytes": 0, "hotkey": "0", "verified": false,
 *     "entered": 1, "last_entered_ns": 0, "last_switch_ns": 0}, ...]}
 * with every slot, empty ones included, in order. "verified": the kernel
 * verified the slot's kernel when it loaded it (KEXEC_SLOT_VERIFIED).
 */
#ifndef KSWITCH_SLOTS_JSON_H
#define KSWITCH_SLOTS_JSON_H

#include <stdio.h>

#include "slots.h"

int ks_slot_table_write_json(const struct ks_slot_table *table, FILE *out);
/*
 * Read it back; -EBADMSG if @in is not such a table, or a name in it has
 * a control character (ks_name_has_control()). What the format does not
 * carry (a slot's ranges) is zero.
 */
int ks_slot_table_read_json(FILE *in, struct ks_slot_table *table);

#endif /* KSWITCH_SLOTS_JSON_H */
