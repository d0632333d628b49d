// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch down: end every slot's system cleanly before slot 0's own
 * shutdown. Each system that has run is shut down as its own poweroff
 * would (its services stopped, its file systems unmounted), then every
 * slot is unloaded. Powering slot 0 off without this ends them all at
 * once, as pulling the plug would. Only from slot 0.
 */
#include <errno.h>
#include <stdio.h>

#include "cmd.h"
#include "context.h"
#include "policy.h"

/* Shut the system in @slot down, if it ever ran; 0 or an exit code. */
static int shut_down(struct ks_context *ctx, unsigned int slot,
		     const char *name, const char *what)
{
	struct ks_slot_table table;
	int ret;

	printf("shutting down slot %u (%s)\n", slot, name);
	fflush(stdout);
	ret = ctx->src->ops->shut_down(ctx->src->priv, slot);
	if (ret)
		return ks_fail(KS_REQ_SHUTDOWN, what, ret);
	ret = ks_ctx_scan(ctx, &table);
	if (ret)
		return ret;
	/* Its system was left another way before it had shut down. */
	if (table.slot[slot].state != KEXEC_SLOT_EXITED)
		return ks_fail(KS_REQ_SHUTDOWN, what, -EINPROGRESS);
	return KSWITCH_EXIT_OK;
}

static int end_slot(struct ks_context *ctx, struct ks_slot_table *table,
		    unsigned int slot)
{
	char name[KS_PRINTABLE_SIZE(KEXEC_SLOT_NAME_LEN)], what[16];
	int ret;

	snprintf(what, sizeof(what), "%u", slot);
	ks_printable(table->slot[slot].name, name, sizeof(name));
	if (table->slot[slot].state == KEXEC_SLOT_SUSPENDED) {
		ret = shut_down(ctx, slot, name, what);
		if (ret)
			return ret;
	}
	ret = ks_policy_unload(ctx->src, table, slot);
	if (ret)
		return ks_fail(KS_REQ_UNLOAD, what, ret);
	printf("unloaded slot %u (%s)\n", slot, name);
	return KSWITCH_EXIT_OK;
}

int cmd_down(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_slot_table table;
	unsigned int slot;
	int ret, first = KSWITCH_EXIT_OK;

	(void)argv;
	if (argc > 1) {
		ks_error("down takes no arguments; see 'kswitch down --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_ctx_scan(ctx, &table);
	if (ret)
		return ret;
	if (table.self)
		return ks_fail(KS_REQ_SHUTDOWN, "0", -EOPNOTSUPP);
	/* One slot that will not end keeps no other from ending. */
	for (slot = 1; slot < KEXEC_SLOTS_MAX; slot++) {
		if (table.slot[slot].state == KEXEC_SLOT_EMPTY)
			continue;
		ret = end_slot(ctx, &table, slot);
		if (ret && first == KSWITCH_EXIT_OK)
			first = ret;
		/* The table is stale once a system has run. */
		ret = ks_ctx_scan(ctx, &table);
		if (ret)
			return ret;
	}
	return first;
}
