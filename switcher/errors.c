// SPDX-License-Identifier: GPL-2.0
/*
 * What went wrong with a request, said once for every command and the
 * menu: a table from (request, errno) to a line and an exit code. The
 * errnos are the kernel's (include/linux/kexec_slots.h) and the loader's
 * (loader.h); -ENXIO is kswitch's own "no slot of that name or number".
 * Every line the commands print passes through ks_error() here.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "loader.h"
#include "profile.h"
#include "sysinfo.h"

/* A limit of the kernel's, spelled in a message as the header has it. */
#define STR_(x) #x
#define STR(x) STR_(x)

#define ANY_REQUEST (~0u)
#define REQ(r) (1u << (r))

struct explanation {
	unsigned int requests; /* REQ() bits */
	int err;
	int exit_code;
	/*
	 * %s: what the request was about. A row that also says the last
	 * slot's number names both by position: %1$s and %2$d.
	 */
	const char *fmt;
};

static const struct explanation explanations[] = {
	{ ANY_REQUEST, -ENXIO, KSWITCH_EXIT_NO_SLOT,
	  "there is no slot '%1$s'; name a slot 0 to %2$d or a loaded system ('kswitch list')" },
	{ REQ(KS_REQ_UNLOAD), -EINVAL, KSWITCH_EXIT_SLOT_RUNNING,
	  "slot %s is the system the machine booted, which holds the others; it cannot be unloaded" },
	{ ANY_REQUEST, -ENODEV, KSWITCH_EXIT_WRONG_SYSTEM,
	  "this kernel has no memory slots; boot the kswitch kernel" },
	{ ANY_REQUEST & ~REQ(KS_REQ_LOG), -EOPNOTSUPP,
	  KSWITCH_EXIT_WRONG_SYSTEM,
	  "slots are loaded and unloaded from slot 0; switch there first" },
	/* Files kswitch reads (ks_open_regular()): never a FIFO or device. */
	{ REQ(KS_REQ_LOAD) | REQ(KS_REQ_SCAN) | REQ(KS_REQ_RESTORE) |
		  REQ(KS_REQ_CALL),
	  -ESPIPE, KSWITCH_EXIT_NOT_REGULAR,
	  "'%s' is not a regular file (a FIFO, a device or a directory); give the file itself" },
	{ REQ(KS_REQ_LOAD) | REQ(KS_REQ_CALL), -EFBIG, KSWITCH_EXIT_TOO_BIG,
	  "'%s' is larger than 2 GiB, more than any kernel or initrd; check the path" },
	{ REQ(KS_REQ_SCAN), -EFBIG, KSWITCH_EXIT_TOO_BIG,
	  "'%s' is larger than 64 KiB, too large for a slots file; check the path" },

	{ REQ(KS_REQ_SWITCH), -ENOENT, KSWITCH_EXIT_SLOT_EMPTY,
	  "slot %s is empty; load a system into it first ('kswitch load')" },
	{ REQ(KS_REQ_SWITCH), -EALREADY, KSWITCH_EXIT_SLOT_CURRENT,
	  "slot %s is this system; name another slot ('kswitch list')" },
	{ REQ(KS_REQ_SWITCH), -EIO, KSWITCH_EXIT_SLOT_CRASHED,
	  "slot %s has crashed; unload it and load it again" },
	{ REQ(KS_REQ_SWITCH), -ESHUTDOWN, KSWITCH_EXIT_SLOT_EXITED,
	  "slot %s has shut down (it powered off, halted, rebooted or ran kexec); unload it and load it again" },
	{ REQ(KS_REQ_SHUTDOWN), -EINPROGRESS, KSWITCH_EXIT_NOT_SHUT_DOWN,
	  "slot %s was left before its system had shut down, and is kept; switch to it and shut it down there, or run 'kswitch down' again" },
	{ REQ(KS_REQ_SWITCH), -EBUSY, KSWITCH_EXIT_FAILURE,
	  "could not switch to slot %s: a task would not freeze, another switch is under way, or this system is shutting down; try again" },

	{ REQ(KS_REQ_LOAD), -ENOENT, KSWITCH_EXIT_NO_FILE,
	  "cannot read '%s': no such file; check the path" },
	{ REQ(KS_REQ_LOAD), -EACCES, KSWITCH_EXIT_NO_FILE,
	  "cannot read '%s': permission denied; check its mode" },
	{ REQ(KS_REQ_LOAD), -ENOEXEC, KSWITCH_EXIT_NOT_KERNEL,
	  "'%s' is not a 64-bit relocatable bzImage; give an x86_64 kernel image" },
	{ REQ(KS_REQ_LOAD), -EBADMSG, KSWITCH_EXIT_TRUNCATED,
	  "'%s' is cut short (truncated bzImage); copy it again" },
	{ REQ(KS_REQ_LOAD), -EPROTONOSUPPORT, KSWITCH_EXIT_NO_RETURN,
	  "'%s' has no memory slot support (CONFIG_KEXEC_SLOTS) and would never switch back; load a kernel built with the kswitch patches" },
	{ REQ(KS_REQ_LOAD), -ENOMEM, KSWITCH_EXIT_NO_MEMORY,
	  "not enough free memory to load '%s'; unload a slot or ask for less memory" },
	{ REQ(KS_REQ_LOAD), -ENOBUFS, KSWITCH_EXIT_NO_MEMORY,
	  "the free memory for '%s' is in more pieces than the " STR(
		  KEXEC_SLOT_MAX_RANGES) " ranges a slot has (one is its low window); ask for less memory, or load it as a swap slot (--swap)" },
	{ REQ(KS_REQ_LOAD), -EOVERFLOW, KSWITCH_EXIT_NO_MEMORY,
	  "the memory asked for '%s' is too small for its kernel and initrd; give it more" },
	{ REQ(KS_REQ_LOAD), -EBUSY, KSWITCH_EXIT_SLOT_IN_USE,
	  "the slot for '%s' is in use; unload it first or pick an empty one ('kswitch list')" },
	{ REQ(KS_REQ_LOAD), -ENOSPC, KSWITCH_EXIT_SLOT_IN_USE,
	  "no empty slot for '%s'; unload one first ('kswitch unload')" },
	{ REQ(KS_REQ_LOAD), -EALREADY, KSWITCH_EXIT_SLOT_IN_USE,
	  "'%s' is loaded already; 'kswitch list' shows where" },
	{ REQ(KS_REQ_LOAD), -EEXIST, KSWITCH_EXIT_SLOT_IN_USE,
	  "the hotkey for '%s' is another slot's; give another with --hotkey or hotkey =" },
	{ REQ(KS_REQ_LOAD), -EINVAL, KSWITCH_EXIT_USAGE,
	  "the kernel refused to load '%s' as asked (size, kind or hotkey); see 'kswitch load --help'" },
	{ REQ(KS_REQ_LOAD), -E2BIG, KSWITCH_EXIT_USAGE,
	  "the command line for '%s' is too long for its kernel; shorten it" },
	/* The kernel's signature check (KEXEC_SLOT_IOC_LOAD_FILE). */
	{ REQ(KS_REQ_LOAD), -ENODATA, KSWITCH_EXIT_UNSIGNED,
	  "'%s' is not signed, and this kernel is locked down: it loads only kernels whose signature it verifies; sign it with a key it trusts (docs/security.md)" },
	{ REQ(KS_REQ_LOAD), -ENOKEY, KSWITCH_EXIT_UNTRUSTED_KEY,
	  "'%s' is signed with a key this kernel does not trust (none of its keyrings, UEFI db and MOK included, has it); sign it with a trusted key or enroll yours (docs/security.md)" },
	{ REQ(KS_REQ_LOAD), -EKEYREJECTED, KSWITCH_EXIT_BAD_SIGNATURE,
	  "the signature of '%s' does not match its contents: the file changed after it was signed; sign it again or use the file as signed" },
	{ REQ(KS_REQ_LOAD), -ELIBBAD, KSWITCH_EXIT_BAD_SIGNATURE,
	  "the signature of '%s' is malformed; sign it again (sbsign, docs/security.md)" },

	{ REQ(KS_REQ_UNLOAD), -ENOENT, KSWITCH_EXIT_SLOT_EMPTY,
	  "slot %s is empty already; 'kswitch list' shows the loaded ones" },
	{ REQ(KS_REQ_UNLOAD), -EBUSY, KSWITCH_EXIT_SLOT_RUNNING,
	  "slot %s is running (it is this system); switch to slot 0 and unload it from there" },

	{ REQ(KS_REQ_LOG), -EPERM, KSWITCH_EXIT_NO_PRIVILEGE,
	  "reading a crashed system's console lines needs CAP_SYSLOG; run kswitch as root" },
	{ REQ(KS_REQ_LOG), -ENODATA, KSWITCH_EXIT_NO_LOG,
	  "slot %s has not crashed or shut down; only such a system's last console lines are kept" },
	{ REQ(KS_REQ_LOG), -EOPNOTSUPP, KSWITCH_EXIT_NO_LOG,
	  "no console lines are kept for slot %s here; only the kernel keeps them" },

	{ REQ(KS_REQ_SAVE), -EINVAL, KSWITCH_EXIT_SLOT_RUNNING,
	  "slot %s is the system the machine booted; only the systems it holds can be saved" },
	{ REQ(KS_REQ_SAVE), -ENOENT, KSWITCH_EXIT_SLOT_EMPTY,
	  "slot %s has no system in it; 'kswitch list' shows the loaded ones" },
	{ REQ(KS_REQ_SAVE), -EBUSY, KSWITCH_EXIT_NOT_SUSPENDED,
	  "slot %s has not run yet, so there is nothing of it to save but its kernel; switch to it first, or load it again later" },
	{ REQ(KS_REQ_SAVE), -EIO, KSWITCH_EXIT_SLOT_CRASHED,
	  "slot %s has crashed and cannot be resumed; 'kswitch dump' writes its core, 'kswitch unload' frees it" },
	{ REQ(KS_REQ_SAVE), -ESHUTDOWN, KSWITCH_EXIT_SLOT_EXITED,
	  "slot %s has shut down and cannot be resumed; 'kswitch dump' writes its core, 'kswitch unload' frees it" },
	{ REQ(KS_REQ_SAVE), -EAGAIN, KSWITCH_EXIT_FAILURE,
	  "slot %s ran again while it was being saved; the file is written but the slot is kept, save it again" },

	/* The slot file save and dump write (@what is its path). */
	{ REQ(KS_REQ_WRITE), -ENOENT, KSWITCH_EXIT_NO_FILE,
	  "cannot write '%s': no such directory; check the path" },
	{ REQ(KS_REQ_WRITE), -EACCES, KSWITCH_EXIT_NO_FILE,
	  "cannot write '%s': permission denied; check the directory" },
	{ REQ(KS_REQ_WRITE), -ENOSPC, KSWITCH_EXIT_FAILURE,
	  "cannot write '%s': no space left on its device; the slot is left as it was" },
	{ REQ(KS_REQ_WRITE), -EDQUOT, KSWITCH_EXIT_FAILURE,
	  "cannot write '%s': disk quota exceeded; the slot is left as it was" },
	{ REQ(KS_REQ_WRITE), -EIO, KSWITCH_EXIT_FAILURE,
	  "cannot write '%s': an I/O error on its device; the slot is left as it was" },

	{ REQ(KS_REQ_RESTORE), -ENOENT, KSWITCH_EXIT_NO_FILE,
	  "cannot read '%s': no such file; check the path" },
	{ REQ(KS_REQ_RESTORE), -EACCES, KSWITCH_EXIT_NO_FILE,
	  "cannot read '%s': permission denied; check its mode" },
	{ REQ(KS_REQ_RESTORE), -ENOEXEC, KSWITCH_EXIT_BAD_FILE,
	  "'%s' is not a slot file as 'kswitch save' writes it; nothing was restored" },
	{ REQ(KS_REQ_RESTORE), -EBADMSG, KSWITCH_EXIT_TRUNCATED,
	  "'%s' is cut short (truncated slot file); nothing was restored, copy it again" },
	{ REQ(KS_REQ_RESTORE), -EILSEQ, KSWITCH_EXIT_BAD_FILE,
	  "'%s' is corrupted (its checksum or layout does not match); nothing was restored, use another copy" },
	{ REQ(KS_REQ_RESTORE), -EPROTO, KSWITCH_EXIT_OTHER_SLOT0,
	  "'%s' was saved under another build of slot 0's kernel; restore it under the kernel it was saved from" },
	{ REQ(KS_REQ_RESTORE), -ESTALE, KSWITCH_EXIT_OTHER_SLOT0,
	  "'%s' was saved under another boot of slot 0; a saved system comes back only to the slot 0 it left" },
	{ REQ(KS_REQ_RESTORE), -EBUSY, KSWITCH_EXIT_SLOT_IN_USE,
	  "the slot to restore '%s' into is in use; pick an empty one ('kswitch list')" },
	{ REQ(KS_REQ_RESTORE), -EINVAL, KSWITCH_EXIT_USAGE,
	  "the kernel refused the memory ranges of '%s'; it was not written by 'kswitch save'" },
	{ REQ(KS_REQ_RESTORE), -ENOMEM, KSWITCH_EXIT_NO_MEMORY,
	  "not enough free memory to restore '%s'; unload or save a slot first" },
	{ REQ(KS_REQ_RESTORE), -EADDRNOTAVAIL, KSWITCH_EXIT_BAD_FILE,
	  "'%s' puts memory where slot 0 keeps its own; it was not saved from this slot 0" },

	{ REQ(KS_REQ_JUMP), -ENOENT, KSWITCH_EXIT_NOTHING_LOADED,
	  "nothing to jump to; load a system first with 'kswitch load KERNEL'" },
	{ REQ(KS_REQ_JUMP), -EBUSY, KSWITCH_EXIT_FAILURE,
	  "this system could not be frozen (a task refused, or another switch is under way); try again" },

	{ REQ(KS_REQ_CALL), -ENOENT, KSWITCH_EXIT_NO_FILE,
	  "cannot read payload '%s': no such file; check the path" },
	{ REQ(KS_REQ_CALL), -ENOEXEC, KSWITCH_EXIT_NOT_KERNEL,
	  "'%s' is not an x86_64 ELF executable with page-aligned segments; link it with tools/payloads/payload.ld" },
	{ REQ(KS_REQ_CALL), -ESRCH, KSWITCH_EXIT_NOT_KERNEL,
	  "'%s' has no ks_call_page_addr symbol; see docs/kexec-jump.md" },
	{ REQ(KS_REQ_CALL), -E2BIG, KSWITCH_EXIT_USAGE,
	  "the argument is too long for the call page; shorten it" },
	{ REQ(KS_REQ_CALL), -EBUSY, KSWITCH_EXIT_SLOT_IN_USE,
	  "a system is loaded, and a call would replace it; unload it first" },
	{ REQ(KS_REQ_CALL), -ENOSYS, KSWITCH_EXIT_WRONG_SYSTEM,
	  "this kernel has no kexec call page; boot the kswitch kernel" },
	{ REQ(KS_REQ_CALL), -EPROTO, KSWITCH_EXIT_FAILURE,
	  "the payload did not run or refused its argument" },

	{ REQ(KS_REQ_SCAN), -ENOENT, KSWITCH_EXIT_NO_FILE,
	  "cannot read the slots file '%s'; check the path" },
	{ REQ(KS_REQ_SCAN), -EBADMSG, KSWITCH_EXIT_FAILURE,
	  "'%s' is not a slot table as 'kswitch list --json' writes it" },
};

