/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing an x86 bzImage (Documentation/arch/x86/boot.rst).
 */
#ifndef KSWITCH_BZIMAGE_H
#define KSWITCH_BZIMAGE_H

#include <stddef.h>
#include <asm/bootparam.h>

struct bzimage {
	const struct setup_header *hdr; /* inside the file's buffer */
	size_t hdr_size; /* bytes of it the image defines */
	const void *kernel; /* the protected-mode kernel */
	size_t kernel_size;
	size_t mem_size; /* memory it needs to boot (init_size) */
	unsigned long alignment; /* where it may be loaded */
};

/* Offset of the 64-bit entry point from the protected-mode kernel's start. */
#define BZIMAGE_ENTRY64_OFFSET 0x200

/*
 * Fill @bz from a bzImage in @buf, every pointer in it within @buf.
 * Returns 0, -ENOEXEC if @buf is no 64-bit relocatable bzImage (or one
 * whose kernel is too small to hold its 64-bit entry point), or -EBADMSG
 * if it is one cut short; @bz is filled only on success.
 */
int bzimage_parse(const void *buf, size_t size, struct bzimage *bz);

#endif /* KSWITCH_BZIMAGE_H */
