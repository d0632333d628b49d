// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of slots/snapshot.c, the slot file format: a file written
 * from a made-up slot reads back whole, with its memory where its ranges
 * say and the kernel image mapped for gdb; one cut short, one with a byte
 * changed and one that is no slot file are each refused as such; so is
 * one forged with a correct checksum (anyone can compute it) but offsets
 * or ranges that lead outside the file or past 2^64. Built with ASan and
 * UBSan (c-tests.sh), a check that reaches outside a buffer or overflows
 * fails too.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../../slots/snapshot.h"
#include "../lib/tap.h"

#define KiB 1024ULL
#define PHYS_BASE 0x3000000ULL

static const struct kexec_slot_range ranges[] = {
	{ 0x30000, 64 * KiB },
	{ PHYS_BASE - 256 * KiB, 1024 * KiB },
};

/* Every byte of the made-up memory says where it is. */
static unsigned char byte_at(uint64_t addr)
{
	return (addr >> 12) ^ addr;
}

static int read_memory(void *priv, uint64_t addr, void *buf, size_t size)
{
	unsigned char *p = buf;
	size_t i;

	(void)priv;
	for (i = 0; i < size; i++)
		p[i] = byte_at(addr + i);
	return 0;
}

/* A whole ELF note: header, name and text, each padded to 4 bytes. */
static size_t make_note(unsigned char *buf, const char *name, uint32_t type,
			const void *desc, uint32_t descsz)
{
	Elf64_Nhdr nh = { strlen(name) + 1, descsz, type };
	size_t name_len = (nh.n_namesz + 3) & ~3U;

	memset(buf, 0, sizeof(nh) + name_len + ((descsz + 3) & ~3U));
	memcpy(buf, &nh, sizeof(nh));
	memcpy(buf + sizeof(nh), name, nh.n_namesz);
	memcpy(buf + sizeof(nh) + name_len, desc, descsz);
	return sizeof(nh) + name_len + ((descsz + 3) & ~3U);
}

/* The kernel runs at physical PHYS_BASE + 0x1000000, linked at 0x1000000. */
static const char info_text[] = "OSRELEASE=6.12.0\nNUMBER(phys_base)=50331648\n"
				"NUMBER(KERNEL_IMAGE_SIZE)=1073741824\n";

/* The sample, with VMCOREINFO text @info. */
static int write_sample_info(const char *path, struct ks_snapshot *snap,
			     const char *info)
{
	static unsigned char prstatus[512], vmcoreinfo[256];
	unsigned char regs[336] = { 1, 2, 3 };
	int fd, ret;

	memset(snap, 0, sizeof(*snap));
	snap->info.slot = 3;
	snap->info.state = KEXEC_SLOT_SUSPENDED;
	snap->info.hotkey = '3';
	snap->info.times_entered = 7;
	strcpy(snap->info.name, "bravo");
	snap->info.nr_ranges = 2;
	memcpy(snap->info.ranges, ranges, sizeof(ranges));
	snap->core.entry = PHYS_BASE + 0x1000;
	snap->core.dir_addr = 0x12345000;
	memset(snap->slot0_build_id, 0xab, sizeof(snap->slot0_build_id));
	snap->prstatus = prstatus;
	snap->prstatus_size =
		make_note(prstatus, "CORE", NT_PRSTATUS, regs, sizeof(regs));
	snap->vmcoreinfo = vmcoreinfo;
	snap->vmcoreinfo_size =
		make_note(vmcoreinfo, "VMCOREINFO", 0, info, strlen(info));
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -errno;
	ret = ks_snapshot_write(fd, snap, read_memory, NULL);
	close(fd);
	return ret;
}

static int write_sample(const char *path, struct ks_snapshot *snap)
{
	return write_sample_info(path, snap, info_text);
}

static int memory_matches(const struct ks_snapshot_file *file)
{
	uint64_t i;
	unsigned int r;

	for (r = 0; r < file->snap.info.nr_ranges; r++)
		for (i = 0; i < ranges[r].size; i++)
			if (file->memory[r][i] != byte_at(ranges[r].start + i))
				return 0;
	return 1;
}

