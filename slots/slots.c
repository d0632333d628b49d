// SPDX-License-Identifier: GPL-2.0
/*
 * The slot model: the names of states and kinds, finding a slot by number
 * or name, and the table as the JSON of 'kswitch list --json', written and
 * read back. The reader knows that one format and nothing else, so it is a
 * few character-level helpers and a handler per key, not a JSON library.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int ks_read_regular(const char *path, uint64_t max, char **buf, size_t *size)
{
	struct stat st;
	size_t cap = 4096, len = 0;
	char *data = NULL;
	int fd, ret;

	/* Beyond any memory: the sums below stay far from wrapping. */
	if (max > KS_MEM_MAX)
		max = KS_MEM_MAX;
	fd = ks_open_regular(path, max);
	if (fd < 0)
		return fd;
	/* Its size as a first guess: /proc and /sys files say 0 or 4096. */
	if (!fstat(fd, &st) && (uint64_t)st.st_size + 2 > cap)
		cap = (size_t)st.st_size + 2;
	data = malloc(cap);
	ret = data ? read_all(fd, max, &data, &cap, &len) : -ENOMEM;
	close(fd);
	if (ret) {
		free(data);
		return ret;
	}
	data[len] = '\0';
	*buf = data;
	*size = len;
	return 0;
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

/* The index of @name in @names, or -1. */
static int name_index(const char *const *names, unsigned int nr,
		      const char *name)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
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
		const struct ks_slot *s = &table->slot[i];

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

static const char json_escaped[] = "\"\\\b\f\n\r\t";
static const char json_escape_as[] = "\"\\bfnrt";

/* @s, of at most @len bytes, as a JSON string. */
static void write_string(FILE *out, const char *s, size_t len)
{
	const char *esc;
	size_t i;

	putc('"', out);
	for (i = 0; i < len && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		esc = strchr(json_escaped, c);
		if (esc)
			fprintf(out, "\\%c",
				json_escape_as[esc - json_escaped]);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			putc(c, out);
	}
	putc('"', out);
}

static void write_slot(FILE *out, const struct ks_slot *s, unsigned int i)
{
	char hotkey = (char)s->hotkey;

	fprintf(out, "  {\"slot\": %u, \"name\": ", i);
	write_string(out, s->name, sizeof(s->name));
	fprintf(out,
		", \"state\": \"%s\", \"kind\": \"%s\", \"mem_bytes\": %llu",
		ks_slot_state_name(s->state), ks_slot_kind_name(s->kind),
		(unsigned long long)s->mem_size);
	fputs(", \"hotkey\": ", out);
	if (s->hotkey)
		write_string(out, &hotkey, 1);
	else
		fputs("null", out);
	fprintf(out,
		", \"entered\": %llu, \"last_entered_ns\": %llu"
		", \"last_switch_ns\": %llu}",
		(unsigned long long)s->times_entered,
		(unsigned long long)s->last_entered_ns,
		(unsigned long long)s->last_switch_ns);
}

int ks_slot_table_write_json(const struct ks_slot_table *table, FILE *out)
{
	unsigned int i;

	fprintf(out, "{\"self\": %u, \"slots\": [\n", table->self);
	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		write_slot(out, &table->slot[i], i);
		fputs(i + 1 < KEXEC_SLOTS_MAX ? ",\n" : "\n", out);
	}
	fputs("]}\n", out);
	if (fflush(out) || ferror(out))
		return -EIO;
	return 0;
}

/*
 * The reader. Every helper returns 0 or -EBADMSG; the first error ends the
 * read, so none of them needs to recover.
 */

/* The next character that is not JSON whitespace, consumed; or EOF. */
static int next_char(FILE *in)
{
	int c;

	do
		c = getc(in);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	return c;
}

/* The same, left to be read. */
static int peek_char(FILE *in)
{
	int c = next_char(in);

	ungetc(c, in);
	return c;
}

static int expect(FILE *in, int c)
{
	return next_char(in) == c ? 0 : -EBADMSG;
}

/* A string being read into a fixed buffer; too long is malformed. */
struct text {
	char *buf;
	size_t size, len;
};

static int text_add(struct text *t, unsigned int c)
{
	if (t->len + 1 >= t->size)
		return -EBADMSG;
	t->buf[t->len++] = (char)c;
	t->buf[t->len] = '\0';
	return 0;
}

