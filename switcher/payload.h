/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical-mode payloads: ELF executables linked at their physical
 * address, loaded with libelf and called through a kexec jump.
 */
#ifndef KSWITCH_PAYLOAD_H
#define KSWITCH_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

/*
 * Call the payload in @path once with @arg_len bytes of @arg, and store
 * what it returned in *@result. Returns 0, -ENOENT, -ENOEXEC (no x86_64
 * ELF executable, or no page-aligned loadable segments), -ESRCH (it has no
 * ks_call_page_addr symbol), -E2BIG (argument too long), -EBUSY (a system
 * is loaded: calling would replace it), -EPROTO (the payload did not run
 * or refused the argument), -EPERM, or another -errno.
 */
int ks_call_payload(const char *path, const void *arg, size_t arg_len,
		    uint64_t *result);

#endif /* KSWITCH_PAYLOAD_H */
