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
#include "slot_snapshot.h"
#include "sysinfo.h"

static int read_slot_memory(void *priv, uint64_t addr, void *buf, size_t size)
{
	return ksys_slot_read(*(unsigned int *)priv, addr, buf, size);
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
	ret = ksys_slot_read(slot, addr, *note, size);
	if (!ret)
		*len = ks_elf_note_len(*note, size);
	return ret;
}

int ks_kernel_save_slot(unsigned int slot, int fd, uint64_t *entered)
{
	struct kexec_slot_info info = { .slot = slot };
	struct ks_snapshot snap = { 0 };
	void *prstatus = NULL, *vmcoreinfo = NULL;
	int ret;

	if (!slot)
		return -EINVAL;
	ret = ksys_slot_info(&info);
	if (ret)
		return ret;
	snap.core.slot = slot;
	ret = ksys_slot_core(&snap.core);
	if (ret)
		return ret;
	snap.info = info;
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

int ks_kernel_unload_saved(unsigned int slot, uint64_t entered)
{
	struct kexec_slot_info info = { .slot = slot };
	int ret;

	ret = ksys_slot_info(&info);
	if (ret)
		return ret;
	/* Another switch ran it after it was read: the file is stale. */
	if (info.state != KEXEC_SLOT_SUSPENDED || info.times_entered != entered)
		return -EAGAIN;
	return ksys_slot_unload(slot);
}

int ks_kernel_restore_slot(unsigned int slot,
			   const struct ks_snapshot_file *file,
			   const struct ks_slot_table *table,
			   unsigned int *hotkey)
{
	const struct ks_snapshot *snap = &file->snap;
	struct kexec_segment segs[KEXEC_SLOT_MAX_RANGES];
	struct kexec_slot_restore req = {
		.slot = slot,
		.nr_ranges = snap->info.nr_ranges,
		.nr_segments = snap->info.nr_ranges,
		.segments = (uintptr_t)segs,
		.times_entered = snap->info.times_entered,
		.core = snap->core,
	};
	unsigned char build_id[KS_BUILD_ID_SIZE] = { 0 };
	unsigned int i, owner;

	ks_kernel_build_id(build_id, sizeof(build_id));
	if (memcmp(build_id, snap->slot0_build_id, sizeof(build_id)))
		return -EPROTO;
	memcpy(req.ranges, snap->info.ranges, sizeof(req.ranges));
	memcpy(req.name, snap->info.name, sizeof(req.name));
	/* The saved hotkey, unless another slot has taken it meanwhile. */
	req.hotkey = snap->info.hotkey;
	if (!ks_slot_hotkey_owner(table, req.hotkey, slot, &owner))
		req.hotkey = 0;
	req.core.slot = slot;
	for (i = 0; i < snap->info.nr_ranges; i++) {
		segs[i].buf = file->memory[i];
		segs[i].bufsz = snap->info.ranges[i].size;
		segs[i].mem = (void *)(uintptr_t)snap->info.ranges[i].start;
		segs[i].memsz = snap->info.ranges[i].size;
	}
	*hotkey = req.hotkey;
	return ksys_slot_restore(&req);
}
