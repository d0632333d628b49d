// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of switcher/menu.c, the menu's model, driven without a
 * terminal against a slots file: what each key's action does to the
 * selection, the slots and the status line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../slots/slots_file.h"
#include "../../slots/slots_json.h"
#include "../../switcher/errors.h"
#include "../../switcher/menu.h"
#include "../lib/tap.h"

#define MiB (1ULL << 20)

static char dir[] = "/tmp/test_menu.XXXXXX";
static char slots_path[64], profile_dir[64];

static void set_slot(struct ks_slot_table *t, unsigned int i, const char *name,
		     unsigned int state, unsigned int kind, uint64_t mem)
{
	struct kexec_slot_info *s = &t->slot[i];

	snprintf(s->name, sizeof(s->name), "%s", name);
	s->state = state;
	s->kind = kind;
	s->mem_size = mem;
	s->hotkey = '0' + i;
}

/* alpha runs in slot 0; bravo is away in 1, charlie loaded in 2. */
static int write_slots(void)
{
	struct ks_slot_table t;
	unsigned int i;
	FILE *f;
	int ret;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < KEXEC_SLOTS_MAX; i++)
		t.slot[i].slot = i;
	set_slot(&t, 0, "alpha", KEXEC_SLOT_RUNNING, KEXEC_SLOT_RESIDENT, 0);
	t.slot[0].times_entered = 1;
	set_slot(&t, 1, "bravo", KEXEC_SLOT_SUSPENDED, KEXEC_SLOT_RESIDENT,
		 160 * MiB);
	t.slot[1].times_entered = 2;
	set_slot(&t, 2, "charlie", KEXEC_SLOT_LOADED, KEXEC_SLOT_SWAP,
		 128 * MiB);
	f = fopen(slots_path, "w");
	if (!f)
		return -errno;
	ret = ks_slot_table_write_json(&t, f);
	fclose(f);
	return ret;
}

static int write_file(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", profile_dir, name);
	f = fopen(path, "w");
	if (!f)
		return -errno;
	fputs(text, f);
	return fclose(f) ? -errno : 0;
}

static int setup(void)
{
	char profile[256];
	FILE *kernel;

	if (!mkdtemp(dir))
		return -errno;
	snprintf(slots_path, sizeof(slots_path), "%s/slots.json", dir);
	snprintf(profile_dir, sizeof(profile_dir), "%s/slots.d", dir);
	if (mkdir(profile_dir, 0755))
		return -errno;
	/* Loads check that the kernel can be read; a slots file reads no more.
	 */
	snprintf(profile, sizeof(profile), "%s/bzImage", dir);
	kernel = fopen(profile, "w");
	if (!kernel || fclose(kernel))
		return -EIO;
	snprintf(profile, sizeof(profile),
		 "name = delta\nkernel = %s/bzImage\nmemory = 96M\nslot = 3\n",
		 dir);
	if (write_file("delta.conf", profile))
		return -EIO;
	if (write_file("zulu.conf", "kernel = /boot/bzImage\n"
				    "colour = blue\n"))
		return -EIO;
	return write_slots();
}

static void cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		printf("# could not remove %s\n", dir);
}

/* The slot table as the file has it now, not as the menu saw it. */
static struct ks_slot_table file_table(struct ks_slot_source *src)
{
	struct ks_slot_table t;

	memset(&t, 0, sizeof(t));
	src->ops->scan(src->priv, &t);
	return t;
}

static int says(const struct ks_menu *menu, enum ks_request req,
		const char *what, int err)
{
	char line[sizeof(menu->message)];

	ks_explain(req, what, err, line, sizeof(line));
	if (strcmp(menu->message, line))
		printf("# said:     %s\n# expected: %s\n", menu->message, line);
	return !strcmp(menu->message, line);
}

static void test_init(struct ks_menu *menu)
{
	ok(!menu->away, "the first scan is no return from elsewhere");
	ok(menu->view == KS_MENU_SLOTS, "starts in the slot view");
	ok(menu->cursor == 0, "the cursor starts on this system's slot");
	ok(menu->table.slot[1].state == KEXEC_SLOT_SUSPENDED &&
		   !strcmp(menu->table.slot[2].name, "charlie"),
	   "the slots are scanned");
	ok(menu->profiles.nr == 1, "one profile read");
	ok(strstr(menu->message, "1 profile refused: ") &&
		   strstr(menu->message, "zulu.conf:2: "),
	   "the refused profile is on the status line: %s", menu->message);
}