/* The PT_LOAD at kernel virtual address @vaddr, as gdb would find it. */
static const Elf64_Phdr *find_vaddr(const struct ks_snapshot_file *file,
				    uint64_t vaddr)
{
	const Elf64_Ehdr *eh = (const void *)file->map;
	const Elf64_Phdr *ph = (const void *)(file->map + eh->e_phoff);
	unsigned int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && vaddr >= ph[i].p_vaddr &&
		    vaddr < ph[i].p_vaddr + ph[i].p_memsz)
			return &ph[i];
	return NULL;
}

static void test_round_trip(const char *path)
{
	struct ks_snapshot_file file;
	struct ks_snapshot snap;
	const Elf64_Phdr *ph;
	uint64_t text = 0xffffffff80000000ULL;
	int64_t v = 0;

	ok(!write_sample(path, &snap), "a slot file is written");
	ok(!ks_snapshot_open(path, &file), "and reads back");
	ok(file.snap.info.slot == 3 && file.snap.info.times_entered == 7 &&
		   !strcmp(file.snap.info.name, "bravo") &&
		   file.snap.info.hotkey == '3' &&
		   file.snap.core.entry == snap.core.entry &&
		   file.snap.core.dir_addr == snap.core.dir_addr &&
		   !memcmp(file.snap.slot0_build_id, snap.slot0_build_id,
			   KS_BUILD_ID_SIZE),
	   "with the slot, its core and slot 0's build ID");
	ok(file.snap.info.nr_ranges == 2 && memory_matches(&file),
	   "with the memory of each range where the range says");
	ok(file.snap.prstatus_size == snap.prstatus_size &&
		   file.snap.vmcoreinfo_size == snap.vmcoreinfo_size &&
		   !memcmp(file.snap.vmcoreinfo, snap.vmcoreinfo,
			   snap.vmcoreinfo_size),
	   "with the kernel's NT_PRSTATUS and VMCOREINFO notes");
	ph = find_vaddr(&file, text + 0x2000);
	ok(ph && file.map[ph->p_offset + 0x2000 - (ph->p_vaddr - text)] ==
			   byte_at(PHYS_BASE + 0x2000),
	   "the kernel image mapping reads phys_base + 0x2000 at __START_KERNEL_map + 0x2000");
	ok(!ks_vmcoreinfo_number(file.snap.vmcoreinfo,
				 file.snap.vmcoreinfo_size, "NUMBER(phys_base)",
				 10, &v) &&
		   v == (int64_t)PHYS_BASE,
	   "VMCOREINFO's phys_base is read back (%lld)", (long long)v);
	ks_snapshot_close(&file);
}

/* Overwrite one byte at @off of the file at @path. */
static void poke(const char *path, off_t off, unsigned char value)
{
	int fd = open(path, O_WRONLY);

	if (fd >= 0) {
		if (pwrite(fd, &value, 1, off) != 1)
			perror("pwrite");
		close(fd);
	}
}

/*
 * KASLR can load the kernel below where it is linked: phys_base is
 * negative then, and the image is still mapped.
 */
static void test_low_kernel(const char *path)
{
	static const char low[] = "NUMBER(phys_base)=-16777216\n"
				  "KERNELOFFSET=200000\n";
	uint64_t text = 0xffffffff80000000ULL - 0x200000;
	uint64_t vaddr = text + PHYS_BASE + 0x1000000 + 0x2000;
	struct ks_snapshot_file file;
	struct ks_snapshot snap;
	const Elf64_Phdr *ph;

	write_sample_info(path, &snap, low);
	if (ks_snapshot_open(path, &file)) {
		ok(0, "a file with a negative phys_base reads back");
		return;
	}
	ph = find_vaddr(&file, vaddr);
	ok(ph && file.map[ph->p_offset + (vaddr - ph->p_vaddr)] ==
			   byte_at(PHYS_BASE + 0x2000),
	   "with phys_base negative and a KERNELOFFSET, the image is still where vmlinux links it");
	ks_snapshot_close(&file);
}

/* The KSWITCH note's descriptor: docs/slot-files.md, "The format". */
struct slot_note {
	uint32_t version, slot, state, kind, hotkey, nr_ranges;
	uint64_t times_entered;
	char name[KEXEC_SLOT_NAME_LEN];
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];
	struct kexec_slot_core core;
	uint64_t file_size;
	uint32_t checksum;
	uint8_t slot0_build_id[20];
};

