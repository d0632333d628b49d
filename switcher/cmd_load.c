// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch load: load another system into a memory slot, from its profile
 * or named in full on the command line (kswitch SLOT switches to it); or,
 * without a slot, as the one system kswitch jump switches to and back.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "context.h"
#include "load_args.h"
#include "loader.h"
#include "policy.h"
#include "profile.h"

/* A profile, from its file or from the command line, into its slot. */
static int load_profile(struct ks_context *ctx, const struct ks_profile *p)
{
	struct ks_slot_table table;
	int ret;

	ret = ks_ctx_scan(ctx, &table);
	return ret ? ret : ks_ctx_load(ctx, &table, p);
}

/* The refusal of the profile file NAME.conf, if it was refused. */
static const struct ks_profile_error *
find_refused(const struct ks_profile_set *set, const char *name)
{
	const char *base;
	size_t len = strlen(name);
	unsigned int i;

	for (i = 0; i < set->nr_errors; i++) {
		base = strrchr(set->error[i].file, '/');
		base = base ? base + 1 : set->error[i].file;
		if (!strncmp(base, name, len) &&
		    !strcmp(base + len, KS_PROFILE_SUFFIX))
			return &set->error[i];
	}
	return NULL;
}

static int report_missing_profile(struct ks_context *ctx,
				  const struct ks_profile_set *set,
				  const char *name)
{
	const struct ks_profile_error *e = find_refused(set, name);
	char line[KS_PATH_LEN + 192];

	if (!e) {
		ks_error(
			"no profile '%s' in %s; 'kswitch up --check' lists them",
			name, ctx->profile_dir);
		return KSWITCH_EXIT_NO_FILE;
	}
	ks_profile_error_format(e, line, sizeof(line));
	ks_error("%s", line);
	return KSWITCH_EXIT_BAD_PROFILE;
}

/* kswitch load PROFILE */
static int load_named_profile(struct ks_context *ctx, const char *name)
{
	struct ks_profile_set set;
	const struct ks_profile *p;
	int ret;

	if (ks_profiles_read_dir(ctx->profile_dir, &set)) {
		ks_error("out of memory reading %s", ctx->profile_dir);
		return KSWITCH_EXIT_FAILURE;
	}
	p = ks_profile_find(&set, name);
	if (p)
		ret = load_profile(ctx, p);
	else
		ret = report_missing_profile(ctx, &set, name);
	ks_profiles_free(&set);
	return ret;
}

/* kswitch load KERNEL ...: the peer of 'kswitch jump', not a slot. */
static int load_peer(const struct ks_profile *p)
{
	struct ks_load_plan plan;
	const char *culprit;
	int ret;

	ret = ks_policy_load_peer(p, &plan, &culprit);
	if (ret)
		return ks_fail_load(p, culprit, ret);
	printf("loaded %s: %llu MiB, kernel at 0x%llx; 'kswitch jump' switches to it\n",
	       p->kernel, (unsigned long long)(p->mem_size >> 20),
	       (unsigned long long)plan.ram[plan.main].start);
	return KSWITCH_EXIT_OK;
}

static int copy_arg(char *dst, size_t size, const char *opt, const char *arg)
{
	if (strlen(arg) < size) {
		strcpy(dst, arg);
		return 0;
	}
	ks_error("%s is too long; see 'kswitch load --help'", opt);
	return KSWITCH_EXIT_USAGE;
}

/* A file: an empty one would be no file, or be taken for no initrd. */
static int copy_path(char *dst, size_t size, const char *opt, const char *arg)
{
	if (*arg)
		return copy_arg(dst, size, opt, arg);
	ks_error("%s is empty; name a file, see 'kswitch load --help'", opt);
	return KSWITCH_EXIT_USAGE;
}

static int parse_name(const char *arg, struct ks_profile *p)
{
	if (ks_profile_name_valid(arg))
		return copy_arg(p->name, sizeof(p->name), "--name", arg);
	ks_error(
		"--name '%s' is no name: up to %d of A-Z a-z 0-9 . _ -, not starting with a digit or -",
		arg, KEXEC_SLOT_NAME_LEN - 1);
	return KSWITCH_EXIT_USAGE;
}

static int parse_mem(const char *arg, struct ks_profile *p)
{
	int ret = ks_parse_size(arg, &p->mem_size);

	if (!ret)
		return 0;
	if (ret == -ERANGE) {
		/* Added to, it would wrap: it must never reach the kernel. */
		ks_error(
			"--mem '%s' is more than a machine can have (at most %lluG); ask for less",
			arg, KS_MEM_MAX >> 30);
		return KSWITCH_EXIT_NO_MEMORY;
	}
	ks_error("--mem '%s' is not a size; write it like 256M or 1G", arg);
	return KSWITCH_EXIT_USAGE;
}

