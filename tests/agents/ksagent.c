// SPDX-License-Identifier: GPL-2.0
/*
 * ksagent: the test agent that runs in every guest system of the jump
 * scenarios, so each switch can be checked from inside each system.
 *
 *   ksagent counter FILE        count forever, 100 times a second, into FILE
 *   ksagent pattern MIB FILE    fill MIB MiB with a pattern; on each SIGUSR1
 *                               verify it and write "SEQ ok" or
 *                               "SEQ bad OFFSET" to FILE
 *   ksagent disk DEV FILE       write numbered 4 KiB records to DEV without
 *                               end, fdatasync() after every 8; on each
 *                               SIGUSR1 read the last fsynced ones back
 *                               with O_DIRECT and write "SEQ ok RECORDS"
 *                               or "SEQ bad RECORD" to FILE
 *   ksagent nocap CMD [ARG]...  run CMD as root without CAP_SYS_BOOT and
 *                               CAP_SYSLOG
 *   ksagent ranges SLOT         print SLOT's memory ranges, "START SIZE" in
 *                               hex, one per line (KEXEC_SLOT_IOC_INFO)
 *   ksagent devmem ADDR         read a page at physical ADDR through
 *                               /dev/mem: print "read", exit 0, or
 *                               "refused: ERROR", exit 1
 *   ksagent kcore ADDR SIZE     read physical [ADDR, ADDR + SIZE) through
 *                               /proc/kcore: print "data", exit 0; "zero"
 *                               (all of it reads as zeros), exit 1; or
 *                               "absent" (no segment holds it), exit 3
 *   ksagent scribble-dir ADDR SELF
 *                               overwrite, through /dev/mem, what slot 0
 *                               must not trust in the slot directory at
 *                               physical ADDR: the running slot, the
 *                               crash count, the records of slots other
 *                               than 0 and SELF (all 0xff), SELF's
 *                               ranges and links;
 *                               print "scribbled", exit 0, or why not,
 *                               exit 1
 *   ksagent tpm DEV             ask the TPM 2.0 at DEV (/dev/tpmrm0) for 16
 *                               random bytes (TPM2_GetRandom): print them
 *                               in hex, exit 0; or what went wrong, exit 1
 *   ksagent fragment MIB FILE   leave free memory scattered: fault in MIB
 *                               MiB twice over, a page of each in turn,
 *                               free the second, write "ready" to FILE and
 *                               hold the first until killed
 *
 * FILE is replaced atomically (rename) so a reader never sees half a line.
 */
#define _GNU_SOURCE /* O_DIRECT */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <linux/kexec_slots.h>
#include <sys/ioctl.h>
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

#define DISK_RECORD 4096
#define DISK_BATCH 8

/* Record @r: every word says which record it is, and where in it. */
static void fill_record(uint64_t *rec, uint64_t r)
{
	size_t i;

	for (i = 0; i < DISK_RECORD / 8; i++)
		rec[i] = pattern_word(r, i);
}

/*
 * After an fdatasync() that covered record @r, its place holds it or a
 * later record of the same place that @r's writer wrote since (the
 * writer wraps around), never anything else.
 */
static int record_ok(const uint64_t *rec, uint64_t r, uint64_t nr_places,
		     uint64_t written)
{
	static uint64_t want[DISK_RECORD / 8];
	uint64_t s;

	for (s = r; s < written; s += nr_places) {
		fill_record(want, s);
		if (!memcmp(rec, want, DISK_RECORD))
			return 1;
	}
	return 0;
}

/* Read back the last @nr_places fsynced records, bypassing the cache. */
static int verify_disk(int fd_direct, uint64_t *buf, uint64_t nr_places,
		       uint64_t synced, uint64_t written, uint64_t *bad)
{
	uint64_t r = synced > nr_places ? synced - nr_places : 0;

	for (; r < synced; r++) {
		if (pread(fd_direct, buf, DISK_RECORD,
			  (off_t)(r % nr_places) * DISK_RECORD) !=
			    DISK_RECORD ||
		    !record_ok(buf, r, nr_places, written)) {
			*bad = r;
			return 0;
		}
	}
	return 1;
}

