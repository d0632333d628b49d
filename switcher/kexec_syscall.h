/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's kexec interfaces, wrapped in one place as kexec-tools does in
 * kexec/kexec-syscall.h: the system calls, and the memory slots' ioctls on
 * /dev/kexec_slots. Each returns 0 or -errno. The ksys_ prefix names this
 * layer, as the kernel's own syscall helpers are named.
 */
#ifndef KSWITCH_KEXEC_SYSCALL_H
#define KSWITCH_KEXEC_SYSCALL_H

#include <linux/kexec.h>
#include <linux/kexec_slots.h>
#include <stddef.h>
#include <stdint.h>

int ksys_kexec_load(unsigned long entry, unsigned long nr_segments,
		    struct kexec_segment *segments, unsigned long flags);
int ksys_kexec_unload(void);

/*
 * Jump to the loaded ::preserve_context image. Returns 0 when this system
 * is entered again, or -errno if the jump did not happen.
 */
int ksys_kexec_jump(void);

/* Memory slots; -ENODEV on a kernel without them. */
int ksys_slot_reserve(struct kexec_slot_reserve *req);
/*
 * KEXEC_SLOT_IOC_LOAD_FILE: the kernel reads @kernel_fd and @initrd_fd (-1:
 * none) itself and checks the kernel's signature, as kexec_file_load()
 * does; @cmdline is the slot kernel's whole command line.
 */
int ksys_slot_load_file(unsigned int slot, int kernel_fd, int initrd_fd,
			const char *cmdline);
int ksys_slot_load(unsigned int slot, struct kexec_segment *segments,
		   unsigned int nr_segments, uint64_t entry);
int ksys_slot_unload(unsigned int slot);
int ksys_slot_switch(unsigned int slot);
/* Switch to @slot to have its system power off; returns as a switch. */
int ksys_slot_shutdown(unsigned int slot);
int ksys_slot_info(struct kexec_slot_info *info);
int ksys_slot_self(unsigned int *slot);
/*
 * Which slot this system runs in, and the first @nr slots' records, through
 * one open of the device: a scan is one request, not one per slot.
 */
int ksys_slot_scan(struct kexec_slot_info *info, unsigned int nr,
		   unsigned int *self);
/*
 * The last console lines of the crashed kernel in @slot, the newest that
 * fit in @size bytes; *@len is set to how many were copied.
 */
int ksys_slot_crash_log(unsigned int slot, char *buf, size_t size, size_t *len);
/* What a core file of @core->slot needs besides its memory. */
int ksys_slot_core(struct kexec_slot_core *core);
/* @size bytes of @slot's memory at physical @addr, into @buf. */
int ksys_slot_read(unsigned int slot, uint64_t addr, void *buf, size_t size);
int ksys_slot_restore(struct kexec_slot_restore *req);

/*
 * A watcher of this system's switches away (KEXEC_SLOT_IOC_WATCH): an open
 * file descriptor, or -errno. ksys_slot_watch_next() waits for the next
 * notice; ksys_slot_watch_ready() answers it, and the switch goes on.
 */
int ksys_slot_watch_open(void);
int ksys_slot_watch_next(int fd, struct kexec_slot_notice *notice);
int ksys_slot_watch_ready(int fd, uint64_t seq);

#endif /* KSWITCH_KEXEC_SYSCALL_H */
