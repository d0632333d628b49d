// clang-format off
/* fuzz-sources: switcher/payload.c switcher/sysinfo.c switcher/kexec_syscall.c slots/slots.c slots/snapshot.c */
/* fuzz-libs: -lelf -lz */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The payload ELF parser (ks_payload_parse(), kswitch call) on the fuzz
 * bytes as a payload file. What it accepts must be what kexec_load() can
 * be given: 1 to 16 page-aligned segments whose data are in the file and
 * whose memory ends below 2^64, the entry point in one of them, and the
 * 8 bytes of ks_call_page_addr in the file, which is then written there
 * as kswitch call does. The file is an exact-size copy, so ASan sees any
 * access past it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "payload.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

static int in_file(const struct ks_payload *p, const void *buf, size_t len)
{
	const char *b = buf;

	return b >= p->file && b <= p->file + p->size &&
	       len <= (size_t)(p->file + p->size - b);
}

static void check_payload(const struct ks_payload *p)
{
	const struct kexec_segment *s;
	uint64_t mem, sum = 0;
	unsigned int i, entry_in = 0;

	check(p->nr_seg >= 1 && p->nr_seg <= KS_PAYLOAD_MAX_SEGMENTS);
	for (i = 0; i < p->nr_seg; i++) {
		s = &p->seg[i];
		mem = (uint64_t)s->mem;
		check(in_file(p, s->buf, s->bufsz));
		check(s->bufsz <= s->memsz);
		check(!(mem & 4095) && !(s->memsz & 4095));
		check(s->memsz <= UINT64_MAX - mem);
		entry_in |= p->entry >= mem && p->entry - mem < s->bufsz;
	}
	check(entry_in);
	check(p->addr_offset <= p->size && p->size - p->addr_offset >= 8);
	/* Read every byte kexec_load() would read. */
	for (i = 0; i < p->nr_seg; i++)
		for (mem = 0; mem < p->seg[i].bufsz; mem++)
			sum += ((const unsigned char *)p->seg[i].buf)[mem];
	__asm__ volatile("" : : "r"(sum));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ks_payload p;
	char *file = malloc(size ? size : 1);

	if (!file)
		return 0;
	memcpy(file, data, size);
	if (!ks_payload_parse(file, size, &p)) {
		check_payload(&p);
		ks_payload_set_call_page(&p, 0x1234000);
	}
	free(file);
	return 0;
}
