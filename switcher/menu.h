/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kswitch menu, the model: the slots on screen, the selection, and what
 * each action does to them. It never calls curses (menu_screen.c draws it
 * and reads keys), so tests drive it without a terminal.
 */
#ifndef KSWITCH_MENU_H
#define KSWITCH_MENU_H

#include <stdbool.h>

#include "profile.h"
#include "slots.h"

enum ks_menu_view {
	KS_MENU_SLOTS, /* the slot table */
	KS_MENU_PROFILES, /* picking a profile to load */
	KS_MENU_HELP,
};

enum ks_menu_action {
	KS_MENU_NONE,
	KS_MENU_UP,
	KS_MENU_DOWN,
	KS_MENU_ENTER, /* switch to the selected slot / load the profile */
	KS_MENU_LOAD, /* show the profiles to load */
	KS_MENU_UNLOAD, /* unload the selected slot */
	KS_MENU_REFRESH,
	KS_MENU_HELP_TOGGLE,
	KS_MENU_BACK, /* leave the profiles or help view */
	KS_MENU_QUIT,
};

struct ks_menu {
	struct ks_slot_source *src;
	/* For messages: "the kernel" (the default), or the slots file. */
	const char *src_name;
	const char *profile_dir;
	struct ks_slot_table table;
	struct ks_profile_set profiles;
	enum ks_menu_view view;
	unsigned int cursor; /* selected slot */
	unsigned int profile_cursor; /* selected in the profiles view */
	/*
	 * Set when the terminal was another system's for a while: after a
	 * switch from the menu, or when a scan finds this system entered
	 * again (left by the hotkey, or by kswitch elsewhere). The screen
	 * must be redrawn from scratch.
	 */
	bool away;
	bool quit;
	char message[160]; /* the last action's outcome, for the status line */
};

/*
 * Scan the slots of @src (@src_name in messages: "the kernel", or the
 * slots file) and the profiles; the cursor starts on this system's slot.
 */
int ks_menu_init(struct ks_menu *menu, struct ks_slot_source *src,
		 const char *src_name, const char *profile_dir);
void ks_menu_free(struct ks_menu *menu);

/* Scan again (after a switch, or on request). */
int ks_menu_refresh(struct ks_menu *menu);

/*
 * Scan the slots only, as the screen does while it waits for a key; a
 * failure keeps the last table and says why in menu->message.
 */
int ks_menu_scan(struct ks_menu *menu);

/* Go to the slot view with @slot selected (a digit key, before ENTER). */
void ks_menu_select(struct ks_menu *menu, unsigned int slot);

/* The profiles view's list: the profiles no slot has loaded. */
unsigned int ks_menu_nr_loadable(const struct ks_menu *menu);
const struct ks_profile *ks_menu_loadable(const struct ks_menu *menu,
					  unsigned int index);

/* Carry out @action; outcomes and errors go to menu->message. */
void ks_menu_do(struct ks_menu *menu, enum ks_menu_action action);

/* The screen: runs until the user quits. Returns a kswitch exit code. */
int ks_menu_run(struct ks_menu *menu);

#endif /* KSWITCH_MENU_H */
