// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's memory slots as a slot source (slots.h): the slot directory
 * read through /dev/kexec_slots, and loads through the loader.
 */
#include <errno.h>
#include <string.h>

#include "kexec_syscall.h"
#include "kswitch.h"
#include "loader.h"
#include "profile.h"

static int kernel_scan(void *priv, struct ks_slot_table *table)
{
	struct kexec_slot_info info;
	struct ks_slot *s;
	unsigned int i;
	int ret;

	(void)priv;
	ret = ks_slot_self(&table->self);
	for (i = 0; !ret && i < KEXEC_SLOTS_MAX; i++) {
		memset(&info, 0, sizeof(info));
		info.slot = i;
		ret = ks_slot_info(&info);
		s = &table->slot[i];
		s->slot = i;
		s->state = info.state;
		s->kind = info.kind;
		s->hotkey = info.hotkey;
		s->mem_size = info.mem_size;
		s->times_entered = info.times_entered;
		s->last_entered_ns = info.last_entered_ns;
		s->last_switch_ns = info.last_switch_ns;
		memcpy(s->name, info.name, sizeof(s->name));
		s->name[sizeof(s->name) - 1] = '\0';
	}
	return ret;
}

static int kernel_enter(void *priv, unsigned int slot)
{
	(void)priv;
	return ks_slot_switch(slot);
}

static int kernel_shut_down(void *priv, unsigned int slot)
{
	(void)priv;
	return ks_slot_shutdown(slot);
}

/* The profile's slot, or the first empty one. */
static int pick_slot(const struct ks_profile *profile, unsigned int *slot)
{
	struct ks_slot_table table;
	int ret;

	ret = kernel_scan(NULL, &table);
	return ret ? ret : ks_pick_slot(&table, profile, slot);
}

static int kernel_load(void *priv, const struct ks_profile *profile,
		       unsigned int *slot)
{
	struct ks_load_request req;
	struct ks_load_plan plan;
	int ret;

	(void)priv;
	ks_profile_request(profile, &req);
	ret = pick_slot(profile, slot);
	if (ret)
		return ret;
	return ks_load_slot(*slot, profile->kind, profile->name,
			    ks_profile_hotkey(profile, *slot), &req, &plan);
}

static int kernel_unload(void *priv, unsigned int slot)
{
	(void)priv;
	return ks_slot_unload(slot);
}

static int kernel_crash_log(void *priv, unsigned int slot, char *buf,
			    size_t size, size_t *len)
{
	(void)priv;
	return ks_slot_crash_log(slot, buf, size, len);
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
