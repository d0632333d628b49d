// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of switcher/bzimage.c: against a bzImage header made up here,
 * whole and with each field that sizes or places something made hostile;
 * then against the kernel this project builds, and damaged copies of it,
 * when there is one. usage: test_bzimage [BZIMAGE]
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../switcher/bzimage.h"
#include "../../switcher/sysinfo.h"
#include "../lib/tap.h"

#define SETUP_SECTS 1
#define SETUP_SIZE ((SETUP_SECTS + 1) * 512)
#define KERNEL_SIZE 0x1000
#define IMAGE_SIZE (SETUP_SIZE + KERNEL_SIZE)

/* A header as the kernel's arch/x86/boot/header.S writes it. */
static struct setup_header *make_image(unsigned char *buf)
{
	struct setup_header *hdr = (void *)(buf + 0x1f1);

	memset(buf, 0, IMAGE_SIZE);
	hdr->setup_sects = SETUP_SECTS;
	hdr->syssize = KERNEL_SIZE / 16;
	hdr->boot_flag = 0xaa55;
	hdr->jump = 0x66eb; /* to 0x268, the end of the header */
	hdr->header = 0x53726448;
	hdr->version = 0x020f;
	hdr->relocatable_kernel = 1;
	hdr->xloadflags = XLF_KERNEL_64;
	hdr->kernel_alignment = 2 << 20;
	hdr->init_size = 0x10000;
	return hdr;
}

/* Whether what @bz points at is in the @size bytes of @buf. */
static int within(const struct bzimage *bz, const unsigned char *buf,
		  size_t size)
{
	const unsigned char *k = bz->kernel, *h = (const void *)bz->hdr;

	return k >= buf && k <= buf + size &&
	       bz->kernel_size <= (size_t)(buf + size - k) && h >= buf &&
	       bz->hdr_size <= sizeof(*bz->hdr) &&
	       h + bz->hdr_size <= buf + size;
}

static void test_made_up(void)
{
	static unsigned char buf[IMAGE_SIZE];
	struct setup_header *hdr;
	struct bzimage bz;
	int ret;

	make_image(buf);
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(!ret && bz.kernel == buf + SETUP_SIZE &&
		   bz.kernel_size == KERNEL_SIZE && bz.mem_size == 0x10000 &&
		   bz.hdr_size == 0x268 - 0x1f1 && within(&bz, buf, IMAGE_SIZE),
	   "a made-up bzImage parses: its kernel after the setup sectors (%d)",
	   ret);

	hdr = make_image(buf);
	hdr->setup_sects = 255;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -EBADMSG,
	   "setup sectors past the end of the file: -EBADMSG (%d)", ret);
	hdr = make_image(buf);
	hdr->syssize = UINT32_MAX;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -EBADMSG, "a kernel size of 64 GiB: -EBADMSG (%d)", ret);
	hdr = make_image(buf);
	hdr->syssize = KERNEL_SIZE / 16 + 1;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -EBADMSG, "a kernel 16 bytes past the end: -EBADMSG (%d)",
	   ret);

	/* It parsed, and the loader jumped to 0x200 into nothing. */
	hdr = make_image(buf);
	hdr->syssize = 0;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -ENOEXEC, "a kernel of size 0: -ENOEXEC (%d)", ret);
	hdr->syssize = 0x200 / 16;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -ENOEXEC,
	   "one that ends where its 64-bit entry point is: -ENOEXEC (%d)", ret);

	hdr = make_image(buf);
	hdr->jump = 0xffeb; /* past the structure we know */
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(!ret && bz.hdr_size == sizeof(*hdr),
	   "a header longer than this kernel knows is taken as far as it knows (%zu)",
	   bz.hdr_size);
	hdr = make_image(buf);
	hdr->xloadflags = 0;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -ENOEXEC, "no 64-bit entry point: -ENOEXEC (%d)", ret);
	hdr = make_image(buf);
	hdr->version = 0x020b;
	ret = bzimage_parse(buf, IMAGE_SIZE, &bz);
	ok(ret == -ENOEXEC, "boot protocol 2.11: -ENOEXEC (%d)", ret);
	make_image(buf);
	ret = bzimage_parse(buf, 0x1f1 + sizeof(*hdr) - 1, &bz);
	ok(ret == -ENOEXEC, "a file that ends inside the header: -ENOEXEC (%d)",
	   ret);
}

/* The results of test_made_up() and test_built(), for the plan. */
#define MADE_UP_TESTS 10
#define BUILT_TESTS 7

static void test_built(const char *path)
{
	struct bzimage bz;
	size_t size;
	char *buf;

	if (!path || ks_read_file(path, (void **)&buf, &size)) {
		tap_skip(BUILT_TESTS, "no built bzImage to test");
		return;
	}
	ok(!bzimage_parse(buf, size, &bz), "the built bzImage parses");
	ok(bz.kernel_size && bz.mem_size >= bz.kernel_size,
	   "it needs at least its own size to boot (%zu >= %zu)", bz.mem_size,
	   bz.kernel_size);
	ok(bz.alignment == 2 << 20, "it is 2 MiB aligned (0x%lx)",
	   bz.alignment);
	ok(bz.hdr->xloadflags & XLF_KEXEC_SLOTS,
	   "it says it can run in a memory slot (xloadflags 0x%x)",
	   bz.hdr->xloadflags);
	ok(bzimage_parse(buf, size - 4096, &bz) == -EBADMSG,
	   "cut short by a page: -EBADMSG");
	ok(bzimage_parse(buf, 0x200, &bz) == -ENOEXEC,
	   "only its boot sector: -ENOEXEC");
	buf[0x202] ^= 0xff; /* "HdrS" */
	ok(bzimage_parse(buf, size, &bz) == -ENOEXEC,
	   "without the HdrS magic: -ENOEXEC");
	free(buf);
}

int main(int argc, char **argv)
{
	tap_plan(MADE_UP_TESTS + BUILT_TESTS);
	test_made_up();
	test_built(argc > 1 ? argv[1] : NULL);
	return tap_done();
}
