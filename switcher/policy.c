// SPDX-License-Identifier: GPL-2.0
/*
 * What kswitch refuses before it asks a slot source (policy.h). Each
 * check is here because the kernel would refuse the same request later,
 * less precisely (it cannot name the file or the slot), or not at all
 * (it has no profiles, so no names to compare).
 */
#include <errno.h>
#include <stddef.h>

#include "loader.h"
#include "policy.h"

/*
 * The files first, so that a missing or odd one is named exactly; the
 * kernel would only see a load fail.
 */
static int check_files(const struct ks_profile *profile, const char **culprit)
{
	int ret;

	*culprit = ks_profile_unreadable(profile, &ret);
	return *culprit ? ret : 0;
}

int ks_policy_load(struct ks_slot_source *src,
		   const struct ks_slot_table *table,
		   const struct ks_profile *profile, unsigned int *slot,
		   const char **culprit)
{
	struct ks_profile placed;
	unsigned int loaded;
	int ret;

	*culprit = profile->name;
	/* Names find slots: two with one name could not both be found. */
	if (!ks_slot_named(table, profile->name, &loaded))
		return -EALREADY;
	ret = check_files(profile, culprit);
	if (ret)
		return ret;
	*culprit = profile->name;
	/* Its slot is picked from this scan, not from another one. */
	placed = *profile;
	ret = ks_pick_slot(table, profile, &placed.slot);
	if (!ret)
		ret = src->ops->load(src->priv, &placed, slot);
	/* What is wrong with the kernel image is said of its file. */
	if (ret == -ENOEXEC || ret == -EBADMSG || ret == -EPROTONOSUPPORT)
		*culprit = profile->kernel;
	return ret;
}

int ks_policy_load_peer(const struct ks_profile *profile,
			struct ks_load_plan *plan, const char **culprit)
{
	int ret;

	ret = check_files(profile, culprit);
	if (ret)
		return ret;
	*culprit = profile->kernel;
	return ks_loader_load_peer(profile, plan);
}

int ks_policy_unload(struct ks_slot_source *src,
		     const struct ks_slot_table *table, unsigned int slot)
{
	/* The kernel answers both with a bare -EINVAL or -EBUSY. */
	if (!slot)
		return -EINVAL;
	if (slot == table->self)
		return -EBUSY;
	return src->ops->unload(src->priv, slot);
}

int ks_policy_enter(struct ks_slot_source *src,
		    const struct ks_slot_table *table, unsigned int slot)
{
	int ret = ks_slot_enter_refusal(table, slot);

	return ret ? ret : src->ops->enter(src->priv, slot);
}

int ks_policy_save(const struct ks_slot_table *table, unsigned int slot)
{
	if (!slot || slot >= KEXEC_SLOTS_MAX || slot == table->self)
		return -EINVAL;
	switch (table->slot[slot].state) {
	case KEXEC_SLOT_SUSPENDED:
		return 0;
	case KEXEC_SLOT_CRASHED:
		return -EIO;
	case KEXEC_SLOT_EXITED:
		return -ESHUTDOWN;
	case KEXEC_SLOT_LOADED:
		return -EBUSY; /* never run: nothing but its kernel to save */
	case KEXEC_SLOT_RUNNING:
		return -EINVAL;
	default:
		return -ENOENT;
	}
}
