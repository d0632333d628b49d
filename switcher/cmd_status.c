// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch status: which system this is and what its kernel offers.
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "cmd.h"
#include "context.h"
#include "sysinfo.h"

static void print_file_fact(const char *label, const char *path)
{
	char buf[256];
	int ret;

	ret = ks_read_line(path, buf, sizeof(buf));
	printf("%-10s %s\n", label, ret ? strerror(-ret) : buf);
}

static void print_kexec_state(void)
{
	int ret = ks_kexec_loaded();

	if (ret < 0)
		printf("%-10s not available (%s)\n", "kexec:", strerror(-ret));
	else
		printf("%-10s %s\n",
		       "kexec:", ret ? "image loaded" : "no image loaded");
}

/* Which slot this is, and how many are loaded, if the kernel has slots. */
static void print_slot_state(struct ks_context *ctx)
{
	char name[KS_PRINTABLE_SIZE(KEXEC_SLOT_NAME_LEN)];
	struct ks_slot_table table;
	unsigned int i, loaded = 0;
	int ret;

	ret = ctx->src->ops->scan(ctx->src->priv, &table);
	if (ret) {
		printf("%-10s none (%s)\n", "slot:", strerror(-ret));
		return;
	}
	for (i = 1; i < KEXEC_SLOTS_MAX; i++)
		loaded += table.slot[i].state != KEXEC_SLOT_EMPTY;
	printf("%-10s %u (%s); %u of %u slots loaded\n", "slot:", table.self,
	       ks_printable(table.slot[table.self].name, name, sizeof(name)),
	       loaded, KEXEC_SLOTS_MAX - 1);
}

int cmd_status(int argc, char **argv, struct ks_context *ctx)
{
	struct utsname uts;
	char name[256], shown[KS_PRINTABLE_SIZE(sizeof(name))];
	int ret;

	(void)argv;
	if (argc > 1) {
		ks_error(
			"status takes no arguments; see 'kswitch status --help'");
		return KSWITCH_EXIT_USAGE;
	}
	ret = ks_system_name(name, sizeof(name));
	if (ret) {
		ks_error("cannot tell this system's name: %s", strerror(-ret));
		return KSWITCH_EXIT_FAILURE;
	}
	uname(&uts);
	/* /etc/kswitch-system is a file like any other. */
	printf("%-10s %s\n",
	       "system:", ks_printable(name, shown, sizeof(shown)));
	printf("%-10s %s %s\n", "kernel:", uts.release, uts.version);
	print_file_fact("cpus:", "/sys/devices/system/cpu/online");
	print_kexec_state();
	print_slot_state(ctx);
	return KSWITCH_EXIT_OK;
}
