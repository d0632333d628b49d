// SPDX-License-Identifier: GPL-2.0
/*
 * Slot files (docs/slot-files.md): an ELF core file, written with libelf,
 * whose program headers are
 *
 *   PT_NOTE   the slot kernel's NT_PRSTATUS and VMCOREINFO notes, as it
 *             keeps them, then kswitch's own KSWITCH note: the slot, its
 *             core, slot 0's build ID, the file's size and checksum
 *   PT_LOAD   one per range of the slot's memory, in order, at its
 *             physical address (p_paddr = p_vaddr); the data, page-aligned
 *   PT_LOAD   the same bytes again where vmlinux links the kernel image
 *             (__START_KERNEL_map, with VMCOREINFO's phys_base and
 *             KERNELOFFSET, the KASLR shift, taken out), for gdb vmlinux
 *
 * The checksum is zlib's CRC-32 of the whole file with the checksum field
 * as zero: it finds a file damaged by accident, not one forged.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "slots.h"
#include "snapshot.h"

#define NOTE_NAME "KSWITCH"
#define NT_KSWITCH_SLOT 1
#define FORMAT_VERSION 2
#define DATA_ALIGN 4096
#define COPY_CHUNK (1U << 20)
/* x86_64's kernel image mapping (arch/x86/include/asm/page_64_types.h). */
#define START_KERNEL_MAP 0xffffffff80000000ULL
#define KERNEL_IMAGE_SIZE_DEFAULT (1ULL << 30)
/* Memory one file holds at most: its offsets stay far below off_t's end. */
#define MEMORY_MAX (1ULL << 62)

/*
 * The KSWITCH note's descriptor, little-endian as its x86_64 writer: the
 * file's own layout of what it keeps of struct kexec_slot_info, fixed by
 * its format version, which the header's may not be. fill_slot_note() and
 * take_note() are the only two places that convert.
 */
struct slot_note {
	uint32_t version;
	uint32_t slot;
	uint32_t state;
	uint32_t kind;
	uint32_t hotkey;
	uint32_t nr_ranges;
	uint64_t times_entered;
	char name[KEXEC_SLOT_NAME_LEN];
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];
	struct kexec_slot_core core;
	uint64_t file_size;
	uint32_t checksum;
	uint8_t slot0_build_id[KS_BUILD_ID_SIZE];
};

_Static_assert(sizeof(struct slot_note) == 280, "slot note layout");

struct layout {
	size_t nr_phdrs;
	size_t notes_size;
	uint64_t notes_off;
	uint64_t data_off[KEXEC_SLOT_MAX_RANGES];
	uint64_t file_size;
	uint64_t checksum_off; /* of the checksum field, in the file */
	int has_mapping; /* VMCOREINFO gave phys_base */
	/* Physical minus kernel-map offset; negative when KASLR loads low. */
	int64_t phys_base;
	uint64_t image_size;
	uint64_t kaslr_offset;
};

static size_t note_size(size_t namesz, size_t descsz)
{
	return sizeof(Elf64_Nhdr) + ((namesz + 3) & ~3UL) +
	       ((descsz + 3) & ~3UL);
}

size_t ks_elf_note_len(const void *buf, size_t size)
{
	Elf64_Nhdr nh;
	size_t len;

	if (size < sizeof(nh))
		return 0;
	/* Copied: a note in a file's map need not be aligned. */
	memcpy(&nh, buf, sizeof(nh));
	if (!nh.n_namesz && !nh.n_descsz)
		return 0;
	len = note_size(nh.n_namesz, nh.n_descsz);
	return len <= size ? len : 0;
}

