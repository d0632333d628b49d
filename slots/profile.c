// SPDX-License-Identifier: GPL-2.0
/*
 * Slot profiles (kswitch.conf(5)): sizes, reading one profile, and reading
 * a directory of them. Nothing prints: what is wrong with a profile goes
 * in a struct ks_profile_error, worded for the user, and the caller shows
 * it as "FILE:LINE: problem".
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "profile.h"

/* hotkey = none: the slot gets no chord (see struct ks_profile). */

#define KEY_LIST \
	"name, kernel, initrd, cmdline, memory, kind, slot, hotkey, efi"
/* Said with KEXEC_SLOT_NAME_LEN - 1 for its %d. */
#define NAME_RULE "1-%d of A-Z a-z 0-9 . _ - not starting with a digit or -"

/* A profile is a few lines; a larger file is no profile. */
#define PROFILE_MAX (64 * 1024)

/*
 * A problem quotes at most this much of a bad value, so that what it says
 * about the value still fits in its 160 bytes. Use as '%.*s%s', QUOTE(v).
 */
#define QUOTE_MAX 40
#define QUOTE(v) QUOTE_MAX, (v), strlen(v) > QUOTE_MAX ? "..." : ""

int ks_parse_size(const char *arg, uint64_t *size)
{
	unsigned int shift = 0;
	unsigned long long n;
	int range;
	char *end;

	/* strtoull() would take a sign and leading blanks; a size has none. */
	if (!isdigit((unsigned char)*arg))
		return -EINVAL;
	errno = 0;
	n = strtoull(arg, &end, 10);
	range = errno == ERANGE;
	switch (*end) {
	case 'G':
	case 'g':
		shift += 10; /* fall through */
	case 'M':
	case 'm':
		shift += 10; /* fall through */
	case 'K':
	case 'k':
		shift += 10;
		end++;
		break;
	}
	if (*end || !n)
		return -EINVAL;
	/* Refused here, it cannot wrap in any sum it goes into later. */
	if (range || n > KS_MEM_MAX >> shift)
		return -ERANGE;
	*size = (uint64_t)n << shift;
	return 0;
}