static int run_disk(const char *dev, const char *path)
{
	struct timespec pause = { .tv_nsec = 5 * 1000 * 1000 };
	struct sigaction sa = { .sa_handler = on_usr1 };
	uint64_t written = 0, synced = 0, nr_places, bad;
	int fd = open(dev, O_RDWR), fd_direct = open(dev, O_RDONLY | O_DIRECT);
	unsigned long seq = 0;
	uint64_t *rec, *buf;
	char line[96];
	off_t size;

	if (fd < 0 || fd_direct < 0 ||
	    (size = lseek(fd, 0, SEEK_END)) < DISK_RECORD * DISK_BATCH ||
	    posix_memalign((void **)&rec, DISK_RECORD, DISK_RECORD) ||
	    posix_memalign((void **)&buf, DISK_RECORD, DISK_RECORD)) {
		perror("ksagent: disk");
		return 1;
	}
	nr_places = size / DISK_RECORD;
	sigaction(SIGUSR1, &sa, NULL);
	for (;;) {
		fill_record(rec, written);
		if (pwrite(fd, rec, DISK_RECORD,
			   (off_t)(written % nr_places) * DISK_RECORD) !=
		    DISK_RECORD) {
			perror("ksagent: disk write");
			return 1;
		}
		if (++written % DISK_BATCH == 0) {
			if (fdatasync(fd)) {
				perror("ksagent: fdatasync");
				return 1;
			}
			synced = written;
			/* Writes in flight at any time, not a flood. */
			nanosleep(&pause, NULL);
		}
		if (!verify_requested)
			continue;
		verify_requested = 0;
		if (verify_disk(fd_direct, buf, nr_places, synced, written,
				&bad))
			snprintf(line, sizeof(line), "%lu ok %llu\n", ++seq,
				 (unsigned long long)synced);
		else
			snprintf(line, sizeof(line), "%lu bad %llu\n", ++seq,
				 (unsigned long long)bad);
		write_status(path, line);
	}
}

/*
 * Root gets every capability of its bounding set at exec: drop
 * CAP_SYS_BOOT and CAP_SYSLOG from that set, and CMD runs without them.
 */
static int run_without_caps(char **argv)
{
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_BOOT, 0, 0, 0) ||
	    prctl(PR_CAPBSET_DROP, CAP_SYSLOG, 0, 0, 0)) {
		perror("ksagent: PR_CAPBSET_DROP");
		return 1;
	}
	execvp(argv[0], argv);
	perror("ksagent: exec");
	return 127;
}

static int print_ranges(const char *slot)
{
	struct kexec_slot_info info = { .slot = strtoul(slot, NULL, 0) };
	unsigned int i;
	int fd;

	fd = open("/dev/kexec_slots", O_RDONLY);
	if (fd < 0 || ioctl(fd, KEXEC_SLOT_IOC_INFO, &info)) {
		perror("ksagent: KEXEC_SLOT_IOC_INFO");
		return 1;
	}
	for (i = 0; i < info.nr_ranges && i < KEXEC_SLOT_MAX_RANGES; i++)
		printf("%llx %llx\n", (unsigned long long)info.ranges[i].start,
		       (unsigned long long)info.ranges[i].size);
	close(fd);
	return 0;
}

static int read_devmem(const char *addr)
{
	static char page[4096];
	int fd = open("/dev/mem", O_RDONLY);

	if (fd < 0 ||
	    pread(fd, page, sizeof(page), (off_t)strtoull(addr, NULL, 0)) < 0) {
		printf("refused: %s\n", strerror(errno));
		return 1;
	}
	printf("read\n");
	close(fd);
	return 0;
}

/*
 * The slot directory as kernel/kexec_slots.c lays it out, version 9: not
 * UAPI, but shared by kernels of different builds, so versioned. A hostile
 * or broken slot kernel writes it like this.
 */