int ks_vmcoreinfo_number(const void *vmcoreinfo, size_t size, const char *key,
			 int base, int64_t *value)
{
	const char *text, *end, *line, *eol;
	size_t len = strlen(key);
	Elf64_Nhdr nh;
	char buf[32];

	if (!ks_elf_note_len(vmcoreinfo, size))
		return -ENOENT;
	memcpy(&nh, vmcoreinfo, sizeof(nh));
	/* The text is the descriptor, after the name: in @size, as checked. */
	text = (const char *)vmcoreinfo + sizeof(nh) +
	       ((nh.n_namesz + 3UL) & ~3UL);
	end = text + nh.n_descsz;

	for (line = text; line < end; line = eol + 1) {
		eol = memchr(line, '\n', end - line);
		if (!eol)
			eol = end;
		if ((size_t)(eol - line) <= len || memcmp(line, key, len) ||
		    line[len] != '=' ||
		    (size_t)(eol - line - len) > sizeof(buf))
			continue;
		memcpy(buf, line + len + 1, eol - line - len - 1);
		buf[eol - line - len - 1] = '\0';
		*value = strtoll(buf, NULL, base);
		return 0;
	}
	return -ENOENT;
}

/* Where the kernel image is mapped, if the VMCOREINFO note says. */
static void kernel_mapping(const struct ks_snapshot *snap, struct layout *l)
{
	int64_t v;

	l->has_mapping = 0;
	l->phys_base = 0;
	l->image_size = KERNEL_IMAGE_SIZE_DEFAULT;
	l->kaslr_offset = 0;
	if (!snap->vmcoreinfo_size)
		return;
	if (!ks_vmcoreinfo_number(snap->vmcoreinfo, snap->vmcoreinfo_size,
				  "NUMBER(phys_base)", 10, &v)) {
		l->phys_base = v;
		l->has_mapping = 1;
	}
	if (!ks_vmcoreinfo_number(snap->vmcoreinfo, snap->vmcoreinfo_size,
				  "NUMBER(KERNEL_IMAGE_SIZE)", 10, &v) &&
	    v > 0)
		l->image_size = v;
	if (!ks_vmcoreinfo_number(snap->vmcoreinfo, snap->vmcoreinfo_size,
				  "KERNELOFFSET", 16, &v))
		l->kaslr_offset = v;
}

/*
 * The part of @r in the kernel image mapping: 0 if none. phys_base comes
 * from the saved kernel's memory and may be anything: the sums are taken
 * in 128 bits, where none of them can overflow.
 */
static uint64_t image_part(const struct layout *l,
			   const struct kexec_slot_range *r, uint64_t *start)
{
	/* Offsets into the mapping, which starts at phys_base. */
	__int128 lo = (__int128)r->start - l->phys_base;
	__int128 hi = lo + r->size;

	if (!l->has_mapping)
		return 0;
	if (lo < 0)
		lo = 0;
	if (hi > (__int128)l->image_size)
		hi = l->image_size;
	if (hi <= lo)
		return 0;
	/* Within @r, so below 2^64. */
	*start = l->phys_base + lo;
	return hi - lo;
}

/*
 * Whether each of the @nr ranges has memory and ends below 2^64, and all
 * of them fit in one file: what the writer lays out, the reader checks.
 */
static int ranges_valid(const struct kexec_slot_range *r, unsigned int nr)
{
	uint64_t total = 0;
	unsigned int i;

	if (!nr || nr > KEXEC_SLOT_MAX_RANGES)
		return 0;
	for (i = 0; i < nr; i++) {
		if (!r[i].size || r[i].size > UINT64_MAX - r[i].start ||
		    r[i].size > MEMORY_MAX - total)
			return 0;
		total += r[i].size;
	}
	return 1;
}

