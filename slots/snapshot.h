/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Slot files: a system saved from a memory slot, as an ELF core file that
 * 'kswitch restore' brings back and readelf and gdb read as a core of its
 * kernel (docs/slot-files.md). This module writes and checks the format;
 * where the memory comes from and where it goes is the caller's. Every
 * function returns 0 or -errno.
 */
#ifndef KSWITCH_SNAPSHOT_H
#define KSWITCH_SNAPSHOT_H

#include <linux/kexec_slots.h>
#include <stddef.h>
#include <stdint.h>

#define KS_BUILD_ID_SIZE 20 /* SHA-1, as the kernel links with */
/* Each of the saved kernel's notes, at most (its own are a page or less). */
#define KS_NOTE_MAX (1U << 20)

/* The slot as it was saved, and the notes its kernel keeps. */
struct ks_snapshot {
	/*
	 * The kernel's record of the slot when it was saved. A file keeps
	 * its slot, state, kind, hotkey, times_entered, name and ranges;
	 * the rest reads back as zero.
	 */
	struct kexec_slot_info info;
	struct kexec_slot_core core;
	/* Slot 0's kernel, the only one it can come back under. */
	unsigned char slot0_build_id[KS_BUILD_ID_SIZE];
	/* Whole ELF notes as the slot kernel keeps them; size 0: none. */
	const void *prstatus;
	size_t prstatus_size;
	const void *vmcoreinfo;
	size_t vmcoreinfo_size;
};

/* Read @size bytes of the slot's memory at physical @addr into @buf. */
typedef int (*ks_snapshot_read_fn)(void *priv, uint64_t addr, void *buf,
				   size_t size);

/*
 * Write @snap and its memory, read through @read, to @fd (empty, opened
 * for reading and writing), checksum last. -EINVAL if a range is empty or
 * ends past 2^64, if there are none or more than KEXEC_SLOT_MAX_RANGES, or
 * if a note is larger than KS_NOTE_MAX.
 */
int ks_snapshot_write(int fd, const struct ks_snapshot *snap,
		      ks_snapshot_read_fn read, void *priv);

/* A slot file, checked and mapped; its notes point into the map. */
struct ks_snapshot_file {
	struct ks_snapshot snap;
	const unsigned char *map;
	size_t size;
	/* Where each range's memory is in the map. */
	const unsigned char *memory[KEXEC_SLOT_MAX_RANGES];
};

/*
 * Open and check a slot file: every offset and size in it against the file
 * and 2^64 before use, as anyone can write one (the checksum finds
 * accidents only). Besides open()'s errors: -ESPIPE, no regular file (a
 * FIFO, a device; ks_open_regular()); -ENOEXEC, not a little-endian
 * slot file (of this format version); -EBADMSG, cut short; -EILSEQ, its
 * checksum or layout does not match (corrupted or forged).
 */
int ks_snapshot_open(const char *path, struct ks_snapshot_file *file);
void ks_snapshot_close(struct ks_snapshot_file *file);

/*
 * The length of the ELF note at the start of @buf: header, then name and
 * descriptor each padded to 4 bytes. 0 if @size bytes hold none whole, or
 * only the empty note that ends a list.
 */
size_t ks_elf_note_len(const void *buf, size_t size);

/*
 * A number in the text of @vmcoreinfo, a whole VMCOREINFO ELF note of
 * @size bytes, as "KEY=VALUE" with VALUE in @base; -ENOENT if it has no
 * such line.
 */
int ks_vmcoreinfo_number(const void *vmcoreinfo, size_t size, const char *key,
			 int base, int64_t *value);

#endif /* KSWITCH_SNAPSHOT_H */
