// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch: keep several systems resident on one machine and switch between
 * them. main() parses the global options and dispatches to one cmd_<name>()
 * per command, as git and ip do; a first argument that is no command names
 * a slot to switch to.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kswitch.h"
#include "profile.h"

static const struct kswitch_cmd commands[] = {
	{ "list", cmd_list, "[--json]",
	  "list the memory slots, as a table or as JSON" },
	{ "load", cmd_load,
	  "PROFILE | SLOT KERNEL [--initrd FILE] [--append CMDLINE] [--mem SIZE] [--swap] [--name NAME] [--hotkey DIGIT] | KERNEL [--initrd FILE] [--append CMDLINE] [--mem SIZE]",
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
	{ "menu", cmd_menu, "",
	  "choose a slot to switch to, in a full-screen menu" },
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

void ks_error(const char *fmt, ...)
{
	va_list ap;

	fputs("kswitch: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int ks_fail(enum ks_request req, const char *what, int err)
{
	char msg[256];
	int code;

	code = ks_explain(req, what, err, msg, sizeof(msg));
	ks_error("%s", msg);
	return code;
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
	if (!cmd) {
		ks_error("no command '%s'; 'kswitch help' lists them", argv[1]);
		return KSWITCH_EXIT_USAGE;
	}
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

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "slots-file", required_argument, NULL, 'f' },
		{ "profiles", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ks_slot_source src;
	struct ks_context ctx = { .src = &src, .profile_dir = KS_PROFILE_DIR };
	const char *slots_file = NULL;
	const struct kswitch_cmd *cmd;
	int opt;

	/* Every bad option is said once, in kswitch's own words. */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		switch (opt) {
		case 'f':
			slots_file = optarg;
			break;
		case 'p':
			ctx.profile_dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return KSWITCH_EXIT_OK;
		default:
			ks_error("unknown option '%s'; see 'kswitch help'",
				 argv[optind - 1]);
			return KSWITCH_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return KSWITCH_EXIT_USAGE;
	}
	if (slots_file) {
		ks_slots_file_source(&src, slots_file);
		ctx.src_name = slots_file;
	} else {
		ks_kernel_source(&src);
		ctx.src_name = "the kernel";
	}

	/* Each command parses its own options from scratch. */
	optind = 0;
	cmd = find_command(argv[0]);
	if (!cmd)
		return cmd_switch(argc, argv, &ctx);
	if (wants_help(argc, argv)) {
		command_usage(cmd);
		return KSWITCH_EXIT_OK;
	}
	return cmd->handler(argc, argv, &ctx);
}
