/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Memory slots for kexec jump: several preserved-context systems resident
 * at once, each in its own slot, any one switchable to any other.
 *
 * Slot 0 is the system the machine booted; it owns all RAM and lends it
 * to the systems it loads into slots 1..KEXEC_SLOTS_MAX-1. Every slot
 * kernel reaches the others through the slot directory, a page of slot 0's
 * whose layout below is shared by kernels that may be different builds.
 *
 * /dev/kexec_slots takes the ioctls below. Only slot 0 reserves, loads and
 * unloads; any slot lists, switches and asks which slot it is. Changes
 * need CAP_SYS_BOOT. A request's flags have no flag defined yet and must
 * be 0, so that a later kernel can give them a meaning; an older kernel
 * then refuses a request it would not understand. A request that fails
 * changes nothing; its errno says why:
 *
 *   EPERM          no CAP_SYS_BOOT; under kernel lockdown, a load or
 *                  restore of bytes the kernel cannot verify, or a
 *                  switch to a slot loaded that way
 *   EINVAL         no such slot, slot 0 where a loaded slot is meant, a
 *                  zero size, an unknown kind, a hotkey that is no digit,
 *                  too many segments, or flags or a pad set
 *   EOPNOTSUPP     reserve, load, unload, restore, read or ask a core in
 *                  a slot other than 0
 *   EBUSY          reserve or restore into a slot in use, or load into
 *                  one loaded
 *   ENOENT         load, switch to, unload, read or ask the core of an
 *                  empty slot (or one with nothing loaded, for the last
 *                  two)
 *   ENOMEM         not enough free memory for the slot
 *   ENOBUFS        enough free memory, but in more pieces than a
 *                  resident slot has ranges for (KEXEC_SLOT_MAX_RANGES,
 *                  one of them its low window)
 *   EADDRNOTAVAIL  a segment, the entry point or a read outside the
 *                  slot's memory; a restored range that is not RAM or
 *                  holds what slot 0 keeps in place
 *   ERANGE         a swap slot's segments do not cover all of its memory
 *   EEXIST         reserve with a hotkey another slot has
 *   EALREADY       switch to the slot that runs
 *   EIO            switch to a crashed slot
 *   ESHUTDOWN      switch to a slot whose system powered off, halted or
 *                  rebooted
 *   ENODATA        the log of a slot that has not crashed
 *   ESTALE         restore a system saved in another boot of slot 0
 *   EFAULT         a bad user pointer
 *   EKEYREJECTED, EBADMSG, ENOKEY, ENOPKG, ENOEXEC ... LOAD_FILE: what
 *                  kexec_file_load() returns for the same files (a
 *                  signature that does not verify, a kernel the loader
 *                  does not take)
 *   EINVAL         (also) READY with a seq no notice had, or from a file
 *                  that is no watcher; read() of one
 *   EBUSY          (also) WATCH on a file that watches already; a switch
 *                  away from a system that slot 0 asked to shut down
 *   EINVAL         (also) SHUTDOWN of a slot that has never run: it has
 *                  no system to shut down, unload it
 */
#ifndef _UAPI_LINUX_KEXEC_SLOTS_H
#define _UAPI_LINUX_KEXEC_SLOTS_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KEXEC_SLOTS_MAX		9	/* slot 0 and 8 loaded slots */
#define KEXEC_SLOT_NAME_LEN	32
#define KEXEC_SLOT_MAX_RANGES	8

enum kexec_slot_state {
	KEXEC_SLOT_EMPTY = 0,
	KEXEC_SLOT_RESERVED,	/* memory set aside, nothing loaded yet */
	KEXEC_SLOT_LOADED,	/* loaded, never entered */
	KEXEC_SLOT_RUNNING,
	KEXEC_SLOT_SUSPENDED,
	KEXEC_SLOT_CRASHED,
	KEXEC_SLOT_EXITED,	/* powered off, halted or rebooted */
};

/*
 * A resident slot owns its memory while it is loaded, so a switch copies
 * none of it. A swap slot borrows one region of slot 0's memory while it
 * runs; slot 0 keeps it in backup pages while it is away and swaps the two
 * at each switch into or out of it, which goes through slot 0. Its
 * segments must cover all of its memory.
 */
enum kexec_slot_kind {
	KEXEC_SLOT_RESIDENT = 0,
	KEXEC_SLOT_SWAP,
};

struct kexec_slot_range {
	__u64 start;
	__u64 size;
};

/*
 * The phases of a switch, in the order they happen; they add up to
 * last_switch_ns. The slot left freezes its tasks, suspends its devices
 * and takes its other CPUs down; slot 0 swaps a swap slot's memory out or
 * in on the way; the slot entered brings its CPUs up, resumes its devices
 * and thaws its tasks.
 */
enum kexec_switch_phase {
	KEXEC_PHASE_PREPARE = 0,	/* from the request to freezing */
	KEXEC_PHASE_FREEZE,
	KEXEC_PHASE_SUSPEND,
	KEXEC_PHASE_CPUS_DOWN,		/* and syscore suspend */
	KEXEC_PHASE_MEMORY,		/* swapping swap slots' memory */
	KEXEC_PHASE_JUMP,		/* the jumps, through slot 0 or not */
	KEXEC_PHASE_CPUS_UP,		/* and syscore resume */
	KEXEC_PHASE_RESUME,
	KEXEC_PHASE_THAW,
	KEXEC_SWITCH_PHASES
};

