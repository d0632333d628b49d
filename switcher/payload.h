/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical-mode payloads: ELF executables linked at their physical
 * address, loaded with libelf and called through a kexec jump.
 */
#ifndef KSWITCH_PAYLOAD_H
#define KSWITCH_PAYLOAD_H

#include <linux/kexec.h>
#include <stddef.h>
#include <stdint.h>

#define KS_PAYLOAD_MAX_SEGMENTS 16 /* KEXEC_SEGMENT_MAX */

/* A payload file, parsed: what kexec_load() is given. */
struct ks_payload {
	char *file; /* the ELF file, patched in place */
	size_t size;
	uint64_t entry;
	struct kexec_segment seg[KS_PAYLOAD_MAX_SEGMENTS];
	unsigned int nr_seg;
	uint64_t addr_offset; /* file offset of ks_call_page_addr */
};

/*
 * Parse the payload ELF file in @file (@size bytes, which stay the
 * caller's) into @p. Every offset and size in it is checked against the
 * file and against 2^64 first: the file may be anyone's. Returns 0,
 * -ENOEXEC (no little-endian x86_64 ELF executable; or not 1 to 16
 * page-aligned loadable segments within the file, one holding the entry
 * point) or -ESRCH (no ks_call_page_addr symbol whose 8 bytes are in a
 * segment's file data).
 */
int ks_payload_parse(char *file, size_t size, struct ks_payload *p);

/* Write the call page's address @addr into the payload's segment data. */
void ks_payload_set_call_page(struct ks_payload *p, uint64_t addr);

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
