// SPDX-License-Identifier: GPL-2.0
/*
 * slots-errno: every bad request to /dev/kexec_slots gets its own errno and
 * changes nothing. Runs in slot 0 with slot 1 loaded and slot 2 empty;
 * prints TAP (tests/lib/tap.h) and exits 0 if every case passed, 1 if not,
 * 4 if there is no /dev/kexec_slots.
 *
 * "Changes nothing" is checked by reading every slot's record
 * (KEXEC_SLOT_IOC_INFO) before and after each request.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/kexec.h>
#include <linux/kexec_slots.h>

#include "../lib/tap.h"

#define LOADED_SLOT 1
#define EMPTY_SLOT 2

static int dev;

static int snapshot(struct kexec_slot_info *infos)
{
	unsigned int i;

	memset(infos, 0, sizeof(*infos) * KEXEC_SLOTS_MAX);
	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		infos[i].slot = i;
		if (ioctl(dev, KEXEC_SLOT_IOC_INFO, &infos[i]))
			return -errno;
	}
	return 0;
}

/* Run @cmd with @arg; it must fail with @want and leave every slot alone. */
static void expect(const char *what, unsigned long cmd, void *arg, int want)
{
	struct kexec_slot_info before[KEXEC_SLOTS_MAX], after[KEXEC_SLOTS_MAX];
	int ret, err = 0;

	snapshot(before);
	ret = ioctl(dev, cmd, arg);
	if (ret)
		err = errno;
	snapshot(after);
	if (ret == 0 || err != want)
		tap_result(0, "%s: got %s, wanted %s", what,
			   ret ? strerror(err) : "success", strerror(want));
	else if (memcmp(before, after, sizeof(before)))
		tap_result(0, "%s: %s, but the slots changed", what,
			   strerror(err));
	else
		tap_result(1, "%s: %s", what, strerror(err));
}

static void reserve_cases(void)
{
	struct kexec_slot_reserve r;

	memset(&r, 0, sizeof(r));
	r.mem_size = 8 << 20;
	r.slot = 0;
	expect("reserve slot 0", KEXEC_SLOT_IOC_RESERVE, &r, EINVAL);
	r.slot = KEXEC_SLOTS_MAX;
	expect("reserve a slot past the last", KEXEC_SLOT_IOC_RESERVE, &r,
	       EINVAL);
	r.slot = EMPTY_SLOT;
	r.mem_size = 0;
	expect("reserve no memory", KEXEC_SLOT_IOC_RESERVE, &r, EINVAL);
	r.mem_size = 8 << 20;
	r.kind = 7;
	expect("reserve an unknown kind", KEXEC_SLOT_IOC_RESERVE, &r, EINVAL);
	r.kind = KEXEC_SLOT_RESIDENT;
	r.slot = LOADED_SLOT;
	expect("reserve a loaded slot", KEXEC_SLOT_IOC_RESERVE, &r, EBUSY);
	r.slot = EMPTY_SLOT;
	r.mem_size = 1ULL << 40;
	expect("reserve 1 TiB, resident", KEXEC_SLOT_IOC_RESERVE, &r, ENOMEM);
	r.kind = KEXEC_SLOT_SWAP;
	expect("reserve 1 TiB, swap", KEXEC_SLOT_IOC_RESERVE, &r, ENOMEM);
	expect("reserve with a bad pointer", KEXEC_SLOT_IOC_RESERVE, NULL,
	       EFAULT);
}

static void load_cases(void)
{
	struct kexec_segment seg = { 0 };
	struct kexec_slot_load l = {
		.slot = EMPTY_SLOT,
		.nr_segments = 1,
		.segments = (uintptr_t)&seg,
	};

	expect("load an empty slot", KEXEC_SLOT_IOC_LOAD, &l, ENOENT);
	l.slot = LOADED_SLOT;
	expect("load a loaded slot", KEXEC_SLOT_IOC_LOAD, &l, EBUSY);
	l.slot = 0;
	expect("load slot 0", KEXEC_SLOT_IOC_LOAD, &l, EINVAL);
	l.slot = EMPTY_SLOT;
	l.nr_segments = 0;
	expect("load no segments", KEXEC_SLOT_IOC_LOAD, &l, EINVAL);
	l.nr_segments = KEXEC_SEGMENT_MAX + 1;
	expect("load too many segments", KEXEC_SLOT_IOC_LOAD, &l, EINVAL);
}

