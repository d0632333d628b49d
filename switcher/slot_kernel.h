/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's memory slots as a slot source (slots.h), through
 * /dev/kexec_slots and the loader.
 */
#ifndef KSWITCH_SLOT_KERNEL_H
#define KSWITCH_SLOT_KERNEL_H

#include "slots.h"

void ks_kernel_source(struct ks_slot_source *src);

#endif /* KSWITCH_SLOT_KERNEL_H */
