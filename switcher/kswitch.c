// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch: keep several systems resident on one machine and switch between
 * them. main() parses the global options and dispatches to one cmd_<name>()
 * per command, as git and ip do; a first argument that is no command names
 * a slot to switch to.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "context.h"
#include "errors.h"
#include "profile.h"
#include "slot_kernel.h"
#include "slots_file.h"

static const struct kswitch_cmd commands[] = {
	{ "list", cmd_list, "[--json]",
	  "list the memory slots, as a table or as JSON" },
	{ "load", cmd_load,
	  "PROFILE | SLOT KERNEL [--initrd FILE] [--append CMDLINE] [--mem SIZE] [--swap] [--name NAME] [--hotkey DIGIT] [--noefi] | KERNEL [--initrd FILE] [--append CMDLINE] [--mem SIZE] [--noefi]",
	  "load a system into a slot (from its profile, or named in full), or as the one to jump to" },
	{ "unload", cmd_unload, "SLOT", "unload the system in SLOT" },
	{ "log", cmd_log, "SLOT",
	  "print the last console lines of the crashed system in SLOT" },
	{ "save", cmd_save, "SLOT FILE",
	  "write the suspended system in SLOT to FILE, then free its slot" },
	{ "restore", cmd_restore, "SLOT FILE",
	  "put the system saved in FILE into the empty SLOT, to resume at its next switch" },
	{ "dump", cmd_dump, "SLOT FILE",
	  "write the system in SLOT to FILE as a core for gdb, and keep it" },
	{ "up", cmd_up, "[--check]",
	  "load every slot profile that is not loaded yet" },
	{ "down", cmd_down, "",
	  "shut every slot's system down cleanly and unload it, before slot 0's own shutdown" },
	{ "menu", cmd_menu, "",
	  "choose a slot to switch to, in a full-screen menu" },
	{ "watch", cmd_watch, "[--run COMMAND]",
	  "run COMMAND (default: loginctl lock-sessions) before each switch away" },
	{ "status", cmd_status, "",
	  "show this system, its slot and kexec state" },
	{ "jump", cmd_jump, "",
	  "switch to the system loaded without a slot, and back" },
	{ "call", cmd_call, "PAYLOAD [ARG]",
	  "run a physical-mode payload on ARG and print its result" },
	{ "help", cmd_help, "[COMMAND]", "show this help, or a command's" },
};

#define NR_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	size_t i;

	fprintf(out,
		"usage: kswitch [--slots-file FILE] [--profiles DIR] SLOT | COMMAND [ARGS]\n\n"
		"  SLOT       switch to the system in SLOT (a number, or its name)\n\n"
		"commands:\n");
	for (i = 0; i < NR_COMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(out,
		"\n'kswitch COMMAND --help' shows a command's arguments; exit codes are in kswitch(8).\n");
}

static void command_usage(const struct kswitch_cmd *cmd)
{
	printf("usage: kswitch %s%s%s\n%s\n", cmd->name, *cmd->args ? " " : "",
	       cmd->args, cmd->summary);
}

static const struct kswitch_cmd *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int cmd_help(int argc, char **argv, struct ks_context *ctx)
{
	const struct kswitch_cmd *cmd;

	(void)ctx;
	if (argc < 2) {
		usage(stdout);
		return KSWITCH_EXIT_OK;
	}
	cmd = find_command(argv[1]);
	if (!cmd)
		return ks_unknown_command(argv[1]);
	if (argc > 2) {
		ks_error("help takes one COMMAND; see 'kswitch help'");
		return KSWITCH_EXIT_USAGE;
	}
	command_usage(cmd);
	return KSWITCH_EXIT_OK;
}

/* True if the command's arguments ask for its usage. */
static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

/* The command line, parsed without acting on it (parse_args()). */
struct ks_args {
	const char *slots_file; /* NULL: the kernel's slots */
	const char *profile_dir;
	bool help; /* show kswitch's usage, or @cmd's */
	const struct kswitch_cmd *cmd; /* NULL: argv[0] names a slot */
	int argc;
	char **argv; /* the command, or the slot, and what follows */
};

/* Past any character: an option's error never names another one. */
enum { OPT_SLOTS_FILE = 256, OPT_PROFILES };

static const struct option global_options[] = {
	{ "slots-file", required_argument, NULL, OPT_SLOTS_FILE },
	{ "profiles", required_argument, NULL, OPT_PROFILES },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/*
 * The global options, and the command or slot after them. Returns 0, or
 * the exit code of what it printed (one line, or the usage) on stderr.
 */
static int parse_args(int argc, char **argv, struct ks_args *a)
{
	int opt;

	memset(a, 0, sizeof(*a));
	a->profile_dir = KS_PROFILE_DIR;
	/* Every bad option is said once, in kswitch's own words. */
	opterr = 0;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+:h", global_options, NULL)) !=
	       -1) {
		switch (opt) {
		case OPT_SLOTS_FILE:
			a->slots_file = optarg;
			break;
		case OPT_PROFILES:
			a->profile_dir = optarg;
			break;
		case 'h':
			a->help = true;
			return 0;
		default:
			return ks_option_error(global_options, argv, opt,
					       "kswitch help");
		}
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	if (a->argc < 1) {
		usage(stderr);
		return KSWITCH_EXIT_USAGE;
	}
	a->cmd = find_command(a->argv[0]);
	a->help = a->cmd && wants_help(a->argc, a->argv);
	/* Each command parses its own options from scratch. */
	optind = 0;
	return 0;
}

int main(int argc, char **argv)
{
	struct ks_slot_source src;
	struct ks_context ctx = { .src = &src };
	struct ks_args a;
	int ret;

	ret = parse_args(argc, argv, &a);
	if (ret)
		return ret;
	if (a.help && !a.cmd) {
		usage(stdout);
		return KSWITCH_EXIT_OK;
	}
	if (a.help) {
		command_usage(a.cmd);
		return KSWITCH_EXIT_OK;
	}
	ctx.profile_dir = a.profile_dir;
	if (a.slots_file) {
		ks_slots_file_source(&src, a.slots_file);
		ctx.src_name = a.slots_file;
	} else {
		ks_kernel_source(&src);
		ctx.src_name = "the kernel";
	}
	if (!a.cmd)
		return cmd_switch(a.argc, a.argv, &ctx);
	return a.cmd->handler(a.argc, a.argv, &ctx);
}
