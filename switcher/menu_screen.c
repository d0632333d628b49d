// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch menu, the screen: draws the model (menu.c) with curses and turns
 * keys into its actions, in the htop way. The only module that starts and
 * ends curses. It must work on a serial console (TERM=vt100 or linux, 80x24,
 * no colours, no resize events) as well as in xterm or tmux, and it must
 * hand the terminal back sane on every way out, fatal signals included.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "errors.h"
#include "menu.h"

/* Rescan this often while no key comes, so the table stays current. */
#define POLL_MS 2000
/* Esc alone must not wait a second to be told from an escape sequence. */
#define ESC_DELAY_MS 25
#define KEY_ESC 27
#define KEY_DEL 127
#define KEY_CTRL_H 8

/* The views, for the key bar: enum ks_menu_view's values, 0 on. */
#define NR_MENU_VIEWS (KS_MENU_HELP + 1)

/*
 * One key and what it does. The help view and each view's key bar are
 * generated from this table, so they cannot drift from what the keys do:
 * an entry without a label is one more key for the labelled entry before
 * it, and keys next to each other with the same bar word share it
 * ("Up/Down choose").
 */
struct menu_key {
	int key;
	enum ks_menu_action action;
	bool selects_slot; /* a digit: select slot key - '0' first */
	const char *label; /* the help view's words for it */
	/* Each view's key bar word for it; NULL: not on that view's bar. */
	const char *bar[NR_MENU_VIEWS];
};

static const struct menu_key menu_keys[] = {
	{ .key = KEY_UP,
	  .action = KS_MENU_UP,
	  .label = "move up",
	  .bar = { [KS_MENU_PROFILES] = "choose" } },
	{ .key = 'k', .action = KS_MENU_UP },
	{ .key = KEY_DOWN,
	  .action = KS_MENU_DOWN,
	  .label = "move down",
	  .bar = { [KS_MENU_PROFILES] = "choose" } },
	{ .key = 'j', .action = KS_MENU_DOWN },
	{ .key = KEY_ENTER,
	  .action = KS_MENU_ENTER,
	  .label = "switch to the selected slot (load the selected profile)",
	  .bar = { [KS_MENU_SLOTS] = "switch", [KS_MENU_PROFILES] = "load" } },
	/* Terminals send \r or \n for Enter; serial consoles send \r. */
	{ .key = '\r', .action = KS_MENU_ENTER },
	{ .key = '\n', .action = KS_MENU_ENTER },
	{ .key = '0',
	  .action = KS_MENU_ENTER,
	  .selects_slot = true,
	  .label = "switch to that slot" },
	{ .key = '1', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '2', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '3', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '4', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '5', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '6', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '7', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = '8', .action = KS_MENU_ENTER, .selects_slot = true },
	{ .key = 'l',
	  .action = KS_MENU_LOAD,
	  .label = "load a profile that is not loaded yet",
	  .bar = { [KS_MENU_SLOTS] = "load" } },
	{ .key = 'u',
	  .action = KS_MENU_UNLOAD,
	  .label = "unload the selected slot",
	  .bar = { [KS_MENU_SLOTS] = "unload" } },
	{ .key = 'r',
	  .action = KS_MENU_REFRESH,
	  .label = "rescan the slots, read the profiles",
	  .bar = { [KS_MENU_SLOTS] = "refresh" } },
	{ .key = 'h',
	  .action = KS_MENU_HELP_TOGGLE,
	  .label = "show or hide this help",
	  .bar = { [KS_MENU_SLOTS] = "help" } },
	{ .key = '?', .action = KS_MENU_HELP_TOGGLE },
	{ .key = KEY_ESC,
	  .action = KS_MENU_BACK,
	  .label = "back to the slots",
	  .bar = { [KS_MENU_PROFILES] = "back", [KS_MENU_HELP] = "back" } },
	{ .key = KEY_BACKSPACE, .action = KS_MENU_BACK },
	{ .key = KEY_DEL, .action = KS_MENU_BACK },
	{ .key = KEY_CTRL_H, .action = KS_MENU_BACK },
	{ .key = 'q',
	  .action = KS_MENU_QUIT,
	  .label = "quit",
	  .bar = { [KS_MENU_SLOTS] = "quit",
		   [KS_MENU_PROFILES] = "quit",
		   [KS_MENU_HELP] = "quit" } },
};

#define NR_MENU_KEYS (sizeof(menu_keys) / sizeof(menu_keys[0]))

/* The slot table's columns, shared by its header and its rows. */
#define SLOT_ROW_FMT "%c %-4s %-16.16s %-9s %-8s %8s %7s %-8s %6s"
#define PROFILE_ROW_FMT "  %-16.16s %-8s %8s %-4s %s"

