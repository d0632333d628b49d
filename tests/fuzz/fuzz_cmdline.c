// clang-format off
/* fuzz-sources: @lib @commands */
/* fuzz-libs: -lelf -lz -lncursesw -ltinfo */
// clang-format on
// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch's command line: the fuzz bytes, split at NULs, as its
 * arguments, through what main() does before it acts (parse_args():
 * global options, the command or slot) and, for a load, what cmd_load()
 * does (ks_load_args()). Neither acts: they parse, and print a line to say
 * what was wrong (to /dev/null here). kswitch.c is included, its main()
 * renamed, to reach its static parser; the other commands are linked but
 * never run. Whatever is accepted must be a request kswitch can make as
 * it stands; whatever is refused must be refused with a usage code, in
 * one line of printable ASCII that names an option the user wrote.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../slots/profile.h"
#include "../../switcher/load_args.h"

#define main kswitch_main
#include "../../switcher/kswitch.c"
#undef main

#define check(cond)                       \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

#define MAX_ARGS 32

static FILE *real_stderr;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* libFuzzer keeps its own stderr; kswitch's goes to a buffer. */
	real_stderr = stderr;
	stdout = fopen("/dev/null", "w");
	return !stdout;
}

/* An option that @argv has, as an option or inside a cluster. */
static int written(char **argv, int argc, const char *opt, size_t len)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (len > 2 && opt[1] == '-' && !strncmp(argv[i], opt, len) &&
		    (!argv[i][len] || argv[i][len] == '='))
			return 1;
		if (len == 2 && opt[1] != '-' && argv[i][0] == '-' &&
		    argv[i][1] != '-' && strchr(argv[i] + 1, opt[1]))
			return 1;
	}
	return 0;
}

/* What was printed: one line of printable ASCII; an option as written. */
static void check_said(const char *text, size_t len, char **argv, int argc)
{
	const char *opt, *c, *end;
	size_t i;

	for (i = 0; i < len; i++)
		check((text[i] >= 0x20 && text[i] < 0x7f) || text[i] == '\n');
	if (strncmp(text, "kswitch: ", 9))
		return;
	check(len && text[len - 1] == '\n' && !memchr(text, '\n', len - 1));
	/* A line kswitch cut short (1023 bytes) has no end to find. */
	if (strncmp(text, "kswitch: unknown option '", 25) || len > 1000)
		return;
	/* The option, up to the last "'; see '": it may hold either. */
	opt = text + 25;
	for (c = NULL, end = opt; (end = strstr(end, "'; see '")); end++)
		c = end;
	check(c && c - opt >= 2 && opt[0] == '-');
	/* Escaped, it was not written as such: nothing to compare. */
	if (!memchr(opt, '\\', (size_t)(c - opt)))
		check(written(argv, argc, opt, (size_t)(c - opt)));
}

/* @s is one of the arguments: parsing points into them, never copies. */
static int is_arg(char **argv, int argc, const char *s)
{
	int i;

	for (i = 0; i < argc; i++)
		if (s >= argv[i] && s <= argv[i] + strlen(argv[i]))
			return 1;
	return 0;
}

static void check_load(int argc, char **argv)
{
	unsigned int n;
	struct ks_profile p;
	int ret;

	ret = ks_load_args(argc, argv, &p);
	/* Usage, no such slot, or more memory than a machine has. */
	check(ret == 0 || ret == KSWITCH_EXIT_USAGE ||
	      ret == KSWITCH_EXIT_NO_SLOT || ret == KSWITCH_EXIT_NO_MEMORY);
	if (ret)
		return;
	check(memchr(p.name, 0, sizeof(p.name)) &&
	      memchr(p.kernel, 0, sizeof(p.kernel)) &&
	      memchr(p.initrd, 0, sizeof(p.initrd)) &&
	      memchr(p.cmdline, 0, sizeof(p.cmdline)));
	if (!p.kernel[0]) {
		/* load PROFILE: a name that is never a number or option. */
		check(argc == 2 && ks_profile_name_valid(p.name) &&
		      p.name[0] != '-');
		return;
	}
	check(p.mem_size && p.mem_size <= KS_MEM_MAX);
	check(p.slot < KEXEC_SLOTS_MAX);
	check(!p.hotkey || p.hotkey == KS_HOTKEY_NONE ||
	      (p.hotkey >= '0' && p.hotkey <= '9'));
	if (!p.slot) {
		/* The system to jump to: none of a slot's options. */
		check(p.kind == KEXEC_SLOT_RESIDENT && !p.name[0] && !p.hotkey);
		return;
	}
	check(p.kind <= KEXEC_SLOT_SWAP);
	check(ks_profile_name_valid(p.name) ||
	      (sscanf(p.name, "slot%u", &n) == 1 && n == p.slot));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[MAX_ARGS + 1], *copy[MAX_ARGS + 1], *start;
	char *said = NULL;
	size_t i, said_len = 0;
	struct ks_args a;
	int argc = 1, ret;

	/* The bytes and a NUL: every argument ends. */
	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = "kswitch";
	for (start = buf, i = 0; i <= size && argc < MAX_ARGS; i++)
		if (!buf[i]) {
			argv[argc++] = start;
			start = buf + i + 1;
		}
	argv[argc] = NULL;
	/* getopt_long() permutes argv; the errors name what was written. */
	memcpy(copy, argv, sizeof(copy));
	stderr = open_memstream(&said, &said_len);
	if (!stderr)
		abort();

	ret = parse_args(argc, argv, &a);
	check(ret == 0 || ret == KSWITCH_EXIT_USAGE);
	if (!ret && !(a.help && !a.cmd)) {
		check(a.argc >= 1 && a.argv > argv &&
		      a.argv + a.argc == argv + argc);
		check(!a.cmd || !strcmp(a.cmd->name, a.argv[0]));
		check(!a.slots_file || is_arg(argv, argc, a.slots_file));
		check(!strcmp(a.profile_dir, KS_PROFILE_DIR) ||
		      is_arg(argv, argc, a.profile_dir));
		if (a.cmd && a.cmd->handler == cmd_load && !a.help)
			check_load(a.argc, a.argv);
	}
	fclose(stderr);
	stderr = real_stderr;
	check_said(said, said_len, copy, argc);
	free(said);
	free(buf);
	return 0;
}