static const char *const request_verbs[] = {
	[KS_REQ_SWITCH] = "switch to slot",
	[KS_REQ_LOAD] = "load",
	[KS_REQ_UNLOAD] = "unload slot",
	[KS_REQ_SCAN] = "read the slots of",
	[KS_REQ_LOG] = "read the console lines of slot",
	[KS_REQ_SAVE] = "save slot",
	[KS_REQ_WRITE] = "write",
	[KS_REQ_RESTORE] = "restore",
	[KS_REQ_WATCH] = "watch the switches away from",
	[KS_REQ_SHUTDOWN] = "shut down slot",
	[KS_REQ_JUMP] = "jump",
	[KS_REQ_CALL] = "call",
};

_Static_assert(sizeof(request_verbs) / sizeof(request_verbs[0]) ==
		       NR_KS_REQUESTS,
	       "a verb for every request");

/* A kernel.* sysctl's value, or -1 if it cannot be read. */
static long read_sysctl(const char *name)
{
	char path[64];
	long value = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/sys/kernel/%s", name);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &value) != 1)
		value = -1;
	fclose(f);
	return value;
}

/*
 * A load or restore answers to what kexec_load() answers to: when the
 * capability is there and the kernel is not locked down, -EPERM is the
 * kexec_load_disabled sysctl, the load limit, or an LSM such as LoadPin.
 */