static void plan_layout(const struct ks_snapshot *snap, struct layout *l)
{
	uint64_t off, unused;
	unsigned int i;

	kernel_mapping(snap, l);
	l->nr_phdrs = 1 + snap->info.nr_ranges;
	for (i = 0; i < snap->info.nr_ranges; i++)
		if (image_part(l, &snap->info.ranges[i], &unused))
			l->nr_phdrs++;
	l->notes_size = snap->prstatus_size + snap->vmcoreinfo_size +
			note_size(sizeof(NOTE_NAME), sizeof(struct slot_note));
	l->notes_off = sizeof(Elf64_Ehdr) + l->nr_phdrs * sizeof(Elf64_Phdr);
	off = (l->notes_off + l->notes_size + DATA_ALIGN - 1) &
	      ~(uint64_t)(DATA_ALIGN - 1);
	for (i = 0; i < snap->info.nr_ranges; i++) {
		l->data_off[i] = off;
		off += snap->info.ranges[i].size;
	}
	l->file_size = off;
	l->checksum_off = l->notes_off + l->notes_size -
			  sizeof(struct slot_note) +
			  offsetof(struct slot_note, checksum);
}

static void fill_phdrs(const struct ks_snapshot *snap, const struct layout *l,
		       Elf64_Phdr *ph)
{
	const struct kexec_slot_range *r;
	uint64_t start, size;
	unsigned int i;

	ph->p_type = PT_NOTE;
	ph->p_offset = l->notes_off;
	ph->p_filesz = l->notes_size;
	ph->p_align = 4;
	for (i = 0; i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		ph++;
		ph->p_type = PT_LOAD;
		ph->p_flags = PF_R | PF_W | PF_X;
		ph->p_offset = l->data_off[i];
		ph->p_vaddr = ph->p_paddr = r->start;
		ph->p_filesz = ph->p_memsz = r->size;
		ph->p_align = DATA_ALIGN;
	}
	for (i = 0; i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		size = image_part(l, r, &start);
		if (!size)
			continue;
		ph++;
		ph->p_type = PT_LOAD;
		ph->p_flags = PF_R | PF_W | PF_X;
		ph->p_offset = l->data_off[i] + (start - r->start);
		/* Where the kernel runs, less its KASLR shift. */
		ph->p_vaddr = start - l->phys_base + START_KERNEL_MAP -
			      l->kaslr_offset;
		ph->p_paddr = start;
		ph->p_filesz = ph->p_memsz = size;
		ph->p_align = DATA_ALIGN;
	}
}

/* The ELF header and program headers, through libelf. */
static int write_headers(int fd, const struct ks_snapshot *snap,
			 const struct layout *l)
{
	Elf64_Ehdr *eh;
	Elf64_Phdr *ph;
	Elf *elf;
	int ret = -EIO;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EIO;
	elf = elf_begin(fd, ELF_C_WRITE, NULL);
	if (!elf)
		return -EIO;
	eh = elf64_newehdr(elf);
	ph = eh ? elf64_newphdr(elf, l->nr_phdrs) : NULL;
	if (!ph)
		goto out_end;
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh->e_type = ET_CORE;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_phoff = sizeof(Elf64_Ehdr);
	eh->e_ehsize = sizeof(Elf64_Ehdr);
	eh->e_phentsize = sizeof(Elf64_Phdr);
	fill_phdrs(snap, l, ph);
	/* A core file has no sections: the offsets are ours. */
	elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
	if (elf_update(elf, ELF_C_WRITE) >= 0)
		ret = 0;
out_end:
	elf_end(elf);
	return ret;
}

static void fill_slot_note(const struct ks_snapshot *snap,
			   const struct layout *l, struct slot_note *n)
{
	memset(n, 0, sizeof(*n));
	n->version = FORMAT_VERSION;
	n->slot = snap->info.slot;
	n->state = snap->info.state;
	n->kind = snap->info.kind;
	n->hotkey = snap->info.hotkey;
	n->nr_ranges = snap->info.nr_ranges;
	n->times_entered = snap->info.times_entered;
	memcpy(n->name, snap->info.name, sizeof(n->name));
	memcpy(n->ranges, snap->info.ranges, sizeof(n->ranges));
	n->core = snap->core;
	n->file_size = l->file_size;
	memcpy(n->slot0_build_id, snap->slot0_build_id,
	       sizeof(n->slot0_build_id));
}