/* Past any character: an option's error never names another one. */
enum {
	OPT_INITRD = 256,
	OPT_APPEND,
	OPT_MEM,
	OPT_NAME,
	OPT_SWAP,
	OPT_HOTKEY,
	OPT_NOEFI,
};

static const struct option load_options[] = {
	{ "initrd", required_argument, NULL, OPT_INITRD },
	{ "append", required_argument, NULL, OPT_APPEND },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "swap", no_argument, NULL, OPT_SWAP },
	{ "hotkey", required_argument, NULL, OPT_HOTKEY },
	{ "noefi", no_argument, NULL, OPT_NOEFI },
	{ NULL, 0, NULL, 0 },
};

static int parse_option(int opt, const char *arg, char **argv,
			struct ks_profile *p)
{
	switch (opt) {
	case OPT_INITRD:
		return copy_path(p->initrd, sizeof(p->initrd), "--initrd", arg);
	case OPT_APPEND:
		return copy_arg(p->cmdline, sizeof(p->cmdline), "--append",
				arg);
	case OPT_NAME:
		return parse_name(arg, p);
	case OPT_SWAP:
		p->kind = KEXEC_SLOT_SWAP;
		return 0;
	case OPT_HOTKEY:
		if (!ks_parse_hotkey(arg, &p->hotkey))
			return 0;
		ks_error("--hotkey '%s' is not one digit 0-9 or none", arg);
		return KSWITCH_EXIT_USAGE;
	case OPT_MEM:
		return parse_mem(arg, p);
	case OPT_NOEFI:
		p->no_efi = true;
		return 0;
	default:
		return ks_option_error(load_options, argv, opt,
				       "kswitch load --help");
	}
}

/* The options of a load named in full, into @p. */
static int parse_options(int argc, char **argv, struct ks_profile *p)
{
	int opt, ret = 0;

	/* ':' first: a missing value is told from an unknown option. */
	while (!ret &&
	       (opt = getopt_long(argc, argv, ":", load_options, NULL)) != -1)
		ret = parse_option(opt, optarg, argv, p);
	return ret;
}

/* SLOT KERNEL, or KERNEL alone. */
static int parse_operands(int argc, char **argv, struct ks_profile *p)
{
	int n = argc - optind;

	if (n == 2) {
		if (ks_parse_slot_number(argv[optind], &p->slot) || !p->slot)
			return ks_fail(KS_REQ_LOAD, argv[optind], -ENXIO);
		optind++;
	} else if (n != 1) {
		ks_error(
			"load takes PROFILE, SLOT KERNEL or KERNEL; see 'kswitch load --help'");
		return KSWITCH_EXIT_USAGE;
	}
	return copy_path(p->kernel, sizeof(p->kernel), "KERNEL", argv[optind]);
}

/* kswitch load PROFILE: a name, not an option, and no file of that name. */
static int names_profile(int argc, char **argv)
{
	return argc == 2 && ks_profile_name_valid(argv[1]) &&
	       access(argv[1], F_OK);
}

int ks_load_args(int argc, char **argv, struct ks_profile *p)
{
	int ret;

	memset(p, 0, sizeof(*p));
	p->mem_size = KS_PROFILE_MEM_DEFAULT;
	if (names_profile(argc, argv))
		return copy_arg(p->name, sizeof(p->name), "PROFILE", argv[1]);
	ret = parse_options(argc, argv, p);
	if (!ret)
		ret = parse_operands(argc, argv, p);
	if (ret)
		return ret;
	if (!p->slot) {
		if (p->kind == KEXEC_SLOT_SWAP || *p->name || p->hotkey) {
			ks_error(
				"--swap, --name and --hotkey are for a slot; give SLOT before KERNEL");
			return KSWITCH_EXIT_USAGE;
		}
		return 0;
	}
	if (!*p->name)
		snprintf(p->name, sizeof(p->name), "slot%u", p->slot);
	return 0;
}

int cmd_load(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_profile p;
	int ret;

	ret = ks_load_args(argc, argv, &p);
	if (ret)
		return ret;
	if (!*p.kernel)
		return load_named_profile(ctx, p.name);
	if (!p.slot)
		return load_peer(&p);
	return load_profile(ctx, &p);
}
