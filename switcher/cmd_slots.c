// SPDX-License-Identifier: GPL-2.0
/*
 * The memory slot commands: kswitch SLOT (switch), list, unload.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kexec_syscall.h"
#include "kswitch.h"

static const char *const state_names[] = {
	[KEXEC_SLOT_EMPTY] = "empty",
	[KEXEC_SLOT_RESERVED] = "reserved",
	[KEXEC_SLOT_LOADED] = "loaded",
	[KEXEC_SLOT_RUNNING] = "running",
	[KEXEC_SLOT_SUSPENDED] = "suspended",
	[KEXEC_SLOT_CRASHED] = "crashed",
};

int ks_parse_slot(const char *arg, unsigned int *slot)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || n >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	*slot = (unsigned int)n;
	return 0;
}

static int report_slot_error(unsigned int slot, int err)
{
	switch (err) {
	case -ENODEV:
		ks_error(
			"this kernel has no memory slots; boot the kswitch kernel");
		return KSWITCH_EXIT_STATE;
	case -ENOENT:
		ks_error("slot %u is empty; load a system into it first", slot);
		return KSWITCH_EXIT_STATE;
	case -EALREADY:
		ks_error("slot %u is the one running; name another", slot);
		return KSWITCH_EXIT_STATE;
	case -EIO:
		ks_error("slot %u has crashed; unload it and load it again",
			 slot);
		return KSWITCH_EXIT_STATE;
	case -EBUSY:
		ks_error("slot %u is running; switch away from it first", slot);
		return KSWITCH_EXIT_STATE;
	case -EOPNOTSUPP:
		ks_error(
			"slots are loaded and unloaded from slot 0; switch there first");
		return KSWITCH_EXIT_STATE;
	case -EPERM:
		ks_error("this needs CAP_SYS_BOOT; run kswitch as root");
		return KSWITCH_EXIT_NO_PRIVILEGE;
	default:
		ks_error("slot %u: %s", slot, strerror(-err));
		return KSWITCH_EXIT_FAILURE;
	}
}

int cmd_switch(int argc, char **argv)
{
	unsigned int slot;
	int ret;

	if (argc != 1 || ks_parse_slot(argv[0], &slot)) {
		ks_error("'%s' is no slot; slots are 0 to %d", argv[0],
			 KEXEC_SLOTS_MAX - 1);
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_slot_switch(slot);
	return ret ? report_slot_error(slot, ret) : KSWITCH_EXIT_OK;
}

int cmd_unload(int argc, char **argv)
{
	unsigned int slot;
	int ret;

	if (argc != 2 || ks_parse_slot(argv[1], &slot)) {
		ks_error("unload takes one SLOT; see 'kswitch unload --help'");
		return KSWITCH_EXIT_USAGE;
	}
	if (!slot) {
		ks_error(
			"slot 0 is the system the machine booted; it cannot be unloaded");
		return KSWITCH_EXIT_STATE;
	}
	ret = ks_slot_unload(slot);
	return ret ? report_slot_error(slot, ret) : KSWITCH_EXIT_OK;
}

static void print_slot(const struct kexec_slot_info *info, unsigned int self)
{
	char last[32] = "-", took[16] = "-";
	time_t t = (time_t)(info->last_entered_ns / 1000000000ull);

	if (info->last_entered_ns)
		strftime(last, sizeof(last), "%H:%M:%S", localtime(&t));
	if (info->last_switch_ns)
		snprintf(took, sizeof(took), "%.1f",
			 info->last_switch_ns / 1e6);
	printf("%c%-4u %-10s %-9s %8llu %8llu  %-9s %10s  %s\n",
	       info->slot == self ? '*' : ' ', info->slot,
	       info->state < sizeof(state_names) / sizeof(state_names[0])
		       ? state_names[info->state]
		       : "?",
	       info->kind == KEXEC_SLOT_SWAP ? "swap" : "resident",
	       (unsigned long long)(info->mem_size >> 20),
	       (unsigned long long)info->times_entered, last, took, info->name);
}

int cmd_list(int argc, char **argv)
{
	struct kexec_slot_info info;
	unsigned int slot, self;
	int ret;

	(void)argv;
	if (argc > 1) {
		ks_error("list takes no arguments; see 'kswitch list --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_slot_self(&self);
	if (ret)
		return report_slot_error(0, ret);
	printf(" %-4s %-10s %-9s %8s %8s  %-9s %10s  %s\n", "SLOT", "STATE",
	       "KIND", "MEM(MiB)", "ENTERED", "LAST", "SWITCH(ms)", "NAME");
	for (slot = 0; slot < KEXEC_SLOTS_MAX; slot++) {
		memset(&info, 0, sizeof(info));
		info.slot = slot;
		ret = ks_slot_info(&info);
		if (ret)
			return report_slot_error(slot, ret);
		print_slot(&info, self);
	}
	return KSWITCH_EXIT_OK;
}
