// SPDX-License-Identifier: GPL-2.0
/*
 * kswitch menu: the slots on a full screen, to switch, load and unload
 * with a key each (menu.c is the model, menu_screen.c the screen).
 */
#include <unistd.h>

#include "cmd.h"
#include "context.h"
#include "menu.h"

int cmd_menu(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_menu menu;
	int ret;

	(void)argv;
	if (argc > 1) {
		ks_error("menu takes no arguments; see 'kswitch menu --help'");
		return KSWITCH_EXIT_USAGE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		ks_error(
			"menu needs a terminal; use 'kswitch list' in scripts");
		return KSWITCH_EXIT_USAGE;
	}
	/* No slots to show is said, with its code, before the screen opens. */
	ret = ks_ctx_scan(ctx, &menu.table);
	if (ret)
		return ret;
	ret = ks_menu_init(&menu, ctx->src, ctx->src_name, ctx->profile_dir);
	if (ret) {
		ks_error("%s", menu.message);
		return KSWITCH_EXIT_FAILURE;
	}
	ret = ks_menu_run(&menu);
	/* The screen is gone: a reason it could not start goes to stderr. */
	if (ret)
		ks_error("%s", menu.message);
	ks_menu_free(&menu);
	return ret;
}
