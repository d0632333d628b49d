// SPDX-License-Identifier: GPL-2.0
/*
 * Loading and calling physical-mode payloads. The payload's PT_LOAD
 * segments become kexec segments at their physical addresses; before
 * loading, kswitch writes the call page's address into the payload's
 * ks_call_page_addr; after the call, the result is in the call page.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "call_page.h"
#include "kexec_syscall.h"
#include "sysinfo.h"
#include "payload.h"

#define CALL_PAGE "/sys/kernel/kexec_jump/call_page"
#define CALL_PAGE_ADDR "/sys/kernel/kexec_jump/call_page_addr"
#define PAGE_MASK 4095ULL
#define MAX_SEGMENTS KS_PAYLOAD_MAX_SEGMENTS

/* Whether [@off, @off + @len) lies in @size bytes; no sum can wrap. */
static int in_bounds(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/*
 * A PT_LOAD becomes a kexec segment: its file data in the file, its memory
 * page-aligned and page-rounded below 2^64 (and its virtual addresses, that
 * symbols are found by), sixteen of them at most.
 */
static int add_load_segment(struct ks_payload *p, const GElf_Phdr *ph)
{
	struct kexec_segment *seg;

	if (p->nr_seg == MAX_SEGMENTS || (ph->p_paddr & PAGE_MASK) ||
	    ph->p_filesz > ph->p_memsz ||
	    !in_bounds(ph->p_offset, ph->p_filesz, p->size) ||
	    ph->p_memsz > UINT64_MAX - PAGE_MASK - ph->p_paddr ||
	    ph->p_memsz > UINT64_MAX - ph->p_vaddr)
		return -ENOEXEC;
	seg = &p->seg[p->nr_seg];
	seg->buf = p->file + ph->p_offset;
	seg->bufsz = ph->p_filesz;
	seg->mem = (const void *)ph->p_paddr;
	seg->memsz = (ph->p_memsz + PAGE_MASK) & ~PAGE_MASK;
	p->nr_seg++;
	return 0;
}

/*
 * The file offset of the 8 bytes at @vaddr, if they are in the file data of
 * one of the @nr_load segments.
 */
static int vaddr_offset(const GElf_Phdr *load, size_t nr_load, uint64_t vaddr,
			uint64_t *offset)
{
	const GElf_Phdr *ph;
	size_t j;

	for (j = 0; j < nr_load; j++) {
		ph = &load[j];
		if (vaddr < ph->p_vaddr ||
		    !in_bounds(vaddr - ph->p_vaddr, sizeof(uint64_t),
			       ph->p_filesz))
			continue;
		/* Within the segment's file data, checked to be in the file. */
		*offset = ph->p_offset + (vaddr - ph->p_vaddr);
		return 0;
	}
	return -ESRCH;
}

/*
 * The file offset of ks_call_page_addr if the symbol table @scn has it.
 * A table whose entries are not Elf64_Sym's size is not read.
 */
static int symtab_lookup(Elf *elf, Elf_Scn *scn, const GElf_Phdr *load,
			 size_t nr_load, uint64_t *offset)
{
	const char *name;
	Elf_Data *data;
	GElf_Shdr sh;
	GElf_Sym sym;
	size_t i;

	if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB ||
	    sh.sh_entsize != sizeof(Elf64_Sym))
		return -ESRCH;
	data = elf_getdata(scn, NULL);
	if (!data)
		return -ESRCH;
	/* libelf checks each index against the data it read. */
	for (i = 0; i <= INT_MAX && gelf_getsym(data, (int)i, &sym); i++) {
		name = elf_strptr(elf, sh.sh_link, sym.st_name);
		if (name && !strcmp(name, KS_CALL_ADDR_SYMBOL) &&
		    !vaddr_offset(load, nr_load, sym.st_value, offset))
			return 0;
	}
	return -ESRCH;
}

/* The file offset of the ks_call_page_addr symbol, through its segment. */
static int find_addr_symbol(Elf *elf, const GElf_Phdr *load, size_t nr_load,
			    uint64_t *offset)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn)))
		if (!symtab_lookup(elf, scn, load, nr_load, offset))
			return 0;
	return -ESRCH;
}

/* Whether the entry point is in the file data of a loaded segment. */
static int entry_loaded(const GElf_Phdr *load, size_t nr_load, uint64_t entry)
{
	size_t j;

	for (j = 0; j < nr_load; j++)
		if (entry >= load[j].p_paddr &&
		    entry - load[j].p_paddr < load[j].p_filesz)
			return 1;
	return 0;
}

