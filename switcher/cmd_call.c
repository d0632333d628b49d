// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch call: run a physical-mode payload through a kexec jump and print
 * what it returned.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kswitch.h"
#include "payload.h"

static int report_call_error(const char *path, int err)
{
	switch (err) {
	case -ENOENT:
		ks_error("cannot read payload '%s': %s", path, strerror(-err));
		return KSWITCH_EXIT_NO_FILE;
	case -ENOEXEC:
		ks_error(
			"'%s' is not an x86_64 ELF executable with page-aligned segments; link it with tools/payloads/payload.ld",
			path);
		return KSWITCH_EXIT_NOT_KERNEL;
	case -ESRCH:
		ks_error(
			"'%s' has no ks_call_page_addr symbol; see docs/kexec-jump.md",
			path);
		return KSWITCH_EXIT_NOT_KERNEL;
	case -E2BIG:
		ks_error(
			"the argument is too long for the call page; shorten it");
		return KSWITCH_EXIT_USAGE;
	case -EBUSY:
		ks_error(
			"a system is loaded, and a call would replace it; unload it first");
		return KSWITCH_EXIT_SLOT_IN_USE;
	case -ENOSYS:
		ks_error(
			"this kernel has no kexec call page; boot the kswitch kernel");
		return KSWITCH_EXIT_WRONG_SYSTEM;
	case -EPROTO:
		ks_error("the payload did not run or refused its argument");
		return KSWITCH_EXIT_FAILURE;
	case -EPERM:
	case -EACCES:
		return ks_fail(KS_REQ_SWITCH, "", -EPERM);
	case -ESPIPE: /* a FIFO or a device (ks_open_regular()) */
	case -EFBIG:
		return ks_fail(KS_REQ_LOAD, path, err);
	default:
		ks_error("the call failed: %s", strerror(-err));
		return KSWITCH_EXIT_FAILURE;
	}
}

int cmd_call(int argc, char **argv, struct ks_context *ctx)
{
	const char *arg = argc > 2 ? argv[2] : "";
	uint64_t result;
	int ret;

	(void)ctx;
	if (argc < 2 || argc > 3) {
		ks_error(
			"call takes a PAYLOAD and an optional ARG; see 'kswitch call --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_call_payload(argv[1], arg, strlen(arg), &result);
	if (ret)
		return report_call_error(argv[1], ret);
	printf("%llu\n", (unsigned long long)result);
	return KSWITCH_EXIT_OK;
}
