// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch menu, the model: what each action does to the slots and the
 * selection. No curses here (menu_screen.c draws), so that the unit tests
 * drive every action without a terminal. Every outcome, good or bad, ends
 * up as one line in menu->message; errors are worded by ks_explain(), so
 * the menu says exactly what the command would.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "menu.h"
#include "policy.h"

static void set_message(struct ks_menu *menu, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_message(struct ks_menu *menu, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(menu->message, sizeof(menu->message), fmt, ap);
	va_end(ap);
}

static void explain(struct ks_menu *menu, enum ks_request req, const char *what,
		    int err)
{
	ks_explain(req, what, err, menu->message, sizeof(menu->message));
}

/* ks_explain() names a slot by its number, as the commands do. */
static void explain_slot(struct ks_menu *menu, enum ks_request req,
			 unsigned int slot, int err)
{
	char what[16];

	snprintf(what, sizeof(what), "%u", slot);
	explain(menu, req, what, err);
}

static bool profile_is_loaded(const struct ks_menu *menu,
			      const struct ks_profile *profile)
{
	unsigned int slot;

	return !ks_slot_named(&menu->table, profile->name, &slot);
}

unsigned int ks_menu_nr_loadable(const struct ks_menu *menu)
{
	unsigned int i, nr = 0;

	for (i = 0; i < menu->profiles.nr; i++)
		nr += !profile_is_loaded(menu, &menu->profiles.profile[i]);
	return nr;
}

const struct ks_profile *ks_menu_loadable(const struct ks_menu *menu,
					  unsigned int index)
{
	const struct ks_profile *profile;
	unsigned int i;

	for (i = 0; i < menu->profiles.nr; i++) {
		profile = &menu->profiles.profile[i];
		if (profile_is_loaded(menu, profile))
			continue;
		if (!index--)
			return profile;
	}
	return NULL;
}

/* A switch or load may have changed which profiles are left to load. */
static void clamp_profile_cursor(struct ks_menu *menu)
{
	unsigned int nr = ks_menu_nr_loadable(menu);

	if (menu->profile_cursor >= nr)
		menu->profile_cursor = nr ? nr - 1 : 0;
}

int ks_menu_scan(struct ks_menu *menu)
{
	struct ks_slot_table table;
	int ret;

	/* A failed scan keeps the last good table on screen. */
	ret = menu->src->ops->scan(menu->src->priv, &table);
	if (ret) {
		explain(menu, KS_REQ_SCAN, menu->src_name, ret);
		return ret;
	}
	/*
	 * Entered again since the last scan: this system was away, left by
	 * the hotkey or by kswitch in another shell, and whatever ran
	 * meanwhile wrote over the console.
	 */
	if (menu->table.slot[menu->table.self].times_entered &&
	    table.slot[table.self].times_entered >
		    menu->table.slot[menu->table.self].times_entered) {
		menu->away = true;
		snprintf(menu->message, sizeof(menu->message),
			 "back in slot %u after a switch from outside the menu",
			 table.self);
	}
	menu->table = table;
	clamp_profile_cursor(menu);
	return 0;
}

/* Say which profiles were refused, or clear the message. */
static void report_profile_errors(struct ks_menu *menu)
{
	unsigned int nr = menu->profiles.nr_errors;
	char first[KS_PATH_LEN + 192];

	menu->message[0] = '\0';
	if (!nr)
		return;
	ks_profile_error_format(menu->profiles.error, first, sizeof(first));
	set_message(menu, "%u profile%s refused: %s", nr, nr == 1 ? "" : "s",
		    first);
}

static int read_profiles(struct ks_menu *menu)
{
	int ret;

	ks_profiles_free(&menu->profiles);
	ret = ks_profiles_read_dir(menu->profile_dir, &menu->profiles);
	if (ret) {
		set_message(menu, "cannot read the profiles in %s: %s",
			    menu->profile_dir, strerror(-ret));
		return ret;
	}
	report_profile_errors(menu);
	clamp_profile_cursor(menu);
	return 0;
}

int ks_menu_refresh(struct ks_menu *menu)
{
	int ret;

	ret = ks_menu_scan(menu);
	if (ret)
		return ret;
	return read_profiles(menu);
}

int ks_menu_init(struct ks_menu *menu, struct ks_slot_source *src,
		 const char *src_name, const char *profile_dir)
{
	int ret;

	memset(menu, 0, sizeof(*menu));
	menu->src = src;
	menu->src_name = src_name;
	menu->profile_dir = profile_dir;
	ret = ks_menu_refresh(menu);
	if (ret) {
		ks_menu_free(menu);
		return ret;
	}
	menu->cursor = menu->table.self;
	return 0;
}

void ks_menu_free(struct ks_menu *menu)
{
	ks_profiles_free(&menu->profiles);
}

void ks_menu_select(struct ks_menu *menu, unsigned int slot)
{
	menu->view = KS_MENU_SLOTS;
	menu->cursor = slot < KEXEC_SLOTS_MAX ? slot : KEXEC_SLOTS_MAX - 1;
}

static void move_cursor(struct ks_menu *menu, int step)
{
	unsigned int *cursor = &menu->cursor;
	unsigned int nr = KEXEC_SLOTS_MAX;

	if (menu->view == KS_MENU_HELP)
		return;
	if (menu->view == KS_MENU_PROFILES) {
		cursor = &menu->profile_cursor;
		nr = ks_menu_nr_loadable(menu);
	}
	if (step < 0 && *cursor > 0)
		(*cursor)--;
	else if (step > 0 && *cursor + 1 < nr)
		(*cursor)++;
}

/*
 * Empty slots and this system's own are not filtered out here: the policy
 * refuses them, so the menu says what 'kswitch SLOT' would.
 */
static void switch_to_selected(struct ks_menu *menu)
{
	unsigned int slot = menu->cursor, from;
	int ret;

	ret = ks_policy_enter(menu->src, &menu->table, slot);
	if (ret) {
		explain_slot(menu, KS_REQ_SWITCH, slot, ret);
		return;
	}
	/* The console was the other system's until enter() returned. */
	menu->away = true;
	if (ks_menu_refresh(menu))
		return;
	/*
	 * The system entered may have switched on to another before one
	 * came back here: the message names the one that did.
	 */
	if (ks_slot_came_from(&menu->table, &from))
		from = slot;
	set_message(menu, "back from %.*s (slot %u)",
		    (int)sizeof(menu->table.slot[from].name),
		    menu->table.slot[from].name, from);
}

static void load_selected(struct ks_menu *menu)
{
	const struct ks_profile *profile;
	char name[KEXEC_SLOT_NAME_LEN];
	const char *culprit;
	unsigned int slot = 0;
	int ret;

	menu->view = KS_MENU_SLOTS;
	profile = ks_menu_loadable(menu, menu->profile_cursor);
	if (!profile) {
		set_message(menu, "no profile to load");
		return;
	}
	ret = ks_policy_load(menu->src, &menu->table, profile, &slot, &culprit);
	if (ret) {
		ks_explain_load(profile, culprit, ret, menu->message,
				sizeof(menu->message));
		return;
	}
	/* The refresh frees @profile. */
	snprintf(name, sizeof(name), "%s", profile->name);
	if (ks_menu_refresh(menu))
		return;
	menu->cursor = slot;
	set_message(menu, "loaded %s into slot %u", name, slot);
}

static void enter(struct ks_menu *menu)
{
	switch (menu->view) {
	case KS_MENU_SLOTS:
		switch_to_selected(menu);
		break;
	case KS_MENU_PROFILES:
		load_selected(menu);
		break;
	case KS_MENU_HELP:
		menu->view = KS_MENU_SLOTS;
		break;
	}
}

static void show_profiles(struct ks_menu *menu)
{
	if (ks_menu_nr_loadable(menu)) {
		menu->view = KS_MENU_PROFILES;
		menu->profile_cursor = 0;
		menu->message[0] = '\0';
	} else if (!menu->profiles.nr) {
		set_message(menu, "no profiles to load; add one to %s",
			    menu->profile_dir);
	} else {
		set_message(menu, "every profile is loaded; add more to %s",
			    menu->profile_dir);
	}
}

/* As 'kswitch unload' does: say why before the kernel refuses mutely. */
static void unload_selected(struct ks_menu *menu)
{
	unsigned int slot = menu->cursor;
	char name[KEXEC_SLOT_NAME_LEN];
	int ret;

	if (menu->view != KS_MENU_SLOTS)
		return;
	snprintf(name, sizeof(name), "%s", menu->table.slot[slot].name);
	ret = ks_policy_unload(menu->src, &menu->table, slot);
	if (ret) {
		explain_slot(menu, KS_REQ_UNLOAD, slot, ret);
		return;
	}
	if (ks_menu_scan(menu))
		return;
	set_message(menu, "unloaded %s from slot %u", name, slot);
}

static void refresh(struct ks_menu *menu)
{
	if (ks_menu_refresh(menu))
		return;
	if (!menu->message[0])
		set_message(menu, "rescanned the slots and read %u profile%s",
			    menu->profiles.nr,
			    menu->profiles.nr == 1 ? "" : "s");
}

void ks_menu_do(struct ks_menu *menu, enum ks_menu_action action)
{
	switch (action) {
	case KS_MENU_NONE:
		break;
	case KS_MENU_UP:
		move_cursor(menu, -1);
		break;
	case KS_MENU_DOWN:
		move_cursor(menu, 1);
		break;
	case KS_MENU_ENTER:
		enter(menu);
		break;
	case KS_MENU_LOAD:
		show_profiles(menu);
		break;
	case KS_MENU_UNLOAD:
		unload_selected(menu);
		break;
	case KS_MENU_REFRESH:
		refresh(menu);
		break;
	case KS_MENU_HELP_TOGGLE:
		menu->view = menu->view == KS_MENU_HELP ? KS_MENU_SLOTS
							: KS_MENU_HELP;
		break;
	case KS_MENU_BACK:
		menu->view = KS_MENU_SLOTS;
		break;
	case KS_MENU_QUIT:
		menu->quit = true;
		break;
	}
}
