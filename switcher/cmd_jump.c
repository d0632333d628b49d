// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch jump: switch to the other system, and come back here when it
 * switches back. In a system that was itself entered by a jump, the first
 * jump loads the way back to the system that entered it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kexec_syscall.h"
#include "kswitch.h"
#include "loader.h"

static int prepare_jump(void)
{
	uint64_t entry;

	if (ks_kexec_loaded() == 1)
		return 0;
	entry = ks_jump_back_entry();
	if (!entry)
		return -ENOENT;
	return ks_load_jump_back(entry);
}

int cmd_jump(int argc, char **argv, struct ks_context *ctx)
{
	int ret;

	(void)argv;
	(void)ctx;
	if (argc > 1) {
		ks_error("jump takes no arguments; see 'kswitch jump --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = prepare_jump();
	if (!ret)
		ret = ks_kexec_jump();
	switch (ret) {
	case 0:
		return KSWITCH_EXIT_OK;
	case -ENOENT:
		ks_error(
			"nothing to jump to; load a system first with 'kswitch load KERNEL'");
		return KSWITCH_EXIT_NOTHING_LOADED;
	case -EPERM:
		return ks_fail(KS_REQ_SWITCH, "", ret);
	case -EBUSY:
		ks_error(
			"this system could not be frozen (a task refused, or another switch is under way); try again");
		return KSWITCH_EXIT_FAILURE;
	default:
		ks_error("the jump failed: %s", strerror(-ret));
		return KSWITCH_EXIT_FAILURE;
	}
}