/* Segments that do not fit a reserved slot; unloads it afterwards. */
static void segment_cases(void)
{
	struct kexec_slot_reserve r = {
		.slot = EMPTY_SLOT,
		.kind = KEXEC_SLOT_SWAP,
		.mem_size = 8 << 20,
	};
	struct kexec_segment seg = { 0 };
	struct kexec_slot_load l = {
		.slot = EMPTY_SLOT,
		.nr_segments = 1,
		.segments = (uintptr_t)&seg,
	};
	uint32_t slot = EMPTY_SLOT;

	if (ioctl(dev, KEXEC_SLOT_IOC_RESERVE, &r)) {
		tap_result(0, "reserve an 8 MiB swap slot: %s",
			   strerror(errno));
		tap_skip(2, "no swap slot to load");
		return;
	}
	seg.mem = (void *)(uintptr_t)r.ranges[0].start;
	seg.memsz = r.ranges[0].size;
	l.entry = r.ranges[0].start;
	expect("load a swap slot whose segments leave memory out",
	       KEXEC_SLOT_IOC_LOAD, &l, ERANGE);
	seg.mem = (void *)(uintptr_t)(r.ranges[1].start + r.ranges[1].size);
	expect("load a segment outside the slot", KEXEC_SLOT_IOC_LOAD, &l,
	       EADDRNOTAVAIL);
	l.entry = 0x100000000000ULL;
	expect("load an entry point outside the slot", KEXEC_SLOT_IOC_LOAD, &l,
	       EADDRNOTAVAIL);
	ioctl(dev, KEXEC_SLOT_IOC_UNLOAD, &slot);
}

static void switch_unload_cases(void)
{
	uint32_t slot;

	slot = 0;
	expect("switch to the running slot", KEXEC_SLOT_IOC_SWITCH, &slot,
	       EALREADY);
	expect("unload slot 0", KEXEC_SLOT_IOC_UNLOAD, &slot, EINVAL);
	slot = EMPTY_SLOT;
	expect("switch to an empty slot", KEXEC_SLOT_IOC_SWITCH, &slot, ENOENT);
	expect("unload an empty slot", KEXEC_SLOT_IOC_UNLOAD, &slot, ENOENT);
	slot = KEXEC_SLOTS_MAX;
	expect("switch to a slot past the last", KEXEC_SLOT_IOC_SWITCH, &slot,
	       EINVAL);
	expect("unload a slot past the last", KEXEC_SLOT_IOC_UNLOAD, &slot,
	       EINVAL);
	/* 0xb7 is nsfs's: this is NS_GET_PID_FROM_PIDNS, no slot request. */
	expect("an ioctl number of nsfs's", _IOR(0xb7, 6, int), &slot, ENOTTY);
	expect("an unknown request", _IO(KEXEC_SLOT_IOC_MAGIC, 99), NULL,
	       ENOTTY);
}

/*
 * Each request's flags, and the pads it reads, must be 0: a later kernel
 * may give them a meaning. Each case would otherwise fail differently, or
 * succeed.
 */
static void flags_cases(void)
{
	struct kexec_slot_reserve r = { .slot = EMPTY_SLOT,
					.mem_size = 8 << 20,
					.flags = 1 };
	struct kexec_slot_load l = { .slot = EMPTY_SLOT, .flags = 1 };
	struct kexec_slot_log g = { .slot = LOADED_SLOT, .flags = 1 };
	struct kexec_slot_core c = { .slot = LOADED_SLOT, .pad = 1 };
	struct kexec_slot_read rd = { .slot = LOADED_SLOT, .flags = 1 };
	struct kexec_slot_restore rs = { .slot = EMPTY_SLOT, .flags = 1 };
	struct kexec_segment seg = { 0 };

	l.nr_segments = 1;
	l.segments = (uintptr_t)&seg;
	expect("reserve with a flag set", KEXEC_SLOT_IOC_RESERVE, &r, EINVAL);
	expect("load with a flag set", KEXEC_SLOT_IOC_LOAD, &l, EINVAL);
	expect("log with a flag set", KEXEC_SLOT_IOC_LOG, &g, EINVAL);
	expect("core with its pad set", KEXEC_SLOT_IOC_CORE, &c, EINVAL);
	expect("read with a flag set", KEXEC_SLOT_IOC_READ, &rd, EINVAL);
	rs.nr_ranges = 1;
	rs.ranges[0].start = 1 << 20;
	rs.ranges[0].size = 1 << 20;
	rs.nr_segments = 1;
	rs.segments = (uintptr_t)&seg;
	expect("restore with a flag set", KEXEC_SLOT_IOC_RESTORE, &rs, EINVAL);
	rs.flags = 0;
	rs.core.pad = 1;
	expect("restore with the core's pad set", KEXEC_SLOT_IOC_RESTORE, &rs,
	       EINVAL);
}

