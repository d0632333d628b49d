/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kswitch: commands and exit codes shared by the command modules.
 */
#ifndef KSWITCH_H
#define KSWITCH_H

#include <stddef.h>
#include <stdint.h>

#include "e820.h"

/* Exit codes; docs/kswitch.md lists them for users. */
enum kswitch_exit {
	KSWITCH_EXIT_OK = 0,
	KSWITCH_EXIT_FAILURE = 1, /* the request was valid but failed */
	KSWITCH_EXIT_USAGE = 2, /* unknown command or bad arguments */
	KSWITCH_EXIT_BAD_IMAGE = 3, /* missing file, or not a usable kernel */
	KSWITCH_EXIT_NO_MEMORY = 4, /* not enough memory for the request */
	KSWITCH_EXIT_NO_PRIVILEGE = 5, /* needs CAP_SYS_BOOT (root) */
	KSWITCH_EXIT_STATE = 6, /* nothing loaded, or the wrong state for it */
};

struct kswitch_cmd {
	const char *name;
	int (*handler)(int argc, char **argv);
	const char *args; /* one-line grammar of the arguments */
	const char *summary;
};

int cmd_help(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_jump(int argc, char **argv);
int cmd_call(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_unload(int argc, char **argv);
int cmd_switch(int argc, char **argv);
int ks_parse_slot(const char *arg, unsigned int *slot);

/* Facts about the running system, from /proc and /sys. */
int ks_read_line(const char *path, char *buf, size_t size);
int ks_system_name(char *buf, size_t size);
int ks_kexec_loaded(void);
int ks_read_file(const char *path, void **buf, size_t *size);
int ks_mem_available(uint64_t *bytes);
int ks_kernel_image_ranges(struct ks_range *out, unsigned int max);
int ks_own_boot_params(struct boot_params *bp, struct ks_memmap *map);

/* Print "kswitch: <message>" on stderr. */
void ks_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* KSWITCH_H */
