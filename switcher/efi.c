// SPDX-License-Identifier: GPL-2.0
/*
 * The UEFI runtime handover a loaded kernel gets (efi.h): read from
 * /sys/firmware/efi, written as the kexec boot protocol wants it.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "efi.h"
#include "sysinfo.h"

#define EFI_SYSFS "/sys/firmware/efi"
#define RUNTIME_MAP EFI_SYSFS "/runtime-map"

int ks_efi_booted(const struct boot_params *bp)
{
	return bp->efi_info.efi_systab || bp->efi_info.efi_systab_hi;
}

/* A number sysfs prints in hex ("0x1f\n") or decimal. */
static int read_u64(const char *path, uint64_t *val)
{
	char line[64], *end;
	int ret;

	ret = ks_read_line(path, line, sizeof(line));
	if (ret)
		return ret;
	errno = 0;
	*val = strtoull(line, &end, 0);
	return errno || end == line || *end ? -EIO : 0;
}

/* The value of "KEY=0x..." in the systab file, or 0 if it has no KEY. */
static uint64_t systab_value(const char *systab, const char *key)
{
	size_t len = strlen(key);
	const char *p;

	for (p = systab; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, key, len) && p[len] == '=')
			return strtoull(p + len + 1, NULL, 0);
	return 0;
}

static int read_systab(struct ks_efi_state *st)
{
	void *buf;
	size_t size;
	char *text;
	int ret;

	ret = ks_read_file(EFI_SYSFS "/systab", &buf, &size);
	if (ret)
		return ret;
	text = realloc(buf, size + 1);
	if (!text) {
		free(buf);
		return -ENOMEM;
	}
	text[size] = '\0';
	st->smbios = systab_value(text, "SMBIOS");
	st->acpi_rsdp = systab_value(text, "ACPI20");
	if (!st->acpi_rsdp)
		st->acpi_rsdp = systab_value(text, "ACPI");
	free(text);
	return 0;
}

static int read_desc(unsigned int i, struct ks_efi_desc *d)
{
	static const char *const field[] = { "type", "phys_addr", "virt_addr",
					     "num_pages", "attribute" };
	uint64_t val[5];
	char path[128];
	unsigned int f;
	int ret;

	for (f = 0; f < 5; f++) {
		snprintf(path, sizeof(path), RUNTIME_MAP "/%u/%s", i, field[f]);
		ret = read_u64(path, &val[f]);
		if (ret)
			return ret;
	}
	*d = (struct ks_efi_desc){ .type = (uint32_t)val[0],
				   .phys_addr = val[1],
				   .virt_addr = val[2],
				   .num_pages = val[3],
				   .attribute = val[4] };
	return 0;
}

int ks_efi_read_state(struct ks_efi_state *st)
{
	char path[128];
	int ret;

	memset(st, 0, sizeof(*st));
	ret = read_u64(EFI_SYSFS "/fw_vendor", &st->fw_vendor);
	if (!ret)
		ret = read_u64(EFI_SYSFS "/config_table", &st->tables);
	if (!ret)
		ret = read_systab(st);
	if (ret)
		return ret;
	/* Entries are numbered from 0, in the kernel's memory map order. */
	for (;;) {
		snprintf(path, sizeof(path), RUNTIME_MAP "/%u/type", st->nr);
		ret = access(path, R_OK) ? -errno : 0;
		if (ret == -ENOENT)
			break;
		if (ret)
			return ret;
		if (st->nr == KS_EFI_MAX_DESC)
			return -E2BIG;
		ret = read_desc(st->nr, &st->desc[st->nr]);
		if (ret)
			return ret;
		st->nr++;
	}
	return st->nr ? 0 : -ENOENT;
}

int ks_efi_write_handover(const struct ks_efi_state *st, uint64_t page_addr,
			  void *page, size_t size, struct boot_params *bp)
{
	struct setup_data *sd = page;
	struct ks_efi_setup_data *esd = (void *)sd->data;
	struct ks_efi_desc *map = (void *)(esd + 1);
	uint64_t map_addr = page_addr + ((char *)map - (char *)page);
	size_t map_size = st->nr * sizeof(*map);

	if ((char *)(map + st->nr) - (char *)page > (ptrdiff_t)size)
		return -E2BIG;
	memset(page, 0, size);
	memcpy(map, st->desc, map_size);
	*esd = (struct ks_efi_setup_data){ .fw_vendor = st->fw_vendor,
					   .tables = st->tables,
					   .smbios = st->smbios };
	sd->type = SETUP_EFI;
	sd->len = sizeof(*esd);
	sd->next = bp->hdr.setup_data;
	bp->hdr.setup_data = page_addr;

	bp->efi_info.efi_memdesc_size = sizeof(*map);
	bp->efi_info.efi_memmap = (uint32_t)map_addr;
	bp->efi_info.efi_memmap_hi = (uint32_t)(map_addr >> 32);
	bp->efi_info.efi_memmap_size = (uint32_t)map_size;
	if (!bp->acpi_rsdp_addr)
		bp->acpi_rsdp_addr = st->acpi_rsdp;
	return 0;
}
