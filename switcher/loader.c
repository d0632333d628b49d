// SPDX-License-Identifier: GPL-2.0
/*
 * Loading another system to jump to.
 *
 * The loaded system (the peer) gets RAM only where it is given a segment,
 * so that every page it may touch is backed up by the kernel at each jump
 * and this system's memory is whole again when it resumes:
 *
 *   low window  [LOW_BASE, LOW_BASE + LOW_SIZE), zeroed: its RAM below
 *               1 MiB, where its real-mode trampoline (used to start its
 *               secondary CPUs) goes; it must not share ours;
 *   main region [base, base + mem_size), 2 MiB aligned, clear of our
 *               kernel image: the kernel (with room to decompress), a
 *               setup page run (boot_params, command line, entry stub,
 *               UEFI runtime handover),
 *               the initrd, and zeroed memory up to the end.
 *
 * Its e820 map lists exactly those two ranges as RAM (e820_for_peer()).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bzimage.h"
#include "e820.h"
#include "efi.h"
#include "jump_entry.h"
#include "kexec_syscall.h"
#include "sysinfo.h"
#include "loader.h"
#include "profile.h"

#define PAGE_SIZE 4096ULL
#define LOW_BASE 0x10000ULL
#define LOW_SIZE 0x10000ULL
/* Keep clear of the ISA DMA zone and of 32-bit-only initrd limits. */
#define REGION_FLOOR (16ULL << 20)
#define REGION_LIMIT (4ULL << 30)
#define REGION_ALIGN (2ULL << 20)

/* Room a system needs beyond its kernel and initrd to run at all. */
#define MIN_FREE (16ULL << 20)

#define JUMP_BACK_ARG "kexec_jump_back_entry="
#define JUMP_BACK_PLACEHOLDER JUMP_BACK_ARG "0x0000000000000000"

/*
 * The setup pages: boot_params, the command line, the entry stub, and the
 * UEFI runtime handover (efi.h) that boot_params points into.
 */
enum {
	SETUP_BOOT_PARAMS,
	SETUP_CMDLINE,
	SETUP_ENTRY,
	SETUP_EFI_HANDOVER,
	SETUP_PAGES
};

/*
 * The files a load reads, and the descriptors it read them through: a file
 * load hands the kernel those descriptors, so that the kernel reads the
 * files checked here (the header's slot support, the sizes the slot was
 * planned for) and not whatever their paths name by then.
 */
struct peer_image {
	int kernel_fd;
	int initrd_fd;
	void *kernel_file;
	size_t kernel_file_size;
	void *initrd;
	size_t initrd_size;
	struct bzimage bz;
	unsigned char setup[SETUP_PAGES * PAGE_SIZE];
};

