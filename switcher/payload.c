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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "call_page.h"
#include "kexec_syscall.h"
#include "kswitch.h"
#include "payload.h"

#define CALL_PAGE "/sys/kernel/kexec_jump/call_page"
#define CALL_PAGE_ADDR "/sys/kernel/kexec_jump/call_page_addr"
#define PAGE_MASK 4095ULL
#define MAX_SEGMENTS KS_PAYLOAD_MAX_SEGMENTS

static int add_load_segment(struct ks_payload *p, const GElf_Phdr *ph)
{
	if ((ph->p_paddr & PAGE_MASK) || ph->p_filesz > ph->p_memsz ||
	    ph->p_offset + ph->p_filesz > p->size)
		return -ENOEXEC;
	if (p->nr_seg == MAX_SEGMENTS)
		return -ENOEXEC;
	p->seg[p->nr_seg].buf = p->file + ph->p_offset;
	p->seg[p->nr_seg].bufsz = ph->p_filesz;
	p->seg[p->nr_seg].mem = (const void *)ph->p_paddr;
	p->seg[p->nr_seg].memsz = (ph->p_memsz + PAGE_MASK) & ~PAGE_MASK;
	p->nr_seg++;
	return 0;
}

/* The file offset of the ks_call_page_addr symbol, through its segment. */
static int find_addr_symbol(Elf *elf, const GElf_Phdr *load, size_t nr_load,
			    uint64_t *offset)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Sym sym;
	Elf_Data *data;
	size_t i, j;

	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
			continue;
		data = elf_getdata(scn, NULL);
		for (i = 0; data && i < sh.sh_size / sh.sh_entsize; i++) {
			if (!gelf_getsym(data, (int)i, &sym) ||
			    strcmp(elf_strptr(elf, sh.sh_link, sym.st_name)
					   ?: "",
				   KS_CALL_ADDR_SYMBOL))
				continue;
			for (j = 0; j < nr_load; j++)
				if (sym.st_value >= load[j].p_vaddr &&
				    sym.st_value + 8 <=
					    load[j].p_vaddr +
						    load[j].p_filesz) {
					*offset = load[j].p_offset +
						  sym.st_value -
						  load[j].p_vaddr;
					return 0;
				}
		}
	}
	return -ESRCH;
}

int ks_payload_parse(char *file, size_t size, struct ks_payload *p)
{
	GElf_Phdr load[MAX_SEGMENTS];
	size_t nr_phdr, i, nr_load = 0;
	GElf_Ehdr eh;
	Elf *elf;
	int ret = -ENOEXEC;

	memset(p, 0, sizeof(*p));
	p->file = file;
	p->size = size;
	elf_version(EV_CURRENT);
	elf = elf_memory(p->file, p->size);
	if (!elf)
		return -ENOEXEC;
	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64 ||
	    eh.e_type != ET_EXEC || elf_getphdrnum(elf, &nr_phdr))
		goto out_end;
	for (i = 0; i < nr_phdr; i++) {
		if (!gelf_getphdr(elf, (int)i, &load[nr_load]) ||
		    load[nr_load].p_type != PT_LOAD)
			continue;
		ret = add_load_segment(p, &load[nr_load]);
		if (ret)
			goto out_end;
		nr_load++;
	}
	ret = nr_load ? find_addr_symbol(elf, load, nr_load, &p->addr_offset)
		      : -ENOEXEC;
	p->entry = eh.e_entry;
out_end:
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
	ret = ks_kexec_load(p->entry, p->nr_seg, p->seg,
			    KEXEC_PRESERVE_CONTEXT | KEXEC_ARCH_X86_64);
	if (ret)
		return ret;
	ret = ks_kexec_jump();
	ks_kexec_unload();
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
