/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kswitch: commands and exit codes shared by the command modules.
 */
#ifndef KSWITCH_H
#define KSWITCH_H

#include <stddef.h>
#include <stdint.h>

#include "e820.h"
#include "slots.h"

/*
 * Exit codes, one per kind of bad request so that scripts can tell them
 * apart; docs/kswitch.md and kswitch(8) list them for users.
 */
enum kswitch_exit {
	KSWITCH_EXIT_OK = 0,
	KSWITCH_EXIT_FAILURE = 1, /* the request was valid but failed */
	KSWITCH_EXIT_USAGE = 2, /* unknown command or bad arguments */
	KSWITCH_EXIT_NO_SLOT = 3, /* no slot of that number or name */
	KSWITCH_EXIT_SLOT_IN_USE = 4, /* load into a slot that is not empty */
	KSWITCH_EXIT_NO_FILE = 5, /* a kernel, initrd or payload is missing */
	KSWITCH_EXIT_NOT_KERNEL = 6, /* not a bzImage (or payload ELF) */
	KSWITCH_EXIT_TRUNCATED = 7, /* an image cut short */
	KSWITCH_EXIT_NO_MEMORY = 8, /* not enough free memory */
	KSWITCH_EXIT_SLOT_EMPTY = 9, /* switch to or unload an empty slot */
	KSWITCH_EXIT_SLOT_CURRENT = 10, /* switch to the slot that runs */
	KSWITCH_EXIT_SLOT_CRASHED = 11, /* switch to a crashed slot */
	KSWITCH_EXIT_SLOT_RUNNING = 12, /* unload the slot that runs */
	KSWITCH_EXIT_BAD_PROFILE = 13, /* a malformed slot profile */
	KSWITCH_EXIT_NO_PRIVILEGE = 14, /* needs CAP_SYS_BOOT (root) */
	KSWITCH_EXIT_WRONG_SYSTEM = 15, /* only slot 0, or no slots at all */
	KSWITCH_EXIT_NOTHING_LOADED = 16, /* jump with nothing to jump to */
	KSWITCH_EXIT_LOCKED_DOWN = 17, /* kernel lockdown forbids it */
	KSWITCH_EXIT_NO_LOG = 18, /* the log of a slot that has not crashed */
	KSWITCH_EXIT_NOT_SUSPENDED = 19, /* save a slot that never ran */
	KSWITCH_EXIT_BAD_FILE = 20, /* not a slot file, or a corrupted one */
	KSWITCH_EXIT_OTHER_SLOT0 = 21, /* saved under another slot 0 */
	KSWITCH_EXIT_POLICY = 22, /* kexec_load_disabled, IMA or LoadPin */
	KSWITCH_EXIT_NO_RETURN = 23, /* a kernel that cannot switch back */
	KSWITCH_EXIT_NOT_REGULAR = 24, /* a FIFO, device or directory given */
	KSWITCH_EXIT_TOO_BIG = 25, /* a file larger than kswitch reads */
	KSWITCH_EXIT_SLOT_EXITED = 26, /* switch to a slot that shut down */
	KSWITCH_EXIT_NOT_SHUT_DOWN = 27, /* a slot left before it shut down */
};

/* What a request was, for explaining its errno (ks_explain()). */
enum ks_request {
	KS_REQ_SWITCH,
	KS_REQ_LOAD,
	KS_REQ_UNLOAD,
	KS_REQ_SCAN,
	KS_REQ_LOG,
	KS_REQ_SAVE, /* and dump; @what is the slot */
	KS_REQ_RESTORE, /* @what is the slot file */
	KS_REQ_WATCH, /* @what is this system */
	KS_REQ_SHUTDOWN, /* @what is the slot */
};

/*
 * One line for the user, without the "kswitch: " prefix, saying what was
 * wrong with @req and what to do, for errno @err; @what names the slot (or
 * the kernel, for a load). Returns the exit code that goes with it. The
 * commands print it; the menu shows it on its status line.
 */
int ks_explain(enum ks_request req, const char *what, int err, char *msg,
	       size_t size);

struct ks_profile;
/*
 * As ks_explain() for a load of @p that failed with @err, but memory too
 * small for its kernel and initrd (-EOVERFLOW) is said with what they
 * need, read from their files.
 */
int ks_explain_load(const struct ks_profile *p, const char *what, int err,
		    char *msg, size_t size);

/* What every command gets besides its arguments: the global options. */
struct ks_context {
	struct ks_slot_source *src; /* the kernel, or --slots-file */
	const char *src_name; /* for messages: "the kernel", or the file */
	const char *profile_dir; /* --profiles, default KS_PROFILE_DIR */
};