_Static_assert(sizeof(struct slot_note) == 280, "slot note layout");

/* A slot file read whole, to forge. */
struct forgery {
	unsigned char *buf;
	size_t size;
	Elf64_Ehdr eh;
	size_t note_off; /* of the KSWITCH note's descriptor */
	struct slot_note note;
};

static void get_phdr(const struct forgery *f, unsigned int i, Elf64_Phdr *ph)
{
	memcpy(ph, f->buf + f->eh.e_phoff + i * sizeof(*ph), sizeof(*ph));
}

static void put_phdr(struct forgery *f, unsigned int i, const Elf64_Phdr *ph)
{
	memcpy(f->buf + f->eh.e_phoff + i * sizeof(*ph), ph, sizeof(*ph));
}

/* The KSWITCH note, last in the PT_NOTE, first program header. */
static int find_slot_note(struct forgery *f)
{
	Elf64_Phdr ph;
	Elf64_Nhdr nh;
	size_t off, len;

	get_phdr(f, 0, &ph);
	for (off = ph.p_offset;
	     (len = ks_elf_note_len(f->buf + off,
				    ph.p_offset + ph.p_filesz - off));
	     off += len) {
		memcpy(&nh, f->buf + off, sizeof(nh));
		if (nh.n_namesz == sizeof("KSWITCH") &&
		    !memcmp(f->buf + off + sizeof(nh), "KSWITCH", 8)) {
			f->note_off = off + sizeof(nh) + 8;
			memcpy(&f->note, f->buf + f->note_off, sizeof(f->note));
			return 0;
		}
	}
	return -1;
}

static int read_forgery(const char *path, struct forgery *f)
{
	FILE *file = fopen(path, "rb");
	struct stat st;
	int ret = -1;

	if (!file || fstat(fileno(file), &st))
		goto out;
	f->size = st.st_size;
	f->buf = malloc(f->size);
	if (f->buf && fread(f->buf, 1, f->size, file) == f->size) {
		memcpy(&f->eh, f->buf, sizeof(f->eh));
		ret = find_slot_note(f);
	}
out:
	if (file)
		fclose(file);
	return ret;
}

/* Write @f to @path with its note and a checksum that matches, and free it. */
static void write_forgery(const char *path, struct forgery *f)
{
	FILE *file = fopen(path, "wb");
	uLong crc;

	f->note.checksum = 0;
	memcpy(f->buf + f->note_off, &f->note, sizeof(f->note));
	crc = crc32(crc32(0, NULL, 0), f->buf, f->size);
	f->note.checksum = crc;
	memcpy(f->buf + f->note_off, &f->note, sizeof(f->note));
	if (file) {
		fwrite(f->buf, 1, f->size, file);
		fclose(file);
	}
	free(f->buf);
}

/* Whether every pointer of @file is inside its map. */
static int within_map(const struct ks_snapshot_file *file)
{
	const unsigned char *end = file->map + file->size;
	unsigned int i;

	for (i = 0; i < file->snap.info.nr_ranges; i++)
		if (file->memory[i] < file->map || file->memory[i] > end ||
		    file->snap.info.ranges[i].size >
			    (uint64_t)(end - file->memory[i]))
			return 0;
	return 1;
}

/* Open a forged file: its error, or 0 only if it stays inside its map. */
static int open_forged(const char *path)
{
	struct ks_snapshot_file file;
	int ret;

	ret = ks_snapshot_open(path, &file);
	if (!ret) {
		ret = within_map(&file) ? 0 : -EFAULT;
		ks_snapshot_close(&file);
	}
	return ret;
}