static int pwrite_all(int fd, const void *buf, size_t size, uint64_t off)
{
	ssize_t n;

	while (size) {
		n = pwrite(fd, buf, size, off);
		if (n < 0)
			return -errno;
		buf = (const char *)buf + n;
		size -= n;
		off += n;
	}
	return 0;
}

static int write_notes(int fd, const struct ks_snapshot *snap,
		       const struct layout *l)
{
	Elf64_Nhdr nh = { .n_namesz = sizeof(NOTE_NAME),
			  .n_descsz = sizeof(struct slot_note),
			  .n_type = NT_KSWITCH_SLOT };
	unsigned char *buf, *p;
	struct slot_note note;
	int ret;

	buf = calloc(1, l->notes_size);
	if (!buf)
		return -ENOMEM;
	p = buf;
	memcpy(p, snap->prstatus, snap->prstatus_size);
	p += snap->prstatus_size;
	memcpy(p, snap->vmcoreinfo, snap->vmcoreinfo_size);
	p += snap->vmcoreinfo_size;
	memcpy(p, &nh, sizeof(nh));
	p += sizeof(nh);
	memcpy(p, NOTE_NAME, sizeof(NOTE_NAME));
	p += (sizeof(NOTE_NAME) + 3) & ~3UL;
	fill_slot_note(snap, l, &note);
	memcpy(p, &note, sizeof(note));
	ret = pwrite_all(fd, buf, l->notes_size, l->notes_off);
	free(buf);
	return ret;
}

static int write_memory(int fd, const struct ks_snapshot *snap,
			const struct layout *l, ks_snapshot_read_fn read,
			void *priv)
{
	const struct kexec_slot_range *r;
	uint64_t done, n;
	unsigned int i;
	void *buf;
	int ret = 0;

	buf = malloc(COPY_CHUNK);
	if (!buf)
		return -ENOMEM;
	for (i = 0; !ret && i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		for (done = 0; !ret && done < r->size; done += n) {
			n = r->size - done < COPY_CHUNK ? r->size - done
							: COPY_CHUNK;
			ret = read(priv, r->start + done, buf, n);
			if (!ret)
				ret = pwrite_all(fd, buf, n,
						 l->data_off[i] + done);
		}
	}
	free(buf);
	return ret;
}

/* The CRC-32 of what @fd holds, as written so far. */
static int file_crc(int fd, uint64_t size, uint32_t *crc)
{
	unsigned char *buf;
	uint64_t off;
	ssize_t n;
	uLong c = crc32(0, NULL, 0);

	buf = malloc(COPY_CHUNK);
	if (!buf)
		return -ENOMEM;
	for (off = 0; off < size; off += n) {
		n = pread(fd, buf, COPY_CHUNK, off);
		if (n <= 0) {
			free(buf);
			return n < 0 ? -errno : -EIO;
		}
		c = crc32(c, buf, n);
	}
	free(buf);
	*crc = c;
	return 0;
}

int ks_snapshot_write(int fd, const struct ks_snapshot *snap,
		      ks_snapshot_read_fn read, void *priv)
{
	struct layout l;
	uint32_t crc;
	int ret;

	if (!ranges_valid(snap->info.ranges, snap->info.nr_ranges) ||
	    snap->prstatus_size > KS_NOTE_MAX ||
	    snap->vmcoreinfo_size > KS_NOTE_MAX)
		return -EINVAL;
	plan_layout(snap, &l);
	ret = write_headers(fd, snap, &l);
	if (!ret)
		ret = write_notes(fd, snap, &l);
	if (!ret)
		ret = write_memory(fd, snap, &l, read, priv);
	/* The padding before the data reads as zeros, as it is summed. */
	if (!ret && ftruncate(fd, l.file_size))
		ret = -errno;
	if (!ret)
		ret = file_crc(fd, l.file_size, &crc);
	if (!ret)
		ret = pwrite_all(fd, &crc, sizeof(crc), l.checksum_off);
	return ret;
}

