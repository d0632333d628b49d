/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kexec system calls, wrapped in one place as kexec-tools does in
 * kexec/kexec-syscall.h. Each returns 0 or -errno.
 */
#ifndef KSWITCH_KEXEC_SYSCALL_H
#define KSWITCH_KEXEC_SYSCALL_H

#include <linux/kexec.h>

int ks_kexec_load(unsigned long entry, unsigned long nr_segments,
		  struct kexec_segment *segments, unsigned long flags);
int ks_kexec_unload(void);

/*
 * Jump to the loaded ::preserve_context image. Returns 0 when this system
 * is entered again, or -errno if the jump did not happen.
 */
int ks_kexec_jump(void);

#endif /* KSWITCH_KEXEC_SYSCALL_H */
