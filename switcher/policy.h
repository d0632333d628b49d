/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kswitch refuses before it asks a slot source, in one place, as the
 * kernel keeps its checks in sanity_check_segment_list(): a load, an
 * unload, a switch and a save, each judged against the one scan its
 * request made (@table). Commands and the menu go through here, never to
 * a source's load, unload or enter directly. Each returns 0 or -errno,
 * with the errnos the kernel would give (errors.c explains them).
 */
#ifndef KSWITCH_POLICY_H
#define KSWITCH_POLICY_H

#include "profile.h"
#include "slots.h"

struct ks_load_plan;

/*
 * Load @profile through @src: refuse a name a slot has already
 * (-EALREADY), files that cannot be read (ks_profile_unreadable()), a
 * slot that does not exist (-EINVAL) or no empty one (-ENOSPC); then load
 * it into its slot or the first empty one, *@slot. *@culprit is what an
 * error is about: the file for the unreadable ones, the kernel for one
 * that is no kernel, cut short or without slot support (-ENOEXEC,
 * -EBADMSG, -EPROTONOSUPPORT), else the profile's name.
 */
int ks_policy_load(struct ks_slot_source *src,
		   const struct ks_slot_table *table,
		   const struct ks_profile *profile, unsigned int *slot,
		   const char **culprit);

/*
 * Load @profile as this system's jump peer ('kswitch jump'), not into a
 * slot: its files are checked as for a slot (*@culprit as above), then
 * the loader places it (*@plan).
 */
int ks_policy_load_peer(const struct ks_profile *profile,
			struct ks_load_plan *plan, const char **culprit);

/*
 * Unload @slot. What the kernel refuses without saying why is refused
 * first, with its own errno: slot 0, the system the machine booted
 * (-EINVAL), and this system's slot (-EBUSY).
 */
int ks_policy_unload(struct ks_slot_source *src,
		     const struct ks_slot_table *table, unsigned int slot);

/*
 * Switch to @slot, refused as the kernel refuses it
 * (ks_slot_enter_refusal()); returns when this system runs again.
 */
int ks_policy_enter(struct ks_slot_source *src,
		    const struct ks_slot_table *table, unsigned int slot);

/*
 * Whether the system in @slot can be saved: only a suspended one, which
 * can be resumed. -EINVAL slot 0 or this one, -EIO crashed, -ESHUTDOWN
 * shut down, -EBUSY never run (nothing but its kernel to save), -ENOENT
 * empty.
 */
int ks_policy_save(const struct ks_slot_table *table, unsigned int slot);

#endif /* KSWITCH_POLICY_H */
