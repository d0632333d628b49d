// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing an x86 bzImage: the setup header at 0x1f1, then setup_sects
 * sectors of real-mode setup, then the protected-mode kernel.
 */
#include <errno.h>
#include <string.h>

#include "bzimage.h"

#define SETUP_HEADER_OFFSET 0x1f1
#define BOOT_FLAG 0xaa55
#define HDRS_MAGIC 0x53726448 /* "HdrS" */
/* 2.12: xloadflags, so the image can say it has a 64-bit entry point. */
#define MIN_PROTOCOL 0x020c

static size_t header_size(const unsigned char *buf)
{
	/* The jump at 0x200 skips the header: its end is the jump target. */
	size_t end = 0x202 + buf[0x201];

	if (end - SETUP_HEADER_OFFSET > sizeof(struct setup_header))
		return sizeof(struct setup_header);
	return end - SETUP_HEADER_OFFSET;
}

int bzimage_parse(const void *buf, size_t size, struct bzimage *bz)
{
	const struct setup_header *hdr;
	size_t setup_size, kernel_size;

	if (size < SETUP_HEADER_OFFSET + sizeof(*hdr))
		return -ENOEXEC;
	hdr = (const void *)((const char *)buf + SETUP_HEADER_OFFSET);
	if (hdr->boot_flag != BOOT_FLAG || hdr->header != HDRS_MAGIC ||
	    hdr->version < MIN_PROTOCOL)
		return -ENOEXEC;
	if (!(hdr->xloadflags & XLF_KERNEL_64) || !hdr->relocatable_kernel)
		return -ENOEXEC;

	setup_size =
		((size_t)(hdr->setup_sects ? hdr->setup_sects : 4) + 1) * 512;
	kernel_size = (size_t)hdr->syssize * 16;
	/* No 64-bit entry point in it: no kernel at all, whatever it says. */
	if (kernel_size <= BZIMAGE_ENTRY64_OFFSET)
		return -ENOEXEC;
	/* Pointers into the file only once the file holds what they cover. */
	if (setup_size > size || kernel_size > size - setup_size)
		return -EBADMSG;
	memset(bz, 0, sizeof(*bz));
	bz->hdr = hdr;
	bz->hdr_size = header_size(buf);
	bz->kernel = (const char *)buf + setup_size;
	bz->kernel_size = kernel_size;
	bz->mem_size =
		hdr->init_size > kernel_size ? hdr->init_size : kernel_size;
	bz->alignment = hdr->kernel_alignment;
	return 0;
}
