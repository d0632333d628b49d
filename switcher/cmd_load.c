// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch load: load another system, into a memory slot (kswitch SLOT
 * switches to it) or, without a slot, as the one system kswitch jump
 * switches to and back.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kexec_syscall.h"
#include "kswitch.h"
#include "loader.h"

#define DEFAULT_MEM_SIZE (256ULL << 20)

/* "256M", "1G", "65536K" or bytes. Returns 0, or -EINVAL. */
static int parse_size(const char *arg, uint64_t *size)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(arg, &end, 0);
	if (errno || end == arg)
		return -EINVAL;
	switch (*end) {
	case 'G':
	case 'g':
		n <<= 10; /* fall through */
	case 'M':
	case 'm':
		n <<= 10; /* fall through */
	case 'K':
	case 'k':
		n <<= 10;
		end++;
		break;
	case '\0':
		break;
	default:
		return -EINVAL;
	}
	if (*end || !n)
		return -EINVAL;
	*size = n;
	return 0;
}

static int check_readable(const char *what, const char *path)
{
	if (!access(path, R_OK))
		return 0;
	ks_error("cannot read %s '%s': %s", what, path, strerror(errno));
	return KSWITCH_EXIT_BAD_IMAGE;
}

static int report_load_error(const struct ks_load_request *req, int err)
{
	switch (err) {
	case -ENOEXEC:
		ks_error(
			"'%s' is not a 64-bit relocatable bzImage; give an x86_64 kernel image",
			req->kernel);
		return KSWITCH_EXIT_BAD_IMAGE;
	case -EBADMSG:
		ks_error("'%s' is cut short (truncated bzImage); copy it again",
			 req->kernel);
		return KSWITCH_EXIT_BAD_IMAGE;
	case -ENOSPC:
		ks_error(
			"--mem %llu MiB is too small for this kernel and initrd; give it more",
			(unsigned long long)(req->mem_size >> 20));
		return KSWITCH_EXIT_NO_MEMORY;
	case -ENOMEM:
		ks_error(
			"not enough free memory to set %llu MiB aside; free some or ask for less with --mem",
			(unsigned long long)(req->mem_size >> 20));
		return KSWITCH_EXIT_NO_MEMORY;
	case -E2BIG:
		ks_error(
			"the command line is too long for this kernel; shorten --append");
		return KSWITCH_EXIT_USAGE;
	case -EPERM:
		ks_error(
			"loading a system needs CAP_SYS_BOOT; run kswitch as root");
		return KSWITCH_EXIT_NO_PRIVILEGE;
	case -EBUSY:
		ks_error(
			"that slot is in use; unload it first or pick an empty one ('kswitch list')");
		return KSWITCH_EXIT_STATE;
	case -ENODEV:
		ks_error(
			"this kernel has no memory slots; boot the kswitch kernel");
		return KSWITCH_EXIT_STATE;
	case -EOPNOTSUPP:
		ks_error("slots are loaded from slot 0; switch there first");
		return KSWITCH_EXIT_STATE;
	default:
		ks_error("cannot load '%s': %s", req->kernel, strerror(-err));
		return KSWITCH_EXIT_FAILURE;
	}
}

static void print_plan(const char *what, const struct ks_load_plan *plan)
{
	uint64_t size = 0;
	unsigned int i;

	for (i = 0; i < plan->nr_ram; i++)
		size += plan->ram[i].end - plan->ram[i].start;
	printf("loaded %s: %llu MiB in %u ranges, kernel at 0x%llx\n", what,
	       (unsigned long long)(size >> 20), plan->nr_ram,
	       (unsigned long long)plan->ram[plan->main].start);
}

int cmd_load(int argc, char **argv)
{
	static const struct option options[] = {
		{ "initrd", required_argument, NULL, 'i' },
		{ "append", required_argument, NULL, 'a' },
		{ "mem", required_argument, NULL, 'm' },
		{ "name", required_argument, NULL, 'n' },
		{ "swap", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct ks_load_request req = { .mem_size = DEFAULT_MEM_SIZE };
	const char *name = NULL;
	struct ks_load_plan plan;
	unsigned int slot = 0, kind = KEXEC_SLOT_RESIDENT;
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'i':
			req.initrd = optarg;
			break;
		case 'a':
			req.append = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 's':
			kind = KEXEC_SLOT_SWAP;
			break;
		case 'm':
			if (!parse_size(optarg, &req.mem_size))
				break;
			ks_error(
				"--mem '%s' is not a size; write it like 256M or 1G",
				optarg);
			return KSWITCH_EXIT_USAGE;
		default:
			ks_error("see 'kswitch load --help'");
			return KSWITCH_EXIT_USAGE;
		}
	}
	if (argc - optind == 2 && !ks_parse_slot(argv[optind], &slot) && slot) {
		optind++;
	} else if (argc - optind != 1) {
		ks_error(
			"load takes [SLOT] KERNEL, SLOT 1 to %d; see 'kswitch load --help'",
			KEXEC_SLOTS_MAX - 1);
		return KSWITCH_EXIT_USAGE;
	}
	if (kind == KEXEC_SLOT_SWAP && !slot) {
		ks_error("--swap is for a slot; give SLOT before KERNEL");
		return KSWITCH_EXIT_USAGE;
	}
	req.kernel = argv[optind];
	ret = check_readable("kernel", req.kernel);
	if (!ret && req.initrd)
		ret = check_readable("initrd", req.initrd);
	if (ret)
		return ret;

	if (slot)
		ret = ks_load_slot(slot, kind, name ? name : req.kernel, &req,
				   &plan);
	else
		ret = ks_load_system(&req, &plan);
	if (ret)
		return report_load_error(&req, ret);
	print_plan(req.kernel, &plan);
	return KSWITCH_EXIT_OK;
}