static int problem(struct ks_profile_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Say what is wrong; returns -EINVAL, for 'return problem(...)'. */
static int problem(struct ks_profile_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->problem, sizeof(err->problem), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int copy_value(char *field, size_t size, const char *value,
		      struct ks_profile_error *err)
{
	size_t len = strlen(value);

	if (len >= size)
		return problem(err, "value too long (at most %zu bytes)",
			       size - 1);
	memcpy(field, value, len + 1);
	return 0;
}

bool ks_profile_name_valid(const char *name)
{
	size_t len = strlen(name);

	/* Never taken for a slot number, nor for an option. */
	return len && len < KEXEC_SLOT_NAME_LEN &&
	       !isdigit((unsigned char)*name) && *name != '-' &&
	       strspn(name,
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		      "0123456789._-") == len;
}

static int set_name(struct ks_profile *p, const char *value,
		    struct ks_profile_error *err)
{
	int ret = copy_value(p->name, sizeof(p->name), value, err);

	if (!ret && !ks_profile_name_valid(value))
		ret = problem(err, "name '%s' is not " NAME_RULE, value,
			      KEXEC_SLOT_NAME_LEN - 1);
	return ret;
}

static int set_path(char *field, const char *key, const char *value,
		    struct ks_profile_error *err)
{
	int ret = copy_value(field, KS_PATH_LEN, value, err);

	if (!ret && value[0] != '/')
		ret = problem(err, "%s '%.*s%s' is not an absolute path", key,
			      QUOTE(value));
	return ret;
}

static int set_kernel(struct ks_profile *p, const char *value,
		      struct ks_profile_error *err)
{
	return set_path(p->kernel, "kernel", value, err);
}

static int set_initrd(struct ks_profile *p, const char *value,
		      struct ks_profile_error *err)
{
	return set_path(p->initrd, "initrd", value, err);
}

static int set_cmdline(struct ks_profile *p, const char *value,
		       struct ks_profile_error *err)
{
	return copy_value(p->cmdline, sizeof(p->cmdline), value, err);
}

static int set_memory(struct ks_profile *p, const char *value,
		      struct ks_profile_error *err)
{
	int ret = ks_parse_size(value, &p->mem_size);

	if (ret == -ERANGE)
		return problem(
			err,
			"memory '%.*s%s' is more than a machine can have (at most %lluG)",
			QUOTE(value), KS_MEM_MAX >> 30);
	if (ret)
		return problem(
			err,
			"memory '%.*s%s' is not a size (write it like 256M or 1G)",
			QUOTE(value));
	return 0;
}

static int set_kind(struct ks_profile *p, const char *value,
		    struct ks_profile_error *err)
{
	if (!strcmp(value, "resident"))
		p->kind = KEXEC_SLOT_RESIDENT;
	else if (!strcmp(value, "swap"))
		p->kind = KEXEC_SLOT_SWAP;
	else
		return problem(err, "kind '%.*s%s' is not resident or swap",
			       QUOTE(value));
	return 0;
}

static int set_slot(struct ks_profile *p, const char *value,
		    struct ks_profile_error *err)
{
	/* One digit: the slots are 1..8, and "01" would be a second way. */
	if (strlen(value) != 1 || value[0] < '1' ||
	    value[0] > '0' + KEXEC_SLOTS_MAX - 1)
		return problem(err, "slot '%.*s%s' is not 1 to %d",
			       QUOTE(value), KEXEC_SLOTS_MAX - 1);
	p->slot = (unsigned int)(value[0] - '0');
	return 0;
}

int ks_parse_hotkey(const char *arg, unsigned int *hotkey)
{
	if (!strcmp(arg, "none"))
		*hotkey = KS_HOTKEY_NONE;
	else if (arg[0] >= '0' && arg[0] <= '9' && !arg[1])
		*hotkey = (unsigned char)arg[0];
	else
		return -EINVAL;
	return 0;
}

static int set_hotkey(struct ks_profile *p, const char *value,
		      struct ks_profile_error *err)
{
	if (ks_parse_hotkey(value, &p->hotkey))
		return problem(err,
			       "hotkey '%.*s%s' is not one digit 0-9 or none",
			       QUOTE(value));
	return 0;
}

static int set_efi(struct ks_profile *p, const char *value,
		   struct ks_profile_error *err)
{
	if (!strcmp(value, "yes"))
		p->no_efi = false;
	else if (!strcmp(value, "no"))
		p->no_efi = true;
	else
		return problem(err, "efi '%.*s%s' is not yes or no",
			       QUOTE(value));
	return 0;
}

enum profile_key {
	KEY_NAME,
	KEY_KERNEL,
	KEY_INITRD,
	KEY_CMDLINE,
	KEY_MEMORY,
	KEY_KIND,
	KEY_SLOT,
	KEY_HOTKEY,
	KEY_EFI,
	NR_KEYS
};

static const struct {
	const char *key;
	int (*set)(struct ks_profile *p, const char *value,
		   struct ks_profile_error *err);
} keys[NR_KEYS] = {
	[KEY_NAME] = { "name", set_name },
	[KEY_KERNEL] = { "kernel", set_kernel },
	[KEY_INITRD] = { "initrd", set_initrd },
	[KEY_CMDLINE] = { "cmdline", set_cmdline },
	[KEY_MEMORY] = { "memory", set_memory },
	[KEY_KIND] = { "kind", set_kind },
	[KEY_SLOT] = { "slot", set_slot },
	[KEY_HOTKEY] = { "hotkey", set_hotkey },
	[KEY_EFI] = { "efi", set_efi },
};

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

static int find_key(const char *key)
{
	int k;

	for (k = 0; k < NR_KEYS; k++)
		if (!strcmp(keys[k].key, key))
			return k;
	return -1;
}

/*
 * Line @nr of a profile. @key_line[k] is the line key k was given on, or
 * 0; the duplicate checks of a directory point at it too.
 */
static int parse_line(char *line, unsigned int nr, struct ks_profile *p,
		      unsigned int *key_line, struct ks_profile_error *err)
{
	char *eq, *key, *value;
	int k;

	line = trim(line);
	if (!*line || *line == '#')
		return 0;
	eq = strchr(line, '=');
	if (!eq)
		return problem(err, "no '=' in the line (write key = value)");
	*eq = '\0';
	key = trim(line);
	value = trim(eq + 1);
	k = find_key(key);
	if (k < 0)
		return problem(err, "unknown key '%.*s%s' (keys: " KEY_LIST ")",
			       QUOTE(key));
	if (key_line[k])
		return problem(err, "'%s' given twice (first on line %u)",
			       keys[k].key, key_line[k]);
	key_line[k] = nr;
	return keys[k].set(p, value, err);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* With no name = line, the file's base name without .conf is the name. */
static int name_from_file(struct ks_profile *p, struct ks_profile_error *err)
{
	const char *base = base_name(p->file);
	size_t len = strlen(base), suffix = strlen(KS_PROFILE_SUFFIX);
	char name[KS_PATH_LEN];

	if (len >= suffix && !strcmp(base + len - suffix, KS_PROFILE_SUFFIX))
		len -= suffix;
	snprintf(name, sizeof(name), "%.*s", (int)len, base);
	if (!ks_profile_name_valid(name))
		return problem(
			err,
			"name '%.*s%s' (from the file name) is not " NAME_RULE
			"; add a name = line",
			QUOTE(name), KEXEC_SLOT_NAME_LEN - 1);
	strcpy(p->name, name);
	return 0;
}

/* Parse the @len bytes of @text, a line at a time, in place. */
static int parse_lines(char *text, size_t len, struct ks_profile *p,
		       unsigned int *key_line, struct ks_profile_error *err)
{
	char *end = text + len, *line, *eol;
	int ret = 0;

	for (line = text; !ret && line < end; line = eol + 1) {
		eol = memchr(line, '\n', (size_t)(end - line));
		if (!eol)
			eol = end;
		*eol = '\0';
		err->line++;
		/* As a C string the line would end there, without a word. */
		if (strlen(line) != (size_t)(eol - line))
			return problem(
				err,
				"a NUL byte in the line; a profile is text");
		ret = parse_line(line, err->line, p, key_line, err);
	}
	return ret;
}

/* The problem of a profile that cannot be read at all, on line 0. */
static int unreadable(struct ks_profile_error *err, int ret)
{
	if (ret == -ESPIPE)
		problem(err,
			"not a regular file (a FIFO, a device or a directory)");
	else if (ret == -EFBIG)
		problem(err, "larger than %d KiB; a profile is a few lines",
			PROFILE_MAX / 1024);
	else
		problem(err, "%s", strerror(-ret));
	return ret;
}

static int read_profile(const char *path, struct ks_profile *profile,
			struct ks_profile_error *err, unsigned int *key_line)
{
	struct ks_profile p = {
		.mem_size = KS_PROFILE_MEM_DEFAULT,
		.kind = KEXEC_SLOT_RESIDENT,
	};
	size_t len;
	char *text;
	int ret;

	memset(err, 0, sizeof(*err));
	memset(key_line, 0, NR_KEYS * sizeof(*key_line));
	snprintf(err->file, sizeof(err->file), "%s", path);
	if (strlen(path) >= sizeof(p.file)) {
		problem(err, "%s", strerror(ENAMETOOLONG));
		return -ENAMETOOLONG;
	}
	strcpy(p.file, path);
	ret = ks_read_regular(path, PROFILE_MAX, &text, &len);
	if (ret)
		return unreadable(err, ret);
	ret = parse_lines(text, len, &p, key_line, err);
	free(text);
	if (ret)
		return ret;
	err->line = 0;
	if (!key_line[KEY_KERNEL])
		return problem(err, "no kernel = line; a profile needs one");
	if (!key_line[KEY_NAME] && name_from_file(&p, err))
		return -EINVAL;
	*profile = p;
	return 0;
}

int ks_profile_read(const char *path, struct ks_profile *profile,
		    struct ks_profile_error *err)
{
	unsigned int key_line[NR_KEYS];

	return read_profile(path, profile, err, key_line);
}

/* The digit a profile's slot will answer to, if known before loading. */
static unsigned int known_hotkey(const struct ks_profile *p)
{
	if (p->hotkey == KS_HOTKEY_NONE)
		return 0;
	if (p->hotkey)
		return p->hotkey;
	return p->slot ? '0' + p->slot : 0;
}

/* Whether @p takes what @q has; says so, on the line of that key. */
static int check_taken(const struct ks_profile *p, const struct ks_profile *q,
		       const unsigned int *key_line,
		       struct ks_profile_error *err)
{
	const char *by = base_name(q->file);
	unsigned int hotkey = known_hotkey(p);

	if (!strcmp(p->name, q->name)) {
		err->line = key_line[KEY_NAME];
		return problem(err, "name '%s' is also taken by %s", p->name,
			       by);
	}
	if (p->slot && p->slot == q->slot) {
		err->line = key_line[KEY_SLOT];
		return problem(err, "slot %u is also taken by %s", p->slot, by);
	}
	if (hotkey && hotkey == known_hotkey(q)) {
		err->line = key_line[p->hotkey ? KEY_HOTKEY : KEY_SLOT];
		return problem(err, "hotkey %c%s is also taken by %s", hotkey,
			       p->hotkey ? "" : " (its slot's)", by);
	}
	return 0;
}

static int add_error(struct ks_profile_set *set,
		     const struct ks_profile_error *err)
{
	struct ks_profile_error *bigger;

	bigger = realloc(set->error, (set->nr_errors + 1) * sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	set->error = bigger;
	set->error[set->nr_errors++] = *err;
	return 0;
}

static int add_profile(struct ks_profile_set *set, const struct ks_profile *p)
{
	struct ks_profile *bigger;

	bigger = realloc(set->profile, (set->nr + 1) * sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	set->profile = bigger;
	set->profile[set->nr++] = *p;
	return 0;
}

/* Read @dir/@name into @set: as a profile, or as an error. */
static int add_file(struct ks_profile_set *set, const char *dir,
		    const char *name)
{
	unsigned int key_line[NR_KEYS], i;
	struct ks_profile_error err;
	struct ks_profile p;
	char path[PATH_MAX];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ret = read_profile(path, &p, &err, key_line);
	for (i = 0; !ret && i < set->nr; i++)
		ret = check_taken(&p, &set->profile[i], key_line, &err);
	return ret ? add_error(set, &err) : add_profile(set, &p);
}

static int has_suffix(const char *name, const char *suffix)
{
	size_t len = strlen(name), n = strlen(suffix);

	return len >= n && !strcmp(name + len - n, suffix);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The *.conf names in @d that are regular files, or that cannot be
 * looked at (reading them will say why), sorted.
 */
static int list_profiles(DIR *d, char ***names, unsigned int *nr)
{
	struct dirent *de;
	struct stat st;
	char **bigger;

	while ((de = readdir(d))) {
		if (!has_suffix(de->d_name, KS_PROFILE_SUFFIX))
			continue;
		if (!fstatat(dirfd(d), de->d_name, &st, 0) &&
		    !S_ISREG(st.st_mode))
			continue;
		bigger = realloc(*names, (*nr + 1) * sizeof(*bigger));
		if (!bigger)
			return -ENOMEM;
		*names = bigger;
		(*names)[*nr] = strdup(de->d_name);
		if (!(*names)[*nr])
			return -ENOMEM;
		++*nr;
	}
	qsort(*names, *nr, sizeof(**names), compare_names);
	return 0;
}

int ks_profiles_read_dir(const char *dir, struct ks_profile_set *set)
{
	struct ks_profile_error err = { .line = 0 };
	unsigned int nr = 0, i;
	char **names = NULL;
	DIR *d;
	int ret;

	memset(set, 0, sizeof(*set));
	d = opendir(dir);
	if (!d && errno == ENOENT)
		return 0;
	if (!d) {
		ret = errno;
		snprintf(err.file, sizeof(err.file), "%s", dir);
		problem(&err, "%s", strerror(ret));
		return add_error(set, &err);
	}
	ret = list_profiles(d, &names, &nr);
	closedir(d);
	for (i = 0; !ret && i < nr; i++)
		ret = add_file(set, dir, names[i]);
	for (i = 0; i < nr; i++)
		free(names[i]);
	free(names);
	if (ret)
		ks_profiles_free(set);
	return ret;
}

void ks_profiles_free(struct ks_profile_set *set)
{
	free(set->profile);
	free(set->error);
	memset(set, 0, sizeof(*set));
}

const struct ks_profile *ks_profile_find(const struct ks_profile_set *set,
					 const char *name)
{
	unsigned int i;

	for (i = 0; i < set->nr; i++)
		if (!strcmp(set->profile[i].name, name))
			return &set->profile[i];
	return NULL;
}

unsigned int ks_profile_hotkey(const struct ks_profile *profile,
			       unsigned int slot)
{
	if (profile->hotkey == KS_HOTKEY_NONE)
		return 0;
	return profile->hotkey ? profile->hotkey : '0' + slot;
}

void ks_profile_error_format(const struct ks_profile_error *err, char *buf,
			     size_t size)
{
	if (err->line)
		snprintf(buf, size, "%s:%u: %s", err->file, err->line,
			 err->problem);
	else
		snprintf(buf, size, "%s: %s", err->file, err->problem);
}

int ks_pick_slot(const struct ks_slot_table *table,
		 const struct ks_profile *profile, unsigned int *slot)
{
	unsigned int i;

	if (profile->slot >= KEXEC_SLOTS_MAX)
		return -EINVAL;
	if (profile->slot) {
		*slot = profile->slot;
		return 0;
	}
	for (i = 1; i < KEXEC_SLOTS_MAX; i++)
		if (table->slot[i].state == KEXEC_SLOT_EMPTY) {
			*slot = i;
			return 0;
		}
	return -ENOSPC;
}

static int check_file(const char *path)
{
	int fd = ks_open_regular(path, KS_FILE_MAX);

	if (fd < 0)
		return fd;
	close(fd);
	return 0;
}

const char *ks_profile_unreadable(const struct ks_profile *profile, int *err)
{
	*err = check_file(profile->kernel);
	if (*err)
		return profile->kernel;
	*err = *profile->initrd ? check_file(profile->initrd) : 0;
	return *err ? profile->initrd : NULL;
}
