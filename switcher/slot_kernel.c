// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's memory slots as a slot source (slots.h): the slot directory
 * read through /dev/kexec_slots, and loads through the loader.
 */
#include <errno.h>
#include <string.h>

#include "kexec_syscall.h"
#include "loader.h"
#include "profile.h"
#include "slot_kernel.h"

static int kernel_scan(void *priv, struct ks_slot_table *table)
{
	unsigned int i;
	int ret;

	(void)priv;
	ret = ksys_slot_scan(table->slot, KEXEC_SLOTS_MAX, &table->self);
	/* Another kernel's record: its name may lack its NUL. */
	for (i = 0; !ret && i < KEXEC_SLOTS_MAX; i++)
		table->slot[i].name[sizeof(table->slot[i].name) - 1] = '\0';
	if (!ret && table->self >= KEXEC_SLOTS_MAX)
		ret = -EIO;
	return ret;
}

static int kernel_enter(void *priv, unsigned int slot)
{
	(void)priv;
	return ksys_slot_switch(slot);
}

static int kernel_shut_down(void *priv, unsigned int slot)
{
	(void)priv;
	return ksys_slot_shutdown(slot);
}

static int kernel_load(void *priv, const struct ks_profile *profile,
		       unsigned int *slot)
{
	struct ks_slot_table table;
	struct ks_load_plan plan;
	int ret = 0;

	(void)priv;
	/* ks_policy_load() has picked it; a caller that did not, scans. */
	*slot = profile->slot;
	if (!*slot) {
		ret = kernel_scan(NULL, &table);
		if (!ret)
			ret = ks_pick_slot(&table, profile, slot);
	}
	return ret ? ret : ks_loader_load_slot(*slot, profile, &plan);
}

static int kernel_unload(void *priv, unsigned int slot)
{
	(void)priv;
	return ksys_slot_unload(slot);
}

static int kernel_crash_log(void *priv, unsigned int slot, char *buf,
			    size_t size, size_t *len)
{
	(void)priv;
	return ksys_slot_crash_log(slot, buf, size, len);
}

static const struct ks_slot_source_ops kernel_ops = {
	.scan = kernel_scan,
	.enter = kernel_enter,
	.shut_down = kernel_shut_down,
	.load = kernel_load,
	.unload = kernel_unload,
	.crash_log = kernel_crash_log,
};

void ks_kernel_source(struct ks_slot_source *src)
{
	src->ops = &kernel_ops;
	src->priv = NULL;
}