/* Screen lines: the title, the table from TABLE_Y, the two bottom lines. */
#define TITLE_Y 0
#define TABLE_Y 2
#define STATUS_Y (LINES - 2)
#define BAR_Y (LINES - 1)

enum menu_color {
	COLOR_TITLE = 1,
	COLOR_RUNNING,
	COLOR_CRASHED,
	COLOR_STATUS,
};

static bool use_colors;

/*
 * The key that stands for @key, keys that are one key to the user: Enter
 * for \r and \n, Backspace for Del and Ctrl-H.
 */
static int canonical_key(int key)
{
	switch (key) {
	case '\r':
	case '\n':
		return KEY_ENTER;
	case KEY_DEL:
	case KEY_CTRL_H:
		return KEY_BACKSPACE;
	}
	return key;
}

static const char *key_name(int key, char *buf, size_t size)
{
	switch (canonical_key(key)) {
	case KEY_UP:
		return "Up";
	case KEY_DOWN:
		return "Down";
	case KEY_ENTER:
		return "Enter";
	case KEY_ESC:
		return "Esc";
	case KEY_BACKSPACE:
		return "Backspace";
	}
	snprintf(buf, size, "%c", key);
	return buf;
}

static const struct menu_key *find_key(int key)
{
	size_t i;

	for (i = 0; i < NR_MENU_KEYS; i++)
		if (menu_keys[i].key == key)
			return &menu_keys[i];
	return NULL;
}

static int color(enum menu_color pair)
{
	return use_colors ? COLOR_PAIR(pair) : 0;
}

static void start_colors(void)
{
	short background = COLOR_BLACK;

	use_colors = has_colors() && start_color() == OK;
	if (!use_colors)
		return;
	if (use_default_colors() == OK)
		background = -1;
	init_pair(COLOR_TITLE, COLOR_CYAN, background);
	init_pair(COLOR_RUNNING, COLOR_GREEN, background);
	init_pair(COLOR_CRASHED, COLOR_RED, background);
	init_pair(COLOR_STATUS, COLOR_YELLOW, background);
}

/*
 * Write one line at @y, cut to the screen's width. Everything drawn
 * passes here, with slot names, profile names and paths, and messages
 * that quote them: escaped as kswitch's errors are (ks_printable()).
 */