/*
 * Where [@off, @off + @len) is: 0 in a file of @size bytes, -EBADMSG past
 * its end (cut short), -EILSEQ past 2^64, which no file is cut short from.
 */
static int check_extent(uint64_t off, uint64_t len, uint64_t size)
{
	if (len > UINT64_MAX - off)
		return -EILSEQ;
	return off <= size && len <= size - off ? 0 : -EBADMSG;
}

/*
 * The notes of a slot file: the slot kernel's, and the KSWITCH one. @ph
 * is in the file; gelf_getnote() keeps each note within it.
 */
static int read_notes(Elf *elf, const GElf_Phdr *ph,
		      struct ks_snapshot_file *file, struct slot_note *note,
		      uint64_t *checksum_off)
{
	const unsigned char *base = file->map + ph->p_offset;
	size_t off = 0, next, name_off, desc_off;
	struct ks_snapshot *snap = &file->snap;
	const char *name;
	Elf_Data *data;
	GElf_Nhdr nh;
	int found = 0;

	data = elf_getdata_rawchunk(elf, ph->p_offset, ph->p_filesz,
				    ELF_T_NHDR);
	if (!data)
		return -EILSEQ;
	while ((next = gelf_getnote(data, off, &nh, &name_off, &desc_off))) {
		name = (const char *)base + name_off;
		if (nh.n_type == NT_KSWITCH_SLOT &&
		    nh.n_namesz == sizeof(NOTE_NAME) &&
		    !memcmp(name, NOTE_NAME, sizeof(NOTE_NAME)) &&
		    nh.n_descsz == sizeof(*note)) {
			memcpy(note, base + desc_off, sizeof(*note));
			*checksum_off = ph->p_offset + desc_off +
					offsetof(struct slot_note, checksum);
			found = 1;
		} else if (nh.n_type == NT_PRSTATUS) {
			snap->prstatus = base + off;
			snap->prstatus_size = next - off;
		} else if (nh.n_namesz == sizeof("VMCOREINFO") &&
			   !memcmp(name, "VMCOREINFO", nh.n_namesz)) {
			snap->vmcoreinfo = base + off;
			snap->vmcoreinfo_size = next - off;
		}
		off = next;
	}
	return found ? 0 : -ENOEXEC;
}

static int check_checksum(const struct ks_snapshot_file *file,
			  const struct slot_note *note, uint64_t checksum_off)
{
	static const unsigned char zero[sizeof(note->checksum)];
	uLong c = crc32(0, NULL, 0);

	c = crc32(c, file->map, checksum_off);
	c = crc32(c, zero, sizeof(zero));
	c = crc32(c, file->map + checksum_off + sizeof(zero),
		  file->size - checksum_off - sizeof(zero));
	return c == note->checksum ? 0 : -EILSEQ;
}

/* Every range's memory is the PT_LOAD of the same rank after the note. */
static int find_memory(Elf *elf, size_t nr_phdrs, size_t note_index,
		       struct ks_snapshot_file *file)
{
	struct ks_snapshot *snap = &file->snap;
	const struct kexec_slot_range *r;
	GElf_Phdr ph;
	unsigned int i;

	if (snap->info.nr_ranges > nr_phdrs ||
	    note_index >= nr_phdrs - snap->info.nr_ranges)
		return -EILSEQ;
	for (i = 0; i < snap->info.nr_ranges; i++) {
		r = &snap->info.ranges[i];
		if (!gelf_getphdr(elf, note_index + 1 + i, &ph) ||
		    ph.p_type != PT_LOAD || ph.p_paddr != r->start ||
		    ph.p_filesz != r->size || ph.p_memsz != r->size)
			return -EILSEQ;
		/* check_file() found every PT_LOAD in the file. */
		file->memory[i] = file->map + ph.p_offset;
	}
	return 0;
}

