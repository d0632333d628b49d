// SPDX-License-Identifier: GPL-2.0
/*
 * The memory slot commands: kswitch SLOT (switch), list, unload, log.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "kswitch.h"

static int scan(struct ks_context *ctx, struct ks_slot_table *table)
{
	return ctx->src->ops->scan(ctx->src->priv, table);
}

int ks_lookup_slot(struct ks_context *ctx, enum ks_request req, const char *arg,
		   struct ks_slot_table *table, unsigned int *slot)
{
	int ret;

	ret = scan(ctx, table);
	/* Without slots, a word that is no number is a mistyped command. */
	if (ret == -ENODEV && (*arg < '0' || *arg > '9')) {
		ks_error("there is no command '%s'; 'kswitch help' lists them",
			 arg);
		return KSWITCH_EXIT_USAGE;
	}
	if (ret)
		return ks_fail(KS_REQ_SCAN, ctx->src_name, ret);
	if (ks_slot_lookup(table, arg, slot))
		return ks_fail(req, arg, -ENXIO);
	return KSWITCH_EXIT_OK;
}

int cmd_switch(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_slot_table table;
	unsigned int slot;
	char what[16];
	int ret;

	if (argc != 1) {
		ks_error(
			"'kswitch SLOT' takes one slot; 'kswitch help' lists the commands");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_lookup_slot(ctx, KS_REQ_SWITCH, argv[0], &table, &slot);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "%u", slot);
	ret = ctx->src->ops->enter(ctx->src->priv, slot);
	return ret ? ks_fail(KS_REQ_SWITCH, what, ret) : KSWITCH_EXIT_OK;
}

int cmd_unload(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_slot_table table;
	unsigned int slot;
	char what[16];
	int ret;

	if (argc != 2) {
		ks_error("unload takes one SLOT; see 'kswitch unload --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_lookup_slot(ctx, KS_REQ_UNLOAD, argv[1], &table, &slot);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "%u", slot);
	ret = ks_unload_slot(ctx->src, &table, slot);
	return ret ? ks_fail(KS_REQ_UNLOAD, what, ret) : KSWITCH_EXIT_OK;
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

	if (argc != 2) {
		ks_error("log takes one SLOT; see 'kswitch log --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_lookup_slot(ctx, KS_REQ_LOG, argv[1], &table, &slot);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "%u", slot);
	ret = ctx->src->ops->crash_log
		      ? ctx->src->ops->crash_log(ctx->src->priv, slot, buf,
						 sizeof(buf), &len)
		      : -EOPNOTSUPP;
	if (ret)
		return ks_fail(KS_REQ_LOG, what, ret);
	print_log(buf, len);
	return KSWITCH_EXIT_OK;
}

static void print_slot(const struct ks_slot *s, unsigned int self)
{
	char last[32] = "-", took[16] = "-", key[8] = "-";
	char name[KS_PRINTABLE_SIZE(KEXEC_SLOT_NAME_LEN)];
	time_t t = (time_t)(s->last_entered_ns / 1000000000ull);

	if (s->last_entered_ns)
		strftime(last, sizeof(last), "%H:%M:%S", localtime(&t));
	if (s->last_switch_ns)
		snprintf(took, sizeof(took), "%.1f", s->last_switch_ns / 1e6);
	/* From the kernel or a file: any bytes but NUL. */
	if (s->hotkey)
		ks_printable((char[]){ (char)s->hotkey, 0 }, key, sizeof(key));
	ks_printable(s->name, name, sizeof(name));
	printf("%c%-4u %-10s %-9s %8llu %8llu  %-9s %10s  %-6s %s\n",
	       s->slot == self ? '*' : ' ', s->slot,
	       ks_slot_state_name(s->state), ks_slot_kind_name(s->kind),
	       (unsigned long long)(s->mem_size >> 20),
	       (unsigned long long)s->times_entered, last, took, key, name);
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
	ret = scan(ctx, &table);
	if (ret)
		return ks_fail(KS_REQ_SCAN, ctx->src_name, ret);
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
