// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch jump: switch to the other system, and come back here when it
 * switches back. In a system that was itself entered by a jump, the first
 * jump loads the way back to the system that entered it.
 */
#include <errno.h>

#include "cmd.h"
#include "errors.h"
#include "kexec_syscall.h"
#include "loader.h"
#include "sysinfo.h"

static int prepare_jump(void)
{
	uint64_t entry;

	if (ks_kexec_loaded() == 1)
		return 0;
	entry = ks_loader_jump_back_entry();
	if (!entry)
		return -ENOENT;
	return ks_loader_load_jump_back(entry);
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
		ret = ksys_kexec_jump();
	return ret ? ks_fail(KS_REQ_JUMP, "", ret) : KSWITCH_EXIT_OK;
}
