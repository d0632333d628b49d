# kswitch, built twice: for the host (tests) and static for the guests.
# Included from the top-level Makefile.
#
# KSWITCH_LIB_SRCS is everything but the commands and the terminal: the C
# unit tests link against it (tests/unit/c-tests.sh asks for it with
# 'make -s print-lib-sources', the fuzzers too), so a new module is listed
# here once. KSWITCH_CMD_SRCS: the commands and the screen, without main().

KSWITCH_LIB_SRCS := $(addprefix switcher/,errors.c policy.c sysinfo.c \
	menu.c slot_kernel.c slot_snapshot.c payload.c loader.c efi.c \
	bzimage.c e820.c kexec_syscall.c jump_entry.S) \
	$(addprefix slots/,slots.c slots_json.c profile.c slots_file.c \
	snapshot.c)
KSWITCH_CMD_SRCS := $(addprefix switcher/,context.c cmd_status.c cmd_load.c \
	cmd_jump.c cmd_call.c cmd_slots.c cmd_up.c cmd_menu.c cmd_snapshot.c \
	cmd_watch.c cmd_down.c menu_screen.c)
KSWITCH_SRCS := switcher/kswitch.c $(KSWITCH_CMD_SRCS) $(KSWITCH_LIB_SRCS)
KSWITCH_LIBS := -lelf -lz -lncursesw -ltinfo
KSWITCH_HDRS := $(wildcard switcher/*.h slots/*.h include/*/*.h)

$(BUILD)/bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(KSWITCH_SRCS) \
		$(KSWITCH_LIBS)

$(BUILD)/guest-bin/kswitch: $(KSWITCH_SRCS) $(KSWITCH_HDRS) | $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -static -o $@ $(KSWITCH_SRCS) $(KSWITCH_LIBS)

print-lib-sources:
	@echo $(KSWITCH_LIB_SRCS)
print-cmd-sources:
	@echo $(KSWITCH_CMD_SRCS)
.PHONY: print-lib-sources print-cmd-sources