static void test_cursor(struct ks_menu *menu)
{
	int i;

	ks_menu_do(menu, KS_MENU_UP);
	ok(menu->cursor == 0, "Up on the first slot stays there");
	ks_menu_do(menu, KS_MENU_DOWN);
	ok(menu->cursor == 1, "Down moves to slot 1");
	for (i = 0; i < 20; i++)
		ks_menu_do(menu, KS_MENU_DOWN);
	ok(menu->cursor == KEXEC_SLOTS_MAX - 1, "Down stops on the last slot");
	ks_menu_do(menu, KS_MENU_UP);
	ok(menu->cursor == KEXEC_SLOTS_MAX - 2, "Up moves back");
}

static const struct ks_slot_source_ops *file_ops;

/* The system entered switches on to charlie (slot 2), which comes back. */
static int enter_via_charlie(void *priv, unsigned int slot)
{
	int ret = file_ops->enter(priv, slot);

	return ret ? ret : file_ops->enter(priv, 2);
}

static void test_switch(struct ks_menu *menu, struct ks_slot_source *src)
{
	struct ks_slot_source_ops hop;

	ks_menu_select(menu, 1);
	menu->away = false;
	ks_menu_do(menu, KS_MENU_ENTER);
	ok(menu->away, "a switch says the terminal was away");
	ok(file_table(src).slot[1].times_entered == 3,
	   "Enter on bravo counts an entry in the slots file");
	ok(menu->table.slot[1].times_entered == 3 &&
		   menu->table.slot[1].last_entered_ns,
	   "and the menu rescanned after it");
	ok(!strcmp(menu->message, "back from bravo (slot 1)"), "says: %s",
	   menu->message);

	ks_menu_select(menu, 5);
	ks_menu_do(menu, KS_MENU_ENTER);
	ok(says(menu, KS_REQ_SWITCH, "5", -ENOENT),
	   "Enter on an empty slot says what 'kswitch 5' says");
	ks_menu_select(menu, 0);
	ks_menu_do(menu, KS_MENU_ENTER);
	ok(says(menu, KS_REQ_SWITCH, "0", -EALREADY),
	   "Enter on this system's slot says what 'kswitch 0' says");
	ok(file_table(src).slot[0].times_entered == 1,
	   "and neither counted an entry");

	file_ops = src->ops;
	hop = *file_ops;
	hop.enter = enter_via_charlie;
	src->ops = &hop;
	ks_menu_select(menu, 1);
	ks_menu_do(menu, KS_MENU_ENTER);
	src->ops = file_ops;
	ok(!strcmp(menu->message, "back from charlie (slot 2)"),
	   "bravo switched on to charlie, which came back: says %s",
	   menu->message);
}

static void test_load(struct ks_menu *menu, struct ks_slot_source *src)
{
	ks_menu_do(menu, KS_MENU_LOAD);
	ok(menu->view == KS_MENU_PROFILES, "l shows the profiles");
	ok(ks_menu_nr_loadable(menu) == 1 &&
		   !strcmp(ks_menu_loadable(menu, 0)->name, "delta"),
	   "listing delta, the one not loaded");
	ks_menu_do(menu, KS_MENU_DOWN);
	ok(menu->profile_cursor == 0, "Down stops on the last profile");
	ks_menu_do(menu, KS_MENU_ENTER);
	ok(menu->view == KS_MENU_SLOTS, "Enter loads and goes back");
	ok(!strcmp(menu->message, "loaded delta into slot 3"), "says: %s",
	   menu->message);
	ok(file_table(src).slot[3].state == KEXEC_SLOT_LOADED &&
		   !strcmp(menu->table.slot[3].name, "delta"),
	   "delta is loaded into slot 3, in the file and on screen");
	ok(menu->cursor == 3, "and selected");

	ks_menu_do(menu, KS_MENU_LOAD);
	ok(menu->view == KS_MENU_SLOTS, "l with every profile loaded stays");
	ok(strstr(menu->message, profile_dir) != NULL,
	   "and says where profiles live: %s", menu->message);
}

