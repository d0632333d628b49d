/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kswitch tells the user, in one place as git's usage.c: the exit
 * codes, the kinds of request, the table from a request's errno to its one
 * line and code (errors.c), and printing it. Only commands print; the menu
 * takes the same line for its status line.
 */
#ifndef KSWITCH_ERRORS_H
#define KSWITCH_ERRORS_H

#include <stddef.h>

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
	KSWITCH_EXIT_UNSIGNED = 28, /* lockdown: a kernel with no signature */
	KSWITCH_EXIT_UNTRUSTED_KEY = 29, /* signed with a key not trusted */
	KSWITCH_EXIT_BAD_SIGNATURE = 30, /* signed bytes changed, or bad sig */
};

/* What a request was, for explaining its errno (ks_explain()). */
enum ks_request {
	KS_REQ_SWITCH,
	KS_REQ_LOAD,
	KS_REQ_UNLOAD,
	KS_REQ_SCAN,
	KS_REQ_LOG,
	KS_REQ_SAVE, /* and dump; @what is the slot */
	KS_REQ_WRITE, /* a slot file being written; @what is the file */
	KS_REQ_RESTORE, /* @what is the slot file */
	KS_REQ_WATCH, /* @what is this system */
	KS_REQ_SHUTDOWN, /* @what is the slot */
	KS_REQ_JUMP, /* kswitch jump; @what is unused */
	KS_REQ_CALL, /* kswitch call; @what is the payload */
	NR_KS_REQUESTS
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

/* Print "kswitch: <message>" on stderr, escaped (ks_printable()). */
void ks_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print ks_explain()'s line for @err and return its exit code. */
int ks_fail(enum ks_request req, const char *what, int err);

/* Print ks_explain_load()'s line for @err and return its exit code. */
int ks_fail_load(const struct ks_profile *p, const char *what, int err);

/* Say that @name is no command; returns KSWITCH_EXIT_USAGE. */
int ks_unknown_command(const char *name);

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

#endif /* KSWITCH_ERRORS_H */
