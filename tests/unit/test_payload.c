// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the payload ELF parser (switcher/payload.c) on a payload
 * made up here, whole and with each of its headers made hostile: what a
 * crafted file can claim must be refused before it is used, and never
 * take the parser outside the file. Each case is parsed in a child, so
 * that a crash is one failed check.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../switcher/call_page.h"
#include "../../switcher/payload.h"
#include "../lib/tap.h"

/* The made-up payload's layout, as tools/payloads/payload.ld links. */
#define BASE 0x800000ULL
#define PHDR_MAX 20
#define DATA_OFF 0x500
#define DATA_SIZE 0x100
#define ADDR_VADDR (BASE + 0xf0) /* ks_call_page_addr */
#define SYMTAB_OFF 0x600
#define STRTAB_OFF 0x640
#define SHDR_OFF 0x680
#define FILE_SIZE (SHDR_OFF + 3 * sizeof(Elf64_Shdr))

static const char strtab[] = "\0" KS_CALL_ADDR_SYMBOL;

struct image {
	unsigned char buf[FILE_SIZE];
	Elf64_Ehdr *eh;
	Elf64_Phdr *ph;
	Elf64_Sym *sym; /* ks_call_page_addr */
	Elf64_Shdr *symtab;
};

static void make_sections(struct image *im)
{
	Elf64_Shdr *sh = (Elf64_Shdr *)(im->buf + SHDR_OFF);

	im->sym = (Elf64_Sym *)(im->buf + SYMTAB_OFF) + 1;
	im->sym->st_name = 1;
	im->sym->st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
	im->sym->st_shndx = 1;
	im->sym->st_value = ADDR_VADDR;
	im->sym->st_size = 8;
	memcpy(im->buf + STRTAB_OFF, strtab, sizeof(strtab));
	im->symtab = &sh[1];
	sh[1] = (Elf64_Shdr){ .sh_type = SHT_SYMTAB,
			      .sh_offset = SYMTAB_OFF,
			      .sh_size = 2 * sizeof(Elf64_Sym),
			      .sh_link = 2,
			      .sh_info = 1,
			      .sh_addralign = 8,
			      .sh_entsize = sizeof(Elf64_Sym) };
	sh[2] = (Elf64_Shdr){ .sh_type = SHT_STRTAB,
			      .sh_offset = STRTAB_OFF,
			      .sh_size = sizeof(strtab),
			      .sh_addralign = 1 };
}

/*
 * A payload with @nr_load PT_LOAD segments, a page apart, each with the
 * same file data; ks_call_page_addr is in the first.
 */
static void make_payload(struct image *im, unsigned int nr_load)
{
	unsigned int i;

	memset(im, 0, sizeof(*im));
	im->eh = (Elf64_Ehdr *)im->buf;
	im->ph = (Elf64_Phdr *)(im->buf + sizeof(Elf64_Ehdr));
	memcpy(im->eh->e_ident, ELFMAG, SELFMAG);
	im->eh->e_ident[EI_CLASS] = ELFCLASS64;
	im->eh->e_ident[EI_DATA] = ELFDATA2LSB;
	im->eh->e_ident[EI_VERSION] = EV_CURRENT;
	im->eh->e_type = ET_EXEC;
	im->eh->e_machine = EM_X86_64;
	im->eh->e_version = EV_CURRENT;
	im->eh->e_entry = BASE;
	im->eh->e_phoff = sizeof(Elf64_Ehdr);
	im->eh->e_shoff = SHDR_OFF;
	im->eh->e_ehsize = sizeof(Elf64_Ehdr);
	im->eh->e_phentsize = sizeof(Elf64_Phdr);
	im->eh->e_phnum = nr_load;
	im->eh->e_shentsize = sizeof(Elf64_Shdr);
	im->eh->e_shnum = 3;
	for (i = 0; i < nr_load; i++)
		im->ph[i] = (Elf64_Phdr){ .p_type = PT_LOAD,
					  .p_flags = PF_R | PF_W | PF_X,
					  .p_offset = DATA_OFF,
					  .p_vaddr = BASE + i * 4096ULL,
					  .p_paddr = BASE + i * 4096ULL,
					  .p_filesz = DATA_SIZE,
					  .p_memsz = DATA_SIZE,
					  .p_align = 4096 };
	make_sections(im);
}

/* What a child saw: the parser's return and what it filled in. */
struct outcome {
	int ret;
	struct ks_payload p;
};

#define CRASHED 1000

/*
 * Parse @size bytes of @im in a child, which then writes the call page's
 * address where the parser said, as kswitch call would. CRASHED if the
 * child did not finish (a signal, or a sanitizer's report).
 */