/* A \uXXXX escape's character, as UTF-8 (no surrogate pairs: no need). */
static int text_add_utf8(struct text *t, unsigned int cp)
{
	int ret;

	if (cp < 0x80)
		return text_add(t, cp);
	if (cp < 0x800) {
		ret = text_add(t, 0xc0 | cp >> 6);
	} else {
		ret = text_add(t, 0xe0 | cp >> 12);
		if (!ret)
			ret = text_add(t, 0x80 | (cp >> 6 & 0x3f));
	}
	return ret ? ret : text_add(t, 0x80 | (cp & 0x3f));
}

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20; /* 'A' -> 'a' */
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int read_hex4(FILE *in, unsigned int *cp)
{
	int i, digit;

	*cp = 0;
	for (i = 0; i < 4; i++) {
		digit = hex_digit(getc(in));
		if (digit < 0)
			return -EBADMSG;
		*cp = *cp << 4 | (unsigned int)digit;
	}
	/* A NUL cannot be in a C string; a lone surrogate is no character. */
	if (!*cp || (*cp >= 0xd800 && *cp <= 0xdfff))
		return -EBADMSG;
	return 0;
}

static int read_escape(FILE *in, struct text *t)
{
	const char *short_form;
	unsigned int cp;
	int c = getc(in);

	if (c == 'u')
		return read_hex4(in, &cp) ?: text_add_utf8(t, cp);
	if (c == '/')
		return text_add(t, '/');
	short_form = c > 0 ? strchr(json_escape_as, c) : NULL;
	if (!short_form)
		return -EBADMSG;
	return text_add(
		t, (unsigned char)json_escaped[short_form - json_escape_as]);
}

static int read_string(FILE *in, char *buf, size_t size)
{
	struct text t = { buf, size, 0 };
	int c, ret = 0;

	buf[0] = '\0';
	if (next_char(in) != '"')
		return -EBADMSG;
	while (!ret) {
		c = getc(in);
		if (c == '"')
			return 0;
		if (c == EOF || c < 0x20)
			return -EBADMSG;
		ret = c == '\\' ? read_escape(in, &t) : text_add(&t, c);
	}
	return ret;
}

/* A non-negative integer, as the writer writes them: no sign, no zeros. */
static int read_u64(FILE *in, uint64_t *value)
{
	int c = next_char(in);
	uint64_t n = 0;

	if (c < '0' || c > '9')
		return -EBADMSG;
	if (c == '0') {
		c = getc(in);
	} else {
		for (; c >= '0' && c <= '9'; c = getc(in)) {
			if (n > (UINT64_MAX - (unsigned int)(c - '0')) / 10)
				return -EBADMSG;
			n = n * 10 + (unsigned int)(c - '0');
		}
	}
	ungetc(c, in);
	/* "01" or "1.5" or "1e3" */
	if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E')
		return -EBADMSG;
	*value = n;
	return 0;
}

static int read_u32(FILE *in, unsigned int *value, uint64_t limit)
{
	uint64_t n;

	if (read_u64(in, &n) || n >= limit)
		return -EBADMSG;
	*value = (unsigned int)n;
	return 0;
}

static int read_word(FILE *in, const char *word)
{
	if (next_char(in) != *word)
		return -EBADMSG;
	for (word++; *word; word++)
		if (getc(in) != *word)
			return -EBADMSG;
	return 0;
}

/* A state or kind: one of @names, as its index. */
static int read_enum(FILE *in, const char *const *names, unsigned int nr,
		     unsigned int *value)
{
	char buf[16];
	int i;

	if (read_string(in, buf, sizeof(buf)))
		return -EBADMSG;
	i = name_index(names, nr, buf);
	if (i < 0)
		return -EBADMSG;
	*value = (unsigned int)i;
	return 0;
}

/* "1": the digit's character; null: no hotkey. */
static int read_hotkey(FILE *in, unsigned int *hotkey)
{
	char buf[2];

	if (peek_char(in) == 'n') {
		*hotkey = 0;
		return read_word(in, "null");
	}
	if (read_string(in, buf, sizeof(buf)) || buf[0] < '0' || buf[0] > '9')
		return -EBADMSG;
	*hotkey = (unsigned char)buf[0];
	return 0;
}

typedef int (*read_member_fn)(FILE *in, unsigned int key, void *ctx);

/*
 * An object whose keys are exactly @keys, each once, in any order; the
 * value of each is read by @read_member.
 */