static uint64_t page_align(uint64_t x)
{
	return (x + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static void put_u64(unsigned char *stub, const char *field, uint64_t value)
{
	memcpy(stub + (field - ks_entry_start), &value, sizeof(value));
}

static int read_image_file(const char *path, int *fd, void **buf, size_t *size)
{
	char *data;
	int ret;

	*fd = ks_open_regular(path, KS_FILE_MAX);
	if (*fd < 0)
		return *fd;
	ret = ks_read_fd(*fd, KS_FILE_MAX, &data, size);
	if (!ret)
		*buf = data;
	return ret;
}

static int read_images(const struct ks_profile *p, struct peer_image *img)
{
	int ret;

	ret = read_image_file(p->kernel, &img->kernel_fd, &img->kernel_file,
			      &img->kernel_file_size);
	if (ret)
		return ret;
	ret = bzimage_parse(img->kernel_file, img->kernel_file_size, &img->bz);
	/* A profile's "" is no initrd. */
	if (ret || !*p->initrd)
		return ret;
	return read_image_file(p->initrd, &img->initrd_fd, &img->initrd,
			       &img->initrd_size);
}

int ks_plan_image_size(uint64_t kernel_mem, uint64_t initrd_size,
		       uint64_t *size)
{
	/* Then neither page_align() nor the sum can wrap. */
	if (kernel_mem > KS_MEM_MAX || initrd_size > KS_MEM_MAX)
		return -EOVERFLOW;
	*size = page_align(kernel_mem) + SETUP_PAGES * PAGE_SIZE +
		page_align(initrd_size);
	return 0;
}

/*
 * A map whose entries wrap past 2^64, or an inverted range to avoid, is
 * no map to plan in: every end computed from them must be a real one.
 */
static int check_plan_input(const struct ks_plan_input *in)
{
	unsigned int i;

	for (i = 0; i < in->own->nr; i++)
		if (in->own->entry[i].size >
		    UINT64_MAX - in->own->entry[i].addr)
			return -EIO;
	for (i = 0; i < in->nr_avoid; i++)
		if (in->avoid[i].start > in->avoid[i].end)
			return -EIO;
	return 0;
}

/* Bytes the kernel, the setup pages and the initrd take in the main range. */
static int image_size(const struct peer_image *img, uint64_t *size)
{
	return ks_plan_image_size(img->bz.mem_size, img->initrd_size, size);
}

int ks_plan_memory(const struct ks_plan_input *in, uint64_t mem_size,
		   uint64_t image, struct ks_load_plan *plan)
{
	uint64_t base, need;
	int ret;

	ret = check_plan_input(in);
	if (ret)
		return ret;
	if (__builtin_add_overflow(image, MIN_FREE, &need) || mem_size < need)
		return -EOVERFLOW;
	/*
	 * The kernel backs up every page of the peer with one of ours. More
	 * than a machine has is refused first: the sums below cannot wrap.
	 */
	if (mem_size > KS_MEM_MAX || in->available < mem_size + LOW_SIZE)
		return -ENOMEM;
	ret = e820_pick_region(in->own, in->avoid, in->nr_avoid, mem_size,
			       REGION_ALIGN, REGION_FLOOR, REGION_LIMIT, &base);
	if (ret)
		return ret;
	plan->ram[0] = (struct ks_range){ LOW_BASE, LOW_BASE + LOW_SIZE };
	plan->ram[1] = (struct ks_range){ base, base + mem_size };
	plan->nr_ram = 2;
	plan->main = 1;
	return 0;
}

/* Find out what the planner needs to know, and plan. */
static int plan_memory(const struct ks_memmap *own, const struct ks_profile *p,
		       const struct peer_image *img, struct ks_load_plan *plan)
{
	struct ks_plan_input in = { .own = own };
	struct ks_range avoid[16];
	uint64_t image;
	int nr_avoid, ret;

	ret = image_size(img, &image);
	if (!ret)
		ret = ks_mem_available(&in.available);
	if (ret)
		return ret;
	nr_avoid = ks_kernel_image_ranges(avoid, 16);
	if (nr_avoid < 0)
		return nr_avoid;
	in.avoid = avoid;
	in.nr_avoid = (unsigned int)nr_avoid;
	return ks_plan_memory(&in, p->mem_size, image, plan);
}

/*
 * The running system's console settings (console=, loglevel=, quiet), so
 * that a system loaded without a console of its own talks where this one
 * does, as much as this one does.
 */
static void inherited_consoles(char *out, size_t size)
{
	char cmdline[4096], *tok, *save;
	size_t len = 0;

	*out = '\0';
	if (ks_read_line("/proc/cmdline", cmdline, sizeof(cmdline)))
		return;
	for (tok = strtok_r(cmdline, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		if ((!strncmp(tok, "console=", 8) ||
		     !strncmp(tok, "loglevel=", 9) || !strcmp(tok, "quiet")) &&
		    len < size)
			len += snprintf(out + len, size - len, "%s ", tok);
}

/*
 * The command line: inherited consoles, the profile's, @extra, and, for
 * the entry stub to fill in (write_entry_stub()), the jump-back
 * placeholder if @jump_back.
 */
static int write_cmdline(const struct ks_profile *p, const char *extra,
			 const struct setup_header *hdr, bool jump_back,
			 char *cmdline)
{
	const char *append = p->cmdline;
	size_t max = hdr->cmdline_size < PAGE_SIZE ? hdr->cmdline_size
						   : PAGE_SIZE - 1;
	char consoles[256] = "";
	int len;

	if (!strstr(append, "console="))
		inherited_consoles(consoles, sizeof(consoles));
	len = snprintf(cmdline, PAGE_SIZE, "%s%s%s%s%s", consoles, append,
		       *append ? " " : "", extra,
		       jump_back ? JUMP_BACK_PLACEHOLDER : "");
	return (size_t)len > max ? -E2BIG : 0;
}

/*
 * Under UEFI, the runtime handover (efi.h) in its setup page. Without a
 * runtime map to hand over, the peer gets no EFI at all: it must neither
 * call SetVirtualAddressMap() a second time nor read the memory map we
 * were booted with, which firmware and our kernel have reused since. A
 * profile can ask for no EFI (--noefi, as kexec-tools has it): the same.
 */
static int write_efi(const struct ks_profile *p, uint64_t setup_addr,
		     struct boot_params *bp)
{
	unsigned char *page =
		(unsigned char *)bp + SETUP_EFI_HANDOVER * PAGE_SIZE;
	struct ks_efi_state st;
	int ret;

	if (!ks_efi_booted(bp))
		return 0;
	ret = ks_efi_read_state(&st);
	if (ret == -ENOENT || p->no_efi) {
		memset(&bp->efi_info, 0, sizeof(bp->efi_info));
		/* Without EFI, ACPI is found only where it is named. */
		if (!ret && !bp->acpi_rsdp_addr)
			bp->acpi_rsdp_addr = st.acpi_rsdp;
		return 0;
	}
	if (ret)
		return ret;
	return ks_efi_write_handover(
		&st, setup_addr + SETUP_EFI_HANDOVER * PAGE_SIZE, page,
		PAGE_SIZE, bp);
}

/*
 * The peer's boot_params, in the first of the setup pages: ours for what
 * describes the machine (ACPI, EDD, video, UEFI), with its own setup
 * header, command line, initrd and memory map.
 */
static int
write_boot_params(const struct ks_profile *p, const struct boot_params *own_bp,
		  const struct ks_memmap *own, const struct peer_image *img,
		  const struct ks_load_plan *plan, uint64_t setup_addr,
		  uint64_t initrd_addr, struct boot_params *bp)
{
	uint64_t cmdline = setup_addr + SETUP_CMDLINE * PAGE_SIZE;
	struct ks_memmap peer;
	int ret;

	ret = e820_for_peer(own, plan->ram, plan->nr_ram, &peer);
	if (ret)
		return ret;
	memcpy(bp, own_bp, sizeof(*bp));
	memset(&bp->hdr, 0, sizeof(bp->hdr));
	memcpy(&bp->hdr, img->bz.hdr, img->bz.hdr_size);
	bp->sentinel = 0;
	bp->hdr.type_of_loader = 0xff;
	bp->hdr.code32_start = plan->ram[plan->main].start;
	bp->hdr.cmd_line_ptr = (uint32_t)cmdline;
	bp->ext_cmd_line_ptr = (uint32_t)(cmdline >> 32);
	bp->hdr.ramdisk_image = (uint32_t)initrd_addr;
	bp->ext_ramdisk_image = (uint32_t)(initrd_addr >> 32);
	bp->hdr.ramdisk_size = (uint32_t)img->initrd_size;
	bp->ext_ramdisk_size = (uint32_t)((uint64_t)img->initrd_size >> 32);
	bp->e820_entries = peer.nr;
	memcpy(bp->e820_table, peer.entry, sizeof(peer.entry));
	return write_efi(p, setup_addr, bp);
}

static void write_entry_stub(const struct ks_load_plan *plan,
			     uint64_t setup_addr, unsigned char *setup)
{
	const char *cmdline = (const char *)setup + SETUP_CMDLINE * PAGE_SIZE;
	unsigned char *stub = setup + SETUP_ENTRY * PAGE_SIZE;
	/* The 16 zeros that end the command line's placeholder. */
	uint64_t hex =
		setup_addr + SETUP_CMDLINE * PAGE_SIZE + strlen(cmdline) - 16;

	memcpy(stub, ks_entry_start, ks_entry_end - ks_entry_start);
	put_u64(stub, ks_entry_boot_params,
		setup_addr + SETUP_BOOT_PARAMS * PAGE_SIZE);
	put_u64(stub, ks_entry_kernel,
		plan->ram[plan->main].start + BZIMAGE_ENTRY64_OFFSET);
	put_u64(stub, ks_entry_hex, hex);
}

static void add_segment(struct kexec_segment *seg, unsigned int *nr,
			const void *buf, size_t bufsz, uint64_t mem,
			uint64_t memsz)
{
	if (!memsz)
		return;
	seg[*nr].buf = buf;
	seg[*nr].bufsz = bufsz;
	seg[*nr].mem = (const void *)mem;
	seg[*nr].memsz = memsz;
	(*nr)++;
}

/*
 * The segments, in address order; zeroed memory has no buffer. With
 * @whole, the segments cover all of the system's RAM, so that the kernel
 * backs all of it up at each jump; without, only what has content (a slot's
 * memory is its own and was zeroed when it was set aside).
 */
static unsigned int build_segments(const struct peer_image *img,
				   const struct ks_load_plan *plan,
				   uint64_t setup_addr, uint64_t initrd_addr,
				   int whole, struct kexec_segment *seg)
{
	const struct ks_range *main = &plan->ram[plan->main];
	uint64_t fill = page_align(initrd_addr + img->initrd_size);
	unsigned int nr = 0;

	if (whole)
		add_segment(seg, &nr, NULL, 0, plan->ram[0].start,
			    plan->ram[0].end - plan->ram[0].start);
	add_segment(seg, &nr, img->bz.kernel, img->bz.kernel_size, main->start,
		    setup_addr - main->start);
	add_segment(seg, &nr, img->setup, sizeof(img->setup), setup_addr,
		    sizeof(img->setup));
	add_segment(seg, &nr, img->initrd, img->initrd_size, initrd_addr,
		    fill - initrd_addr);
	if (whole)
		add_segment(seg, &nr, NULL, 0, fill, main->end - fill);
	return nr;
}

/*
 * Write the setup pages for @plan: command line (with @extra arguments),
 * boot_params and entry stub; set plan->entry.
 */
static int write_setup(const struct ks_profile *p, const char *extra,
		       const struct boot_params *own_bp,
		       const struct ks_memmap *own, struct peer_image *img,
		       struct ks_load_plan *plan, uint64_t *setup_addr,
		       uint64_t *initrd_addr)
{
	unsigned char *setup = img->setup;
	int ret;

	*setup_addr =
		plan->ram[plan->main].start + page_align(img->bz.mem_size);
	*initrd_addr = *setup_addr + SETUP_PAGES * PAGE_SIZE;
	ret = write_cmdline(p, extra, img->bz.hdr, true,
			    (char *)setup + SETUP_CMDLINE * PAGE_SIZE);
	if (ret)
		return ret;
	ret = write_boot_params(p, own_bp, own, img, plan, *setup_addr,
				*initrd_addr, (struct boot_params *)setup);
	if (ret)
		return ret;
	write_entry_stub(plan, *setup_addr, setup);
	plan->entry = *setup_addr + SETUP_ENTRY * PAGE_SIZE;
	return 0;
}

static int load_image(const struct ks_profile *p, struct peer_image *img,
		      struct ks_load_plan *plan)
{
	struct kexec_segment seg[5];
	struct boot_params own_bp;
	struct ks_memmap own;
	uint64_t setup_addr, initrd_addr;
	unsigned int nr;
	int ret;

	ret = ks_own_boot_params(&own_bp, &own);
	if (!ret)
		ret = plan_memory(&own, p, img, plan);
	if (!ret)
		ret = write_setup(p, "", &own_bp, &own, img, plan, &setup_addr,
				  &initrd_addr);
	if (ret)
		return ret;
	nr = build_segments(img, plan, setup_addr, initrd_addr, 1, seg);
	return ksys_kexec_load(plan->entry, nr, seg,
			       KEXEC_PRESERVE_CONTEXT | KEXEC_ARCH_X86_64);
}

static struct peer_image *peer_image_read(const struct ks_profile *p, int *err)
{
	struct peer_image *img;

	img = calloc(1, sizeof(*img));
	if (!img) {
		*err = -ENOMEM;
		return NULL;
	}
	img->kernel_fd = -1;
	img->initrd_fd = -1;
	*err = read_images(p, img);
	return img;
}

static void peer_image_free(struct peer_image *img)
{
	if (img->kernel_fd >= 0)
		close(img->kernel_fd);
	if (img->initrd_fd >= 0)
		close(img->initrd_fd);
	free(img->kernel_file);
	free(img->initrd);
	free(img);
}

int ks_loader_min_mem(const struct ks_profile *p, uint64_t *bytes)
{
	struct peer_image *img;
	uint64_t image;
	int ret;

	img = peer_image_read(p, &ret);
	if (!img)
		return ret;
	if (!ret)
		ret = image_size(img, &image);
	/* image is at most 2 * KS_MEM_MAX and a few pages: no wrap. */
	if (!ret)
		*bytes = (image + MIN_FREE + (1ULL << 20) - 1) &
			 ~((1ULL << 20) - 1);
	peer_image_free(img);
	return ret;
}

int ks_loader_load_peer(const struct ks_profile *p, struct ks_load_plan *plan)
{
	struct peer_image *img;
	int ret;

	img = peer_image_read(p, &ret);
	if (!ret)
		ret = load_image(p, img, plan);
	if (img)
		peer_image_free(img);
	return ret;
}

int ks_plan_from_reserve(const struct kexec_slot_reserve *res, uint64_t image,
			 struct ks_load_plan *plan)
{
	uint64_t need;
	unsigned int i;

	if (res->nr_ranges < 2 || res->nr_ranges > KS_MAX_RANGES)
		return -EIO;
	/* The kernel's ranges are real memory: none ends past 2^64. */
	for (i = 0; i < res->nr_ranges; i++)
		if (res->ranges[i].size > UINT64_MAX - res->ranges[i].start)
			return -EIO;
	plan->nr_ram = res->nr_ranges;
	plan->main = 1;
	for (i = 0; i < res->nr_ranges; i++) {
		plan->ram[i].start = res->ranges[i].start;
		plan->ram[i].end = res->ranges[i].start + res->ranges[i].size;
		if (i && res->ranges[i].size > res->ranges[plan->main].size)
			plan->main = i;
	}
	if (__builtin_add_overflow(image, MIN_FREE / 2, &need) ||
	    res->ranges[plan->main].size < need)
		return -EOVERFLOW;
	return 0;
}

/*
 * A slot kernel that locks up, with interrupts off or spinning in the
 * kernel, cannot be switched away from: not even the hotkey runs there.
 * Its lockup detectors make it panic instead, and a slot kernel's panic
 * hands the machine back to the system that entered it. A profile that
 * names one of these parameters keeps its own. Not hung_task_panic: a
 * task blocked for two minutes on a slow disk is no wedged system, and a
 * panic would end the slot's work (docs/slots-design.md).
 */
static const struct {
	const char *name; /* with its '=' */
	const char *value;
} lockup_panics[] = {
	{ "softlockup_panic=", "1" },
	{ "nmi_watchdog=", "panic" },
};

static void lockup_policy(const char *append, char *out, size_t size)
{
	size_t i, len = 0;

	*out = '\0';
	for (i = 0; i < sizeof(lockup_panics) / sizeof(lockup_panics[0]); i++)
		if ((!append || !strstr(append, lockup_panics[i].name)) &&
		    len < size)
			len += snprintf(out + len, size - len, "%s%s ",
					lockup_panics[i].name,
					lockup_panics[i].value);
}

/*
 * The hotkey is the administrator's to turn on (kexec_slots.hotkey=), and
 * it must leave every system or none: a slot kernel gets the chord this
 * one has now, unless its profile names the parameter.
 */
#define HOTKEY_PARAM "kexec_slots.hotkey="

static void hotkey_policy(const char *append, char *out, size_t size)
{
	char chord[32];

	*out = '\0';
	if ((append && strstr(append, HOTKEY_PARAM)) ||
	    ks_read_line("/sys/module/kexec_slots/parameters/hotkey", chord,
			 sizeof(chord)) ||
	    strspn(chord, "abcdefghijklmnopqrstuvwxyz+") != strlen(chord))
		return;
	snprintf(out, size, "%s%s ", HOTKEY_PARAM, chord);
}

/*
 * The load lockdown allows: the kernel reads the files, checks the
 * kernel's signature and lays the slot out itself, as kexec_file_load()
 * does, and its purgatory enters the kernel; only the command line is
 * ours. It has no jump-back placeholder, since no stub of ours fills one
 * in, and a slot kernel goes back through the slot directory.
 */
static int load_slot_file(unsigned int slot, const struct ks_profile *p,
			  const struct peer_image *img, const char *extra)
{
	char cmdline[PAGE_SIZE];
	int ret;

	ret = write_cmdline(p, extra, img->bz.hdr, false, cmdline);
	if (ret)
		return ret;
	/* The kernel reads each file from its start, whatever our offset. */
	return ksys_slot_load_file(slot, img->kernel_fd, img->initrd_fd,
				   cmdline);
}

/* The load of segments we lay out, with our own entry stub. */
static int load_slot_segments(unsigned int slot, const struct ks_profile *p,
			      struct peer_image *img,
			      const struct kexec_slot_reserve *res,
			      const char *extra, struct ks_load_plan *plan)
{
	struct kexec_segment seg[5];
	struct boot_params own_bp;
	struct ks_memmap own;
	uint64_t setup_addr, initrd_addr;
	unsigned int nr;
	int ret;

	ret = ks_own_boot_params(&own_bp, &own);
	if (!ret)
		ret = write_setup(p, extra, &own_bp, &own, img, plan,
				  &setup_addr, &initrd_addr);
	if (ret)
		return ret;
	/* A swap slot's memory is all backed up: it must all be segments. */
	nr = build_segments(img, plan, setup_addr, initrd_addr,
			    res->kind == KEXEC_SLOT_SWAP, seg);
	return ksys_slot_load(slot, seg, nr, plan->entry);
}

/*
 * A kernel that cannot load from files: one without the ioctl (ENOTTY)
 * or without CONFIG_KEXEC_FILE (EOPNOTSUPP). Whatever else it says is
 * about the files, and is the answer.
 */
static bool no_file_load(int err)
{
	return err == -ENOTTY || err == -EOPNOTSUPP;
}

static int load_slot(unsigned int slot, const struct ks_profile *p,
		     struct peer_image *img, struct kexec_slot_reserve *res,
		     struct ks_load_plan *plan)
{
	char extra[224], lockup[64], hotkey[64];
	uint64_t image;
	int ret;

	ret = image_size(img, &image);
	if (!ret)
		ret = ks_plan_from_reserve(res, image, plan);
	if (ret)
		return ret;
	lockup_policy(p->cmdline, lockup, sizeof(lockup));
	hotkey_policy(p->cmdline, hotkey, sizeof(hotkey));
	snprintf(extra, sizeof(extra),
		 "%s%skexec_slots.dir=0x%llx kexec_slots.self=%u ", lockup,
		 hotkey, (unsigned long long)res->dir_addr, slot);
	/*
	 * The file load is preferred wherever the kernel has it. It hands
	 * the kernel EFI as kexec_file_load() does, so a profile without
	 * EFI takes the load of segments, which only we can strip of it.
	 */
	if (!p->no_efi) {
		ret = load_slot_file(slot, p, img, extra);
		if (!no_file_load(ret))
			return ret;
	}
	return load_slot_segments(slot, p, img, res, extra, plan);
}

int ks_loader_load_slot(unsigned int slot, const struct ks_profile *p,
			struct ks_load_plan *plan)
{
	struct kexec_slot_reserve res = {
		.slot = slot,
		.kind = p->kind,
		.mem_size = p->mem_size,
		.hotkey = ks_profile_hotkey(p, slot),
	};
	struct peer_image *img;
	int ret;

	/* The last check before the kernel: no size that could have wrapped. */
	if (p->mem_size > KS_MEM_MAX)
		return -ENOMEM;
	snprintf(res.name, sizeof(res.name), "%s", p->name);
	img = peer_image_read(p, &ret);
	/*
	 * Only the slot support in the loaded kernel ever switches away
	 * from it: a kernel without it keeps the machine, and slot 0 and
	 * every other slot are lost. Such a kernel says so in its header.
	 */
	if (!ret && !(img->bz.hdr->xloadflags & XLF_KEXEC_SLOTS))
		ret = -EPROTONOSUPPORT;
	if (!ret)
		ret = ksys_slot_reserve(&res);
	if (!ret) {
		ret = load_slot(slot, p, img, &res, plan);
		if (ret)
			ksys_slot_unload(slot);
	}
	if (img)
		peer_image_free(img);
	return ret;
}

int ks_loader_load_jump_back(uint64_t entry)
{
	/*
	 * No memory of its own: one zero-sized segment, because no segment
	 * at all would mean "unload".
	 */
	struct kexec_segment seg = { 0 };

	return ksys_kexec_load(entry, 1, &seg,
			       KEXEC_PRESERVE_CONTEXT | KEXEC_ARCH_X86_64);
}

uint64_t ks_loader_jump_back_entry(void)
{
	char cmdline[4096], *arg;

	if (ks_read_line("/proc/cmdline", cmdline, sizeof(cmdline)))
		return 0;
	arg = strstr(cmdline, JUMP_BACK_ARG);
	if (!arg)
		return 0;
	return strtoull(arg + strlen(JUMP_BACK_ARG), NULL, 16);
}
