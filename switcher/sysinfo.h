/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Facts about the running system, from /proc and /sys, and reading the
 * files kswitch is given. Each returns 0 or -errno unless it says.
 */
#ifndef KSWITCH_SYSINFO_H
#define KSWITCH_SYSINFO_H

#include <stddef.h>
#include <stdint.h>

#include "e820.h"

struct boot_params;

/* The first line of @path, without its newline. */
int ks_read_line(const char *path, char *buf, size_t size);
int ks_system_name(char *buf, size_t size);
/* 1 if a kexec image is loaded, 0 if not, or -errno. */
int ks_kexec_loaded(void);
/* The lockdown mode: 1 and its name if locked down, 0 if not. */
int ks_lockdown(char *mode, size_t size);
int ks_has_cap_sys_boot(void);
/*
 * Read the regular file @path whole (a kernel, an initrd, a payload): 0,
 * or -ESPIPE if it is no regular file, -EFBIG if it is larger than
 * KS_FILE_MAX (slots.h).
 */
int ks_read_file(const char *path, void **buf, size_t *size);
int ks_mem_available(uint64_t *bytes);
/* The ranges of this kernel's image; how many, or -errno. */
int ks_kernel_image_ranges(struct ks_range *out, unsigned int max);
int ks_own_boot_params(struct boot_params *bp, struct ks_memmap *map);
int ks_kernel_build_id(unsigned char *id, size_t size);

#endif /* KSWITCH_SYSINFO_H */
