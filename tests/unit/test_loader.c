// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the least memory switcher/loader.c accepts for a system:
 * ks_loader_min_mem() reads it from a kernel and initrd made up here, and
 * the planner takes exactly that much and refuses a MiB less, so that the
 * figure kswitch names when memory is too small is one that loads.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../slots/profile.h"
#include "../../switcher/loader.h"
#include "../lib/tap.h"

#define SETUP_SECTS 1
#define SETUP_SIZE ((SETUP_SECTS + 1) * 512)
#define KERNEL_SIZE 0x1000
#define IMAGE_SIZE (SETUP_SIZE + KERNEL_SIZE)
#define MIB (1ULL << 20)

/* A bzImage needing @init_size bytes to boot, as header.S writes one. */
static void write_kernel(const char *path, uint32_t init_size)
{
	static unsigned char buf[IMAGE_SIZE];
	struct setup_header *hdr = (void *)(buf + 0x1f1);
	FILE *f = fopen(path, "we");

	hdr->setup_sects = SETUP_SECTS;
	hdr->syssize = KERNEL_SIZE / 16;
	hdr->boot_flag = 0xaa55;
	hdr->jump = 0x66eb;
	hdr->header = 0x53726448;
	hdr->version = 0x020f;
	hdr->relocatable_kernel = 1;
	hdr->xloadflags = XLF_KERNEL_64;
	hdr->kernel_alignment = 2 << 20;
	hdr->init_size = init_size;
	if (!f || fwrite(buf, 1, sizeof(buf), f) != sizeof(buf) || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static void write_initrd(const char *path, size_t size)
{
	FILE *f = fopen(path, "we");

	if (!f || ftruncate(fileno(f), (off_t)size) || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* The planner's verdict on @mem bytes for the image of @req. */
static int plan(uint64_t mem, uint32_t init_size, size_t initrd_size)
{
	struct ks_memmap own = {
		.entry = { { 0, 0x9f000, 1 }, { MIB, 4096 * MIB, 1 } },
		.nr = 2,
	};
	struct ks_plan_input in = { .own = &own, .available = 8192 * MIB };
	struct ks_load_plan p;
	uint64_t image;
	int ret;

	ret = ks_plan_image_size(init_size, initrd_size, &image);
	return ret ? ret : ks_plan_memory(&in, mem, image, &p);
}

static void test_min_mem(const char *dir, uint32_t init_size,
			 size_t initrd_size)
{
	struct ks_profile p = { .mem_size = 0 };
	uint64_t need = 0;
	int ret;

	snprintf(p.kernel, sizeof(p.kernel), "%s/bzImage", dir);
	write_kernel(p.kernel, init_size);
	if (initrd_size) {
		snprintf(p.initrd, sizeof(p.initrd), "%s/initrd", dir);
		write_initrd(p.initrd, initrd_size);
	}
	ret = ks_loader_min_mem(&p, &need);
	ok(!ret && need && !(need % MIB),
	   "init_size %u, initrd %zu: needs %llu MiB (%d)", init_size,
	   initrd_size, (unsigned long long)(need / MIB), ret);
	ok(!plan(need, init_size, initrd_size), "  the planner takes %llu MiB",
	   (unsigned long long)(need / MIB));
	ok(plan(need - MIB, init_size, initrd_size) == -EOVERFLOW,
	   "  and refuses %llu MiB as too small",
	   (unsigned long long)(need / MIB - 1));
}

int main(void)
{
	char dir[] = "/tmp/test_loader.XXXXXX";
	char path[300];
	struct ks_profile p = { .mem_size = 0 };
	uint64_t need;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	/* Three results from each test_min_mem(), two of its own. */
	tap_plan(3 * 3 + 2);
	test_min_mem(dir, 26 * MIB + 12345, 0);
	test_min_mem(dir, 54 * MIB, 5 * MIB + 1);
	test_min_mem(dir, 0x10000, 4096);
	snprintf(p.kernel, sizeof(p.kernel), "%s/none", dir);
	ok(ks_loader_min_mem(&p, &need) == -ENOENT,
	   "a kernel that is not there: -ENOENT");
	snprintf(p.kernel, sizeof(p.kernel), "%s/initrd", dir);
	ok(ks_loader_min_mem(&p, &need) == -ENOEXEC,
	   "a kernel that is no bzImage: -ENOEXEC");
	snprintf(path, sizeof(path), "rm -r %s", dir);
	if (system(path))
		return 1;
	return tap_done();
}
