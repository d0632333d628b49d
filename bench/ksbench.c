// SPDX-License-Identifier: GPL-2.0
/*
 * ksbench: the benchmark agent that runs in the guest systems of make bench
 * (bench/README.md). It times switches with the TSC, which runs on across
 * kernels, and reads the kernel's own breakdown of each switch through the
 * slot interface (KEXEC_SLOT_IOC_INFO). Every figure goes to stdout as one
 * line starting with "ksbench ", for bench/report.sh.
 *
 *   ksbench calibrate            TSC rate against CLOCK_MONOTONIC_RAW
 *   ksbench stamp LABEL          print the TSC now
 *   ksbench rounds N SLOT:LABEL...  N round trips to each SLOT and back,
 *                                the slots in turn
 *   ksbench bounce SLOT          on each entry, switch straight to SLOT
 *   ksbench kexec-rounds N LABEL N stock kexec jumps (reboot(2)) and back
 *   ksbench kexec-bounce N LABEL the stock peer: N jumps back, then say when
 *                                each one left and came back
 *   ksbench memcpy MIB LABEL     time a memcpy() of MIB MiB (best of 3)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <time.h>
#include <unistd.h>
#include <x86intrin.h>

#include <linux/kexec_slots.h>
#include <linux/reboot.h>

#define SLOTS_DEV "/dev/kexec_slots"
#define MAX_ROUNDS 10000

static const char *const phase_names[KEXEC_SWITCH_PHASES] = {
	[KEXEC_PHASE_PREPARE] = "prepare",
	[KEXEC_PHASE_FREEZE] = "freeze",
	[KEXEC_PHASE_SUSPEND] = "suspend",
	[KEXEC_PHASE_CPUS_DOWN] = "cpus_down",
	[KEXEC_PHASE_MEMORY] = "memory",
	[KEXEC_PHASE_JUMP] = "jump",
	[KEXEC_PHASE_CPUS_UP] = "cpus_up",
	[KEXEC_PHASE_RESUME] = "resume",
	[KEXEC_PHASE_THAW] = "thaw",
};

/* RDTSC after LFENCE: QEMU's default CPU has no RDTSCP. */
static uint64_t tsc(void)
{
	_mm_lfence();
	return __rdtsc();
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* TSC ticks per millisecond, over 200 ms of this kernel's raw clock. */
static uint64_t tsc_khz(void)
{
	struct timespec pause = { .tv_nsec = 200 * 1000 * 1000 };
	uint64_t t0 = tsc(), n0 = now_ns(), t1, n1;

	nanosleep(&pause, NULL);
	t1 = tsc();
	n1 = now_ns();
	return (t1 - t0) * 1000000 / (n1 - n0);
}

static uint64_t ticks_to_ns(uint64_t ticks, uint64_t khz)
{
	return (uint64_t)((double)ticks * 1e6 / khz);
}

static int slot_info(int dev, unsigned int slot, struct kexec_slot_info *info)
{
	memset(info, 0, sizeof(*info));
	info->slot = slot;
	return ioctl(dev, KEXEC_SLOT_IOC_INFO, info) ? -errno : 0;
}

static void print_switch(const char *label, const char *dir, int round,
			 const struct kexec_slot_info *info)
{
	int i;

	printf("ksbench %s %s %d total %llu", label, dir, round,
	       (unsigned long long)info->last_switch_ns);
	for (i = 0; i < KEXEC_SWITCH_PHASES; i++)
		printf(" %s %llu", phase_names[i],
		       (unsigned long long)info->last_switch_phase_ns[i]);
	printf("\n");
}

static int open_slots(void)
{
	int dev = open(SLOTS_DEV, O_RDWR | O_CLOEXEC);

	if (dev < 0)
		fprintf(stderr, "ksbench: %s: %s\n", SLOTS_DEV,
			strerror(errno));
	return dev;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: ksbench calibrate | stamp LABEL | rounds N SLOT:LABEL... |\n"
		"       bounce SLOT | kexec-rounds N LABEL | kexec-bounce N LABEL |\n"
		"       memcpy MIB LABEL\n");
	return 2;
}

struct rounds_peer {
	unsigned int slot;
	const char *label;
};

/* SLOT:LABEL, as "ksbench rounds" takes its peers. */
static int parse_peer(const char *arg, struct rounds_peer *peer)
{
	char *end;

	peer->slot = strtoul(arg, &end, 10);
	if (end == arg || *end != ':' || !end[1])
		return -EINVAL;
	peer->label = end + 1;
	return 0;
}

/* One round trip to @peer's slot; prints the round and both ways. */
static int round_trip(int dev, __u32 self, const struct rounds_peer *peer,
		      uint64_t khz, int i)
{
	struct kexec_slot_info there, back;
	__u32 slot = peer->slot;
	uint64_t t0, t1;

	t0 = tsc();
	if (ioctl(dev, KEXEC_SLOT_IOC_SWITCH, &slot)) {
		fprintf(stderr, "ksbench: switch to slot %u: %s\n", slot,
			strerror(errno));
		return 1;
	}
	t1 = tsc();
	if (slot_info(dev, slot, &there) || slot_info(dev, self, &back))
		return 1;
	printf("ksbench %s round %d %llu\n", peer->label, i,
	       (unsigned long long)ticks_to_ns(t1 - t0, khz));
	if (i > 1) /* round 1 may be a first entry, a boot */
		print_switch(peer->label, "there", i, &there);
	print_switch(peer->label, "back", i, &back);
	fflush(stdout);
	return 0;
}

