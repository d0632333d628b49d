// SPDX-License-Identifier: GPL-2.0
/*
 * The slot table as the JSON of 'kswitch list --json', written and read
 * back (slots_json.h). The reader knows that one format and nothing else,
 * so it is a few character-level helpers and a handler per key, not a
 * JSON library; it trusts nothing in the file.
 */
#include <errno.h>
#include <string.h>

#include "slots_json.h"

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

static void write_slot(FILE *out, const struct kexec_slot_info *s,
		       unsigned int i)
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
	fprintf(out, ", \"verified\": %s",
		s->flags & KEXEC_SLOT_VERIFIED ? "true" : "false");
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
static int read_u64(FILE *in, __u64 *value)
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
	__u64 n;

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

/* A state or kind: a name @parse knows. */
static int read_enum(FILE *in, int (*parse)(const char *, unsigned int *),
		     unsigned int *value)
{
	char buf[16];

	if (read_string(in, buf, sizeof(buf)) || parse(buf, value))
		return -EBADMSG;
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

/* true or false: the slot's KEXEC_SLOT_VERIFIED. */
static int read_verified(FILE *in, __u32 *flags)
{
	if (peek_char(in) == 't') {
		*flags |= KEXEC_SLOT_VERIFIED;
		return read_word(in, "true");
	}
	*flags &= ~KEXEC_SLOT_VERIFIED;
	return read_word(in, "false");
}

/* The index of @key in @keys, or -1. */
static int key_index(const char *const *keys, unsigned int nr, const char *key)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!strcmp(keys[i], key))
			return (int)i;
	return -1;
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
		k = key_index(keys, nr, key);
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
	SLOT_KEY_VERIFIED,
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
	[SLOT_KEY_VERIFIED] = "verified",
	[SLOT_KEY_ENTERED] = "entered",
	[SLOT_KEY_LAST_ENTERED] = "last_entered_ns",
	[SLOT_KEY_LAST_SWITCH] = "last_switch_ns",
};

static int read_slot_member(FILE *in, unsigned int key, void *ctx)
{
	struct kexec_slot_info *s = ctx;

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
		return read_enum(in, ks_slot_state_parse, &s->state);
	case SLOT_KEY_KIND:
		return read_enum(in, ks_slot_kind_parse, &s->kind);
	case SLOT_KEY_MEM_BYTES:
		return read_u64(in, &s->mem_size);
	case SLOT_KEY_HOTKEY:
		return read_hotkey(in, &s->hotkey);
	case SLOT_KEY_VERIFIED:
		return read_verified(in, &s->flags);
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
