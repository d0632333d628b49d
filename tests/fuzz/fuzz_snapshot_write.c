// clang-format off
/* fuzz-sources: slots/snapshot.c slots/slots.c */
/* fuzz-libs: -lelf -lz */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * The slot file writer (ks_snapshot_write(), kswitch save and dump) on a
 * slot made of the fuzz bytes, then the reader on what it wrote. The slot
 * kernel's notes are its own to write, and so hostile: their bytes, and
 * VMCOREINFO's phys_base, KERNEL_IMAGE_SIZE and KERNELOFFSET that place
 * the kernel image mapping, come from the input. So do the ranges, as
 * slot 0's kernel would hand them over, but small (up to 8 KiB), as the
 * memory is really written; a size of 0xffff stands for one that ends
 * past 2^64. The writer must refuse exactly the slots with an empty range
 * or one past 2^64 (-EINVAL), read only the ranges' memory, and write a
 * file that reads back as the same slot, with the same memory, each
 * kernel image mapping header inside a range and the mapping.
 *
 * Input, little-endian, zeros once the bytes run out:
 *   u8 nr_ranges (0 to 8 used as is, above: modulo 9);
 *   per range u64 start, u16 size (its low 13 bits, or 0xffff);
 *   u32 slot, state, kind, hotkey; u64 times_entered, core.entry,
 *   core.dir_addr; 32 bytes of name;
 *   u8 flags: bit 0, the VMCOREINFO bytes are a whole note as is, not
 *   the text of one; u16 prstatus_len, then that many bytes of the
 *   NT_PRSTATUS note as is; the rest: VMCOREINFO.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "snapshot.h"

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

#define HUGE_SIZE 0xffff
#define SIZE_MASK 0x1fff
#define START_KERNEL_MAP 0xffffffff80000000ULL

struct input {
	const uint8_t *p;
	size_t left;
};

static uint64_t take(struct input *in, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (in->left) {
			v |= (uint64_t)*in->p++ << (8 * i);
			in->left--;
		}
	return v;
}

static const uint8_t *take_bytes(struct input *in, size_t *n)
{
	const uint8_t *p = in->p;

	if (*n > in->left)
		*n = in->left;
	in->p += *n;
	in->left -= *n;
	return p;
}

/* Every byte of the made-up memory says where it is. */
static unsigned char byte_at(uint64_t addr)
{
	return (addr >> 12) ^ (addr >> 3) ^ addr;
}

static int read_memory(void *priv, uint64_t addr, void *buf, size_t size)
{
	const struct ks_snapshot *snap = priv;
	const struct kexec_slot_range *r;
	unsigned char *p = buf;
	unsigned int i, inside = 0;
	size_t j;

	/* Only the ranges' memory is ever read. */
	for (i = 0; i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		inside |= addr >= r->start && addr - r->start <= r->size &&
			  size <= r->size - (addr - r->start);
	}
	check(inside);
	for (j = 0; j < size; j++)
		p[j] = byte_at(addr + j);
	return 0;
}

/* Whether ranges of the slot are valid: the writer's contract. */
static int take_ranges(struct input *in, struct ks_snapshot *snap)
{
	struct kexec_slot_range *r;
	int valid;
	unsigned int i;

	snap->info.nr_ranges = take(in, 1) % (KEXEC_SLOT_MAX_RANGES + 1);
	valid = snap->info.nr_ranges > 0;
	for (i = 0; i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		r->start = take(in, 8);
		r->size = take(in, 2);
		if (r->size == HUGE_SIZE)
			r->size = -r->start + 4096; /* past 2^64, mostly */
		else
			r->size &= SIZE_MASK;
		valid &= r->size && r->size <= UINT64_MAX - r->start;
	}
	return valid;
}

static void take_slot(struct input *in, struct ks_snapshot *snap)
{
	size_t n = sizeof(snap->info.name);

	snap->info.slot = take(in, 4);
	snap->info.state = take(in, 4);
	snap->info.kind = take(in, 4);
	snap->info.hotkey = take(in, 4);
	snap->info.times_entered = take(in, 8);
	snap->core.entry = take(in, 8);
	snap->core.dir_addr = take(in, 8);
	memcpy(snap->info.name, take_bytes(in, &n), n);
	memset(snap->slot0_build_id, 0x5a, sizeof(snap->slot0_build_id));
}

/* A whole VMCOREINFO note with @len bytes of @text, in @buf. */
static size_t vmcoreinfo_note(unsigned char *buf, const uint8_t *text,
			      size_t len)
{
	Elf64_Nhdr nh = { sizeof("VMCOREINFO"), len, 0 };
	size_t off = sizeof(nh) + ((sizeof("VMCOREINFO") + 3) & ~3UL);

	memcpy(buf, &nh, sizeof(nh));
	memcpy(buf + sizeof(nh), "VMCOREINFO", sizeof("VMCOREINFO"));
	memcpy(buf + off, text, len);
	return off + ((len + 3) & ~3UL);
}

