// SPDX-License-Identifier: GPL-2.0
/*
 * The slot model: reading the files kswitch is given, names safe to
 * print, the names of states and kinds, finding a slot by number or name,
 * and what a table says of a slot (its hotkey, whether it can be entered,
 * its row on screen). The table's JSON is slots_json.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "slots.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int ks_open_regular(const char *path, uint64_t max)
{
	struct stat st;
	int fd, ret;

	/* O_NONBLOCK: a FIFO without a writer must not hold up the open. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st))
		ret = -errno;
	else if (!S_ISREG(st.st_mode))
		ret = -ESPIPE;
	else if ((uint64_t)st.st_size > max)
		ret = -EFBIG;
	/* A regular file ignores it; clear it all the same for read(). */
	else if (fcntl(fd, F_SETFL, 0))
		ret = -errno;
	else
		return fd;
	close(fd);
	return ret;
}

/* Read all of @fd, at most @max bytes, into *@buf of *@cap bytes. */
static int read_all(int fd, uint64_t max, char **buf, size_t *cap, size_t *len)
{
	char *bigger;
	ssize_t n;

	for (;;) {
		/* One byte spare: for the NUL, and to see a file past @max. */
		if (*len + 1 >= *cap) {
			if (*cap > max + 1)
				return -EFBIG;
			*cap = *cap > max / 2 ? max + 2 : *cap * 2;
			bigger = realloc(*buf, *cap);
			if (!bigger)
				return -ENOMEM;
			*buf = bigger;
		}
		n = read(fd, *buf + *len, *cap - *len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (!n)
			return *len > max ? -EFBIG : 0;
		*len += (size_t)n;
	}
}

int ks_read_fd(int fd, uint64_t max, char **buf, size_t *size)
{
	struct stat st;
	size_t cap = 4096, len = 0;
	char *data = NULL;
	int ret;

	/* Beyond any memory: the sums below stay far from wrapping. */
	if (max > KS_MEM_MAX)
		max = KS_MEM_MAX;
	/* Its size as a first guess: /proc and /sys files say 0 or 4096. */
	if (!fstat(fd, &st) && (uint64_t)st.st_size + 2 > cap)
		cap = (size_t)st.st_size + 2;
	data = malloc(cap);
	ret = data ? read_all(fd, max, &data, &cap, &len) : -ENOMEM;
	if (ret) {
		free(data);
		return ret;
	}
	data[len] = '\0';
	*buf = data;
	*size = len;
	return 0;
}

int ks_read_regular(const char *path, uint64_t max, char **buf, size_t *size)
{
	int fd, ret;

	fd = ks_open_regular(path, max > KS_MEM_MAX ? KS_MEM_MAX : max);
	if (fd < 0)
		return fd;
	ret = ks_read_fd(fd, max, buf, size);
	close(fd);
	return ret;
}

const char *ks_printable(const char *s, char *buf, size_t size)
{
	return ks_printable_mem(s, strlen(s), buf, size);
}

const char *ks_printable_mem(const char *s, size_t slen, char *buf, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = 0, n;
	unsigned char c;
	char one[4];

	for (; slen; s++, slen--) {
		c = (unsigned char)*s;
		n = 0;
		if (c == '\\') {
			one[n++] = '\\';
			one[n++] = '\\';
		} else if (c >= 0x20 && c < 0x7f) {
			one[n++] = (char)c;
		} else {
			one[n++] = '\\';
			one[n++] = 'x';
			one[n++] = hex[c >> 4];
			one[n++] = hex[c & 0xf];
		}
		if (len + n >= size)
			break;
		memcpy(buf + len, one, n);
		len += n;
	}
	if (size)
		buf[len] = '\0';
	return buf;
}

bool ks_name_has_control(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;

	for (; *s; s++)
		if (*s < 0x20 || *s == 0x7f ||
		    (*s == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f))
			return true;
	return false;
}

static const char *const state_names[] = {
	[KEXEC_SLOT_EMPTY] = "empty",
	[KEXEC_SLOT_RESERVED] = "reserved",
	[KEXEC_SLOT_LOADED] = "loaded",
	[KEXEC_SLOT_RUNNING] = "running",
	[KEXEC_SLOT_SUSPENDED] = "suspended",
	[KEXEC_SLOT_CRASHED] = "crashed",
	[KEXEC_SLOT_EXITED] = "exited",
};

static const char *const kind_names[] = {
	[KEXEC_SLOT_RESIDENT] = "resident",
	[KEXEC_SLOT_SWAP] = "swap",
};

const char *ks_slot_state_name(unsigned int state)
{
	return state < ARRAY_SIZE(state_names) ? state_names[state] : "?";
}

const char *ks_slot_kind_name(unsigned int kind)
{
	return kind < ARRAY_SIZE(kind_names) ? kind_names[kind] : "?";
}

/* The index of @name in @names, or -EINVAL. */
static int parse_name(const char *const *names, unsigned int nr,
		      const char *name, unsigned int *value)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (names[i] && !strcmp(names[i], name)) {
			*value = i;
			return 0;
		}
	}
	return -EINVAL;
}