static void test_unload(struct ks_menu *menu, struct ks_slot_source *src)
{
	ks_menu_select(menu, 3);
	ks_menu_do(menu, KS_MENU_UNLOAD);
	ok(file_table(src).slot[3].state == KEXEC_SLOT_EMPTY &&
		   menu->table.slot[3].state == KEXEC_SLOT_EMPTY,
	   "u unloads the selected slot");
	ok(!strcmp(menu->message, "unloaded delta from slot 3"), "says: %s",
	   menu->message);
	ks_menu_do(menu, KS_MENU_UNLOAD);
	ok(says(menu, KS_REQ_UNLOAD, "3", -ENOENT),
	   "u on an empty slot says what 'kswitch unload 3' says");
	ks_menu_select(menu, 0);
	ks_menu_do(menu, KS_MENU_UNLOAD);
	ok(says(menu, KS_REQ_UNLOAD, "0", -EINVAL),
	   "u on slot 0 says what 'kswitch unload 0' says");
	ks_menu_do(menu, KS_MENU_LOAD);
	ok(menu->view == KS_MENU_PROFILES, "delta can be loaded again");
	ks_menu_do(menu, KS_MENU_BACK);
}

static void test_views(struct ks_menu *menu)
{
	ks_menu_do(menu, KS_MENU_HELP_TOGGLE);
	ok(menu->view == KS_MENU_HELP, "h shows the help");
	ks_menu_do(menu, KS_MENU_BACK);
	ok(menu->view == KS_MENU_SLOTS, "Esc leaves it");
	ks_menu_do(menu, KS_MENU_HELP_TOGGLE);
	ks_menu_do(menu, KS_MENU_HELP_TOGGLE);
	ok(menu->view == KS_MENU_SLOTS, "h twice leaves it too");
	ks_menu_do(menu, KS_MENU_LOAD);
	ks_menu_do(menu, KS_MENU_BACK);
	ok(menu->view == KS_MENU_SLOTS, "Esc leaves the profiles");
	ok(!menu->quit, "not quitting yet");
	ks_menu_do(menu, KS_MENU_QUIT);
	ok(menu->quit, "q quits");
}

/* The hotkey, or kswitch elsewhere, took this system away and back. */
static void test_entered_from_outside(struct ks_menu *menu)
{
	struct ks_slot_table t = menu->table;
	FILE *f;

	t.slot[t.self].times_entered++;
	f = fopen(slots_path, "w");
	ok(f && !ks_slot_table_write_json(&t, f) && !fclose(f),
	   "this system entered once more, in the slots file");
	menu->away = false;
	ok(!ks_menu_scan(menu) && menu->away,
	   "a scan finds it was away: the screen is to be repainted");
	ok(!strcmp(menu->message,
		   "back in slot 0 after a switch from outside the menu"),
	   "says: %s", menu->message);
	menu->away = false;
	ok(!ks_menu_scan(menu) && !menu->away, "the next scan does not");
}

static void test_rescan(struct ks_menu *menu)
{
	ok(!write_slots() && !ks_menu_refresh(menu) &&
		   menu->table.slot[1].times_entered == 2,
	   "refresh reads a changed slots file");
	test_entered_from_outside(menu);
	unlink(slots_path);
	menu->src_name = slots_path;
	ok(ks_menu_scan(menu) == -ENOENT, "a scan of a missing file fails");
	ok(says(menu, KS_REQ_SCAN, slots_path, -ENOENT),
	   "and says so as 'kswitch list' does");
	ok(menu->table.slot[1].state == KEXEC_SLOT_SUSPENDED,
	   "keeping the last table");
}

int main(void)
{
	struct ks_slot_source src;
	struct ks_menu menu;
	int ret;

	tap_plan(48);
	ret = setup();
	ok(!ret, "temp slots file and profiles (%d)", ret);
	if (ret) {
		cleanup();
		return tap_done();
	}
	ks_slots_file_source(&src, slots_path);
	ret = ks_menu_init(&menu, &src, slots_path, profile_dir);
	ok(!ret, "ks_menu_init (%d)", ret);
	if (!ret) {
		test_init(&menu);
		test_cursor(&menu);
		test_switch(&menu, &src);
		test_load(&menu, &src);
		test_unload(&menu, &src);
		test_views(&menu);
		test_rescan(&menu);
		ks_menu_free(&menu);
	}
	cleanup();
	return tap_done();
}
