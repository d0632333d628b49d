// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of switcher/efi.c: the UEFI runtime handover a loaded kernel
 * gets, laid out as the kernel's kexec path reads it (parse_setup_data(),
 * efi_memblock_x86_reserve_range(), efi_systab_init()).
 */
#include <errno.h>
#include <string.h>

#include "../../switcher/efi.h"
#include "../lib/tap.h"

#define PAGE 0x7654000ULL

static struct ks_efi_state two_regions(void)
{
	struct ks_efi_state st = {
		.fw_vendor = 0x7f9ec018,
		.tables = 0x7f9ee098,
		.smbios = 0x7f5e2000,
		.acpi_rsdp = 0x7fb7e014,
		.nr = 2,
	};

	st.desc[0] = (struct ks_efi_desc){ 5,	       0,
					   0x7f5f0000, 0xfffffffeffa00000,
					   0x10,       0x800000000000000f };
	st.desc[1] = (struct ks_efi_desc){ 6,	       0,
					   0x7f600000, 0xfffffffeff800000,
					   0x20,       0x800000000000000f };
	return st;
}

static void test_layout(void)
{
	struct ks_efi_state st = two_regions();
	static unsigned char page[4096];
	struct boot_params bp = { 0 };
	struct setup_data *sd = (void *)page;
	struct ks_efi_setup_data *esd = (void *)sd->data;
	uint64_t map;

	bp.hdr.setup_data = 0x1234000;
	bp.efi_info.efi_systab = 0x7f9ee018;
	ok(!ks_efi_write_handover(&st, PAGE, page, sizeof(page), &bp),
	   "two runtime regions fit in a page");
	ok(bp.hdr.setup_data == PAGE && sd->next == 0x1234000,
	   "the SETUP_EFI entry heads the setup_data list, the old head next");
	ok(sd->type == SETUP_EFI && sd->len == sizeof(*esd),
	   "its type is SETUP_EFI, its length that of struct efi_setup_data");
	ok(esd->fw_vendor == st.fw_vendor && esd->tables == st.tables &&
		   esd->smbios == st.smbios,
	   "it gives the firmware vendor, configuration table and SMBIOS");
	map = bp.efi_info.efi_memmap | (uint64_t)bp.efi_info.efi_memmap_hi
					       << 32;
	ok(map > PAGE && map + 2 * 40 <= PAGE + sizeof(page) &&
		   bp.efi_info.efi_memmap_size == 2 * 40 &&
		   bp.efi_info.efi_memdesc_size == 40,
	   "efi_info points at two 40-byte descriptors in the same page");
	ok(!memcmp(page + (map - PAGE), st.desc, 2 * 40),
	   "the descriptors are the runtime regions with their virtual addresses");
	ok(bp.efi_info.efi_systab == 0x7f9ee018,
	   "the system table stays the running system's");
	ok(bp.acpi_rsdp_addr == st.acpi_rsdp,
	   "the ACPI RSDP is given when boot_params had none");
}

static void test_keeps_rsdp(void)
{
	struct ks_efi_state st = two_regions();
	static unsigned char page[4096];
	struct boot_params bp = { .acpi_rsdp_addr = 0xf5a40 };

	ks_efi_write_handover(&st, PAGE, page, sizeof(page), &bp);
	ok(bp.acpi_rsdp_addr == 0xf5a40, "an RSDP boot_params had is kept");
}

static void test_too_small(void)
{
	struct ks_efi_state st = two_regions();
	static unsigned char page[128];
	struct boot_params bp = { 0 };

	memset(page, 0xaa, sizeof(page));
	ok(ks_efi_write_handover(&st, PAGE, page, sizeof(page), &bp) == -E2BIG,
	   "a map that does not fit is -E2BIG");
	ok(page[0] == 0xaa && !bp.hdr.setup_data &&
		   !bp.efi_info.efi_memmap_size,
	   "and writes nothing");
}

static void test_booted(void)
{
	struct boot_params bp = { 0 };

	ok(!ks_efi_booted(&bp), "no system table: not booted by UEFI");
	bp.efi_info.efi_systab_hi = 1;
	ok(ks_efi_booted(&bp), "a system table above 4 GiB counts");
	ok(KS_EFI_MAX_DESC == 99, "a page holds 99 runtime regions (%zu)",
	   (size_t)KS_EFI_MAX_DESC);
}

int main(void)
{
	tap_plan(14);
	test_layout();
	test_keeps_rsdp();
	test_too_small();
	test_booted();
	return tap_done();
}
