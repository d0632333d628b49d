/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TAP for every C test, kselftest style (kselftest.h): the unit tests
 * (tests/unit) and the agents run in the guests (tests/agents). The same
 * rules as tests/lib/tap.sh, the shell's:
 *
 *   tap_plan(n)           "TAP version 13" and "1..n", before any result
 *                         (as ksft_set_plan(); count what loops add)
 *   ok(cond, fmt, ...)    one result: "ok N - ..." or "not ok N - ..."
 *   tap_result(pass, fmt, ...)  the same, where pass and fail say
 *                         different things
 *   tap_skip(n, fmt, ...) n results that could not be had here
 *   tap_note(fmt, ...)    a diagnostic line, "# ..."
 *   tap_skip_all(fmt, ...)  "1..0 # SKIP ..." (and the version); exits 4
 *   tap_bail_out(fmt, ...)  "Bail out! ..."; exits 1
 *   return tap_done()     0 if every result passed and as many ran as
 *                         planned, 1 otherwise
 */
#ifndef KSWITCH_TAP_H
#define KSWITCH_TAP_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static int tap_n, tap_failed, tap_planned = -1;

static inline void tap_plan(int n)
{
	tap_planned = n;
	printf("TAP version 13\n1..%d\n", n);
}

static inline __attribute__((format(printf, 2, 3))) void
tap_result(int pass, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	tap_failed += !pass;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define ok(cond, ...) tap_result(!!(cond), __VA_ARGS__)

static inline __attribute__((format(printf, 2, 3))) void
tap_skip(int n, const char *fmt, ...)
{
	va_list ap;

	while (n-- > 0) {
		printf("ok %d # SKIP ", ++tap_n);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
	}
}

static inline __attribute__((format(printf, 1, 2))) void
tap_note(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline __attribute__((format(printf, 1, 2), noreturn)) void
tap_skip_all(const char *fmt, ...)
{
	va_list ap;

	fputs("TAP version 13\n1..0 # SKIP ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	exit(4);
}

static inline __attribute__((format(printf, 1, 2), noreturn)) void
tap_bail_out(const char *fmt, ...)
{
	va_list ap;

	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	exit(1);
}

/*
 * A test that stopped early, or whose plan is out of date, fails as one
 * whose check failed does.
 */
static inline int tap_done(void)
{
	if (tap_n != tap_planned) {
		printf("# planned %d, ran %d\n", tap_planned, tap_n);
		return 1;
	}
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