static int explain_load_policy(const char *what, char *msg, size_t size)
{
	if (read_sysctl("kexec_load_disabled") == 1)
		snprintf(
			msg, size,
			"loading kernels is disabled (kernel.kexec_load_disabled=1, set until the next boot), so '%s' cannot be loaded or restored; boot without it to load slots",
			what);
	else if (read_sysctl("kexec_load_limit_reboot") == 0)
		snprintf(
			msg, size,
			"no kernel loads are left (kernel.kexec_load_limit_reboot=0), so '%s' cannot be loaded or restored; boot again to load slots",
			what);
	else
		snprintf(
			msg, size,
			"a security policy (LoadPin or another LSM) refused to load '%s', as it refuses kexec_load(); see the kernel log",
			what);
	return KSWITCH_EXIT_POLICY;
}

/*
 * What lockdown refuses, by request (docs/security.md): code or memory
 * the kernel did not verify, and, in confidentiality mode, reading
 * another system's memory.
 */
static int explain_lockdown(enum ks_request req, const char *what,
			    const char *mode, char *msg, size_t size)
{
	switch (req) {
	case KS_REQ_LOAD:
		snprintf(
			msg, size,
			"the kernel is locked down (%s) and loads only kernels it verifies, which it cannot do for '%s' (a kernel without CONFIG_KEXEC_SIG verifies none); boot a kernel that has it, or boot without lockdown",
			mode, what);
		break;
	case KS_REQ_SWITCH:
		snprintf(
			msg, size,
			"slot %s holds a kernel that was not verified, and the kernel is locked down (%s), which forbids entering it; unload it and load a signed kernel",
			what, mode);
		break;
	case KS_REQ_RESTORE:
		snprintf(
			msg, size,
			"the kernel is locked down (%s): slot files are not signed, so restoring '%s' would run code nothing verified; restore it on a system booted without lockdown",
			mode, what);
		break;
	case KS_REQ_SAVE:
		snprintf(
			msg, size,
			"the kernel is locked down (%s), which keeps other systems' memory from being read, as /proc/kcore is; boot without confidentiality lockdown to save or dump slot %s",
			mode, what);
		break;
	default:
		snprintf(
			msg, size,
			"the kernel is locked down (%s) and refuses this, as it refuses kexec_load(); boot without lockdown, or load a signed kernel into a slot ('kswitch load')",
			mode);
		break;
	}
	return KSWITCH_EXIT_LOCKED_DOWN;
}

