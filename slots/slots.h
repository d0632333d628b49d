/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slot model: what kswitch knows of every memory slot, whichever source
 * it came from (the kernel's slot directory, or a slots file written by
 * 'kswitch list --json'), and the requests it can make of that source.
 * Nothing here prints or draws: every function returns 0 or -errno, and the
 * commands and the menu decide what to tell the user.
 */
#ifndef KSWITCH_SLOTS_H
#define KSWITCH_SLOTS_H

#include <linux/kexec_slots.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * No machine has more memory than x86_64 can address, 2^52 bytes. A size
 * above it is refused where it is parsed, so that no sum made of sizes
 * (a slot's memory and its low window, a region's end) can wrap.
 */
#define KS_MEM_MAX (1ULL << 52)

/* Files read whole, kernels and initrds, are refused above this. */
#define KS_FILE_MAX (2ULL << 30)

/*
 * One slot is the kernel's own record of it, struct kexec_slot_info, from
 * whichever source: a scan fills it as KEXEC_SLOT_IOC_INFO does, and no
 * layer copies it field by field into a record of its own.
 */

/* Every slot at one moment, and which one this system runs in. */
struct ks_slot_table {
	unsigned int self;
	struct kexec_slot_info slot[KEXEC_SLOTS_MAX];
};

/*
 * Files kswitch is given (kernels, initrds, payloads, profiles, slots
 * files) are opened here, and only regular ones are read: a FIFO would
 * block for ever, a device never end. Open @path for reading: an fd
 * (O_CLOEXEC), or -errno: -ESPIPE if it is no regular file (a FIFO, a
 * device, a socket or a directory; opening it does not block), -EFBIG if
 * it is larger than @max bytes.
 */
int ks_open_regular(const char *path, uint64_t max);

/*
 * Read the regular file @path of at most @max bytes whole, into *@buf
 * (malloc()ed, with a NUL after its *@size bytes). Returns 0, or the
 * errors of ks_open_regular() (-EFBIG too if it grows past @max while it
 * is read), -ENOMEM or -errno.
 */
int ks_read_regular(const char *path, uint64_t max, char **buf, size_t *size);

/*
 * Read @fd, from where it stands to its end and at most @max bytes, into
 * *@buf as ks_read_regular() does; @fd stays open. For a caller that must
 * hand the kernel the same file it read, not whatever its path names by
 * then.
 */
int ks_read_fd(int fd, uint64_t max, char **buf, size_t *size);

/*
 * Names and paths from files are printed through here: @s with every
 * byte that is not printable ASCII (control characters, DEL, and the
 * bytes of UTF-8 sequences) as \xNN and a backslash as \\, so that no
 * escape sequence in a name, path or value reaches the terminal. Into
 * @buf of @size bytes, cut short to fit, never inside an escape. Returns
 * @buf.
 */
const char *ks_printable(const char *s, char *buf, size_t size);
/* The same for the @len bytes at @s, NULs included: a kernel's log. */
const char *ks_printable_mem(const char *s, size_t len, char *buf, size_t size);
/* Room for ks_printable() of @len bytes. */
#define KS_PRINTABLE_SIZE(len) (4 * (len) + 1)

/*
 * Whether @name has a control character: C0, DEL, or C1 (U+0080 to
 * U+009F, as UTF-8). A slot name with one is refused where it is read.
 */
bool ks_name_has_control(const char *name);

/* "empty", "loaded", ...; "?" for a state this build does not know. */
const char *ks_slot_state_name(unsigned int state);
/* "resident" or "swap"; "?" otherwise. */
const char *ks_slot_kind_name(unsigned int kind);

/*
 * The slot @arg names: a number 0..KEXEC_SLOTS_MAX-1, or the name of a
 * slot that is not empty. Returns 0, or -ENOENT (no slot of that name or
 * number).
 */
int ks_slot_lookup(const struct ks_slot_table *table, const char *arg,
		   unsigned int *slot);
