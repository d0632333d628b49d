/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal TAP for the C unit tests: ok(cond, name) per check, then
 * return tap_done() from main().
 */
#ifndef KSWITCH_TAP_H
#define KSWITCH_TAP_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int tap_n, tap_failed;

#define ok(cond, ...)                                           \
	do {                                                    \
		int ok_ = !!(cond);                             \
		tap_n++;                                        \
		tap_failed += !ok_;                             \
		printf("%sok %d - ", ok_ ? "" : "not ", tap_n); \
		printf(__VA_ARGS__);                            \
		putchar('\n');                                  \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/*
 * Run @fn(@arg) in a child that SIGALRM ends after 5 s, for code that must
 * not block (a reader given a FIFO without a writer). The child's
 * @out_size bytes at @out come back to @out. Returns what @fn returned,
 * 1000 + the signal that ended the child, or 2000 if it said nothing.
 */
static inline int tap_in_child(int (*fn)(void *arg), void *arg, void *out,
			       size_t out_size)
{
	int fds[2], status, ret;
	pid_t pid;

	if (pipe(fds) || (pid = fork()) < 0) {
		perror("fork");
		exit(1);
	}
	if (!pid) {
		alarm(5);
		ret = fn(arg);
		if (write(fds[1], &ret, sizeof(ret)) != sizeof(ret) ||
		    (out_size &&
		     write(fds[1], out, out_size) != (ssize_t)out_size))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		ret = 1000 + WTERMSIG(status);
	else if (read(fds[0], &ret, sizeof(ret)) != sizeof(ret) ||
		 (out_size && read(fds[0], out, out_size) != (ssize_t)out_size))
		ret = 2000;
	close(fds[0]);
	return ret;
}

#endif /* KSWITCH_TAP_H */
