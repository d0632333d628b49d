// clang-format off
/* fuzz-sources: slots/snapshot.c slots/slots.c */
/* fuzz-libs: -lelf -lz */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The slot file reader (ks_snapshot_open(), kswitch restore) on the fuzz
 * bytes as a slot file, opened by path as kswitch opens one: the bytes go
 * to a memfd, a regular file at /proc/self/fd/N. The CRC is no defence
 * (anyone can compute it), so, as a forger would, the harness sets the
 * file size and checksum of the last KSWITCH note it finds to match; the
 * fuzzer then reaches every check behind them. What the reader accepts
 * must point only into its map: each range's memory, whole, and the
 * notes; its ranges must be non-empty and end below 2^64.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "snapshot.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

/* The KSWITCH note: name, then file size and checksum in its descriptor. */
#define NOTE_NAME "KSWITCH"
#define DESC_SIZE 272
#define FILE_SIZE_OFF 240
#define CHECKSUM_OFF 248

/* Make the last KSWITCH note's file size and checksum match @buf. */
static void forge(unsigned char *buf, size_t size)
{
	unsigned char *p, *desc = NULL;
	uint64_t file_size = size;
	uint32_t crc;

	for (p = buf;
	     (p = memmem(p, buf + size - p, NOTE_NAME, sizeof(NOTE_NAME))); p++)
		if ((size_t)(buf + size - p) >= sizeof(NOTE_NAME) + DESC_SIZE)
			desc = p + sizeof(NOTE_NAME);
	if (!desc)
		return;
	memcpy(desc + FILE_SIZE_OFF, &file_size, sizeof(file_size));
	memset(desc + CHECKSUM_OFF, 0, sizeof(crc));
	crc = crc32(crc32(0, NULL, 0), buf, size);
	memcpy(desc + CHECKSUM_OFF, &crc, sizeof(crc));
}

static int in_map(const struct ks_snapshot_file *f, const void *p, size_t len)
{
	const unsigned char *b = p;

	return b >= f->map && b <= f->map + f->size &&
	       len <= (size_t)(f->map + f->size - b);
}

static void check_file(const struct ks_snapshot_file *f)
{
	const struct ks_snapshot *s = &f->snap;
	const struct kexec_slot_range *r;
	uint64_t sum = 0, i;
	unsigned int n;
	int64_t v;

	check(s->info.nr_ranges >= 1 &&
	      s->info.nr_ranges <= KEXEC_SLOT_MAX_RANGES);
	check(memchr(s->info.name, '\0', sizeof(s->info.name)));
	for (n = 0; n < s->info.nr_ranges; n++) {
		r = &s->info.ranges[n];
		check(r->size && r->size <= UINT64_MAX - r->start);
		check(in_map(f, f->memory[n], r->size));
		/* What the kernel would be given to restore, read. */
		for (i = 0; i < r->size; i += 256)
			sum += f->memory[n][i];
		sum += f->memory[n][r->size - 1];
	}
	check(!s->prstatus_size || in_map(f, s->prstatus, s->prstatus_size));
	check(!s->vmcoreinfo_size ||
	      in_map(f, s->vmcoreinfo, s->vmcoreinfo_size));
	if (s->prstatus_size)
		sum += ks_elf_note_len(s->prstatus, s->prstatus_size);
	if (s->vmcoreinfo_size &&
	    !ks_vmcoreinfo_number(s->vmcoreinfo, s->vmcoreinfo_size,
				  "NUMBER(phys_base)", 10, &v))
		sum += v;
	__asm__ volatile("" : : "r"(sum));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	struct ks_snapshot_file file;
	unsigned char *buf;

	if (fd < 0) {
		fd = memfd_create("slot-file", MFD_CLOEXEC);
		check(fd >= 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	forge(buf, size);
	check(!ftruncate(fd, 0));
	check(pwrite(fd, buf, size, 0) == (ssize_t)size);
	free(buf);
	if (!ks_snapshot_open(path, &file)) {
		check_file(&file);
		ks_snapshot_close(&file);
	}
	return 0;
}
