/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a loaded kernel needs from this one to use UEFI runtime services.
 *
 * Firmware lets SetVirtualAddressMap() run once per boot, and this system's
 * kernel ran it: a loaded kernel must map the runtime regions at the same
 * virtual addresses and must not call it again. The x86 boot protocol's
 * kexec handover says so: boot_params.efi_info points at a memory map of
 * the runtime regions only (with their virtual addresses, from
 * /sys/firmware/efi/runtime-map), and a SETUP_EFI setup_data entry gives
 * the firmware vendor, configuration table and SMBIOS addresses this kernel
 * found, as kexec_file_load() and kexec-tools pass them.
 */
#ifndef KSWITCH_EFI_H
#define KSWITCH_EFI_H

#include <stddef.h>
#include <stdint.h>

#include <asm/bootparam.h>

/* The kernel's efi_memory_desc_t. */
struct ks_efi_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t phys_addr;
	uint64_t virt_addr;
	uint64_t num_pages;
	uint64_t attribute;
};

/* arch/x86/include/asm/setup_data.h, which is not UAPI. */
struct ks_efi_setup_data {
	uint64_t fw_vendor;
	uint64_t unused;
	uint64_t tables;
	uint64_t smbios;
	uint64_t reserved[8];
};

/* What fits in one page after the setup_data header and the addresses. */
#define KS_EFI_MAX_DESC                       \
	((4096 - sizeof(struct setup_data) -  \
	  sizeof(struct ks_efi_setup_data)) / \
	 sizeof(struct ks_efi_desc))

struct ks_efi_state {
	uint64_t fw_vendor;
	uint64_t tables;
	uint64_t smbios; /* 0 if the firmware has no SMBIOS 2 table */
	uint64_t acpi_rsdp; /* ACPI 2.0 RSDP, else 1.0, else 0 */
	unsigned int nr;
	struct ks_efi_desc desc[KS_EFI_MAX_DESC];
};

/*
 * 1 if this system was booted by UEFI (its boot_params name an EFI system
 * table), else 0.
 */
int ks_efi_booted(const struct boot_params *bp);

/*
 * Read this system's EFI state from /sys/firmware/efi. Returns 0,
 * -ENOENT (no runtime map: EFI runtime services are off, or the kernel has
 * no CONFIG_EFI_RUNTIME_MAP), -E2BIG (more runtime regions than fit in
 * the handover page), -EIO (a file does not say what it should) or
 * another -errno.
 */
int ks_efi_read_state(struct ks_efi_state *st);

/*
 * Write the handover of @st into @page, which the loaded kernel finds at
 * physical address @page_addr, and point @bp's efi_info and setup_data at
 * it. @bp holds this system's efi_info (system table, loader signature).
 * Returns 0 or -E2BIG (@size too small).
 */
int ks_efi_write_handover(const struct ks_efi_state *st, uint64_t page_addr,
			  void *page, size_t size, struct boot_params *bp);

#endif /* KSWITCH_EFI_H */