static void test_forged(const char *path)
{
	struct ks_snapshot snap;
	struct forgery f;
	Elf64_Phdr ph;
	int ret;

	/* A forgery that changes nothing is a slot file: the tool works. */
	write_sample(path, &snap);
	ret = read_forgery(path, &f);
	write_forgery(path, &f);
	ok(!ret && !open_forged(path),
	   "a file re-checksummed as a forger would reads back");

	/* p_offset + p_filesz wrapped: the memory was before the map. */
	write_sample(path, &snap);
	read_forgery(path, &f);
	get_phdr(&f, 1, &ph);
	ph.p_offset = -ph.p_filesz + 0x1000; /* + p_filesz: 0x1000 */
	put_phdr(&f, 1, &ph);
	write_forgery(path, &f);
	ret = open_forged(path);
	ok(ret == -EILSEQ,
	   "memory whose file extent wraps past 2^64 is refused (%d)", ret);

	write_sample(path, &snap);
	read_forgery(path, &f);
	get_phdr(&f, 2, &ph);
	ph.p_offset = f.size - ph.p_filesz + 1;
	put_phdr(&f, 2, &ph);
	write_forgery(path, &f);
	ret = open_forged(path);
	ok(ret == -EBADMSG, "memory a byte past the end is cut short (%d)",
	   ret);

	/* A range that ends past 2^64, in the note and its PT_LOAD alike. */
	write_sample(path, &snap);
	read_forgery(path, &f);
	get_phdr(&f, 1, &ph);
	ph.p_paddr = ph.p_vaddr = -4096ULL;
	put_phdr(&f, 1, &ph);
	f.note.ranges[0].start = -4096ULL;
	write_forgery(path, &f);
	ret = open_forged(path);
	ok(ret == -EILSEQ, "a range that ends past 2^64 is refused (%d)", ret);

	write_sample(path, &snap);
	read_forgery(path, &f);
	f.eh.e_phoff = -16ULL; /* + e_phnum * 56 wraps */
	memcpy(f.buf, &f.eh, sizeof(f.eh));
	write_forgery(path, &f);
	ret = open_forged(path);
	ok(ret == -EILSEQ, "program headers that wrap past 2^64 (%d)", ret);

	write_sample(path, &snap);
	read_forgery(path, &f);
	f.buf[EI_DATA] = ELFDATA2MSB;
	write_forgery(path, &f);
	ret = open_forged(path);
	ok(ret == -ENOEXEC, "a big-endian file is no slot file (%d)", ret);
}

/*
 * The saved kernel's VMCOREINFO is that kernel's to write: phys_base may
 * be anything. Once a signed overflow; now no kernel image mapping, and
 * the file reads back.
 */
static const struct {
	const char *text;
	unsigned int phdrs; /* PT_NOTE, 2 ranges, their image parts */
} phys_base_cases[] = {
	{ "NUMBER(phys_base)=-9223372036854775808\n", 3 },
	{ "NUMBER(phys_base)=9223372036854775807\n", 3 },
	{ "NUMBER(phys_base)=-9223372036854775807\n"
	  "NUMBER(KERNEL_IMAGE_SIZE)=9223372036854775807\n",
	  3 },
	{ "NUMBER(phys_base)=0\n"
	  "NUMBER(KERNEL_IMAGE_SIZE)=9223372036854775807\n",
	  5 },
};

static void test_hostile_phys_base(const char *path)
{
	struct ks_snapshot_file file;
	struct ks_snapshot snap;
	unsigned int i, n;
	int ret;

	for (i = 0; i < ARRAY_SIZE(phys_base_cases); i++) {
		ret = write_sample_info(path, &snap, phys_base_cases[i].text);
		if (!ret)
			ret = ks_snapshot_open(path, &file);
		n = ret ? 0 : ((const Elf64_Ehdr *)file.map)->e_phnum;
		ok(!ret && memory_matches(&file) &&
			   n == phys_base_cases[i].phdrs,
		   "hostile VMCOREINFO %u: written, read back, %u program headers (%d)",
		   i + 1, n, ret);
		if (!ret)
			ks_snapshot_close(&file);
	}
}

/* Slot 0's kernel hands over whole ranges, below 2^64. */
static void test_bad_ranges(const char *path)
{
	struct ks_snapshot snap;
	int fd, ret;

	write_sample(path, &snap);
	fd = open(path, O_RDWR | O_TRUNC);
	snap.info.ranges[1].start = -4096ULL;
	ret = ks_snapshot_write(fd, &snap, read_memory, NULL);
	ok(ret == -EINVAL, "a range that ends past 2^64 is not written (%d)",
	   ret);
	snap.info.ranges[1].start = 0x100000;
	snap.info.ranges[1].size = 0;
	ret = ks_snapshot_write(fd, &snap, read_memory, NULL);
	ok(ret == -EINVAL, "nor an empty one (%d)", ret);
	snap.info.ranges[1].size = 4096;
	snap.vmcoreinfo_size = KS_NOTE_MAX + 1;
	ret = ks_snapshot_write(fd, &snap, read_memory, NULL);
	ok(ret == -EINVAL, "nor a note larger than any kernel keeps (%d)", ret);
	close(fd);
}

