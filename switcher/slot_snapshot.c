// SPDX-License-Identifier: GPL-2.0
/*
 * A slot's system written to a slot file (slots/snapshot.c), and brought
 * back from one: what the kernel gives of a slot that is not running
 * (KEXEC_SLOT_IOC_CORE, _READ), and what it takes to restore one
 * (KEXEC_SLOT_IOC_RESTORE).
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kexec_syscall.h"
#include "kswitch.h"
#include "snapshot.h"

static int read_slot_memory(void *priv, uint64_t addr, void *buf, size_t size)
{
	return ks_slot_read(*(unsigned int *)priv, addr, buf, size);
}

/*
 * Read the note at physical @addr of @slot into *@note, if there is one.
 * Its address and size are what the slot's kernel said, which may be
 * anything: a note larger than any kernel keeps is left out, as a core
 * file is whole without it.
 */
static int read_note(unsigned int slot, uint64_t addr, size_t size, void **note,
		     size_t *len)
{
	int ret;

	*note = NULL;
	*len = 0;
	if (!addr || !size || size > KS_NOTE_MAX)
		return 0;
	*note = malloc(size);
	if (!*note)
		return -ENOMEM;
	ret = ks_slot_read(slot, addr, *note, size);
	if (!ret)
		*len = ks_elf_note_len(*note, size);
	return ret;
}

int ks_slot_check_savable(unsigned int slot, unsigned int state)
{
	if (!slot)
		return -EINVAL;
	switch (state) {
	case KEXEC_SLOT_SUSPENDED:
		return 0;
	case KEXEC_SLOT_CRASHED:
		return -EIO;
	case KEXEC_SLOT_EXITED:
		return -ESHUTDOWN;
	case KEXEC_SLOT_LOADED:
		return -EBUSY; /* never run: nothing but its kernel to save */
	case KEXEC_SLOT_RUNNING:
		return -EINVAL;
	default:
		return -ENOENT;
	}
}

static void fill_snapshot(struct ks_snapshot *snap,
			  const struct kexec_slot_info *info)
{
	snap->slot = info->slot;
	snap->state = info->state;
	snap->kind = info->kind;
	snap->hotkey = info->hotkey;
	snap->times_entered = info->times_entered;
	memcpy(snap->name, info->name, sizeof(snap->name));
	snap->nr_ranges = info->nr_ranges;
	memcpy(snap->ranges, info->ranges, sizeof(snap->ranges));
}

int ks_slot_write_snapshot(unsigned int slot, int fd, uint64_t *entered)
{
	struct kexec_slot_info info = { .slot = slot };
	struct ks_snapshot snap = { 0 };
	void *prstatus = NULL, *vmcoreinfo = NULL;
	int ret;

	if (!slot)
		return -EINVAL;
	ret = ks_slot_info(&info);
	if (ret)
		return ret;
	snap.core.slot = slot;
	ret = ks_slot_core(&snap.core);
	if (ret)
		return ret;
	fill_snapshot(&snap, &info);
	/* A kernel without a build ID is matched by one without. */
	ks_kernel_build_id(snap.slot0_build_id, sizeof(snap.slot0_build_id));
	ret = read_note(slot, snap.core.notes_addr, snap.core.notes_size,
			&prstatus, &snap.prstatus_size);
	if (!ret)
		ret = read_note(slot, snap.core.vmcoreinfo_addr,
				snap.core.vmcoreinfo_size, &vmcoreinfo,
				&snap.vmcoreinfo_size);
	snap.prstatus = prstatus;
	snap.vmcoreinfo = vmcoreinfo;
	if (!ret)
		ret = ks_snapshot_write(fd, &snap, read_slot_memory, &slot);
	free(prstatus);
	free(vmcoreinfo);
	*entered = info.times_entered;
	return ret;
}

int ks_slot_unload_saved(unsigned int slot, uint64_t entered)
{
	struct kexec_slot_info info = { .slot = slot };
	int ret;

	ret = ks_slot_info(&info);
	if (ret)
		return ret;
	/* Another switch ran it after it was read: the file is stale. */
	if (info.state != KEXEC_SLOT_SUSPENDED || info.times_entered != entered)
		return -EAGAIN;
	return ks_slot_unload(slot);
}

/* The saved hotkey, unless another slot has taken it meanwhile. */
static unsigned int free_hotkey(unsigned int hotkey)
{
	struct kexec_slot_info info;
	unsigned int i;

	for (i = 0; hotkey && i < KEXEC_SLOTS_MAX; i++) {
		memset(&info, 0, sizeof(info));
		info.slot = i;
		if (!ks_slot_info(&info) && info.state != KEXEC_SLOT_EMPTY &&
		    info.hotkey == hotkey)
			return 0;
	}
	return hotkey;
}

int ks_slot_restore_snapshot(unsigned int slot,
			     const struct ks_snapshot_file *file,
			     unsigned int *hotkey)
{
	const struct ks_snapshot *snap = &file->snap;
	struct kexec_segment segs[KEXEC_SLOT_MAX_RANGES];
	struct kexec_slot_restore req = {
		.slot = slot,
		.nr_ranges = snap->nr_ranges,
		.nr_segments = snap->nr_ranges,
		.segments = (uintptr_t)segs,
		.times_entered = snap->times_entered,
		.core = snap->core,
	};
	unsigned char build_id[KS_BUILD_ID_SIZE] = { 0 };
	unsigned int i;

	ks_kernel_build_id(build_id, sizeof(build_id));
	if (memcmp(build_id, snap->slot0_build_id, sizeof(build_id)))
		return -EPROTO;
	memcpy(req.ranges, snap->ranges, sizeof(req.ranges));
	memcpy(req.name, snap->name, sizeof(req.name));
	req.hotkey = free_hotkey(snap->hotkey);
	req.core.slot = slot;
	for (i = 0; i < snap->nr_ranges; i++) {
		segs[i].buf = file->memory[i];
		segs[i].bufsz = snap->ranges[i].size;
		segs[i].mem = (void *)(uintptr_t)snap->ranges[i].start;
		segs[i].memsz = snap->ranges[i].size;
	}
	*hotkey = req.hotkey;
	return ks_slot_restore(&req);
}