/*
 * A core of this boot's slot, with every field right but the boot cookie:
 * slot 0 in another boot may have its directory at the same address.
 */
static void stale_cases(void)
{
	struct kexec_slot_info info = { .slot = LOADED_SLOT };
	struct kexec_slot_restore rs = { .slot = EMPTY_SLOT };
	struct kexec_segment seg = { 0 };

	rs.core.slot = LOADED_SLOT;
	if (ioctl(dev, KEXEC_SLOT_IOC_CORE, &rs.core) ||
	    ioctl(dev, KEXEC_SLOT_IOC_INFO, &info)) {
		tap_result(0, "the core and ranges of slot %d: %s", LOADED_SLOT,
			   strerror(errno));
		tap_skip(1, "no core of slot %d", LOADED_SLOT);
		return;
	}
	rs.core.boot_cookie ^= 1;
	rs.nr_ranges = info.nr_ranges;
	memcpy(rs.ranges, info.ranges, sizeof(rs.ranges));
	seg.mem = (const void *)(uintptr_t)info.ranges[0].start;
	seg.memsz = info.ranges[0].size;
	rs.nr_segments = 1;
	rs.segments = (uintptr_t)&seg;
	expect("restore a core of another boot of slot 0",
	       KEXEC_SLOT_IOC_RESTORE, &rs, ESTALE);
	rs.core.boot_cookie ^= 1;
	rs.core.dir_addr ^= 4096;
	expect("restore a core of another slot directory",
	       KEXEC_SLOT_IOC_RESTORE, &rs, ESTALE);
}

/* Without CAP_SYS_BOOT nothing may change (expect() still lists). */
static void privilege_cases(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	uint32_t slot = LOADED_SLOT;

	if (syscall(SYS_capget, &hdr, data)) {
		tap_result(0, "capget: %s", strerror(errno));
		tap_skip(1, "capabilities unknown");
		return;
	}
	data[0].effective &= ~(1u << CAP_SYS_BOOT);
	if (syscall(SYS_capset, &hdr, data)) {
		tap_result(0, "capset: %s", strerror(errno));
		tap_skip(1, "CAP_SYS_BOOT still held");
		return;
	}
	expect("switch without CAP_SYS_BOOT", KEXEC_SLOT_IOC_SWITCH, &slot,
	       EPERM);
	expect("unload without CAP_SYS_BOOT", KEXEC_SLOT_IOC_UNLOAD, &slot,
	       EPERM);
}

int main(void)
{
	struct kexec_slot_info infos[KEXEC_SLOTS_MAX];

	dev = open("/dev/kexec_slots", O_RDWR);
	if (dev < 0 || snapshot(infos))
		tap_skip_all("/dev/kexec_slots: %s", strerror(errno));
	/* The results of each group of cases below, in turn. */
	tap_plan(8 + 5 + 3 + 8 + 7 + 2 + 2);
	if (infos[LOADED_SLOT].state != KEXEC_SLOT_LOADED ||
	    infos[EMPTY_SLOT].state != KEXEC_SLOT_EMPTY)
		tap_bail_out("want slot %d loaded and slot %d empty",
			     LOADED_SLOT, EMPTY_SLOT);
	reserve_cases();
	load_cases();
	segment_cases();
	switch_unload_cases();
	flags_cases();
	stale_cases();
	privilege_cases();
	return tap_done();
}
