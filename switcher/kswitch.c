// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch: keep several systems resident on one machine and switch between
 * them. main() parses the global options and dispatches to one cmd_<name>()
 * per command, as git and ip do.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kswitch.h"

static const struct kswitch_cmd commands[] = {
	{ "load", cmd_load,
	  "[SLOT] KERNEL [--initrd FILE] [--append CMDLINE] [--mem SIZE] [--swap] [--name NAME]",
	  "load a system into SLOT, or as the one to jump to" },
	{ "list", cmd_list, "", "list the memory slots" },
	{ "unload", cmd_unload, "SLOT", "unload the system in SLOT" },
	{ "jump", cmd_jump, "", "switch to the other system and back" },
	{ "call", cmd_call, "PAYLOAD [ARG]",
	  "run a physical-mode payload on ARG and print its result" },
	{ "status", cmd_status, "", "show this system and its kexec state" },
	{ "help", cmd_help, "", "show this help" },
};

#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: kswitch [--help] SLOT | COMMAND [ARGS]\n\n"
		     "  SLOT       switch to the system in memory slot SLOT\n\n"
		     "commands:\n");
	for (i = 0; i < NR_COMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
}

void ks_error(const char *fmt, ...)
{
	va_list ap;

	fputs("kswitch: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return KSWITCH_EXIT_OK;
}

static const struct kswitch_cmd *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct kswitch_cmd *cmd;

	if (argc < 2) {
		usage(stderr);
		return KSWITCH_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(argc - 1, argv + 1);

	if (argv[1][0] >= '0' && argv[1][0] <= '9')
		return cmd_switch(argc - 1, argv + 1);
	cmd = find_command(argv[1]);
	if (!cmd) {
		ks_error("unknown command '%s'; see 'kswitch help'", argv[1]);
		return KSWITCH_EXIT_USAGE;
	}
	if (argc > 2 && !strcmp(argv[2], "--help")) {
		printf("usage: kswitch %s%s%s\n%s\n", cmd->name,
		       *cmd->args ? " " : "", cmd->args, cmd->summary);
		return KSWITCH_EXIT_OK;
	}
	return cmd->handler(argc - 1, argv + 1);
}