/*
 * Info flags. VERIFIED: loaded by LOAD_FILE, with a kernel whose signature
 * verified against the kernel's keyrings (or, under lockdown, that IMA
 * appraised). Slot 0 knows it; in a slot kernel it is what slot 0 noted
 * in the directory.
 */
#define KEXEC_SLOT_VERIFIED	(1U << 0)

/* What KEXEC_SLOT_IOC_INFO returns about one slot. */
struct kexec_slot_info {
	__u32 slot;			/* in: which slot */
	__u32 state;			/* enum kexec_slot_state */
	__u32 kind;			/* enum kexec_slot_kind */
	__u32 nr_ranges;
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];
	__u64 mem_size;			/* bytes of RAM, low window included */
	__u64 times_entered;
	__u64 last_entered_ns;		/* CLOCK_REALTIME of the last entry */
	/*
	 * How long the last switch into the slot took, from the request in
	 * the slot it left to the slot's tasks running again; 0 until a
	 * switch has entered it again (its first entry is its boot).
	 */
	__u64 last_switch_ns;
	char name[KEXEC_SLOT_NAME_LEN];
	/*
	 * '0'..'9', or 0 for none: each kernel's keyboard chord
	 * (kexec_slots.hotkey=, ctrl+alt by default) and this digit switch
	 * to the slot. Slot 0's is '0'.
	 */
	__u32 hotkey;
	__u32 flags;			/* KEXEC_SLOT_VERIFIED */
	/* The phases of the last switch into the slot, as last_switch_ns. */
	__u64 last_switch_phase_ns[KEXEC_SWITCH_PHASES];
};

/*
 * KEXEC_SLOT_IOC_RESERVE: set memory aside for a slot. The kernel chooses
 * the ranges (a low window below 1 MiB first) and returns them, so that
 * the loader can place the segments and write the slot's memory map.
 */
struct kexec_slot_reserve {
	__u32 slot;
	__u32 kind;
	__u64 mem_size;			/* bytes, besides the low window */
	char name[KEXEC_SLOT_NAME_LEN];
	__u32 nr_ranges;		/* out */
	__u32 hotkey;			/* '0'..'9', or 0 for none */
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];	/* out */
	/*
	 * Out: the slot directory's physical address, for the slot kernel's
	 * command line: kexec_slots.dir=<dir_addr> kexec_slots.self=<slot>.
	 */
	__u64 dir_addr;
	__u64 flags;			/* in: 0 */
};

/* KEXEC_SLOT_IOC_LOAD: the segments (struct kexec_segment) and entry. */
struct kexec_slot_load {
	__u32 slot;
	__u32 nr_segments;
	__u64 segments;			/* user pointer */
	__u64 entry;
	__u64 flags;			/* 0 */
};

/*
 * KEXEC_SLOT_IOC_LOAD_FILE: the kernel, initramfs and command line that
 * kexec_file_load() would take, which this kernel reads, checks and lays
 * out in the slot's memory itself: the files pass the LSM and IMA hooks,
 * the kernel's signature is checked against the kernel's keyrings (and
 * must verify under lockdown or CONFIG_KEXEC_SIG_FORCE), and the boot
 * parameters describe the slot's memory alone. The way to load a slot
 * under lockdown.
 */
struct kexec_slot_load_file {
	__u32 slot;
	__s32 kernel_fd;
	__s32 initrd_fd;		/* -1: none */
	__u32 cmdline_len;		/* with its NUL, or 0 */
	__u64 cmdline;			/* user pointer */
	__u64 flags;			/* 0 */
};

/*
 * KEXEC_SLOT_IOC_LOG: the last console lines of a slot kernel that
 * panicked, kept in slot 0's memory until the slot is unloaded. Needs
 * CAP_SYSLOG, as the kernel log does.
 */
struct kexec_slot_log {
	__u32 slot;
	__u32 size;	/* in: buf's size; out: bytes copied, the newest */
	__u64 buf;	/* user pointer */
	__u64 flags;	/* 0 */
};

/*
 * KEXEC_SLOT_IOC_CORE: what a core file of a slot that is loaded but not
 * running needs besides its memory, all physical addresses in it. Only
 * slot 0 asks; it needs CAP_SYS_BOOT, and what kernel lockdown allows of
 * /proc/kcore.
 */
struct kexec_slot_core {
	__u32 slot;		/* in: which slot */
	__u32 vmcoreinfo_size;
	__u64 entry;		/* where the slot's kernel goes on */
	/* Its kernel's VMCOREINFO ELF note; 0 until that kernel has run. */
	__u64 vmcoreinfo_addr;
	/*
	 * The ELF notes (NT_PRSTATUS) with its registers as it last left,
	 * in the crash note of the CPU it left on; 0 until it has left.
	 */
	__u64 notes_addr;
	__u32 notes_size;
	__u32 pad;		/* in: 0 */
	/* The slot directory the slot's kernel uses. */
	__u64 dir_addr;
	/*
	 * Slot 0's boot: a random number it draws as it boots. A system
	 * runs only in the boot of slot 0 it was loaded in, whose directory
	 * and memory it knows.
	 */
	__u64 boot_cookie;
};