static int parse(struct image *im, size_t size, struct ks_payload *p)
{
	struct outcome *out;
	int status, ret = CRASHED;
	char *copy;
	pid_t pid;

	out = mmap(NULL, sizeof(*out), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (out == MAP_FAILED)
		return CRASHED;
	fflush(stdout);
	pid = fork();
	if (!pid) {
		/* Exactly @size bytes, so a sanitizer sees any overrun. */
		copy = malloc(size);
		memcpy(copy, im->buf, size);
		out->ret = ks_payload_parse(copy, size, &out->p);
		if (!out->ret)
			ks_payload_set_call_page(&out->p, 0x1234000);
		free(copy);
		_exit(0);
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    !WEXITSTATUS(status)) {
		ret = out->ret;
		*p = out->p;
	}
	munmap(out, sizeof(*out));
	return ret;
}

/* Whether every pointer @p holds is in its file, as kexec_load() reads. */
static int within_file(const struct ks_payload *p)
{
	const char *seg;
	unsigned int i;

	if (p->addr_offset > p->size || p->size - p->addr_offset < 8)
		return 0;
	for (i = 0; i < p->nr_seg; i++) {
		seg = p->seg[i].buf;
		if (seg < p->file || seg > p->file + p->size ||
		    p->seg[i].bufsz > (size_t)(p->file + p->size - seg))
			return 0;
	}
	return 1;
}

static void test_good(void)
{
	struct ks_payload p;
	struct image im;
	int ret;

	make_payload(&im, 1);
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == 0, "a payload parses (%d)", ret);
	ok(!ret && p.nr_seg == 1 && p.entry == BASE &&
		   (uint64_t)p.seg[0].mem == BASE && p.seg[0].memsz == 4096 &&
		   p.seg[0].bufsz == DATA_SIZE &&
		   p.addr_offset == DATA_OFF + ADDR_VADDR - BASE,
	   "into one page-rounded segment, its entry, and ks_call_page_addr's offset");

	make_payload(&im, 16);
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == 0 && p.nr_seg == 16, "sixteen segments, kexec's most (%d)",
	   ret);

	make_payload(&im, 1);
	im.sym->st_value = BASE + DATA_SIZE - 8;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == 0 && p.addr_offset == DATA_OFF + DATA_SIZE - 8,
	   "ks_call_page_addr in the last 8 bytes of its segment (%d)", ret);
}

static void test_segments(void)
{
	struct ks_payload p;
	struct image im;
	int ret;

	/* Once a 16-entry stack array, written before the count was seen. */
	make_payload(&im, 17);
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "seventeen PT_LOAD segments: -ENOEXEC (%d)", ret);
	make_payload(&im, PHDR_MAX);
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "twenty: -ENOEXEC (%d)", ret);

	make_payload(&im, 1);
	im.ph[0].p_offset = -0x80ULL; /* + p_filesz wraps to 0x80 */
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC,
	   "file data whose end wraps past 2^64: -ENOEXEC (%d)", ret);
	make_payload(&im, 1);
	im.ph[0].p_offset = FILE_SIZE - DATA_SIZE + 1;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "file data a byte past the end: -ENOEXEC (%d)",
	   ret);

	make_payload(&im, 1);
	im.ph[0].p_memsz = -1ULL; /* page-rounds to 0 */
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC,
	   "a memory size that page-rounds to 0: -ENOEXEC (%d)", ret);
	make_payload(&im, 1);
	im.ph[0].p_paddr = im.ph[0].p_vaddr = -4096ULL;
	im.ph[0].p_memsz = 8192;
	im.eh->e_entry = -4096ULL;
	im.sym->st_value = -4096ULL + 0xf0;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "memory that ends past 2^64: -ENOEXEC (%d)", ret);

	make_payload(&im, 1);
	im.eh->e_entry = BASE + DATA_SIZE;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC,
	   "an entry point outside the segments' data: -ENOEXEC (%d)", ret);
}

static void test_symbol(void)
{
	struct ks_payload p;
	struct image im;
	int ret;

	/* st_value + 8 wrapped, and the offset went before the file. */
	make_payload(&im, 1);
	im.sym->st_value = -4ULL;
	im.ph[0].p_vaddr = BASE;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ESRCH && (ret || within_file(&p)),
	   "ks_call_page_addr whose end wraps past 2^64: -ESRCH (%d)", ret);
	make_payload(&im, 1);
	im.ph[0].p_vaddr = -0x80ULL; /* the segment's end wraps */
	im.sym->st_value = -0x10ULL;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC,
	   "a segment whose virtual addresses wrap past 2^64: -ENOEXEC (%d)",
	   ret);

	make_payload(&im, 1);
	im.sym->st_value = BASE + DATA_SIZE - 4;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ESRCH,
	   "ks_call_page_addr across its segment's end: -ESRCH (%d)", ret);

	/* sh_size / sh_entsize once divided by zero. */
	make_payload(&im, 1);
	im.symtab->sh_entsize = 0;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ESRCH, "a symbol table with sh_entsize 0: -ESRCH (%d)", ret);
	make_payload(&im, 1);
	im.symtab->sh_offset = -8ULL;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ESRCH, "one whose data wraps past 2^64: -ESRCH (%d)", ret);
}

static void test_not_payloads(void)
{
	struct ks_payload p;
	struct image im;
	size_t cut;
	int ret, bad = 0;

	make_payload(&im, 1);
	im.eh->e_ident[EI_DATA] = ELFDATA2MSB;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "a big-endian file: -ENOEXEC (%d)", ret);
	make_payload(&im, 1);
	im.eh->e_type = ET_DYN;
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC, "a shared object: -ENOEXEC (%d)", ret);
	make_payload(&im, 1);
	im.eh->e_phnum = 0xfff0; /* far more than the file holds */
	ret = parse(&im, FILE_SIZE, &p);
	ok(ret == -ENOEXEC || ret == -ESRCH,
	   "a program header count past the end: refused (%d)", ret);

	/* Every cut of the file is refused, and none crashes. */
	make_payload(&im, 1);
	for (cut = 0; cut < SHDR_OFF; cut += 7) {
		ret = parse(&im, cut, &p);
		if (ret != -ENOEXEC && ret != -ESRCH)
			bad++;
	}
	ok(!bad,
	   "a payload cut short anywhere before its sections is refused (%d cuts not)",
	   bad);
}

int main(void)
{
	tap_plan(20);
	test_good();
	test_segments();
	test_symbol();
	test_not_payloads();
	return tap_done();
}
