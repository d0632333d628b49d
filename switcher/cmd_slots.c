// SPDX-License-Identifier: GPL-2.0
/*
 * The memory slot commands: kswitch SLOT (switch), list, unload, log.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "context.h"
#include "policy.h"
#include "slots_json.h"

/*
 * kswitch SLOT and kswitch unload SLOT: @argc arguments, @want of them
 * wanted; find the slot the last one names, and ask @policy for @req.
 */
static int slot_request(struct ks_context *ctx, enum ks_request req, int argc,
			char **argv, int want, const char *usage,
			int (*policy)(struct ks_slot_source *src,
				      const struct ks_slot_table *table,
				      unsigned int slot))
{
	struct ks_slot_table table;
	unsigned int slot;
	char what[16];
	int ret;

	ret = ks_ctx_args(argc, want, usage);
	if (!ret)
		ret = ks_ctx_find_slot(ctx, req, argv[want - 1], &table, &slot,
				       what);
	if (ret)
		return ret;
	ret = policy(ctx->src, &table, slot);
	return ret ? ks_fail(req, what, ret) : KSWITCH_EXIT_OK;
}

int cmd_switch(int argc, char **argv, struct ks_context *ctx)
{
	return slot_request(
		ctx, KS_REQ_SWITCH, argc, argv, 1,
		"'kswitch SLOT' takes one slot; 'kswitch help' lists the commands",
		ks_policy_enter);
}

int cmd_unload(int argc, char **argv, struct ks_context *ctx)
{
	return slot_request(
		ctx, KS_REQ_UNLOAD, argc, argv, 2,
		"unload takes one SLOT; see 'kswitch unload --help'",
		ks_policy_unload);
}

/* More than the kernel keeps of a crashed system's console. */
#define CRASH_LOG_MAX (64 * 1024)

/*
 * A crashed kernel's console lines, each line escaped as names are: the
 * kernel keeps them as they were printed, and anything in that system,
 * root writing to /dev/kmsg for one, could have put escape sequences in.
 */
static void print_log(const char *text, size_t len)
{
	static char line[KS_PRINTABLE_SIZE(CRASH_LOG_MAX)];
	const char *nl;
	size_t n;

	while (len) {
		nl = memchr(text, '\n', len);
		n = nl ? (size_t)(nl - text) : len;
		puts(ks_printable_mem(text, n, line, sizeof(line)));
		n += !!nl;
		text += n;
		len -= n;
	}
}

int cmd_log(int argc, char **argv, struct ks_context *ctx)
{
	static char buf[CRASH_LOG_MAX];
	struct ks_slot_table table;
	unsigned int slot;
	char what[16];
	size_t len = 0;
	int ret;

	ret = ks_ctx_args(argc, 2,
			  "log takes one SLOT; see 'kswitch log --help'");
	if (!ret)
		ret = ks_ctx_find_slot(ctx, KS_REQ_LOG, argv[1], &table, &slot,
				       what);
	if (ret)
		return ret;
	ret = ctx->src->ops->crash_log
		      ? ctx->src->ops->crash_log(ctx->src->priv, slot, buf,
						 sizeof(buf), &len)
		      : -EOPNOTSUPP;
	if (ret)
		return ks_fail(KS_REQ_LOG, what, ret);
	print_log(buf, len);
	return KSWITCH_EXIT_OK;
}

static void print_slot(const struct kexec_slot_info *s, unsigned int self)
{
	char name[KS_PRINTABLE_SIZE(KEXEC_SLOT_NAME_LEN)], key[8];
	struct ks_slot_cells c;

	ks_slot_cells(s, &c);
	printf("%c%-4s %-10s %-9s %8s %8s  %-9s %10s  %-6s %s\n",
	       s->slot == self ? '*' : ' ', c.slot, c.state, c.kind, c.mem_mib,
	       c.entered, c.last, c.took_ms,
	       ks_printable(c.hotkey, key, sizeof(key)),
	       ks_printable(c.name, name, sizeof(name)));
}

int cmd_list(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_slot_table table;
	unsigned int slot;
	int json = 0, ret;

	if (argc == 2 && !strcmp(argv[1], "--json")) {
		json = 1;
	} else if (argc > 1) {
		ks_error("list takes only --json; see 'kswitch list --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_ctx_scan(ctx, &table);
	if (ret)
		return ret;
	if (json)
		return ks_slot_table_write_json(&table, stdout)
			       ? KSWITCH_EXIT_FAILURE
			       : KSWITCH_EXIT_OK;
	printf(" %-4s %-10s %-9s %8s %8s  %-9s %10s  %-6s %s\n", "SLOT",
	       "STATE", "KIND", "MEM(MiB)", "ENTERED", "LAST", "SWITCH(ms)",
	       "HOTKEY", "NAME");
	for (slot = 0; slot < KEXEC_SLOTS_MAX; slot++)
		print_slot(&table.slot[slot], table.self);
	return KSWITCH_EXIT_OK;
}