static int read_object(FILE *in, const char *const *keys, unsigned int nr,
		       read_member_fn read_member, void *ctx)
{
	unsigned int seen = 0;
	char key[24];
	int k, c;

	if (expect(in, '{'))
		return -EBADMSG;
	do {
		if (read_string(in, key, sizeof(key)))
			return -EBADMSG;
		k = name_index(keys, nr, key);
		if (k < 0 || seen & 1u << k || expect(in, ':') ||
		    read_member(in, (unsigned int)k, ctx))
			return -EBADMSG;
		seen |= 1u << k;
		c = next_char(in);
	} while (c == ',');
	if (c != '}' || seen != (1u << nr) - 1)
		return -EBADMSG;
	return 0;
}

enum slot_key {
	SLOT_KEY_SLOT,
	SLOT_KEY_NAME,
	SLOT_KEY_STATE,
	SLOT_KEY_KIND,
	SLOT_KEY_MEM_BYTES,
	SLOT_KEY_HOTKEY,
	SLOT_KEY_ENTERED,
	SLOT_KEY_LAST_ENTERED,
	SLOT_KEY_LAST_SWITCH,
	NR_SLOT_KEYS
};

static const char *const slot_keys[NR_SLOT_KEYS] = {
	[SLOT_KEY_SLOT] = "slot",
	[SLOT_KEY_NAME] = "name",
	[SLOT_KEY_STATE] = "state",
	[SLOT_KEY_KIND] = "kind",
	[SLOT_KEY_MEM_BYTES] = "mem_bytes",
	[SLOT_KEY_HOTKEY] = "hotkey",
	[SLOT_KEY_ENTERED] = "entered",
	[SLOT_KEY_LAST_ENTERED] = "last_entered_ns",
	[SLOT_KEY_LAST_SWITCH] = "last_switch_ns",
};

static int read_slot_member(FILE *in, unsigned int key, void *ctx)
{
	struct ks_slot *s = ctx;

	switch (key) {
	case SLOT_KEY_SLOT:
		return read_u32(in, &s->slot, KEXEC_SLOTS_MAX);
	case SLOT_KEY_NAME:
		/* A control character would reach the terminal from 'list'. */
		if (read_string(in, s->name, sizeof(s->name)) ||
		    ks_name_has_control(s->name))
			return -EBADMSG;
		return 0;
	case SLOT_KEY_STATE:
		return read_enum(in, state_names, ARRAY_SIZE(state_names),
				 &s->state);
	case SLOT_KEY_KIND:
		return read_enum(in, kind_names, ARRAY_SIZE(kind_names),
				 &s->kind);
	case SLOT_KEY_MEM_BYTES:
		return read_u64(in, &s->mem_size);
	case SLOT_KEY_HOTKEY:
		return read_hotkey(in, &s->hotkey);
	case SLOT_KEY_ENTERED:
		return read_u64(in, &s->times_entered);
	case SLOT_KEY_LAST_ENTERED:
		return read_u64(in, &s->last_entered_ns);
	default:
		return read_u64(in, &s->last_switch_ns);
	}
}

/* Every slot, each where its number says. */
static int read_slots(FILE *in, struct ks_slot_table *table)
{
	unsigned int i;

	if (expect(in, '['))
		return -EBADMSG;
	for (i = 0; i < KEXEC_SLOTS_MAX; i++) {
		if ((i && expect(in, ',')) ||
		    read_object(in, slot_keys, NR_SLOT_KEYS, read_slot_member,
				&table->slot[i]) ||
		    table->slot[i].slot != i)
			return -EBADMSG;
	}
	return expect(in, ']');
}

enum table_key { TABLE_KEY_SELF, TABLE_KEY_SLOTS, NR_TABLE_KEYS };

static const char *const table_keys[NR_TABLE_KEYS] = {
	[TABLE_KEY_SELF] = "self",
	[TABLE_KEY_SLOTS] = "slots",
};

static int read_table_member(FILE *in, unsigned int key, void *ctx)
{
	struct ks_slot_table *table = ctx;

	if (key == TABLE_KEY_SELF)
		return read_u32(in, &table->self, KEXEC_SLOTS_MAX);
	return read_slots(in, table);
}

int ks_slot_table_read_json(FILE *in, struct ks_slot_table *table)
{
	struct ks_slot_table parsed = { 0 };
	int ret;

	ret = read_object(in, table_keys, NR_TABLE_KEYS, read_table_member,
			  &parsed);
	if (!ret && next_char(in) != EOF)
		ret = -EBADMSG;
	if (ferror(in))
		return -EIO;
	if (!ret)
		*table = parsed;
	return ret;
}

int ks_unload_slot(struct ks_slot_source *src,
		   const struct ks_slot_table *table, unsigned int slot)
{
	if (!slot)
		return -EINVAL;
	if (slot == table->self)
		return -EBUSY;
	return src->ops->unload(src->priv, slot);
}