/* The notes, as slot_snapshot.c takes them: the first whole note only. */
static void take_notes(struct input *in, struct ks_snapshot *snap,
		       unsigned char *prstatus, unsigned char *vmcoreinfo)
{
	unsigned int flags = take(in, 1);
	size_t n = take(in, 2);
	const uint8_t *p;

	p = take_bytes(in, &n);
	memcpy(prstatus, p, n);
	snap->prstatus = prstatus;
	snap->prstatus_size = ks_elf_note_len(prstatus, n);
	n = in->left;
	p = take_bytes(in, &n);
	if (flags & 1)
		memcpy(vmcoreinfo, p, n);
	else
		n = vmcoreinfo_note(vmcoreinfo, p, n);
	snap->vmcoreinfo = vmcoreinfo;
	snap->vmcoreinfo_size = ks_elf_note_len(vmcoreinfo, n);
}

/* The range that holds [@addr, @addr + @len), or -1. */
static int range_of(const struct ks_snapshot *s, uint64_t addr, uint64_t len)
{
	const struct kexec_slot_range *r;
	unsigned int i;

	for (i = 0; i < s->info.nr_ranges; i++) {
		r = &s->info.ranges[i];
		if (addr >= r->start && addr - r->start <= r->size &&
		    len <= r->size - (addr - r->start))
			return i;
	}
	return -1;
}

/*
 * The image mapping headers: inside a range, the mapping, and the file.
 * Where the mapping is comes from the VMCOREINFO note written, @w's: the
 * reader takes a note by its name, which the slot kernel chose.
 */
static void check_mapping(const struct ks_snapshot *w,
			  const struct ks_snapshot_file *f)
{
	const Elf64_Ehdr *eh = (const void *)f->map;
	const struct ks_snapshot *s = &f->snap;
	__int128 base = 0, image = 1LL << 30;
	Elf64_Phdr ph;
	int64_t v;
	unsigned int i;
	int r;

	if (!w->vmcoreinfo_size ||
	    ks_vmcoreinfo_number(w->vmcoreinfo, w->vmcoreinfo_size,
				 "NUMBER(phys_base)", 10, &v)) {
		check(eh->e_phnum == 1 + s->info.nr_ranges);
		return;
	}
	base = v;
	if (!ks_vmcoreinfo_number(w->vmcoreinfo, w->vmcoreinfo_size,
				  "NUMBER(KERNEL_IMAGE_SIZE)", 10, &v) &&
	    v > 0)
		image = v;
	for (i = 1 + s->info.nr_ranges; i < eh->e_phnum; i++) {
		memcpy(&ph, f->map + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		check(ph.p_type == PT_LOAD && ph.p_filesz);
		check(ph.p_offset <= f->size &&
		      ph.p_filesz <= f->size - ph.p_offset);
		r = range_of(s, ph.p_paddr, ph.p_filesz);
		check(r >= 0);
		check(ph.p_paddr >= base &&
		      ph.p_paddr + ph.p_filesz <= (__int128)base + image);
		check(f->map[ph.p_offset] == byte_at(ph.p_paddr));
	}
}

static void check_read_back(const struct ks_snapshot *w,
			    const struct ks_snapshot_file *f)
{
	const struct ks_snapshot *s = &f->snap;
	uint64_t i;
	unsigned int n;

	check(s->info.slot == w->info.slot && s->info.state == w->info.state &&
	      s->info.kind == w->info.kind &&
	      s->info.hotkey == w->info.hotkey &&
	      s->info.times_entered == w->info.times_entered);
	check(!memcmp(&s->core, &w->core, sizeof(s->core)));
	check(!strncmp(s->info.name, w->info.name, sizeof(s->info.name) - 1));
	check(!memcmp(s->slot0_build_id, w->slot0_build_id,
		      sizeof(s->slot0_build_id)));
	check(s->info.nr_ranges == w->info.nr_ranges);
	check(!memcmp(s->info.ranges, w->info.ranges, sizeof(s->info.ranges)));
	for (n = 0; n < s->info.nr_ranges; n++)
		for (i = 0; i < s->info.ranges[n].size; i++)
			check(f->memory[n][i] ==
			      byte_at(s->info.ranges[n].start + i));
	check_mapping(w, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned char prstatus[65536 + 4], vmcoreinfo[65536 + 32];
	static int fd = -1;
	static char path[64];
	struct input in = { data, size };
	struct ks_snapshot snap = { 0 };
	struct ks_snapshot_file file;
	int valid, ret;

	if (fd < 0) {
		fd = memfd_create("slot-file", MFD_CLOEXEC);
		check(fd >= 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (size > 65536)
		return 0;
	valid = take_ranges(&in, &snap);
	take_slot(&in, &snap);
	take_notes(&in, &snap, prstatus, vmcoreinfo);
	check(!ftruncate(fd, 0));
	ret = ks_snapshot_write(fd, &snap, read_memory, &snap);
	check(valid ? !ret : ret == -EINVAL);
	if (ret)
		return 0;
	check(!ks_snapshot_open(path, &file));
	check_read_back(&snap, &file);
	ks_snapshot_close(&file);
	return 0;
}
