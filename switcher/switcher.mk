# kswitch, built twice: for the host (tests) and static for the guests.
# Included from the top-level Makefile.

KSWITCH_SRCS := $(addprefix switcher/,kswitch.c errors.c sysinfo.c \
	cmd_status.c cmd_load.c cmd_jump.c cmd_call.c cmd_slots.c cmd_up.c \
	cmd_menu.c cmd_snapshot.c cmd_watch.c cmd_down.c menu.c menu_screen.c slot_kernel.c \
	slot_snapshot.c payload.c loader.c efi.c \
	bzimage.c e820.c kexec_syscall.c jump_entry.S) \
	$(addprefix slots/,slots.c profile.c slots_file.c snapshot.c)
KSWITCH_LIBS := -lelf -lz -lncursesw -ltinfo
KSWITCH_HDRS := $(wildcard switcher/*.h slots/*.h include/*/*.h)

$(BUILD)/bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(KSWITCH_SRCS) \
		$(KSWITCH_LIBS)

$(BUILD)/guest-bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $(KSWITCH_SRCS) $(KSWITCH_LIBS)
