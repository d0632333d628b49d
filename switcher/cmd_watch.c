// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch watch [--run COMMAND]: before each switch away from this system,
 * by the hotkey or by kswitch, run COMMAND and let the switch go on once
 * it is done, as a program holding a delay lock from logind does before a
 * suspend. By default COMMAND has every session's screen locker lock. The
 * kernel waits kexec_slots.watch_ms at most; this runs until killed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "context.h"
#include "kexec_syscall.h"
#include "sysinfo.h"

#define DEFAULT_RUN "loginctl lock-sessions"

/* COMMAND through the shell, with KSWITCH_TO set; its exit status. */
static int run(const char *command, unsigned int to)
{
	char slot[16];
	pid_t pid;
	int status;

	snprintf(slot, sizeof(slot), "%u", to);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (!pid) {
		setenv("KSWITCH_TO", slot, 1);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static int watch(const char *command)
{
	struct kexec_slot_notice notice;
	int fd, ret, status;

	fd = ksys_slot_watch_open();
	if (fd < 0)
		return ks_fail(KS_REQ_WATCH, "this system", fd);
	printf("watching for switches away; '%s' runs before each\n", command);
	fflush(stdout);
	for (;;) {
		ret = ksys_slot_watch_next(fd, &notice);
		if (ret)
			break;
		status = run(command, notice.to);
		if (status)
			ks_error("'%s' exited %d before the switch to slot %u",
				 command, status, notice.to);
		/* Answered whatever it did: a switch is never held up for it.
		 */
		ret = ksys_slot_watch_ready(fd, notice.seq);
		if (ret)
			break;
	}
	close(fd);
	return ks_fail(KS_REQ_WATCH, "this system", ret);
}

enum { OPT_RUN = 256 };

static const struct option watch_options[] = {
	{ "run", required_argument, NULL, OPT_RUN },
	{ NULL, 0, NULL, 0 },
};

int cmd_watch(int argc, char **argv, struct ks_context *ctx)
{
	const char *command = DEFAULT_RUN;
	int opt;

	(void)ctx;
	/* ':' first: a missing value is told from an unknown option. */
	while ((opt = getopt_long(argc, argv, ":", watch_options, NULL)) !=
	       -1) {
		if (opt != OPT_RUN)
			return ks_option_error(watch_options, argv, opt,
					       "kswitch watch --help");
		command = optarg;
	}
	if (optind != argc) {
		ks_error(
			"watch takes no arguments but --run; see 'kswitch watch --help'");
		return KSWITCH_EXIT_USAGE;
	}
	return watch(command);
}
