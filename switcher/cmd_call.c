// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch call: run a physical-mode payload through a kexec jump and print
 * what it returned.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "errors.h"
#include "payload.h"

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
		return ks_fail(KS_REQ_CALL, argv[1], ret);
	printf("%llu\n", (unsigned long long)result);
	return KSWITCH_EXIT_OK;
}