#define DIR_MAGIC 0x524944544f4c53ULL /* "SLOTDIR" */
#define DIR_VERSION 9
#define DIR_MARKS 9

struct dir_record {
	uint32_t state, kind;
	uint64_t entry, times_entered, last_entered_ns, last_switch_ns;
	uint64_t last_switch_phase_ns[KEXEC_SWITCH_PHASES];
	uint32_t nr_ranges, hotkey;
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];
	char name[KEXEC_SLOT_NAME_LEN];
	uint32_t entered_from, pad;
	uint64_t log_addr, vmcoreinfo_addr, notes_addr;
	uint32_t vmcoreinfo_size, notes_size;
};

struct dir {
	uint64_t magic;
	uint32_t version, running, forward, entering, shut_down, crashes;
	uint64_t marks[DIR_MARKS], swap_clock[2], swap_out[2];
	struct dir_record slot[KEXEC_SLOTS_MAX];
};

/*
 * Leave slot 0's own record and SELF's state and entry point alone, so
 * that this system can still switch back, and spoil all the rest.
 */
static int scribble_dir(const char *addr_arg, const char *self_arg)
{
	static union {
		struct dir dir;
		char page[4096];
	} u;
	off_t addr = (off_t)strtoull(addr_arg, NULL, 0);
	unsigned int i, self = strtoul(self_arg, NULL, 0);
	struct dir_record *own;
	int fd = open("/dev/mem", O_RDWR | O_SYNC);

	if (fd < 0 || pread(fd, u.page, sizeof(u.page), addr) != 4096) {
		printf("refused: %s\n", strerror(errno));
		return 1;
	}
	if (u.dir.magic != DIR_MAGIC || u.dir.version != DIR_VERSION || !self ||
	    self >= KEXEC_SLOTS_MAX) {
		printf("not a version %d slot directory, or no slot %u\n",
		       DIR_VERSION, self);
		return 1;
	}
	u.dir.running = 0xffffffff;
	u.dir.crashes = 0xffffffff;
	for (i = 1; i < KEXEC_SLOTS_MAX; i++)
		if (i != self)
			memset(&u.dir.slot[i], 0xff, sizeof(u.dir.slot[i]));
	own = &u.dir.slot[self];
	own->nr_ranges = 0xffffffff;
	own->ranges[0].start = 0;
	own->ranges[0].size = ~0ULL;
	own->entered_from = 0xffffffff;
	own->log_addr = 0x1000;
	own->hotkey = '0';
	memset(own->name, 0x1b, sizeof(own->name));
	if (pwrite(fd, u.page, sizeof(u.page), addr) != 4096) {
		printf("refused: %s\n", strerror(errno));
		return 1;
	}
	close(fd);
	printf("scribbled\n");
	return 0;
}

/* The file offset of physical @addr in /proc/kcore, or -1 if none has it. */
static off_t kcore_offset(int fd, uint64_t addr, uint64_t size)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	unsigned int i;

	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh))
		return -1;
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) !=
		    sizeof(ph))
			return -1;
		if (ph.p_type != PT_LOAD || ph.p_paddr == (Elf64_Addr)-1 ||
		    addr < ph.p_paddr || addr - ph.p_paddr >= ph.p_memsz ||
		    size > ph.p_memsz - (addr - ph.p_paddr))
			continue;
		return ph.p_offset + (addr - ph.p_paddr);
	}
	return -1;
}

static int read_kcore(const char *addr_arg, const char *size_arg)
{
	uint64_t addr = strtoull(addr_arg, NULL, 0), done, i;
	uint64_t size = strtoull(size_arg, NULL, 0);
	static unsigned char buf[1 << 16];
	int fd = open("/proc/kcore", O_RDONLY);
	off_t off;
	ssize_t n;

	if (fd < 0) {
		perror("ksagent: /proc/kcore");
		return 2;
	}
	off = kcore_offset(fd, addr, size);
	if (off < 0) {
		printf("absent\n");
		return 3;
	}
	for (done = 0; done < size; done += n) {
		n = pread(fd, buf,
			  size - done < sizeof(buf) ? size - done : sizeof(buf),
			  off + done);
		if (n <= 0) {
			perror("ksagent: reading /proc/kcore");
			return 2;
		}
		for (i = 0; i < (uint64_t)n; i++) {
			if (buf[i]) {
				printf("data\n");
				return 0;
			}
		}
	}
	printf("zero\n");
	return 1;
}

