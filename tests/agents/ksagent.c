// SPDX-License-Identifier: GPL-2.0
/*
 * ksagent: the test agent that runs in every guest system of the jump
 * scenarios, so each switch can be checked from inside each system.
 *
 *   ksagent counter FILE        count forever, 100 times a second, into FILE
 *   ksagent pattern MIB FILE    fill MIB MiB with a pattern; on each SIGUSR1
 *                               verify it and write "SEQ ok" or
 *                               "SEQ bad OFFSET" to FILE
 *   ksagent nocap CMD [ARG]...  run CMD as root without CAP_SYS_BOOT
 *
 * FILE is replaced atomically (rename) so a reader never sees half a line.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static int write_status(const char *path, const char *line)
{
	char tmp[4096];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return -errno;
	fputs(line, f);
	if (fclose(f))
		return -errno;
	return rename(tmp, path) ? -errno : 0;
}

static int run_counter(const char *path)
{
	struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };
	unsigned long long n = 0;
	char line[32];

	for (;;) {
		snprintf(line, sizeof(line), "%llu\n", ++n);
		if (write_status(path, line))
			return 1;
		nanosleep(&tick, NULL);
	}
}

/* xorshift64: cheap, and every word depends on its index and the seed. */
static uint64_t pattern_word(uint64_t seed, size_t i)
{
	uint64_t x = seed ^ (i * 0x9e3779b97f4a7c15ull);

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

static volatile sig_atomic_t verify_requested;

static void on_usr1(int sig)
{
	(void)sig;
	verify_requested = 1;
}

static int run_pattern(const char *mib_arg, const char *path)
{
	size_t words = strtoull(mib_arg, NULL, 0) << 17; /* MiB / 8 bytes */
	uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	struct sigaction sa = { .sa_handler = on_usr1 };
	unsigned long seq = 0;
	uint64_t *mem;
	char line[64];
	size_t i;

	mem = mmap(NULL, words * 8, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (mem == MAP_FAILED || !words)
		return 1;
	for (i = 0; i < words; i++)
		mem[i] = pattern_word(seed, i);
	sigaction(SIGUSR1, &sa, NULL);
	write_status(path, "0 ok\n");
	for (;;) {
		while (!verify_requested)
			pause();
		verify_requested = 0;
		for (i = 0; i < words; i++)
			if (mem[i] != pattern_word(seed, i))
				break;
		if (i == words)
			snprintf(line, sizeof(line), "%lu ok\n", ++seq);
		else
			snprintf(line, sizeof(line), "%lu bad %zu\n", ++seq,
				 i * 8);
		write_status(path, line);
	}
}

/*
 * Root gets every capability of its bounding set at exec: drop
 * CAP_SYS_BOOT from that set, and CMD runs without it.
 */
static int run_without_sys_boot(char **argv)
{
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_BOOT, 0, 0, 0)) {
		perror("ksagent: PR_CAPBSET_DROP");
		return 1;
	}
	execvp(argv[0], argv);
	perror("ksagent: exec");
	return 127;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "counter"))
		return run_counter(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "pattern"))
		return run_pattern(argv[2], argv[3]);
	if (argc >= 3 && !strcmp(argv[1], "nocap"))
		return run_without_sys_boot(argv + 2);
	fprintf(stderr,
		"usage: ksagent counter FILE | pattern MIB FILE | nocap CMD [ARG]...\n");
	return 2;
}