/*
 * A missing CAP_SYS_BOOT, kernel lockdown and the load policies all answer
 * -EPERM: blame the others only when the capability is there.
 */
static int explain_eperm(enum ks_request req, const char *what, char *msg,
			 size_t size)
{
	char mode[32];

	if (!ks_has_cap_sys_boot()) {
		snprintf(msg, size,
			 "this needs CAP_SYS_BOOT; run kswitch as root");
		return KSWITCH_EXIT_NO_PRIVILEGE;
	}
	if (ks_lockdown(mode, sizeof(mode)) > 0)
		return explain_lockdown(req, what, mode, msg, size);
	if (req == KS_REQ_LOAD || req == KS_REQ_RESTORE)
		return explain_load_policy(what, msg, size);
	snprintf(msg, size, "this needs CAP_SYS_BOOT; run kswitch as root");
	return KSWITCH_EXIT_NO_PRIVILEGE;
}

int ks_explain_load(const struct ks_profile *p, const char *what, int err,
		    char *msg, size_t size)
{
	char mode[32];
	uint64_t need;

	/* Only the load of segments, which nothing verifies, drops UEFI. */
	if (err == -EPERM && p->no_efi && ks_has_cap_sys_boot() &&
	    ks_lockdown(mode, sizeof(mode)) > 0) {
		snprintf(
			msg, size,
			"the kernel is locked down (%s) and loads only kernels it verifies, and '%s' asks for no UEFI (--noefi, efi = no), which only the unverified load gives; drop that option",
			mode, what);
		return KSWITCH_EXIT_LOCKED_DOWN;
	}

	if (err != -EOVERFLOW || ks_loader_min_mem(p, &need))
		return ks_explain(KS_REQ_LOAD, what, err, msg, size);
	snprintf(
		msg, size,
		"the %llu MiB asked for '%s' are too small for its kernel and initrd, which need %llu MiB at least; give it that much or more",
		(unsigned long long)(p->mem_size >> 20), what,
		(unsigned long long)(need >> 20));
	return KSWITCH_EXIT_NO_MEMORY;
}

