// clang-format off
/* fuzz-sources: switcher/bzimage.c */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The bzImage parser (bzimage_parse(), kswitch load) on the fuzz bytes as
 * a kernel image. What it accepts must point only into the image: the
 * setup header's bytes that the loader copies, and the protected-mode
 * kernel, whole, past its 64-bit entry point; and need at least the
 * kernel's size to boot. The image is an exact-size copy, so ASan sees
 * any access past it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bzimage.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

static int in_image(const unsigned char *buf, size_t size, const void *p,
		    size_t len)
{
	const unsigned char *b = p;

	return b >= buf && b <= buf + size && len <= (size_t)(buf + size - b);
}

static void check_bzimage(const unsigned char *buf, size_t size,
			  const struct bzimage *bz)
{
	struct setup_header hdr;
	const unsigned char *k = bz->kernel;
	uint64_t sum = 0;
	size_t i;

	check(bz->hdr_size <= sizeof(hdr));
	check(in_image(buf, size, bz->hdr, bz->hdr_size));
	check(in_image(buf, size, bz->kernel, bz->kernel_size));
	check(bz->kernel_size > BZIMAGE_ENTRY64_OFFSET);
	check(bz->mem_size >= bz->kernel_size);
	/* As the loader takes them: the header copied, the kernel read. */
	memcpy(&hdr, bz->hdr, bz->hdr_size);
	for (i = 0; i < bz->kernel_size; i += 64)
		sum += k[i];
	sum += k[bz->kernel_size - 1];
	__asm__ volatile("" : : "r"(sum));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *buf = malloc(size ? size : 1);
	struct bzimage bz;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (!bzimage_parse(buf, size, &bz))
		check_bzimage(buf, size, &bz);
	free(buf);
	return 0;
}