/*
 * KEXEC_SLOT_IOC_READ: copy @size bytes of a slot's memory from physical
 * @addr on, all in one of its ranges, as its system left them: in place
 * for a resident slot, from slot 0's backup pages for a swap slot. Asked
 * as the core is.
 */
struct kexec_slot_read {
	__u32 slot;
	__u32 flags;	/* 0 */
	__u64 addr;
	__u64 size;
	__u64 buf;	/* user pointer */
};

/*
 * KEXEC_SLOT_IOC_RESTORE: put a system saved from a slot (its memory read
 * with KEXEC_SLOT_IOC_READ, and its core) back into an empty slot, as
 * suspended: the next switch to it resumes it. Its memory goes back where
 * it was, whatever holds that now, so the slot is a swap slot: slot 0
 * swaps its memory in for each of its stays. The segments must cover the
 * ranges; the core must be from this boot of slot 0.
 */
struct kexec_slot_restore {
	__u32 slot;
	__u32 nr_ranges;
	struct kexec_slot_range ranges[KEXEC_SLOT_MAX_RANGES];
	char name[KEXEC_SLOT_NAME_LEN];
	__u32 hotkey;			/* '0'..'9', or 0 for none */
	__u32 nr_segments;
	__u64 segments;			/* user pointer */
	__u64 times_entered;
	struct kexec_slot_core core;
	__u64 flags;			/* 0 */
};

/*
 * KEXEC_SLOT_IOC_WATCH makes the open file a watcher of this system's
 * switches away, as a program that takes a delay lock from logind is told
 * of a suspend (PrepareForSleep), so that a screen locker can lock first.
 * Before each switch away, by the hotkey or by KEXEC_SLOT_IOC_SWITCH,
 * read() gives every watcher the notice below (poll() says when), and the
 * switch waits until each has answered KEXEC_SLOT_IOC_READY with the
 * notice's seq, or for kexec_slots.watch_ms (2000 by default) at most. A
 * watcher closed needs no answer.
 */
struct kexec_slot_notice {
	__u64 seq;			/* of this notice, for READY */
	__u32 to;			/* the slot the switch enters */
	__u32 flags;			/* 0 */
};

#define KEXEC_SLOT_IOC_MAGIC	0xb9
#define KEXEC_SLOT_IOC_RESERVE	_IOWR(KEXEC_SLOT_IOC_MAGIC, 1, struct kexec_slot_reserve)
#define KEXEC_SLOT_IOC_LOAD	_IOW(KEXEC_SLOT_IOC_MAGIC, 2, struct kexec_slot_load)
#define KEXEC_SLOT_IOC_UNLOAD	_IOW(KEXEC_SLOT_IOC_MAGIC, 3, __u32)
#define KEXEC_SLOT_IOC_SWITCH	_IOW(KEXEC_SLOT_IOC_MAGIC, 4, __u32)
#define KEXEC_SLOT_IOC_INFO	_IOWR(KEXEC_SLOT_IOC_MAGIC, 5, struct kexec_slot_info)
#define KEXEC_SLOT_IOC_SELF	_IOR(KEXEC_SLOT_IOC_MAGIC, 6, __u32)
#define KEXEC_SLOT_IOC_LOG	_IOWR(KEXEC_SLOT_IOC_MAGIC, 7, struct kexec_slot_log)
#define KEXEC_SLOT_IOC_CORE	_IOWR(KEXEC_SLOT_IOC_MAGIC, 8, struct kexec_slot_core)
#define KEXEC_SLOT_IOC_READ	_IOW(KEXEC_SLOT_IOC_MAGIC, 9, struct kexec_slot_read)
#define KEXEC_SLOT_IOC_RESTORE	_IOW(KEXEC_SLOT_IOC_MAGIC, 10, struct kexec_slot_restore)
#define KEXEC_SLOT_IOC_WATCH	_IO(KEXEC_SLOT_IOC_MAGIC, 11)
#define KEXEC_SLOT_IOC_READY	_IOW(KEXEC_SLOT_IOC_MAGIC, 12, __u64)
/*
 * KEXEC_SLOT_IOC_SHUTDOWN, in slot 0: switch to a slot and have its system
 * power off, its user space shutting down as for its own poweroff. Returns
 * when slot 0 is entered again: the slot is then exited, unless its
 * system was left another way before it had shut down.
 */
#define KEXEC_SLOT_IOC_SHUTDOWN	_IOW(KEXEC_SLOT_IOC_MAGIC, 13, __u32)
#define KEXEC_SLOT_IOC_LOAD_FILE _IOW(KEXEC_SLOT_IOC_MAGIC, 14, struct kexec_slot_load_file)

#endif /* _UAPI_LINUX_KEXEC_SLOTS_H */
