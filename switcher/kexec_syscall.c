// SPDX-License-Identifier: GPL-2.0
/*
 * The kexec system calls: kexec_load(2), and reboot(2) to execute the image.
 */
#include <errno.h>
#include <linux/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kexec_syscall.h"

int ks_kexec_load(unsigned long entry, unsigned long nr_segments,
		  struct kexec_segment *segments, unsigned long flags)
{
	if (syscall(SYS_kexec_load, entry, nr_segments, segments, flags))
		return -errno;
	return 0;
}

int ks_kexec_unload(void)
{
	return ks_kexec_load(0, 0, NULL, 0);
}

int ks_kexec_jump(void)
{
	if (syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		    LINUX_REBOOT_CMD_KEXEC, NULL))
		return -errno;
	return 0;
}