struct kswitch_cmd {
	const char *name;
	int (*handler)(int argc, char **argv, struct ks_context *ctx);
	const char *args; /* one-line grammar of the arguments */
	const char *summary;
};

int cmd_help(int argc, char **argv, struct ks_context *ctx);
int cmd_status(int argc, char **argv, struct ks_context *ctx);
int cmd_load(int argc, char **argv, struct ks_context *ctx);
int cmd_jump(int argc, char **argv, struct ks_context *ctx);
int cmd_call(int argc, char **argv, struct ks_context *ctx);
int cmd_list(int argc, char **argv, struct ks_context *ctx);
int cmd_unload(int argc, char **argv, struct ks_context *ctx);
int cmd_log(int argc, char **argv, struct ks_context *ctx);
int cmd_up(int argc, char **argv, struct ks_context *ctx);
int cmd_menu(int argc, char **argv, struct ks_context *ctx);
int cmd_save(int argc, char **argv, struct ks_context *ctx);
int cmd_dump(int argc, char **argv, struct ks_context *ctx);
int cmd_restore(int argc, char **argv, struct ks_context *ctx);
int cmd_watch(int argc, char **argv, struct ks_context *ctx);
int cmd_down(int argc, char **argv, struct ks_context *ctx);
/* kswitch SLOT: argv[0] is the slot. */
int cmd_switch(int argc, char **argv, struct ks_context *ctx);

/*
 * The arguments of 'kswitch load', parsed without acting on them: 0, with
 * @p as asked: no kernel if argv[1] names a profile (p->name), slot 0 for
 * the system 'kswitch jump' switches to; or the exit code of the line
 * printed to say what was wrong.
 */
int ks_load_args(int argc, char **argv, struct ks_profile *p);

struct option;
/*
 * After getopt_long() on @options returned @opt, '?' or ':' (with ':'
 * first in its option string): say which option was wrong, as the user
 * wrote it (also inside a cluster such as -xh), and that @help tells
 * more. Returns KSWITCH_EXIT_USAGE. Long options' values must not be
 * characters that are short options too, but for the same option.
 */
int ks_option_error(const struct option *options, char **argv, int opt,
		    const char *help);

/*
 * Scan the slots into @table and find the one @arg names (number or name):
 * 0, or the exit code of the line printed to say it names none.
 */
int ks_lookup_slot(struct ks_context *ctx, enum ks_request req, const char *arg,
		   struct ks_slot_table *table, unsigned int *slot);

/* Print ks_explain()'s line for @err and return its exit code. */
int ks_fail(enum ks_request req, const char *what, int err);

/* Print ks_explain_load()'s line for @err and return its exit code. */
int ks_fail_load(const struct ks_profile *p, const char *what, int err);

/* The kernel's slots, through /dev/kexec_slots (slot_kernel.c). */
void ks_kernel_source(struct ks_slot_source *src);

/* Facts about the running system, from /proc and /sys. */
int ks_read_line(const char *path, char *buf, size_t size);
int ks_system_name(char *buf, size_t size);
int ks_kexec_loaded(void);
int ks_lockdown(char *mode, size_t size);
int ks_has_cap_sys_boot(void);
/*
 * Read the regular file @path whole (a kernel, an initrd, a payload): 0,
 * or -ESPIPE if it is no regular file, -EFBIG if it is larger than
 * KS_FILE_MAX (slots.h).
 */
int ks_read_file(const char *path, void **buf, size_t *size);
int ks_mem_available(uint64_t *bytes);
int ks_kernel_image_ranges(struct ks_range *out, unsigned int max);
int ks_own_boot_params(struct boot_params *bp, struct ks_memmap *map);
int ks_kernel_build_id(unsigned char *id, size_t size);

/*
 * Slot files (slot_snapshot.c). Whether the system in @slot, in @state,
 * can be saved: only a suspended one, which can be resumed. Then write it
 * to @fd; *@entered: how often it had been entered.
 */
int ks_slot_check_savable(unsigned int slot, unsigned int state);
int ks_slot_write_snapshot(unsigned int slot, int fd, uint64_t *entered);
/* Unload a saved @slot; -EAGAIN if it has run since it was written. */
int ks_slot_unload_saved(unsigned int slot, uint64_t entered);
struct ks_snapshot_file;
/*
 * Restore @file into @slot, with its hotkey unless another slot has it:
 * *@hotkey is the one it got. -EPROTO: saved under another build of slot
 * 0's kernel; else the kernel's errno.
 */
int ks_slot_restore_snapshot(unsigned int slot,
			     const struct ks_snapshot_file *file,
			     unsigned int *hotkey);

/* Print "kswitch: <message>" on stderr. */
void ks_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* KSWITCH_H */
