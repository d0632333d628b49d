// SPDX-License-Identifier: GPL-2.0
/*
 * A slots file as the slot source: the JSON of 'kswitch list --json', read
 * at each scan and changed by each request as the kernel would change the
 * slots, with the kernel's errnos (include/linux/kexec_slots.h), so that
 * the menu and the commands can be tried, and tested, without slots.
 *
 * Each change is written to a new file beside PATH and renamed over it: a
 * reader sees the table before or after it, never half of one. Two writers
 * at once do not corrupt it, but the later one's change wins: the file
 * stands for one user trying one menu, not for a machine.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "profile.h"
#include "slots_file.h"
#include "slots_json.h"

/* The window below 1 MiB every slot gets besides its memory. */
#define LOW_WINDOW_SIZE (64ULL << 10)

static int file_scan(void *priv, struct ks_slot_table *table)
{
	size_t len;
	char *text;
	FILE *f;
	int ret;

	/* Regular and small (a table is 1.5 KiB): never a FIFO or a disk. */
	ret = ks_read_regular(priv, KS_SLOTS_FILE_MAX, &text, &len);
	if (ret)
		return ret;
	f = len ? fmemopen(text, len, "r") : NULL;
	if (f) {
		ret = ks_slot_table_read_json(f, table);
		fclose(f);
	} else {
		ret = len ? -errno : -EBADMSG;
	}
	free(text);
	return ret;
}

static int file_write(const char *path, const struct ks_slot_table *table)
{
	char tmp[PATH_MAX];
	FILE *f;
	int fd, ret;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	/* A new file of its own: never one another writer, or a link, has. */
	fd = mkstemp(tmp);
	if (fd < 0)
		return -errno;
	f = fdopen(fd, "w");
	if (!f) {
		ret = -errno;
		close(fd);
		unlink(tmp);
		return ret;
	}
	ret = ks_slot_table_write_json(table, f);
	if (fclose(f) && !ret)
		ret = -errno;
	if (!ret && chmod(tmp, 0644))
		ret = -errno;
	if (!ret && rename(tmp, path))
		ret = -errno;
	if (ret)
		unlink(tmp);
	return ret;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

/* The switch there and back: the caller runs in self again at once. */
static int file_enter(void *priv, unsigned int slot)
{
	struct ks_slot_table table;
	struct kexec_slot_info *s;
	int ret;

	if (slot >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	ret = file_scan(priv, &table);
	if (!ret)
		ret = ks_slot_enter_refusal(&table, slot);
	if (ret)
		return ret;
	s = &table.slot[slot];
	/* A count from a file may be at its end already: it stays there. */
	if (s->times_entered < UINT64_MAX)
		s->times_entered++;
	s->last_entered_ns = now_ns();
	if (s->state == KEXEC_SLOT_LOADED)
		s->state = KEXEC_SLOT_SUSPENDED;
	return file_write(priv, &table);
}

/* The switch there, and its system's poweroff that hands back at once. */
static int file_shut_down(void *priv, unsigned int slot)
{
	struct ks_slot_table table;
	struct kexec_slot_info *s;
	int ret;

	if (!slot || slot >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	ret = file_scan(priv, &table);
	if (ret)
		return ret;
	s = &table.slot[slot];
	if (table.self)
		return -EOPNOTSUPP;
	if (s->state == KEXEC_SLOT_LOADED)
		return -EINVAL;
	ret = ks_slot_enter_refusal(&table, slot);
	if (ret)
		return ret;
	s->state = KEXEC_SLOT_EXITED;
	return file_write(priv, &table);
}

/* A digit no other slot has, or none; as the kernel checks it. */
static int check_hotkey(const struct ks_slot_table *table, unsigned int slot,
			unsigned int hotkey)
{
	unsigned int owner;

	if (!hotkey)
		return 0;
	if (hotkey < '0' || hotkey > '9')
		return -EINVAL;
	if (!ks_slot_hotkey_owner(table, hotkey, slot, &owner))
		return -EEXIST;
	return 0;
}

/* The table, for a change only slot 0 may make (as the kernel's are). */
static int scan_in_slot0(void *priv, struct ks_slot_table *table)
{
	int ret = file_scan(priv, table);

	if (!ret && table->self)
		ret = -EOPNOTSUPP;
	return ret;
}

/* The kernel's checks in its order: slot_reserve(), in kernel-patches/. */
static int file_load(void *priv, const struct ks_profile *profile,
		     unsigned int *slot)
{
	struct ks_slot_table table;
	unsigned int n, hotkey;
	struct kexec_slot_info *s;
	int ret;

	ret = scan_in_slot0(priv, &table);
	if (ret)
		return ret;
	if (!profile->mem_size || profile->kind > KEXEC_SLOT_SWAP)
		return -EINVAL;
	/*
	 * More than a machine has, as the kernel refuses more than its RAM;
	 * the low window added to it below cannot wrap then.
	 */
	if (profile->mem_size > KS_MEM_MAX)
		return -ENOMEM;
	ret = ks_pick_slot(&table, profile, &n);
	if (ret)
		return ret;
	hotkey = ks_profile_hotkey(profile, n);
	ret = check_hotkey(&table, n, hotkey);
	if (ret)
		return ret;
	s = &table.slot[n];
	if (s->state != KEXEC_SLOT_EMPTY)
		return -EBUSY;
	memset(s, 0, sizeof(*s));
	s->slot = n;
	s->state = KEXEC_SLOT_LOADED;
	s->kind = profile->kind;
	s->mem_size = profile->mem_size + LOW_WINDOW_SIZE;
	s->hotkey = hotkey;
	snprintf(s->name, sizeof(s->name), "%s", profile->name);
	ret = file_write(priv, &table);
	if (!ret)
		*slot = n;
	return ret;
}

static int file_unload(void *priv, unsigned int slot)
{
	struct ks_slot_table table;
	int ret;

	ret = scan_in_slot0(priv, &table);
	if (ret)
		return ret;
	if (!slot || slot >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	if (table.slot[slot].state == KEXEC_SLOT_EMPTY)
		return -ENOENT;
	memset(&table.slot[slot], 0, sizeof(table.slot[slot]));
	table.slot[slot].slot = slot;
	return file_write(priv, &table);
}

static const struct ks_slot_source_ops slots_file_ops = {
	.scan = file_scan,
	.enter = file_enter,
	.shut_down = file_shut_down,
	.load = file_load,
	.unload = file_unload,
};

void ks_slots_file_source(struct ks_slot_source *src, const char *path)
{
	src->ops = &slots_file_ops;
	src->priv = (void *)path;
}
