// SPDX-License-Identifier: GPL-2.0
/*
 * The steps the commands share (context.h): a scan, the slot an argument
 * names, a load said in one line.
 */
#include <errno.h>
#include <stdio.h>

#include "context.h"
#include "policy.h"
#include "profile.h"

int ks_ctx_scan(struct ks_context *ctx, struct ks_slot_table *table)
{
	int ret = ctx->src->ops->scan(ctx->src->priv, table);

	return ret ? ks_fail(KS_REQ_SCAN, ctx->src_name, ret) : 0;
}

int ks_ctx_args(int argc, int want, const char *usage)
{
	if (argc == want)
		return 0;
	ks_error("%s", usage);
	return KSWITCH_EXIT_USAGE;
}

int ks_ctx_find_slot(struct ks_context *ctx, enum ks_request req,
		     const char *arg, struct ks_slot_table *table,
		     unsigned int *slot, char *what)
{
	int ret;

	ret = ctx->src->ops->scan(ctx->src->priv, table);
	/* Without slots, a word that is no number is a mistyped command. */
	if (ret == -ENODEV && (*arg < '0' || *arg > '9'))
		return ks_unknown_command(arg);
	if (ret)
		return ks_fail(KS_REQ_SCAN, ctx->src_name, ret);
	if (ks_slot_lookup(table, arg, slot))
		return ks_fail(req, arg, -ENXIO);
	snprintf(what, 16, "%u", *slot);
	return KSWITCH_EXIT_OK;
}

int ks_ctx_load(struct ks_context *ctx, const struct ks_slot_table *table,
		const struct ks_profile *p)
{
	const char *culprit;
	unsigned int slot;
	int ret;

	ret = ks_policy_load(ctx->src, table, p, &slot, &culprit);
	if (ret)
		return ks_fail_load(p, culprit, ret);
	printf("loaded %s into slot %u\n", p->name, slot);
	return KSWITCH_EXIT_OK;
}
