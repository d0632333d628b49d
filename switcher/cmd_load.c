// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch load: load another system into a memory slot, from its profile
 * or named in full on the command line (kswitch SLOT switches to it); or,
 * without a slot, as the one system kswitch jump switches to and back.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kswitch.h"
#include "loader.h"
#include "profile.h"

/* Files are checked first, so that a missing one is named exactly. */
static int check_readable(const char *path)
{
	return access(path, R_OK) ? ks_fail(KS_REQ_LOAD, path, -errno) : 0;
}

static int check_files(const struct ks_profile *p)
{
	int ret = check_readable(p->kernel);

	if (!ret && *p->initrd)
		ret = check_readable(p->initrd);
	return ret;
}

static int load_profile(struct ks_context *ctx, const struct ks_profile *p)
{
	unsigned int slot = p->slot;
	int ret;

	ret = check_files(p);
	if (ret)
		return ret;
	ret = ctx->src->ops->load(ctx->src->priv, p, &slot);
	if (ret)
		return ks_fail(KS_REQ_LOAD, *p->file ? p->name : p->kernel,
			       ret);
	printf("loaded %s into slot %u\n", p->name, slot);
	return KSWITCH_EXIT_OK;
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

	if (!e) {
		ks_error(
			"no profile '%s' in %s; 'kswitch up --check' lists them",
			name, ctx->profile_dir);
		return KSWITCH_EXIT_NO_FILE;
	}
	if (e->line)
		ks_error("%s:%u: %s", e->file, e->line, e->problem);
	else
		ks_error("%s: %s", e->file, e->problem);
	return KSWITCH_EXIT_BAD_PROFILE;
}

/* kswitch load PROFILE */
static int load_named_profile(struct ks_context *ctx, const char *name)
{
	struct ks_profile_set set;
	const struct ks_profile *p;
	int ret;

	if (ks_profiles_read_dir(ctx->profile_dir, &set))
		return ks_fail(KS_REQ_LOAD, name, -ENOMEM);
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
	struct ks_load_request req = {
		.kernel = p->kernel,
		.initrd = *p->initrd ? p->initrd : NULL,
		.append = *p->cmdline ? p->cmdline : NULL,
		.mem_size = p->mem_size,
	};
	struct ks_load_plan plan;
	int ret;

	ret = check_files(p);
	if (ret)
		return ret;
	ret = ks_load_system(&req, &plan);
	if (ret)
		return ks_fail(KS_REQ_LOAD, p->kernel, ret);
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

static int parse_hotkey(const char *arg, unsigned int *hotkey)
{
	if (!strcmp(arg, "none")) {
		*hotkey = KS_HOTKEY_NONE;
		return 0;
	}
	if (arg[0] >= '0' && arg[0] <= '9' && !arg[1]) {
		*hotkey = (unsigned int)arg[0];
		return 0;
	}
	ks_error("--hotkey '%s' is not one digit 0-9 or none", arg);
	return KSWITCH_EXIT_USAGE;
}

/* The options of a load named in full, into @p. */
static int parse_options(int argc, char **argv, struct ks_profile *p)
{
	static const struct option options[] = {
		{ "initrd", required_argument, NULL, 'i' },
		{ "append", required_argument, NULL, 'a' },
		{ "mem", required_argument, NULL, 'm' },
		{ "name", required_argument, NULL, 'n' },
		{ "swap", no_argument, NULL, 's' },
		{ "hotkey", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, ret = 0;

	while (!ret &&
	       (opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'i':
			ret = copy_arg(p->initrd, sizeof(p->initrd), "--initrd",
				       optarg);
			break;
		case 'a':
			ret = copy_arg(p->cmdline, sizeof(p->cmdline),
				       "--append", optarg);
			break;
		case 'n':
			ret = copy_arg(p->name, sizeof(p->name), "--name",
				       optarg);
			break;
		case 's':
			p->kind = KEXEC_SLOT_SWAP;
			break;
		case 'k':
			ret = parse_hotkey(optarg, &p->hotkey);
			break;
		case 'm':
			if (ks_parse_size(optarg, &p->mem_size)) {
				ks_error(
					"--mem '%s' is not a size; write it like 256M or 1G",
					optarg);
				ret = KSWITCH_EXIT_USAGE;
			}
			break;
		default:
			ks_error("see 'kswitch load --help'");
			ret = KSWITCH_EXIT_USAGE;
		}
	}
	return ret;
}

/* A slot to load into: 1 .. KEXEC_SLOTS_MAX - 1. */
static int parse_load_slot(const char *arg, unsigned int *slot)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || !n || n >= KEXEC_SLOTS_MAX)
		return -ENXIO;
	*slot = (unsigned int)n;
	return 0;
}

/* SLOT KERNEL, or KERNEL alone. */
static int parse_operands(int argc, char **argv, struct ks_profile *p)
{
	int n = argc - optind;

	if (n == 2) {
		if (parse_load_slot(argv[optind], &p->slot))
			return ks_fail(KS_REQ_LOAD, argv[optind], -ENXIO);
		optind++;
	} else if (n != 1) {
		ks_error(
			"load takes PROFILE, SLOT KERNEL or KERNEL; see 'kswitch load --help'");
		return KSWITCH_EXIT_USAGE;
	}
	return copy_arg(p->kernel, sizeof(p->kernel), "KERNEL", argv[optind]);
}

/* A profile name has no '/' and is not a number (profile.h). */
static int is_profile_name(const char *arg)
{
	return !strchr(arg, '/') && !(arg[0] >= '0' && arg[0] <= '9');
}

int cmd_load(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_profile p = { .mem_size = KS_PROFILE_MEM_DEFAULT };
	int ret;

	if (argc == 2 && is_profile_name(argv[1]) && access(argv[1], F_OK))
		return load_named_profile(ctx, argv[1]);
	ret = parse_options(argc, argv, &p);
	if (!ret)
		ret = parse_operands(argc, argv, &p);
	if (ret)
		return ret;
	if (!p.slot) {
		if (p.kind == KEXEC_SLOT_SWAP || *p.name || p.hotkey) {
			ks_error(
				"--swap, --name and --hotkey are for a slot; give SLOT before KERNEL");
			return KSWITCH_EXIT_USAGE;
		}
		return load_peer(&p);
	}
	if (!*p.name)
		snprintf(p.name, sizeof(p.name), "slot%u", p.slot);
	return load_profile(ctx, &p);
}