static void take_note(struct ks_snapshot *snap, const struct slot_note *n)
{
	snap->info.slot = n->slot;
	snap->info.state = n->state;
	snap->info.kind = n->kind;
	snap->info.hotkey = n->hotkey;
	snap->info.times_entered = n->times_entered;
	memcpy(snap->info.name, n->name, sizeof(snap->info.name));
	snap->info.name[sizeof(snap->info.name) - 1] = '\0';
	snap->info.nr_ranges = n->nr_ranges;
	memcpy(snap->info.ranges, n->ranges, sizeof(snap->info.ranges));
	snap->core = n->core;
	memcpy(snap->slot0_build_id, n->slot0_build_id,
	       sizeof(snap->slot0_build_id));
}

/*
 * Check the ELF structure of the mapped file: every header within it
 * (-EBADMSG if not: cut short), its KSWITCH note, its size and checksum.
 */
static int check_file(Elf *elf, struct ks_snapshot_file *file)
{
	uint64_t checksum_off = 0;
	struct slot_note note;
	size_t nr_phdrs, i, note_index = 0;
	GElf_Ehdr eh;
	GElf_Phdr ph;
	int err, ret = -ENOEXEC;

	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_type != ET_CORE ||
	    eh.e_machine != EM_X86_64)
		return -ENOEXEC;
	err = check_extent(eh.e_phoff, eh.e_phnum * sizeof(Elf64_Phdr),
			   file->size);
	if (err)
		return err;
	/* Not PN_XNUM's count elsewhere: the table checked is the one read. */
	if (elf_getphdrnum(elf, &nr_phdrs) || nr_phdrs != eh.e_phnum)
		return -EILSEQ;
	for (i = 0; i < nr_phdrs; i++) {
		if (!gelf_getphdr(elf, i, &ph))
			return -EILSEQ;
		err = check_extent(ph.p_offset, ph.p_filesz, file->size);
		if (err)
			return err;
		if (ph.p_type != PT_NOTE || !ret)
			continue;
		ret = read_notes(elf, &ph, file, &note, &checksum_off);
		note_index = i;
	}
	if (ret)
		return ret;
	if (note.version != FORMAT_VERSION)
		return -ENOEXEC;
	if (file->size < note.file_size)
		return -EBADMSG;
	if (file->size != note.file_size ||
	    !ranges_valid(note.ranges, note.nr_ranges) ||
	    check_checksum(file, &note, checksum_off))
		return -EILSEQ;
	take_note(&file->snap, &note);
	return find_memory(elf, nr_phdrs, note_index, file);
}

int ks_snapshot_open(const char *path, struct ks_snapshot_file *file)
{
	struct stat st;
	Elf *elf;
	void *map;
	int fd, ret;

	memset(file, 0, sizeof(*file));
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EIO;
	/* A FIFO would block the open, a device never end. */
	fd = ks_open_regular(path, UINT64_MAX);
	if (fd < 0)
		return fd;
	if (fstat(fd, &st)) {
		ret = -errno;
		goto out_close;
	}
	ret = -ENOEXEC;
	if (st.st_size < (off_t)sizeof(Elf64_Ehdr))
		goto out_close;
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		ret = -errno;
		goto out_close;
	}
	file->map = map;
	file->size = st.st_size;
	elf = elf_memory(map, st.st_size);
	ret = elf ? check_file(elf, file) : -ENOEXEC;
	elf_end(elf);
	if (ret)
		ks_snapshot_close(file);
out_close:
	close(fd);
	return ret;
}

void ks_snapshot_close(struct ks_snapshot_file *file)
{
	if (file->map)
		munmap((void *)file->map, file->size);
	memset(file, 0, sizeof(*file));
}
