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
#include <stdio.h>

/*
 * No machine has more memory than x86_64 can address, 2^52 bytes. A size
 * above it is refused where it is parsed, so that no sum made of sizes
 * (a slot's memory and its low window, a region's end) can wrap.
 */
#define KS_MEM_MAX (1ULL << 52)

/* Files read whole, kernels and initrds, are refused above this. */
#define KS_FILE_MAX (2ULL << 30)

/* One slot, as the kernel's KEXEC_SLOT_IOC_INFO reports it. */
struct ks_slot {
	unsigned int slot;
	unsigned int state; /* enum kexec_slot_state */
	unsigned int kind; /* enum kexec_slot_kind */
	unsigned int hotkey; /* '0'..'9': the chord's digit; 0: none */
	uint64_t mem_size; /* bytes of RAM, low window included */
	uint64_t times_entered;
	uint64_t last_entered_ns; /* CLOCK_REALTIME; 0: never */
	uint64_t last_switch_ns; /* 0: not yet switched into */
	char name[KEXEC_SLOT_NAME_LEN];
};

/* Every slot at one moment, and which one this system runs in. */
struct ks_slot_table {
	unsigned int self;
	struct ks_slot slot[KEXEC_SLOTS_MAX];
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

/*
 * The table as JSON, the format of 'kswitch list --json' (docs/kswitch.md):
 *   {"self": 0, "slots": [{"slot": 0, "name": "alpha", "state": "running",
 *     "kind": "resident", "mem_bytes": 0, "hotkey": "0", "entered": 1,
 *     "last_entered_ns": 0, "last_switch_ns": 0}, ...]}
 * with every slot, empty ones included, in order.
 */
int ks_slot_table_write_json(const struct ks_slot_table *table, FILE *out);
/*
 * Read it back; -EBADMSG if @in is not such a table, or a name in it has
 * a control character (ks_name_has_control()).
 */
int ks_slot_table_read_json(FILE *in, struct ks_slot_table *table);

struct ks_profile;

/*
 * A source of slot data, and where requests about slots go: the kernel
 * (switcher/slot_kernel.c) or a slots file (slots/slots_file.c). Errors are
 * the kernel's errnos of include/linux/kexec_slots.h, so that callers
 * explain them one way whatever the source.
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
	/* Load @profile into its slot, or the first empty one: *@slot. */
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

/*
 * Unload @slot through @src. What the kernel refuses without saying why is
 * refused first, with its own errno: slot 0, the system the machine booted
 * (-EINVAL), and this system's slot (-EBUSY), per @table.
 */
int ks_unload_slot(struct ks_slot_source *src,
		   const struct ks_slot_table *table, unsigned int slot);

/*
 * A slots file as the source: it is read at each scan, and each request
 * changes it as the kernel would change the slots (a switch counts an
 * entry into the slot and returns at once). For tests, and for trying the
 * menu on a machine without slots. @path must outlive @src. A scan of a
 * path that is no regular file is -ESPIPE, of one over KS_SLOTS_FILE_MAX
 * -EFBIG; a load of more than KS_MEM_MAX is -ENOMEM.
 */
void ks_slots_file_source(struct ks_slot_source *src, const char *path);
/* A slots file is refused larger than this (-EFBIG); a table is 1.5 KiB. */
#define KS_SLOTS_FILE_MAX (64 * 1024)

#endif /* KSWITCH_SLOTS_H */
