/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A slots file as a slot source (slots.h): the JSON of 'kswitch list
 * --json', standing in for the kernel's slots in tests and for trying the
 * menu on a machine without slots.
 */
#ifndef KSWITCH_SLOTS_FILE_H
#define KSWITCH_SLOTS_FILE_H

#include "slots.h"

/*
 * The file at @path as the source: it is read at each scan, and each
 * request changes it as the kernel would change the slots, refusing what
 * the kernel refuses with its errno (a switch counts an entry into the
 * slot and returns at once). @path must outlive @src. A scan of a path
 * that is no regular file is -ESPIPE, of one over KS_SLOTS_FILE_MAX
 * -EFBIG; a load of more than KS_MEM_MAX is -ENOMEM.
 */
void ks_slots_file_source(struct ks_slot_source *src, const char *path);
/* A slots file is refused larger than this (-EFBIG); a table is 1.5 KiB. */
#define KS_SLOTS_FILE_MAX (64 * 1024)

#endif /* KSWITCH_SLOTS_FILE_H */