int ks_explain(enum ks_request req, const char *what, int err, char *msg,
	       size_t size)
{
	const struct explanation *e;
	size_t i;

	/* A payload's call is refused by its mapping as EACCES. */
	if (req == KS_REQ_CALL && err == -EACCES)
		err = -EPERM;
	/* The slot requests need CAP_SYS_BOOT; log needs CAP_SYSLOG. */
	if (err == -EPERM && req != KS_REQ_LOG)
		return explain_eperm(req, what, msg, size);
	for (i = 0; i < sizeof(explanations) / sizeof(explanations[0]); i++) {
		e = &explanations[i];
		if (e->err != err || !(e->requests & REQ(req)))
			continue;
		/* The slot numbers are the header's: said from its constant. */
		snprintf(msg, size, e->fmt, what, KEXEC_SLOTS_MAX - 1);
		return e->exit_code;
	}
	snprintf(msg, size, "cannot %s%s%s: %s", request_verbs[req],
		 *what ? " " : "", what, strerror(-err));
	return KSWITCH_EXIT_FAILURE;
}

void ks_error(const char *fmt, ...)
{
	char msg[1024], shown[KS_PRINTABLE_SIZE(sizeof(msg))];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/*
	 * Every error passes here, with names, paths and values from files
	 * and arguments in it: none may send the terminal an escape.
	 */
	fprintf(stderr, "kswitch: %s\n",
		ks_printable(msg, shown, sizeof(shown)));
}