int ks_slot_state_parse(const char *name, unsigned int *state)
{
	return parse_name(state_names, ARRAY_SIZE(state_names), name, state);
}

int ks_slot_kind_parse(const char *name, unsigned int *kind)
{
	return parse_name(kind_names, ARRAY_SIZE(kind_names), name, kind);
}

static int is_decimal(const char *arg)
{
	return *arg && strspn(arg, "0123456789") == strlen(arg);
}

int ks_parse_slot_number(const char *arg, unsigned int *slot)
{
	unsigned int n = 0;

	if (!is_decimal(arg))
		return -ENOENT;
	for (; *arg; arg++) {
		n = n * 10 + (unsigned int)(*arg - '0');
		if (n >= KEXEC_SLOTS_MAX)
			return -ENOENT;
	}
	*slot = n;
	return 0;
}

int ks_slot_named(const struct ks_slot_table *table, const char *name,
		  unsigned int *slot)
{
	unsigned int i;

	for (i = 0; *name && i < KEXEC_SLOTS_MAX; i++) {
		const struct kexec_slot_info *s = &table->slot[i];

		if (s->state != KEXEC_SLOT_EMPTY &&
		    !strncmp(s->name, name, sizeof(s->name))) {
			*slot = i;
			return 0;
		}
	}
	return -ENOENT;
}

int ks_slot_lookup(const struct ks_slot_table *table, const char *arg,
		   unsigned int *slot)
{
	/* All digits is a number, never a name: "01x" is neither. */
	if (is_decimal(arg))
		return ks_parse_slot_number(arg, slot);
	return ks_slot_named(table, arg, slot);
}

int ks_slot_hotkey_owner(const struct ks_slot_table *table, unsigned int hotkey,
			 unsigned int except, unsigned int *slot)
{
	unsigned int i;

	for (i = 0; hotkey && i < KEXEC_SLOTS_MAX; i++) {
		if (i != except && table->slot[i].state != KEXEC_SLOT_EMPTY &&
		    table->slot[i].hotkey == hotkey) {
			*slot = i;
			return 0;
		}
	}
	return -ENOENT;
}

int ks_slot_enter_refusal(const struct ks_slot_table *table, unsigned int slot)
{
	const struct kexec_slot_info *s;

	if (slot >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	if (slot == table->self)
		return -EALREADY;
	s = &table->slot[slot];
	if (s->state == KEXEC_SLOT_CRASHED)
		return -EIO;
	if (s->state == KEXEC_SLOT_EXITED)
		return -ESHUTDOWN;
	/* Slot 0 is never empty: it is the system the machine booted. */
	if (slot && s->state != KEXEC_SLOT_LOADED &&
	    s->state != KEXEC_SLOT_SUSPENDED)
		return -ENOENT;
	return 0;
}

int ks_slot_came_from(const struct ks_slot_table *table, unsigned int *slot)
{
	uint64_t latest = 0;
	unsigned int i;

	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		if (i == table->self ||
		    table->slot[i].last_entered_ns <= latest)
			continue;
		latest = table->slot[i].last_entered_ns;
		*slot = i;
	}
	return latest ? 0 : -ENOENT;
}

void ks_slot_cells(const struct kexec_slot_info *s, struct ks_slot_cells *c)
{
	time_t t = (time_t)(s->last_entered_ns / 1000000000ull);
	bool empty = s->state == KEXEC_SLOT_EMPTY;

	snprintf(c->slot, sizeof(c->slot), "%u", s->slot);
	snprintf(c->name, sizeof(c->name), "%.*s", (int)sizeof(s->name) - 1,
		 empty ? "-" : s->name);
	c->state = ks_slot_state_name(s->state);
	c->kind = empty ? "-" : ks_slot_kind_name(s->kind);
	strcpy(c->mem_mib, "-");
	strcpy(c->entered, "-");
	strcpy(c->last, "-");
	strcpy(c->took_ms, "-");
	strcpy(c->hotkey, "-");
	if (!empty) {
		snprintf(c->mem_mib, sizeof(c->mem_mib), "%llu",
			 (unsigned long long)(s->mem_size >> 20));
		snprintf(c->entered, sizeof(c->entered), "%llu",
			 (unsigned long long)s->times_entered);
	}
	if (s->last_entered_ns)
		strftime(c->last, sizeof(c->last), "%H:%M:%S", localtime(&t));
	if (s->last_switch_ns)
		snprintf(c->took_ms, sizeof(c->took_ms), "%.1f",
			 s->last_switch_ns / 1e6);
	/* From the kernel or a file: any byte but NUL. */
	if (s->hotkey & 0xff) {
		c->hotkey[0] = (char)s->hotkey;
		c->hotkey[1] = '\0';
	}
}