/* Notes sit in a file's map wherever the file puts them. */
static void test_unaligned_note(void)
{
	static const char text[] = "NUMBER(phys_base)=4096\n";
	unsigned char *buf = malloc(512);
	size_t len;
	int64_t v = 0;

	len = make_note(buf + 1, "VMCOREINFO", 0, text, strlen(text));
	ok(ks_elf_note_len(buf + 1, len) == len &&
		   !ks_vmcoreinfo_number(buf + 1, len, "NUMBER(phys_base)", 10,
					 &v) &&
		   v == 4096,
	   "a note at an odd address is read (%lld)", (long long)v);
	free(buf);
}

static void test_bad_files(const char *path)
{
	struct ks_snapshot_file file;
	struct ks_snapshot snap;
	struct stat st;
	int ret;

	write_sample(path, &snap);
	stat(path, &st);
	truncate(path, st.st_size - 4096);
	ret = ks_snapshot_open(path, &file);
	ok(ret == -EBADMSG, "a file cut short in its memory is truncated (%d)",
	   ret);
	truncate(path, 100);
	ret = ks_snapshot_open(path, &file);
	ok(ret == -EBADMSG, "one cut short in its headers too (%d)", ret);

	write_sample(path, &snap);
	poke(path, st.st_size - 5000, byte_at(0) ^ 0x55);
	ret = ks_snapshot_open(path, &file);
	ok(ret == -EILSEQ,
	   "a byte changed in its memory fails the checksum (%d)", ret);
	write_sample(path, &snap);
	poke(path, st.st_size, 0);
	ret = ks_snapshot_open(path, &file);
	ok(ret == -EILSEQ, "a byte added at its end too (%d)", ret);

	ret = ks_snapshot_open("/proc/self/exe", &file);
	ok(ret == -ENOEXEC, "an ELF file that is no core is no slot file (%d)",
	   ret);
	ret = ks_snapshot_open("/etc/passwd", &file);
	ok(ret == -ENOEXEC, "nor is a text file (%d)", ret);
	ret = ks_snapshot_open("/nonexistent/slot.ks", &file);
	ok(ret == -ENOENT, "a missing file is -ENOENT (%d)", ret);
}

static int open_slot_file(void *path)
{
	struct ks_snapshot_file file;
	int ret;

	ret = ks_snapshot_open(path, &file);
	if (!ret)
		ks_snapshot_close(&file);
	return ret;
}

/* A FIFO or a device is refused at once: the open must not block. */
static void test_not_regular(const char *dir)
{
	char path[128];
	int ret;

	snprintf(path, sizeof(path), "%s/fifo.ks", dir);
	if (mkfifo(path, 0644)) {
		perror(path);
		exit(1);
	}
	ret = tap_in_child(open_slot_file, path, NULL, 0);
	ok(ret == -ESPIPE, "a FIFO: -ESPIPE at once (%d)", ret);
	unlink(path);
	ret = tap_in_child(open_slot_file, (void *)"/dev/zero", NULL, 0);
	ok(ret == -ESPIPE, "a device: -ESPIPE (%d)", ret);
	ret = tap_in_child(open_slot_file, (void *)dir, NULL, 0);
	ok(ret == -ESPIPE, "a directory: -ESPIPE (%d)", ret);
}

int main(void)
{
	char dir[] = "/tmp/test_snapshot.XXXXXX", path[64];

	if (!mkdtemp(dir))
		return 1;
	tap_plan(28 + ARRAY_SIZE(phys_base_cases));
	snprintf(path, sizeof(path), "%s/slot.ks", dir);
	test_round_trip(path);
	test_low_kernel(path);
	test_bad_files(path);
	test_forged(path);
	test_hostile_phys_base(path);
	test_bad_ranges(path);
	test_unaligned_note();
	test_not_regular(dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