/*
 * N round trips from this slot to each peer slot, whose system switches
 * straight back (ksbench bounce). Round i visits every peer in turn, so
 * that whatever drifts over a run (the host's load, the guest's page
 * cache, the disk writer's backlog) falls on all of them alike and their
 * figures compare. Per round: the round trip as this slot's TSC saw it,
 * and the kernel's record of each way, phase by phase.
 */
static int run_rounds(int rounds, int npeers, char **args)
{
	struct rounds_peer peers[KEXEC_SLOTS_MAX];
	uint64_t khz = tsc_khz();
	__u32 self;
	int dev, i, j;

	if (npeers > KEXEC_SLOTS_MAX)
		return usage();
	for (j = 0; j < npeers; j++)
		if (parse_peer(args[j], &peers[j]))
			return usage();
	dev = open_slots();
	if (dev < 0)
		return 1;
	if (ioctl(dev, KEXEC_SLOT_IOC_SELF, &self)) {
		perror("ksbench: KEXEC_SLOT_IOC_SELF");
		return 1;
	}
	for (j = 0; j < npeers; j++)
		printf("ksbench %s tsc_khz %llu\n", peers[j].label,
		       (unsigned long long)khz);
	for (i = 1; i <= rounds; i++)
		for (j = 0; j < npeers; j++)
			if (round_trip(dev, self, &peers[j], khz, i))
				return 1;
	return 0;
}

static int run_bounce(unsigned int slot)
{
	int dev = open_slots();

	if (dev < 0)
		return 1;
	for (;;) {
		if (ioctl(dev, KEXEC_SLOT_IOC_SWITCH, &slot)) {
			fprintf(stderr, "ksbench: switch to slot %u: %s\n",
				slot, strerror(errno));
			return 1;
		}
	}
}

/* One stock kexec jump: returns when this kernel is entered again. */
static int kexec_jump(void)
{
	sync();
	if (reboot(LINUX_REBOOT_CMD_KEXEC)) {
		fprintf(stderr, "ksbench: kexec jump: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

/*
 * The stock flow has no slot records: each side notes the TSC when it
 * leaves and when it is back, and report.sh pairs the two sides' lines.
 */
static int run_kexec_rounds(int rounds, const char *label)
{
	uint64_t khz = tsc_khz(), t0, t1;
	int i;

	printf("ksbench %s tsc_khz %llu\n", label, (unsigned long long)khz);
	for (i = 1; i <= rounds; i++) {
		fflush(stdout);
		t0 = tsc();
		if (kexec_jump())
			return 1;
		t1 = tsc();
		printf("ksbench %s round %d %llu\n", label, i,
		       (unsigned long long)ticks_to_ns(t1 - t0, khz));
		printf("ksbench %s left %d %llu\n", label, i,
		       (unsigned long long)t0);
		printf("ksbench %s back %d %llu\n", label, i,
		       (unsigned long long)t1);
	}
	return 0;
}

static int run_kexec_bounce(int rounds, const char *label)
{
	static uint64_t entered[MAX_ROUNDS], left[MAX_ROUNDS];
	int i;

	if (rounds < 1 || rounds > MAX_ROUNDS)
		return 2;
	for (i = 0; i < rounds; i++) {
		left[i] = tsc();
		if (kexec_jump())
			return 1;
		entered[i] = tsc();
	}
	/* Jump j went back for the caller's round j, which came back. */
	for (i = 0; i < rounds; i++)
		printf("ksbench %s peer %d left %llu entered %llu\n", label,
		       i + 1, (unsigned long long)left[i],
		       (unsigned long long)entered[i]);
	fflush(stdout);
	return kexec_jump();
}

/* Best of three, so that page faults of the first touch do not count. */
static int run_memcpy(int mib, const char *label)
{
	size_t size = (size_t)mib << 20;
	uint64_t best = UINT64_MAX, t0, t1;
	char *src, *dst;
	int i;

	src = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	dst = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (src == MAP_FAILED || dst == MAP_FAILED) {
		fprintf(stderr, "ksbench: %d MiB: %s\n", mib, strerror(errno));
		return 1;
	}
	memset(src, 0x5a, size);
	for (i = 0; i < 3; i++) {
		t0 = now_ns();
		memcpy(dst, src, size);
		t1 = now_ns();
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	printf("ksbench %s memcpy %d %llu\n", label, mib,
	       (unsigned long long)best);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "calibrate")) {
		printf("ksbench tsc_khz %llu\n", (unsigned long long)tsc_khz());
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "stamp")) {
		printf("ksbench %s stamp %llu\n", argv[2],
		       (unsigned long long)tsc());
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "rounds"))
		return run_rounds(atoi(argv[2]), argc - 3, argv + 3);
	if (argc == 3 && !strcmp(argv[1], "bounce"))
		return run_bounce(atoi(argv[2]));
	if (argc == 4 && !strcmp(argv[1], "kexec-rounds"))
		return run_kexec_rounds(atoi(argv[2]), argv[3]);
	if (argc == 4 && !strcmp(argv[1], "kexec-bounce"))
		return run_kexec_bounce(atoi(argv[2]), argv[3]);
	if (argc == 4 && !strcmp(argv[1], "memcpy"))
		return run_memcpy(atoi(argv[2]), argv[3]);
	return usage();
}
