// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of slots/snapshot.c, the slot file format: a file written
 * from a made-up slot reads back whole, with its memory where its ranges
 * say and the kernel image mapped for gdb; one cut short, one with a byte
 * changed and one that is no slot file are each refused as such.
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

#include "../../slots/snapshot.h"
#include "tap.h"

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
	snap->slot = 3;
	snap->state = KEXEC_SLOT_SUSPENDED;
	snap->hotkey = '3';
	snap->times_entered = 7;
	strcpy(snap->name, "bravo");
	snap->nr_ranges = 2;
	memcpy(snap->ranges, ranges, sizeof(ranges));
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

	for (r = 0; r < file->snap.nr_ranges; r++)
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
	ok(file.snap.slot == 3 && file.snap.times_entered == 7 &&
		   !strcmp(file.snap.name, "bravo") &&
		   file.snap.hotkey == '3' &&
		   file.snap.core.entry == snap.core.entry &&
		   file.snap.core.dir_addr == snap.core.dir_addr &&
		   !memcmp(file.snap.slot0_build_id, snap.slot0_build_id,
			   KS_BUILD_ID_SIZE),
	   "with the slot, its core and slot 0's build ID");
	ok(file.snap.nr_ranges == 2 && memory_matches(&file),
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

int main(void)
{
	char dir[] = "/tmp/test_snapshot.XXXXXX", path[64];

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/slot.ks", dir);
	test_round_trip(path);
	test_low_kernel(path);
	test_bad_files(path);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