int ks_fail(enum ks_request req, const char *what, int err)
{
	char msg[256];
	int code;

	code = ks_explain(req, what, err, msg, sizeof(msg));
	ks_error("%s", msg);
	return code;
}

int ks_fail_load(const struct ks_profile *p, const char *what, int err)
{
	char msg[256];
	int code;

	code = ks_explain_load(p, what, err, msg, sizeof(msg));
	ks_error("%s", msg);
	return code;
}

int ks_unknown_command(const char *name)
{
	ks_error("there is no command '%s'; 'kswitch help' lists them", name);
	return KSWITCH_EXIT_USAGE;
}

/* The long option of @options with value @val, or NULL. */
static const struct option *long_option(const struct option *options, int val)
{
	for (; options->name; options++)
		if (options->val == val)
			return options;
	return NULL;
}

int ks_option_error(const struct option *options, char **argv, int opt,
		    const char *help)
{
	/* getopt_long() has just stepped past the element in question. */
	const char *elem = argv[optind - 1];
	const struct option *o = optopt ? long_option(options, optopt) : NULL;

	/* optopt is the option's value: a long one's if one was written. */
	if (o && !strncmp(elem, "--", 2))
		ks_error("--%s %s; see '%s'", o->name,
			 opt == ':' ? "needs a value" : "takes no value", help);
	else if (optopt && opt == ':')
		ks_error("-%c needs a value; see '%s'", optopt, help);
	/* In a cluster (-xh), argv[optind - 1] is no option at all. */
	else if (optopt)
		ks_error("unknown option '-%c'; see '%s'", optopt, help);
	/* Its name without a value; all of "--=", which has no name. */
	else
		ks_error("unknown option '%.*s'; see '%s'",
			 strcspn(elem, "=") > 2 ? (int)strcspn(elem, "=")
						: (int)strlen(elem),
			 elem, help);
	return KSWITCH_EXIT_USAGE;
}
