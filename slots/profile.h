/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Slot profiles: one small file per system that kswitch can load into a
 * memory slot, under /etc/kswitch/slots.d/ (kswitch.conf(5)):
 *
 *   # bravo: the demo's resident system
 *   name    = bravo
 *   kernel  = /boot/bzImage
 *   initrd  = /boot/bravo.cpio.gz
 *   cmdline = quiet
 *   memory  = 160M
 *   kind    = resident
 *   slot    = 1
 *   hotkey  = 1
 *   efi     = no
 *
 * Nothing here prints: a malformed profile is described in a struct
 * ks_profile_error (file, line, problem) and the others still load.
 */
#ifndef KSWITCH_PROFILE_H
#define KSWITCH_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "slots.h"

#define KS_PROFILE_DIR "/etc/kswitch/slots.d"
#define KS_PROFILE_SUFFIX ".conf"
#define KS_PATH_LEN 256
#define KS_CMDLINE_LEN 1024
#define KS_PROFILE_MEM_DEFAULT (256ULL << 20)

struct ks_profile {
	char file[KS_PATH_LEN]; /* where it was read from; "" if none */
	char name[KEXEC_SLOT_NAME_LEN];
	char kernel[KS_PATH_LEN];
	char initrd[KS_PATH_LEN]; /* "": none */
	char cmdline[KS_CMDLINE_LEN];
	uint64_t mem_size; /* bytes */
	unsigned int kind; /* enum kexec_slot_kind */
	unsigned int slot; /* 1..KEXEC_SLOTS_MAX-1; 0: the first empty */
	/* '0'..'9'; 0: the digit of its slot; '-': none (hotkey = none) */
	unsigned int hotkey;
	/*
	 * No UEFI for it under UEFI (efi = no, --noefi): it boots as on a
	 * BIOS machine, for firmware whose runtime services fail a kernel
	 * that did not start them. Its ACPI tables are still named.
	 */
	bool no_efi;
};

struct ks_profile_error {
	char file[KS_PATH_LEN];
	unsigned int line; /* 0: the file as a whole */
	char problem[160]; /* "unknown key 'foo'", ... */
};

/* Profiles read from a directory, and the files that were refused. */
struct ks_profile_set {
	struct ks_profile *profile;
	unsigned int nr;
	struct ks_profile_error *error;
	unsigned int nr_errors;
};

/* A profile's hotkey = none. */
#define KS_HOTKEY_NONE '-'

/*
 * The digit the kernel is given for @profile loaded into @slot: its own,
 * the slot's digit, or 0 for none.
 */
unsigned int ks_profile_hotkey(const struct ks_profile *profile,
			       unsigned int slot);

/*
 * Whether @name can name a profile, and the slot it is loaded into: 1 to
 * KEXEC_SLOT_NAME_LEN - 1 of [A-Za-z0-9._-], not starting with a digit or
 * '-', so that it is never taken for a slot number or an option.
 */
bool ks_profile_name_valid(const char *name);

/* A hotkey: one digit '0'..'9', or "none" (KS_HOTKEY_NONE); or -EINVAL. */
int ks_parse_hotkey(const char *arg, unsigned int *hotkey);

/* "FILE:LINE: problem", or "FILE: problem" for the file as a whole. */
void ks_profile_error_format(const struct ks_profile_error *err, char *buf,
			     size_t size);

/*
 * The slot @profile goes into, per @table: its own slot, empty or not (the
 * source refuses a slot in use), or the first empty one. -ENOSPC if there
 * is none, -EINVAL for a slot that does not exist.
 */
int ks_pick_slot(const struct ks_slot_table *table,
		 const struct ks_profile *profile, unsigned int *slot);

/*
 * The first of @profile's files (kernel, initrd) that cannot be read as a
 * kernel or initrd is, with why in *@err: -ENOENT, -EACCES, -ESPIPE (no
 * regular file), -EFBIG (over KS_FILE_MAX); or NULL if both can be.
 */
const char *ks_profile_unreadable(const struct ks_profile *profile, int *err);

/*
 * "256M", "1G", "65536K" or bytes, not zero. Returns 0, -EINVAL (not a
 * size) or -ERANGE (more than KS_MEM_MAX, which no machine has).
 */
int ks_parse_size(const char *arg, uint64_t *size);

/*
 * Read the profile at @path. Returns 0; -EINVAL for a malformed one, with
 * *@err saying where and what; or -errno if it cannot be read (also in
 * *@err): -ESPIPE if it is no regular file, -EFBIG if it is over 64 KiB.
 */
int ks_profile_read(const char *path, struct ks_profile *profile,
		    struct ks_profile_error *err);

/*
 * Read every *.conf of @dir in file name order. A malformed profile, or
 * one that takes a name, slot or hotkey an earlier one has, is left out
 * and described in set->error; the others are in set->profile. Returns 0
 * (also when some were refused, or @dir does not exist: an empty set), or
 * -ENOMEM. Free with ks_profiles_free().
 */
int ks_profiles_read_dir(const char *dir, struct ks_profile_set *set);
void ks_profiles_free(struct ks_profile_set *set);

/* The profile named @name, or NULL. */
const struct ks_profile *ks_profile_find(const struct ks_profile_set *set,
					 const char *name);

#endif /* KSWITCH_PROFILE_H */
