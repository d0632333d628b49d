// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch up: load every slot profile that is not loaded yet. A malformed
 * profile is named with its line and problem, and the others still load.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "context.h"
#include "profile.h"

static int report_refused(const struct ks_profile_set *set)
{
	char line[KS_PATH_LEN + 192];
	unsigned int i;

	for (i = 0; i < set->nr_errors; i++) {
		ks_profile_error_format(&set->error[i], line, sizeof(line));
		ks_error("%s", line);
	}
	return set->nr_errors ? KSWITCH_EXIT_BAD_PROFILE : KSWITCH_EXIT_OK;
}

static int load_all(struct ks_context *ctx, const struct ks_profile_set *set,
		    int check_only)
{
	char file[KS_PRINTABLE_SIZE(KS_PATH_LEN)];
	struct ks_slot_table table;
	unsigned int i, slot;
	int ret, first = KSWITCH_EXIT_OK;

	ret = ks_ctx_scan(ctx, &table);
	if (ret)
		return ret;
	for (i = 0; i < set->nr; i++) {
		if (!ks_slot_named(&table, set->profile[i].name, &slot)) {
			printf("%s is loaded already\n", set->profile[i].name);
			continue;
		}
		if (check_only) {
			/* The name is checked; the file's name is any. */
			printf("%s would be loaded (%s)\n",
			       set->profile[i].name,
			       ks_printable(set->profile[i].file, file,
					    sizeof(file)));
			continue;
		}
		ret = ks_ctx_load(ctx, &table, &set->profile[i]);
		if (ret && !first)
			first = ret;
	}
	return first;
}

int cmd_up(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_profile_set set;
	int check_only = 0, refused, ret;

	if (argc == 2 && !strcmp(argv[1], "--check")) {
		check_only = 1;
	} else if (argc > 1) {
		ks_error("up takes only --check; see 'kswitch up --help'");
		return KSWITCH_EXIT_USAGE;
	}
	if (ks_profiles_read_dir(ctx->profile_dir, &set)) {
		ks_error("out of memory reading %s", ctx->profile_dir);
		return KSWITCH_EXIT_FAILURE;
	}
	refused = report_refused(&set);
	if (!set.nr && !set.nr_errors)
		printf("no profiles in %s\n", ctx->profile_dir);
	ret = load_all(ctx, &set, check_only);
	ks_profiles_free(&set);
	/* A refused profile is the first thing to fix. */
	return refused ? refused : ret;
}