/*
 * Program header @i: a PT_LOAD becomes a segment, and is kept in @load
 * once add_load_segment() has found room for it.
 */
static int read_phdr(Elf *elf, size_t i, struct ks_payload *p, GElf_Phdr *load)
{
	GElf_Phdr ph;
	int ret;

	if (i > INT_MAX || !gelf_getphdr(elf, (int)i, &ph))
		return -ENOEXEC;
	if (ph.p_type != PT_LOAD)
		return 0;
	ret = add_load_segment(p, &ph);
	if (!ret)
		load[p->nr_seg - 1] = ph;
	return ret;
}

static int check_ehdr(Elf *elf, GElf_Ehdr *eh)
{
	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, eh) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_X86_64 ||
	    eh->e_type != ET_EXEC)
		return -ENOEXEC;
	return 0;
}

int ks_payload_parse(char *file, size_t size, struct ks_payload *p)
{
	GElf_Phdr load[MAX_SEGMENTS];
	size_t nr_phdr, i;
	GElf_Ehdr eh;
	Elf *elf;
	int ret;

	memset(p, 0, sizeof(*p));
	p->file = file;
	p->size = size;
	elf_version(EV_CURRENT);
	elf = elf_memory(p->file, p->size);
	if (!elf)
		return -ENOEXEC;
	ret = check_ehdr(elf, &eh);
	if (!ret && elf_getphdrnum(elf, &nr_phdr))
		ret = -ENOEXEC;
	for (i = 0; !ret && i < nr_phdr; i++)
		ret = read_phdr(elf, i, p, load);
	if (!ret && !entry_loaded(load, p->nr_seg, eh.e_entry))
		ret = -ENOEXEC;
	if (!ret)
		ret = find_addr_symbol(elf, load, p->nr_seg, &p->addr_offset);
	if (!ret)
		p->entry = eh.e_entry;
	elf_end(elf);
	return ret;
}

void ks_payload_set_call_page(struct ks_payload *p, uint64_t addr)
{
	memcpy(p->file + p->addr_offset, &addr, sizeof(addr));
}

static int write_call_page(const void *arg, size_t arg_len, uint64_t *addr)
{
	struct ks_call_page page = {
		.magic = KS_CALL_MAGIC,
		.status = KS_CALL_NOT_RUN,
		.arg_len = arg_len,
	};
	char line[32];
	int fd, ret;

	if (arg_len > sizeof(page.arg))
		return -E2BIG;
	memcpy(page.arg, arg, arg_len);
	ret = ks_read_line(CALL_PAGE_ADDR, line, sizeof(line));
	if (ret)
		return ret == -ENOENT ? -ENOSYS : ret;
	*addr = strtoull(line, NULL, 16);
	fd = open(CALL_PAGE, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = pwrite(fd, &page, sizeof(page), 0) == sizeof(page) ? 0 : -EIO;
	close(fd);
	return ret;
}

static int read_call_page(struct ks_call_page *page)
{
	int fd, ret;

	fd = open(CALL_PAGE, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = pread(fd, page, sizeof(*page), 0) == sizeof(*page) ? 0 : -EIO;
	close(fd);
	return ret;
}

static int call_loaded(struct ks_payload *p, const void *arg, size_t arg_len,
		       uint64_t *result)
{
	struct ks_call_page page;
	uint64_t addr;
	int ret;

	ret = write_call_page(arg, arg_len, &addr);
	if (ret)
		return ret;
	ks_payload_set_call_page(p, addr);
	ret = ksys_kexec_load(p->entry, p->nr_seg, p->seg,
			      KEXEC_PRESERVE_CONTEXT | KEXEC_ARCH_X86_64);
	if (ret)
		return ret;
	ret = ksys_kexec_jump();
	ksys_kexec_unload();
	if (!ret)
		ret = read_call_page(&page);
	if (ret)
		return ret;
	if (page.status != KS_CALL_DONE || page.calls != 1)
		return -EPROTO;
	*result = page.result;
	return 0;
}

int ks_call_payload(const char *path, const void *arg, size_t arg_len,
		    uint64_t *result)
{
	struct ks_payload p;
	size_t size;
	char *file;
	int ret;

	if (ks_kexec_loaded() == 1)
		return -EBUSY;
	ret = ks_read_file(path, (void **)&file, &size);
	if (ret)
		return ret;
	ret = ks_payload_parse(file, size, &p);
	if (!ret)
		ret = call_loaded(&p, arg, arg_len, result);
	free(file);
	return ret;
}