static void put_line(int y, int attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void put_line(int y, int attr, const char *fmt, ...)
{
	char line[256], shown[KS_PRINTABLE_SIZE(sizeof(line))];
	va_list ap;

	if (y < 0 || y >= LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	attrset(attr);
	mvaddnstr(y, 0, ks_printable(line, shown, sizeof(shown)), COLS);
	attrset(A_NORMAL);
}

static void draw_title(const struct ks_menu *menu)
{
	const struct ks_slot_table *table = &menu->table;

	put_line(TITLE_Y, A_BOLD | color(COLOR_TITLE),
		 "kswitch menu: this is %s, slot %u",
		 table->slot[table->self].name, table->self);
}

static int slot_attr(const struct kexec_slot_info *s)
{
	if (s->state == KEXEC_SLOT_RUNNING)
		return color(COLOR_RUNNING);
	/* Neither can be entered again. */
	if (s->state == KEXEC_SLOT_CRASHED || s->state == KEXEC_SLOT_EXITED)
		return color(COLOR_CRASHED);
	return A_NORMAL;
}

static void draw_slot(const struct ks_menu *menu, int y, unsigned int i)
{
	const struct kexec_slot_info *s = &menu->table.slot[i];
	struct ks_slot_cells c;
	int attr = slot_attr(s);

	ks_slot_cells(s, &c);
	if (i == menu->cursor)
		attr |= A_REVERSE;
	put_line(y, attr, SLOT_ROW_FMT, i == menu->table.self ? '*' : ' ',
		 c.slot, c.name, c.state, c.kind, c.mem_mib, c.entered, c.last,
		 c.hotkey);
}

static void draw_slots(const struct ks_menu *menu)
{
	unsigned int i;

	put_line(TABLE_Y, A_BOLD, SLOT_ROW_FMT, ' ', "SLOT", "NAME", "STATE",
		 "KIND", "MEM(MiB)", "ENTERED", "LAST", "HOTKEY");
	for (i = 0; i < KEXEC_SLOTS_MAX; i++)
		draw_slot(menu, TABLE_Y + 1 + (int)i, i);
}

static void draw_profile(const struct ks_menu *menu, int y, unsigned int i)
{
	const struct ks_profile *p = ks_menu_loadable(menu, i);
	char mem[24], slot[12] = "any";

	snprintf(mem, sizeof(mem), "%llu",
		 (unsigned long long)(p->mem_size >> 20));
	if (p->slot)
		snprintf(slot, sizeof(slot), "%u", p->slot);
	put_line(y, i == menu->profile_cursor ? A_REVERSE : A_NORMAL,
		 PROFILE_ROW_FMT, p->name, ks_slot_kind_name(p->kind), mem,
		 slot, p->kernel);
}

static void draw_profiles(const struct ks_menu *menu)
{
	unsigned int nr = ks_menu_nr_loadable(menu), first = 0, i;
	int rows = STATUS_Y - (TABLE_Y + 3);

	put_line(TABLE_Y, A_NORMAL, "Load which profile? (from %s)",
		 menu->profile_dir);
	put_line(TABLE_Y + 2, A_BOLD, PROFILE_ROW_FMT, "NAME", "KIND",
		 "MEM(MiB)", "SLOT", "KERNEL");
	if (rows < 1)
		return;
	/* Scroll so that the selection stays on screen. */
	if (menu->profile_cursor >= (unsigned int)rows)
		first = menu->profile_cursor - (unsigned int)rows + 1;
	for (i = first; i < nr && i - first < (unsigned int)rows; i++)
		draw_profile(menu, TABLE_Y + 3 + (int)(i - first), i);
}

/* Whether an entry before @i, from @first on, names the same key. */
static bool named_before(size_t first, size_t i)
{
	size_t j;

	for (j = first; j < i; j++)
		if (canonical_key(menu_keys[j].key) ==
		    canonical_key(menu_keys[i].key))
			return true;
	return false;
}

/* Curses key codes go past 255, where isdigit() is undefined. */
static bool is_digit_key(int key)
{
	return key >= '0' && key <= '9';
}

/* The length of the run of digits from entry @i, before @end. */
static size_t digit_run(size_t i, size_t end)
{
	size_t run = i + 1;

	while (run < end && is_digit_key(menu_keys[run].key) &&
	       menu_keys[run].key == menu_keys[run - 1].key + 1)
		run++;
	return run - i;
}

/* "Up k", "0-8": the keys of the entries @first to @end - 1. */
static void key_names(size_t first, size_t end, char *buf, size_t size)
{
	size_t i, run, len = 0;
	char one[2];

	buf[0] = '\0';
	for (i = first; i < end && len < size; i += run) {
		run = digit_run(i, end);
		if (run > 2) {
			len += snprintf(buf + len, size - len, "%s%c-%c",
					len ? " " : "", menu_keys[i].key,
					menu_keys[i + run - 1].key);
			continue;
		}
		run = 1;
		if (named_before(first, i))
			continue;
		len += snprintf(buf + len, size - len, "%s%s", len ? " " : "",
				key_name(menu_keys[i].key, one, sizeof(one)));
	}
}

/* The end of the help line of entry @first: the next labelled entry. */
static size_t help_line_end(size_t first)
{
	size_t end = first + 1;

	while (end < NR_MENU_KEYS && !menu_keys[end].label)
		end++;
	return end;
}

static void draw_help(void)
{
	const char *label;
	size_t i, end;
	char names[48];
	int y = TABLE_Y;

	put_line(y++, A_BOLD, "Keys");
	for (i = 0; i < NR_MENU_KEYS; i = end) {
		end = help_line_end(i);
		key_names(i, end, names, sizeof(names));
		label = menu_keys[i].label;
		put_line(y++, A_NORMAL, "  %-18s %s", names,
			 label ? label : "");
	}
	y++;
	put_line(
		y++, A_NORMAL,
		"  * marks this system's slot; LAST is when a slot was last entered.");
	put_line(y, A_NORMAL, "  The table is rescanned every %d seconds.",
		 POLL_MS / 1000);
}

/* The bar word of the next entry after @i on @view's bar, or NULL. */
static const char *next_bar_word(size_t i, enum ks_menu_view view)
{
	while (++i < NR_MENU_KEYS)
		if (menu_keys[i].bar[view])
			return menu_keys[i].bar[view];
	return NULL;
}

/* "Enter switch  l load ...", "Up/Down choose  Enter load ...". */
static void draw_key_bar(const struct ks_menu *menu)
{
	const char *word, *next;
	char bar[160], one[2];
	size_t i, len = 0;
	bool shared = false; /* the word is shared with the key before */

	bar[0] = '\0';
	for (i = 0; i < NR_MENU_KEYS && len < sizeof(bar); i++) {
		word = menu_keys[i].bar[menu->view];
		if (!word)
			continue;
		next = next_bar_word(i, menu->view);
		if (next && !strcmp(next, word))
			word = NULL; /* the next key says it */
		len += snprintf(bar + len, sizeof(bar) - len, "%s%s%s%s",
				len && !shared ? "  " : "",
				key_name(menu_keys[i].key, one, sizeof(one)),
				word ? " " : "/", word ? word : "");
		shared = !word;
	}
	put_line(BAR_Y, A_REVERSE, "%s", bar);
}

static void draw(const struct ks_menu *menu)
{
	erase();
	draw_title(menu);
	switch (menu->view) {
	case KS_MENU_SLOTS:
		draw_slots(menu);
		break;
	case KS_MENU_PROFILES:
		draw_profiles(menu);
		break;
	case KS_MENU_HELP:
		draw_help();
		break;
	}
	put_line(STATUS_Y, color(COLOR_STATUS), "%s", menu->message);
	draw_key_bar(menu);
	refresh();
}

/*
 * Back from another system, which wrote over the console: repaint all of
 * the screen, and forget the keys typed to that system.
 */
static void repaint_if_away(struct ks_menu *menu)
{
	if (!menu->away)
		return;
	menu->away = false;
	flushinp();
	clearok(curscr, TRUE);
	curs_set(0);
}

/* A switch hands the console to another system: leave curses first. */
static void dispatch(struct ks_menu *menu, const struct menu_key *k)
{
	if (k->selects_slot)
		ks_menu_select(menu, (unsigned int)(k->key - '0'));
	if (k->action == KS_MENU_ENTER && menu->view == KS_MENU_SLOTS)
		endwin();
	ks_menu_do(menu, k->action);
	repaint_if_away(menu);
}

static const int fatal_signals[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP };
#define NR_FATAL_SIGNALS (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static struct sigaction saved_actions[NR_FATAL_SIGNALS];

/*
 * Die as the signal would have killed us, but with the terminal back in
 * the state the shell left it in. SA_RESETHAND has made the action the
 * default again; the signal is blocked until we return, then it kills.
 */
static void restore_and_die(int sig)
{
	endwin();
	raise(sig);
}

/*
 * Before newterm(), so that what is saved is the shell's, not curses'
 * own (curses leaves alone a signal that already has a handler). A signal
 * the shell ignores (SIGINT in a background job, SIGHUP under nohup)
 * stays ignored.
 */
static void catch_fatal_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = restore_and_die;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NR_FATAL_SIGNALS; i++) {
		sigaction(fatal_signals[i], NULL, &saved_actions[i]);
		if (saved_actions[i].sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
	}
}

static void release_fatal_signals(void)
{
	size_t i;

	for (i = 0; i < NR_FATAL_SIGNALS; i++)
		sigaction(fatal_signals[i], &saved_actions[i], NULL);
}

/*
 * newterm(), not initscr(): initscr() exits the program itself when it
 * cannot drive the terminal; this says why on the status of the command.
 */
static SCREEN *start_screen(struct ks_menu *menu)
{
	const char *term = getenv("TERM");
	SCREEN *screen;

	catch_fatal_signals();
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		release_fatal_signals();
		snprintf(
			menu->message, sizeof(menu->message),
			"cannot drive terminal type '%s'; set TERM (vt100 will do)",
			term ? term : "");
		return NULL;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(ESC_DELAY_MS);
	/* Not every terminal can hide the cursor; the menu works anyway. */
	curs_set(0);
	timeout(POLL_MS);
	start_colors();
	return screen;
}

static void stop_screen(SCREEN *screen)
{
	/*
	 * A vt100 or a console has no alternate screen to leave: do not
	 * leave the shell's prompt over the remains of the table.
	 */
	erase();
	refresh();
	endwin();
	release_fatal_signals();
	delscreen(screen);
}

static void handle_key(struct ks_menu *menu, int key)
{
	const struct menu_key *k;

	if (key == KEY_RESIZE) {
		/* The next draw fits the new size; paint all of it. */
		clearok(curscr, TRUE);
		return;
	}
	k = find_key(key);
	if (!k) {
		snprintf(menu->message, sizeof(menu->message),
			 "no such key; h shows the keys");
		return;
	}
	dispatch(menu, k);
}

int ks_menu_run(struct ks_menu *menu)
{
	SCREEN *screen;
	bool stale = false;
	int key;

	screen = start_screen(menu);
	if (!screen)
		return KSWITCH_EXIT_FAILURE;
	while (!menu->quit) {
		if (stale) {
			ks_menu_scan(menu);
			repaint_if_away(menu);
		}
		stale = false;
		draw(menu);
		key = getch();
		if (key == ERR)
			stale = true; /* no key for POLL_MS: rescan */
		else
			handle_key(menu, key);
	}
	stop_screen(screen);
	return KSWITCH_EXIT_OK;
}
