/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every command gets besides its arguments, and the steps most of
 * them share: scan the slots once, find the slot an argument names, load
 * a profile and say where it went. These print (errors.h) and return an
 * exit code: they are the commands' half of a request, policy.h the half
 * that decides.
 */
#ifndef KSWITCH_CONTEXT_H
#define KSWITCH_CONTEXT_H

#include "errors.h"
#include "slots.h"

/* The global options, and the slot source they chose. */
struct ks_context {
	struct ks_slot_source *src; /* the kernel, or --slots-file */
	const char *src_name; /* for messages: "the kernel", or the file */
	const char *profile_dir; /* --profiles, default KS_PROFILE_DIR */
};

/* Scan the slots into @table: 0, or the exit code of the line printed. */
int ks_ctx_scan(struct ks_context *ctx, struct ks_slot_table *table);

/*
 * A command takes @want arguments, its name included: 0, or say so in
 * @usage's words and return KSWITCH_EXIT_USAGE.
 */
int ks_ctx_args(int argc, int want, const char *usage);

/*
 * Scan the slots into @table and find the one @arg names (number or
 * name) for @req: its number in *@slot, and as text in @what (16 bytes)
 * for messages. 0, or the exit code of the line printed.
 */
int ks_ctx_find_slot(struct ks_context *ctx, enum ks_request req,
		     const char *arg, struct ks_slot_table *table,
		     unsigned int *slot, char *what);

struct ks_profile;
/*
 * Load @p into a slot as ks_policy_load() does, per @table, and print
 * where it went: 0, or the exit code of the line printed.
 */
int ks_ctx_load(struct ks_context *ctx, const struct ks_slot_table *table,
		const struct ks_profile *p);

#endif /* KSWITCH_CONTEXT_H */
