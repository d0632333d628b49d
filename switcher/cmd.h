/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The commands, as git's builtin.h: each is one cmd_<name>() in
 * cmd_<name>.c (cmd_slots.c holds switch, list, unload and log; cmd_
 * snapshot.c save, dump and restore), dispatched from the table in
 * kswitch.c. A command parses its arguments, asks, and alone prints and
 * chooses the exit code (errors.h).
 */
#ifndef KSWITCH_CMD_H
#define KSWITCH_CMD_H

struct ks_context;

struct kswitch_cmd {
	const char *name;
	int (*handler)(int argc, char **argv, struct ks_context *ctx);
	const char *args; /* one-line grammar of the arguments */
	const char *summary;
};

int cmd_help(int argc, char **argv, struct ks_context *ctx);
int cmd_status(int argc, char **argv, struct ks_context *ctx);
int cmd_load(int argc, char **argv, struct ks_context *ctx);
int cmd_jump(int argc, char **argv, struct ks_context *ctx);
int cmd_call(int argc, char **argv, struct ks_context *ctx);
int cmd_list(int argc, char **argv, struct ks_context *ctx);
int cmd_unload(int argc, char **argv, struct ks_context *ctx);
int cmd_log(int argc, char **argv, struct ks_context *ctx);
int cmd_up(int argc, char **argv, struct ks_context *ctx);
int cmd_menu(int argc, char **argv, struct ks_context *ctx);
int cmd_save(int argc, char **argv, struct ks_context *ctx);
int cmd_dump(int argc, char **argv, struct ks_context *ctx);
int cmd_restore(int argc, char **argv, struct ks_context *ctx);
int cmd_watch(int argc, char **argv, struct ks_context *ctx);
int cmd_down(int argc, char **argv, struct ks_context *ctx);
/* kswitch SLOT: argv[0] is the slot. */
int cmd_switch(int argc, char **argv, struct ks_context *ctx);

#endif /* KSWITCH_CMD_H */
