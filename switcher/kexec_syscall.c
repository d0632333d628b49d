// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's kexec interfaces (kexec_syscall.h): kexec_load(2), reboot(2)
 * to execute the image, and the ioctls of /dev/kexec_slots.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/reboot.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kexec_syscall.h"

int ksys_kexec_load(unsigned long entry, unsigned long nr_segments,
		    struct kexec_segment *segments, unsigned long flags)
{
	if (syscall(SYS_kexec_load, entry, nr_segments, segments, flags))
		return -errno;
	return 0;
}

int ksys_kexec_unload(void)
{
	return ksys_kexec_load(0, 0, NULL, 0);
}

int ksys_kexec_jump(void)
{
	if (syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		    LINUX_REBOOT_CMD_KEXEC, NULL))
		return -errno;
	return 0;
}

#define SLOTS_DEVICE "/dev/kexec_slots"

/* The slot directory's device; -ENODEV on a kernel without slots. */
static int slots_open(void)
{
	int fd = open(SLOTS_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? -ENODEV : -errno;
	return fd;
}

static int slot_ioctl(unsigned long cmd, void *arg)
{
	int fd, ret = 0;

	fd = slots_open();
	if (fd < 0)
		return fd;
	if (ioctl(fd, cmd, arg))
		ret = -errno;
	close(fd);
	return ret;
}

int ksys_slot_reserve(struct kexec_slot_reserve *req)
{
	return slot_ioctl(KEXEC_SLOT_IOC_RESERVE, req);
}

int ksys_slot_load(unsigned int slot, struct kexec_segment *segments,
		   unsigned int nr_segments, uint64_t entry)
{
	struct kexec_slot_load req = {
		.slot = slot,
		.nr_segments = nr_segments,
		.segments = (uintptr_t)segments,
		.entry = entry,
	};

	return slot_ioctl(KEXEC_SLOT_IOC_LOAD, &req);
}

int ksys_slot_load_file(unsigned int slot, int kernel_fd, int initrd_fd,
			const char *cmdline)
{
	struct kexec_slot_load_file req = {
		.slot = slot,
		.kernel_fd = kernel_fd,
		.initrd_fd = initrd_fd,
		.cmdline_len = (uint32_t)strlen(cmdline) + 1,
		.cmdline = (uintptr_t)cmdline,
	};

	return slot_ioctl(KEXEC_SLOT_IOC_LOAD_FILE, &req);
}

int ksys_slot_unload(unsigned int slot)
{
	uint32_t arg = slot;

	return slot_ioctl(KEXEC_SLOT_IOC_UNLOAD, &arg);
}

int ksys_slot_shutdown(unsigned int slot)
{
	uint32_t arg = slot;

	return slot_ioctl(KEXEC_SLOT_IOC_SHUTDOWN, &arg);
}

int ksys_slot_switch(unsigned int slot)
{
	uint32_t arg = slot;

	return slot_ioctl(KEXEC_SLOT_IOC_SWITCH, &arg);
}

int ksys_slot_info(struct kexec_slot_info *info)
{
	return slot_ioctl(KEXEC_SLOT_IOC_INFO, info);
}

int ksys_slot_self(unsigned int *slot)
{
	uint32_t arg;
	int ret;

	ret = slot_ioctl(KEXEC_SLOT_IOC_SELF, &arg);
	if (!ret)
		*slot = arg;
	return ret;
}

int ksys_slot_scan(struct kexec_slot_info *info, unsigned int nr,
		   unsigned int *self)
{
	uint32_t arg;
	unsigned int i;
	int fd, ret = 0;

	fd = slots_open();
	if (fd < 0)
		return fd;
	if (ioctl(fd, KEXEC_SLOT_IOC_SELF, &arg))
		ret = -errno;
	else
		*self = arg;
	for (i = 0; !ret && i < nr; i++) {
		memset(&info[i], 0, sizeof(info[i]));
		info[i].slot = i;
		if (ioctl(fd, KEXEC_SLOT_IOC_INFO, &info[i]))
			ret = -errno;
	}
	close(fd);
	return ret;
}

int ksys_slot_crash_log(unsigned int slot, char *buf, size_t size, size_t *len)
{
	struct kexec_slot_log req = {
		.slot = slot,
		.size = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size,
		.buf = (uintptr_t)buf,
	};
	int ret;

	ret = slot_ioctl(KEXEC_SLOT_IOC_LOG, &req);
	if (!ret)
		*len = req.size;
	return ret;
}

int ksys_slot_core(struct kexec_slot_core *core)
{
	return slot_ioctl(KEXEC_SLOT_IOC_CORE, core);
}

int ksys_slot_read(unsigned int slot, uint64_t addr, void *buf, size_t size)
{
	struct kexec_slot_read req = {
		.slot = slot,
		.addr = addr,
		.size = size,
		.buf = (uintptr_t)buf,
	};

	return slot_ioctl(KEXEC_SLOT_IOC_READ, &req);
}

int ksys_slot_restore(struct kexec_slot_restore *req)
{
	return slot_ioctl(KEXEC_SLOT_IOC_RESTORE, req);
}

int ksys_slot_watch_open(void)
{
	int fd;

	fd = slots_open();
	if (fd < 0)
		return fd;
	if (ioctl(fd, KEXEC_SLOT_IOC_WATCH)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

int ksys_slot_watch_next(int fd, struct kexec_slot_notice *notice)
{
	ssize_t n;

	do
		n = read(fd, notice, sizeof(*notice));
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return n == sizeof(*notice) ? 0 : -EIO;
}

int ksys_slot_watch_ready(int fd, uint64_t seq)
{
	return ioctl(fd, KEXEC_SLOT_IOC_READY, &seq) ? -errno : 0;
}