/* Only a number: all decimal digits, 0..KEXEC_SLOTS_MAX-1; or -ENOENT. */
int ks_parse_slot_number(const char *arg, unsigned int *slot);
/* The slot that is not empty and is named @name; -ENOENT if none is. */
int ks_slot_named(const struct ks_slot_table *table, const char *name,
		  unsigned int *slot);

/* The state or kind called @name (as above): 0, or -EINVAL. */
int ks_slot_state_parse(const char *name, unsigned int *state);
int ks_slot_kind_parse(const char *name, unsigned int *kind);

/*
 * The slot other than @except, not empty, whose hotkey is @hotkey: 0 with
 * it in *@slot, or -ENOENT. A hotkey belongs to one slot at a time.
 */
int ks_slot_hotkey_owner(const struct ks_slot_table *table, unsigned int hotkey,
			 unsigned int except, unsigned int *slot);

/*
 * Why @slot cannot be entered from the system that runs, per @table, in
 * the order the kernel checks (kexec_slot_switch() in kernel-patches/),
 * with its errno: -EINVAL no such slot, -EALREADY this system, -EIO
 * crashed, -ESHUTDOWN shut down, -ENOENT nothing loaded in it; or 0.
 */
int ks_slot_enter_refusal(const struct ks_slot_table *table, unsigned int slot);

/*
 * The slot whose system handed the machine back to this one: of the
 * others, the one entered last (each switch enters the slot it goes to,
 * so the last one entered before this system ran again is the one that
 * switched here). -ENOENT if no other slot was ever entered.
 */
int ks_slot_came_from(const struct ks_slot_table *table, unsigned int *slot);

/*
 * A slot's row, as 'kswitch list' and the menu show it: each cell's text,
 * "-" where the slot has nothing to show (an empty slot has no name, kind,
 * size or count). The name and hotkey are as the source has them: the
 * caller escapes them with the rest of what it prints (ks_printable()).
 */
struct ks_slot_cells {
	char slot[12];
	char name[KEXEC_SLOT_NAME_LEN];
	const char *state;
	const char *kind;
	char mem_mib[24];
	char entered[24];
	char last[16]; /* local time of the last entry, HH:MM:SS */
	char took_ms[16]; /* the last switch into it, in ms */
	char hotkey[2];
};

void ks_slot_cells(const struct kexec_slot_info *s, struct ks_slot_cells *c);

struct ks_profile;

/*
 * A source of slot data, and where requests about slots go: the kernel
 * (switcher/slot_kernel.c) or a slots file (slots/slots_file.c). Errors are
 * the kernel's errnos of include/linux/kexec_slots.h, so that callers
 * explain them one way whatever the source. What kswitch refuses before it
 * asks a source is switcher/policy.c's.
 */
struct ks_slot_source_ops {
	int (*scan)(void *priv, struct ks_slot_table *table);
	/* Switch to @slot; returns when this system runs again. */
	int (*enter)(void *priv, unsigned int slot);
	/*
	 * Switch to @slot, which has run, to have its system power off;
	 * returns when this system runs again, @slot then exited.
	 */
	int (*shut_down)(void *priv, unsigned int slot);
	/*
	 * Load @profile into its slot (profile->slot), or the first empty
	 * one if it names none: *@slot.
	 */
	int (*load)(void *priv, const struct ks_profile *profile,
		    unsigned int *slot);
	int (*unload)(void *priv, unsigned int slot);
	/*
	 * The last console lines of the crashed system in @slot, the
	 * newest that fit in @size bytes, in *@len of them. Optional:
	 * -EOPNOTSUPP without it.
	 */
	int (*crash_log)(void *priv, unsigned int slot, char *buf, size_t size,
			 size_t *len);
};

struct ks_slot_source {
	const struct ks_slot_source_ops *ops;
	void *priv;
};

#endif /* KSWITCH_SLOTS_H */
