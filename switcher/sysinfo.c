// SPDX-License-Identifier: GPL-2.0
/*
 * Facts about the running system. Every function returns 0 (or, for a
 * yes-or-no question, 1 for yes) or -errno and prints nothing: the
 * commands decide what to tell the user.
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "slots.h"
#include "snapshot.h"
#include "sysinfo.h"

/* The guest builder writes the system's name here; see tools/mkguest.sh. */
#define SYSTEM_NAME_FILE "/etc/kswitch-system"

int ks_read_line(const char *path, char *buf, size_t size)
{
	FILE *f;
	int fd, ret = 0;

	/* Only the line is read, so any size will do; no FIFO, though. */
	fd = ks_open_regular(path, KS_MEM_MAX);
	if (fd < 0)
		return fd;
	f = fdopen(fd, "r");
	if (!f) {
		ret = -errno;
		close(fd);
		return ret;
	}
	if (!fgets(buf, (int)size, f))
		ret = ferror(f) ? -EIO : -ENODATA;
	fclose(f);
	if (!ret)
		buf[strcspn(buf, "\n")] = '\0';
	return ret;
}

/* 1 if this process may load and enter kernels (CAP_SYS_BOOT), else 0. */
int ks_has_cap_sys_boot(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		return 0;
	return !!(data[CAP_SYS_BOOT / 32].effective &
		  (1u << (CAP_SYS_BOOT % 32)));
}

/*
 * 1 if the kernel is locked down, with the mode ("integrity" or
 * "confidentiality") in @mode; 0 if not, or if it has no lockdown at all.
 */
int ks_lockdown(char *mode, size_t size)
{
	char line[80], *start, *end;

	/* "none [integrity] confidentiality": the mode in force is bracketed */
	if (ks_read_line("/sys/kernel/security/lockdown", line, sizeof(line)))
		return 0;
	start = strchr(line, '[');
	end = start ? strchr(start, ']') : NULL;
	if (!end)
		return 0;
	*end = '\0';
	snprintf(mode, size, "%s", start + 1);
	return strcmp(mode, "none") != 0;
}

/* 1 if this kernel has a kexec image loaded, 0 if not, or -errno. */
int ks_kexec_loaded(void)
{
	char buf[8];
	int ret;

	ret = ks_read_line("/sys/kernel/kexec_loaded", buf, sizeof(buf));
	return ret ? ret : !strcmp(buf, "1");
}

int ks_system_name(char *buf, size_t size)
{
	struct utsname uts;

	if (!ks_read_line(SYSTEM_NAME_FILE, buf, size))
		return 0;
	if (uname(&uts))
		return -errno;
	snprintf(buf, size, "%s", uts.nodename);
	return 0;
}

int ks_read_file(const char *path, void **buf, size_t *size)
{
	char *data;
	int ret;

	/* A FIFO blocked for ever, /dev/zero grew until memory ran out. */
	ret = ks_read_regular(path, KS_FILE_MAX, &data, size);
	if (!ret)
		*buf = data;
	return ret;
}

int ks_mem_available(uint64_t *bytes)
{
	unsigned long long kib;
	char line[256];
	FILE *f;
	int ret = -ENODATA;

	f = fopen("/proc/meminfo", "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %llu kB", &kib) == 1) {
			/* More than any machine has is no answer. */
			ret = kib > KS_MEM_MAX >> 10 ? -EIO : 0;
			*bytes = kib << 10;
			break;
		}
	fclose(f);
	return ret;
}

/*
 * The ranges /proc/iomem names as this kernel's image (and a crash kernel
 * reservation): memory a loaded system's region must stay clear of, so
 * that nothing of the running kernel is moved away during a jump.
 */
int ks_kernel_image_ranges(struct ks_range *out, unsigned int max)
{
	unsigned long long start, end;
	unsigned int nr = 0;
	char line[256], *name;
	FILE *f;

	f = fopen("/proc/iomem", "re");
	if (!f)
		return -errno;
	while (nr < max && fgets(line, sizeof(line), f)) {
		name = strstr(line, " : ");
		if (!name || sscanf(line, " %llx-%llx", &start, &end) != 2)
			continue;
		name += 3;
		if (strncmp(name, "Kernel ", 7) &&
		    strncmp(name, "Crash kernel", 12))
			continue;
		/* Its exclusive end would wrap: refuse rather than guess. */
		if (end >= KS_MEM_MAX || start > end) {
			fclose(f);
			return -EIO;
		}
		out[nr].start = start;
		out[nr].end = end + 1;
		nr++;
	}
	fclose(f);
	/* Without root, /proc/iomem shows zeros: refuse rather than guess. */
	if (nr && !out[0].end)
		return -EPERM;
	return nr;
}

static int cmp_e820(const void *a, const void *b)
{
	const struct boot_e820_entry *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* This system's boot_params, and its memory map sorted by address. */
int ks_own_boot_params(struct boot_params *bp, struct ks_memmap *map)
{
	unsigned int i;
	void *data;
	size_t size;
	int ret;

	ret = ks_read_file("/sys/kernel/boot_params/data", &data, &size);
	if (ret)
		return ret;
	if (size != sizeof(*bp)) {
		free(data);
		return -EIO;
	}
	memcpy(bp, data, sizeof(*bp));
	free(data);
	if (bp->e820_entries > E820_MAX_ENTRIES_ZEROPAGE)
		return -EIO;
	map->nr = bp->e820_entries;
	memcpy(map->entry, bp->e820_table, sizeof(map->entry));
	/* Every end computed from the map (e820.c) must be a real one. */
	for (i = 0; i < map->nr; i++)
		if (map->entry[i].size > UINT64_MAX - map->entry[i].addr)
			return -EIO;
	qsort(map->entry, map->nr, sizeof(map->entry[0]), cmp_e820);
	return 0;
}

/*
 * The running kernel's build ID, from its ELF notes in /sys/kernel/notes
 * (NT_GNU_BUILD_ID, "GNU"); -ENOENT if it has none of @size bytes.
 */
int ks_kernel_build_id(unsigned char *id, size_t size)
{
	const Elf64_Nhdr *nh;
	unsigned char *notes;
	size_t off, len, n;
	void *data;
	int ret;

	ret = ks_read_file("/sys/kernel/notes", &data, &len);
	if (ret)
		return ret;
	notes = data;
	ret = -ENOENT;
	for (off = 0; (n = ks_elf_note_len(notes + off, len - off)); off += n) {
		nh = (const Elf64_Nhdr *)(notes + off);
		/* The name, "GNU\0", takes 4 bytes; the ID follows. */
		if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
		    !memcmp(nh + 1, "GNU", 4) && nh->n_descsz == size) {
			memcpy(id, (const unsigned char *)(nh + 1) + 4, size);
			ret = 0;
			break;
		}
	}
	free(data);
	return ret;
}