/* TPM2_GetRandom of 16 bytes, no sessions (TPM 2.0 Part 3, 16.1). */
static const unsigned char tpm_get_random[] = {
	0x80, 0x01, /* TPM_ST_NO_SESSIONS */
	0x00, 0x00, 0x00, 0x0c, /* command size */
	0x00, 0x00, 0x01, 0x7b, /* TPM_CC_GetRandom */
	0x00, 0x10, /* bytesRequested */
};

static int tpm_random(const char *dev)
{
	unsigned char rsp[64];
	unsigned int rc, n, i;
	ssize_t len;
	int fd;

	fd = open(dev, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("open %s: %s\n", dev, strerror(errno));
		return 1;
	}
	len = write(fd, tpm_get_random, sizeof(tpm_get_random));
	if (len == (ssize_t)sizeof(tpm_get_random))
		len = read(fd, rsp, sizeof(rsp));
	else
		len = -1;
	close(fd);
	if (len < 12) {
		printf("%s: no answer (%s)\n", dev, strerror(errno));
		return 1;
	}
	/* tag, size, response code, then a TPM2B_DIGEST: size and bytes */
	rc = (unsigned int)rsp[6] << 24 | rsp[7] << 16 | rsp[8] << 8 | rsp[9];
	n = (unsigned int)rsp[10] << 8 | rsp[11];
	if (rc || n != 16 || len < 12 + 16) {
		printf("%s: response code 0x%x, %u bytes\n", dev, rc, n);
		return 1;
	}
	for (i = 0; i < n; i++)
		printf("%02x", rsp[12 + i]);
	putchar('\n');
	return 0;
}

/*
 * Two anonymous regions faulted in a page of each in turn get the page
 * allocator's pages alternately; freeing one leaves every other page free,
 * and no free block larger than a page where they were.
 */
static int fragment(const char *mib, const char *path)
{
	size_t size = strtoull(mib, NULL, 0) << 20, off;
	long page = sysconf(_SC_PAGESIZE);
	char *a, *b;

	a = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	b = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!size || a == MAP_FAILED || b == MAP_FAILED) {
		fprintf(stderr, "ksagent: cannot map %s MiB twice\n", mib);
		return 1;
	}
	/* Whole pages only: a huge page would keep 2 MiB together. */
	madvise(a, size, MADV_NOHUGEPAGE);
	madvise(b, size, MADV_NOHUGEPAGE);
	for (off = 0; off < size; off += page) {
		a[off] = 1;
		b[off] = 1;
	}
	munmap(b, size);
	if (write_status(path, "ready"))
		return 1;
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "counter"))
		return run_counter(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "pattern"))
		return run_pattern(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "disk"))
		return run_disk(argv[2], argv[3]);
	if (argc >= 3 && !strcmp(argv[1], "nocap"))
		return run_without_caps(argv + 2);
	if (argc == 3 && !strcmp(argv[1], "ranges"))
		return print_ranges(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "devmem"))
		return read_devmem(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "kcore"))
		return read_kcore(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "scribble-dir"))
		return scribble_dir(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "tpm"))
		return tpm_random(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "fragment"))
		return fragment(argv[2], argv[3]);
	fprintf(stderr,
		"usage: ksagent counter FILE | pattern MIB FILE | disk DEV FILE | nocap CMD [ARG]... | ranges SLOT | devmem ADDR | kcore ADDR SIZE | scribble-dir ADDR SELF | tpm DEV | fragment MIB FILE\n");
	return 2;
}
