/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal TAP for the C unit tests: ok(cond, name) per check, then
 * return tap_done() from main().
 */
#ifndef KSWITCH_TAP_H
#define KSWITCH_TAP_H

#include <stdio.h>

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

#endif /* KSWITCH_TAP_H */
