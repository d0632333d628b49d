// SPDX-License-Identifier: GPL-2.0
/*
 * The slot file commands: kswitch save, dump and restore. A slot file is
 * written under a temporary name and renamed when whole, so that FILE is
 * never half a file; save frees the slot only then.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "context.h"
#include "policy.h"
#include "slot_snapshot.h"

/*
 * Write @slot, called @what in messages, to @path; *@entered as
 * ks_kernel_save_slot() has it.
 */
static int write_slot_file(unsigned int slot, const char *what,
			   const char *path, uint64_t *entered)
{
	char *tmp;
	int fd, ret;

	if (asprintf(&tmp, "%s.XXXXXX", path) < 0)
		return ks_fail(KS_REQ_WRITE, path, -ENOMEM);
	/* 0600: it holds a whole system's memory. */
	fd = mkstemp(tmp);
	if (fd < 0) {
		ret = ks_fail(KS_REQ_WRITE, path, -errno);
		free(tmp);
		return ret;
	}
	ret = ks_kernel_save_slot(slot, fd, entered);
	/* Only the kernel's refusals are about the slot; the rest the file. */
	if (ret == -ENOSPC || ret == -EIO || ret == -EDQUOT)
		ret = ks_fail(KS_REQ_WRITE, path, ret);
	else if (ret)
		ret = ks_fail(KS_REQ_SAVE, what, ret);
	else if (fsync(fd) || rename(tmp, path))
		ret = ks_fail(KS_REQ_WRITE, path, -errno);
	if (ret)
		unlink(tmp);
	close(fd);
	free(tmp);
	return ret;
}

static int save_or_dump(int argc, char **argv, struct ks_context *ctx, int save)
{
	struct ks_slot_table table;
	char usage[80], what[16];
	unsigned int slot;
	uint64_t entered;
	int ret;

	snprintf(usage, sizeof(usage),
		 "%s takes a SLOT and a FILE; see 'kswitch %s --help'", argv[0],
		 argv[0]);
	ret = ks_ctx_args(argc, 3, usage);
	if (!ret)
		ret = ks_ctx_find_slot(ctx, KS_REQ_SAVE, argv[1], &table, &slot,
				       what);
	if (ret)
		return ret;
	/* Before the file: a crashed slot's -EIO is not a write error. */
	ret = save ? ks_policy_save(&table, slot) : 0;
	if (ret)
		return ks_fail(KS_REQ_SAVE, what, ret);
	ret = write_slot_file(slot, what, argv[2], &entered);
	if (ret || !save)
		return ret;
	ret = ks_kernel_unload_saved(slot, entered);
	return ret ? ks_fail(KS_REQ_SAVE, what, ret) : KSWITCH_EXIT_OK;
}

int cmd_save(int argc, char **argv, struct ks_context *ctx)
{
	return save_or_dump(argc, argv, ctx, 1);
}

int cmd_dump(int argc, char **argv, struct ks_context *ctx)
{
	return save_or_dump(argc, argv, ctx, 0);
}

int cmd_restore(int argc, char **argv, struct ks_context *ctx)
{
	struct ks_snapshot_file file;
	struct ks_slot_table table;
	unsigned int slot, hotkey;
	int ret;

	if (argc != 3) {
		ks_error(
			"restore takes a SLOT and a FILE; see 'kswitch restore --help'");
		return KSWITCH_EXIT_USAGE;
	}
	if (ks_parse_slot_number(argv[1], &slot))
		return ks_fail(KS_REQ_RESTORE, argv[1], -ENXIO);
	if (!slot) {
		ks_error(
			"slot 0 is the system the machine booted; restore into an empty slot 1 to %d",
			KEXEC_SLOTS_MAX - 1);
		return KSWITCH_EXIT_SLOT_IN_USE;
	}
	/* Every check of the file comes before the kernel is asked. */
	ret = ks_snapshot_open(argv[2], &file);
	if (ret)
		return ks_fail(KS_REQ_RESTORE, argv[2], ret);
	ret = ctx->src->ops->scan(ctx->src->priv, &table);
	if (!ret)
		ret = ks_kernel_restore_slot(slot, &file, &table, &hotkey);
	if (!ret && hotkey != file.snap.info.hotkey)
		printf("slot %u: hotkey %c belongs to another slot now; restored without one\n",
		       slot, file.snap.info.hotkey);
	ks_snapshot_close(&file);
	return ret ? ks_fail(KS_REQ_RESTORE, argv[2], ret) : KSWITCH_EXIT_OK;
}
