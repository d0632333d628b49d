/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kswitch: commands and exit codes shared by the command modules.
 */
#ifndef KSWITCH_H
#define KSWITCH_H

#include <stddef.h>

/* Exit codes; docs/kswitch.md lists them for users. */
enum kswitch_exit {
	KSWITCH_EXIT_OK = 0,
	KSWITCH_EXIT_FAILURE = 1, /* the request was valid but failed */
	KSWITCH_EXIT_USAGE = 2, /* unknown command or bad arguments */
};

struct kswitch_cmd {
	const char *name;
	int (*handler)(int argc, char **argv);
	const char *args; /* one-line grammar of the arguments */
	const char *summary;
};

int cmd_help(int argc, char **argv);
int cmd_status(int argc, char **argv);

/* Facts about the running system, from /proc and /sys. */
int ks_read_line(const char *path, char *buf, size_t size);
int ks_system_name(char *buf, size_t size);

/* Print "kswitch: <message>" on stderr. */
void ks_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* KSWITCH_H */
